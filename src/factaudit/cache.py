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
        with contextlib.suppress(OSError):  # read-only checkout: runs without a cache
            self.path.parent.mkdir(parents=True, exist_ok=True)
        gitignore = self.path.parent / ".gitignore"
        if not gitignore.exists():
            with contextlib.suppress(OSError):
                gitignore.write_text("*\n", encoding="utf-8")
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self._db = self._connect()
            except sqlite3.DatabaseError:  # a damaged file ("not a database"): it only holds
                for suffix in ("", "-wal", "-shm"):  # results that can be recomputed
                    with contextlib.suppress(OSError):
                        Path(f"{self.path}{suffix}").unlink()
                self._db = self._connect()
        return self._db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB)")
        except BaseException:
            db.close()
            raise
        return db

    def empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM results LIMIT 1").fetchone() is None

    def get_many(self, keys: list[str]) -> dict[str, object]:
        out: dict[str, object] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self.db.execute(
                    f"SELECT key, value FROM results WHERE key IN ({marks})", chunk).fetchall()
            except sqlite3.DatabaseError:  # damaged pages: a miss, the results are recomputed
                return out
            for key, value in rows:
                try:
                    out[key] = pickle.loads(value)
                except Exception:  # an entry from an incompatible build: recompute it
                    continue
        return out

    def put_many(self, items: list[tuple[str, object]]) -> None:
        if not items:
            return
        rows = [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items]
        try:
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)",
                               rows)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError:  # damaged, locked for too long or read-only: the run
            return  # goes on without storing; the next one recomputes these documents

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
