from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent

# Subprocesses (`python -m factaudit`) run in other folders: a relative PYTHONPATH such as
# `PYTHONPATH=src` must keep pointing at these sources there.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        str(Path(p).resolve()) for p in os.environ["PYTHONPATH"].split(os.pathsep) if p)


@pytest.fixture
def write(tmp_path):
    """Write a dedented text file under tmp_path and return its path."""

    def _write(relative: str, text: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


MINIMAL_CLAIMS = """
claims:
  - id: strategic
    statement: Russia became a strategic partner of ASEAN in 2018.
    type: year
    expected: 2018
    cues:
      en: [strategic partner]
      id: [mitra strategis]
entities:
  - name: Retno Marsudi
"""


@pytest.fixture
def project(write, tmp_path, monkeypatch):
    """A small audit project (claims/ and corpus/) as the working directory."""
    write("claims/facts.yaml", MINIMAL_CLAIMS)
    write("corpus/a.txt", "Russia has been a strategic partner of ASEAN since 1996.\n")
    write("corpus/b.txt", "Rusia menjadi mitra strategis ASEAN pada 2018. Retno Marsudi hadir.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path
