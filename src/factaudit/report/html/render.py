"""The HTML discrepancy report: one self-contained file an editor reads every morning.

``build_report(result)`` returns the page; ``write_report(result, path)`` writes it
atomically. The page has inline CSS and JS only (no CDN, no fetch), opens offline from
disk and carries a restrictive Content-Security-Policy: nothing external loads, and the
only script that runs is the report's own (allowed by its SHA-256 hash).

The page is a shell (header, totals, charts, filters: made here with Jinja's autoescaping)
and a compact JSON document (``data.py``) that the script renders from, lazily: the first
screen (the verdict and the worst problems), one page per claim with its timeline (SVG made
here), the claims × sources matrix, the findings and the documents, a page at a time. The
script builds elements with ``textContent`` and never parses HTML, so a document containing
``<script>``, ``onerror=`` or ``javascript:`` shows as text; the JSON has ``<``, ``>`` and
``&`` escaped, so it cannot end its script block.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from importlib import resources
from pathlib import Path

from factaudit import __version__
from factaudit.report.common import effective_severity, rules_off_lines
from factaudit.report.html import data as report_data
from factaudit.report.html.data import Changes
from factaudit.report.html.safety import json_for_html, safe_url, script_hash
from factaudit.report.html.svg import SEVERITY_ICON
from factaudit.results import AuditResult

DEFAULT_NAME = "discrepancies.html"
FILTER_SOURCES = 100  # up to this many documents, each has a checkbox in the filters
SCRIPTS = ("core.js", "filters.js", "cards.js", "overview.js", "item.js", "matrix.js",
           "lists.js", "docview.js", "main.js")
VERDICT_LABEL = {
    "supported": "supported", "refuted": "refuted", "conflicting": "conflicting",
    "not-enough-info": "not enough info", "typo": "typo", "variant": "variant",
    "out-of-scope": "out of scope", "acknowledged": "acknowledged",
}
VERDICT_ICON = {
    "supported": "✓", "refuted": "✗", "conflicting": "⇄", "not-enough-info": "–",
    "typo": "✎", "variant": "≈", "out-of-scope": "∅", "acknowledged": "⚑",
}

__all__ = ["DEFAULT_NAME", "Changes", "build_report", "corpus_digest", "json_for_html",
           "safe_url", "script_hash", "write_report"]


def corpus_digest(result: AuditResult) -> str:
    """A version of the corpus: changes when any document's id, path or text changes."""
    digest = hashlib.sha256()
    for doc in sorted(result.documents, key=lambda d: d.id):
        for part in (doc.id, doc.path, doc.digest or ""):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:16]


def _asset(name: str) -> str:
    return resources.files("factaudit.report.html").joinpath("templates").joinpath(
        name).read_text("utf-8")


def script() -> str:
    """The report's one script: its parts, in order, in one function scope."""
    parts = [f"// --- {name}\n{_asset(name)}" for name in SCRIPTS]
    return "(function () {\n'use strict';\n" + "\n".join(parts) + "\n})();\n"


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: _asset(name)),
        autoescape=True,  # every {{ }} is HTML-escaped, in text and attributes
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["n"] = lambda value: f"{value:,}"  # 87,023
    return env


def _context(result: AuditResult, built: report_data.Built, generated: dt.datetime,
             changes: Changes | None) -> dict[str, object]:
    from markupsafe import Markup

    when = generated.astimezone(dt.timezone.utc)
    sevs = Counter(effective_severity(f) for f in result.findings)
    verdicts = Counter(str(f.verdict) for f in result.findings)
    rules = Counter(f.rule for f in result.findings)
    languages = Counter(d.language for d in result.documents)
    counts = result.counts()
    new = sorted(changes.new) if changes else []
    new_errors = sum(1 for n in new if str(result.findings[n].severity) == "error"
                     and not result.findings[n].acknowledged)
    present = [v for v in report_data.VERDICTS if v in verdicts] + [
        v for v in ("supported", "not-enough-info", "out-of-scope") if v not in verdicts]
    return {
        "title": "factaudit discrepancy report",
        "generated": when.strftime("%Y-%m-%d %H:%M UTC"),
        "generated_iso": when.isoformat(timespec="seconds"),
        "version": __version__,
        "claims_digest": result.claims.digest,
        "corpus_digest": corpus_digest(result),
        "passed": not result.failed(allow_acknowledged=True),
        "counts": counts,
        "summary": {"documents": result.document_count, "claims": len(result.claims.claims),
                    "entities": len(result.claims.entities), "terms": len(result.claims.terms),
                    "mentions": len(result.mentions), "findings": len(result.findings)},
        "omitted_documents": result.document_count - len(result.documents),
        "sev_counts": sevs,
        "verdict_counts": verdicts,
        "verdicts": present,
        "rule_ids": list(built.data["rules"]),  # type: ignore[call-overload]
        "rule_counts": rules,
        "languages": sorted(languages),
        "lang_counts": languages,
        "filter_docs": [d.id for d in result.documents]
        if len(result.documents) <= FILTER_SOURCES else None,
        "charts": [Markup(c) for c in built.charts],  # made escaped by svg.el
        "timelines": {i: Markup(svg) for i, svg in sorted(built.timelines.items())},
        "warnings": [str(w) for w in result.warnings],
        "rules_off": rules_off_lines(result),
        "baseline": changes.path if changes else None,
        "new_count": len(new),
        "new_errors": new_errors,
        "fixed_count": len(changes.fixed) if changes else 0,
        "SEVERITY_KEYS": report_data.SEVERITIES,
        "SEVERITY_ICON": SEVERITY_ICON,
        "VERDICT_LABEL": VERDICT_LABEL,
        "VERDICT_ICON": VERDICT_ICON,
    }


def build_report(result: AuditResult, generated: dt.datetime | None = None,
                 changes: Changes | None = None) -> str:
    """The report page as text."""
    from markupsafe import Markup

    built = report_data.build(result, changes)
    context = _context(result, built, generated or dt.datetime.now(dt.timezone.utc), changes)
    code = script()
    css = _asset("report.css")
    if "</" in code or "</" in css:  # our own assets never close their element early
        raise ValueError("report assets must not contain '</'")
    csp = ("default-src 'none'; style-src 'unsafe-inline'; "
           f"script-src '{script_hash(code)}'; img-src data:; base-uri 'none'; "
           "form-action 'none'")
    template = _environment().get_template("report.html.j2")
    return template.render(**context, csp=csp, script=Markup(code), css=Markup(css),
                           data_json=Markup(json_for_html(built.data)),
                           texts_json=Markup(json_for_html(built.texts)))


def write_report(result: AuditResult, path: Path | str, generated: dt.datetime | None = None,
                 changes: Changes | None = None) -> Path:
    """Write the report atomically (temporary file, then rename); returns the path."""
    from factaudit.report.atomic import write_output

    path = Path(path)
    write_output(path, build_report(result, generated, changes))
    return path
