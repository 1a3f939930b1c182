"""Reading the files a user points factaudit at: regular files only, of bounded size.

A claims file, a manifest, a configuration or a document may be a link to a FIFO, a
device (``/dev/zero``) or a huge file. Opening a FIFO blocks forever and reading a device
never ends, so every input is opened without blocking, checked to be a regular file on
the open descriptor (no race between a check and the open), and read up to a limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MB = 1024 * 1024
HAND_WRITTEN_LIMIT = 16 * MB  # claims, manifests, language packs, pyproject.toml


class NotRegular(OSError):
    """The path is a folder, a FIFO, a device or a socket, not a file to read."""


class TooLarge(OSError):
    """The file is larger than what factaudit reads for its kind."""


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def kind_of(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file (following links), at most ``limit`` of them.

    Raises NotRegular, TooLarge or the OSError of the open (no such file, permission)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(0, f"it is {kind_of(st.st_mode)}, not a regular file",
                             str(path))
        if limit is not None and st.st_size > limit:
            raise TooLarge(0, f"it is larger than {limit // MB} MB", str(path))
        chunks = []
        remaining = st.st_size + 1 if limit is None else limit + 1
        first = True
        while remaining > 0:  # the file may grow while we read: never past the limit
            # the whole file in one read where it can be: one buffer, no joined copy
            chunk = os.read(fd, min(remaining, max(st.st_size + 1, 16 * MB) if first
                                    else 16 * MB))
            first = False
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            if limit is None and remaining <= 0:
                remaining = 16 * MB  # no limit: read to the end
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        if limit is not None and len(data) > limit:
            raise TooLarge(0, f"it is larger than {limit // MB} MB", str(path))
        return data
    finally:
        os.close(fd)


def describe(exc: OSError) -> str:
    """A short reason for a file that could not be read."""
    return exc.strerror or str(exc) or type(exc).__name__


def safe_resolve(path: Path) -> Path | None:
    """``path.resolve()``, or None for a link loop or a path the system refuses."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None
