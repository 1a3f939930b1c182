"""Web pages: the article's main text (trafilatura) without navigation, ads, comments and
boilerplate, one paragraph per block, plus the metadata the page states."""

from __future__ import annotations

import codecs
import re
from typing import Any

from ._base import (
    Deadline,
    Extracted,
    Limits,
    Paragraphs,
    QuietLogs,
    Unreadable,
    library_failed,
    require,
)

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""",
                      re.I)
_LANG = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
# Elements whose text never belongs to an article. JSON-LD scripts stay: trafilatura reads
# the author and dates from them. Stripping these before trafilatura also keeps a page
# with megabytes of script fast (its date search otherwise scans all of it by regex).
_NEVER_TEXT = ("style", "noscript", "template", "svg", "math", "object", "embed", "iframe")
_MAX_JSON_LD = 1_000_000
_LB = "\x00"  # stands for <lb/> (a <br>) until whitespace is normalised
# trafilatura's backup extractors cost about 40 % of its time on an ordinary article, so
# they run only when the main extractor kept under _THIN of a page's text (of a page with
# more than _THIN_FLOOR characters), or nothing at all.
_THIN = 0.3
_THIN_FLOOR = 1_000


def _decode(raw: bytes) -> tuple[str, list[str]]:
    """Byte-order mark first, then the page's own charset declaration, then UTF-8;
    windows-1252 (what browsers assume) only for undeclared pages that are not UTF-8."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(name, errors="replace").lstrip("\ufeff"), []
    declared = _CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            codecs.lookup(name)
        except LookupError:
            pass
        else:
            if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
                name = "cp1252"  # as browsers do: the declared Latin-1 is really cp1252
            if name.startswith(("utf-16", "utf-32", "utf16", "utf32")):
                name = "utf-8"  # as browsers do: a UTF-16 page declared in ASCII bytes isn't
            return raw.decode(name, errors="replace"), []
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), [
            "no charset declared and not UTF-8: read as windows-1252"]


def _language(value: str | None) -> str | None:
    if not value:
        return None
    match = _LANG.fullmatch(value.strip())
    return match.group(1).lower() if match else None


class _Builder(Paragraphs):
    """Collects the text of an article's elements into paragraphs."""

    def __init__(self, deadline: Deadline) -> None:
        super().__init__(deadline)
        self.buffer: list[str] = []

    def flush(self, heading: bool = False) -> None:
        raw = "".join(self.buffer)
        self.buffer.clear()
        self.add((_SPACE.sub(" ", line) for line in raw.split(_LB)), heading)


_BLOCKS = {"p", "head", "item", "row", "quote", "code", "list", "table", "div", "body",
           "main", "doc", "section", "note", "fw"}


def _walk(element: Any, out: _Builder) -> None:
    """Depth-first over trafilatura's output tree: a block tag starts and ends a paragraph,
    <head> is a heading, table cells are joined with ' | ' so a row reads as one line."""
    stack: list[tuple[Any, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCKS:
                out.flush(heading=tag == "head")
            elif tag == "cell" and node.getnext() is not None:
                out.buffer.append(" | ")
            if node.tail and node is not element:
                out.buffer.append(node.tail)
            continue
        if tag in _BLOCKS:
            out.flush()
        if tag == "lb":
            out.buffer.append(_LB)
        elif node.text and tag:
            out.buffer.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def _prepared(text: str) -> tuple[Any, str | None]:
    """(parsed page without scripts and styles, its declared language)."""
    from lxml import etree

    try:
        tree = require("trafilatura.utils", "HTML", "html").load_html(text)
    except Unreadable:
        raise
    except Exception as exc:  # lxml raises many kinds on broken markup
        raise library_failed("cannot parse HTML", exc) from None
    if tree is None:
        raise Unreadable("cannot parse HTML (empty or not markup)")
    language = _language(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
    if language is None:
        for meta in tree.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                language = _language((meta.get("content") or "").split(",")[0])
                break
    for script in list(tree.iter("script")):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind or len(script.text or "") > _MAX_JSON_LD:
            script.tag = "factaudit-drop"  # stripped below, keeping the text that follows it
    etree.strip_elements(tree, "factaudit-drop", *_NEVER_TEXT, with_tail=False)
    return tree, language


# what a page says about itself in its head: (meta attribute, value, metadata key), first
# found wins. trafilatura's own metadata search (htmldate and more) costs more than its
# text extraction; these tags are what news and CMS pages write.
_META = (("property", "og:title", "title"), ("name", "twitter:title", "title"),
         ("property", "article:published_time", "published"),
         ("itemprop", "datePublished", "published"), ("name", "date", "published"),
         ("name", "pubdate", "published"), ("name", "publishdate", "published"),
         ("property", "og:published_time", "published"), ("name", "dc.date", "published"),
         ("name", "author", "author"), ("property", "article:author", "author"),
         ("property", "og:site_name", "site"), ("name", "application-name", "site"),
         ("property", "og:url", "url"))
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')


def _head_metadata(tree: Any) -> dict[str, str]:
    """Title, date, author, site and URL from the page's meta tags, title, canonical link
    and JSON-LD; a date only when it is one (YYYY, YYYY-MM or YYYY-MM-DD at its start)."""
    found: dict[str, str] = {}
    wanted = {(attr, name.lower()): key for attr, name, key in _META}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = wanted.get((attr, (meta.get(attr) or "").strip().lower()))
            if key is not None and key not in found:
                found[key] = content
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            found["url"] = link.get("href").strip()
            break
    if "title" not in found:
        title = next(tree.iter("title"), None)
        if title is not None and (title.text or "").strip():
            found["title"] = title.text
    if "published" not in found:
        for script in tree.iter("script"):
            date = _JSON_LD_DATE.search(script.text or "")
            if date:
                found["published"] = date.group(1)
                break
    out = {k: _SPACE.sub(" ", v).strip()[:300] for k, v in found.items()}
    if "title" in out:  # "Headline - Site Name": the headline
        h1 = next(tree.iter("h1"), None)
        heading = _SPACE.sub(" ", h1.text_content()).strip() if h1 is not None else ""
        parts = re.split(r"\s+[-–—|·:]\s+", out["title"])
        if heading and out["title"].startswith(heading):
            out["title"] = heading
        elif len(parts) > 1 and out.get("site") and parts[-1].strip() == out["site"]:
            out["title"] = " - ".join(parts[:-1])
    if "published" in out:
        date = _DATE.match(out["published"])
        if date and len(date.group(0)) in (4, 7, 10):
            out["published"] = date.group(0)
        else:
            del out["published"]
    return out


def _trafilatura(trafilatura: Any, tree: Any, fast: bool) -> Any:
    try:
        # trafilatura logs "discarding data" and the like for every thin page; the
        # reader's own warnings say what matters, once per file
        with QuietLogs("trafilatura", "htmldate", "courlan", "justext", "readability"):
            return trafilatura.bare_extraction(
                tree, fast=fast, include_comments=False, include_tables=True,
                include_images=False, include_links=False, with_metadata=False,
            )
    except Exception as exc:
        raise library_failed("trafilatura failed", exc) from None


def extract_html(raw: bytes, limits: Limits, deadline: Deadline) -> Extracted:
    """Main text and metadata of one page."""
    trafilatura = require("trafilatura", "HTML", "html")
    text, warnings = _decode(raw)
    tree, language = _prepared(text)
    deadline.check()
    visible = len(tree.text_content())
    document = _trafilatura(trafilatura, tree, fast=True)
    deadline.check()
    found = len(getattr(document, "text", None) or "")
    if (found < _THIN * visible and visible > _THIN_FLOOR) or (not found and visible):
        # the main extractor kept little of the page: let trafilatura also try its backup
        # extractors (readability, jusText) on a fresh tree, and keep the longer result
        second = _trafilatura(trafilatura, _prepared(text)[0], fast=False)
        if len(getattr(second, "text", None) or "") > found:
            document = second
        deadline.check()

    metadata = _head_metadata(tree)
    if language:
        metadata["language"] = language
    body = getattr(document, "body", None) if document is not None else None

    out = _Builder(deadline)
    if body is not None:
        _walk(body, out)
        out.flush()
    if not out.parts:
        warnings.append("no main text found")
    return out.result(metadata, warnings)
