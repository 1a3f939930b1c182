"""Loading a corpus folder into Documents.

A corpus holds text (``.txt``, ``.md``), web pages (``.html``), PDFs, office files
(``.docx``, ``.odt``) and tables of documents, one per row (``.jsonl``, ``.csv``,
``.parquet``); ``reading.formats`` turns each into the text that is audited. A file of a
type no reader knows is skipped and counted, never silently. Metadata comes from, in
order of precedence: an entry in the manifest ``sources.yaml``, YAML front matter at the
top of a text file (or a table's columns), what the file itself states (an HTML page's
title and date, a PDF's metadata), a dateline, and finally detection (language by
lingua, id from the file name). Document text is kept exactly as decoded or extracted, so
offsets and quotes match what ``factaudit extract`` prints.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from factaudit.model import (
    Document,
    DocumentInfo,
    InputError,
    PartialDate,
    Problem,
    display_path,
)
from factaudit.reading import formats
from factaudit.reading.dateline import find_dateline
from factaudit.reading.files import describe, kind_of, read_regular, safe_resolve
from factaudit.reading.text import WINDOW
from factaudit.reading.yamlsource import load_yaml

MANIFEST = "sources.yaml"
TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = tuple(formats.KINDS)  # every file type a reader knows
LIMITS = formats.Limits()
_DOC_KEYS = {"path", "id", "language", "published", "title", "url", "date_order", "encoding",
             "translation_of", "publisher"}


@dataclass(frozen=True, slots=True)
class Source:
    """A document found in the corpus but not yet read: where it is, what the manifest
    declares about it, and its size and stat signature (for the cache). An in-memory
    document (tests, mutation runs, other tools) carries its ``document``."""

    file: str  # the path to read ("" for a document held in memory)
    shown: str  # the path as users see it
    declared: dict[str, object] = field(default_factory=dict)  # manifest metadata
    size: int = 0
    stat: tuple[int, int, int] | None = None  # size, modification time, inode
    manifest: str | None = None  # "corpus/sources.yaml:12", where the entry is
    document: Document | None = None
    kind: str = "text"  # the reader it needs (reading.formats.KINDS)
    part: tuple[int, int] | None = None  # a table's rows: (first row, how many)

    @property
    def metadata_key(self) -> str:
        """What, besides its bytes, decides how the document is read: for cache keys."""
        return json.dumps({**{k: str(v) for k, v in sorted(self.declared.items())},
                           "kind": self.kind, "part": self.part})


# what a file outside the manifest declares: one dict shared by all of them (never
# written to: every reader copies it), not an empty dict for each of 100,000 files
NOTHING_DECLARED: dict[str, object] = {}


def in_memory(document: Document) -> Source:
    """A Source for a document that is already read."""
    return Source("", document.path, {}, len(document.text), None, None, document)


@dataclass
class Corpus:
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)

    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}


@dataclass
class Discovery:
    """The documents of a corpus folder, found but not yet read (see ``read_source``), and
    how many files of each type were found and skipped."""

    folder: str
    sources: list[Source]
    warnings: list[str]
    total_bytes: int = 0
    found: dict[str, int] = field(default_factory=dict)  # ".html" → files to read
    skipped: dict[str, int] = field(default_factory=dict)  # ".png" → files no reader knows


def load_corpus(folder: Path, languages: Iterable[str] = ("en", "id")) -> Corpus:
    """Every text document in ``folder`` (recursively), with metadata. Raises InputError."""
    found = discover(folder)
    warnings = list(found.warnings)
    return Corpus(read_all(found.sources, tuple(languages), warnings, found.folder), warnings)


def read_all(sources: list[Source], languages: tuple[str, ...], warnings: list[str],
             folder: str) -> list[Document]:
    """Every source read into a Document (skipped files add to ``warnings``); raises
    InputError with every document's problems, duplicate ids, or an empty corpus."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for source in sources:
        try:
            documents += read_documents(source, languages, warnings)
        except InputError as exc:
            problems.extend(exc.problems)
    problems += duplicate_ids([(d.id, d.path) for d in documents])
    if problems:
        raise InputError(problems)
    if not documents:
        raise InputError(no_documents(folder))
    return documents


def no_documents(shown: str) -> Problem:
    return Problem(shown, "the corpus folder has no readable documents",
                   hint=f"add documents ({', '.join(SUFFIXES)}), or list them in {MANIFEST}")


def duplicate_ids(ids_and_paths: Iterable[tuple[str, str]]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for doc_id, path in ids_and_paths:
        if doc_id in seen:
            problems.append(duplicate_id(doc_id, path, seen[doc_id]))
        else:
            seen[doc_id] = path
    return problems


def duplicate_id(doc_id: str, path: str, other: str) -> Problem:
    return Problem(path, f"duplicate document id {doc_id!r} (also used by {other})",
                   hint="give each document a unique id in sources.yaml")


def discover(folder: Path) -> Discovery:
    """List the corpus's documents without reading them: manifest entries first, then every
    other .txt/.md file in sorted order. Raises InputError for an unusable folder or manifest."""
    folder = Path(folder)
    shown = display_path(folder)
    if not folder.exists():
        raise InputError(Problem(shown, "corpus folder does not exist",
                                 hint="pass --corpus DIR or create corpus/ with documents"))
    if not folder.is_dir():
        raise InputError(Problem(shown, "corpus path is not a folder", hint="pass a folder"))
    try:
        os.scandir(folder).close()
    except OSError as exc:
        raise InputError(Problem(shown, f"cannot read the corpus folder ({describe(exc)})",
                                 hint="make it readable (chmod u+rx) or run as its owner")
                         ) from None
    root = folder.resolve()
    entries, problems = _read_manifest(folder, root)
    if problems:
        raise InputError(problems)
    warnings: list[str] = []
    found: dict[str, int] = {}
    skipped: dict[str, int] = {}
    for e in entries:
        suffix = os.path.splitext(e.file)[1].lower()
        found[suffix] = found.get(suffix, 0) + 1
    entries = [part for e in entries for part in _parts(e, warnings)]
    listed = {e.file for e in entries}
    walked: dict[str, str] = {}
    root_text = str(root)
    total = sum(e.size for e in entries)
    prefix = shown.rstrip("/") + "/" if shown not in (".", "") else ""
    for relative, item, trouble in _walk(str(folder), ""):
        shown_path = prefix + relative
        if trouble:
            warnings.append(f"{shown_path}: skipped, {trouble}")
            continue
        kind = formats.kind_of(item.name)
        if kind is None:
            if not _ignored(relative):
                suffix = os.path.splitext(item.name)[1].lower() or "(no suffix)"
                skipped[suffix] = skipped.get(suffix, 0) + 1
            continue
        # paths are kept as text: a corpus of 100,000 files should not hold 100,000 Paths
        if item.is_symlink():
            target = safe_resolve(Path(item.path))
            if target is None:
                warnings.append(f"{shown_path}: skipped, a link that leads nowhere (a loop "
                                "of links, or a path the system refuses)")
                continue
            if not _inside(target, root):
                warnings.append(f"{shown_path}: skipped, it links outside the corpus folder")
                continue
            resolved = str(target)
        else:
            resolved = os.path.join(root_text, relative)
        if resolved in listed:
            continue
        if resolved in walked:  # a link to a file the walk reads anyway
            warnings.append(f"{shown_path}: skipped, the same file as {walked[resolved]}")
            continue
        if shown_path == resolved:
            shown_path = resolved  # one string for both (an absolute corpus path)
        walked[resolved] = shown_path
        try:
            st = item.stat()
        except OSError as exc:
            warnings.append(f"{shown_path}: skipped, cannot read ({describe(exc)})")
            continue
        total += st.st_size
        suffix = os.path.splitext(item.name)[1].lower()
        found[suffix] = found.get(suffix, 0) + 1
        entries += _parts(Source(resolved, shown_path, NOTHING_DECLARED, st.st_size,
                                 (st.st_size, st.st_mtime_ns, st.st_ino), kind=kind), warnings)
    summary = _summary(found, skipped)
    if summary:
        warnings.insert(0, summary)
    return Discovery(shown, entries, warnings, total, found, skipped)


def extract_file(path: Path, languages: tuple[str, ...]) -> tuple[list[Document], list[str]]:
    """The documents of one file as the audit reads them (``factaudit extract``), with
    the warnings. Raises InputError for a path that is not a readable regular file."""
    shown = display_path(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(Problem(shown, f"cannot read it ({describe(exc)})",
                                 hint="give the path of a document file")) from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(Problem(shown, f"it is {kind_of(st.st_mode)}, not a file",
                                 hint="give the path of a document file"))
    kind = formats.kind_of(path.name)
    if kind is None:
        raise InputError(Problem(shown, "no reader for this type of file",
                                 hint=f"supported: {', '.join(SUFFIXES)}"))
    warnings: list[str] = []
    source = Source(str(path), shown, {}, st.st_size, (st.st_size, st.st_mtime_ns, st.st_ino),
                    kind=kind)
    documents = [d for part in _parts(source, warnings)
                 for d in read_documents(part, languages, warnings)]
    return documents, warnings


def _ignored(relative: str) -> bool:
    """Files that are not documents and need no mention: hidden files, the manifest."""
    name = relative.rsplit("/", 1)[-1]
    return name.startswith(".") or relative == MANIFEST


def _summary(found: dict[str, int], skipped: dict[str, int]) -> str | None:
    """"corpus: read .txt 5, .html 1; skipped .png 2 (no reader for these types)": said
    whenever the corpus holds more than plain text, so no file goes unnoticed."""
    if not skipped and set(found) <= set(TEXT_SUFFIXES):
        return None
    read = ", ".join(f"{k} {v}" for k, v in sorted(found.items())) or "nothing"
    text = f"corpus: read {read}"
    if skipped:
        text += ("; skipped " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items()))
                 + f" (no reader for these types; supported: {', '.join(SUFFIXES)})")
    return text


def _parts(source: Source, warnings: list[str]) -> list[Source]:
    """A table is read in parts (one task each, never the whole table at once); any other
    file is one part. A table that cannot be used is skipped with its reason."""
    kind = source.kind if source.kind != "text" else (formats.kind_of(source.file) or "text")
    source = replace(source, kind=kind)
    if kind != "table":
        return [source]
    try:
        groups = formats.row_groups(source.file, LIMITS)
    except formats.Unreadable as exc:
        warnings.append(f"{source.shown}: skipped, {exc}")
        return []
    total = sum(n for _, n in groups) or 1
    return [replace(source, part=(first, count), size=max(1, source.size * count // total))
            for first, count in groups]


def _walk(folder: str, relative: str):
    """(relative path, DirEntry, None) of every text file below ``folder`` in sorted order,
    and (relative path, None, why) for what is skipped: a folder that cannot be read, a
    link to a folder (not followed, so a loop of links cannot trap the walk)."""
    try:
        items = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        if relative:  # the corpus folder itself is checked by the caller
            yield relative.rstrip("/"), None, f"cannot read this folder ({describe(exc)})"
        return
    for item in items:
        path = relative + item.name
        try:
            if item.is_dir(follow_symlinks=False):
                yield from _walk(item.path, path + "/")
            elif item.is_symlink() and _is_dir(item.path):
                yield path, None, (f"a link to a folder (links to folders are not followed; "
                                   f"link the files, or list them in {MANIFEST})")
            elif item.is_file():
                yield path, item, None
        except OSError as exc:
            yield path, None, f"cannot read it ({describe(exc)})"


def _is_dir(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _inside(path: Path, root: Path) -> bool:
    resolved = safe_resolve(path)
    if resolved is None:
        return False
    try:
        resolved.relative_to(root)
        return True
    except ValueError:
        return False


def _read_manifest(folder: Path, root: Path) -> tuple[list[Source], list[Problem]]:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return [], []
    doc = load_yaml(manifest)
    data = doc.data or {}
    problems: list[Problem] = []

    def problem(key, message, hint=None):
        line = doc.locate(key)
        problems.append(Problem(doc.path, message, line[0] if line else None,
                                line[1] if line else None, hint))

    if not isinstance(data, dict) or set(data) - {"defaults", "documents"}:
        problem((), "a manifest has the keys 'defaults' and 'documents'",
                "see docs/corpus.md, 'The manifest: sources.yaml'")
        return [], problems
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        problem(("defaults",), "'defaults' must be a mapping")
        defaults = {}
    for key in set(defaults) - (_DOC_KEYS - {"path", "id"}):
        problem(("defaults", key), f"unknown key {key!r} in defaults")
    entries = []
    listed = data.get("documents") or []
    if not isinstance(listed, list):
        problem(("documents",), "'documents' must be a list of entries ('- path: …')")
        listed = []
    for i, item in enumerate(listed):
        if not isinstance(item, dict) or "path" not in item:
            problem(("documents", i), "each document needs at least a 'path'")
            continue
        for key in set(item) - _DOC_KEYS:
            problem(("documents", i, key), f"unknown key {key!r}",
                    f"allowed keys: {', '.join(sorted(_DOC_KEYS))}")
        shown_value = str(item["path"])
        shown_value = shown_value if len(shown_value) <= 80 else shown_value[:77] + "..."
        path = (folder / str(item["path"]))
        resolved = safe_resolve(path)
        if resolved is None:
            problem(("documents", i, "path"), f"path {shown_value!r} cannot be used (a loop "
                    "of links, or a path the system refuses)", "list a file of the corpus")
            continue
        if not _inside(resolved, root):
            problem(("documents", i, "path"), f"path {shown_value!r} leads outside the corpus",
                    "list only files inside the corpus folder")
            continue
        try:
            st = os.stat(resolved)
        except OSError as exc:
            problem(("documents", i, "path"), f"no such file: {shown_value} "
                    f"({describe(exc)})", "fix the path or remove the entry")
            continue
        if not stat.S_ISREG(st.st_mode):
            problem(("documents", i, "path"), f"{shown_value} is {kind_of(st.st_mode)}, not a "
                    "file", "list regular files only")
            continue
        line = doc.locate(("documents", i))
        declared = {k: v for k, v in {**defaults, **item}.items() if k != "path"}
        entries.append(Source(str(resolved), display_path(path), declared, st.st_size,
                              (st.st_size, st.st_mtime_ns, st.st_ino),
                              f"{doc.path}:{line[0] if line else '?'}"))
    return entries, problems


def _decode(raw: bytes, encoding: str | None) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason)."""
    if encoding:
        try:
            return raw.decode(encoding), None
        except (UnicodeDecodeError, LookupError) as exc:
            return None, f"cannot decode as {encoding}: {exc}"
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00
        try:
            return raw.decode("utf-32"), None
        except UnicodeDecodeError as exc:
            return None, f"invalid UTF-32: {exc}"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            return None, f"invalid UTF-16: {exc}"
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16:
            return None, (f"looks like {utf16.upper()} text without a byte-order mark; "
                          f"declare 'encoding: {utf16}' for it in sources.yaml")
        return None, "binary file (contains NUL bytes)"
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        try:
            raw.decode("cp1252")
        except UnicodeDecodeError:
            return None, f"{reason}; re-save as UTF-8 or declare its encoding in sources.yaml"
        # not guessed silently: Latin-1, cp1252 and others decode the same bytes differently
        return None, (f"{reason}; it reads as cp1252 (Windows Western European): declare "
                      "'encoding: cp1252' for it in sources.yaml if that is right, or re-save "
                      "it as UTF-8")


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like mostly-ASCII UTF-16 without a BOM."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:4096]
    for name, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                raw.decode(name)
            except UnicodeDecodeError:
                return None
            return name
    return None


_SIMPLE_HEADER = re.compile(r"(?:[a-z_]+: [\w.:/@ -]*\n)+")


def _front_matter(text: str, shown: str) -> tuple[dict, str, int]:
    """(metadata, body, first body line) of a text that may start with '---' front matter."""
    if not text.startswith("---"):
        return {}, text, 1
    end = text.find("\n---", 3)
    if end == -1:
        return {}, text, 1
    header = text[3:end]
    body_start = text.find("\n", end + 4)
    body_start = len(text) if body_start == -1 else body_start + 1
    first_line = text[:body_start].count("\n") + 1
    simple = header.lstrip("\n") + "\n"
    if _SIMPLE_HEADER.fullmatch(simple) and not re.search(r": *(\d+(\.\d*)?|true|false|"
                                                          r"null|~|yes|no|on|off)?\n", simple):
        # plain "key: text" lines, the common case in large corpora: no YAML parser needed
        pairs = [line.split(": ", 1) for line in simple.splitlines()]
        if len({k for k, _ in pairs}) == len(pairs):  # else YAML reports the duplicate key
            return {k: v.strip() for k, v in pairs}, text[body_start:], first_line
    try:
        meta = load_yaml(Path(shown), header).data or {}
    except InputError as exc:  # same checks as claims: positions, aliases, no tags, dates
        raise InputError([replace(p, message=f"invalid front matter: {p.message}",
                                  hint=p.hint or "front matter is YAML between two '---' lines")
                          for p in exc.problems]) from None
    if not isinstance(meta, dict):
        return {}, text, 1
    # YAML escapes can write lone surrogates ("\\udc80"), which no output can carry
    meta = {k: _whole_text(v) for k, v in meta.items()}
    return meta, text[body_start:], text[:body_start].count("\n") + 1


def _whole_text(value: object) -> object:
    if isinstance(value, str) and not value.isascii():
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return value


MAX_DOCUMENT_BYTES = 1024 * 1024 * 1024  # a larger "document" is a mistake or an attack


def source_bytes(source: Source) -> bytes:
    """The file's bytes: a regular file only (never a FIFO or a device), up to 1 GB. For
    a part of a table: its rows, streamed from the file and written as compact JSON (what
    the cache keys on and the reader reads back). Raises OSError."""
    if source.document is not None:
        return source.document.text.encode("utf-8", "surrogatepass")
    if source.kind == "table" and source.part is not None:
        rows: list[object] = []
        try:
            for row in formats.iter_rows(source.file, _columns(source), LIMITS, source.part):
                rows.append([row.number, row.id, row.text, row.metadata]
                            if isinstance(row, formats.Row) else [row.number, row.reason])
        except formats.Unreadable as exc:
            raise OSError(str(exc)) from None
        return orjson.dumps(rows)
    return read_regular(source.file, MAX_DOCUMENT_BYTES)


def _columns(source: Source) -> formats.Columns:
    """A table's column names: the defaults, or what the manifest says (text_column: …)."""
    names = {k.removesuffix("_column"): str(v) for k, v in source.declared.items()
             if k.endswith("_column")}
    return formats.Columns(**names)


def read_documents(source: Source, languages: tuple[str, ...], warnings: list[str],
                   raw: bytes | None = None) -> list[Document]:
    """Every document of one source: a text file, a page, a PDF, an office file, or the
    rows of a part of a table. A file that cannot be read adds a warning and no document;
    bad declared metadata raises InputError (with the file and line)."""
    if source.document is not None or source.kind == "text":
        doc = read_source(source, languages, warnings, raw)
        return [doc] if doc is not None else []
    if raw is None:
        try:
            raw = source_bytes(source)
        except OSError as exc:
            warnings.append(f"{source.shown}: skipped, {describe(exc)}")
            return []
    if source.kind == "table":
        return _table_documents(source, raw, languages, warnings)
    encoding = source.declared.get("encoding")
    try:
        extracted = formats.extract(raw, source.kind, LIMITS,
                                    str(encoding) if encoding else None)
    except formats.Unreadable as exc:
        warnings.append(f"{source.shown}: skipped, {exc}")
        return []
    warnings += [f"{source.shown}: {w}" for w in extracted.warnings]
    problems = _metadata_problems(source, {}, "", languages)
    if problems:
        raise InputError(problems)
    info = {**_stated(extracted.metadata, languages), **source.declared}
    doc = _document(source, info, extracted.text, languages, warnings,
                    kind=source.kind, pages=extracted.pages, page_lines=extracted.lines,
                    headings=extracted.headings)
    return [doc]


def _stated(metadata: dict[str, str], languages: tuple[str, ...]) -> dict[str, object]:
    """What a file says about itself, kept only where it is usable: a date that parses, a
    language of the project (a page's own claims are untrusted, and never an error)."""
    out: dict[str, object] = {}
    for key in ("title", "url"):
        if metadata.get(key):
            out[key] = one_line_text(metadata[key])
    if metadata.get("site"):
        out["publisher"] = one_line_text(metadata["site"])
    if metadata.get("published"):
        try:
            PartialDate.parse(metadata["published"])
            out["published"] = metadata["published"]
        except ValueError:
            pass
    language = normal_language(metadata.get("language", ""))[:2]
    if language in languages:
        out["language"] = language
    return out


def one_line_text(value: str, limit: int = 300) -> str:
    flat = " ".join(str(value).split())
    return flat[:limit]


def _table_documents(source: Source, raw: bytes, languages: tuple[str, ...],
                     warnings: list[str]) -> list[Document]:
    """The rows of a part of a table, each a document "file#id" (or "file#row")."""
    try:
        rows = orjson.loads(raw)
    except orjson.JSONDecodeError:
        warnings.append(f"{source.shown}: skipped, its rows could not be read back")
        return []
    stem = Path(source.file).stem
    docs = []
    for row in rows:
        if len(row) == 2:  # a row that cannot be used
            warnings.append(f"{source.shown}: row {row[0]} skipped, {row[1]}")
            continue
        number, row_id, text, metadata = row
        info = {**_stated(metadata, languages), **{k: v for k, v in source.declared.items()
                                                  if not k.endswith("_column")}}
        info["id"] = f"{stem}#{row_id if row_id else number}"
        for key in ("translation_of", "publisher", "date_order"):
            if metadata.get(key):
                info[key] = metadata[key]
        docs.append(_document(source, info, text, languages, warnings, kind="table",
                              row=number))
    return docs


def read_source(source: Source, languages: tuple[str, ...], warnings: list[str],
                raw: bytes | None = None) -> Document | None:
    """Read one discovered document; None (with a warning) when it cannot be decoded.
    ``raw`` is the file's content when the caller has already read it."""
    if source.document is not None:
        return source.document
    shown = source.shown
    if raw is None:
        try:
            raw = source_bytes(source)
        except OSError as exc:
            warnings.append(f"{shown}: skipped, cannot read ({describe(exc)})")
            return None
    encoding = source.declared.get("encoding")
    text, reason = _decode(raw, str(encoding) if encoding else None)
    if text is None:
        warnings.append(f"{shown}: skipped, {reason}")
        return None
    meta, body, first_line = _front_matter(text, shown)
    info = {**meta, **source.declared}
    problems = _metadata_problems(source, meta, text[: len(text) - len(body)], languages)
    if problems:
        raise InputError(problems)
    return _document(source, info, body, languages, warnings, first_line=first_line)


def _document(source: Source, info: dict[str, object], body: str,
              languages: tuple[str, ...], warnings: list[str], first_line: int = 1,
              language_source: str | None = None, **place: Any) -> Document:
    """A Document from its text and metadata (detecting the language when none is given,
    reading the publication date from a dateline when no metadata gives one)."""
    shown = source.shown
    published = info.get("published")
    if isinstance(published, dt.date):
        published = published.isoformat()
    published = str(published) if published else None
    language = info.get("language")
    if language:
        language = normal_language(language)
        language_source = language_source or "declared"
    else:
        language = detect_language(body, languages)
        language_source = "detected"
        if language is None:
            language = languages[0]
            language_source = "default"
            what = ("the document is empty" if not body.strip()
                    else "language could not be detected")
            warnings.append(f"{shown}: {what}; assumed language {language!r}")
    order = info.get("date_order")
    dateline = find_dateline(body, str(language))
    published_source = "declared" if published else None
    if dateline is not None and dateline.date is not None and not published:
        published, published_source = str(dateline.date), "dateline"
    return Document(
        id=str(info.get("id") or Path(source.file or source.shown).stem),
        path=shown,
        text=body,
        language=str(language),
        language_source=language_source or "declared",
        published=published,
        title=_text(info.get("title")),
        url=_text(info.get("url")),
        date_order=str(order).upper() if order else None,
        translation_of=_text(info.get("translation_of")),
        publisher=_text(info.get("publisher")),
        first_line=first_line,
        digest=text_digest(body),
        published_source=published_source,
        dateline=(dateline.start, dateline.end) if dateline is not None else None,
        **place,
    )


def read_text(source: Source, info: DocumentInfo) -> Document | None:
    """The text of a document audited before, with the metadata the audit found (its
    language is not detected again, its dateline not read again). None when the file
    cannot be read or decoded any more, or no longer holds the text that was audited (the
    offsets of its findings would point elsewhere)."""
    if source.document is not None:
        return source.document
    try:
        held = [source_bytes(source)]
    except OSError:
        return None
    body = _body(source, held, info)
    if body is None:
        return None
    if info.digest is not None and text_digest(body) != info.digest:
        return None
    fields = {f: getattr(info, f) for f in DocumentInfo.__dataclass_fields__}
    return Document(**fields, text=body)


def _body(source: Source, held: list[bytes], info: DocumentInfo) -> str | None:
    """The audited text of one document of a source, extracted again without reading its
    metadata (None when it can no longer be). Takes the bytes out of ``held``: those of a
    very long file are let go once decoded."""
    raw = held.pop()
    encoding = source.declared.get("encoding")
    if source.kind == "table":
        try:
            rows = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return None
        return next((row[2] for row in rows if len(row) == 4 and row[0] == info.row), None)
    if source.kind != "text":
        try:
            return formats.extract(raw, source.kind, LIMITS,
                                   str(encoding) if encoding else None).text
        except formats.Unreadable:
            return None
    text, _ = _decode(raw, str(encoding) if encoding else None)
    del raw
    if text is None:
        return None
    try:
        return _front_matter(text, source.shown)[1]
    except InputError:
        return None


def text_digest(text: str) -> str:
    """A digest of the text, encoded a window at a time (no copy of a very long text)."""
    h = hashlib.blake2b(digest_size=8)
    for lo in range(0, len(text), WINDOW):
        h.update(text[lo:lo + WINDOW].encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _metadata_problems(source: Source, meta: dict, head: str,
                       languages: tuple[str, ...] = ()) -> list[Problem]:
    """Every problem with a document's metadata (front matter and manifest entry), each at
    the line that sets it: the front matter's line, or the manifest entry. A declared
    language must be one of the project's ``languages``: it selects a language pack, and
    document data never names anything else (a file, a folder)."""
    shown = source.shown
    lines = {m.group(1): head.count("\n", 0, m.start()) + 1
             for m in re.finditer(r"^([^\s:#][^:\n]*?)\s*:", head, re.M)}
    problems = []

    def problem(key: str, message: str, hint: str | None = None) -> None:
        if key in source.declared:  # set in sources.yaml (or its defaults)
            problems.append(Problem(source.manifest or shown, message, hint=hint))
        else:
            problems.append(Problem(shown, message, lines.get(str(key), 1), hint=hint))

    for key in sorted(set(meta) - _DOC_KEYS, key=str):
        close = difflib.get_close_matches(str(key), sorted(_DOC_KEYS - {"path"}), n=1)
        problem(key, f"unknown front matter key {key!r}",
                f"did you mean {close[0]!r}?" if close else
                f"allowed keys: {', '.join(sorted(_DOC_KEYS - {'path'}))}")
    info = {**meta, **source.declared}
    for key in sorted(_DOC_KEYS - {"path", "published"}):
        if isinstance(info.get(key), list | dict | bytes):
            problem(key, f"{key} must be a single text, not {type(info[key]).__name__}",
                    "write one value on the line")
    published = info.get("published")
    if published is not None and not isinstance(published, dt.date):
        try:
            PartialDate.parse(str(published))
        except ValueError as exc:
            problem("published", f"bad published date {published!r}: {exc}",
                    "write YYYY, YYYY-MM or YYYY-MM-DD")
    order = info.get("date_order")
    if order is not None and str(order).upper() not in ("DMY", "MDY", "YMD"):
        problem("date_order", f"date_order must be DMY, MDY or YMD, not {order!r}")
    language = info.get("language")
    if languages and language not in (None, "") and not isinstance(language, list | dict):
        code = normal_language(language)
        if code not in languages:
            shown_code = str(language)[:40]
            problem("language", f"language {shown_code!r} is not one of this project's "
                    f"languages ({', '.join(languages)})",
                    "write one of those codes, or add the language to 'languages' in "
                    "[tool.factaudit]")
    problems.sort(key=lambda p: (p.path, p.line or 0))
    return problems


def normal_language(value: object) -> str:
    """A declared language code as the project writes it: "EN" and " en " are "en"."""
    return str(value).strip().lower()


def metadata_problems(found: Discovery, languages: tuple[str, ...] = ()) -> list[Problem]:
    """The metadata problems of every document, without auditing it: lets a run whose
    claims do not load still report the corpus's problems too, all in one go."""
    problems: list[Problem] = []
    for source in found.sources:
        try:
            raw = source_bytes(source)
        except OSError:
            continue  # warned about when the documents are read
        encoding = source.declared.get("encoding")
        text, _ = _decode(raw, str(encoding) if encoding else None)
        if text is None:
            continue
        try:
            meta, body, _ = _front_matter(text, source.shown)
        except InputError as exc:
            problems += exc.problems
            continue
        problems += _metadata_problems(source, meta, text[: len(text) - len(body)], languages)
    return problems


_detectors: dict[tuple[str, ...], Any] = {}
DETECT_CHARS = 2000


def detect_language(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of the most likely of ``languages`` (lingua), or None."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    if languages not in _detectors:
        langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages]
        if len(langs) == 1:
            return languages[0]
        _detectors[languages] = LanguageDetectorBuilder.from_languages(*langs).build()
    # the first few KB decide as well as the whole text, at a fraction of the time
    detected = _detectors[languages].detect_language_of(text[:DETECT_CHARS])
    return detected.iso_code_639_1.name.lower() if detected else None
