"""The HTML report in a real browser: Debian's Chromium driven by Playwright, from disk.

One browser per module. Without /usr/bin/chromium (or the playwright package) the tests
are skipped on a developer's machine and fail in CI (CI is set), where `.ci/run` installs
Chromium first. A screenshot of the example report is kept in reports/ (not committed).
The test of the 20,000-document report runs with FACTAUDIT_SLOW=1 (after
`python benchmarks/report_size.py --documents 20000` has written it).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from factaudit.report.html.render import write_report
from tests.audit_samples import write_hostile_project, write_rich_project
from tests.helpers import audit_paths
from tests.report_samples import synthetic_result

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
WHEN = dt.datetime(2024, 5, 1, 6, 30, tzinfo=dt.timezone.utc)
WIDE, NARROW = {"width": 1400, "height": 900}, {"width": 420, "height": 900}
READY = "document.documentElement.hasAttribute('data-ready')"
TEXTS = "els => els.map(e => e.textContent)"


def wait_for(page, expression: str, timeout: float = 60) -> None:
    """Poll a JavaScript expression until it is true. (Playwright's wait_for_function
    compiles its expression in the page, which the report's CSP forbids: no eval.)"""
    deadline = time.perf_counter() + timeout
    while not page.evaluate(expression):
        if time.perf_counter() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(0.02)


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason} "
                    "(.ci/run installs it with apt-get install chromium)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing; install Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing; pip install -e '.[test]'")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield launched
        launched.close()


def _report_of(folder: Path, name: str, writer=write_rich_project) -> tuple:
    writer(folder)
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = audit_paths()
        path = write_report(result, folder / "reports" / name, WHEN)
    finally:
        os.chdir(cwd)
    return result, path


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example audit and its report, written to a temporary folder."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = audit_paths()
        path = write_report(result, tmp_path_factory.mktemp("report") / "discrepancies.html",
                            WHEN)
    finally:
        os.chdir(cwd)
    return result, path


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    """A small project with an open error, an acknowledged one, a typo and a variant."""
    return _report_of(tmp_path_factory.mktemp("rich"), "rich.html")


class Opened:
    """A page with its console errors, uncaught exceptions and requests collected."""

    def __init__(self, browser, url: str, viewport: dict) -> None:
        self.context = browser.new_context(viewport=viewport, java_script_enabled=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        started = time.perf_counter()
        self.page.goto(url)
        wait_for(self.page, READY)
        self.seconds = time.perf_counter() - started

    def go(self, hash_: str) -> None:
        self.page.evaluate(f"location.hash = {hash_!r}")
        wait_for(self.page, f"document.documentElement.getAttribute('data-shown') === {hash_!r}")

    def offline(self) -> bool:
        return all(url.startswith("file://") for url in self.requests)


@pytest.fixture
def opened(browser):
    pages = []

    def _open(path: Path, suffix: str = "", viewport: dict | None = None) -> Opened:
        page = Opened(browser, path.resolve().as_uri() + suffix, viewport or WIDE)
        pages.append(page)
        return page

    yield _open
    for page in pages:
        page.context.close()


def visible_ids(page, selector: str) -> set[str]:
    return set(page.eval_on_selector_all(
        selector, "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"))


def in_viewport(page, selector: str) -> list[str]:
    """Texts of the visible elements matching selector that lie in the first viewport."""
    return page.eval_on_selector_all(selector, """els => els.filter(e => {
        const r = e.getBoundingClientRect();
        return e.offsetParent !== null && r.top >= 0 && r.bottom <= innerHeight && r.width > 0;
    }).map(e => e.textContent)""")


def open_filters(page) -> None:
    page.evaluate("document.getElementById('filter-panel').open = true")


# ------------------------------------------------------------------------- first screen

def test_example_report_opens_without_errors_offline_and_is_kept_as_screenshot(opened,
                                                                             example):
    result, path = example
    view = opened(path)
    assert view.errors == [] and view.offline()
    assert view.page.title() == "factaudit discrepancy report"
    status = view.page.text_content("#filter-status")
    assert f"Showing {len(result.findings)} of {len(result.findings)} findings" in status
    shots = ROOT / "reports"
    shots.mkdir(exist_ok=True)
    view.page.screenshot(path=str(shots / "report-screenshot.png"), full_page=False)
    assert (shots / "report-screenshot.png").stat().st_size > 10_000


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1400x900", "420x900"])
def test_an_errors_sentence_is_in_the_first_viewport(opened, rich, viewport):
    result, path = rich
    view = opened(path, viewport=viewport)
    [error] = [f for f in result.findings if f.severity == "error" and not f.acknowledged
               and f.verdict == "refuted"]
    assert "failed" in view.page.text_content("#status")
    quotes = in_viewport(view.page, "#worst blockquote.quote q")
    assert any(error.found in q and "strategic partner" in q for q in quotes), quotes
    marked = in_viewport(view.page, "#worst blockquote.quote mark.hl")
    assert error.found in marked  # the value is highlighted
    assert view.page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert view.errors == []


def test_the_example_puts_refuted_claims_first_most_sources_first(opened, example):
    result, path = example
    page = opened(path).page
    order = page.eval_on_selector_all("#worst article.problem h3 > a", TEXTS)
    assert order[0] in ("special-ministerial-meeting-format", "strategic-partnership")
    sources = {}
    for f in result.findings:
        if f.verdict in ("refuted", "conflicting") and f.document:
            sources.setdefault(f.claim, set()).add(f.document)
    assert set(order) == set(sources)
    counts = [len(sources[c]) for c in order]
    assert counts == sorted(counts, reverse=True)
    # typos are grouped by item with counts
    typos = page.text_content("#typos")
    assert "luar-negeri" in typos and "Negeru ×1" in typos and "kesetaraan" in typos


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1400x900", "420x900"])
def test_no_view_scrolls_sideways(opened, example, viewport):
    _, path = example
    view = opened(path, viewport=viewport)
    for hash_ in ("#overview", "#claims", "#s1", "#matrix", "#findings", "#documents", "#d0"):
        view.go(hash_)
        width = view.page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], (hash_, width)
    assert view.errors == []


# ------------------------------------------------------------------------- claim pages

def test_a_claim_page_has_a_timeline_and_sources_side_by_side(opened, example):
    result, path = example
    view = opened(path)
    claims = [c.id for c in result.claims.claims]
    i = claims.index("strategic-partnership")
    view.go(f"#s{i}")
    page = view.page
    assert page.is_visible(f"#s{i} svg.timeline")
    rows = page.eval_on_selector_all(f"#s{i} svg.timeline .rl title",
                                     "els => els.map(e => e.textContent)")
    assert rows[0] == "2018 (expected)" and "1996" in rows
    assert "first: " in page.text_content(f"#s{i} svg.timeline")
    columns = page.eval_on_selector_all(f"#s{i} .columns > .col h3",
                                        "els => els.map(e => e.textContent)")
    assert [c.split(" (")[0] for c in columns][:2] == ["✗ Refuted or in conflict", "✓ Supported"]
    assert any(c.startswith("– Silent") for c in columns)
    tops = page.eval_on_selector_all(f"#s{i} .columns > .col",
                                     "els => els.map(e => e.getBoundingClientRect().top)")
    assert max(tops) - min(tops) < 2  # side by side on a wide screen
    refuting = {f.document for f in result.findings if f.claim == "strategic-partnership"
                and f.verdict == "refuted"}
    shown = page.eval_on_selector_all(f"#s{i} .col-problem section.ev h4 > a",
                                      "els => els.map(e => e.textContent)")
    assert set(shown) == refuting
    # drawn from its template when the page opens, once
    view.go("#overview")
    assert page.locator("svg.timeline").count() == 0
    view.go(f"#s{i}")
    assert page.locator("svg.timeline").count() == 1


def test_clicking_a_cell_opens_its_evidence_and_then_its_line(opened, example):
    result, path = example
    view = opened(path)
    page = view.page
    view.go("#matrix")
    items = [c.id for c in result.claims.claims]
    f = next(f for f in result.findings if f.verdict == "refuted")
    i, j = items.index(f.claim), [d.id for d in result.documents].index(f.document)
    page.click(f"#c{i}-{j} a")
    wait_for(page, f"location.hash === '#e{i}-{j}'")
    box = page.evaluate(f"document.getElementById('e{i}-{j}').getBoundingClientRect().top")
    assert -2 <= box < 200  # scrolled to the top of the viewport
    assert f.found in page.text_content(f"#e{i}-{j}")
    page.click(f"#e{i}-{j} li.finding .loc a")
    wait_for(page, f"location.hash === '#d{j}-L{f.line}'")
    assert f.found in page.text_content(f"#d{j}-L{f.line}")
    assert page.is_visible(f"#d{j}-L{f.line} mark.hl, #d{j}-L{f.line} a.hl")
    assert view.errors == []


# ------------------------------------------------------------------------- the matrix

def test_matrix_keeps_its_first_column_and_header_in_view(opened, tmp_path):
    result = synthetic_result(300)
    path = write_report(result, tmp_path / "wide.html", WHEN)
    view = opened(path)
    page = view.page
    view.go("#matrix")
    scroller = "#matrix-scroll"
    page.evaluate(f"document.querySelector('{scroller}').style.maxHeight = '180px'")
    assert page.evaluate(f"document.querySelector('{scroller}').scrollWidth > "
                         f"document.querySelector('{scroller}').clientWidth")
    page.evaluate(f"document.querySelector('{scroller}').scrollLeft = 3000")
    page.evaluate(f"document.querySelector('{scroller}').scrollTop = 200")
    page.wait_for_timeout(50)
    box = page.evaluate(f"document.querySelector('{scroller}').getBoundingClientRect().left")
    first = page.evaluate("document.querySelector('#matrix-table tbody th[scope=row]')"
                          ".getBoundingClientRect().left")
    assert abs(first - box) < 3  # the item column stays at the left edge
    head = page.evaluate("document.querySelector('#matrix-table thead th.src')"
                         ".getBoundingClientRect().top")
    top = page.evaluate(f"document.querySelector('{scroller}').getBoundingClientRect().top")
    assert abs(head - top) < 3  # and the header row at the top
    assert view.errors == []


def test_matrix_hides_empty_columns_and_sorts_by_problems(opened, example):
    result, path = example
    view = opened(path)
    page = view.page
    view.go("#matrix")
    items = [*(c.id for c in result.claims.claims), *(e.item_id for e in result.claims.entities),
             *(t.item_id for t in result.claims.terms)]
    says = {i for i, item in enumerate(items)
            if set(result.verdicts[item].values()) - {"not-enough-info"}}
    assert visible_ids(page, "#matrix-table tr.row") == {f"r{i}" for i in says}
    page.uncheck("#matrix-hide")
    assert len(visible_ids(page, "#matrix-table tr.row")) == len(items)
    assert page.locator("#matrix-table thead th.src").count() == len(result.documents)
    page.check("#matrix-hide")
    scores = page.eval_on_selector_all("#matrix-table tbody.group[data-group='0'] tr.row", """
        rows => rows.map(r => [...r.querySelectorAll('td.cell')].filter(c =>
            /v-(refuted|conflicting)/.test(c.className)).length)""")
    assert scores == sorted(scores, reverse=True)
    page.select_option("#matrix-order", "file")
    order = page.eval_on_selector_all("#matrix-table tr.row", "els => els.map(e => +e.id.slice(1))")
    assert order == sorted(order)
    # each cell says its verdict in words, not only by colour
    for cell in page.query_selector_all("#matrix-table td.cell"):
        assert re.search(r"supported|refuted|conflicting|not enough info|typo|variant|"
                         r"acknowledged|out of scope", cell.text_content())


# ------------------------------------------------------------------------- filters

def test_severity_filter_hides_findings_and_is_kept_in_the_url(opened, example):
    result, path = example
    view = opened(path, "#findings")
    page = view.page
    open_filters(page)
    acknowledged = {f"f{n}" for n, f in enumerate(result.findings) if f.acknowledged}
    assert acknowledged and len(acknowledged) < len(result.findings)
    page.get_by_label("acknowledged").first.uncheck()
    shown = visible_ids(page, "li.finding")
    assert shown == {f"f{n}" for n in range(len(result.findings))} - acknowledged
    query = parse_qs(urlsplit(page.url).query)
    assert set(query["sev"]) == {"error", "warning", "info"}
    again = opened(path, "?" + urlsplit(page.url).query + "#findings").page
    assert not again.get_by_label("acknowledged").first.is_checked()
    assert visible_ids(again, "li.finding") == shown
    # the matrix shows only items with a finding the filters let through
    view.go("#matrix")
    items = [*(c.id for c in result.claims.claims), *(e.item_id for e in result.claims.entities),
             *(t.item_id for t in result.claims.terms)]
    open_items = {f.claim for f in result.findings if not f.acknowledged}
    assert visible_ids(page, "#matrix-table tr.row") == {
        f"r{i}" for i, item in enumerate(items) if item in open_items}
    assert view.errors == []


def test_verdict_filter_dims_cells_and_hides_rows_without_that_verdict(opened, example):
    result, path = example
    view = opened(path, "#matrix")
    page = view.page
    open_filters(page)
    page.uncheck("#matrix-hide")
    page.get_by_role("checkbox", name="supported", exact=True).uncheck()
    page.get_by_role("checkbox", name="not enough info", exact=True).uncheck()
    items = [*(c.id for c in result.claims.claims), *(e.item_id for e in result.claims.entities),
             *(t.item_id for t in result.claims.terms)]
    expected = {f"r{i}" for i, item in enumerate(items)
                if set(result.verdicts[item].values()) - {"supported", "not-enough-info",
                                                          "out-of-scope"}}
    assert visible_ids(page, "#matrix-table tr.row") == expected
    for cell in page.query_selector_all("#matrix-table td.cell"):
        i, j = map(int, cell.get_attribute("id")[1:].split("-"))
        dimmed = "filtered" in cell.get_attribute("class")
        verdict = result.verdicts[items[i]][result.documents[j].id]
        assert dimmed == (verdict in ("supported", "not-enough-info")), (i, j, verdict)


def test_source_and_language_filters_hide_columns(opened, example):
    result, path = example
    view = opened(path, "#matrix")
    page = view.page
    open_filters(page)
    page.uncheck("#matrix-hide")
    doc = result.documents[0]
    page.uncheck(f"input[name='doc'][value='{doc.id}']")
    assert not page.locator("#matrix-table thead th.src[data-col='0']").count()
    assert not page.locator("#c0-0").count()
    page.check(f"input[name='doc'][value='{doc.id}']")
    language = doc.language
    page.uncheck(f"input[name='lang'][value='{language}']")
    shown = {int(x) for x in page.eval_on_selector_all(
        "#matrix-table thead th.src", "els => els.map(e => e.getAttribute('data-col'))")}
    assert shown == {j for j, d in enumerate(result.documents) if d.language != language}
    view.go("#findings")
    for n, f in enumerate(result.findings):
        in_language = f.document and next(
            d for d in result.documents if d.id == f.document).language == language
        assert page.is_visible(f"#f{n}") == (not in_language)


def test_search_narrows_to_matching_findings(opened, example):
    result, path = example
    view = opened(path, "#findings")
    page = view.page
    finding = next(f for f in result.findings if f.verdict == "typo")
    page.fill("#q", finding.found)
    wait_for(page, "location.search.indexOf('q=') !== -1")
    shown = visible_ids(page, "li.finding")
    assert shown and f"f{result.findings.index(finding)}" in shown
    for element_id in shown:
        text = page.text_content(f"#{element_id}").lower()
        item = result.findings[int(element_id[1:])].claim
        assert finding.found.lower() in text or item == finding.claim
    assert parse_qs(urlsplit(page.url).query)["q"] == [finding.found]
    open_filters(page)
    page.click("#reset")
    assert len(visible_ids(page, "li.finding")) == len(result.findings)
    assert urlsplit(page.url).query == ""


def test_filters_work_from_the_keyboard(opened, example):
    result, path = example
    view = opened(path, "#findings")
    page = view.page
    page.focus("#filter-panel summary")
    page.keyboard.press("Enter")
    page.focus("input[name='sev'][value='error']")
    page.keyboard.press("Tab")  # → warning
    assert page.evaluate("document.activeElement.value") == "warning"
    page.keyboard.press("Space")
    assert not page.is_checked("input[name='sev'][value='warning']")
    warnings = [n for n, f in enumerate(result.findings)
                if f.severity == "warning" and not f.acknowledged]
    assert warnings and not any(page.is_visible(f"#f{n}") for n in warnings)


# ------------------------------------------------------------------------- keyboard

def test_j_and_k_move_between_findings_and_enter_opens_one(opened, example):
    result, path = example
    view = opened(path, "#findings")
    page = view.page
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "f0"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "f2"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == "f1"
    top = page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert 0 <= top < 900
    f = result.findings[1]
    page.keyboard.press("Enter")
    wait_for(page, "location.hash.startsWith('#d')")
    j = [d.id for d in result.documents].index(f.document)
    assert f.found in page.text_content(f"#d{j}-L{f.line}")
    # in a document, j moves between the findings highlighted in the text
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.classList.contains('hl')")
    # typing in the search box is not navigation
    page.focus("#q")
    page.keyboard.type("jk")
    assert page.input_value("#q") == "jk"
    assert view.errors == []


# ------------------------------------------------------------------------- documents

def test_document_view_lists_documents_with_findings_and_finds_the_rest(opened, tmp_path):
    def project(root):
        write_rich_project(root)
        (root / "corpus" / "quiet.txt").write_text("Nothing here.\n")
        sources = root / "corpus" / "sources.yaml"
        sources.write_text(sources.read_text() + "  - {path: quiet.txt, id: quiet, "
                           "language: en, title: A quiet page}\n")

    result, path = _report_of(tmp_path, "docs.html", project)
    view = opened(path, "#documents")
    page = view.page
    listed = page.eval_on_selector_all("#documents-list li.doc-entry code",
                                       "els => els.map(e => e.textContent)")
    with_findings = {f.document for f in result.findings if f.document}
    assert set(listed) == with_findings and "quiet" not in listed
    assert "without findings are not listed" in page.text_content("#documents-note")
    page.fill("#doc-q", "quiet")
    wait_for(page, "document.querySelectorAll('#documents-list li.doc-entry').length === 1")
    assert "no findings" in page.text_content("#documents-list")
    page.click("#documents-list a")
    wait_for(page, "location.hash.startsWith('#d')")
    assert "Nothing here." in page.text_content("#doc")
    # every highlighted finding in a text says its severity in words
    view.go("#d0")
    for tag in page.eval_on_selector_all("#doc a.hl + span.tag", TEXTS):
        assert re.fullmatch(r". (error|warning|info|acknowledged)", tag)
    assert page.locator("#doc a.hl").count() == page.locator("#doc a.hl + span.tag").count() > 0


# ------------------------------------------------------------------------- printing

def test_print_gives_a_clean_document(opened, example):
    _, path = example
    view = opened(path)
    page = view.page
    page.emulate_media(media="print")
    for selector in ("#nav", "#filters", "#filter-status"):
        assert not page.is_visible(selector)
    assert page.is_visible("#worst") and page.is_visible("#totals")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


# ------------------------------------------------------------------------- hostile text

def test_hostile_document_executes_nothing(opened, tmp_path):
    _, path = _report_of(tmp_path, "hostile.html", write_hostile_project)
    view = opened(path)
    page = view.page
    for hash_ in ("#overview", "#s0", "#matrix", "#findings", "#documents"):
        view.go(hash_)
    view.go("#d0")
    page.hover("#d0 >> text=click")  # onmouseover bait
    for hash_, scope in (("#d0", "#d0"), ("#s0", "#item")):
        for k in range(page.locator(f"{scope} a").count() if view.go(hash_) is None else 0):
            if not page.evaluate(f"location.hash.startsWith({hash_!r})"):
                view.go(hash_)
            link = page.locator(f"{scope} a").nth(k)
            if link.count() and link.is_visible():
                link.click(timeout=5000)
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, iframe, [onerror], [onload], "
                         "[onmouseover]').length") == 0
    assert page.evaluate("[...document.querySelectorAll('a')].filter(a => "
                         "a.protocol === 'javascript:').length") == 0
    view.go("#d0")
    text = page.text_content("#d0")
    assert "<script>window.__pwned = 'script'</script>" in text
    assert "<img src=x onerror=" in text
    assert page.text_content("#d0-h") == "<script>window.__pwned = 'title'</script>"
    # the page still works: its own script ran, the filters are usable
    page.fill("#q", "Marsuid")
    wait_for(page, "document.getElementById('filter-status').textContent"
                           ".indexOf('Showing 1 of 2 findings') !== -1")
    assert not [e for e in view.errors if "Content Security Policy" not in e]
    assert view.offline()
    shutil.rmtree(tmp_path / "reports")


# ------------------------------------------------------------------------- size

def test_a_large_report_opens_fast_and_draws_only_what_is_shown(opened, tmp_path):
    result = synthetic_result(2000)
    path = write_report(result, tmp_path / "large.html", WHEN)
    view = opened(path)
    assert view.seconds < 3, view.seconds
    page = view.page
    assert page.evaluate("document.getElementsByTagName('*').length") < 2000
    assert page.locator("#worst article.problem").count() <= 8  # a few, then "show more"
    view.go("#findings")
    assert page.locator("#findings-list li.finding").count() == 50
    assert f"1–50 of {len(result.findings):,} findings" in page.text_content("#findings-pager")
    page.click("#findings-pager button.next")
    assert page.locator("#findings-list li.finding").first.get_attribute("id") == "f50"
    view.go("#matrix")
    assert page.locator("#matrix-table thead th.src").count() == 40
    view.go("#documents")
    assert page.locator("#documents-list li").count() == 50
    started = time.perf_counter()
    page.fill("#q", "Marsuid")
    wait_for(page, "location.search.indexOf('Marsuid') !== -1")
    assert time.perf_counter() - started < 2
    assert view.errors == [] and view.offline()


def _readme_size(documents: str) -> float:
    """The report size the README states for that many documents, in MB."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines()
               if line.startswith(f"| {documents} ") and "MB" in line)
    return float(re.findall(r"([\d.]+) MB", row)[0])


@pytest.mark.skipif(not os.environ.get("FACTAUDIT_SLOW"),
                    reason="set FACTAUDIT_SLOW=1 (and run benchmarks/report_size.py first)")
def test_the_20000_document_report_opens_in_under_3_seconds(opened):
    path = ROOT / "benchmarks" / "out" / "report-20000.html"
    if not path.exists():
        pytest.fail("run `python benchmarks/report_size.py --documents 20000` first")
    assert path.stat().st_size / 1e6 <= _readme_size("20,000") * 1.05
    view = opened(path)
    assert view.seconds < 3, view.seconds
    page = view.page
    assert page.locator("#worst blockquote.quote").count() > 0
    view.go("#findings")
    assert page.locator("#findings-list li.finding").count() == 50
    view.go("#d0")
    assert page.locator("#doc div.ln").count() > 0
    assert view.errors == [] and view.offline()
