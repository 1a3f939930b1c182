"""Loading corpora: manifest, front matter, detection, and inputs that must not crash."""

from __future__ import annotations

import pytest

from factaudit.inputs.corpus import load_corpus
from factaudit.model import InputError


def test_manifest_metadata_and_files_not_listed(write, tmp_path):
    write("corpus/sources.yaml", """
        defaults: {date_order: DMY}
        documents:
          - {path: a.txt, id: alpha, language: en, published: 2021-07, title: A}
    """)
    write("corpus/a.txt", "Some text.\n")
    write("corpus/sub/b.txt", "Menteri Luar Negeri Indonesia bertemu dengan mitra dari Rusia "
                              "untuk membahas kerja sama kesehatan dan pemulihan ekonomi.\n")
    corpus = load_corpus(tmp_path / "corpus")
    docs = corpus.by_id()
    assert set(docs) == {"alpha", "b"}
    assert docs["alpha"].published == "2021-07" and docs["alpha"].date_order == "DMY"
    assert docs["alpha"].language_source == "declared"
    assert (docs["b"].language, docs["b"].language_source) == ("id", "detected")


def test_language_detection_english(write, tmp_path):
    write("corpus/a.txt", "The foreign ministers met on Tuesday to discuss health cooperation "
                          "and the recovery of the regional economy.\n")
    doc = load_corpus(tmp_path / "corpus").documents[0]
    assert (doc.language, doc.language_source) == ("en", "detected")


def test_front_matter_is_metadata_and_lines_stay_file_lines(write, tmp_path):
    write("corpus/a.md", """
        ---
        id: fm
        language: en
        published: 2021-07-08
        ---
        First line of text.
        Second line.
    """)
    doc = load_corpus(tmp_path / "corpus").documents[0]
    assert doc.id == "fm" and doc.published == "2021-07-08"
    assert doc.text.startswith("First line") and doc.first_line == 6


@pytest.mark.parametrize(("manifest", "needle"), [
    ("documents:\n  - {path: ../../etc/passwd}\n", "outside the corpus"),
    ("documents:\n  - {path: missing.txt}\n", "no such file"),
    ("documents:\n  - {path: a.txt, lang: en}\n", "unknown key 'lang'"),
    ("documents:\n  - {path: a.txt, published: July 2021}\n", "bad published date"),
    ("documnts: []\n", "keys 'defaults' and 'documents'"),
])
def test_manifest_errors_point_at_the_manifest(write, tmp_path, manifest, needle):
    write("corpus/a.txt", "Text.\n")
    write("corpus/sources.yaml", manifest)
    with pytest.raises(InputError) as info:
        load_corpus(tmp_path / "corpus")
    assert needle in str(info.value) and "sources.yaml" in str(info.value)


def test_duplicate_ids_are_an_error(write, tmp_path):
    write("corpus/a.txt", "---\nid: same\nlanguage: en\n---\nText.\n")
    write("corpus/b.txt", "---\nid: same\nlanguage: en\n---\nText.\n")
    with pytest.raises(InputError, match="duplicate document id 'same'"):
        load_corpus(tmp_path / "corpus")


@pytest.mark.parametrize("setup", ["missing", "empty", "file"])
def test_unusable_corpus_folders(write, tmp_path, setup):
    target = tmp_path / "corpus"
    if setup == "empty":
        target.mkdir()
    elif setup == "file":
        write("corpus", "not a folder")
    with pytest.raises(InputError) as info:
        load_corpus(target)
    assert info.value.problems[0].hint


def test_binary_and_undecodable_files_are_skipped_with_warnings(write, tmp_path):
    write("corpus/good.txt", "---\nlanguage: en\n---\nFine.\n")
    write("corpus/bin.txt", b"\x00\x01\x02binary")
    write("corpus/latin.txt", b"caf\xe9 au lait\n")
    corpus = load_corpus(tmp_path / "corpus")
    assert [d.id for d in corpus.documents] == ["good"]
    assert any("bin.txt" in w and "binary" in w for w in corpus.warnings)
    assert any("latin.txt" in w and "not UTF-8" in w for w in corpus.warnings)


def test_utf16_bom_and_utf8_bom_and_crlf(write, tmp_path):
    write("corpus/u16.txt", "\ufeffHello from UTF-16.\r\n".encode("utf-16-le"))
    write("corpus/u8.txt", "\ufeffHello from UTF-8 with BOM.\r\n".encode())
    docs = load_corpus(tmp_path / "corpus", ("en",)).by_id()
    assert docs["u16"].text.startswith("Hello") and docs["u8"].text.startswith("Hello")
    assert docs["u8"].text.endswith("\r\n")  # kept as written: offsets match the file


def test_declared_encoding(write, tmp_path):
    write("corpus/latin.txt", b"caf\xe9 au lait\n")
    write("corpus/sources.yaml",
          "documents:\n  - {path: latin.txt, encoding: cp1252, language: fr}\n")
    doc = load_corpus(tmp_path / "corpus", ("en", "fr")).documents[0]
    assert doc.text == "café au lait\n"


def test_files_outside_the_manifest_share_one_declaration_nobody_writes(write, tmp_path):
    from factaudit.inputs.corpus import NOTHING_DECLARED

    write("corpus/a.txt", "---\nid: first\nlanguage: en\npublished: 2020-01-02\n---\nText.\n")
    write("corpus/b.md", "Teks kedua dalam bahasa Indonesia tentang kerja sama.\n")
    corpus = load_corpus(tmp_path / "corpus")
    assert {d.id for d in corpus.documents} == {"first", "b"}
    assert NOTHING_DECLARED == {}
