"""Loading a corpus folder into Documents.

Metadata comes from, in order of precedence: an entry in the manifest ``sources.yaml``,
YAML front matter at the top of a ``.txt``/``.md`` file, and finally detection (language
by lingua, id from the file name). Document text is kept exactly as decoded, so offsets
and quotes match the file.
"""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factaudit.errors import InputError, Problem, display_path
from factaudit.values import PartialDate
from factaudit.yamlsource import load_yaml

MANIFEST = "sources.yaml"
TEXT_SUFFIXES = (".txt", ".md")
_DOC_KEYS = {"path", "id", "language", "published", "title", "url", "date_order", "encoding",
             "translation_of", "publisher"}


@dataclass(frozen=True)
class Document:
    id: str
    path: str  # as shown to users (relative to the working directory when possible)
    text: str
    language: str
    language_source: str = "declared"  # or "detected"
    published: str | None = None  # ISO date, possibly partial: "2021", "2021-07", "2021-07-06"
    title: str | None = None
    url: str | None = None
    date_order: str | None = None
    translation_of: str | None = None
    publisher: str | None = None
    first_line: int = 1  # file line of the first text line (after front matter)

    @property
    def published_date(self) -> PartialDate | None:
        return PartialDate.parse(self.published) if self.published else None


@dataclass
class Corpus:
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)

    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}


def load_corpus(folder: Path, languages: Iterable[str] = ("en", "id")) -> Corpus:
    """Every text document in ``folder`` (recursively), with metadata. Raises InputError."""
    folder = Path(folder)
    shown = display_path(folder)
    if not folder.exists():
        raise InputError(Problem(shown, "corpus folder does not exist",
                                 hint="pass --corpus DIR or create corpus/ with documents"))
    if not folder.is_dir():
        raise InputError(Problem(shown, "corpus path is not a folder", hint="pass a folder"))
    languages = tuple(languages)
    root = folder.resolve()
    entries, problems = _read_manifest(folder, root)
    warnings: list[str] = []
    listed = {e["__file"] for e in entries}
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES):
        if path.resolve() in listed or not path.is_file():
            continue
        if not _inside(path, root):
            warnings.append(f"{display_path(path)}: skipped, it links outside the corpus folder")
            continue
        entries.append({"__file": path.resolve(), "__shown": display_path(path)})
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for entry in entries:
        try:
            doc = _load_document(entry, languages, warnings)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if doc is None:
            continue
        if doc.id in seen:
            problems.append(Problem(doc.path, f"duplicate document id {doc.id!r} "
                                    f"(also used by {seen[doc.id]})",
                                    hint="give each document a unique id in sources.yaml"))
            continue
        seen[doc.id] = doc.path
        documents.append(doc)
    if problems:
        raise InputError(problems)
    if not documents:
        raise InputError(Problem(shown, "the corpus folder has no readable documents",
                                 hint=f"add {'/'.join(TEXT_SUFFIXES)} files, or list them "
                                 f"in {MANIFEST}"))
    return Corpus(documents, warnings)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except ValueError:
        return False


def _read_manifest(folder: Path, root: Path) -> tuple[list[dict], list[Problem]]:
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
                "see the README section 'Corpus'")
        return [], problems
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        problem(("defaults",), "'defaults' must be a mapping")
        defaults = {}
    for key in set(defaults) - (_DOC_KEYS - {"path", "id"}):
        problem(("defaults", key), f"unknown key {key!r} in defaults")
    entries = []
    for i, item in enumerate(data.get("documents") or []):
        if not isinstance(item, dict) or "path" not in item:
            problem(("documents", i), "each document needs at least a 'path'")
            continue
        for key in set(item) - _DOC_KEYS:
            problem(("documents", i, key), f"unknown key {key!r}",
                    f"allowed keys: {', '.join(sorted(_DOC_KEYS))}")
        path = (folder / str(item["path"]))
        if not _inside(path, root):
            problem(("documents", i, "path"), f"path {item['path']!r} leads outside the corpus",
                    "list only files inside the corpus folder")
            continue
        if not path.is_file():
            problem(("documents", i, "path"), f"no such file: {item['path']}",
                    "fix the path or remove the entry")
            continue
        line = doc.locate(("documents", i))
        entry = {**defaults, **item, "__file": path.resolve(), "__shown": display_path(path),
                 "__manifest": f"{doc.path}:{line[0] if line else '?'}"}
        entries.append(entry)
    return entries, problems


def _decode(raw: bytes, encoding: str | None) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason)."""
    if encoding:
        try:
            return raw.decode(encoding), None
        except (UnicodeDecodeError, LookupError) as exc:
            return None, f"cannot decode as {encoding}: {exc}"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            return None, f"invalid UTF-16: {exc}"
    if b"\x00" in raw:
        return None, "binary file (contains NUL bytes)"
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, (f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                      "re-save as UTF-8 or declare its encoding in sources.yaml")


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
    try:
        meta = yaml.safe_load(header) or {}
    except yaml.YAMLError as exc:
        raise InputError(Problem(shown, f"invalid front matter: {exc}", 1,
                                 hint="front matter is YAML between two '---' lines")) from None
    if not isinstance(meta, dict):
        return {}, text, 1
    return meta, text[body_start:], text[:body_start].count("\n") + 1


def _load_document(entry: dict, languages: tuple[str, ...], warnings: list[str]) -> Document | None:
    path: Path = entry["__file"]
    shown = entry["__shown"]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        warnings.append(f"{shown}: skipped, cannot read ({exc.strerror or exc})")
        return None
    text, reason = _decode(raw, entry.get("encoding"))
    if text is None:
        warnings.append(f"{shown}: skipped, {reason}")
        return None
    meta, body, first_line = _front_matter(text, shown)
    unknown = set(meta) - _DOC_KEYS
    if unknown:
        raise InputError(Problem(shown, f"unknown front matter key(s) {sorted(unknown)}", 1,
                                 hint=f"allowed keys: {', '.join(sorted(_DOC_KEYS - {'path'}))}"))
    info = {**meta, **{k: v for k, v in entry.items() if not k.startswith("__")}}
    where = entry.get("__manifest", shown)
    published = info.get("published")
    if isinstance(published, dt.date):
        published = published.isoformat()
    if published is not None:
        try:
            PartialDate.parse(str(published))
        except ValueError as exc:
            raise InputError(Problem(where, f"bad published date: {exc}")) from None
        published = str(published)
    language = info.get("language")
    language_source = "declared"
    if not language:
        language = detect_language(body, languages)
        language_source = "detected"
        if language is None:
            language = languages[0]
            language_source = "default"
            warnings.append(f"{shown}: language could not be detected; assumed {language!r}")
    order = info.get("date_order")
    if order is not None and str(order).upper() not in ("DMY", "MDY", "YMD"):
        raise InputError(Problem(where, f"date_order must be DMY, MDY or YMD, not {order!r}"))
    return Document(
        id=str(info.get("id") or path.stem),
        path=shown,
        text=body,
        language=str(language),
        language_source=language_source,
        published=published,
        title=info.get("title"),
        url=info.get("url"),
        date_order=str(order).upper() if order else None,
        translation_of=info.get("translation_of"),
        publisher=info.get("publisher"),
        first_line=first_line,
    )


_detectors: dict[tuple[str, ...], object] = {}


def detect_language(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of the most likely of ``languages`` (lingua), or None."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    if languages not in _detectors:
        langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages]
        if len(langs) == 1:
            return languages[0]
        _detectors[languages] = LanguageDetectorBuilder.from_languages(*langs).build()
    detected = _detectors[languages].detect_language_of(text[:5000])
    return detected.iso_code_639_1.name.lower() if detected else None
