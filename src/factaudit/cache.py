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
RACY_SECONDS = 2.0


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
            # a file's stat signature → its document key, so an unchanged file is not
            # hashed again (as git's index does); only written for files that were already
            # older than RACY_SECONDS, so that a later edit within the same clock tick
            # cannot be missed
            db.execute("CREATE TABLE IF NOT EXISTS files (sig TEXT PRIMARY KEY, key TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, value BLOB)")
        except BaseException:
            db.close()
            raise
        return db

    def empty(self) -> bool:
        try:
            return self.db.execute("SELECT 1 FROM results LIMIT 1").fetchone() is None
        except sqlite3.DatabaseError:  # damaged or unreadable: as good as empty
            return True

    def _rows(self, select: str, keys: list[str]):
        """Rows of ``select ... IN (keys)``, 500 keys a query; a damaged database yields
        what it could read (the rest is a miss and is recomputed)."""
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            try:
                yield from self.db.execute(
                    f"{select} IN ({','.join('?' * len(chunk))})", chunk).fetchall()
            except sqlite3.DatabaseError:
                return

    def get_many(self, keys: list[str]) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, value in self._rows("SELECT key, value FROM results WHERE key", keys):
            try:
                out[key] = pickle.loads(value)
            except Exception:  # an entry from an incompatible build: recompute it
                continue
        return out

    def keys_of(self, sigs: list[str]) -> dict[str, str]:
        return dict(self._rows("SELECT sig, key FROM files WHERE sig", sigs))

    def put_keys(self, pairs: list[tuple[str, str]]) -> None:
        if pairs:
            self._write("INSERT OR REPLACE INTO files (sig, key) VALUES (?, ?)", pairs)

    def get_run(self, key: str):
        try:
            row = self.db.execute("SELECT value FROM runs WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:  # damaged: the run is done again
            return None
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:
            return None

    def put_run(self, key: str, value: object) -> None:
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(sqlite3.DatabaseError):  # not stored: recomputed next time
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            try:  # keep the last few runs only
                db.execute("DELETE FROM runs WHERE rowid NOT IN "
                           "(SELECT rowid FROM runs ORDER BY rowid DESC LIMIT 3)")
                db.execute("INSERT OR REPLACE INTO runs (key, value) VALUES (?, ?)",
                           (key, blob))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _write(self, sql: str, rows: list) -> None:
        with contextlib.suppress(sqlite3.DatabaseError):  # not stored: recomputed next time
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany(sql, rows)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

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
