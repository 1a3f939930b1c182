"""A content-addressed cache of per-document results, in SQLite, holding plain JSON.

The key of a document's entry is the hash of its bytes, its path (an outcome names its
document, so two copies of one text are two entries) and its metadata, plus a *run key*: the
claims' digest, the tool version, the rules' configuration and the language packs, so a
change to any of them misses the cache. SQLite in WAL mode lets concurrent runs read while
one writes; writes happen in the main process, one transaction per batch, and a run
killed mid-write leaves the database as it was before that transaction.

The cache is untrusted: anyone who can write the folder (a restored CI cache, a shared
folder, a committed file) controls its contents. So it stores JSON, never pickles, and
reads only registered record types with checked fields (``factaudit.plain``); a database
whose schema holds anything but these tables (a trigger, a view, another table) is never
queried or written: it is moved aside with one warning, and the run starts a fresh one.
A damaged file is treated the same way. Nothing read from the cache can run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factaudit.engine import plain

SCHEMA = 2  # 1 stored pickles; 2 stores JSON
RACY_SECONDS = 2.0
MAX_VALUE_BYTES = 256 * 1024 * 1024  # larger results are recomputed, not stored

_TABLES = {
    "results": "CREATE TABLE results (key TEXT PRIMARY KEY, value BLOB)",
    # a file's stat signature → its document key, so an unchanged file is not hashed
    # again (as git's index does); written only for files older than RACY_SECONDS, so
    # that a later edit within the same clock tick cannot be missed
    "files": "CREATE TABLE files (sig TEXT PRIMARY KEY, key TEXT)",
    "runs": "CREATE TABLE runs (key TEXT PRIMARY KEY, value BLOB)",
}


def default_dir(root: Path) -> Path:
    return Path(os.environ.get("FACTAUDIT_CACHE_DIR") or root / ".factaudit-cache")


def document_key(raw: bytes, metadata: str, run_key: str) -> str:
    h = hashlib.blake2b(raw, digest_size=20)
    h.update(b"\0" + metadata.encode() + b"\0" + run_key.encode())
    return h.hexdigest()


class CacheNote(str):
    """A warning about the cache itself: true of this run only, never stored with it."""


class Cache:
    """One cache database. Every failure to read or write is a miss, never an error."""

    def __init__(self, folder: Path | str, readonly: bool = False) -> None:
        """``readonly``: a worker's view, for looking up results; only the main process
        creates, repairs and writes the database."""
        self.path = Path(folder) / f"documents-v{SCHEMA}.sqlite3"
        self.readonly = readonly
        self._notes: list[str] = []
        self.unreadable = 0  # stored values that were not what this version writes
        self._db: sqlite3.Connection | None = None
        self._off = False
        if readonly:
            return
        with contextlib.suppress(OSError):  # read-only checkout: runs without a cache
            self.path.parent.mkdir(parents=True, exist_ok=True)
        gitignore = self.path.parent / ".gitignore"
        with contextlib.suppress(OSError):
            if not gitignore.exists():
                gitignore.write_text("*\n", encoding="utf-8")

    # ----------------------------------------------------------------------- connection

    @property
    def db(self) -> sqlite3.Connection | None:
        """The connection, or None when the cache cannot be used in this run."""
        if self._db is None and not self._off and self.readonly:
            try:
                self._db = self._open_readonly()
            except (sqlite3.Error, OSError):
                self._off = True
        if self._db is None and not self._off:
            try:
                self._db = self._open()
            except (sqlite3.Error, OSError) as exc:
                self._reject(f"cannot be opened ({_reason(exc)})")
                try:
                    self._db = self._open()
                except (sqlite3.Error, OSError):
                    self._off = True
        return self._db

    def _open(self) -> sqlite3.Connection:
        if self.path.is_symlink() or (self.path.exists() and not self.path.is_file()):
            raise sqlite3.DatabaseError("not a regular file")
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            # never let the schema run SQL with side effects (triggers, views)
            db.execute("PRAGMA trusted_schema=OFF")
            db.execute("PRAGMA cell_size_check=ON")
            odd = _foreign_objects(db)
            if odd:
                db.close()
                self._reject(f"holds {odd}, which factaudit never creates")
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA trusted_schema=OFF")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            for create in _TABLES.values():
                db.execute(create.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1))
            if _foreign_objects(db):  # created between our check and now: give up
                raise sqlite3.DatabaseError("unexpected schema")
        except BaseException:
            db.close()
            raise
        return db

    def _open_readonly(self) -> sqlite3.Connection:
        if not self.path.is_file() or self.path.is_symlink():
            raise sqlite3.DatabaseError("no cache yet")
        db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30,
                             isolation_level=None)
        db.execute("PRAGMA trusted_schema=OFF")
        if _foreign_objects(db):
            db.close()
            raise sqlite3.DatabaseError("unexpected schema")  # the main process reports it
        return db

    def _reject(self, why: str) -> None:
        """Move an unusable database aside (it may be evidence) and start afresh."""
        aside = self.path.with_name(self.path.name + ".rejected")
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
        self._notes.append(f"cache {self.path} {why}: it was not used and was moved to "
                           f"{aside.name}; the audit ran without it")

    @property
    def warnings(self) -> list[CacheNote]:
        """What went wrong with the cache in this run, for the run's warnings."""
        out = [CacheNote(n) for n in self._notes]
        if self.unreadable:
            out.append(CacheNote(f"cache {self.path}: {self.unreadable} stored result(s) "
                                 "could not be read (damaged, or written by another version) "
                                 "and were recomputed"))
        return out

    def _fail(self, exc: Exception) -> None:
        """A read or write failed mid-run: a damaged file is set aside once."""
        if self.readonly:
            self.close()
            self._off = True
            return
        if isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc).lower():
            self.close()
            self._reject("is damaged (" + _reason(exc) + ")")
            self._off = True

    # ----------------------------------------------------------------------- reading

    def _rows(self, select: str, keys: list[str]) -> Iterator[tuple[Any, Any]]:
        """Rows of ``select ... IN (keys)``, 500 keys a query; a damaged database yields
        what it could read (the rest is a miss and is recomputed)."""
        db = self.db
        if db is None:
            return
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            try:
                rows = db.execute(f"{select} IN ({','.join('?' * len(chunk))})",
                                  chunk).fetchall()
            except sqlite3.Error as exc:
                self._fail(exc)
                return
            yield from rows

    def get_many(self, keys: list[str], expected: Any = Any, allow: tuple[Any, ...] = ()
                 ) -> dict[str, Any]:
        """Stored values by key; a value that is not what ``expected`` describes is a miss
        (``allow``: more types it may hold, such as the parts of rules' facts)."""
        out: dict[str, Any] = {}
        for key, value in self._rows("SELECT key, value FROM results WHERE key", keys):
            if not isinstance(key, str) or not isinstance(value, bytes | str):
                self.unreadable += 1
                continue
            try:
                out[key] = plain.loads(value, expected, allow)
            except plain.ShapeError:
                self.unreadable += 1
        return out

    def keys_of(self, sigs: list[str]) -> dict[str, str]:
        return {s: k for s, k in self._rows("SELECT sig, key FROM files WHERE sig", sigs)
                if isinstance(s, str) and isinstance(k, str)}

    def get_run(self, key: str, expected: Any = Any, allow: tuple[Any, ...] = ()) -> Any:
        db = self.db
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM runs WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        if row is None:
            return None
        if not isinstance(row[0], bytes | str):
            self.unreadable += 1
            return None
        try:
            return plain.loads(row[0], expected, allow)
        except plain.ShapeError:
            self.unreadable += 1
            return None

    # ----------------------------------------------------------------------- writing

    def put_keys(self, pairs: list[tuple[str, str]]) -> None:
        if pairs:
            self._write(["INSERT OR REPLACE INTO files (sig, key) VALUES (?, ?)"], [pairs])

    def put_many(self, items: list[tuple[str, Any]]) -> None:
        rows = [(k, blob) for k, v in items if (blob := _encode(v)) is not None]
        if rows:
            self._write(["INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)"], [rows])

    def put_run(self, key: str, value: Any) -> None:
        blob = _encode(value)
        if blob is None:
            return
        self._write(["DELETE FROM runs WHERE rowid NOT IN "  # keep the last few runs only
                     "(SELECT rowid FROM runs ORDER BY rowid DESC LIMIT 3)",
                     "INSERT OR REPLACE INTO runs (key, value) VALUES (?, ?)"],
                    [[()], [(key, blob)]])

    def _write(self, statements: list[str], rows: list[list[tuple[Any, ...]]]) -> None:
        if self.readonly:
            return
        db = self.db
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                for sql, params in zip(statements, rows, strict=True):
                    db.executemany(sql, params)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:  # damaged, locked for too long, read-only, full: the
            self._fail(exc)  # run goes on without storing; the next one recomputes

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _encode(value: Any) -> bytes | None:
    try:
        blob = plain.dumps(value)
    except (TypeError, OverflowError, MemoryError):
        return None
    return blob if len(blob) <= MAX_VALUE_BYTES else None


def _foreign_objects(db: sqlite3.Connection) -> str:
    """What, in the schema, factaudit did not create: '' when the schema is ours."""
    odd = []
    for kind, name, table, sql in db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"):
        if kind == "table" and _TABLES.get(name) == " ".join(str(sql).split()):
            continue
        if (kind == "index" and sql is None and table in _TABLES
                and str(name).startswith(f"sqlite_autoindex_{table}_")):
            continue
        odd.append(f"a {kind} {str(name)[:40]!r}")
    return ", ".join(odd[:3]) + (f" and {len(odd) - 3} more" if len(odd) > 3 else "")


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
