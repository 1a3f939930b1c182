"""`factaudit suggest`: claim stubs mined from the corpus, valid as they are."""

from __future__ import annotations

from pathlib import Path

from factaudit.authoring.suggest import suggest, to_yaml
from factaudit.cli import main
from factaudit.inputs.claims import claimset_from_text, load_claims
from factaudit.inputs.corpus import Corpus, Document, load_corpus
from tests.helpers import run_audit

ROOT = Path(__file__).resolve().parent.parent


def _doc(doc_id: str, text: str, language: str = "en", translation_of: str | None = None
         ) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text, language=language,
                    published="2020-05", translation_of=translation_of)


DOCS = [
    _doc("gazette", "The harbour bridge opened in 2009 after four years of work."),
    _doc("courier", "Residents remember that the harbour bridge opened in 2011."),
    _doc("herald", "Traffic doubled since the harbour bridge opened in 2009."),
    _doc("kabar", "Jembatan pelabuhan dibuka pada 2011 setelah empat tahun.", "id",
         translation_of="courier"),
    _doc("warta", "Museum kota menyimpan 12.500 koleksi. Museum kota menyimpan 12.500 koleksi "
                  "sejak lama.", "id"),
    _doc("berita", "Museum kota menyimpan 12.500 koleksi langka.", "id"),
]


def test_a_phrase_that_recurs_with_values_becomes_a_stub_disagreeing_first():
    found, _ = suggest(DOCS)
    first = found[0]
    assert first.kind == "year" and first.disagree
    assert first.cues["en"] in ("bridge opened", "harbour bridge opened")
    assert dict(first.groups) == {"2009": ["gazette", "herald"], "2011": ["courier", "kabar"]}
    # the Indonesian translation of one source gives the Indonesian cue
    assert first.cues["id"] in ("pelabuhan dibuka", "Jembatan pelabuhan")
    museum = next(s for s in found if s.kind == "quantity")
    assert not museum.disagree and set(museum.cues) == {"id"}
    assert "kota menyimpan" in museum.cues["id"]
    assert museum.unit_words == {"id": "koleksi"}


def test_output_is_a_claims_file_the_loader_accepts_and_that_audits():
    found, covering = suggest(DOCS)
    text = to_yaml(found, DOCS, covering, "# yaml-language-server: $schema=x.json")
    assert text.startswith("# yaml-language-server: $schema=x.json\n")
    claims = claimset_from_text(text)
    assert [c.id for c in claims.claims] == [s.id for s in found]
    assert all(c.consistent for c in claims.claims)
    assert "# SOURCES DISAGREE: 2009 in gazette, herald; 2011 in courier, kabar" in text
    assert 'courier: 2011  "' in text and 'bridge opened in 2011"  (courier.txt:1)' in text
    result = run_audit(claims, Corpus(DOCS))
    assert {f.rule for f in result.findings if f.claim == found[0].id} == {
        "cross-source-disagreement"}


def test_facts_that_claims_already_read_are_left_out():
    claims = claimset_from_text("""
claims:
  - id: bridge-opening
    statement: The harbour bridge opened in 2009.
    type: year
    expected: 2009
    cues: {en: [bridge opened], id: [jembatan pelabuhan]}
""")
    found, covering = suggest(DOCS, claims)
    assert covering == ["bridge-opening"]
    assert all(s.kind != "year" for s in found)
    found, _ = suggest(DOCS, claims, include_covered=True)
    assert any(s.kind == "year" for s in found)
    text = to_yaml(found, DOCS, ["bridge-opening"])
    assert "# Facts already covered by existing claims are left out (bridge-opening)." in text
    ids = {c.id for c in claimset_from_text(text).claims}
    assert "bridge-opening" not in ids


def test_numbers_inside_names_and_lone_sources_are_not_facts():
    docs = [_doc("a", "The COVID-19 pandemic slowed the harbour works."),
            _doc("b", "During the COVID-19 pandemic the harbour works slowed."),
            _doc("c", "The lighthouse was built in 1880.")]
    found, _ = suggest(docs)
    assert found == []
    assert to_yaml(found, docs, []).endswith("claims: []\n")
    assert claimset_from_text(to_yaml(found, docs, [])).claims == []


def test_the_example_corpus_without_claims_finds_the_known_disagreement():
    corpus = load_corpus(ROOT / "corpus")
    found, _ = suggest(corpus.documents)
    first = found[0]
    assert first.disagree and first.kind == "year"
    assert {v for v, _ in first.groups} == {"1996", "2018"}
    text = to_yaml(found, corpus.documents, [])
    claims = claimset_from_text(text)
    result = run_audit(claims, corpus)
    # every stub's cues read its value in at least two documents
    for s in found:
        docs = {m.document for m in result.mentions if m.claim == s.id}
        assert len(docs) >= 2, s.id


def test_the_example_corpus_with_its_claims_suggests_only_new_facts():
    claims = load_claims(ROOT / "claims")
    corpus = load_corpus(ROOT / "corpus")
    found, covering = suggest(corpus.documents, claims)
    assert "strategic-partnership" in covering
    assert all(s.kind != "year" for s in found)


def test_cli_writes_the_stubs(project, capsys):
    (project / "corpus" / "c.txt").write_text("Relations with the city council began in "
                                              "1999.\n")
    (project / "corpus" / "d.txt").write_text("Relations with the city council began in "
                                              "1998, they say.\n")
    # never written into the claims folder (it would replace or join hand-written claims)
    assert main(["suggest", "--output", "claims/suggested.yaml"]) == 2
    assert "refusing to write the output into the claims folder" in capsys.readouterr().err
    assert not (project / "claims" / "suggested.yaml").exists()
    assert main(["suggest", "--output", "suggested.yaml"]) == 0
    err = capsys.readouterr().err
    assert "1 claim stub(s), 1 where sources disagree, from 4 documents" in err
    text = (project / "suggested.yaml").read_text()
    assert "council began" in text
    # the user reviews the stubs, then moves them in: the file loads beside the others
    (project / "suggested.yaml").rename(project / "claims" / "suggested.yaml")
    assert main(["check"]) in (0, 1)


def test_cli_without_claims_files_suggests_from_the_corpus_alone(monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(ROOT)
    (tmp_path / "empty").mkdir()
    assert main(["suggest", "--claims", str(tmp_path / "empty"), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "# SOURCES DISAGREE: 1996 in" in out
    assert len(claimset_from_text(out).claims) == 1
