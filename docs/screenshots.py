"""Screenshots of the example audit's HTML report, for the README and docs/outputs.md.

    python docs/screenshots.py [--out docs/screenshots]

Audits the example (claims/ and corpus/ of this repository), writes its report with a
fixed run date, opens it in Debian's Chromium (Playwright, /usr/bin/chromium: no browser
is downloaded) and saves the first screen, a claim's page and a document view, each at
1400×900 and 420×900. `tox -e docs` runs it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEN = dt.datetime(2024, 5, 1, 6, 30, tzinfo=dt.timezone.utc)
WIDTHS = (1400, 420)
CLAIM = "strategic-partnership"


def example_report(folder: Path) -> tuple[Path, str, str]:
    """The report, and the hashes of the claim page and of the line of its first error."""
    from factaudit.engine.pipeline import audit
    from factaudit.inputs.project import load_project
    from factaudit.report.html import write_report

    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = audit(load_project())
        path = write_report(result, folder / "discrepancies.html", WHEN)
    finally:
        os.chdir(cwd)
    items = [c.id for c in result.claims.claims]
    finding = next(f for f in result.findings if f.claim == CLAIM and f.line)
    j = [d.id for d in result.documents].index(finding.document)
    return path, f"#s{items.index(CLAIM)}", f"#d{j}-L{finding.line}"


def shoot(path: Path, shots: dict[str, str], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        for width in WIDTHS:
            for name, hash_ in shots.items():
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(path.resolve().as_uri() + hash_)
                deadline = time.time() + 30
                while not page.evaluate("document.documentElement.hasAttribute('data-ready')"):
                    if time.time() > deadline:
                        raise SystemExit(f"{name}: the report did not get ready")
                    time.sleep(0.05)
                if name == "document":  # the finding's line a little below the top
                    page.evaluate("window.scrollBy(0, -200)")
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target))
                written.append(target)
                page.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path, claim, line = example_report(Path(tmp))
        written = shoot(path, {"first-screen": "", "claim": claim, "document": line}, args.out)
    for target in written:
        print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
