"""Which documents are independent sources: translations and copies count once.

Pairs come from declarations (``translation_of`` in the manifest or front matter) and from
detection. Articles on one event share most of their facts without being copies, so facts
alone only nominate a pair: two documents in one language are copies when their texts are
(a MinHash estimate of how many of their five-word passages they share); two in different
languages are translations when they share nearly all their facts and have about the same
length and number of paragraphs.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from factaudit.matching.passages import values_where
from factaudit.model import Document, DocumentInfo, SourcePair

MIN_SHARED = 4  # shared facts before two documents can be called copies
MIN_JACCARD = 0.6
MIN_TEXT_OVERLAP = 0.3  # estimated share of five-word passages for a same-language copy
TRANSLATION_JACCARD = 0.8  # shared facts for a translation, which shares no words
SHINGLE = 5
SKETCH = 64  # the smallest hashes kept of a text's five-word passages (a bottom-k sketch)
_MIX = np.uint64(0x9E3779B97F4A7C15)  # spreads the bits of a passage's hash
_POWERS = np.array([0x100000001B3 ** k % (1 << 64) for k in range(SHINGLE)][::-1],
                   dtype=np.uint64)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Shape:
    """What detection compares besides facts: language, size and a sketch of the text."""

    language: str
    length: int  # words
    paragraphs: int
    sketch: tuple[int, ...]  # the SKETCH smallest passage hashes, sorted (empty if short)


def shape(text: str, language: str) -> Shape:
    """The shape of a document's text: linear in its length. Each word is hashed once
    (CRC-32, the same in every process); a passage's hash combines its five words' in
    compiled code; the sketch keeps the smallest distinct ones."""
    words = _WORD.findall(text.lower())
    paragraphs = sum(1 for p in re.split(r"\n\s*\n", text) if p.strip())
    if len(words) < SHINGLE:
        return Shape(language, len(words), paragraphs, ())
    hashed = np.fromiter((zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words),
                         dtype=np.uint64, count=len(words))
    n = len(words) - SHINGLE + 1
    passages = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for k in range(SHINGLE):
            passages += hashed[k:k + n] * _POWERS[k]
        passages *= _MIX
    distinct = np.unique(passages)  # sorted
    return Shape(language, len(words), paragraphs, tuple(int(x) for x in distinct[:SKETCH]))


def text_overlap(x: Shape, y: Shape) -> float:
    """The estimated Jaccard similarity of two texts' five-word passages: of the
    SKETCH smallest hashes of both together, the share that both texts hold."""
    if not x.sketch or not y.sketch:
        return 0.0
    a, b = set(x.sketch), set(y.sketch)
    union = sorted(a | b)[:SKETCH]
    return sum(1 for h in union if h in a and h in b) / len(union)


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
    """Declared pairs, plus detected ones among the documents that have a signature (and,
    when ``shapes`` are given, whose texts say they are copies or translations)."""
    ids = {d.id for d in documents}
    pairs = {tuple(sorted((d.id, d.translation_of))): "declared" for d in documents
             if d.translation_of and d.translation_of in ids}
    # candidate pairs through an inverted index of facts that few documents share
    holders: dict[str, list[str]] = defaultdict(list)
    for doc_id, facts in signatures.items():
        for fact in facts:
            holders[fact].append(doc_id)
    shared: Counter = Counter()
    for docs in holders.values():
        if 2 <= len(docs) <= 20:
            for i, x in enumerate(sorted(docs)):
                for y in sorted(docs)[i + 1:]:
                    shared[(x, y)] += 1
    for (x, y), n in shared.items():
        if (x, y) not in pairs and n >= MIN_SHARED:
            how = _detected(n, signatures[x], signatures[y],
                            shapes.get(x) if shapes else None, shapes.get(y) if shapes else None)
            if how is not None:
                pairs[(x, y)] = how
    return [SourcePair(a, b, how) for (a, b), how in sorted(pairs.items())]


def _detected(n: int, x: set[str], y: set[str], sx: Shape | None, sy: Shape | None
              ) -> str | None:
    """How two documents that share ``n`` facts were found to be copies (None: they are
    not): most facts shared, and a shared text (one language) or a like shape (two)."""
    jaccard = n / len(x | y)
    if jaccard < MIN_JACCARD:
        return None
    how = f"detected ({n} shared facts, Jaccard {jaccard:.2f}"
    if sx is not None and sy is not None:
        if sx.language == sy.language:
            overlap = text_overlap(sx, sy)
            if overlap < MIN_TEXT_OVERLAP:
                return None
            how += f"; {overlap:.0%} of the text shared"
        elif jaccard < TRANSLATION_JACCARD or not _alike(sx, sy):
            return None
    return how + ")"


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
