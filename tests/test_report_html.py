"""The HTML report without a browser: content, structure, escaping, CSP, size, CLI, plugin."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factaudit.cli import main
from factaudit.report.html import render as report_html
from factaudit.report.html.render import (
    FULL_TEXT_LINES,
    Mark,
    build_report,
    excerpt,
    json_for_html,
    safe_url,
    segments,
    write_report,
)
from factaudit.report.sarif import to_sarif_dict
from tests.audit_samples import write_hostile_project, write_rich_project
from tests.helpers import audit_paths

ROOT = Path(__file__).resolve().parent.parent
WHEN = dt.datetime(2024, 5, 1, 6, 30, tzinfo=dt.timezone.utc)


class Page(HTMLParser):
    """Every element with its attributes, the text of each id'd element, script bodies."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self._stack: list[tuple[str, str | None]] = []
        self.text_by_id: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "script":
            self._script = attributes
            self.scripts.append((attributes, ""))
        if tag not in ("meta", "input", "br", "img", "rect", "link"):
            self._stack.append((tag, attributes.get("id")))
            if attributes.get("id"):
                self.text_by_id[attributes["id"]] = ""

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._script is not None:
            attributes, body = self.scripts[-1]
            self.scripts[-1] = (attributes, body + data)
        for _, element_id in self._stack:
            if element_id:
                self.text_by_id[element_id] += data

    def ids(self, prefix: str) -> list[str]:
        return [a["id"] for _, a in self.elements if re.fullmatch(prefix, a.get("id", ""))]


@pytest.fixture(scope="module")
def example():
    """The example audit and its report (from the repository root)."""
    import os

    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = audit_paths()
        html = build_report(result, WHEN)
    finally:
        os.chdir(cwd)
    return result, html, Page(html)


def test_report_shows_every_finding_of_the_example_audit_with_evidence(example):
    result, html, page = example
    assert len(page.ids(r"f\d+")) == len(result.findings) > 0
    for n, f in enumerate(result.findings):
        text = " ".join(page.text_by_id[f"f{n}"].split())
        assert " ".join(f.message.split()) in text
        assert f.rule in text and f.verdict.replace("-", " ") in text
        if f.line is not None:
            assert f"{f.path}:{f.line}:{f.column}" in text
            assert f'href="#d{[d.id for d in result.documents].index(f.document)}-L{f.line}"' \
                in html
            assert result.text_of(result.documents[0].id).text  # the documents are shown
        if f.found and f.start is not None:
            assert f.found.split()[0] in text  # the quoted passage holds the value
        if f.acknowledged:
            assert " ".join(f.acknowledged.split()) in text


def test_matrix_has_a_row_per_item_and_a_column_per_document(example):
    result, _, page = example
    items = (len(result.claims.claims) + len(result.claims.entities)
             + len(result.claims.terms))
    assert len(page.ids(r"r\d+")) == items
    headers = [a for tag, a in page.elements if tag == "th" and "src" in a.get("class", "")]
    assert len(headers) == len(result.documents)
    cells = page.ids(r"c\d+-\d+")
    assert len(cells) == items * len(result.documents)
    # each cell says its verdict in words (not only by colour)
    for claim in result.claims.claims:
        i = [c.id for c in result.claims.claims].index(claim.id)
        for j, doc in enumerate(result.documents):
            verdict = result.verdicts[claim.id][doc.id]
            words = page.text_by_id[f"c{i}-{j}"]
            assert verdict.replace("-", " ") in words or "acknowledged" in words


def test_cells_link_to_evidence_that_exists(example):
    _, html, page = example
    targets = re.findall(r'<td id="c\d+-\d+"[^>]*><a href="#(e\d+-\d+)"', html)
    assert targets
    ids = {a.get("id") for _, a in page.elements}
    assert all(t in ids for t in targets)


def test_header_has_run_date_versions_and_totals(example):
    result, html, page = example
    assert "2024-05-01 06:30 UTC" in html
    assert result.claims.digest in page.text_by_id["claims-digest"]
    assert re.fullmatch(r"[0-9a-f]{16}", page.text_by_id["corpus-digest"])
    counts = result.counts()
    severity = " ".join(page.text_by_id["totals-severity"].split())
    for key in ("error", "warning", "info", "acknowledged"):
        assert f"{counts[key]} " in severity and key in severity
    assert len([t for t, a in page.elements if t == "svg" and "chart" in a.get("class", "")]) == 2


def test_report_is_self_contained_small_and_has_a_strict_csp(example):
    _, html, page = example
    assert len(html.encode()) < 1_000_000
    for tag, attributes in page.elements:
        assert tag not in ("link", "iframe", "img", "object", "embed")
        assert "src" not in attributes
        href = attributes.get("href")
        assert href is None or href.startswith("#") or href.startswith("https://")
    csp = next(a["content"] for t, a in page.elements
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1]
    code = [body for attributes, body in page.scripts if "type" not in attributes]
    assert len(code) == 1
    digest = base64.b64encode(hashlib.sha256(code[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    data = [body for attributes, body in page.scripts if attributes.get("type")]
    assert json.loads(data[0])["items"] == len(page.ids(r"r\d+"))


def test_report_is_deterministic_apart_from_the_run_date(example, monkeypatch):
    result, html, _ = example
    monkeypatch.chdir(ROOT)
    assert build_report(result, WHEN) == html
    later = build_report(result, WHEN + dt.timedelta(days=1))
    assert later != html and later.replace("2024-05-02", "2024-05-01") == html


def test_typos_show_canonical_and_found_forms_with_marked_letters(tmp_path, monkeypatch):
    write_rich_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    html = build_report(audit_paths(), WHEN)
    diff = re.search(r'<p class="diff">.*?</p>', html, re.S).group(0)
    found = re.search(r'<span class="form found">(.*?)</span>', diff).group(1)
    canonical = re.search(r'<span class="form canonical">(.*?)</span>', diff).group(1)
    assert re.sub("<[^>]+>", "", found) == "Marsuid"
    assert re.sub("<[^>]+>", "", canonical) == "Marsudi"
    assert '<mark class="d">' in found and '<mark class="d">' in canonical


def test_hostile_corpus_and_claims_render_as_text(tmp_path, monkeypatch):
    write_hostile_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    html = build_report(audit_paths(), WHEN)
    page = Page(html)
    scripts = [a for t, a in page.elements if t == "script"]
    assert len(scripts) == 2  # the data block and the report's own script, nothing else
    for tag, attributes in page.elements:
        assert tag not in ("img", "iframe", "svg") or attributes.get("class") == "chart"
        assert not [name for name in attributes if name.startswith("on")], (tag, attributes)
        for name in ("href", "src", "action", "formaction", "xlink:href", "style"):
            value = (attributes.get(name) or "").replace(" ", "").lower()
            assert "javascript:" not in value, (tag, attributes)
    assert "&lt;script&gt;window.__pwned = &#39;script&#39;&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__pwned = &#39;img&#39;&#34;&gt;" in html
    assert "javascript:window.__pwned = &#39;url&#39;" in html  # shown, not linked
    assert "&amp;amp; more" in html  # entities in the text are text too
    data = next(body for attributes, body in page.scripts if attributes.get("type"))
    assert "<" not in data and ">" not in data


def test_excerpts_and_segments():
    text = "one two three four five\nsix seven"
    segs = segments(text, 0, 23, [Mark(4, 13, "a"), Mark(8, 18, "b")])
    assert [(s.text, s.classes) for s in segs] == [
        ("one ", ""), ("two ", "a"), ("three", "a b"), (" four", "b"), (" five", "")]
    ex = excerpt(text, 8, 13, [Mark(8, 13, "val")], context=6)
    assert "".join(s.text for s in ex.segs) == "two three four"  # words are not cut
    assert ex.before and ex.after
    ex = excerpt(text, 24, 27, [], context=50)  # stops at the line break
    assert "".join(s.text for s in ex.segs) == "six seven" and not ex.before


def test_long_documents_show_only_lines_around_findings(tmp_path, monkeypatch):
    write_rich_project(tmp_path)
    filler = "".join(f"Filler line {n}.\n" for n in range(FULL_TEXT_LINES + 100))
    (tmp_path / "corpus" / "a.txt").write_text(
        filler + "Russia has been a strategic partner of ASEAN since 1996.\n" + filler)
    monkeypatch.chdir(tmp_path)
    html = build_report(audit_paths(), WHEN)
    line = FULL_TEXT_LINES + 101
    assert f'id="d0-L{line}"' in html and f'id="d0-L{line - 3}"' in html
    assert 'id="d0-L1"' not in html and f'id="d0-L{line + 10}"' not in html
    assert f"⋯ {line - 4} lines without findings" in html


def test_json_for_html_cannot_close_the_script_block():
    text = json_for_html({"q": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"q": "</script><!-- & \u2028"}


def test_only_http_urls_become_links():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for url in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
                " javascript:x", "http://x\" onclick=\"y", None, ""):
        assert safe_url(url) is None


def test_cli_report_writes_default_path_atomically(tmp_path, monkeypatch, capsys):
    write_rich_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["report"]) == 0
    target = tmp_path / "reports" / "discrepancies.html"
    assert "report written to reports/discrepancies.html" in capsys.readouterr().out
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    assert target.stat().st_mode & 0o044  # readable by others, unlike a temporary file
    assert main(["report", "--output", "elsewhere/r.html"]) == 0
    assert (tmp_path / "elsewhere" / "r.html").is_file()
    assert main(["report", "--corpus", "missing"]) == 2


def test_write_report_returns_its_path(tmp_path, monkeypatch):
    write_rich_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    path = write_report(audit_paths(), tmp_path / "out" / "x.html", WHEN)
    assert path.read_text().count('class="finding ') == len(audit_paths().findings)


def test_pytest_option_writes_the_report(pytester):
    write_rich_project(pytester.path)
    result = pytester.runpytest("--factaudit-report", "reports/r.html", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    report = pytester.path / "reports" / "r.html"
    result.stdout.fnmatch_lines([f"factaudit: report written to {report}"])
    html = report.read_text()
    assert html.count('class="finding ') == 5 and "Marsuid" in html


def test_large_corpora_show_and_read_only_documents_with_something_found(tmp_path,
                                                                         monkeypatch):
    write_rich_project(tmp_path)
    (tmp_path / "corpus" / "d.txt").write_text("Nothing to see here.\n")
    sources = tmp_path / "corpus" / "sources.yaml"
    sources.write_text(sources.read_text() + "  - {path: d.txt, id: d, language: en}\n")
    monkeypatch.chdir(tmp_path)
    result = copy.copy(audit_paths())
    reads: list[str] = []
    reader = result.reader
    result.reader = lambda doc_id: reads.append(doc_id) or reader(doc_id)
    monkeypatch.setattr(report_html, "ALL_DOCUMENTS", 3)
    html = build_report(result, WHEN)
    assert "1 documents in which nothing was found are not shown" in html
    assert 'value="d"' not in html and 'value="c"' in html
    page = Page(html)
    assert len([a for t, a in page.elements if t == "th" and "src" in a.get("class", "")]) == 3
    assert "d" not in reads  # its version comes from its digest; its text is not needed
    assert all(reads.count(x) == 1 for x in "abc")
    reads.clear()
    to_sarif_dict(result)
    assert reads == []  # machine outputs need no document text: findings carry snippets
