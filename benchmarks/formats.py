"""Format benchmark: reading + extraction speed of every document format against the
plain-text floor, on the same generated documents.

    python benchmarks/formats.py [--pages 2000] [--workers N] [--no-audit] [--out DIR]

Generates N one-page documents (benchmarks/scale_corpus.py's news-style text, ~3.4 KB
each) as .txt, and the same text as .html (a news page with navigation, a script and a
footer around the article), .pdf, .docx, .odt, and one .jsonl, .csv and .parquet table
with a row per document. Then times, with N worker processes like the audit uses, reading
every file and extracting it with factaudit.reading.formats, against reading and
decoding the .txt files (the text floor). With the audit (default), it also runs
`factaudit check` on the .txt corpus and projects how much slower the whole audit would be
on each format: (check - text floor + extraction) / check. Issue 15 asks for at most 3×,
PDF excepted. Not part of the test run; generated files are kept in --out for reruns.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scale_corpus import generate  # noqa: E402

from factaudit.reading.formats import extract, iter_rows, kind_of, row_groups  # noqa: E402

FILE_FORMATS = ("html", "pdf", "docx", "odt")
TABLE_FORMATS = ("jsonl", "csv", "parquet")
SCRIPT = "window.dataLayer=window.dataLayer||[];function t(){dataLayer.push(arguments)}\n" * 150
NAV = "".join(f'<li><a href="/rubrik/{i}">Rubrik {i}</a></li>' for i in range(30))


def parse(path: Path) -> dict:
    """The generated document's front matter and paragraphs."""
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    meta = dict(line.split(": ", 1) for line in header.strip().splitlines())
    paragraphs = [p for p in body.strip().split("\n\n") if p]
    meta["title"] = " ".join(paragraphs[0].split()[:8])
    # a byline as news sites state it; a page without one costs trafilatura ~1 ms more
    # (it then searches the body for a byline)
    meta["author"] = " ".join(paragraphs[-1].split()[:2]).title().strip(".,")
    return {**meta, "paragraphs": paragraphs}


def html_page(doc: dict) -> str:
    article = "".join(f"<p>{p}</p>" for p in doc["paragraphs"])
    return (f'<!doctype html><html lang="{doc["language"]}"><head><meta charset="utf-8">'
            f'<title>{doc["title"]} - Warta Contoh</title>'
            f'<meta name="author" content="{doc["author"]}">'
            f'<meta property="article:published_time" content="{doc["published"]}">'
            f"<script>{SCRIPT}</script></head><body><nav><ul>{NAV}</ul></nav>"
            f'<main><article><h1>{doc["title"]}</h1>{article}</article>'
            f'<aside class="related"><h3>Baca juga</h3><ul>{NAV[:600]}</ul></aside></main>'
            f"<footer><p>Hak cipta Warta Contoh. Seluruh hak dilindungi.</p></footer>"
            f"</body></html>")


def write_pdf(doc: dict, target: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.set_title(doc["title"])
    pdf.add_page()
    for paragraph in doc["paragraphs"]:
        pdf.multi_cell(0, 5, paragraph.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(3)
    pdf.output(str(target))


def write_docx(doc: dict, target: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = doc["title"]
    document.add_heading(doc["title"], 1)
    for paragraph in doc["paragraphs"]:
        document.add_paragraph(paragraph)
    document.save(str(target))


def write_odt(doc: dict, target: Path) -> None:
    import odfdo

    document = odfdo.Document("text")
    document.body.clear()
    document.body.append(odfdo.Header(1, doc["title"]))
    for paragraph in doc["paragraphs"]:
        document.body.append(odfdo.Paragraph(paragraph))
    document.save(str(target))


def convert(job: tuple[str, str]) -> None:
    """Write one .txt document as every file format (in a worker process)."""
    source, out = Path(job[0]), Path(job[1])
    doc = parse(source)
    stem = source.stem
    (out / "html" / f"{stem}.html").write_text(html_page(doc), encoding="utf-8")
    write_pdf(doc, out / "pdf" / f"{stem}.pdf")
    write_docx(doc, out / "docx" / f"{stem}.docx")
    write_odt(doc, out / "odt" / f"{stem}.odt")


def write_tables(texts: list[Path], out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = [parse(p) for p in texts]
    rows = [{"id": d["id"], "text": "\n\n".join(d["paragraphs"]), "language": d["language"],
             "published": d["published"], "title": d["title"]} for d in docs]
    with open(out / "docs.jsonl", "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    import csv

    with open(out / "docs.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    pq.write_table(pa.Table.from_pylist(rows), out / "docs.parquet", row_group_size=2_000)


def prepare(out: Path, pages: int, workers: int) -> Path:
    txt = out / "txt"
    if (out / "done").exists():
        return txt
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    generate(txt, pages, 0.05, seed=1)
    texts = sorted(txt.rglob("*.txt"))
    for name in FILE_FORMATS:
        (out / name).mkdir(parents=True)
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(convert, [(str(p), str(out)) for p in texts], chunksize=50))
    write_tables(texts, out)
    (out / "done").write_text("")
    print(f"generated {pages:,} documents in every format in {time.perf_counter() - start:.0f} s")
    return txt


def read_files(paths: list[str]) -> tuple[int, int, int]:
    """(input bytes, text characters, unreadable files) for a batch of files."""
    size = chars = failed = 0
    for path in paths:
        raw = Path(path).read_bytes()
        size += len(raw)
        kind = kind_of(path)
        if kind == "text":
            chars += len(raw.decode("utf-8"))
            continue
        try:
            chars += len(extract(raw, kind).text)
        except Exception as exc:
            failed += 1
            if failed == 1:  # one line per batch is enough to see what went wrong
                print(f"  {path}: {exc}", file=sys.stderr)
    return size, chars, failed


def read_part(job: tuple[str, tuple[int, int]]) -> tuple[int, int, int]:
    path, part = job
    chars = failed = 0
    for row in iter_rows(path, part=part):
        if hasattr(row, "text"):
            chars += len(row.text)
        else:
            failed += 1
    return 0, chars, failed


def warm(_: int) -> None:
    """Import every reader's library in a worker, so no timing includes an import."""
    import pyarrow.parquet  # noqa: F401
    import pypdf  # noqa: F401
    import trafilatura  # noqa: F401

    from factaudit.reading.formats import html, office, pdf, tables, text  # noqa: F401

    time.sleep(0.2)  # hold this worker so the next warm-up task lands on another


def timed_files(pool: ProcessPoolExecutor, paths: list[Path]) -> tuple[float, int, int, int]:
    batches = [[str(p) for p in paths[i:i + 50]] for i in range(0, len(paths), 50)]
    start = time.perf_counter()
    results = list(pool.map(read_files, batches))
    wall = time.perf_counter() - start
    return (wall, *(sum(r[k] for r in results) for k in range(3)))


def timed_table(pool: ProcessPoolExecutor, path: Path) -> tuple[float, int, int, int]:
    start = time.perf_counter()
    parts = row_groups(str(path))
    results = list(pool.map(read_part, [(str(path), part) for part in parts]))
    wall = time.perf_counter() - start
    return wall, path.stat().st_size, sum(r[1] for r in results), sum(r[2] for r in results)


def audit_seconds(txt: Path, out: Path, workers: int) -> float:
    cache = out / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = dict(os.environ, FACTAUDIT_CACHE_DIR=str(cache))
    cmd = [sys.executable, "-m", "factaudit", "check", "--claims", str(ROOT / "claims"),
           "--corpus", str(txt), "--format", "json", "--output", str(out / "findings.json"),
           "--workers", str(workers)]
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"factaudit check failed ({done.returncode}): {done.stderr[-500:]}")
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--no-audit", action="store_true", help="skip `factaudit check`")
    args = parser.parse_args()
    out = args.out or HERE / "out" / f"formats-{args.pages}"
    txt = prepare(out, args.pages, args.workers)

    texts = sorted(txt.rglob("*.txt"))
    # the audit runs before and after the extractions and its mean is used: on a shared
    # machine the speed drifts over minutes
    audits = [] if args.no_audit else [audit_seconds(txt, out, args.workers)]
    results: dict[str, tuple[float, int, int, int]] = {}
    with ProcessPoolExecutor(args.workers) as pool:
        list(pool.map(warm, range(args.workers)))
        for folder in (txt, *(out / name for name in FILE_FORMATS)):  # page cache
            for path in folder.rglob("*.*"):
                path.read_bytes()
        results["txt"] = timed_files(pool, texts)
        for name in FILE_FORMATS:
            results[name] = timed_files(pool, sorted((out / name).iterdir()))
        for name in TABLE_FORMATS:
            results[name] = timed_table(pool, out / f"docs.{name}")
    if audits:
        audits.append(audit_seconds(txt, out, args.workers))
    audit = sum(audits) / len(audits) if audits else None

    floor = results["txt"][0]
    text_mb = results["txt"][2] / 1e6
    print(f"{args.pages:,} documents, {text_mb:.1f} MB of text, {args.workers} workers"
          + (f"; factaudit check on the .txt: {' and '.join(f'{a:.1f}' for a in audits)} s "
             f"({audit * 1000 * args.workers / args.pages:.2f} ms a document and core)"
             if audit else ""))
    head = ("| format | input MB | seconds | ms/doc/core | input MB/s | text MB/s | × text floor |"
            + (" audit × (projected) |" if audit else "") + " unreadable |")
    print(head)
    print("|" + " --- |" * (head.count("|") - 1))
    for name, (wall, size, chars, failed) in results.items():
        per_doc = wall * 1000 * args.workers / args.pages
        row = (f"| {name} | {size / 1e6:,.1f} | {wall:.2f} | {per_doc:.2f} | "
               f"{size / 1e6 / wall:,.1f} | {chars / 1e6 / wall:,.1f} | {wall / floor:,.1f} |")
        if audit:
            row += f" {(audit - floor + wall) / audit:.2f} |"
        print(row + f" {failed} |")


if __name__ == "__main__":
    main()
