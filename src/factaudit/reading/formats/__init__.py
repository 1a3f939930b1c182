"""Readers for every document format a corpus may hold, behind one small interface.

``extract`` turns one file's bytes into the text that is audited (every finding's offset
points into it), the metadata the file states, and page, line and heading offsets;
``iter_rows`` streams the documents of a table. Nothing here imports the rest of
factaudit, and a reader never raises anything but ``Unreadable`` (``MissingExtra`` when an
optional dependency is not installed), so a hostile or broken file costs one line in the
report, never the run. Format libraries are imported only when a file needs them.
"""

from __future__ import annotations

from ._base import (
    Columns,
    Deadline,
    Extracted,
    Limits,
    MissingExtra,
    Row,
    RowProblem,
    Unreadable,
    library_failed,
)
from .tables import Part, iter_rows, row_groups

__all__ = [
    "KINDS",
    "Columns",
    "Extracted",
    "Limits",
    "MissingExtra",
    "Part",
    "Row",
    "RowProblem",
    "Unreadable",
    "extract",
    "iter_rows",
    "kind_of",
    "row_groups",
]

KINDS: dict[str, str] = {
    ".txt": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".jsonl": "table", ".ndjson": "table", ".csv": "table", ".parquet": "table",
}


def kind_of(name: str) -> str | None:
    """The reader a file name calls for, by its suffix (any case); None if unsupported."""
    dot = name.rfind(".")
    if dot < 0 or "/" in name[dot:] or "\\" in name[dot:]:
        return None
    return KINDS.get(name[dot:].lower())


def _dispatch(raw: bytes, kind: str, limits: Limits, deadline: Deadline,
              encoding: str | None) -> Extracted:
    if kind == "text":
        from .text import extract_text
        return extract_text(raw, encoding)
    if kind == "html":
        from .html import extract_html
        return extract_html(raw, limits, deadline)
    if kind == "pdf":
        from .pdf import extract_pdf
        return extract_pdf(raw, limits, deadline)
    if kind == "docx":
        from .office import extract_docx
        return extract_docx(raw, limits, deadline)
    if kind == "odt":
        from .office import extract_odt
        return extract_odt(raw, limits, deadline)
    if kind == "table":
        raise Unreadable("a table holds many documents: read it with iter_rows")
    raise Unreadable(f"unknown document kind {kind!r}")


def extract(raw: bytes, kind: str, limits: Limits = Limits(),  # noqa: B008 - frozen, immutable
            encoding: str | None = None) -> Extracted:
    """One document's text, metadata and offsets. Raises only Unreadable / MissingExtra.

    ``kind`` is what ``kind_of`` returned; ``encoding`` overrides detection for plain
    text (a manifest's declared encoding).
    """
    if len(raw) > limits.max_bytes:
        raise Unreadable(f"file of {len(raw):,} bytes is larger than limits.max_bytes "
                         f"({limits.max_bytes:,})")
    deadline = Deadline(limits.max_seconds)
    try:
        return deadline.run(lambda: _dispatch(raw, kind, limits, deadline, encoding))
    except Unreadable:
        raise
    except MemoryError:
        raise Unreadable("out of memory while reading") from None
    except RecursionError:
        raise Unreadable("structure nested too deeply") from None
    except Exception as exc:  # a reader's own slip must cost one file, not the run
        raise library_failed(f"unexpected error reading {kind}", exc) from None

