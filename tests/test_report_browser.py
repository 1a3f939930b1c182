"""The HTML report in a real browser: Debian's Chromium driven by Playwright, from disk.

One browser per module. Without /usr/bin/chromium (or the playwright package) the tests
are skipped on a developer's machine and fail in CI (CI is set), where `.ci/run` installs
Chromium first. A screenshot of the example report is kept in reports/ (not committed).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from factaudit.report.html.render import write_report
from tests.audit_samples import write_hostile_project
from tests.helpers import audit_paths

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
WHEN = dt.datetime(2024, 5, 1, 6, 30, tzinfo=dt.timezone.utc)


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


class Opened:
    """A page with its console errors and uncaught exceptions collected."""

    def __init__(self, browser, url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900},
                                           java_script_enabled=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(url)
        self.page.wait_for_selector("#filters:not([hidden])")


@pytest.fixture
def opened(browser, example):
    pages = []

    def _open(path: Path, suffix: str = "") -> Opened:
        page = Opened(browser, path.resolve().as_uri() + suffix)
        pages.append(page)
        return page

    yield _open
    for page in pages:
        page.context.close()


def visible_ids(page, selector: str) -> set[str]:
    return set(page.eval_on_selector_all(
        selector, "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"))


def test_example_report_opens_without_errors_and_is_kept_as_screenshot(opened, example):
    result, path = example
    view = opened(path)
    assert view.errors == []
    assert all(url.startswith("file://") for url in view.requests)  # nothing from the network
    assert view.page.title() == "factaudit discrepancy report"
    status = view.page.text_content("#filter-status")
    assert f"Showing {len(result.findings)} of {len(result.findings)} findings" in status
    shots = ROOT / "reports"
    shots.mkdir(exist_ok=True)
    view.page.screenshot(path=str(shots / "report-screenshot.png"), full_page=False)
    assert (shots / "report-screenshot.png").stat().st_size > 10_000


def test_matrix_has_one_row_per_item_and_one_column_per_document(opened, example):
    result, path = example
    page = opened(path).page
    claims = page.locator("tbody.group").nth(0).locator("tr.row")
    assert claims.count() == len(result.claims.claims)
    assert page.locator("#matrix-table tr.row").count() == (
        len(result.claims.claims) + len(result.claims.entities) + len(result.claims.terms))
    assert page.locator("#matrix-table thead th.src").count() == len(result.documents)
    first_row = page.locator("#matrix-table tr.row").first.locator("td")
    assert first_row.count() == len(result.documents)
    headers = page.locator("#matrix-table thead th.src a").all_text_contents()
    assert headers == [d.id for d in result.documents]


def test_severity_filter_hides_findings_and_is_kept_in_the_url(opened, example):
    result, path = example
    view = opened(path)
    page = view.page
    acknowledged = {f"f{n}" for n, f in enumerate(result.findings) if f.acknowledged}
    assert acknowledged and len(acknowledged) < len(result.findings)
    page.get_by_label("acknowledged").first.uncheck()
    shown = visible_ids(page, "li.finding")
    assert shown == {f"f{n}" for n in range(len(result.findings))} - acknowledged
    # items whose findings are all acknowledged disappear from the matrix and the evidence
    items = [*(c.id for c in result.claims.claims), *(e.item_id for e in result.claims.entities),
             *(t.item_id for t in result.claims.terms)]
    with_open_findings = {f.claim for f in result.findings if not f.acknowledged}
    expected_rows = {f"r{i}" for i, item in enumerate(items) if item in with_open_findings}
    assert visible_ids(page, "#matrix-table tr.row") == expected_rows
    assert visible_ids(page, "article.item") == {r.replace("r", "s") for r in expected_rows}
    query = parse_qs(urlsplit(page.url).query)
    assert set(query["sev"]) == {"error", "warning", "info"}
    # the URL reproduces the view
    again = opened(path, "?" + urlsplit(page.url).query).page
    assert not again.get_by_label("acknowledged").first.is_checked()
    assert visible_ids(again, "li.finding") == shown
    assert view.errors == []


def test_verdict_filter_dims_cells_and_hides_rows_without_that_verdict(opened, example):
    result, path = example
    page = opened(path).page
    page.get_by_role("checkbox", name="supported").uncheck()
    page.get_by_role("checkbox", name="not enough info").uncheck()
    items = [*(c.id for c in result.claims.claims), *(e.item_id for e in result.claims.entities),
             *(t.item_id for t in result.claims.terms)]
    expected = {f"r{i}" for i, item in enumerate(items)
                if set(result.verdicts[item].values()) - {"supported", "not-enough-info",
                                                          "out-of-scope"}}
    assert visible_ids(page, "#matrix-table tr.row") == expected
    docs = [d.id for d in result.documents]
    for i, item in enumerate(items):
        for j, doc in enumerate(docs):
            cls = page.get_attribute(f"#c{i}-{j}", "class")
            dimmed = "filtered" in cls
            assert dimmed == (result.verdicts[item][doc] in ("supported", "not-enough-info")), (
                item, doc, cls)


def test_source_and_language_filters_hide_columns_and_documents(opened, example):
    result, path = example
    page = opened(path).page
    doc = result.documents[0]
    page.uncheck(f"input[name='doc'][value='{doc.id}']")
    assert not page.is_visible("#matrix-table thead th.src[data-col='0']")
    assert not page.is_visible("#d0") and page.is_visible("#d1")
    assert not page.is_visible("#c0-0")
    page.check(f"input[name='doc'][value='{doc.id}']")
    language = doc.language
    page.uncheck(f"input[name='lang'][value='{language}']")
    for j, d in enumerate(result.documents):
        assert page.is_visible(f"#d{j}") == (d.language != language)
    for n, f in enumerate(result.findings):
        in_language = f.document and next(
            d for d in result.documents if d.id == f.document).language == language
        assert page.is_visible(f"#f{n}") == (not in_language)


def test_search_narrows_to_matching_findings(opened, example):
    result, path = example
    page = opened(path).page
    finding = next(f for f in result.findings if f.verdict == "typo")
    page.fill("#q", finding.found)
    shown = visible_ids(page, "li.finding")
    assert shown and f"f{result.findings.index(finding)}" in shown
    for element_id in shown:
        text = page.text_content(f"#{element_id}").lower()
        item = result.findings[int(element_id[1:])].claim
        assert finding.found.lower() in text or item == finding.claim
    assert parse_qs(urlsplit(page.url).query)["q"] == [finding.found]
    page.click("#reset")
    assert len(visible_ids(page, "li.finding")) == len(result.findings)
    assert urlsplit(page.url).query == ""


def test_filters_work_from_the_keyboard(opened, example):
    result, path = example
    page = opened(path).page
    page.focus("input[name='sev'][value='error']")
    page.keyboard.press("Tab")  # → warning
    assert page.evaluate("document.activeElement.value") == "warning"
    page.keyboard.press("Space")
    assert not page.is_checked("input[name='sev'][value='warning']")
    warnings = [n for n, f in enumerate(result.findings)
                if f.severity == "warning" and not f.acknowledged]
    assert warnings and not any(page.is_visible(f"#f{n}") for n in warnings)


def test_clicking_a_cell_scrolls_to_its_evidence(opened, example):
    result, path = example
    page = opened(path).page
    items = [c.id for c in result.claims.claims]
    f = next(f for f in result.findings if f.verdict == "refuted")
    i, j = items.index(f.claim), [d.id for d in result.documents].index(f.document)
    page.click(f"#c{i}-{j} a")
    page.wait_for_function(f"location.hash === '#e{i}-{j}'")
    box = page.evaluate(f"document.getElementById('e{i}-{j}').getBoundingClientRect().top")
    assert -2 <= box < 200  # scrolled to the top of the viewport
    assert f.found in page.text_content(f"#e{i}-{j}")
    # the evidence links on to the line in its document
    page.click(f"#e{i}-{j} li.finding .loc a")
    page.wait_for_function(f"location.hash === '#d{j}-L{f.line}'")
    assert f.found in page.text_content(f"#d{j}-L{f.line}")


def test_hostile_document_executes_nothing(opened, tmp_path):
    write_hostile_project(tmp_path)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        path = write_report(audit_paths(), tmp_path / "reports" / "hostile.html", WHEN)
    finally:
        os.chdir(cwd)
    view = opened(path)
    page = view.page
    page.hover("#d0 >> text=click")  # onmouseover bait
    for link in page.locator("#d0 a, #evidence a").all():
        link.click()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, iframe, [onerror], [onload], "
                         "[onmouseover]').length") == 0
    assert page.evaluate("[...document.querySelectorAll('a')].filter(a => "
                         "a.protocol === 'javascript:').length") == 0
    text = page.text_content("#d0")
    assert "<script>window.__pwned = 'script'</script>" in text
    assert "<img src=x onerror=" in text
    assert page.text_content("#d0-h") == "<script>window.__pwned = 'title'</script>"
    # the page still works: its own script ran, the filters are usable
    page.fill("#q", "Marsuid")
    assert "Showing 1 of 2 findings" in page.text_content("#filter-status")
    assert not [e for e in view.errors if "Content Security Policy" not in e]
    shutil.rmtree(tmp_path / "reports")
