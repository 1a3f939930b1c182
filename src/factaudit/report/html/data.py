"""The report's data: one compact JSON document that the page renders from, lazily.

Everything the page shows comes from one ``AuditResult`` (the audit ``check`` runs): no
document is audited again, no language detected again; texts are read once each through
``AuditResult.text_of``. Rows are arrays and repeated strings (rules, messages, values,
how a value was read) go through one string table, so 100,000 findings stay small:

    S        the string table; other fields hold indexes into it (or null)
    docs     [id, path, language, language source, published, title, url (http(s) only),
              publisher, translation of, findings, text (0 none, 1 whole, 2 parts), lines,
              file line of the text's first line, url shown as text (any other scheme)]
    items    [id, kind, statement, expected, details [[key, value]], declared in,
              acknowledgements [[source, reason, until, found]]]
    F        findings: see FINDING_FIELDS
    M        mentions: see MENTION_FIELDS
    cells    [item, doc, verdict, acknowledged]: every cell that is not "not enough info"
    D        spelling differences [[found pieces], [expected pieces]], pieces [text, differs]

Offsets are small numbers: a span's end is its length, a quote's bounds and a cue are
counted from the span (see ``absolute``); trailing nulls are left out of a row. Texts travel
apart (``texts``: document index → [entries]), parsed only when a document is
opened. Timelines are SVG made here, one per claim with dated sources.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from factaudit import __version__
from factaudit.inputs.claims import Claim, Entity, Term
from factaudit.model import Document, DocumentInfo, Finding, Mention
from factaudit.reading.lexicon.edits import mark_difference
from factaudit.report.common import effective_severity, item_statement, origin_location
from factaudit.report.fingerprint import fingerprints
from factaudit.report.html import lines as text_lines
from factaudit.report.html.safety import safe_url
from factaudit.report.html.svg import bar_chart, severity_counts, top_rows
from factaudit.report.html.timeline import Statement, timeline_svg
from factaudit.results import AuditResult

SEVERITIES = ("error", "warning", "info", "acknowledged")
VERDICTS = ("refuted", "conflicting", "typo", "variant", "supported", "not-enough-info",
            "out-of-scope")
STATUSES = (*VERDICTS, "acknowledged", "read")  # of a mention: the verdict of its finding
ALL_DOCUMENTS = 100  # up to this many documents, the report carries every text whole
CONTEXT_DOCUMENTS = 1000  # up to this many, lines around what was found; above, only those
# Fields of a finding and of a mention, in order. end, qlo and qhi (and a mention's cue) are
# relative: end - start, start - qlo, qhi - end, start - cue_start, cue_end - cue_start.
FINDING_FIELDS = ("item", "doc", "sev", "verdict", "rule", "msg", "expected", "found", "how",
                  "start", "end", "line", "col", "ack", "fp", "qlo", "qhi", "quote", "where",
                  "diff", "new")
MENTION_FIELDS = ("item", "doc", "start", "end", "cue_start", "cue_end", "value", "raw", "how",
                  "cue", "status", "line", "col", "qlo", "qhi")


def absolute(fields: tuple[str, ...], row: list) -> dict[str, object]:
    """A row as the page reads it: every field named, every offset absolute."""
    out = dict.fromkeys(fields)
    out.update(zip(fields, row, strict=False))
    start = out["start"]
    if isinstance(start, int):
        if isinstance(out["end"], int):
            out["end"] = start + out["end"]
        end = out["end"] if isinstance(out["end"], int) else start
        if isinstance(out["qlo"], int):
            out["qlo"] = start - out["qlo"]
        if isinstance(out["qhi"], int):
            out["qhi"] = end + out["qhi"]
        cue_start, cue_end = out.get("cue_start"), out.get("cue_end")
        if isinstance(cue_start, int) and isinstance(cue_end, int):
            out["cue_start"] = start - cue_start
            out["cue_end"] = start - cue_start + cue_end
    return out



@dataclass
class Changes:
    """How the findings relate to a baseline (``factaudit report --baseline FILE``)."""

    path: str
    new: frozenset[int]  # indexes of findings that are not in the baseline
    fixed: list[dict] = field(default_factory=list)  # baseline entries no longer found


class Strings:
    """A string table: each distinct string once, referred to by index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.items: list[str] = []

    def __call__(self, value: object) -> int | None:
        if value is None:
            return None
        s = str(value)
        i = self.index.get(s)
        if i is None:
            i = self.index[s] = len(self.items)
            self.items.append(s)
        return i


@dataclass
class Built:
    data: dict[str, object]
    texts: dict[str, list]
    timelines: dict[int, str]  # item index → SVG
    charts: list[str]


def build(result: AuditResult, changes: Changes | None = None) -> Built:
    return _Builder(result, changes).build()


class _Builder:
    def __init__(self, result: AuditResult, changes: Changes | None) -> None:
        self.result = result
        self.changes = changes
        self.s = Strings()
        self.items: list[tuple[str, str, Claim | Entity | Term]] = [
            *((c.id, "claim", c) for c in result.claims.claims),
            *((e.item_id, "entity", e) for e in result.claims.entities),
            *((t.item_id, "term", t) for t in result.claims.terms)]
        self.item_index = {item_id: i for i, (item_id, _, _) in enumerate(self.items)}
        self.docs = list(result.documents)
        self.doc_index = {d.id: j for j, d in enumerate(self.docs)}
        self.findings = result.findings
        self.sevs = [effective_severity(f) for f in self.findings]
        self.rules = list(dict.fromkeys([r.id for r in result.rules]
                                        + [f.rule for f in self.findings]))
        self.rule_index = {r: k for k, r in enumerate(self.rules)}
        self.diffs: list[list] = []
        self._diff_index: dict[tuple[str, str], int] = {}
        self._starts_of: tuple[str, list[int]] | None = None
        self.prints = fingerprints(self.findings)
        self.f_rows: list[list | None] = [None] * len(self.findings)
        self.m_rows: list[list] = []
        self.text_state = [0] * len(self.docs)
        self.line_counts = [0] * len(self.docs)
        self.statuses: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)

    def build(self) -> Built:
        by_doc_f: dict[int, list[int]] = defaultdict(list)
        for n, f in enumerate(self.findings):
            j = self.doc_index.get(f.document or "")
            if j is not None:
                by_doc_f[j].append(n)
        by_doc_m: dict[int, list[Mention]] = defaultdict(list)
        for m in self.result.mentions:
            j = self.doc_index.get(m.document)
            if j is not None and m.claim in self.item_index:
                by_doc_m[j].append(m)
        texts = self._documents(by_doc_f, by_doc_m)
        f_rows = [row if row is not None else self._finding(n, self.prints[n], None, None, [])
                  for n, row in enumerate(self.f_rows)]
        cells = self._cells()
        data: dict[str, object] = {
            "v": 1,
            "docs": [self._doc(d, self.text_state[j], self.line_counts[j],
                               len(by_doc_f.get(j, []))) for j, d in enumerate(self.docs)],
            "items": [self._item(item_id, kind, obj) for item_id, kind, obj in self.items],
            "F": f_rows, "M": self.m_rows, "cells": cells,
            "D": self.diffs, "rules": self.rules, "sevs": SEVERITIES, "verdicts": VERDICTS,
            "statuses": STATUSES, "fields": {"F": FINDING_FIELDS, "M": MENTION_FIELDS},
            "pairs": [[p.a, p.b, p.how] for p in self.result.source_pairs],
            "fixed": [[e.get("rule"), e.get("claim"), e.get("document"), e.get("found"),
                       e.get("severity"), e.get("fingerprint")]
                      for e in (self.changes.fixed if self.changes else [])],
            "baseline": self.changes.path if self.changes else None,
            "documents_audited": self.result.document_count,
            "version": __version__,
        }
        timelines = self._timelines(cells, self.statuses)
        data["S"] = self.s.items  # last: every string is in it by now
        return Built(data, texts, timelines, self._charts())

    def _documents(self, by_doc_f: dict[int, list[int]], by_doc_m: dict[int, list[Mention]]
                   ) -> dict[str, list]:
        """Rows of the findings and mentions located in documents, and the texts carried:
        each document's text read once."""
        texts: dict[str, list] = {}
        full = len(self.docs) <= ALL_DOCUMENTS
        context = text_lines.CONTEXT_LINES if len(self.docs) <= CONTEXT_DOCUMENTS else 0
        for j, info in enumerate(self.docs):
            f_here, m_here = by_doc_f.get(j, []), by_doc_m.get(j, [])
            doc = self.result.text_of(info.id) if (full or f_here or m_here) else None
            for n in f_here:
                self.f_rows[n] = self._finding(n, self.prints[n], j, doc, m_here)
            for m in sorted(m_here, key=lambda m: (m.claim, m.value_start, m.cue_start)):
                row, status = self._mention(m, j, doc, f_here)
                self.m_rows.append(row)
                self.statuses[(self.item_index[m.claim], j)].append((m.value, status))
            if doc is None:
                continue
            spans = [(f.start, max(f.end or f.start, f.start + 1))
                     for f in (self.findings[n] for n in f_here) if f.start is not None]
            spans += [(min(m.cue_start, m.value_start), max(m.cue_end, m.value_end))
                      for m in m_here]
            self.line_counts[j], entries = text_lines.embedded_lines(
                doc, spans, full, context, self._starts(doc))
            if entries:
                texts[str(j)] = entries
                whole = full and self.line_counts[j] <= text_lines.FULL_TEXT_LINES
                self.text_state[j] = 1 if whole else 2
        return texts

    # ------------------------------------------------------------------------- rows

    def _finding(self, n: int, fp: str, j: int | None, doc: Document | None,
                 mentions: Sequence[Mention]) -> list:
        f = self.findings[n]
        s = self.s
        qlo = qhi = None
        quote = where = None
        if doc is not None and f.start is not None:
            end = f.end if f.end is not None and f.end > f.start else f.start
            sentence = next(((m.sentence_start, m.sentence_end) for m in mentions
                             if m.claim == f.claim and m.value_start < max(end, f.start + 1)
                             and m.value_end > f.start), None)
            qlo, qhi = text_lines.quote_bounds(doc.text, self._starts(doc), f.start, end,
                                               sentence)
        elif f.quote:
            quote = s(f.quote)
        if j is None:
            if f.path:
                where = s(f.path + (f":{f.line}" if f.line else ""))
            else:
                origin = origin_location(self.result, f.claim)
                where = s(f"{origin[0]}:{origin[1]} (declared here; whole corpus)") \
                    if origin else None
        new = None
        if self.changes is not None:
            new = 1 if n in self.changes.new else 0
        start, stop = f.start, f.end
        return trimmed([
            self.item_index.get(f.claim or ""), j, SEVERITIES.index(self.sevs[n]),
            VERDICTS.index(str(f.verdict)) if str(f.verdict) in VERDICTS else None,
            self.rule_index[f.rule], s(f.message), s(f.expected), s(f.found), s(f.how),
            start, _minus(stop, start), f.line, f.column, s(f.acknowledged), fp,
            _minus(start, qlo), _minus(qhi, stop if stop is not None else start), quote, where,
            self._diff(f, doc is not None), new])

    def _diff(self, f: Finding, located: bool) -> int | None:
        if not (str(f.verdict) in ("typo", "variant") and f.found and f.expected and located
                and len(f.found) <= 80 and len(f.expected) <= 80):
            return None
        key = (f.found, f.expected)
        if key not in self._diff_index:
            found, expected = mark_difference(f.found, f.expected)
            self._diff_index[key] = len(self.diffs)
            self.diffs.append([[[t, 1 if d else 0] for t, d in found],
                               [[t, 1 if d else 0] for t, d in expected]])
        return self._diff_index[key]

    def _mention(self, m: Mention, j: int, doc: Document | None, f_here: list[int]
                 ) -> tuple[list, str]:
        status = "supported"
        for n in f_here:
            f = self.findings[n]
            if f.claim == m.claim and f.start is not None and f.start < m.value_end \
                    and (f.end or f.start) > m.value_start:
                status = "acknowledged" if f.acknowledged else str(f.verdict)
                break
        qlo = qhi = line = col = None
        if doc is not None:
            starts = self._starts(doc)
            lo, hi = min(m.cue_start, m.value_start), max(m.cue_end, m.value_end)
            qlo, qhi = text_lines.quote_bounds(doc.text, starts, lo, hi,
                                               (m.sentence_start, m.sentence_end))
            line, col = self._position(doc, m.value_start)
        s = self.s
        start = m.value_start
        return trimmed([
            self.item_index[m.claim], j, start, m.value_end - start, start - m.cue_start,
            m.cue_end - m.cue_start, s(m.value), s(m.raw), s(m.how), s(m.cue),
            STATUSES.index(status) if status in STATUSES else STATUSES.index("read"),
            line, col, _minus(start, qlo), _minus(qhi, m.value_end)]), status

    def _starts(self, doc: Document) -> list[int]:
        if self._starts_of is None or self._starts_of[0] is not doc.text:
            self._starts_of = (doc.text, text_lines.line_starts(doc.text))
        return self._starts_of[1]

    def _position(self, doc: Document, offset: int) -> tuple[int, int]:
        starts = self._starts(doc)
        i = max(0, bisect_right(starts, offset) - 1)
        return i + doc.first_line, offset - starts[i] + 1

    def _doc(self, d: DocumentInfo, state: int, lines: int, findings: int) -> list:
        return trimmed([d.id, d.path, d.language, d.language_source, d.published, d.title,
                        safe_url(d.url), d.publisher, d.translation_of, findings, state, lines,
                        d.first_line, d.url if d.url and not safe_url(d.url) else None])

    def _item(self, item_id: str, kind: str, obj: Claim | Entity | Term) -> list:
        origin = self.result.claims.origins.get(item_id)
        acks = [[a.source, a.reason, a.until.isoformat(), a.found] for a in obj.acknowledged]
        expected = None
        if isinstance(obj, Claim) and not obj.consistent and obj.expected_value is not None:
            expected = obj.expected_value + (f" {obj.unit}" if obj.unit else "")
        elif isinstance(obj, Claim) and obj.counts_from is not None:
            common = Counter(f.expected for f in self.findings
                             if f.claim == item_id and f.expected).most_common(1)
            since = f"years since {obj.counts_from} at publication"
            expected = f"{common[0][0]} ({since})" if common else since
        elif isinstance(obj, Entity):
            expected = obj.name
        elif isinstance(obj, Term):
            expected = obj.preferred
        return [item_id, kind, item_statement(self.result, item_id), expected, details(obj),
                f"{origin.path}:{origin.line}" if origin else "", acks]

    def _cells(self) -> list[list]:
        by_cell: dict[tuple[int, int], list[Finding]] = defaultdict(list)
        for f in self.findings:
            i, j = self.item_index.get(f.claim or ""), self.doc_index.get(f.document or "")
            if i is not None and j is not None:
                by_cell[(i, j)].append(f)
        out = []
        for item_id, cells in self.result.verdicts.items():
            i = self.item_index.get(item_id)
            if i is None:
                continue
            for doc_id, verdict in cells.items():
                j = self.doc_index.get(doc_id)
                if j is None or verdict == "not-enough-info" or verdict not in VERDICTS:
                    continue
                deciding = [f for f in by_cell.get((i, j), []) if f.verdict == verdict]
                ack = 1 if deciding and all(f.acknowledged for f in deciding) else 0
                out.append([i, j, VERDICTS.index(verdict), ack])
        out.sort()
        return out

    # ------------------------------------------------------------------------- pictures

    def _timelines(self, cells: list[list], statuses: dict[tuple[int, int], list]
                   ) -> dict[int, str]:
        out: dict[int, str] = {}
        spoke: dict[int, set[int]] = defaultdict(set)
        for i, j, _, _ in cells:
            spoke[i].add(j)
        for (i, j) in statuses:
            spoke[i].add(j)
        pairs = [(p.a, p.b) for p in self.result.source_pairs]
        by_item_f: dict[int, list[Finding]] = defaultdict(list)
        for f in self.findings:
            i = self.item_index.get(f.claim or "")
            if i is not None:
                by_item_f[i].append(f)
        for i, (item_id, kind, obj) in enumerate(self.items):
            if kind != "claim" or not spoke.get(i):
                continue
            expected = obj.expected_value if isinstance(obj, Claim) else None
            if expected is None:
                common = Counter(f.expected for f in by_item_f.get(i, []) if f.expected)
                expected = common.most_common(1)[0][0] if common else None
            statements = self._statements(i, spoke[i], statuses, by_item_f.get(i, []))
            silent = [(d.id, d.published) for j, d in enumerate(self.docs)
                      if j not in spoke[i]]
            svg = timeline_svg(item_id, expected, statements, silent, pairs)
            if svg is not None:
                out[i] = svg
        return out

    def _statements(self, i: int, docs: set[int], statuses: dict[tuple[int, int], list],
                    findings: list[Finding]) -> list[Statement]:
        rank = {"refuted": 0, "conflicting": 1, "acknowledged": 2, "supported": 3}
        out = []
        found_in: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            if f.document and f.found:
                found_in[f.document].append(f)
        for j in sorted(docs):
            d = self.docs[j]
            said: dict[str, str] = {}
            for value, status in statuses.get((i, j), []):
                status = status if status in rank else "stated"
                if value not in said or rank.get(status, 9) < rank.get(said[value], 9):
                    said[value] = status
            if not said:
                for f in found_in.get(d.id, []):
                    said.setdefault(f.found or "", "acknowledged" if f.acknowledged
                                    else str(f.verdict))
            out += [Statement(d.id, d.published, v, st) for v, st in said.items()]
        return out

    def _charts(self) -> list[str]:
        names = {j: d.id for j, d in enumerate(self.docs)}
        per_source = severity_counts(
            (names.get(self.doc_index.get(f.document or "", -1), "(whole corpus)"), sev)
            for f, sev in zip(self.findings, self.sevs, strict=True))
        per_rule: dict[str, Counter[str]] = {r: Counter() for r in self.rules}
        for f, sev in zip(self.findings, self.sevs, strict=True):
            per_rule[f.rule][sev] += 1
        return [bar_chart("chart-sources", "Findings per source (most first)",
                          top_rows(per_source)),
                bar_chart("chart-rules", "Findings per rule",
                          [(r, c) for r, c in per_rule.items()])]


def trimmed(row: list) -> list:
    """A row without its trailing nulls (the page reads a missing field as null)."""
    while row and row[-1] is None:
        row.pop()
    return row


def _minus(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a - b


def details(obj: Claim | Entity | Term) -> list[list[str]]:
    """What the claims file says about an item, as (key, value) rows."""
    if isinstance(obj, Claim):
        rows = _claim_details(obj)
    elif isinstance(obj, Entity):
        rows = [["canonical", obj.name]]
        rows += [[label, ", ".join(values)] for label, values in (
            ("aliases", obj.aliases), ("accepted variants", obj.variants),
            ("other names", obj.others)) if values]
    else:
        rows = [["preferred", obj.preferred]]
        if obj.variants:
            rows.append(["variants", ", ".join(obj.variants)])
        if obj.language:
            rows.append(["language", obj.language])
    if obj.severity:
        rows.append(["severity", str(obj.severity)])
    return rows


def _claim_details(obj: Claim) -> list[list[str]]:
    rows: list[list[str]] = [["type", str(obj.type)]]
    if obj.consistent:
        rows.append(["expected", "sources must agree with each other"])
    elif obj.expected_value is not None:
        rows.append(["expected", obj.expected_value + (f" {obj.unit}" if obj.unit else "")])
    elif obj.counts_from is not None:
        rows.append(["expected", f"years since {obj.counts_from}, at publication"])
    if obj.categories:
        rows.append(["categories", ", ".join(obj.categories)])
    if obj.tolerance:
        rows.append(["tolerance", f"{obj.tolerance:g}"])
    rows.append(["cues", "; ".join(f"{lang}: " + ", ".join(words)
                                   for lang, words in obj.cues.items())])
    if obj.scope:
        parts = [f"{label} " + ", ".join(values) for label, values in (
            ("languages", obj.scope.languages), ("sources", obj.scope.sources)) if values]
        rows.append(["scope", "; ".join(parts)])
    return rows
