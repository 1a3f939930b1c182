"""Edit distances and how to describe them: when a word is a plausible misspelling of
another, and what exactly differs ("letters 'ud' swapped to 'du'")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

# A token: letters and digits (with combining marks), any script. Punctuation, spaces and
# invisible format characters (zero-width space, soft hyphen…) separate tokens.
TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u0483-\u0489])*")

# --------------------------------------------------------------------------- budgets


def allowed_edits(length: int) -> int:
    """How many edits a near-miss of a word standing alone may have.

    Short words have too many real neighbours to guess at ("Igor"/"Igar" could both be
    names), so nothing under 5 letters is a near-miss; one edit up to 11 letters; two for
    longer forms, whose neighbourhoods are sparse.
    """
    if length < 5:
        return 0
    return 1 if length < 12 else 2


def context_edits(length: int) -> int:
    """Edits allowed when another word of the same name stands beside the word: one, and
    two from 8 letters (two letters swapped apart, "Wisibono" for "Wibisono", are two
    edits), where the name's other word makes a coincidence unlikely. (Two letters
    swapped apart are allowed from 5 letters there: see ``is_swap``.)"""
    if length < 4:
        return 0
    return 1 if length < 8 else 2


def phrase_edits(length: int) -> int:
    """Edits allowed in one word of a multi-word term when its other words stand beside it
    as declared: one from 3 letters, two from 8 ("kerja sma", "Dalam Negri")."""
    if length < 3:
        return 0
    return 1 if length < 8 else 2


def is_swap(a: str, b: str) -> bool:
    """``a`` is ``b`` with two letters swapped, apart or not ("Panajem" for Penajam,
    "Wisibono" for Wibisono): the same letters, two of them in each other's places."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def is_transposition(a: str, b: str) -> bool:
    """``a`` is ``b`` with two adjacent letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (len(diff) == 2 and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])


def edit_kind(found: str, expected: str) -> str:
    """'substitution', 'insertion', 'deletion', 'transposition' or 'edits' (several)."""
    if is_transposition(found, expected):
        return "transposition"
    ops = list(Levenshtein.editops(found, expected))
    if len(ops) != 1:
        return "edits"
    return {"replace": "substitution", "delete": "insertion", "insert": "deletion"}[ops[0].tag]


# --------------------------------------------------------------------------- differences


# Letters side by side on a QWERTY keyboard (the layout of English and Indonesian
# keyboards alike): one struck for the other is a slip of the finger.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {a: {r[j] for j in (i - 1, i + 1) if 0 <= j < len(r)}
               | {o[j] for o in _ROWS if o is not r for j in (i - 1, i, i + 1)
                  if 0 <= j < len(o) and abs(_ROWS.index(o) - _ROWS.index(r)) == 1}
               for r in _ROWS for i, a in enumerate(r)}


def keyboard_slip(found: str, expected: str) -> bool:
    """Whether ``found`` is ``expected`` with one letter struck for a key beside it on a
    QWERTY keyboard ("sememtara" for sementara: n and m; not "rendani" for rendang)."""
    if len(found) != len(expected):
        return False
    diff = [(a, b) for a, b in zip(found.lower(), expected.lower(), strict=True) if a != b]
    return len(diff) == 1 and diff[0][0] in _NEIGHBOURS.get(diff[0][1], set())


def match_case(expected: str, found: str) -> str:
    """``expected`` written in the case pattern of ``found`` ("Kartika", "KARTIAK" →
    "MARSUDI"), so that a difference in case is never shown as a difference in letters."""
    if found.isupper():
        return expected.upper()
    if found.islower():
        return expected.lower()
    if found[:1].isupper() and found[1:].islower():
        return expected[:1].upper() + expected[1:].lower()
    return expected


def describe_difference(found: str, expected: str) -> str:
    """Human description of how ``found`` differs from ``expected``: "letters 'ud' swapped".

    Letter case is ignored unless it is the only difference."""
    if found.lower() == expected.lower() and found != expected:
        return "differs only in letter case"
    a, b = found.lower(), expected.lower()
    if is_transposition(a, b):
        i = next(k for k in range(len(a)) if a[k] != b[k])
        return f"letters '{expected[i:i + 2]}' swapped to '{found[i:i + 2]}'"
    parts = []
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "replace":
            parts.append(f"'{found[op.src_start:op.src_end]}' instead of "
                         f"'{expected[op.dest_start:op.dest_end]}'")
        elif op.tag == "delete":
            parts.append(f"extra '{found[op.src_start:op.src_end]}'")
        elif op.tag == "insert":
            parts.append(f"missing '{expected[op.dest_start:op.dest_end]}'")
    if not parts:
        return "differs"
    where = _position(a, b)
    return "; ".join(parts) + (f" ({where})" if where else "")


def _position(a: str, b: str) -> str:
    """Where a single edit is: "at the start", "at the end" or "letter 5" (of ``a`` for an
    extra letter, of ``b`` otherwise)."""
    ops = list(Levenshtein.editops(a, b))
    if len(ops) != 1:
        return ""
    op = ops[0]
    i, n = (op.src_pos, len(a)) if op.tag == "delete" else (op.dest_pos, len(b))
    if i == 0:
        return "at the start"
    if i >= n - 1:
        return "at the end"
    return f"letter {i + 1}"


Pieces = list[tuple[str, bool]]


def mark_difference(found: str, expected: str) -> tuple[Pieces, Pieces]:
    """Both strings cut into (text, differs) pieces, for reports that highlight letters.

    Letters that differ only in case are not marked (unless case is the only difference)."""
    a: Pieces = []
    b: Pieces = []
    fa, fb = ((found, expected) if found.lower() == expected.lower()
              else (found.lower(), expected.lower()))
    if len(fa) != len(found) or len(fb) != len(expected):  # lower() changed a length
        fa, fb = found, expected
    for op in Levenshtein.opcodes(fa, fb):
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
