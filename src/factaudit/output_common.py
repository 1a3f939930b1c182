"""Helpers shared by the machine outputs and the HTML report."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from factaudit.audit import AuditResult
from factaudit.corpus import Document
from factaudit.findings import Finding
from factaudit.text import LineIndex

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def metadata(result: AuditResult) -> list[Document]:
    """The documents, cheap to iterate: without their texts when the corpus was streamed."""
    listed = getattr(result, "metadata", None) or getattr(result.documents, "metadata", None)
    return list(listed if listed is not None else result.documents)


class Texts:
    """Documents with their texts, fetched only for the documents an output needs.

    A streamed audit's ``result.documents`` reads a text again on each access; the metadata
    list has none. So outputs index documents through the metadata and ask for a text only
    where a finding or mention is, keeping what they fetched.
    """

    def __init__(self, result: AuditResult) -> None:
        self._documents = result.documents
        self.meta = metadata(result)
        self.index = {d.id: j for j, d in enumerate(self.meta)}
        self._full: dict[int, Document] = {}

    def get(self, doc_id: str | None) -> Document | None:
        j = self.index.get(doc_id or "")
        return None if j is None else self.at(j)

    def at(self, j: int) -> Document:
        doc = self._full.get(j)
        if doc is None:
            meta = self.meta[j]
            doc = meta if meta.text else self._documents[j]
            self._full[j] = doc
        return doc

    def text(self, j: int) -> str:
        """The text of the j-th document, without keeping it."""
        meta = self.meta[j]
        if meta.text or j in self._full:
            return meta.text or self._full[j].text
        return self._documents[j].text


def corpus_digest(result: AuditResult, texts: Texts | None = None) -> str:
    """A version of the corpus: changes when any document's id, path or text changes.

    It reads every text once (a streamed corpus again), keeping none of them."""
    texts = texts or Texts(result)
    digest = hashlib.sha256()
    for j in sorted(range(len(texts.meta)), key=lambda k: texts.meta[k].id):
        doc = texts.meta[j]
        for part in (doc.id, doc.path, texts.text(j)):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:16]


@lru_cache(maxsize=64)
def _index(text: str, first_line: int) -> LineIndex:
    return LineIndex(text, first_line)


def position(doc: Document, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset in a document's file."""
    return _index(doc.text, doc.first_line).position(offset)


def region(finding: Finding, texts: Texts) -> dict | None:
    """Start and end line/column of a located finding (end column is exclusive), else None."""
    if finding.line is None or finding.start is None:
        return None
    doc = texts.get(finding.document)
    start_line, start_col = finding.line, finding.column or 1
    if doc is None or not doc.text:
        return {"startLine": start_line, "startColumn": start_col}
    end = finding.end if finding.end is not None and finding.end > finding.start \
        else finding.start + 1
    end_line, end_col = position(doc, min(end, len(doc.text)))
    return {"startLine": start_line, "startColumn": start_col, "endLine": end_line,
            "endColumn": end_col}


def item_kind(result: AuditResult, item_id: str) -> str:
    origin = result.claims.origins.get(item_id)
    return origin.kind if origin else "claim"


def item_statement(result: AuditResult, item_id: str) -> str:
    """The claim's statement, or "name: …" / "term: …" for entities and terms."""
    for claim in result.claims.claims:
        if claim.id == item_id:
            return claim.statement
    for entity in result.claims.entities:
        if entity.item_id == item_id:
            return f"name: {entity.name}"
    for term in result.claims.terms:
        if term.item_id == item_id:
            return f"term: {term.preferred}"
    return ""


def origin_location(result: AuditResult, item_id: str | None) -> tuple[str, int] | None:
    """Where an item is declared (claims file and line): the place of corpus-wide findings."""
    origin = result.claims.origins.get(item_id or "")
    return (origin.path, origin.line) if origin else None


def effective_severity(finding: Finding) -> str:
    """The severity a reader filters by: acknowledged findings are counted apart."""
    return "acknowledged" if finding.acknowledged else finding.severity
