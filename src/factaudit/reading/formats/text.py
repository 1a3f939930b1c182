"""Plain text and Markdown: decoded and passed through unchanged, so offsets are the file's."""

from __future__ import annotations

import codecs

from ._base import Extracted, Unreadable


def decode(raw: bytes, encoding: str | None = None) -> str:
    """Decode without guessing between 8-bit code pages: the same bytes mean different
    letters in Latin-1 and cp1252, and a silent wrong guess corrupts names in findings."""
    if encoding:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise Unreadable(f"cannot decode as {encoding}: {exc}") from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Unreadable(f"invalid UTF-16: {exc}") from None
    if b"\x00" in raw:
        raise Unreadable("binary file (contains NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(
            f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "re-save as UTF-8 or declare its encoding"
        ) from None


def extract_text(raw: bytes, encoding: str | None = None) -> Extracted:
    """The decoded file as it is: front matter and Markdown stay for the caller to read."""
    return Extracted(text=decode(raw, encoding), metadata={})
