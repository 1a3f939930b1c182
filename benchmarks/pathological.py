"""Time per MB of documents that break naive text processing: one very long line, and one
sentence that never ends (scraped article bodies and minified pages look like this).

    python benchmarks/pathological.py [--sizes 0.1,1,10] [--repeat 1]

Each case is a one-document project audited end to end (claims, scan, values, every
rule), without the cache. The time per MB must stay flat from 100 KB to 10 MB: the last
column is the time per MB relative to the smallest size of the same shape.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

CLAIMS = """\
claims:
  - id: bridge-opened
    statement: The river bridge opened in 2019.
    type: year
    expected: 2019
    cues: {en: [bridge opened], id: [jembatan dibuka]}
  - id: bridge-pillars
    statement: The bridge rests on 120 pillars.
    type: quantity
    expected: 120
    cues: {en: [pillars], id: [tiang]}
  - id: opening-day
    statement: The ceremony was held on Tuesday 6 July 2021.
    type: date
    expected: 2021-07-06
    cues: {en: [ceremony was held], id: [upacara digelar]}
entities:
  - name: Ratna Kusumawardani
terms:
  - preferred: kerja sama
    variants: [kerjasama]
    language: id
"""

# One line of many sentences: weekdays and dates in every sentence (date-sanity reads
# them), numbers, names and a misspelling now and then.
LINE_UNIT = ("The bridge opened in 2018 with 120 pillars, said Ratna Kusumawardani. "
             "The ceremony was held on Wednesday, 6 July 2021, three years ago in 2017. ")
# One sentence that never ends: the same facts joined by "and".
SENTENCE_UNIT = ("the bridge opened in 2018 and it rests on 12 pillars and the ceremony was "
                 "held on Wednesday 6 July 2021 and Ratna Kusumawardni spoke and ")

SHAPES = {"one line": LINE_UNIT, "one sentence": SENTENCE_UNIT}


def make(root: Path, unit: str, size: int) -> None:
    (root / "claims").mkdir(parents=True)
    (root / "corpus").mkdir()
    (root / "claims" / "facts.yaml").write_text(CLAIMS, encoding="utf-8")
    text = unit * (size // len(unit) + 1)
    head = "---\nid: doc\nlanguage: en\npublished: 2021-07-08\n---\n"
    (root / "corpus" / "doc.txt").write_text(head + text[:size] + "\n", encoding="utf-8")


def run(root: Path) -> tuple[float, int]:
    from factaudit.engine.pipeline import audit
    from factaudit.inputs.config import load_config
    from factaudit.inputs.project import load_project
    from factaudit.rules.registry import discover_rules

    os.chdir(root)
    started = time.perf_counter()
    project = load_project(load_config(root))
    rules = [r for r in discover_rules() if not r.optional]
    result = audit(project, rules, executor="inline")
    return time.perf_counter() - started, len(result.findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.1,1,10", help="document sizes in MB")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case (best is kept)")
    args = parser.parse_args(argv)
    sizes = [float(x) for x in args.sizes.split(",")]
    run(_project(LINE_UNIT, 10_000))  # warm up: imports, language packs, dictionaries
    print(f"{'shape':14} {'size':>8} {'seconds':>9} {'s/MB':>8} {'findings':>9} {'× smallest':>11}")
    worst = 1.0
    for shape, unit in SHAPES.items():
        base = None
        for mb in sizes:
            size = int(mb * 1_000_000)
            runs = [run(_project(unit, size)) for _ in range(max(1, args.repeat))]
            seconds = min(r[0] for r in runs)
            per_mb = seconds / (size / 1_000_000)
            findings = runs[0][1]
            base = base or per_mb
            worst = max(worst, per_mb / base)
            print(f"{shape:14} {mb:>6.1f}MB {seconds:>9.2f} {per_mb:>8.2f} "
                  f"{findings if findings is not None else '':>9} {per_mb / base:>10.2f}×",
                  flush=True)
    print(f"largest time per MB relative to the smallest document of its shape: {worst:.2f}×")
    return 0


def _project(unit: str, size: int) -> Path:
    root = Path(tempfile.mkdtemp(prefix="factaudit-pathological-"))
    make(root, unit, size)
    return root


if __name__ == "__main__":
    sys.exit(main())
