"""Helping users write claims and trust them: explain, mutate, suggest, baseline, init."""
