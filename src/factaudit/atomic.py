"""Atomic file writes: a reader (or a killed run) never sees a half-written report."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from factaudit.errors import InputError, Problem, display_path


def write_atomic(path: Path | str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    Readers, concurrent runs and a run killed at any moment see either the previous file or
    the complete new one. A file that cannot be written (a folder in the way, no permission,
    a full disk) is an InputError naming the path, not a traceback."""
    path = Path(path)
    try:
        _write(path, text)
    except OSError as exc:
        raise InputError(Problem(display_path(path), f"cannot write the output: "
                                 f"{exc.strerror or exc}",
                                 hint="choose a writable file path (not a folder) with "
                                 "--output")) from None


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise IsADirectoryError(21, "it is a folder")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates the file readable by its owner only; a report is an ordinary
        # file: keep the mode of the one it replaces, or use the default (umask) mode
        with contextlib.suppress(OSError):
            os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
