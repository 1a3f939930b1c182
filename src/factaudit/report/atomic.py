"""Atomic file writes: a reader (or a killed run) never sees a half-written report."""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

from factaudit.model import InputError, Problem, display_path

STDOUT = "-"


class OverInput(InputError):
    """An output path that would replace one of the audit's own inputs."""


def refuse_inputs(target: Path | str | None, inputs: dict[str, Path | None]) -> None:
    """Refuse an output that resolves into an input folder or onto an input file.

    ``inputs`` maps a description ("the claims folder") to a path; folders protect what
    is inside them. A report written over a claims file or a corpus document destroys
    what the user wrote by hand, so this is checked before any work is done."""
    if target is None or str(target) == STDOUT:
        return
    resolved = _resolved(Path(target))
    for what, path in inputs.items():
        if path is None:
            continue
        protected = _resolved(Path(path))
        inside = protected.is_dir() and protected in resolved.parents
        if resolved == protected or inside:
            raise OverInput(Problem(
                display_path(target),
                f"refusing to write the output {'into' if inside else 'over'} {what} "
                f"({display_path(path)})", hint="choose a path outside the claims and corpus "
                "folders, not the manifest or pyproject.toml"))


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def write_output(path: Path | str, text: str) -> None:
    """Write a command's output: ``-`` is standard output; a device or a FIFO (``/dev/null``,
    ``/dev/stdout``, a named pipe), or a link to one, is written in place, never replaced;
    a link to a file keeps the link and replaces its target atomically; anything else is
    written atomically (``write_atomic``)."""
    if str(path) == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(path)
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise InputError(Problem(display_path(path), f"cannot write the output: "
                                     f"{exc.strerror or exc}")) from None
        return
    if path.is_symlink() and st is not None:
        path = _resolved(path)
    write_atomic(path, text)


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
