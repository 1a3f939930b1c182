"""Atomic file writes: a reader (or a killed run) never sees a half-written report."""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
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
    _sync_folder(path.parent)
    _sweep(path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


STALE_SECONDS = 3600  # no run spends an hour writing one file


def _sweep(path: Path) -> None:
    """Remove temporaries that runs killed mid-write (SIGKILL, power loss) left behind;
    a recent one may belong to a concurrent run that is still writing: it is kept."""
    now = time.time()
    for old in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - old.stat().st_mtime > STALE_SECONDS:
                old.unlink()


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
