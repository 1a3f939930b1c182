"""PDF: the text layer of each page (pypdf), hard wraps undone, with page and line offsets.

pypdf gives every printed line as a line. Lines are joined back into paragraphs so that
sentence splitting sees sentences, by one rule kept simple on purpose:

* a line ends its paragraph when it is blank, ends a sentence (``. ! ? … : ;``, maybe
  followed by a closing quote or bracket), or is short (under 60 % of the page's longest
  line: headings, last lines, page numbers); a line starting with a bullet starts one;
* otherwise the next line continues it, joined with a space; a line ending in a hyphen
  between letters is joined without a space, and the hyphen is dropped when the next line
  starts in lower case ("pemerin-" + "tah" → "pemerintah") unless the two halves are the
  same word (Indonesian reduplication: "negara-" + "negara" → "negara-negara");
* paragraphs are separated by a blank line, and so are pages unless a page's last line
  continues on the next page.

``Extracted.lines`` keeps where each printed line starts, so ``page_line`` can still say
where on the page an offset was printed.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ._base import (
    Deadline,
    Extracted,
    Limits,
    QuietLogs,
    Unreadable,
    library_failed,
    one_line,
    require,
)

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_BULLET = re.compile(r"^(?:[•▪◦‣●■–—-]\s|\d{1,3}[.)]\s)")
_HYPHENS = ("-", "\u2010", "\u00ad")
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_LANG = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")
_SHORT = 0.6


def _joiner(line: str, following: str) -> tuple[str, str] | None:
    """How ``line`` continues into ``following``: (line without a dropped hyphen, separator),
    or None when ``line`` ends its paragraph."""
    if not following or _BULLET.match(following):
        return None
    if line[-1:] in _HYPHENS and len(line) >= 2 and line[-2].isalpha():
        if not following[0].isalpha():
            return None
        if line[-1] == "\u00ad":
            return line[:-1], ""
        before = re.search(r"(\w+)\W$", line)
        after = re.match(r"\w+", following)
        if following[0].islower() and not (
            before and after and before.group(1).lower() == after.group(0).lower()
        ):
            return line[:-1], ""
        return line, ""
    if _SENTENCE_END.search(line):
        return None
    return line, " "


def _page_lines(raw_text: str) -> list[str]:
    """The page's printed lines, spaces normalised, without blank lines at either end."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in raw_text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def _assemble(pages: list[list[str]]) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """(text, page offsets, line offsets) from each page's printed lines, by the module's
    rule. A page's last line may continue on the next page; a blank line never does."""
    items = [(number, line) for number, lines in enumerate(pages) for line in lines]
    longest = [max((len(x) for x in lines), default=0) for lines in pages]
    parts: list[str] = []
    size = 0
    page_starts: list[int] = []
    line_starts: list[int] = []
    pending: str | None = None
    for index, (number, line) in enumerate(items):
        if not line:
            pending = None
            continue
        separator = "" if not size else ("\n\n" if pending is None else pending)
        parts.append(separator)
        size += len(separator)
        while len(page_starts) <= number:
            page_starts.append(size)
        line_starts.append(size)
        following = items[index + 1][1] if index + 1 < len(items) else ""
        short = len(line) < _SHORT * longest[number] and line[-1:] not in _HYPHENS
        joined = None if short else _joiner(line, following)
        kept, pending = joined if joined is not None else (line, None)
        parts.append(kept)
        size += len(kept)
    while len(page_starts) < len(pages):
        page_starts.append(size)
    return "".join(parts), tuple(page_starts), tuple(line_starts)


def _metadata(reader: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        info = reader.metadata or {}
        for key, name in (("/Title", "title"), ("/Author", "author")):
            value = info.get(key)
            if isinstance(value, str) and value.strip():
                found[name] = one_line(value)
        created = info.get("/CreationDate")
        if isinstance(created, str):
            match = _PDF_DATE.match(created.strip())
            if match and 1000 < int(match.group(1)) < 3000:
                found["published"] = "-".join(g for g in match.groups() if g)
        language = reader.trailer["/Root"].get("/Lang")
        match = _LANG.fullmatch(str(language).strip()) if language else None
        if match:
            found["language"] = match.group(1).lower()
    except Exception:  # metadata is a bonus: a broken info dictionary loses only it
        pass
    return found


def _declared_pages(reader: Any) -> int | None:
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]
        return int(count)
    except Exception:
        return None


def extract_pdf(raw: bytes, limits: Limits, deadline: Deadline) -> Extracted:
    """Text, page offsets, line offsets and metadata of one PDF."""
    require("pypdf", "PDF", "pdf")
    with QuietLogs("pypdf") as logs:
        extracted = _read(raw, limits, deadline)
    notes = logs.summary("pypdf")
    if not notes:
        return extracted
    return Extracted(text=extracted.text, metadata=extracted.metadata, pages=extracted.pages,
                     lines=extracted.lines, warnings=(*extracted.warnings, *notes))


def _read(raw: bytes, limits: Limits, deadline: Deadline) -> Extracted:
    pypdf = require("pypdf", "PDF", "pdf")
    if b"%PDF-" not in raw[:1024]:
        raise Unreadable("not a PDF (no %PDF- header)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # e.g. AES without a crypto library
                raise Unreadable(f"encrypted PDF (no password): {one_line(exc, 120)}") from None
            if not opened:
                raise Unreadable("encrypted PDF (no password)")
        declared = _declared_pages(reader)
        if declared is not None and declared > limits.max_pages:
            raise Unreadable(f"PDF declares {declared:,} pages, more than limits.max_pages "
                             f"({limits.max_pages:,})")
        deadline.check()
        count = len(reader.pages)
        if count > limits.max_pages:
            raise Unreadable(f"PDF has {count:,} pages, more than limits.max_pages "
                             f"({limits.max_pages:,})")
    except Unreadable:
        raise
    except Exception as exc:
        raise library_failed("cannot open PDF", exc) from None

    printed: list[list[str]] = []
    empty = 0
    content_bytes = 0
    for number in range(count):
        deadline.check()
        try:
            page = reader.pages[number]
            contents = page.get_contents()
            content_bytes += len(contents.get_data()) if contents is not None else 0
            if content_bytes > limits.max_bytes:
                raise Unreadable(f"PDF content streams exceed limits.max_bytes "
                                 f"({limits.max_bytes:,} bytes) by page {number + 1}")
            page_text = page.extract_text() or ""
        except Unreadable:
            raise
        except RecursionError:
            raise Unreadable(f"page {number + 1}: structure nested too deeply") from None
        except Exception as exc:
            raise library_failed(f"cannot read page {number + 1}", exc) from None
        lines = _page_lines(page_text)
        empty += not lines
        printed.append(lines)
    text, pages, line_starts = _assemble(printed)

    warnings = []
    if count == 0:
        warnings.append("PDF has no pages")
    elif empty:
        warnings.append(f"{empty} of {count} pages had no text layer (scanned images need OCR)")
    return Extracted(text=text, metadata=_metadata(reader), pages=pages, lines=line_starts,
                     warnings=tuple(warnings))
