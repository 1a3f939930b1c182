"""The streaming engine: the same findings inline, in a process pool and on Dask; the
per-document cache; the progress display."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factaudit.engine import executors, pipeline
from factaudit.engine.progress import Progress
from factaudit.inputs.config import Config
from factaudit.reading.formats import kind_of
from tests.helpers import audit_paths

from .conftest import ROOT


def fingerprint(result) -> str:
    return json.dumps([f.as_dict() for f in result.findings], sort_keys=True) + json.dumps(
        result.verdicts, sort_keys=True)


@pytest.fixture
def example(tmp_path):
    """A copy of the example audit, with every document duplicated under other ids."""
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    for i, path in enumerate(sorted((tmp_path / "corpus").glob("*.txt"))):
        (tmp_path / "corpus" / "more").mkdir(exist_ok=True)
        (tmp_path / "corpus" / "more" / f"copy{i}.txt").write_text(
            "---\nlanguage: " + ("en" if i in (0, 3) else "id") + "\npublished: 2021-07-08\n---\n"
            + path.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def run(example, **options):
    return audit_paths(example / "claims", example / "corpus", Config(root=example), **options)


def test_process_pool_gives_the_same_findings(example, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_BYTES", 4000)  # several batches
    inline = run(example, workers=1, cache=False)
    pooled = run(example, workers=2, cache=False)
    assert inline.findings and fingerprint(pooled) == fingerprint(inline)


def test_the_tables_are_prepared_while_workers_read_and_only_then(example, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_BYTES", 4000)
    started = []
    monkeypatch.setattr(pipeline, "_preload_tables", lambda: started.append(True))
    run(example, workers=1, cache=False)
    assert started == []  # inline: a thread would only compete with the reading
    run(example, workers=2, cache=False)
    assert started == [True]  # once, after the first batch is back


def test_preloading_builds_every_tables_schema(monkeypatch):
    import sys

    from factaudit.rules import tables

    built = []
    for name in ("documents_schema", "mentions_schema", "findings_schema"):
        real = getattr(tables, name)
        monkeypatch.setattr(tables, name, lambda real=real, name=name: (built.append(name),
                                                                         real())[1])
    tables.preload()
    assert built == ["documents_schema", "mentions_schema", "findings_schema"]
    assert "pandera" in sys.modules and "pandas" in sys.modules


def test_dask_local_cluster_gives_the_same_findings(example, monkeypatch):
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(pipeline, "BATCH_BYTES", 8000)
    local = run(example, cache=False)
    on_dask = run(example, cache=False, engine="dask")
    assert fingerprint(on_dask) == fingerprint(local)


def test_cache_is_used_and_invalidated(example, monkeypatch):
    calls = []
    original = pipeline.process

    def counting(plan, doc):
        calls.append(doc.id)
        return original(plan, doc)

    monkeypatch.setattr(pipeline, "process", counting)
    first = run(example)
    n_docs = len(first.documents)
    assert len(calls) == n_docs
    calls.clear()
    second = run(example)
    assert calls == [] and fingerprint(second) == fingerprint(first)
    # a changed document is processed again, and only that one
    changed = example / "corpus" / "more" / "copy0.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("1996", "1997"),
                       encoding="utf-8")
    third = run(example)
    assert calls == ["copy0"]
    assert any(f.document == "copy0" and f.found == "1997" for f in third.findings)
    # changed claims invalidate everything
    calls.clear()
    claims = example / "claims" / "relations.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run(example)
    assert len(calls) == n_docs


def test_cache_can_be_turned_off(example, monkeypatch):
    run(example)
    calls = []
    original = pipeline.process
    monkeypatch.setattr(pipeline, "process",
                        lambda plan, doc: calls.append(doc.id) or original(plan, doc))
    run(example, cache=False)
    documents = [p for p in (example / "corpus").rglob("*") if kind_of(p.name)]
    assert len(calls) == len(documents)


def test_progress_is_silent_unless_enabled(capsys):
    quiet = Progress(10, 1000, enabled=False)
    quiet.advance(5, 500)
    quiet.close()
    assert capsys.readouterr().err == ""
    shown = Progress(10, 2_000_000, enabled=True, delay=0)
    shown.advance(5, 1_000_000)
    shown.close()
    err = capsys.readouterr().err
    assert "5/10 documents" in err and "MB/s" in err and "ETA" in err


def test_progress_is_off_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert Progress(1, 1).enabled is False


def test_large_corpora_use_every_core_by_default(monkeypatch):
    assert isinstance(executors.make("local", total_bytes=1_000), executors.Inline)
    monkeypatch.setattr(executors.os, "cpu_count", lambda: 2)
    big = executors.make("local", total_bytes=executors.POOL_THRESHOLD_BYTES + 1)
    assert isinstance(big, executors.Pool) and big.workers == 2


def test_an_unchanged_run_reuses_the_whole_result(example, monkeypatch):
    first = run(example)
    calls = []
    original = pipeline.reduce
    monkeypatch.setattr(pipeline, "reduce",
                        lambda *a, **k: calls.append(1) or original(*a, **k))
    second = run(example)
    assert calls == [] and fingerprint(second) == fingerprint(first)
    doc = second.text_of(second.documents[0].id)
    assert doc is not None and doc.text, "texts are still read on demand from the corpus"
    # acknowledgements expire with the date: another day is another run
    import datetime as dt

    run(example, today=dt.date(2999, 1, 1))
    assert calls == [1]


def test_large_corpora_keep_only_documents_with_something_to_show(example, monkeypatch):
    (example / "corpus" / "plain.txt").write_text(
        "---\nlanguage: en\n---\nNothing here speaks to any claim.\n", encoding="utf-8")
    everything = run(example, cache=False)
    monkeypatch.setattr(pipeline, "KEEP_ALL_DOCUMENTS", 2)
    slim = run(example, cache=False)
    assert slim.document_count == everything.document_count == len(everything.documents)
    assert "plain" in {d.id for d in everything.documents}
    assert "plain" not in {d.id for d in slim.documents}
    assert [f.as_dict() for f in slim.findings] == [f.as_dict() for f in everything.findings]


def test_copies_of_one_text_are_two_documents_in_the_cache_too(example):
    text = "---\nlanguage: en\n---\nThe same syndicated text, word for word.\n"
    for name in ("wire.txt", "reprint.txt"):
        (example / "corpus" / name).write_text(text, encoding="utf-8")
    first = run(example, cache=True)
    (example / "corpus" / "another.txt").write_text("---\nlanguage: en\n---\nNew.\n",
                                                    encoding="utf-8")  # not a whole-run hit
    second = run(example, cache=True)
    for result in (first, second):
        paths = {d.id: d.path for d in result.documents}
        assert paths["wire"].endswith("wire.txt") and paths["reprint"].endswith("reprint.txt")
    assert [f.as_dict() for f in second.findings] == [f.as_dict() for f in first.findings]


@pytest.mark.parametrize("cache", [False, True])
def test_outcomes_of_documents_with_nothing_are_let_go_with_or_without_a_cache(
        example, monkeypatch, cache):
    import gc

    from factaudit.rules.runner import DocOutcome

    for i in range(6):
        (example / "corpus" / f"plain{i}.txt").write_text(
            f"---\nlanguage: en\n---\nNothing here speaks to any claim ({i}).\n",
            encoding="utf-8")
    monkeypatch.setattr(pipeline, "KEEP_ALL_DOCUMENTS", 2)
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 3)  # several batches
    alive = []
    original = pipeline.reduce

    def counting(plan, outcomes, *args, **kwargs):
        gc.collect()
        alive.append((sum(isinstance(o, DocOutcome) for o in gc.get_objects()), len(outcomes)))
        return original(plan, outcomes, *args, **kwargs)

    monkeypatch.setattr(pipeline, "reduce", counting)
    result = run(example, cache=cache, workers=1)
    (held, kept), = alive
    assert result.document_count >= kept + 6
    # the kept ones and at most the last batch: nothing holds every document's outcome
    assert kept <= held <= kept + pipeline.BATCH_DOCUMENTS


def test_one_pipeline_gives_the_same_json_in_memory_from_folders_and_on_every_executor(
        example, monkeypatch):
    """The CLI's folders, the library's documents in memory, the inline executor, the
    process pool and Dask: byte-identical JSON."""
    from factaudit.inputs.claims import load_claims
    from factaudit.inputs.corpus import load_corpus
    from factaudit.report.json import to_json
    from tests.helpers import run_audit

    monkeypatch.setattr(pipeline, "BATCH_BYTES", 4000)
    monkeypatch.chdir(example)
    claims = load_claims(example / "claims")
    corpus = load_corpus(example / "corpus")
    outputs = {
        "folders": to_json(run(example, cache=False)),
        "memory": to_json(run_audit(claims, corpus)),
        "memory, pool": to_json(run_audit(claims, corpus, executor="pool")),
        "folders, pool": to_json(run(example, cache=False, workers=2)),
    }
    if pytest.importorskip("dask.distributed"):
        outputs["folders, dask"] = to_json(run(example, cache=False, engine="dask"))
    assert len(set(outputs.values())) == 1, [k for k in outputs
                                             if outputs[k] != outputs["folders"]]


def test_a_document_rule_quotes_the_right_line_however_the_corpus_is_run(tmp_path):
    """A rule that names a line of its document ("… on line 9") gives the file's line in a
    streamed run as in an in-memory one: document rules always see the whole document."""
    from factaudit.inputs.claims import claimset_from_text
    from factaudit.inputs.corpus import load_corpus
    from tests.helpers import run_audit

    (tmp_path / "claims").mkdir()
    (tmp_path / "corpus").mkdir()
    claims_text = ("claims:\n  - {id: opened, statement: x, type: year, consistent: true,\n"
                   "     cues: {en: [bridge opened]}}\n")
    (tmp_path / "claims" / "c.yaml").write_text(claims_text)
    body = "".join(f"Line {n}.\n" for n in range(1, 6)) + "The bridge opened in 2019.\n" \
        + "More.\n" * 3 + "The bridge opened in 2020.\n"
    (tmp_path / "corpus" / "a.txt").write_text("---\nid: a\nlanguage: en\n---\n" + body)
    streamed = audit_paths(tmp_path / "claims", tmp_path / "corpus", Config(root=tmp_path),
                           cache=False)
    in_memory = run_audit(claimset_from_text(claims_text), load_corpus(tmp_path / "corpus"))
    for result in (streamed, in_memory):
        [finding] = [f for f in result.findings if f.rule == "intra-document-consistency"]
        assert "'2019' on line 10" in finding.message, finding.message
        assert finding.line == 14


def test_texts_read_again_keep_the_audited_metadata(example, monkeypatch):
    """Outputs that show document text (the HTML report, explain) read each text again:
    with the language the audit detected, never detecting it a second time."""
    from factaudit.inputs import corpus

    (example / "corpus" / "undeclared.txt").write_text(
        "Russia has been a strategic partner of ASEAN since 1996, officials said.\n",
        encoding="utf-8")
    calls = []
    original = corpus.detect_language
    monkeypatch.setattr(corpus, "detect_language",
                        lambda *a: calls.append(1) or original(*a))
    result = run(example, cache=False)
    detected = calls.count(1)
    assert detected >= 1
    info = next(d for d in result.documents if d.path.endswith("undeclared.txt"))
    assert info.language_source == "detected"
    for d in result.documents:
        doc = result.text_of(d.id)
        assert doc is not None and doc.language == d.language and doc.digest == d.digest
    assert calls.count(1) == detected
    # a file changed since the audit has no text to show: its offsets would point elsewhere
    (example / "corpus" / "undeclared.txt").write_text("Changed.\n", encoding="utf-8")
    assert result.text_of(info.id) is None


def test_findings_are_located_alike_whether_their_places_were_kept_or_read_again(
        example, monkeypatch):
    """A document with more places than are kept ahead (a very long one) has its corpus
    findings located by reading it again: the same lines, columns and quotes."""
    from factaudit.report.json import to_json
    from factaudit.rules import runner

    monkeypatch.chdir(example)
    kept = to_json(run(example, cache=False))
    monkeypatch.setattr(runner, "MAX_PLACES", 0)
    read_again = to_json(run(example, cache=False))
    assert read_again == kept
    assert '"rule": "name-consistency"' in kept or '"rule":"name-consistency"' in kept


def test_an_edited_built_in_language_pack_changes_the_cache_key():
    """A development install that edits a built-in pack must not reuse cached results."""
    import os

    import factaudit.reading.languages as languages

    pack = Path(languages.__file__).parent / "en.yaml"
    st = pack.stat()
    pipeline._code_stamp.cache_clear()
    before = pipeline._code_stamp(())
    try:
        os.utime(pack, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        pipeline._code_stamp.cache_clear()
        assert pipeline._code_stamp(()) != before
    finally:
        os.utime(pack, ns=(st.st_atime_ns, st.st_mtime_ns))
        pipeline._code_stamp.cache_clear()
