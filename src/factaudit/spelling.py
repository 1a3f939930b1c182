"""Shared helpers of the spelling rules: edit distance budgets, differences, occurrences."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from factaudit.text import fold_phrase


def allowed_edits(length: int) -> int:
    """How many edits a near-miss of a form of this length may have.

    Short words have too many real neighbours to guess at ("Igor"/"Igar" could both be
    names), so nothing under 5 letters is a near-miss; one edit up to 11 letters; two for
    longer forms, whose neighbourhoods are sparse.
    """
    if length < 5:
        return 0
    return 1 if length < 12 else 2


def near_miss(candidate: str, form: str) -> int | None:
    """Edit distance (transposition = 1) if ``candidate`` is a plausible misspelling of
    ``form`` (both folded), else None. Equal strings are not misspellings."""
    if candidate == form:
        return None
    budget = allowed_edits(len(form))
    if budget == 0 or abs(len(candidate) - len(form)) > 1:
        return None
    distance = OSA.distance(candidate, form, score_cutoff=budget)
    if distance > budget:
        return None
    # a different first letter is far more often another word than a typo
    if candidate[:1] != form[:1]:
        return None
    return distance


def describe_difference(found: str, expected: str) -> str:
    """Human description of how ``found`` differs from ``expected``: "letters 'ud' swapped"."""
    if found.lower() == expected.lower() and found != expected:
        return "differs only in letter case"
    for i in range(min(len(found), len(expected)) - 1):
        if (len(found) == len(expected) and found[:i] == expected[:i]
                and found[i] == expected[i + 1] and found[i + 1] == expected[i]
                and found[i + 2:] == expected[i + 2:]):
            return f"letters '{expected[i:i + 2]}' swapped to '{found[i:i + 2]}'"
    parts = []
    for op in Levenshtein.opcodes(found, expected):
        if op.tag == "replace":
            parts.append(f"'{found[op.src_start:op.src_end]}' instead of "
                         f"'{expected[op.dest_start:op.dest_end]}'")
        elif op.tag == "delete":
            parts.append(f"extra '{found[op.src_start:op.src_end]}'")
        elif op.tag == "insert":
            parts.append(f"missing '{expected[op.dest_start:op.dest_end]}'")
    return "; ".join(parts) or "differs"


Pieces = list[tuple[str, bool]]


def mark_difference(found: str, expected: str) -> tuple[Pieces, Pieces]:
    """Both strings cut into (text, differs) pieces, for reports that highlight letters."""
    a: Pieces = []
    b: Pieces = []
    for op in Levenshtein.opcodes(found, expected):
        same = op.tag == "equal"
        if op.src_end > op.src_start:
            a.append((found[op.src_start:op.src_end], not same))
        if op.dest_end > op.dest_start:
            b.append((expected[op.dest_start:op.dest_end], not same))
    return a, b


@lru_cache(maxsize=8192)
def form_pattern(form: str) -> re.Pattern:
    """Whole-word, case-insensitive pattern of a word or phrase, any spacing between words."""
    words = [re.escape(w) for w in re.split(r"\s+", form.strip()) if w]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def occurrences(text: str, form: str) -> Iterable[tuple[int, int, str]]:
    for m in form_pattern(form).finditer(text):
        yield m.start(), m.end(), m.group(0)


def folded_words(phrases: Iterable[str]) -> set[str]:
    """Every folded word of the given phrases."""
    out: set[str] = set()
    for p in phrases:
        out.update(fold_phrase(p).split())
    return out
