"""Tables of documents, one per row: JSON Lines, CSV and Parquet, always streamed.

A table may be far larger than memory, so nothing here reads a whole file: JSON Lines and
CSV are read record by record, Parquet row group by row group. ``row_groups`` splits a
table into parts that separate tasks can read on their own: Parquet's row groups, or
runs of about ``CHUNK_BYTES`` for JSON Lines and CSV, found by one streaming pass whose
result is kept per process (so each task pays one fast scan, not a parse).

A row that cannot be used becomes a ``RowProblem`` in its place; a table that cannot be
used at all (unreadable file, no text column) raises ``Unreadable``. ``limits.max_bytes``
bounds one row; ``limits.max_seconds`` does not apply, since a big table is meant to
take long and every step of it is bounded.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import itertools
import json
import os
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from ._base import Columns, Limits, Row, RowProblem, Unreadable, one_line, require

CHUNK_BYTES = 10_000_000
_BOM = b"\xef\xbb\xbf"
_INDEX_CACHE: OrderedDict[tuple[str, str, int, int], _Index] = OrderedDict()
_INDEX_CACHE_SIZE = 16
_DELIMITERS = (",", ";", "\t", "|")

Part = tuple[int, int]


def table_kind(path: str) -> str | None:
    name = path.lower()
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith(".parquet"):
        return "parquet"
    return None


def _kind_or_fail(path: str) -> str:
    kind = table_kind(path)
    if kind is None:
        raise Unreadable(f"not a table file (.jsonl, .ndjson, .csv or .parquet): {path}")
    return kind


def _open(path: str) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise Unreadable(f"cannot open: {exc.strerror or exc}") from None


# --- values ---------------------------------------------------------------------------


def _as_text(value: Any) -> str | None:
    """A cell as text: JSON for nested values, ISO for dates; None for missing ones."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _published(value: Any) -> str | None:
    """ISO dates and timestamps are cut to the date; anything else is kept as written."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    text = _as_text(value)
    if text is None:
        return None
    text = text.strip()
    if len(text) > 10 and text[:4].isdigit() and text[4:5] == "-" and text[10] in "T ":
        return text[:10]
    return text


def _row(number: int, record: dict[str, Any], columns: Columns,
         limits: Limits) -> Row | RowProblem:
    """One table record as a Row, or the reason it is not one."""
    if columns.text not in record:
        return RowProblem(number, f"no {columns.text!r} field (fields: {_names(record)})")
    text = _as_text(record[columns.text])
    if text is None or not text.strip():
        return RowProblem(number, f"empty {columns.text!r}")
    if len(text) > limits.max_bytes:
        return RowProblem(number, f"text longer than limits.max_bytes ({limits.max_bytes:,})")
    raw_id = _as_text(record.get(columns.id))
    known = {columns.id, columns.text, columns.language, columns.published, columns.url,
             columns.title}
    metadata: dict[str, str] = {}
    for key, value in record.items():
        if key not in known:
            shown = _as_text(value)
            if shown is not None and shown != "":
                metadata[str(key)] = shown
    for key, column in (("language", columns.language), ("url", columns.url),
                        ("title", columns.title)):
        shown = _as_text(record.get(column))
        if shown is not None and shown.strip():
            metadata[key] = shown.strip()
    published = _published(record.get(columns.published))
    if published:
        metadata["published"] = published
    identifier = raw_id.strip() if raw_id is not None and raw_id.strip() else None
    return Row(number=number, id=identifier, text=text, metadata=metadata)


def _names(record: dict[str, Any] | list[str]) -> str:
    names = [str(k) for k in record]
    shown = ", ".join(names[:20]) + (", …" if len(names) > 20 else "")
    return shown or "none"


# --- lines ----------------------------------------------------------------------------


def _lines(handle: IO[bytes], offset: int,
           limit: int) -> Iterator[tuple[int, int, bytes | None]]:
    """(start, end, line) byte ranges from ``offset``; a line longer than ``limit`` is
    skipped without being held in memory and given as None. A UTF-8 BOM is dropped."""
    handle.seek(offset)
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        start = offset
        offset += len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 20)
                offset += len(line)
            yield start, offset, None
            continue
        if start == 0 and line.startswith(_BOM):
            line = line[len(_BOM):]
        yield start, offset, line


class _Index:
    """Checkpoints (row number, byte offset) about every CHUNK_BYTES, at record starts."""

    def __init__(self, rows: list[int], offsets: list[int], total: int) -> None:
        self.rows = rows
        self.offsets = offsets
        self.total = total  # the last row number

    def parts(self) -> list[Part]:
        if not self.rows:
            return []
        bounds = [*self.rows, self.total + 1]
        return [(first, nxt - first) for first, nxt in itertools.pairwise(bounds)
                if nxt > first]

    def seek(self, first: int) -> tuple[int, int]:
        """(row number, offset) of the last checkpoint at or before row ``first``."""
        at = max(bisect.bisect_right(self.rows, first) - 1, 0)
        return self.rows[at], self.offsets[at]


def _index(path: str, kind: str, build: Callable[[IO[bytes]], _Index]) -> _Index:
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise Unreadable(f"cannot open: {exc.strerror or exc}") from None
    key = (os.path.abspath(path), kind, stat.st_size, stat.st_mtime_ns)
    if key in _INDEX_CACHE:
        _INDEX_CACHE.move_to_end(key)
        return _INDEX_CACHE[key]
    with _open(path) as handle:
        index = build(handle)
    _INDEX_CACHE[key] = index
    while len(_INDEX_CACHE) > _INDEX_CACHE_SIZE:
        _INDEX_CACHE.popitem(last=False)
    return index


# --- JSON Lines -----------------------------------------------------------------------


def _jsonl_index(handle: IO[bytes]) -> _Index:
    return _index_of(offset for offset, _end, _line in _lines(handle, 0, CHUNK_BYTES))


def _index_of(starts: Iterable[int]) -> _Index:
    """Where parts of about CHUNK_BYTES begin, from the byte offset of each record."""
    rows: list[int] = []
    offsets: list[int] = []
    number = 0
    next_mark = 0
    for start in starts:
        number += 1
        if start >= next_mark:
            rows.append(number)
            offsets.append(start)
            next_mark = start + CHUNK_BYTES
    return _Index(rows, offsets, number)


def _jsonl_rows(path: str, columns: Columns, limits: Limits,
                part: Part | None) -> Iterator[Row | RowProblem]:
    first, count = part if part is not None else (1, sys.maxsize)
    number, offset = (1, 0)
    if part is not None:
        number, offset = _index(path, "jsonl", _jsonl_index).seek(first)
    with _open(path) as handle:
        for _start, _end, line in _lines(handle, offset, limits.max_bytes):
            current = number
            number += 1
            if current < first:
                continue
            if current >= first + count:
                return
            if line is None:
                yield RowProblem(current, f"line longer than limits.max_bytes "
                                          f"({limits.max_bytes:,})")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except UnicodeDecodeError as exc:
                yield RowProblem(current, f"not UTF-8: {one_line(exc, 120)}")
                continue
            except (ValueError, RecursionError) as exc:
                yield RowProblem(current, f"not JSON: {one_line(exc, 120)}")
                continue
            if not isinstance(record, dict):
                yield RowProblem(current, f"not a JSON object but {type(record).__name__}")
                continue
            yield _row(current, record, columns, limits)


def _jsonl_check(path: str, columns: Columns, limits: Limits) -> None:
    """A table whose first record lacks the text column is configured wrong, not broken
    row by row: say so once, naming the fields it has. Later rows without it are
    RowProblems, whichever part of the table is read."""
    with _open(path) as handle:
        for number, (_start, _end, line) in enumerate(_lines(handle, 0, limits.max_bytes)):
            if number >= 1000:
                return
            try:
                record = json.loads(line) if line is not None and line.strip() else None
            except (ValueError, RecursionError):
                continue
            if isinstance(record, dict):
                if columns.text not in record:
                    raise Unreadable(f"no text column {columns.text!r} in the first record; "
                                     f"its fields: {_names(record)}")
                return


# --- CSV ------------------------------------------------------------------------------


def _raise_field_limit(limits: Limits) -> None:
    """csv refuses fields over 128 KB by default; a long article is one field. The limit
    is process-wide, so it is only ever raised, and kept within a C long."""
    wanted = min(limits.max_bytes, 2**31 - 1)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def _delimiter(header: str) -> str:
    """The delimiter that splits the header line most: Excel writes ';' in many locales."""
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


class _CsvRecords:
    """csv.reader over binary lines, keeping the byte offset where each record starts and
    whether its bytes were valid UTF-8 and within limits."""

    def __init__(self, handle: IO[bytes], offset: int, limit: int, delimiter: str) -> None:
        self.position = offset
        self.bad: str | None = None
        self._source = _lines(handle, offset, limit)
        self._reader = csv.reader(self._feed(), delimiter=delimiter, strict=False)

    def _feed(self) -> Iterator[str]:
        for _start, end, line in self._source:
            self.position = end
            if line is None:
                self.bad = self.bad or "a line longer than limits.max_bytes"
                yield "\n"
                continue
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.bad = self.bad or f"not UTF-8 ({one_line(exc, 80)})"
                yield line.decode("utf-8", errors="replace")

    def __iter__(self) -> Iterator[tuple[int, list[str] | None, str | None]]:
        """(start offset, fields or None, problem)."""
        while True:
            start = self.position
            self.bad = None
            try:
                fields = next(self._reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, None, f"malformed CSV: {one_line(exc, 120)}"
                continue
            yield start, fields, self.bad


def _csv_header(handle: IO[bytes], limits: Limits) -> tuple[list[str], str, int]:
    """(column names, delimiter, offset of the first data record)."""
    handle.seek(0)
    first = handle.readline(min(limits.max_bytes, 1 << 20))
    if first.startswith(_BOM):
        first = first[len(_BOM):]
    delimiter = _delimiter(first.decode("utf-8", errors="replace"))
    reader = _CsvRecords(handle, 0, limits.max_bytes, delimiter)
    try:
        _start, fields, problem = next(iter(reader))
    except StopIteration:
        raise Unreadable("empty CSV (no header line)") from None
    if fields is None or problem:
        raise Unreadable(f"unreadable CSV header: {problem or 'malformed'}")
    # csv.reader pulls no line beyond the record it returns, so this is where data starts
    return [name.strip() for name in fields], delimiter, reader.position


def _csv_index_builder(limits: Limits) -> Callable[[IO[bytes]], _Index]:
    def build(handle: IO[bytes]) -> _Index:
        _, delimiter, offset = _csv_header(handle, limits)
        return _index_of(start for start, _fields, _problem
                         in _CsvRecords(handle, offset, limits.max_bytes, delimiter))

    return build


def _csv_check(path: str, columns: Columns, limits: Limits) -> None:
    with _open(path) as handle:
        names, _delimiter, _offset = _csv_header(handle, limits)
    if columns.text not in names:
        raise Unreadable(f"no text column {columns.text!r}; columns: {_names(names)}")


def _csv_rows(path: str, columns: Columns, limits: Limits,
              part: Part | None) -> Iterator[Row | RowProblem]:
    first, count = part if part is not None else (1, sys.maxsize)
    with _open(path) as handle:
        names, delimiter, offset = _csv_header(handle, limits)
        number = 1
        if part is not None:
            number, offset = _index(path, "csv", _csv_index_builder(limits)).seek(first)
        for _start, fields, problem in _CsvRecords(handle, offset, limits.max_bytes,
                                                    delimiter):
            current = number
            number += 1
            if current < first:
                continue
            if current >= first + count:
                return
            if fields is None or problem:
                yield RowProblem(current, problem or "malformed CSV record")
                continue
            if not any(field.strip() for field in fields):
                continue  # a blank line between records
            if len(fields) != len(names):
                yield RowProblem(current, f"{len(fields)} fields where the header has "
                                          f"{len(names)}")
                continue
            yield _row(current, dict(zip(names, fields, strict=True)), columns, limits)


# --- Parquet --------------------------------------------------------------------------


def _parquet(path: str) -> Any:
    pq = require("pyarrow.parquet", "Parquet", "tables")
    try:
        return pq.ParquetFile(path)
    except OSError as exc:
        raise Unreadable(f"cannot open Parquet file: {one_line(exc, 160)}") from None
    except Exception as exc:  # pyarrow raises ArrowInvalid and friends on a broken footer
        raise Unreadable(f"not a valid Parquet file: {one_line(exc, 160)}") from None


def _parquet_parts(table: Any) -> list[Part]:
    parts: list[Part] = []
    first = 1
    for group in range(table.metadata.num_row_groups):
        rows = table.metadata.row_group(group).num_rows
        parts.append((first, rows))
        first += rows
    return parts


def _parquet_check(path: str, columns: Columns) -> None:
    names = _parquet(path).schema_arrow.names
    if columns.text not in names:
        raise Unreadable(f"no text column {columns.text!r}; columns: {_names(names)}")


def _parquet_rows(path: str, columns: Columns, limits: Limits,
                  part: Part | None) -> Iterator[Row | RowProblem]:
    """Row group by row group, in batches, so memory holds one row group's pages at most."""
    table = _parquet(path)
    first, count = part if part is not None else (1, sys.maxsize)
    for group, (start, rows) in enumerate(_parquet_parts(table)):
        if start + rows <= first or start >= first + count:
            continue
        number = start
        try:
            for batch in table.iter_batches(batch_size=512, row_groups=[group]):
                for record in batch.to_pylist():
                    current = number
                    number += 1
                    if first <= current < first + count:
                        yield _row(current, record, columns, limits)
        except Unreadable:
            raise
        except Exception as exc:
            raise Unreadable(f"row group {group + 1} of the Parquet file is broken: "
                             f"{one_line(exc, 160)}") from None


# --- public -----------------------------------------------------------------------------


def iter_rows(
    path: str,
    columns: Columns = Columns(),  # noqa: B008 - frozen dataclasses: immutable defaults
    limits: Limits = Limits(),  # noqa: B008
    part: Part | None = None,
) -> Iterator[Row | RowProblem]:
    """The table's documents in order, a RowProblem in place of each unusable row.

    The file and its columns are checked when this is called (Unreadable then); rows are
    read only as they are iterated. ``part`` = (first row, row count), as given by
    ``row_groups``, reads only those rows.
    """
    kind = _kind_or_fail(path)
    if part is not None and (part[0] < 1 or part[1] < 0):
        raise Unreadable(f"invalid part {part!r}: rows are numbered from 1")
    if kind == "csv":
        _raise_field_limit(limits)
        _csv_check(path, columns, limits)
        return _csv_rows(path, columns, limits, part)
    if kind == "parquet":
        _parquet_check(path, columns)
        return _parquet_rows(path, columns, limits, part)
    _jsonl_check(path, columns, limits)
    return _jsonl_rows(path, columns, limits, part)


def row_groups(path: str, limits: Limits = Limits()) -> list[Part]:  # noqa: B008 - frozen
    """(first row, row count) parts that cover the table, for reading it in parallel
    tasks: Parquet's row groups, or about CHUNK_BYTES of JSON Lines or CSV each."""
    kind = _kind_or_fail(path)
    if kind == "parquet":
        return _parquet_parts(_parquet(path))
    if kind == "csv":
        _raise_field_limit(limits)
        return _index(path, "csv", _csv_index_builder(limits)).parts()
    return _index(path, "jsonl", _jsonl_index).parts()
