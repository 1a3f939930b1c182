"""`factaudit explain`: every cue passage, every value and why it was attributed or not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factaudit.authoring.explain import explain, to_json, to_text
from factaudit.inputs.claims import claimset_from_text, load_claims
from factaudit.inputs.config import Config
from factaudit.inputs.corpus import Document, load_corpus
from factaudit.inputs.project import Project
from factaudit.model import InputError

ROOT = Path(__file__).resolve().parent.parent

CLAIMS = """
claims:
  - id: relations-began
    statement: Relations began in 1991.
    type: year
    expected: 1991
    cues: {en: [relations began]}
  - id: full-partner
    statement: Russia became a full partner in 1996.
    type: year
    expected: 1996
    cues: {en: [full partner]}
  - id: late-claim
    statement: Only for documents of 2030 and later.
    type: year
    expected: 2030
    valid: "2030.."
    cues: {en: [relations began]}
  - id: member-count
    statement: The forum had 10 members once its membership settled.
    type: quantity
    expected: 10
    settled: 2021-12-01
    cues: {en: [members]}
entities:
  - name: Retno Marsudi
"""


def _doc(text: str, doc_id: str = "a", published: str | None = "2021-07") -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text, language="en",
                    published=published)


def _explain(item: str, *texts: str):
    claims = claimset_from_text(CLAIMS)
    docs = [_doc(t, f"d{i}") for i, t in enumerate(texts)]
    return explain(Project.in_memory(claims, docs, Config()), item)


def _values(x, doc: int = 0) -> dict[str, tuple[str, str]]:
    return {v.raw: (v.status, v.reason) for p in x.documents[doc].passages for v in p.values}


def test_each_value_says_which_cue_it_went_to_and_why():
    x = _explain("relations-began",
                 "Relations began in 1991 and Russia became a full partner in 1996.")
    values = _values(x)
    assert values["1991"][0] == "mention"
    assert "attributed to cue 'relations began' (distance 4)" in values["1991"][1]
    assert values["1996"][0] == "other-cue"
    assert "nearer cue 'full partner' of full-partner" in values["1996"][1]
    assert x.documents[0].verdict == "supported"


def test_the_other_claim_sees_the_mirror_image():
    x = _explain("full-partner",
                 "Relations began in 1991 and Russia became a full partner in 1996.")
    values = _values(x)
    assert values["1996"][0] == "mention"
    assert values["1991"][0] == "other-cue"


def test_values_of_another_kind_and_values_a_cue_does_not_keep():
    x = _explain("relations-began",
                 "Relations began in 1991, not in 1992, for the period 2018-2021.")
    values = _values(x)
    assert values["1991"][0] == "mention"
    assert values["1992"][0] == "not-kept"
    assert "keeps its nearest value '1991'" in values["1992"][1]
    assert values["2018-2021"] == ("wrong-kind", "a period, the claim reads year values")


def test_documents_without_a_cue_and_out_of_scope_documents_say_so():
    x = _explain("relations-began", "Nothing to see here in 1991.")
    assert x.documents[0].why.startswith("no cue matched (cues in en: relations began)")
    assert x.documents[0].verdict == "not-enough-info"
    late = _explain("late-claim", "Relations began in 1991.")
    assert not late.documents[0].applies
    assert late.documents[0].why == "out of scope: published 2021-07, outside valid: 2030.."


def test_findings_are_listed_with_the_passage():
    x = _explain("relations-began", "Relations began in 1993.")
    [finding] = x.documents[0].findings
    assert finding["rule"] == "value-contradiction" and finding["found"] == "1993"
    text = to_text(x)
    assert "verdict: refuted" in text
    assert "E value-contradiction 1:20 refuted: expected '1991', found '1993'" in text


def test_a_settled_claim_says_so_and_an_earlier_document_gets_info():
    x = _explain("member-count", "The forum had 8 members.")
    [finding] = x.documents[0].findings
    assert finding["severity"] == "info" and finding["found"] == "8"
    assert "settled: 2021-12-01 (earlier documents: info at most)" in to_text(x)
    assert "running count (up): lower figures in documents" in to_text(x)


def test_entities_list_their_hits():
    x = _explain("retno-marsudi", "Retno Marsudi spoke.", "Retno Marsudi and Retno Marsudi.")
    assert x.kind == "entity"
    assert [len(d.passages) for d in x.documents] == [1, 2]
    assert "name 'Retno Marsudi' at 1:1" in to_text(x)


def test_unknown_id_is_an_input_error_with_a_suggestion():
    with pytest.raises(InputError, match="no claim, entity or term with id 'relations-begun'") \
            as exc:
        _explain("relations-begun", "x")
    assert "did you mean relations-began" in str(exc.value)


def test_json_output_is_versioned():
    data = json.loads(to_json(_explain("relations-began", "Relations began in 1991.")))
    assert data["version"] == 1 and data["item"] == "relations-began"
    assert data["documents"][0]["passages"][0]["values"][0]["status"] == "mention"


def test_explanations_agree_with_the_engine_on_the_example_audit():
    """Every value explain calls a mention is one of the engine's mentions, and back: it
    renders the trace the attribution recorded while it decided."""
    from tests.helpers import run_audit

    claims = load_claims(ROOT / "claims")
    corpus = load_corpus(ROOT / "corpus")
    project = Project.in_memory(claims, corpus.documents)
    result = run_audit(claims, corpus, trace=[c.id for c in claims.claims])
    for claim in claims.claims:
        x = explain(project, claim.id, result=result)
        shown = {(d.id, v.start, v.end) for d in x.documents for p in d.passages
                 for v in p.values if v.status == "mention"}
        engine = {(m.document, m.value_start, m.value_end) for m in result.mentions
                  if m.claim == claim.id}
        assert shown == engine, claim.id
        assert not any("[the engine" in v.reason for d in x.documents for p in d.passages
                       for v in p.values), claim.id


def test_cli_explain_on_the_example(monkeypatch, capsys):
    from factaudit.cli import main

    monkeypatch.chdir(ROOT)
    assert main(["explain", "strategic-partnership"]) == 0
    out = capsys.readouterr().out
    assert "'1996' (year 1996)" in out and "attributed to cue 'strategic partner'" in out
    assert "radio-en-lavrov-visit  (en, published 2021-07-08)  verdict: not-enough-info" in out
    assert main(["explain", "no-such-claim"]) == 2
