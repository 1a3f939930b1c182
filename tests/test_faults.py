"""Faults: killed runs, concurrent runs, damaged caches, and byte-identical output (issue 7).

These run ``python -m factaudit`` in subprocesses, as CI does, on a generated corpus large
enough that a run lasts a few seconds, and kill or race them.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from factaudit.model import InputError
from factaudit.report.atomic import STALE_SECONDS, write_atomic

CLAIMS = """
claims:
  - id: meeting-date
    statement: The ministers met on 6 July 2021.
    type: date
    expected: 2021-07-06
    cues: {en: [ministers met], id: [para menteri bertemu]}
  - id: partnership
    statement: The partnership began in 2018.
    type: year
    expected: 2018
    cues: {en: [strategic partner], id: [mitra strategis]}
entities:
  - name: Retno Marsudi
  - name: Sergei Lavrov
    variants: [Sergey Lavrov]
terms:
  - preferred: kerja sama
    variants: [kerjasama]
    language: id
"""

EN = ["The ministers met on {d} July 2021 in Jakarta.", "Retno Marsudi spoke to the press.",
      "Russia has been a strategic partner since {y}.", "Sergey Lavrov arrived on Monday.",
      "Trade grew by {n} percent last year.", "Retno Marsudy thanked the hosts."]
ID = ["Para menteri bertemu pada {d} Juli 2021 di Jakarta.", "Retno Marsudi berbicara.",
      "Rusia menjadi mitra strategis sejak {y}.", "Mereka membahas kerjasama ekonomi.",
      "Sergei Lavrov hadir dalam pertemuan.", "Perdagangan naik {n} persen."]


def make_project(root: Path, documents: int = 800, seed: int = 7,
                 order: list[int] | None = None) -> Path:
    """A project whose audit has findings of several rules; files created in ``order``."""
    rng = random.Random(seed)
    (root / "claims").mkdir(parents=True, exist_ok=True)
    (root / "claims" / "facts.yaml").write_text(textwrap.dedent(CLAIMS).lstrip(),
                                                encoding="utf-8")
    corpus = root / "corpus"
    corpus.mkdir(exist_ok=True)
    texts = []
    for i in range(documents):
        lang, pool = ("en", EN) if i % 3 else ("id", ID)
        body = " ".join(rng.choice(pool).format(d=rng.choice([6, 6, 7]), y=rng.choice(
            [2018, 1996]), n=rng.randint(2, 30)) for _ in range(rng.randint(3, 12)))
        texts.append((f"doc{i:05d}.txt",
                      f"---\nlanguage: {lang}\npublished: 2021-07-0{i % 9 + 1}\n---\n{body}\n"))
    for i in order if order is not None else range(documents):
        name, text = texts[i]
        (corpus / name).write_text(text, encoding="utf-8")
    return root


def factaudit(root: Path, *args: str, cache: Path | None = None, seed: str = "0",
              **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1",
           "FACTAUDIT_CACHE_DIR": str(cache or root / ".factaudit-cache")}
    env.pop("FACTAUDIT_DEBUG", None)
    return subprocess.Popen([sys.executable, "-m", "factaudit", *args], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def finish(process: subprocess.Popen, timeout: float = 240) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    assert "Traceback" not in err.decode(), err.decode()
    return process.returncode, out.decode(), err.decode()


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("big"))


@pytest.fixture(scope="module")
def reference(big, tmp_path_factory) -> bytes:
    """The JSON report of ``big``, from a run with a cache of its own."""
    cache = tmp_path_factory.mktemp("cache")
    code, out, err = finish(factaudit(big, "check", "--format", "json", cache=cache))
    assert code == 1, err
    data = json.loads(out)
    rules = {f["rule"] for f in data["findings"]}
    assert {"value-contradiction", "name-typo", "term-variant"} <= rules
    return out.encode()


def _visible_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


# ============================================================== killed runs


def test_a_run_killed_at_any_moment_leaves_the_previous_report_or_the_new_one(big, reference,
                                                                             tmp_path):
    reports = big / "reports"
    reports.mkdir(exist_ok=True)
    previous = b'{"previous": "report"}\n'
    delays = [0.3, 0.8, 1.4, 2.0, 2.7, 3.5, 4.5]
    runs = []
    for i in range(len(delays)):  # all at once, each with its own output and a fresh cache
        target = reports / f"killed{i}.json"
        target.write_bytes(previous)
        runs.append((target, factaudit(big, "check", "--format", "json", "--output",
                                       str(target), cache=tmp_path / f"cache{i}")))
    started = time.monotonic()
    for delay, (_, run) in zip(delays, runs, strict=True):
        time.sleep(max(0.0, started + delay - time.monotonic()))
        run.send_signal(signal.SIGKILL)
    outcomes = []
    for target, run in runs:
        run.communicate(timeout=60)
        content = target.read_bytes()
        assert content in (previous, reference), content[:200]
        outcomes.append("previous" if content == previous else "new")
    assert "previous" in outcomes, outcomes  # the kills did land mid-run
    assert _visible_leftovers(reports) == sorted(t.name for t, _ in runs)
    # a killed run's cache is still usable: the next run over it gives the same report
    code, out, _ = finish(factaudit(big, "check", "--format", "json", cache=tmp_path / "cache3"))
    assert code == 1 and out.encode() == reference


_KILLED_WRITER = """
import os, sys, time
from factaudit.report import atomic
real_fsync = os.fsync
def slow_fsync(fd):
    real_fsync(fd)
    print("written", flush=True)
    time.sleep(60)  # the data is in the temporary file; the rename has not happened
atomic.os.fsync = slow_fsync
atomic.write_atomic(sys.argv[1], "x" * 5_000_000)
"""


def test_killed_between_writing_and_renaming(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("previous\n")
    writer = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(target)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "written"
    writer.kill()
    writer.wait(timeout=30)
    assert target.read_text() == "previous\n"
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".report.json.")
    # the next successful write removes a stale temporary (an hour old), not a recent one
    write_atomic(target, "new\n")
    assert leftovers[0].exists()
    old = time.time() - STALE_SECONDS - 60
    os.utime(leftovers[0], (old, old))
    write_atomic(target, "newer\n")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert target.read_text() == "newer\n"


def test_an_exception_while_writing_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("previous\n")

    def broken_fsync(fd):
        raise KeyboardInterrupt  # Ctrl-C in the middle of the write

    monkeypatch.setattr("factaudit.report.atomic.os.fsync", broken_fsync)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n")
    assert target.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_full_disk_is_an_input_error_and_keeps_the_previous_file(tmp_path, monkeypatch):
    import errno

    target = tmp_path / "report.json"
    target.write_text("previous\n")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("factaudit.report.atomic.os.fsync", full)
    with pytest.raises(InputError, match="cannot write the output: No space left on device"):
        write_atomic(target, "new\n")
    assert target.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_that_cannot_be_written_is_an_input_error(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(InputError, match="cannot write the output"):
        write_atomic(tmp_path / "folder", "x")
    (tmp_path / "file").write_text("")
    with pytest.raises(InputError, match="cannot write the output"):
        write_atomic(tmp_path / "file" / "below.json", "x")


def test_reports_get_ordinary_file_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", "{}")
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644
        (tmp_path / "kept.json").write_text("")
        (tmp_path / "kept.json").chmod(0o640)
        write_atomic(tmp_path / "kept.json", "{}")
        assert (tmp_path / "kept.json").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_ctrl_c_exits_130_and_keeps_the_previous_report(big, reference, tmp_path):
    target = big / "reports" / "interrupted.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text("previous\n")
    run = factaudit(big, "check", "--format", "json", "--output", str(target),
                    cache=tmp_path / "cache")
    deadline = time.monotonic() + 60
    while not (tmp_path / "cache").exists() and time.monotonic() < deadline:
        time.sleep(0.02)  # until the audit has started (its cache folder is made)
    time.sleep(0.3)
    run.send_signal(signal.SIGINT)
    code, _, err = finish(run)
    assert code in (130, 1), err  # 1: a very fast machine had finished already
    if code == 130:
        assert err == "factaudit: interrupted\n"
        assert target.read_text() == "previous\n"
    else:
        assert target.read_bytes() == reference
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".interrupted")]


# ============================================================== concurrent runs


def test_concurrent_runs_in_one_repository_do_not_corrupt_each_other(big, reference):
    reports = big / "reports"
    reports.mkdir(exist_ok=True)
    target = reports / "shared.json"
    # two runs at once on one cache and one output file, and one writing SARIF beside them
    runs = [factaudit(big, "check", "--format", "json", "--output", str(target))
            for _ in range(2)]
    runs.append(factaudit(big, "check", "--format", "sarif", "--output",
                          str(reports / "shared.sarif")))
    for run in runs:
        code, _, err = finish(run)
        assert code == 1, err
    assert target.read_bytes() == reference
    assert json.loads((reports / "shared.sarif").read_text())["version"] == "2.1.0"
    assert not [p for p in reports.iterdir() if p.name.endswith(".tmp")]
    # and the cache they filled together gives the same report again
    code, out, _ = finish(factaudit(big, "check", "--format", "json"))
    assert out.encode() == reference


# ============================================================== damaged caches


def test_a_damaged_cache_is_rebuilt_not_a_crash(tmp_path):
    root = make_project(tmp_path / "project", documents=60)
    code, expected, _ = finish(factaudit(root, "check", "--format", "json",
                                         cache=tmp_path / "good"))
    (database,) = (tmp_path / "good").glob("*.sqlite3")
    for extra in (tmp_path / "good").glob("*.sqlite3-*"):
        extra.unlink()
    intact = database.read_bytes()
    flipped = bytearray(intact)
    for i in range(4096, len(flipped), 97):
        flipped[i] ^= 0xA5
    damages = {"garbage": b"not a database at all\n" * 100,
               "truncated": intact[: len(intact) // 3], "flipped": bytes(flipped)}
    runs = []
    for name, content in damages.items():
        cache = tmp_path / name
        cache.mkdir()
        (cache / database.name).write_bytes(content)
        runs.append(factaudit(root, "check", "--format", "json", cache=cache))
    (tmp_path / "folder" / database.name).mkdir(parents=True)  # cannot be opened at all
    runs.append(factaudit(root, "check", "--format", "json", cache=tmp_path / "folder"))
    for name, run in zip([*damages, "folder"], runs, strict=True):
        code, out, err = finish(run)
        assert code == 1, err
        data = json.loads(out)
        warnings = data.pop("warnings")
        assert data == {k: v for k, v in json.loads(expected).items() if k != "warnings"}, name
        # anything odd is a miss with one warning, never silent
        assert len(warnings) == 1 and "cache" in warnings[0], (name, warnings)


# ============================================================== byte-identical output


def test_same_inputs_give_byte_identical_json(tmp_path):
    count = 60
    first = make_project(tmp_path / "a", documents=count)
    order = list(range(count))
    random.Random(3).shuffle(order)
    second = make_project(tmp_path / "b", documents=count, order=order[::-1])
    for path in (second / "corpus").iterdir():  # other modification times too
        os.utime(path, (1_000_000_000, 1_000_000_000 + hash(path.name) % 1000))
    outputs = set()
    for root, seed in ((first, "1"), (first, "2"), (second, "3")):
        # cold cache (seeds 1, 3), then warm (2); different hash seeds for set order
        code, out, err = finish(factaudit(root, "check", "--format", "json", seed=seed))
        assert code == 1, err
        data = json.loads(out)
        outputs.add(out.replace(str(root), "<root>"))
    assert len(outputs) == 1
    assert data["summary"]["documents"] == count


def test_parallel_and_serial_runs_give_the_same_json(tmp_path, monkeypatch):
    from factaudit.report.json import to_json
    from tests.helpers import audit_paths

    root = make_project(tmp_path, documents=520)  # more than one batch of 512
    monkeypatch.chdir(root)
    serial = to_json(audit_paths(workers=1, cache=False))
    parallel = to_json(audit_paths(workers=2, cache=False))
    assert serial == parallel
