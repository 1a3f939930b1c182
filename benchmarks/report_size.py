"""Report benchmark: `factaudit report` on dense generated corpora, its size, and how fast
the page opens in Chromium.

    python benchmarks/report_size.py [--documents 1000 2000 20000] [--paragraphs 3]
        [--out benchmarks/out] [--runs 3] [--skip-check]

For each size: a corpus from ``scale_corpus.py`` where every document is relevant and
carries ``--paragraphs`` relevant paragraphs (about five findings a document: 2,000
documents give some 11,000 findings, 20,000 some 110,000), audited with the example's
claims. Measures `factaudit check` (JSON) and `factaudit report` (wall time, peak RSS), the
report's size, and the time until the page is ready in Debian's Chromium (Playwright,
``/usr/bin/chromium``, from disk; the median of ``--runs`` loads). The report is kept as
``OUT/report-N.html``: the slow browser test (``FACTAUDIT_SLOW=1``) opens
``report-20000.html``. Results go to ``OUT/report-size.json`` and a Markdown table is
printed. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scale_corpus import generate  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
READY = "document.documentElement.hasAttribute('data-ready')"


def timed(cmd: list[str], cwd: Path) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak RSS in KB of the largest process)."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True,
                          cwd=cwd)
    wall = time.perf_counter() - start
    rss = [x for x in done.stderr.strip().splitlines() if x.strip().isdigit()]
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return wall, done.returncode, int(rss[-1]) if rss else 0


def project(out: Path, documents: int, paragraphs: int) -> Path:
    """A project folder with the example's claims and a dense generated corpus."""
    corpus = out / f"corpus-{documents}-dense{paragraphs}"
    if not corpus.exists():
        print(f"generating {documents} documents in {corpus} …", file=sys.stderr)
        generate(corpus, documents, 1.0, 1, paragraphs=paragraphs)
    folder = out / f"report-project-{documents}"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "claims", folder / "claims", dirs_exist_ok=True)
    (folder / "pyproject.toml").write_text(
        f'[tool.factaudit]\nclaims = "claims"\ncorpus = "{corpus.resolve()}"\n'
        'languages = ["en", "id"]\n', encoding="utf-8")
    return folder


def load_times(path: Path, runs: int) -> list[float]:
    """Seconds from navigation until the page says it is ready (or, for a page without
    that signal, its load event), in a fresh browser context each time."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(path.resolve().as_uri(), wait_until="load", timeout=600_000)
            if page.evaluate("!!document.querySelector('script#report-data')") and \
                    page.evaluate("!!document.querySelector('#overview')"):
                page.wait_for_function(READY, timeout=600_000)
            out.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return out


def measure(args: argparse.Namespace, documents: int) -> dict[str, object]:
    folder = project(args.out, documents, args.paragraphs)
    command = [sys.executable, "-m", "factaudit"]
    row: dict[str, object] = {"documents": documents}
    if not args.skip_check:
        wall, _, rss = timed([*command, "check", "--no-cache", "--format", "json",
                              "--output", "check.json"], folder)
        summary = json.loads((folder / "check.json").read_text())["summary"]
        row.update(check_seconds=round(wall, 1), check_rss_mb=rss // 1024,
                   findings=summary["findings"], errors=summary["errors"])
    target = args.out / f"report-{documents}.html"
    wall, _, rss = timed([*command, "report", "--no-cache", "--output", str(target.resolve())],
                         folder)
    row.update(report_seconds=round(wall, 1), report_rss_mb=rss // 1024,
               report_bytes=target.stat().st_size)
    if args.runs:
        loads = load_times(target, args.runs)
        row.update(load_seconds=round(statistics.median(loads), 2),
                   load_all=[round(x, 2) for x in loads])
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 2000, 20000])
    parser.add_argument("--paragraphs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--runs", type=int, default=3, help="page loads to time (0: none)")
    parser.add_argument("--skip-check", action="store_true", help="do not time `check`")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.documents:
        row = measure(args, n)
        print(json.dumps(row), file=sys.stderr)
        rows.append(row)
    results = args.out / "report-size.json"
    previous = json.loads(results.read_text()) if results.exists() else {}
    previous.update({str(r["documents"]): r for r in rows})
    results.write_text(json.dumps(previous, indent=2) + "\n", encoding="utf-8")
    print("| documents | findings | check | report | report size | opens in Chromium |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        size = int(r["report_bytes"]) / 1e6  # type: ignore[call-overload]
        findings = r.get("findings")
        print(f"| {r['documents']:,} | {findings if findings is None else f'{findings:,}'} | "
              f"{r.get('check_seconds', '?')} s | {r['report_seconds']} s | {size:.1f} MB | "
              f"{r.get('load_seconds', '?')} s |")
    if os.environ.get("CI"):
        print("(CI machine)", file=sys.stderr)


if __name__ == "__main__":
    main()
