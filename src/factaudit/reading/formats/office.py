"""Word (.docx) and OpenDocument (.odt) documents, both read directly with lxml.

Both are zip archives, so both are checked as archives first: a zip bomb is refused from
the sizes its directory declares, before any library inflates a byte. Python's zipfile
never returns more than a member's declared size (a lying size fails the CRC check), so
the declared sizes are a real bound.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from ._base import (
    Deadline,
    Extracted,
    Limits,
    Paragraphs,
    Unreadable,
    library_failed,
    one_line,
)

MAX_MEMBERS = 10_000
MAX_RATIO = 100  # deflate reaches ~10× on document XML; bombs reach 1,000× and more
RATIO_FLOOR = 1_000_000  # members smaller than this are never called bombs
_HEADING_STYLE = re.compile(r"(?:heading\s*(\d)|title)$", re.I)
_TOC_STYLE = re.compile(r"toc\b|table of contents", re.I)
_LANG = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")


def open_zip(raw: bytes, limits: Limits, what: str) -> zipfile.ZipFile:
    """The archive, once its declared sizes show it cannot expand past the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise Unreadable(f"not a valid {what} (broken zip archive: {one_line(exc, 120)})") from None
    if len(members) > MAX_MEMBERS:
        raise Unreadable(f"{what} archive has {len(members):,} members (more than {MAX_MEMBERS:,})")
    total = sum(m.file_size for m in members)
    if total > limits.max_bytes:
        raise Unreadable(f"{what} would expand to {total:,} bytes, more than limits.max_bytes "
                         f"({limits.max_bytes:,}): zip bomb or oversized file")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise Unreadable(f"{what} member {member.filename!r} expands {ratio:,.0f}× "
                             f"(more than {MAX_RATIO}×): zip bomb")
        if member.flag_bits & 0x1:
            raise Unreadable(f"encrypted {what} (password-protected)")
    return archive


def _language(value: object) -> str | None:
    match = _LANG.fullmatch(str(value).strip()) if value else None
    return match.group(1).lower() if match else None


class _Text(Paragraphs):
    """Paragraphs of an office file: runs of spaces and tabs made one space."""

    def add(self, paragraph: str, heading: bool = False) -> None:  # type: ignore[override]
        super().add((_BLANKS.sub(" ", x) for x in paragraph.splitlines()), heading)


_BLANKS = re.compile(r"[ \t\u00a0]+")


# --- DOCX -----------------------------------------------------------------------------
# Read straight from the WordprocessingML with lxml rather than python-docx: opening a
# document with python-docx parses every part (a 350 KB styles.xml is common), ~10 ms per
# file against ~1 ms here, which alone would make a DOCX corpus ~10× slower to audit.

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DCTERMS = "{http://purl.org/dc/terms/}"
# Containers whose runs are shown: links, insertions, fields' results, content controls.
_W_INLINE = {f"{_W}{t}" for t in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt",
                                   "sdtContent", "customXml", "moveTo", "dir", "bdo")}
# Not running text: deleted or moved-away text, field codes, footnote and comment marks,
# drawings and text boxes, math, properties.
_W_SKIP = {f"{_W}{t}" for t in ("del", "moveFrom", "instrText", "delInstrText", "pPr", "rPr",
                                 "drawing", "pict", "object", "footnoteReference",
                                 "endnoteReference", "commentReference", "sdtPr",
                                 "sdtEndPr")}
_W_CHARS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
# python-docx's blank template says it was written by "python-docx" on 2013-12-23: that
# is the template speaking, not the document, so neither is reported.
_TEMPLATE_AUTHORS = {"python-docx"}


def _w_text(element: Any, parts: list[str]) -> None:
    """Visible text under a paragraph-level element, in order."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _W_SKIP:
            continue
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in _W_CHARS:
            parts.append(_W_CHARS[tag])
        elif tag == f"{_W}r" or tag in _W_INLINE:
            _w_text(child, parts)


def _w_paragraph(paragraph: Any) -> str:
    parts: list[str] = []
    _w_text(paragraph, parts)
    return "".join(parts)


def _w_cell(cell: Any) -> str:
    """A cell's paragraphs (and any table nested in it) on one line."""
    texts = []
    for child in cell:
        if child.tag == f"{_W}p":
            texts.append(_w_paragraph(child).strip())
        elif child.tag == f"{_W}tbl":
            texts.extend(_w_row(row) for row in child.iterchildren(f"{_W}tr"))
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            texts.append(_w_cell(child))
    return " ".join(t for t in texts if t)


def _w_row(row: Any) -> str:
    """A table row as one line; a merged cell is a single <w:tc>, an empty one is left out."""
    return " | ".join(t for t in (_w_cell(c) for c in row.iterchildren(f"{_W}tc")) if t)


def _w_blocks(body: Any) -> Iterator[tuple[str, str | None, bool]]:
    """(text, style id, has an outline level) for each paragraph and table row in order."""
    for child in body:
        tag = child.tag
        if tag == f"{_W}p":
            properties = child.find(f"{_W}pPr")
            style = outline = None
            if properties is not None:
                found = properties.find(f"{_W}pStyle")
                style = found.get(f"{_W}val") if found is not None else None
                outline = properties.find(f"{_W}outlineLvl")
            yield _w_paragraph(child), style, outline is not None
        elif tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                yield _w_row(row), None, False
        elif tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _w_blocks(child)


# Ids English Word gives its built-in styles: no need to look their names up.
_ENGLISH_IDS = {"title": "Title", "subtitle": "Subtitle", "normal": "Normal",
                **{f"heading{n}": f"heading {n}" for n in range(1, 10)}}


def _style_names(archive: zipfile.ZipFile, ids: set[str], limits: Limits) -> dict[str, str]:
    """Names of the used paragraph styles: built-in names are English ("heading 1") even
    where a localised Word writes localised style ids, so headings are found by name.

    styles.xml is often hundreds of KB (python-docx's template: 350 KB), and parsing it
    cost more than the rest of the document; the name is the first child of its
    <w:style>, so a byte search finds it, and only ids it misses cost a parse."""
    names: dict[str, str] = {
        i: _ENGLISH_IDS[i.lower()] for i in ids if i.lower() in _ENGLISH_IDS}
    ids = ids - names.keys()
    if not ids or "word/styles.xml" not in archive.namelist():
        return names
    with archive.open("word/styles.xml") as member:
        data = member.read(limits.max_bytes + 1)
    for identifier in ids:
        found = re.search(rb'<w:style\b[^>]*\bw:styleId="' + re.escape(identifier.encode())
                          + rb'"[^>]*>\s*<w:name\s+w:val="([^"]*)"', data)
        if found:
            names[identifier] = found.group(1).decode("utf-8", "replace")
    missing = ids - names.keys()
    if missing:
        for style in _parse(data).iterchildren(f"{_W}style"):
            identifier = style.get(f"{_W}styleId")
            name = style.find(f"{_W}name")
            if identifier in missing and name is not None:
                names[identifier] = name.get(f"{_W}val") or ""
    return names


def _main_part(archive: zipfile.ZipFile, limits: Limits) -> str:
    names = set(archive.namelist())
    if "_rels/.rels" in names:
        try:
            for relation in _xml(archive, "_rels/.rels", limits).iter(_PKG_REL):
                target = (relation.get("Target") or "").lstrip("/")
                if relation.get("Type") == _DOC_REL and target in names:
                    return target
        except Exception:
            pass
    if "word/document.xml" in names:
        return "word/document.xml"
    raise Unreadable("not a Word document (no word/document.xml)")


def _docx_metadata(archive: zipfile.ZipFile, limits: Limits) -> dict[str, str]:
    found: dict[str, str] = {}
    if "docProps/core.xml" not in archive.namelist():
        return found
    try:
        core = _xml(archive, "docProps/core.xml", limits)
    except Exception:  # a broken core.xml loses only the metadata
        return found

    def first(tag: str) -> str | None:
        element = core.find(tag)
        text = (element.text or "").strip() if element is not None else ""
        return one_line(text) if text else None

    author = first(f"{{{_DC}}}creator")
    template = author in _TEMPLATE_AUTHORS
    title = first(f"{{{_DC}}}title")
    if title:
        found["title"] = title
    if author and not template:
        found["author"] = author
    created = first(f"{_DCTERMS}created")
    if created and re.match(r"\d{4}-\d{2}-\d{2}", created) and not template:
        found["published"] = created[:10]
    language = _language(first(f"{{{_DC}}}language"))
    if language:
        found["language"] = language
    return found


def extract_docx(raw: bytes, limits: Limits, deadline: Deadline) -> Extracted:
    """Body paragraphs and table rows in document order; paragraphs styled Heading N or
    Title, or given an outline level, are headings."""
    archive = open_zip(raw, limits, "DOCX")
    with archive:
        part = _main_part(archive, limits)
        try:
            document = _xml(archive, part, limits)
        except Exception as exc:
            raise library_failed("cannot parse DOCX document.xml", exc) from None
        body = document.find(f"{_W}body")
        if body is None:
            raise Unreadable("not a Word document (no w:body)")
        blocks = list(_w_blocks(body))
        deadline.check()
        names = _style_names(archive, {s for _, s, _ in blocks if s}, limits)
        metadata = _docx_metadata(archive, limits)
    out = _Text(deadline)
    for text, style, outlined in blocks:
        name = names.get(style or "", style or "")
        if _TOC_STYLE.match(name):
            continue
        out.add(text, heading=outlined or bool(_HEADING_STYLE.match(name)))
    return out.result(metadata, [])


# --- ODT ------------------------------------------------------------------------------

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
# Not the document's running text: comments, footnotes (they would land mid-sentence),
# deleted text kept for change tracking, and generated indexes that repeat the headings.
_SKIP = {f"{{{_OFFICE}}}annotation", f"{{{_OFFICE}}}annotation-end", f"{{{_TEXT}}}note",
         f"{{{_TEXT}}}tracked-changes", f"{{{_TEXT}}}table-of-content",
         f"{{{_TEXT}}}alphabetical-index", f"{{{_TEXT}}}illustration-index",
         f"{{{_TEXT}}}bibliography", f"{{{_TEXT}}}sequence-decls"}


def _inline(element: Any) -> str:
    """Text of a paragraph-like element: <text:s c=n/> is n spaces, tabs and line breaks
    are kept, paragraphs inside (a table cell's) run together with a space."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            pass
        elif tag == f"{{{_TEXT}}}s":
            count = child.get(f"{{{_TEXT}}}c") or "1"
            parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif tag == f"{{{_TEXT}}}tab":
            parts.append("\t")
        elif tag == f"{{{_TEXT}}}line-break":
            parts.append("\n")
        elif tag in (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"):
            parts.append(" " + _inline(child) + " ")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_blocks(element: Any) -> Iterator[tuple[str, bool]]:
    """(paragraph, is heading) in document order."""
    for child in element:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == f"{{{_TEXT}}}h":
            yield _inline(child), True
        elif tag == f"{{{_TEXT}}}p":
            yield _inline(child), False
        elif tag == f"{{{_TABLE}}}table-row":
            cells = [_inline(cell).strip()
                     for cell in child.iterchildren(f"{{{_TABLE}}}table-cell")]
            yield (" | ".join(cells) if any(cells) else ""), False
        else:  # lists, list items, sections, table wrappers, frames
            yield from _odt_blocks(child)


def _parse(data: bytes) -> Any:
    """XML from an archive, without entities, DTDs or network: no billion-laughs."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    return etree.fromstring(data, parser)


def _xml(archive: zipfile.ZipFile, name: str, limits: Limits) -> Any:
    with archive.open(name) as member:
        return _parse(member.read(limits.max_bytes + 1))


def _odt_metadata(archive: zipfile.ZipFile, limits: Limits) -> dict[str, str]:
    found: dict[str, str] = {}
    if "meta.xml" not in archive.namelist():
        return found
    try:
        meta = _xml(archive, "meta.xml", limits)
    except Exception:
        return found

    def first(*tags: str) -> str | None:
        for tag in tags:
            element = meta.find(f".//{tag}")
            if element is not None and (element.text or "").strip():
                return one_line(element.text)
        return None

    for key, value in (("title", first(f"{{{_DC}}}title")),
                       ("author", first(f"{{{_META}}}initial-creator", f"{{{_DC}}}creator"))):
        if value:
            found[key] = value
    created = first(f"{{{_META}}}creation-date")
    if created and re.match(r"\d{4}-\d{2}-\d{2}", created):
        found["published"] = created[:10]
    language = _language(first(f"{{{_DC}}}language"))
    if language:
        found["language"] = language
    return found


def extract_odt(raw: bytes, limits: Limits, deadline: Deadline) -> Extracted:
    """Body text of an OpenDocument text file; <text:h> elements are headings."""
    archive = open_zip(raw, limits, "ODT")
    with archive:
        names = set(archive.namelist())
        if "mimetype" in names:
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
            if mimetype != "application/vnd.oasis.opendocument.text":
                raise Unreadable(f"not an OpenDocument text file (mimetype {mimetype!r})")
        if "content.xml" not in names:
            raise Unreadable("not an OpenDocument file (no content.xml)")
        try:
            content = _xml(archive, "content.xml", limits)
        except Exception as exc:
            raise library_failed("cannot parse ODT content.xml", exc) from None
        metadata = _odt_metadata(archive, limits)
    body = content.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    out = _Text(deadline)
    if body is not None:
        try:
            for paragraph, heading in _odt_blocks(body):
                out.add(paragraph, heading)
        except Unreadable:
            raise
        except RecursionError:
            raise Unreadable("ODT structure nested too deeply") from None
        except Exception as exc:
            raise library_failed("cannot read ODT body", exc) from None
    return out.result(metadata, [] if body is not None else ["no office:text body"])

