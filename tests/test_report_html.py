"""The HTML report without a browser: its data, structure, escaping, CSP, size, CLI, plugin,
the same findings as `check`, baselines, timelines and charts."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factaudit.cli import main
from factaudit.model import Document
from factaudit.report.html import data as report_data
from factaudit.report.html.lines import (
    FULL_TEXT_LINES,
    LINE_LIMIT,
    embedded_lines,
    line_starts,
    quote_bounds,
)
from factaudit.report.html.render import build_report, json_for_html, safe_url, write_report
from factaudit.report.html.svg import bar_chart, top_rows
from factaudit.report.html.timeline import Statement, day_of, timeline_svg
from factaudit.report.json import payload
from factaudit.report.sarif import to_sarif_dict
from tests.audit_samples import write_hostile_project, write_rich_project
from tests.helpers import audit_paths
from tests.report_samples import synthetic_result

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
        if tag not in ("meta", "input", "br", "img", "rect", "link", "line", "path", "circle"):
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

    def block(self, element_id: str):
        return json.loads(next(body for a, body in self.scripts if a.get("id") == element_id))


class Report:
    """A report page with its data decoded: findings and mentions as dicts."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.page = Page(html)
        self.data = self.page.block("report-data")
        self.texts = self.page.block("report-texts")
        s = self.data["S"]
        strings = {"msg", "expected", "found", "how", "ack", "quote", "where"}
        self.findings = []
        for row in self.data["F"]:
            f = report_data.absolute(tuple(self.data["fields"]["F"]), row)
            f.update((k, s[v]) for k, v in f.items() if k in strings and v is not None)
            f["rule"] = self.data["rules"][f["rule"]]
            f["sev"] = self.data["sevs"][f["sev"]]
            f["verdict"] = self.data["verdicts"][f["verdict"]]
            self.findings.append(f)
        self.mentions = [report_data.absolute(tuple(self.data["fields"]["M"]), row)
                         for row in self.data["M"]]

    def quote(self, f: dict) -> str:
        """The text a finding's quote shows."""
        for _, offset, text, *_ in self.texts[str(f["doc"])]:
            if offset <= f["qlo"] <= offset + len(text):
                return text[f["qlo"] - offset:f["qhi"] - offset]
        raise AssertionError(f"no text carried for {f}")


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
    return result, html, Report(html)


def test_report_carries_every_finding_of_the_audit_with_its_sentence(example):
    result, _, report = example
    assert len(report.findings) == len(result.findings) > 0
    prints = [f["fingerprint"] for f in payload(result)["findings"]]
    doc_ids = [d.id for d in result.documents]
    for f, row, fp in zip(result.findings, report.findings, prints, strict=True):
        assert row["msg"] == f.message and row["rule"] == f.rule and row["fp"] == fp
        assert row["verdict"] == f.verdict and row["found"] == f.found
        assert (row["line"], row["col"]) == (f.line, f.column)
        if f.document is not None:
            assert row["doc"] == doc_ids.index(f.document)
        if f.start is not None:
            quote = report.quote(row)
            assert f.found.split()[0] in quote  # the sentence quoted holds the value
            assert len(quote) <= 2 * 220 + len(f.found)
        if f.acknowledged:
            assert row["ack"] == f.acknowledged and row["sev"] == "acknowledged"


def test_matrix_cells_are_the_verdict_table(example):
    result, _, report = example
    items = [*(c.id for c in result.claims.claims), *(e.item_id for e in result.claims.entities),
             *(t.item_id for t in result.claims.terms)]
    assert [it[0] for it in report.data["items"]] == items
    docs = [d.id for d in result.documents]
    cells = {(i, j): report.data["verdicts"][v] for i, j, v, _ in report.data["cells"]}
    for item, by_doc in result.verdicts.items():
        for doc, verdict in by_doc.items():
            expected = None if verdict == "not-enough-info" else verdict
            assert cells.get((items.index(item), docs.index(doc))) == expected, (item, doc)


def test_header_has_the_verdict_run_date_versions_and_totals(example):
    result, html, report = example
    assert "2024-05-01 06:30 UTC" in html
    assert result.claims.digest in report.page.text_by_id["claims-digest"]
    assert re.fullmatch(r"[0-9a-f]{16}", report.page.text_by_id["corpus-digest"])
    status = report.page.text_by_id["status"]
    assert ("passed" in status) == (not result.failed(allow_acknowledged=True))
    counts = result.counts()
    severity = " ".join(report.page.text_by_id["totals-severity"].split())
    for key in ("error", "warning", "info", "acknowledged"):
        assert f"{counts[key]} " in severity and key in severity
    charts = [a for t, a in report.page.elements if t == "svg" and "chart" in a.get("class", "")]
    assert len(charts) == 2


def test_the_status_line_and_overview_come_before_totals_and_charts(example):
    _, html, _ = example
    order = [html.index(marker) for marker in ('id="status"', 'id="worst"', 'id="typos"',
                                               'id="totals"', 'class="chart"')]
    assert order == sorted(order)


def test_report_is_self_contained_small_and_has_a_strict_csp(example):
    _, html, report = example
    assert len(html.encode()) < 400_000
    for tag, attributes in report.page.elements:
        assert tag not in ("link", "iframe", "img", "object", "embed")
        assert "src" not in attributes
        href = attributes.get("href")
        assert href is None or href.startswith("#") or href.startswith("https://")
    csp = next(a["content"] for t, a in report.page.elements
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1]
    code = [body for attributes, body in report.page.scripts if "type" not in attributes]
    assert len(code) == 1
    digest = base64.b64encode(hashlib.sha256(code[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert "innerHTML" not in code[0] and "insertAdjacentHTML" not in code[0]
    assert "eval(" not in code[0] and "document.write" not in code[0]


def test_report_is_deterministic_apart_from_the_run_date(example, monkeypatch):
    result, html, _ = example
    monkeypatch.chdir(ROOT)
    assert build_report(result, WHEN) == html
    later = build_report(result, WHEN + dt.timedelta(days=1))
    assert later != html and later.replace("2024-05-02", "2024-05-01") == html


def test_typos_carry_their_found_and_canonical_forms_with_marked_letters(tmp_path, monkeypatch):
    write_rich_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    report = Report(build_report(audit_paths(), WHEN))
    [typo] = [f for f in report.findings if f["verdict"] == "typo"]
    found, canonical = report.data["D"][typo["diff"]]
    assert "".join(t for t, _ in found) == "Marsuid"
    assert "".join(t for t, _ in canonical) == "Marsudi"
    assert any(d for _, d in found) and any(d for _, d in canonical)


def test_hostile_corpus_and_claims_stay_text(tmp_path, monkeypatch):
    write_hostile_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    html = build_report(audit_paths(), WHEN)
    page = Page(html)
    scripts = [a for t, a in page.elements if t == "script"]
    assert len(scripts) == 3  # two JSON blocks and the report's own script, nothing else
    for tag, attributes in page.elements:
        assert tag not in ("img", "iframe")
        assert tag != "svg" or attributes.get("class") in ("chart", "timeline")
        assert not [name for name in attributes if name.startswith("on")], (tag, attributes)
        for name in ("href", "src", "action", "formaction", "xlink:href", "style"):
            value = (attributes.get(name) or "").replace(" ", "").lower()
            assert "javascript:" not in value, (tag, attributes)
    for attributes, body in page.scripts:
        if attributes.get("type"):
            assert "<" not in body and ">" not in body and "&" not in body
    report = Report(html)
    evil = next(d for d in report.data["docs"] if d[0] == "evil")
    assert evil[6] is None and evil[13] == "javascript:window.__pwned = 'url'"  # text, no link
    assert any("<script>window.__pwned = 'script'</script>" in e[2]
               for e in report.texts[str(report.data["docs"].index(evil))])
    assert "<script>window" not in html and "<img" not in html


def test_sentences_are_quoted_from_the_line_of_their_span():
    text = ("First one. Russia has been a strategic partner of ASEAN since 1996, officials "
            "said. Next sentence here.\nSecond line 1996.\n")
    starts = line_starts(text)
    at = text.index("1996")
    lo, hi = quote_bounds(text, starts, at, at + 4)
    assert text[lo:hi] == "Russia has been a strategic partner of ASEAN since 1996, officials said."
    at = text.rindex("1996")
    lo, hi = quote_bounds(text, starts, at, at + 4)
    assert text[lo:hi] == "Second line 1996."
    long = "word " * 200 + "1996 " + "word " * 200
    at = long.index("1996")
    lo, hi = quote_bounds(long, line_starts(long), at, at + 4)
    assert long[lo:hi].startswith("word") and long[lo:hi].endswith("word")
    assert hi - lo <= 2 * 220 + 4 and lo <= at < at + 4 <= hi


def test_carried_text_keeps_line_numbers_and_cuts_only_long_lines():
    body = "a\r\nb\rc\n" + "x " * 3000 + "1996 " + "y " * 3000 + "\nlast\n"
    doc = Document(id="d", path="d.txt", language="en", text=body, first_line=4)
    at = body.index("1996")
    total, entries = embedded_lines(doc, [(at, at + 4)], full=True, context=0)
    assert total == 5
    assert [e[0] for e in entries[:3]] == [4, 5, 6]  # \r\n, lone \r and \n all end a line
    assert [e[2] for e in entries[:3]] == ["a", "b", "c"]
    long = [e for e in entries if e[0] == 7]
    assert len(long) == 1 and "1996" in long[0][2] and len(long[0][2]) < LINE_LIMIT
    assert long[0][3] == 3  # cut before and after
    assert body[long[0][1]:long[0][1] + len(long[0][2])] == long[0][2]
    _, only = embedded_lines(doc, [(at, at + 4)], full=False, context=0)
    assert [e[0] for e in only] == [7]


def test_long_documents_carry_only_lines_around_findings(tmp_path, monkeypatch):
    write_rich_project(tmp_path)
    filler = "".join(f"Filler line {n}.\n" for n in range(FULL_TEXT_LINES + 100))
    (tmp_path / "corpus" / "a.txt").write_text(
        filler + "Russia has been a strategic partner of ASEAN since 1996.\n" + filler)
    monkeypatch.chdir(tmp_path)
    report = Report(build_report(audit_paths(), WHEN))
    line = FULL_TEXT_LINES + 101
    numbers = [e[0] for e in report.texts["0"]]
    assert numbers == list(range(line - 3, line + 4))
    assert report.data["docs"][0][10] == 2 and report.data["docs"][0][11] == 2 * (
        FULL_TEXT_LINES + 100) + 1


def test_json_for_html_cannot_close_the_script_block():
    text = json_for_html({"q": "</script><!-- & \u2028", "s": "\ud800"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"q": "</script><!-- & \u2028", "s": "\ud800"}


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
    assert len(Report(path.read_text()).findings) == len(audit_paths().findings)


def test_pytest_option_writes_the_report(pytester):
    write_rich_project(pytester.path)
    result = pytester.runpytest("--factaudit-report", "reports/r.html", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    report = pytester.path / "reports" / "r.html"
    result.stdout.fnmatch_lines([f"factaudit: report written to {report}"])
    data = Report(report.read_text())
    assert len(data.findings) == 5 and "Marsuid" in data.data["S"]


@pytest.mark.parametrize("spelling", [False, True])
def test_report_shows_exactly_what_check_finds_with_the_same_configuration(tmp_path,
                                                                          monkeypatch, spelling):
    """The report runs the rules `check` runs, with the same settings: same findings, same
    severities, same headline counts (an optional rule is in both or in neither)."""
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.factaudit]\nlanguages = [\"en\", \"id\"]\n[tool.factaudit.rules]\n"
        f"spelling = {'true' if spelling else 'false'}\nterm-variant = \"info\"\n"
        "name-variant = false\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "--output", "check.json", "--no-cache"]) == 1
    assert main(["report", "--output", "r.html", "--no-cache"]) == 0
    check = json.loads((tmp_path / "check.json").read_text())
    report = Report((tmp_path / "r.html").read_text())
    assert [(f["fingerprint"], f["rule"], f["severity"] if not f["acknowledged"]
             else "acknowledged") for f in check["findings"]] == [
        (f["fp"], f["rule"], f["sev"]) for f in report.findings]
    assert not any(f["rule"] == "name-variant" for f in report.findings)
    if spelling and any(f["rule"] == "spelling" for f in check["findings"]):
        assert any(f["rule"] == "spelling" for f in report.findings)
    elif not spelling:
        assert not any(f["rule"] == "spelling" for f in report.findings)
    s = check["summary"]
    meta = " ".join(report.page.text_by_id.get("status", "").split())
    line = next(" ".join(body.split()) for body in [report.html.split('class="meta">')[1]
                                                    .split("</p>")[0]])
    assert f"{s['errors']} errors, {s['warnings']} warnings, {s['info']} info, " \
           f"{s['acknowledged']} acknowledged" in line
    assert ("passed" in meta) == s["passed"]


def test_large_corpora_read_each_text_once_and_only_those_with_something(tmp_path,
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
    monkeypatch.setattr(report_data, "ALL_DOCUMENTS", 3)
    report = Report(build_report(result, WHEN))
    assert "d" not in reads  # its version comes from its digest; its text is not needed
    assert sorted(reads) == ["a", "b", "c"]
    assert "d" not in {k for k in report.texts if report.data["docs"][int(k)][0] == "d"}
    reads.clear()
    to_sarif_dict(result)
    assert reads == []  # machine outputs need no document text: findings carry snippets


def test_report_of_a_large_corpus_is_built_fast_and_stays_small():
    result = synthetic_result(2000)
    assert len(result.findings) > 3000
    started = time.perf_counter()
    html = build_report(result, WHEN)
    assert time.perf_counter() - started < 10
    assert len(html.encode()) < 3_000_000  # some 700 bytes a finding, texts included
    report = Report(html)
    assert len(report.findings) == len(result.findings)
    # only the lines that hold something travel, not whole documents
    assert all(len(entries) <= 4 for entries in report.texts.values())


def test_baseline_marks_new_findings_and_lists_fixed_ones(tmp_path, monkeypatch, capsys):
    write_rich_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "--output", "yesterday.json"]) == 1
    (tmp_path / "corpus" / "c.txt").write_text("Russia has been a strategic partner since 2018.\n")
    (tmp_path / "corpus" / "d.txt").write_text("Russia became a strategic partner in 1999.\n")
    capsys.readouterr()
    assert main(["report", "--baseline", "yesterday.json", "--output", "r.html"]) == 0
    assert "since the baseline: 1 new, 1 fixed" in capsys.readouterr().out
    report = Report((tmp_path / "r.html").read_text())
    new = [f for f in report.findings if f["new"] == 1]
    assert [f["found"] for f in new] == ["1999"]
    assert all(not f["new"] for f in report.findings if f["found"] != "1999")
    [fixed] = report.data["fixed"]
    assert fixed[1:4] == ["strategic", "c", "1996"]
    assert "1 new" in report.page.text_by_id["changes-line"]
    # findings stay as check reports them: a new error is still an error
    assert next(f for f in new)["sev"] == "error"
    assert main(["report", "--baseline", "missing.json", "--output", "r.html"]) == 2


def test_timeline_places_each_statement_at_its_date_and_names_the_first_wrong_one():
    statements = [Statement("wire", "2021-07-06", "1996", "refuted"),
                  Statement("copy-1", "2021-07-08", "1996", "refuted"),
                  Statement("copy-2", "2021-08", "1996", "acknowledged"),
                  Statement("ministry", "2021-07-05", "2018", "supported"),
                  Statement("undated", None, "2018", "supported")]
    svg = timeline_svg("strategic", "2018", statements, [("quiet", "2021-09-01")],
                       [("wire", "copy-1")])
    assert svg is not None and svg.startswith("<svg") and 'class="timeline"' in svg
    rows = re.findall(r'class="rl"[^>]*><title>([^<]*)</title>', svg)
    assert rows == ["2018 (expected)", "1996"]
    assert "first: wire" in svg and "silent (1)" in svg
    assert svg.count('class="copy"') == 1
    assert "1 statement without a publication date not shown" in svg
    for word in ("✗ refuted", "✓ supported", "⚑ acknowledged", "| silent"):
        assert word in svg  # a legend in words beside every marker
    assert timeline_svg("x", "1", [Statement("a", None, "1", "supported")], []) is None
    assert day_of("2021") < day_of("2021-07") < day_of("2021-07-16") and day_of("x") is None


def test_timelines_in_the_page_escape_what_sources_say(tmp_path, monkeypatch):
    write_hostile_project(tmp_path)
    (tmp_path / "corpus" / "sources.yaml").write_text(
        (tmp_path / "corpus" / "sources.yaml").read_text().replace(
            "language: en\n    title", "language: en\n    published: 2021-07-06\n    title"))
    monkeypatch.chdir(tmp_path)
    html = build_report(audit_paths(), WHEN)
    assert 'id="tl-0"' in html
    figure = html.split('id="tl-0"')[1].split("</figure>")[0]
    assert "<script" not in figure and "first: evil" in figure


def test_example_claims_with_dated_sources_have_timelines(example):
    result, html, _ = example
    claims = [c.id for c in result.claims.claims]
    dated = {i for i, c in enumerate(claims) if any(
        d.published and result.verdicts[c].get(d.id, "not-enough-info") != "not-enough-info"
        for d in result.documents)}
    found = {int(i) for i in re.findall(r'id="tl-(\d+)"', html)}
    assert dated and found == dated


def test_charts_show_the_sources_with_most_findings_and_sum_the_rest():
    from collections import Counter

    counts = {f"s{k}": Counter({"error": k}) for k in range(30)}
    rows = top_rows(counts, limit=5)
    assert [r[0] for r in rows] == ["s29", "s28", "s27", "s26", "s25", "25 other sources"]
    assert rows[-1][1]["error"] == sum(range(25))
    svg = bar_chart("c", "Findings <per> source", rows)
    assert "Findings &lt;per&gt; source" in svg and "<per>" not in svg
    assert "✗ error" in svg  # the legend says it in words


def test_mentions_point_at_their_value_and_cue(example):
    result, _, report = example
    docs = [d.id for d in result.documents]
    items = [c.id for c in result.claims.claims]
    carried = sorted((m.claim, m.document, m.value_start, m.value_end, m.cue_start, m.cue_end)
                     for m in result.mentions)
    decoded = sorted((items[m["item"]], docs[m["doc"]], m["start"], m["end"], m["cue_start"],
                      m["cue_end"]) for m in report.mentions)
    assert decoded == carried
    for m in report.mentions:
        assert m["qlo"] <= min(m["start"], m["cue_start"]) and m["qhi"] >= m["end"]
