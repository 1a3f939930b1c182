"""A one-line progress display for long runs: documents, MB, rate and time left.

Shown only on an interactive terminal (stderr is a TTY), never in CI, and never mixed
into machine output (it writes to stderr and erases itself when done).
"""

from __future__ import annotations

import os
import sys
import time


class Progress:
    def __init__(self, total_docs: int, total_bytes: int, enabled: bool | None = None,
                 delay: float = 2.0) -> None:
        if enabled is None:
            enabled = sys.stderr.isatty() and not os.environ.get("CI")
        self.enabled = enabled
        self.total_docs, self.total_bytes = total_docs, total_bytes
        self.docs = self.bytes = 0
        self.start = time.monotonic()
        self.delay = delay  # runs shorter than this never show a bar
        self.last = 0.0
        self.shown = False

    def advance(self, docs: int, nbytes: int) -> None:
        self.docs += docs
        self.bytes += nbytes
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.delay or now - self.last < 0.2:
            return
        self.last = now
        elapsed = now - self.start
        rate = self.bytes / elapsed if elapsed else 0
        left = (self.total_bytes - self.bytes) / rate if rate else 0
        share = self.bytes / self.total_bytes if self.total_bytes else 1
        bar = "#" * int(share * 20)
        sys.stderr.write(
            f"\r[{bar:<20}] {self.docs:,}/{self.total_docs:,} documents, "
            f"{self.bytes / 1e6:,.1f}/{self.total_bytes / 1e6:,.1f} MB, "
            f"{rate / 1e6:,.1f} MB/s, {self.docs / elapsed:,.0f} docs/s, ETA {left:,.0f} s "
        )
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
