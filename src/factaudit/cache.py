"""A content-addressed cache of per-document results, in SQLite.

The key of a document's entry is the hash of its bytes and metadata plus a *run key*: the
claims' digest, the tool version and the rules' configuration, so a change to any of them
misses the cache. SQLite in WAL mode lets concurrent runs read while one writes; writes
happen in the main process, one transaction per batch, and a run killed mid-write leaves
the database as it was before that transaction.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sqlite3
from pathlib import Path

SCHEMA = 1


def default_dir(root: Path) -> Path:
    return Path(os.environ.get("FACTAUDIT_CACHE_DIR") or root / ".factaudit-cache")


def document_key(raw: bytes, metadata: str, run_key: str) -> str:
    h = hashlib.blake2b(raw, digest_size=20)
    h.update(b"\0" + metadata.encode() + b"\0" + run_key.encode())
    return h.hexdigest()


class Cache:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / f"documents-v{SCHEMA}.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        gitignore = self.path.parent / ".gitignore"
        if not gitignore.exists():
            with contextlib.suppress(OSError):
                gitignore.write_text("*\n", encoding="utf-8")
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB)")
            self._db = db
        return self._db

    def get_many(self, keys: list[str]) -> dict[str, object]:
        out: dict[str, object] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in self.db.execute(
                    f"SELECT key, value FROM results WHERE key IN ({marks})", chunk):
                try:
                    out[key] = pickle.loads(value)
                except Exception:  # an entry from an incompatible build: recompute it
                    continue
        return out

    def put_many(self, items: list[tuple[str, object]]) -> None:
        if not items:
            return
        rows = [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items]
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", rows)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
