"""The HTML discrepancy report: one self-contained file an editor reads every morning.

``build_report(result)`` returns the page; ``write_report(result, path)`` writes it
atomically. The page has inline CSS and JS only (no CDN, no fetch), opens offline from
disk and carries a restrictive Content-Security-Policy: nothing external loads, and the
only script that runs is the report's own (allowed by its SHA-256 hash).

Everything that comes from the corpus or the claims goes through Jinja's autoescaping
(text and attributes); the data the filters need is embedded as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the
script never writes HTML (it only toggles ``hidden`` and reads ``textContent``). So a
document containing ``<script>``, ``onerror=`` or ``javascript:`` renders as text.

Layout: header (run date, tool version, claims and corpus digests), totals by severity
and verdict, an SVG chart of findings per source and per rule, filters, the items ×
sources matrix, evidence per claim / entity / term, and every document with line anchors.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise
from pathlib import Path

from factaudit import __version__
from factaudit.inputs.claims import Claim, Entity, Term
from factaudit.model import Document, DocumentInfo, Finding
from factaudit.reading.lexicon.edits import mark_difference
from factaudit.reading.text import LineIndex
from factaudit.report.common import (
    effective_severity,
    item_statement,
    origin_location,
    rules_off_lines,
)
from factaudit.report.fingerprint import fingerprints
from factaudit.results import AuditResult

DEFAULT_NAME = "discrepancies.html"
EXCERPT_CONTEXT = 90  # characters of context around a span in an excerpt
FULL_TEXT_LINES = 400  # longer documents show only the lines around what was found
ALL_DOCUMENTS = 100  # larger corpora show only the documents something was found in
CONTEXT_LINES = 3

SEVERITY_KEYS = ("error", "warning", "info", "acknowledged")
VERDICT_ORDER = ("refuted", "conflicting", "typo", "variant", "supported", "not-enough-info",
                 "out-of-scope")
VERDICT_LABEL = {
    "supported": "supported", "refuted": "refuted", "conflicting": "conflicting",
    "not-enough-info": "not enough info", "typo": "typo", "variant": "variant",
    "out-of-scope": "out of scope", "acknowledged": "acknowledged",
}
VERDICT_ICON = {
    "supported": "✓", "refuted": "✗", "conflicting": "⇄", "not-enough-info": "–",
    "typo": "✎", "variant": "≈", "out-of-scope": "∅", "acknowledged": "⚑",
}
SEVERITY_ICON = {"error": "✗", "warning": "!", "info": "i", "acknowledged": "⚑"}
SEVERITY_COLOR = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0",
                  "acknowledged": "#6d6d8a"}


# ----------------------------------------------------------------------------- view model

@dataclass
class Seg:
    """A piece of text with the marks covering it."""

    text: str
    classes: str = ""
    href: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str
    href: str | None = None
    title: str | None = None


@dataclass
class Excerpt:
    segs: list[Seg]
    before: bool  # text was cut before
    after: bool


@dataclass
class FindingView:
    n: int
    anchor: str
    finding: Finding
    fingerprint: str
    sev: str  # effective: acknowledged findings are counted apart
    item: int | None
    doc: int | None
    location: str | None
    line_href: str | None
    excerpt: Excerpt | None
    diff: tuple[list, list] | None  # (found pieces, expected pieces) for spellings


@dataclass
class MentionView:
    anchor: str
    raw: str
    value: str
    kind: str
    how: str
    cue: str
    location: str
    line_href: str
    excerpt: Excerpt
    status: str  # the verdict of a finding at this value, else "supported"/"read"


@dataclass
class CellView:
    item: int
    doc: int
    verdict: str
    display: str  # the verdict, or "acknowledged"
    value: str
    anchor: str | None
    findings: list[int]
    title: str


@dataclass
class EvidenceView:
    anchor: str
    doc: int
    cell: CellView
    findings: list[FindingView] = field(default_factory=list)
    mentions: list[MentionView] = field(default_factory=list)


@dataclass
class ItemView:
    i: int
    id: str
    kind: str
    statement: str
    details: list[tuple[str, str]]
    origin: str
    acknowledgements: list[dict]
    cells: list[CellView]
    evidence: list[EvidenceView]
    general: list[FindingView]  # findings not tied to one document


@dataclass
class LineView:
    number: int
    anchor: str
    segs: list[Seg]


@dataclass
class DocView:
    j: int
    doc: Document
    anchor: str
    url: str | None  # only http(s) urls become links
    lines: list[LineView | int]  # an int is a gap: that many lines left out
    findings: int


# ----------------------------------------------------------------------------- text pieces

_WS = re.compile(r"\s+")


def segments(text: str, lo: int, hi: int, marks: list[Mark]) -> list[Seg]:
    """``text[lo:hi]`` cut where marks start and end; overlapping marks combine classes."""
    marks = [m for m in marks if m.end > lo and m.start < hi and m.end > m.start]
    cuts = sorted({lo, hi, *(max(lo, m.start) for m in marks), *(min(hi, m.end) for m in marks)})
    out: list[Seg] = []
    for a, b in pairwise(cuts):
        active = [m for m in marks if m.start <= a and m.end >= b]
        classes = " ".join(sorted({m.cls for m in active}))
        href = next((m.href for m in active if m.href), None)
        titles = [m.title for m in active if m.title]
        title = "; ".join(dict.fromkeys(titles)) or None
        piece = text[a:b]
        if out and out[-1].classes == classes and out[-1].href == href \
                and out[-1].title == title:
            out[-1].text += piece
        else:
            out.append(Seg(piece, classes, href, title))
    return out


def excerpt(text: str, start: int, end: int, marks: list[Mark],
            context: int = EXCERPT_CONTEXT) -> Excerpt:
    """The span with some context on its line, whitespace collapsed, words not cut."""
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    newline = text.rfind("\n", lo, start)
    if newline != -1:
        lo = newline + 1
    elif lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    newline = text.find("\n", end, hi)
    if newline != -1:
        hi = newline
    elif hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    segs = segments(text, lo, hi, marks)
    for seg in segs:
        seg.text = _WS.sub(" ", seg.text)
    if segs:
        segs[0].text = segs[0].text.lstrip()
        segs[-1].text = segs[-1].text.rstrip()
    return Excerpt(segs, lo > 0 and text[lo - 1] != "\n",
                   hi < len(text) and text[hi] != "\n")


def safe_url(url: str | None) -> str | None:
    """Only http(s) urls become links; anything else (javascript:, data:…) stays text."""
    if url and re.match(r"^https?://[^\s\"'<>]+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def json_for_html(data: object) -> str:
    """JSON that cannot end a <script> block or open a comment: <, > and & escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# ----------------------------------------------------------------------------- building

def _items(result: AuditResult) -> list[tuple[str, str, Claim | Entity | Term]]:
    out: list[tuple[str, str, Claim | Entity | Term]] = []
    out += [(c.id, "claim", c) for c in result.claims.claims]
    out += [(e.item_id, "entity", e) for e in result.claims.entities]
    out += [(t.item_id, "term", t) for t in result.claims.terms]
    return out


def _details(obj: Claim | Entity | Term) -> list[tuple[str, str]]:
    if isinstance(obj, Claim):
        rows: list[tuple[str, str]] = [("type", str(obj.type))]
        if obj.consistent:
            rows.append(("expected", "sources must agree with each other"))
        else:
            rows.append(("expected", str(obj.expected_value)
                         + (f" {obj.unit}" if obj.unit else "")))
        if obj.categories:
            rows.append(("categories", ", ".join(obj.categories)))
        if obj.tolerance:
            rows.append(("tolerance", f"{obj.tolerance:g}"))
        cues = "; ".join(f"{lang}: " + ", ".join(words) for lang, words in obj.cues.items())
        rows.append(("cues", cues))
        if obj.scope:
            parts = []
            if obj.scope.languages:
                parts.append("languages " + ", ".join(obj.scope.languages))
            if obj.scope.sources:
                parts.append("sources " + ", ".join(obj.scope.sources))
            rows.append(("scope", "; ".join(parts)))
    elif isinstance(obj, Entity):
        rows = [("canonical", obj.name)]
        for label, values in (("aliases", obj.aliases), ("accepted variants", obj.variants),
                              ("other names", obj.others)):
            if values:
                rows.append((label, ", ".join(values)))
    else:
        rows = [("preferred", obj.preferred)]
        if obj.variants:
            rows.append(("variants", ", ".join(obj.variants)))
        if obj.language:
            rows.append(("language", obj.language))
    if obj.severity:
        rows.append(("severity", obj.severity))
    return rows


def _cell_display(verdict: str, findings: list[Finding]) -> str:
    deciding = [f for f in findings if f.verdict == verdict]
    if deciding and all(f.acknowledged for f in deciding):
        return "acknowledged"
    return verdict


def _short(values: list[str], limit: int = 3) -> str:
    distinct = list(dict.fromkeys(v for v in values if v))
    text = ", ".join(distinct[:limit])
    return text + (", …" if len(distinct) > limit else "")


def _with_text(result: AuditResult, info: DocumentInfo) -> Document:
    """The document with its text, read again (an empty text when it cannot be)."""
    doc = result.text_of(info.id)
    if doc is not None:
        return doc
    fields = {f: getattr(info, f) for f in DocumentInfo.__dataclass_fields__}
    return Document(**fields, text="")


def corpus_digest(result: AuditResult) -> str:
    """A version of the corpus: changes when any document's id, path or text changes."""
    digest = hashlib.sha256()
    for doc in sorted(result.documents, key=lambda d: d.id):
        for part in (doc.id, doc.path, doc.digest or ""):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:16]


_LINES: dict[int, tuple[str, LineIndex]] = {}


def position(doc: Document, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset in a document's file."""
    cached = _LINES.get(id(doc))
    if cached is None or cached[0] is not doc.text:
        cached = (doc.text, LineIndex(doc.text, doc.first_line))
        _LINES.clear()
        _LINES[id(doc)] = cached
    return cached[1].position(offset)


def build_context(result: AuditResult, generated: dt.datetime | None = None
                  ) -> dict[str, object]:
    generated = generated or dt.datetime.now(dt.timezone.utc)
    involved = {f.document for f in result.findings} | {m.document for m in result.mentions}
    involved |= {doc_id for cells in result.verdicts.values() for doc_id, verdict in
                 cells.items() if verdict not in ("not-enough-info", "out-of-scope")}
    metas = result.documents
    docs = [_with_text(result, d) for d in metas
            if len(metas) <= ALL_DOCUMENTS or d.id in involved]
    doc_index = {d.id: j for j, d in enumerate(docs)}
    items = _items(result)
    item_index = {item_id: i for i, (item_id, _, _) in enumerate(items)}
    prints = fingerprints(result.findings)
    mentions_by = defaultdict(list)
    for m in result.mentions:
        mentions_by[(m.claim, m.document)].append(m)

    # findings ------------------------------------------------------------------------
    fviews: list[FindingView] = []
    doc_marks: dict[int, list[Mark]] = defaultdict(list)
    for n, (f, fp) in enumerate(zip(result.findings, prints, strict=True)):
        j = doc_index.get(f.document or "")
        doc = docs[j] if j is not None else None
        sev = effective_severity(f)
        anchor = f"f{n}"
        line_href = None
        location = None
        ex = None
        if doc is not None and j is not None and f.start is not None:
            end = f.end if f.end is not None and f.end > f.start else f.start
            line, column = position(doc, f.start)
            line_href = f"#d{j}-L{line}"
            location = f"{doc.path}:{line}:{column}"
            mark = Mark(f.start, max(end, f.start + 1), f"hl sev-{sev}")
            ex = excerpt(doc.text, f.start, end, [mark])
            doc_marks[j].append(Mark(f.start, max(end, f.start + 1), f"hl sev-{sev}",
                                     f"#{anchor}", f"{f.rule}: {f.message}"))
        elif f.path:
            location = f.path + (f":{f.line}" if f.line else "")
        else:
            where = origin_location(result, f.claim)
            location = f"{where[0]}:{where[1]} (declared here; whole corpus)" if where else None
        diff = None
        if (f.verdict in ("typo", "variant") and f.found and f.expected and doc is not None
                and len(f.found) <= 80 and len(f.expected) <= 80):
            diff = mark_difference(f.found, f.expected)
        fviews.append(FindingView(n, anchor, f, fp, sev, item_index.get(f.claim or ""), j,
                                  location, line_href, ex, diff))

    # items, cells, evidence -------------------------------------------------------------
    by_cell: dict[tuple[int, int], list[FindingView]] = defaultdict(list)
    general: dict[int | None, list[FindingView]] = defaultdict(list)
    for fv in fviews:
        if fv.item is not None and fv.doc is not None:
            by_cell[(fv.item, fv.doc)].append(fv)
        else:
            general[fv.item].append(fv)
    item_views: list[ItemView] = []
    for i, (item_id, kind, obj) in enumerate(items):
        origin = result.claims.origins.get(item_id)
        cells, evidence = [], []
        for j, doc in enumerate(docs):
            verdict = result.verdicts.get(item_id, {}).get(doc.id, "not-enough-info")
            cell_findings = by_cell.get((i, j), [])
            mentions = mentions_by.get((item_id, doc.id), [])
            display = _cell_display(verdict, [fv.finding for fv in cell_findings])
            if kind == "claim":
                value = _short([m.value for m in mentions])
            else:
                value = _short([fv.finding.found or "" for fv in cell_findings])
            has_evidence = bool(cell_findings or mentions)
            cell_anchor = f"e{i}-{j}" if has_evidence else None
            title = f"{item_id} in {doc.id}: {VERDICT_LABEL.get(verdict, verdict)}"
            if display == "acknowledged":
                reasons = sorted({fv.finding.acknowledged or "" for fv in cell_findings
                                  if fv.finding.acknowledged})
                title += " — acknowledged: " + "; ".join(reasons)
            if value:
                title += f" — found {value}"
            cell = CellView(i, j, verdict, display, value, cell_anchor,
                            [fv.n for fv in cell_findings], title)
            cells.append(cell)
            if cell_anchor is not None:
                evidence.append(EvidenceView(cell_anchor, j, cell, cell_findings,
                                             _mentions(doc, j, i, mentions, cell_findings,
                                                       doc_marks)))
        acks = [{"source": a.source, "reason": a.reason, "until": a.until.isoformat(),
                 "found": a.found} for a in obj.acknowledged]
        item_views.append(ItemView(
            i, item_id, kind, item_statement(result, item_id), _details(obj),
            f"{origin.path}:{origin.line}" if origin else "", acks, cells, evidence,
            general.get(i, [])))
    orphans = general.get(None, [])

    # documents --------------------------------------------------------------------------
    counts_per_doc = Counter(fv.doc for fv in fviews if fv.doc is not None)
    doc_views = [DocView(j, d, f"d{j}", safe_url(d.url), _lines(d, j, doc_marks[j]),
                         counts_per_doc[j]) for j, d in enumerate(docs)]

    # totals and charts ------------------------------------------------------------------
    sev_counts = Counter(fv.sev for fv in fviews)
    verdict_counts = Counter(f.verdict for f in result.findings)
    cell_counts = Counter(c.display for it in item_views for c in it.cells)
    rule_ids = list(dict.fromkeys([r.id for r in result.rules]
                                  + [f.rule for f in result.findings]))
    per_source = [(d.id, Counter(fv.sev for fv in fviews if fv.doc == j))
                  for j, d in enumerate(docs)]
    corpus_wide = Counter(fv.sev for fv in fviews if fv.doc is None)
    if corpus_wide:
        per_source.append(("(whole corpus)", corpus_wide))
    per_rule = [(r, Counter(fv.sev for fv in fviews if fv.finding.rule == r))
                for r in rule_ids]
    charts = [_bar_chart("chart-sources", "Findings per source", per_source),
              _bar_chart("chart-rules", "Findings per rule", per_rule)]

    languages = sorted({d.language for d in docs})
    verdicts_present = [v for v in VERDICT_ORDER
                        if v in verdict_counts or any(c.verdict == v for it in item_views
                                                      for c in it.cells)]
    data = {
        "docs": [{"id": d.id, "lang": d.language} for d in docs],
        "findings": [{"n": fv.n, "item": fv.item, "doc": fv.doc, "sev": fv.sev,
                      "rule": fv.finding.rule, "verdict": fv.finding.verdict}
                     for fv in fviews],
        "cells": [[c.item, c.doc, c.verdict, c.findings, 1 if c.anchor else 0]
                  for it in item_views for c in it.cells],
        "items": len(item_views),
    }
    counts = result.counts()
    return {
        "title": "factaudit discrepancy report",
        "generated": generated.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "generated_iso": generated.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
        "version": __version__,
        "claims_digest": result.claims.digest,
        "corpus_digest": corpus_digest(result),
        "omitted_documents": result.document_count - len(docs),
        "passed": not result.failed(allow_acknowledged=True),
        "counts": counts,
        "summary": {"documents": result.document_count, "claims": len(result.claims.claims),
                    "entities": len(result.claims.entities), "terms": len(result.claims.terms),
                    "mentions": len(result.mentions), "findings": len(result.findings)},
        "sev_counts": sev_counts,
        "verdict_counts": verdict_counts,
        "cell_counts": cell_counts,
        "charts": charts,
        "items": item_views,
        "claim_items": [it for it in item_views if it.kind == "claim"],
        "name_items": [it for it in item_views if it.kind != "claim"],
        "orphans": orphans,
        "docs": doc_views,
        "rule_ids": rule_ids,
        "rule_counts": Counter(f.rule for f in result.findings),
        "languages": languages,
        "lang_counts": Counter(d.language for d in docs),
        "verdicts": verdicts_present,
        "warnings": [str(w) for w in result.warnings],
        "rules_off": rules_off_lines(result),
        "data_json": json_for_html(data),
        "SEVERITY_KEYS": SEVERITY_KEYS,
        "SEVERITY_ICON": SEVERITY_ICON,
        "VERDICT_LABEL": VERDICT_LABEL,
        "VERDICT_ICON": VERDICT_ICON,
    }


def _mentions(doc: Document, j: int, i: int, mentions, cell_findings: list[FindingView],
              doc_marks: dict[int, list[Mark]]) -> list[MentionView]:
    out = []
    for k, m in enumerate(sorted(mentions, key=lambda m: (m.value_start, m.cue_start))):
        status = "supported"
        for fv in cell_findings:
            f = fv.finding
            if f.start is not None and f.start < m.value_end and (f.end or f.start) > \
                    m.value_start:
                status = "acknowledged" if f.acknowledged else f.verdict
                break
        anchor = f"m{i}-{j}-{k}"
        marks = [Mark(m.cue_start, m.cue_end, "cue"), Mark(m.value_start, m.value_end, "val")]
        lo, hi = min(m.cue_start, m.value_start), max(m.cue_end, m.value_end)
        ex = excerpt(doc.text, lo, hi, marks, context=60)
        line, column = position(doc, m.value_start)
        doc_marks[j].append(Mark(m.value_start, m.value_end, "val", f"#{anchor}",
                                 f"{m.claim}: {m.raw} → {m.value}"))
        doc_marks[j].append(Mark(m.cue_start, m.cue_end, "cue"))
        out.append(MentionView(anchor, m.raw, m.value, m.kind, m.how, m.cue,
                               f"{doc.path}:{line}:{column}", f"#d{j}-L{line}", ex, status))
    return out


def _lines(doc: Document, j: int, marks: list[Mark]) -> list[LineView | int]:
    text = doc.text
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if starts[-1] == len(text) and len(starts) > 1:
        starts.pop()  # no empty last line after a final newline
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    buckets: dict[int, list[Mark]] = defaultdict(list)
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        first = _line_of(starts, m.start)
        last = _line_of(starts, max(m.start, m.end - 1))
        for index in range(first, last + 1):
            buckets[index].append(m)
    keep: set[int] | None = None
    if len(starts) > FULL_TEXT_LINES:
        keep = set()
        for index in buckets:
            keep.update(range(max(0, index - CONTEXT_LINES),
                              min(len(starts), index + CONTEXT_LINES + 1)))
    out: list[LineView | int] = []
    gap = 0
    for index, (lo, hi) in enumerate(zip(starts, ends, strict=True)):
        if keep is not None and index not in keep:
            gap += 1
            continue
        if gap:
            out.append(gap)
            gap = 0
        if hi > lo and text[hi - 1] == "\r":
            hi -= 1
        number = index + doc.first_line
        out.append(LineView(number, f"d{j}-L{number}",
                            segments(text, lo, hi, buckets.get(index, [])) if hi > lo else []))
    if gap:
        out.append(gap)
    return out


def _line_of(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _bar_chart(chart_id: str, title: str, rows: list[tuple[str, Counter]]) -> dict:
    """Geometry of a horizontal stacked bar chart (one bar per row, stacked by severity)."""
    label_w, bar_w, row_h, pad = 250, 260, 22, 6
    top = 28
    biggest = max([sum(c.values()) for _, c in rows] + [1])
    bars = []
    for r, (label, counter) in enumerate(rows):
        y = top + r * row_h
        x: float = label_w
        parts = []
        for key in SEVERITY_KEYS:
            count = counter.get(key, 0)
            if not count:
                continue
            width = bar_w * count / biggest
            parts.append({"x": round(x, 1), "w": round(width, 1), "key": key, "count": count,
                          "color": SEVERITY_COLOR[key]})
            x += width
        total = sum(counter.values())
        shown = label if len(label) <= 36 else label[:35] + "…"
        bars.append({"y": y, "label": shown, "full": label, "total": total, "parts": parts,
                     "end": round(x, 1)})
    height = top + len(rows) * row_h + pad + 24
    return {"id": chart_id, "title": title, "width": label_w + bar_w + 50, "height": height,
            "bars": bars, "row_h": row_h, "label_w": label_w, "legend_y": height - 12,
            "colors": SEVERITY_COLOR}


# ----------------------------------------------------------------------------- rendering

def _asset(name: str) -> str:
    return resources.files("factaudit.report.html").joinpath("templates").joinpath(
        name).read_text("utf-8")


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: _asset(name)),
        autoescape=True,  # every {{ }} is HTML-escaped, in text and attributes
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def build_report(result: AuditResult, generated: dt.datetime | None = None) -> str:
    """The report page as text."""
    from markupsafe import Markup

    context = build_context(result, generated)
    script = _asset("report.js")
    css = _asset("report.css")
    if "</" in script or "</" in css:  # our own assets never close their element early
        raise ValueError("report assets must not contain '</'")
    csp = ("default-src 'none'; style-src 'unsafe-inline'; "
           f"script-src '{script_hash(script)}'; img-src data:; base-uri 'none'; "
           "form-action 'none'")
    template = _environment().get_template("report.html.j2")
    context["data_json"] = Markup(context["data_json"])  # escaped by json_for_html
    return template.render(**context, csp=csp, script=Markup(script), css=Markup(css))


def write_report(result: AuditResult, path: Path | str,
                 generated: dt.datetime | None = None) -> Path:
    """Write the report atomically (temporary file, then rename); returns the path."""
    from factaudit.report.atomic import write_output

    path = Path(path)
    write_output(path, build_report(result, generated))
    return path
