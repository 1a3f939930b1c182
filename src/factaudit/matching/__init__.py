"""Matching claims against documents: the one scan, attribution, passages and copies."""
