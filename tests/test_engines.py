"""The streaming engine: the same findings inline, in a process pool and on Dask; the
per-document cache; the progress display."""

from __future__ import annotations

import json
import shutil

import pytest

from factaudit import engine
from factaudit.audit import audit_paths
from factaudit.config import Config
from factaudit.progress import Progress

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
    monkeypatch.setattr(engine, "BATCH_BYTES", 4000)  # several batches
    inline = run(example, workers=1, cache=False)
    pooled = run(example, workers=2, cache=False)
    assert inline.findings and fingerprint(pooled) == fingerprint(inline)


def test_dask_local_cluster_gives_the_same_findings(example, monkeypatch):
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(engine, "BATCH_BYTES", 8000)
    local = run(example, cache=False)
    on_dask = run(example, cache=False, engine="dask")
    assert fingerprint(on_dask) == fingerprint(local)


def test_cache_is_used_and_invalidated(example, monkeypatch):
    calls = []
    original = engine.Worker.process

    def counting(self, doc):
        calls.append(doc.id)
        return original(self, doc)

    monkeypatch.setattr(engine.Worker, "process", counting)
    first = run(example)
    n_docs = len(first.metadata)
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
    original = engine.Worker.process
    monkeypatch.setattr(engine.Worker, "process",
                        lambda self, doc: calls.append(doc.id) or original(self, doc))
    run(example, cache=False)
    assert len(calls) == len(list((example / "corpus").rglob("*.txt")))


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


def test_large_corpora_use_every_core_by_default():
    assert engine.default_workers(1_000) == 1
    assert engine.default_workers(engine.POOL_THRESHOLD_BYTES + 1) >= 1


def test_an_unchanged_run_reuses_the_whole_result(example, monkeypatch):
    from factaudit import audit

    first = run(example)
    calls = []
    original = audit._corpus_phase
    monkeypatch.setattr(audit, "_corpus_phase",
                        lambda *a, **k: calls.append(1) or original(*a, **k))
    second = run(example)
    assert calls == [] and fingerprint(second) == fingerprint(first)
    doc = second.documents[0]
    assert doc.text, "texts are still read on demand from the corpus"
    # acknowledgements expire with the date: another day is another run
    import datetime as dt

    run(example, today=dt.date(2999, 1, 1))
    assert calls == [1]


def test_large_corpora_keep_only_documents_with_something_to_show(example, monkeypatch):
    from factaudit import audit

    (example / "corpus" / "plain.txt").write_text(
        "---\nlanguage: en\n---\nNothing here speaks to any claim.\n", encoding="utf-8")
    everything = run(example, cache=False)
    monkeypatch.setattr(audit, "KEEP_ALL_DOCUMENTS", 2)
    slim = run(example, cache=False)
    assert slim.document_count == everything.document_count == len(everything.metadata)
    assert "plain" in {d.id for d in everything.metadata}
    assert "plain" not in {d.id for d in slim.metadata}
    assert [f.as_dict() for f in slim.findings] == [f.as_dict() for f in everything.findings]
