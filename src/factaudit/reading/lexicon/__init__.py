"""Lexica: edit distances, scripts and invisible characters, Hunspell dictionaries."""
