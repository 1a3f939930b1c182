"""Turning files of every supported kind into text whose offsets findings can point into."""
