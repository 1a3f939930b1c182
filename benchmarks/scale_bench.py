"""Scale benchmark: the real CLI on a generated corpus, against two floors measured in the
same run on the same files.

    python benchmarks/scale_bench.py --documents 20000 [--relevant 0.05] [--workers N]
        [--findings-heavy] [--single-document] [--out benchmarks/out] [--keep]

``--single-document`` joins the generated documents into one file (about 3.4 KB each:
``--documents 60000`` makes some 200 MB). Prints corpus size, wall time, MB/s,
documents/s, mentions/s and peak RSS of `factaudit check`, a second (cached) run, and the
floors: reading every file in Python, and `grep -F -i -f` with every cue of the claims.
Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scale_corpus import generate  # noqa: E402


def corpus_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files)


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, int, int, str]:
    """(wall seconds, exit code, peak RSS in KB of the largest process, stdout)."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True,
                          env=env)
    wall = time.perf_counter() - start
    rss_lines = [x for x in done.stderr.strip().splitlines() if x.strip().isdigit()]
    rss = int(rss_lines[-1]) if rss_lines else 0
    return wall, done.returncode, rss, done.stdout


def python_read_floor(folder: Path) -> float:
    code = ("import sys, pathlib\n"
            "n = 0\n"
            "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.txt')):\n"
            "    n += len(p.read_bytes().decode('utf-8'))\n"
            "print(n)\n")
    wall, *_ = timed([sys.executable, "-c", code, str(folder)])
    return wall


def cue_file(claims: Path, target: Path) -> int:
    cues = set()
    for path in claims.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"^\s+(?:en|id): \[(.*)\]\s*$", text, re.M):
            cues.update(c.strip().strip("'\"") for c in m.group(1).split(","))
    target.write_text("\n".join(sorted(c for c in cues if c)) + "\n", encoding="utf-8")
    return len(cues)


def join_documents(corpus: Path, out: Path) -> Path:
    """A corpus of one document: the bodies of ``corpus``'s documents, in order, under one
    front matter (English, published on the first of them's date)."""
    target = out / "all.txt"
    if target.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8") as joined:
        joined.write("---\nid: all\nlanguage: en\npublished: 2021-07-15\n---\n")
        for path in sorted(corpus.rglob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if text.startswith("---"):
                text = text[text.index("\n---", 3) + 5:]
            joined.write(text.strip("\n") + "\n\n")
    return out


def _default_command() -> str:
    """The factaudit installed with the Python running this script (a virtual environment
    need not be activated), else the one on PATH."""
    beside = Path(sys.executable).with_name("factaudit")
    return str(beside) if beside.exists() else "factaudit"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--relevant", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus")
    parser.add_argument("--findings-heavy", action="store_true",
                        help="every document relevant and most facts wrong: several findings "
                        "per document, as in a sloppy corpus")
    parser.add_argument("--single-document", action="store_true",
                        help="join the generated documents into one file (one front matter): "
                        "the memory and time of a very long document")
    parser.add_argument("--command", default=_default_command(),
                        help="how to run factaudit (default: the factaudit beside this "
                        "Python, else the one on PATH; e.g. 'python -m factaudit')")
    args = parser.parse_args()

    relevant = 1.0 if args.findings_heavy else args.relevant
    label = "heavy" if args.findings_heavy else f"{relevant:g}"
    corpus = args.out / f"corpus-{args.documents}-{label}"
    if not corpus.exists():
        t = time.perf_counter()
        generate(corpus, args.documents, relevant, seed=1, heavy=args.findings_heavy)
        print(f"generated {corpus} in {time.perf_counter() - t:.1f} s")
    generated = corpus
    if args.single_document:
        corpus = join_documents(corpus, corpus.with_name(corpus.name + "-single"))
    n_docs, n_bytes = corpus_size(corpus)
    mb = n_bytes / 1e6
    cache = args.out / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = dict(os.environ, FACTAUDIT_CACHE_DIR=str(cache))
    cmd = [*args.command.split(), "check", "--claims", str(ROOT / "claims"),
           "--corpus", str(corpus), "--format", "json", "--output", str(args.out / "findings.json")]
    if args.workers is not None:
        cmd += ["--workers", str(args.workers)]

    # warm the page cache so that every measurement reads from memory alike
    python_read_floor(corpus)
    read_floor = python_read_floor(corpus)
    cues = args.out / "cues.txt"
    n_cues = cue_file(ROOT / "claims", cues)
    grep_wall, *_ = timed(["grep", "-r", "-F", "-i", "-c", "-f", str(cues), str(corpus)])

    wall, code, rss, _ = timed(cmd, env)
    if code not in (0, 1):
        sys.exit(f"factaudit check failed with exit code {code}")
    summary = json.loads((args.out / "findings.json").read_text())["summary"]
    wall2, _, rss2, _ = timed(cmd, env)

    print(f"corpus: {n_docs:,} documents, {mb:,.1f} MB, {relevant:.0%} relevant"
          f"{' (findings-heavy)' if args.findings_heavy else ''}; {n_cues} cues; "
          f"{os.cpu_count()} cores; {summary['findings'] / max(n_docs, 1):.1f} findings a "
          "document")
    print(f"floor, Python read:   {read_floor:7.2f} s  {mb / read_floor:8.1f} MB/s")
    print(f"floor, grep -F -i -f: {grep_wall:7.2f} s  {mb / grep_wall:8.1f} MB/s")
    print(f"factaudit check:      {wall:7.2f} s  {mb / wall:8.1f} MB/s  "
          f"{n_docs / wall:8,.0f} docs/s  {summary['mentions'] / wall:8,.0f} mentions/s  "
          f"peak RSS {rss / 1024:,.0f} MB  ({summary['mentions']:,} mentions, "
          f"{summary['findings']:,} findings)")
    print(f"second run (cache):   {wall2:7.2f} s  {mb / wall2:8.1f} MB/s  "
          f"peak RSS {rss2 / 1024:,.0f} MB  speed-up {wall / wall2:5.1f}×")
    print(f"ratios: check / grep = {wall / grep_wall:.1f}×, check / Python read = "
          f"{wall / read_floor:.1f}×, cached / grep = {wall2 / grep_wall:.1f}×")
    if not args.keep:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(generated, ignore_errors=True)


if __name__ == "__main__":
    main()
