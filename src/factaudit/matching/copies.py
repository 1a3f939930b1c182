"""Which documents are independent sources: translations and copies count once.

Pairs come from declarations (``translation_of`` in the manifest or front matter) and from
detection. Articles on one event share most of their facts without being copies, so copies
are decided by shared text, not by shared facts: two documents in one language are copies
when they share 30 % or more of their five-word passages (a MinHash estimate, whatever
facts a copy changed); two in different languages are translations when the numbers and
the names they write (their *anchors*) come in the same order, 80 % of them or more, and
they have about the same length and number of paragraphs. Candidates are found without
comparing every pair: documents whose sketches agree in a band of hashes, whose anchors
share runs of three, or that share facts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import islice

from factaudit.matching.passages import values_where
from factaudit.model import Document, DocumentInfo, SourcePair
from factaudit.reading.text import WINDOW, content_end

MIN_SHARED = 4  # shared facts before two documents are compared (without their shapes)
MIN_JACCARD = 0.6
MIN_TEXT_OVERLAP = 0.3  # estimated share of five-word passages for a same-language copy
TRANSLATION_ORDER = 0.8  # share of the anchors a translation writes in the same order
MIN_ANCHORS = 6  # numbers and names a document needs for its anchors to say anything
MAX_ANCHORS = 400
HASHES = 64  # bins of a one-permutation MinHash sketch (minhash.HASHES)
BANDS = 32  # locality-sensitive hashing: 32 bands of 2 bins find pairs sharing ~30 %


@dataclass(frozen=True, slots=True)
class Shape:
    """What detection compares besides facts: language, size, a sketch of the text and its
    anchors."""

    language: str
    length: int  # words
    paragraphs: int
    # MinHash of the five-word passages, HASHES values of 8 bytes each written as one
    # latin-1 character per byte (empty for short texts): 512 bytes a document, where a
    # tuple of Python integers took 2.6 KB
    sketch: str
    anchors: tuple[str, ...] = ()  # numbers and names, in the order written


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def shape(text: str, language: str, names: Iterable[tuple[int, str]] = (),
          window: int = WINDOW) -> Shape:
    """The shape of a document's text: linear in its length, read a window at a time (a
    very long text is never copied whole). ``names``: (offset, entity id) of the names it
    writes, which are anchors with its numbers."""
    numbers = islice(_NUMBER.finditer(text), MAX_ANCHORS)  # only the first can be kept
    anchors = sorted([(m.start(), anchor_number(m.group(0))) for m in numbers]
                     + [(start, f"@{name}") for start, name in islice(names, MAX_ANCHORS)])
    kept = tuple(a for _, a in anchors)[:MAX_ANCHORS]
    # numpy is imported here, not with this module: a run whose documents are all cached
    # compares sketches as strings and never needs it
    from factaudit.matching import minhash

    sketch, length = minhash.sketch(text, window)
    return Shape(language, length, _paragraphs(text), sketch, kept)


def _paragraphs(text: str) -> int:
    """Blocks of text between blank lines, counted without splitting the text."""
    content = re.search(r"\S", text)
    if content is None:
        return 0
    last = content_end(text)
    return 1 + sum(1 for m in _BLANK_LINES.finditer(text, content.start())
                   if m.end() < last)


_BLANK_LINES = re.compile(r"\n\s*\n")


WIDTH = 8  # characters of one hash in a sketch


def anchor_number(raw: str) -> str:
    """A number as an anchor: its digits, separators and leading zeros aside, so that
    "1,800" and "1.800", "15.7" and "15,7", "06" and "6" are one anchor."""
    return raw.replace(".", "").replace(",", "").lstrip("0") or "0"


def anchor_order(x: Shape, y: Shape) -> tuple[int, int]:
    """How many anchors two documents write in the same order (the longest common
    subsequence, approximately), and how many the longer one writes."""
    if not x.anchors or not y.anchors:
        return 0, max(len(x.anchors), len(y.anchors))
    matcher = SequenceMatcher(None, x.anchors, y.anchors, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same, max(len(x.anchors), len(y.anchors))


def text_overlap(x: Shape, y: Shape) -> float:
    """The estimated Jaccard similarity of two texts' five-word passages."""
    if not x.sketch or not y.sketch:
        return 0.0
    a, b = x.sketch, y.sketch
    if len(a) != len(b):
        return 0.0
    same = sum(1 for i in range(0, len(a), WIDTH) if a[i:i + WIDTH] == b[i:i + WIDTH])
    return same / (len(a) // WIDTH)


def _alike(x: Shape, y: Shape) -> bool:
    """Length and paragraphs close enough for one to be a translation of the other."""
    longer, shorter = max(x.length, y.length), min(x.length, y.length)
    return shorter > 0 and longer / shorter <= 1.6 and abs(x.paragraphs - y.paragraphs) <= 2


def fact_signature(doc: Document, entity_ids: Iterable[str] = ()) -> set[str]:
    """The checkable facts of a document: values written with digits, and entities named."""
    facts = {f"{v.kind}:{v.canonical}" for _, values in values_where(doc)
             for v in values if any(c.isdigit() for c in v.raw)}
    return facts | {f"entity:{e}" for e in entity_ids}


def find_pairs(documents: list[DocumentInfo], signatures: dict[str, set[str]],
               shapes: dict[str, Shape] | None = None) -> list[SourcePair]:
    """Declared pairs, plus detected ones among the documents that have a signature: with
    ``shapes``, by their text (one language) or their anchors (two); without, by the facts
    they share."""
    ids = {d.id for d in documents}
    pairs = {tuple(sorted((d.id, d.translation_of))): "declared" for d in documents
             if d.translation_of and d.translation_of in ids}
    shared = _shared_facts(signatures)
    candidates = {p for p, n in shared.items() if n >= MIN_SHARED}
    if shapes:
        candidates |= _by_sketch(shapes) | _by_anchors(shapes)
    for x, y in sorted(candidates):
        if (x, y) in pairs or x not in signatures or y not in signatures:
            continue
        sx, sy = (shapes.get(x), shapes.get(y)) if shapes else (None, None)
        if sx is not None and sy is not None:
            how = _by_shape(sx, sy, shared.get((x, y), 0))
        else:
            how = _by_facts(shared.get((x, y), 0), signatures[x], signatures[y])
        if how is not None:
            pairs[(x, y)] = how
    return [SourcePair(a, b, how) for (a, b), how in sorted(pairs.items())]


def _shared_facts(signatures: dict[str, set[str]]) -> Counter[tuple[str, str]]:
    """Pairs of documents → facts they share, through an inverted index of the facts that
    few documents share."""
    holders: dict[str, list[str]] = defaultdict(list)
    for doc_id, facts in signatures.items():
        for fact in facts:
            holders[fact].append(doc_id)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in holders.values():
        if 2 <= len(docs) <= 20:
            for i, x in enumerate(sorted(docs)):
                for y in sorted(docs)[i + 1:]:
                    shared[(x, y)] += 1
    return shared


def _by_sketch(shapes: dict[str, Shape]) -> set[tuple[str, str]]:
    """Same-language pairs whose sketches agree in a band of hashes (locality-sensitive
    hashing): nearly every pair sharing 30 % of its passages, few others."""
    rows = HASHES // BANDS
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for doc_id, s in shapes.items():
        if s.sketch:
            for band in range(BANDS):
                part = s.sketch[band * rows * WIDTH:(band + 1) * rows * WIDTH]
                buckets[(s.language, band, part)].append(doc_id)
    return _pairs_of(buckets.values())


def _by_anchors(shapes: dict[str, Shape]) -> set[tuple[str, str]]:
    """Pairs in different languages that write a run of three anchors alike."""
    holders: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for doc_id, s in shapes.items():
        if len(s.anchors) >= MIN_ANCHORS:
            for run in {s.anchors[i:i + 3] for i in range(len(s.anchors) - 2)}:
                holders[run].append(doc_id)
    found = _pairs_of(holders.values())
    return {(x, y) for x, y in found if shapes[x].language != shapes[y].language}


def _pairs_of(groups_: Iterable[list[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for docs in groups_:
        if 2 <= len(docs) <= 50:
            ordered = sorted(set(docs))
            out |= {(x, y) for i, x in enumerate(ordered) for y in ordered[i + 1:]}
    return out


def _by_shape(sx: Shape, sy: Shape, facts: int) -> str | None:
    """How two documents were found to be copies or translations, with the evidence (None:
    they are not)."""
    also = f", {facts} shared facts" if facts else ""
    if sx.language == sy.language:
        overlap = text_overlap(sx, sy)
        if overlap < MIN_TEXT_OVERLAP:
            return None
        return f"detected: {overlap:.0%} {_SHARED_TEXT}{also}"
    same, longer = anchor_order(sx, sy)
    if (min(len(sx.anchors), len(sy.anchors)) < MIN_ANCHORS or same < TRANSLATION_ORDER * longer
            or not _alike(sx, sy)):
        return None
    return (f"detected: the same {same} of {longer} numbers, dates and names in the same "
            f"order{also}")


_SHARED_TEXT = "of the text shared"
_SHARE = re.compile(rf"(\d+)% {_SHARED_TEXT}")


def text_share(how: str) -> float | None:
    """The share of the text a detected same-language copy shares, from its evidence
    (None for a translation or a declared pair)."""
    m = _SHARE.search(how)
    return int(m.group(1)) / 100 if m else None


def _by_facts(n: int, x: set[str], y: set[str]) -> str | None:
    """Without the texts' shapes (``factaudit suggest``): most of their facts shared."""
    if n < MIN_SHARED:
        return None
    jaccard = n / len(x | y)
    if jaccard < MIN_JACCARD:
        return None
    return f"detected ({n} shared facts, Jaccard {jaccard:.2f})"


def groups(documents: Sequence[DocumentInfo], pairs: list[SourcePair]) -> dict[str, str]:
    """Document id → label of its group (the group's ids joined by '+'), by union-find."""
    parent = {d.id: d.id for d in documents}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        if p.a in parent and p.b in parent:
            parent[root(p.a)] = root(p.b)
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id in parent:
        members[root(doc_id)].append(doc_id)
    labels = {r: _label(sorted(m)) for r, m in members.items()}
    return {doc_id: labels[root(doc_id)] for doc_id in parent}


def _label(ids: list[str]) -> str:
    """'a+b+c' for a small group; a large one is named by its first members and a count."""
    return "+".join(ids) if len(ids) <= 4 else "+".join(ids[:3]) + f"+{len(ids) - 3} more"
