"""Which documents are independent sources: translations and copies count once.

Pairs come from declarations (``translation_of`` in the manifest or front matter) and from
detection: two documents that share most of their numbers, dates and named entities are a
translation (different languages) or a syndicated copy (same language) of one another.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from factaudit.matching.passages import values_where
from factaudit.model import Document, DocumentInfo, SourcePair

MIN_SHARED = 4  # shared facts before two documents can be called copies
MIN_JACCARD = 0.6


def fact_signature(doc: Document, entity_ids: Iterable[str] = ()) -> set[str]:
    """The checkable facts of a document: values written with digits, and entities named."""
    facts = {f"{v.kind}:{v.canonical}" for _, values in values_where(doc)
             for v in values if any(c.isdigit() for c in v.raw)}
    return facts | {f"entity:{e}" for e in entity_ids}


def find_pairs(documents: list[DocumentInfo], signatures: dict[str, set[str]]) -> list[SourcePair]:
    """Declared pairs, plus detected ones among the documents that have a signature."""
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
        if (x, y) in pairs or n < MIN_SHARED:
            continue
        jaccard = n / len(signatures[x] | signatures[y])
        if jaccard >= MIN_JACCARD:
            pairs[(x, y)] = f"detected ({n} shared facts, Jaccard {jaccard:.2f})"
    return [SourcePair(a, b, how) for (a, b), how in sorted(pairs.items())]


def groups(documents: list[DocumentInfo], pairs: list[SourcePair]) -> dict[str, str]:
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
