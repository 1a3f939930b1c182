"""A corpus of every format gives the findings the same text gives as .txt, with locations
that make sense for each format, and says what it read and skipped.

Every file is generated here (fpdf2, python-docx, odfdo, pyarrow write them), nothing is
copied from the web; the readers under test are factaudit's own (reading/formats)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factaudit.cli import main
from tests.reading.test_formats import make_docx, make_odt, make_pdf

CLAIMS = """\
claims:
  - id: partner
    statement: Russia became a strategic partner of ASEAN in 2018.
    type: year
    expected: 2018
    cues: {en: [strategic partner], id: [mitra strategis]}
entities:
  - name: Retno Marsudi
"""

# one sentence per line: the same lines make the text, the page, the PDF and the rows
LINES = [
    "Foreign Minister Retno Marsudi met Sergei Lavrov in Jakarta.",
    "Russia has been a strategic partner of ASEAN since 1996, the ministry said.",
    "Minister Retno Marsudy also spoke about vaccines.",
]
TEXT = "\n".join(LINES) + "\n"


def _html() -> bytes:
    body = "".join(f"<p>{line}</p>\n" for line in LINES)
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<title>Ministers meet</title>"
            "<meta property='article:published_time' content='2021-07-06'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>Ministers meet</h1>\n{body}</article>"
            "<footer>Copyright Example News</footer></body></html>").encode()


def _docx() -> bytes:
    def build(document):  # type: ignore[no-untyped-def]
        document.add_heading("Ministers meet", level=1)
        for line in LINES:
            document.add_paragraph(line)
    return make_docx(build)


def _odt() -> bytes:
    def build(document, odfdo):  # type: ignore[no-untyped-def]
        for line in LINES:
            document.body.append(odfdo.Paragraph(line))
    return make_odt(build)


def _rows() -> list[dict[str, str]]:
    return [{"id": "a1", "text": TEXT, "language": "en", "published": "2021-07-06"},
            {"id": "a2", "text": "Nothing to see here.", "language": "en"}]


def _csv() -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["id", "text", "language", "published"])
    writer.writeheader()
    writer.writerows(_rows())
    return out.getvalue().encode()


def _parquet(path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _rows()
    table = pa.table({k: [r.get(k) for r in rows] for k in ("id", "text", "language",
                                                             "published")})
    pq.write_table(table, path)


def _project(root: Path, files: dict[str, bytes]) -> None:
    (root / "claims").mkdir()
    (root / "claims" / "facts.yaml").write_text(CLAIMS, encoding="utf-8")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, content in files.items():
        (corpus / name).write_bytes(content)


def _check(root: Path, monkeypatch, capsys, *extra: str) -> dict:
    monkeypatch.chdir(root)
    monkeypatch.setenv("FACTAUDIT_CACHE_DIR", str(root / ".cache"))
    code = main(["check", "--format", "json", *extra])
    out = capsys.readouterr().out
    assert code in (0, 1), out
    return json.loads(out)


def _found(data: dict) -> set[tuple[str, str | None, str | None]]:
    return {(f["rule"], f["claim"], f["found"]) for f in data["findings"]}


@pytest.fixture
def plain(tmp_path, monkeypatch, capsys) -> set[tuple[str, str | None, str | None]]:
    root = tmp_path / "plain"
    root.mkdir()
    _project(root, {"a.txt": b"---\nlanguage: en\npublished: 2021-07-06\n---\n" + TEXT.encode()})
    found = _found(_check(root, monkeypatch, capsys))
    assert ("value-contradiction", "partner", "1996") in found
    assert ("name-typo", "retno-marsudi", "Marsudy") in found
    return found


@pytest.mark.parametrize("name, make", [
    ("a.html", _html),
    ("a.pdf", lambda: make_pdf([LINES])),
    ("a.docx", _docx),
    ("a.odt", _odt),
    ("a.csv", _csv),
    ("a.jsonl", lambda: "".join(json.dumps(r) + "\n" for r in _rows()).encode()),
])
def test_every_format_gives_the_findings_of_the_same_text(plain, tmp_path, monkeypatch,
                                                          capsys, name, make):
    root = tmp_path / "formats"
    root.mkdir()
    _project(root, {name: make()})
    data = _check(root, monkeypatch, capsys)
    assert _found(data) == plain
    kinds = {d["id"]: d for d in data["documents"]}
    assert kinds, data


def test_parquet_rows_are_documents(plain, tmp_path, monkeypatch, capsys):
    root = tmp_path / "parquet"
    root.mkdir()
    _project(root, {})
    _parquet(root / "corpus" / "articles.parquet")
    data = _check(root, monkeypatch, capsys)
    assert _found(data) == plain
    assert {d["id"] for d in data["documents"]} == {"articles#a1", "articles#a2"}
    (finding,) = [f for f in data["findings"] if f["rule"] == "value-contradiction"]
    assert finding["document"] == "articles#a1" and finding["where"] == "row 1"


def test_a_pdf_finding_says_its_page_and_line(tmp_path, monkeypatch, capsys):
    root = tmp_path / "pdf"
    root.mkdir()
    _project(root, {"brief.pdf": make_pdf([["Ministers met in Jakarta.", "Nothing else."],
                                            [LINES[1]]])})
    data = _check(root, monkeypatch, capsys)
    (finding,) = [f for f in data["findings"] if f["rule"] == "value-contradiction"]
    assert finding["where"] == "page 2, line 1"
    assert finding["path"].endswith("brief.pdf")


def test_an_html_finding_says_the_heading_it_is_under(tmp_path, monkeypatch, capsys):
    root = tmp_path / "html"
    root.mkdir()
    _project(root, {"page.html": _html()})
    data = _check(root, monkeypatch, capsys)
    (finding,) = [f for f in data["findings"] if f["rule"] == "value-contradiction"]
    assert finding["where"] == "under 'Ministers meet'"
    (doc,) = data["documents"]
    assert doc["title"] == "Ministers meet" and doc["published"] == "2021-07-06"


def test_files_of_unknown_types_are_counted_never_silently_ignored(tmp_path, monkeypatch,
                                                                    capsys):
    root = tmp_path / "mixed"
    root.mkdir()
    _project(root, {"a.txt": b"---\nlanguage: en\n---\n" + TEXT.encode(),
                    "b.html": _html(), "photo.png": b"\x89PNG\r\n", "notes.xlsx": b"PK",
                    ".hidden": b"x"})
    data = _check(root, monkeypatch, capsys)
    (summary,) = [w for w in data["warnings"] if w.startswith("corpus: read")]
    assert ".html 1" in summary and ".txt 1" in summary
    assert ".png 1" in summary and ".xlsx 1" in summary and ".hidden" not in summary


def test_a_file_no_reader_can_open_is_skipped_with_its_reason(tmp_path, monkeypatch, capsys):
    root = tmp_path / "broken"
    root.mkdir()
    _project(root, {"a.txt": b"---\nlanguage: en\n---\n" + TEXT.encode(),
                    "broken.pdf": b"%PDF-1.4 not really a pdf", "zip.docx": b"PK\x03\x04junk"})
    data = _check(root, monkeypatch, capsys)
    skipped = [w for w in data["warnings"] if "skipped" in w]
    assert any(w.startswith("corpus/broken.pdf: skipped") for w in skipped), skipped
    assert any(w.startswith("corpus/zip.docx: skipped") for w in skipped), skipped
    assert len(data["documents"]) == 1


def test_extract_prints_the_text_findings_point_into(tmp_path, monkeypatch, capsys):
    root = tmp_path / "extract"
    root.mkdir()
    _project(root, {"page.html": _html()})
    data = _check(root, monkeypatch, capsys)
    (finding,) = [f for f in data["findings"] if f["rule"] == "value-contradiction"]
    assert main(["extract", "corpus/page.html", "--format", "json"]) == 0
    (doc,) = json.loads(capsys.readouterr().out)["documents"]
    assert doc["text"][finding["start"]:finding["end"]] == "1996"
    assert main(["extract", "corpus/page.html"]) == 0
    assert "Russia has been a strategic partner of ASEAN since 1996" in capsys.readouterr().out
    assert main(["extract", "corpus/missing.pdf"]) == 2
    assert "cannot read it" in capsys.readouterr().err
