"""Scripts and invisible characters: look-alike letters of another script (Cyrillic "а"
among Latin letters) and zero-width, soft-hyphen and bidi characters inside words."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from factaudit.reading.lexicon.edits import TOKEN

# --------------------------------------------------------------------------- scripts

# Letters of one script that look like letters of another (Unicode confusables, the
# common ones): Cyrillic and Greek → Latin.
_LOOKALIKES_TO_LATIN = {
    **dict(zip("аеорсухіјѕԁԛԝһӏ", "aeopcyxijsdqwhl", strict=True)),
    **dict(zip("АВЕКМНОРСТХІЈЅУԚԜҮ", "ABEKMHOPCTXIJSYQWY", strict=True)),
    **dict(zip("οραντυικ", "opavtuik", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
}
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN", "CHEROKEE")


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str | None:
    """'LATIN', 'CYRILLIC', 'GREEK'… for a letter of an alphabetic script, else None."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    return first if first in _SCRIPTS else None


def scripts_in(word: str) -> Counter:
    return Counter(s for s in map(script_of, word) if s)


def is_mixed_script(word: str) -> bool:
    return len(scripts_in(word)) > 1


def lookalike_skeleton(word: str) -> str:
    """The word with Cyrillic and Greek look-alike letters replaced by Latin ones."""
    return "".join(_LOOKALIKES_TO_LATIN.get(ch, ch) for ch in word)


# --------------------------------------------------------------------------- invisibles

# Invisible in every script: reported wherever they stand between letters or inside words.
ALWAYS_INVISIBLE = {
    "\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space (BOM)", "\u180e": "Mongolian vowel separator",
    "\u2061": "invisible function application", "\u2062": "invisible times",
    "\u2063": "invisible separator", "\u2064": "invisible plus",
    "\u115f": "Hangul choseong filler", "\u1160": "Hangul jungseong filler",
    "\u3164": "Hangul filler", "\uffa0": "halfwidth Hangul filler",
}
# Joiners have a use in Arabic, Indic and emoji text: reported only between letters of
# scripts where they have none (Latin, Cyrillic, Greek…).
JOINERS = {"\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner",
           "\u034f": "combining grapheme joiner"}
# Direction marks belong between runs of different directions: reported inside a word.
BIDI = {"\u200e": "left-to-right mark", "\u200f": "right-to-left mark",
        "\u061c": "Arabic letter mark", "\u202a": "left-to-right embedding",
        "\u202b": "right-to-left embedding", "\u202c": "pop directional formatting",
        "\u202d": "left-to-right override", "\u202e": "right-to-left override",
        "\u2066": "left-to-right isolate", "\u2067": "right-to-left isolate",
        "\u2068": "first strong isolate", "\u2069": "pop directional isolate"}
INVISIBLE = {**ALWAYS_INVISIBLE, **JOINERS, **BIDI}
INVISIBLE_RUN = re.compile("[" + "".join(INVISIBLE) + "]+")


def show_invisible(text: str) -> str:
    """Invisible characters written out: "Mar[U+200B]sudi"."""
    return "".join(f"[U+{ord(c):04X}]" if c in INVISIBLE else c for c in text)


def char_label(ch: str) -> str:
    name = INVISIBLE.get(ch) or unicodedata.name(ch, "").lower() or "character"
    return f"{name} (U+{ord(ch):04X})"


@dataclass(frozen=True)
class Oddity:
    """An invisible character, or a look-alike letter of another script, in a word."""

    kind: str  # "invisible" or "lookalike"
    start: int  # span of the whole word as written
    end: int
    written: str
    clean: str  # the word without invisibles / with look-alikes replaced
    detail: str  # what was found, for the message


def _word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) over letters and invisible characters on both sides."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in INVISIBLE
                         or unicodedata.category(text[start - 1]) == "Mn"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in INVISIBLE
                               or unicodedata.category(text[end]) == "Mn"):
        end += 1
    return start, end


_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f]")
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")  # TOKEN, for texts that are all ASCII


def _word_start(text: str, i: int) -> int:
    while i > 0 and (text[i - 1].isalnum() or "\u0300" <= text[i - 1] <= "\u036f"):
        i -= 1
    return i


def find_oddities(text: str) -> list[Oddity]:
    """Invisible characters that matter and mixed-script words in one text."""
    if text.isascii():
        return []  # neither invisible characters nor letters of two scripts
    out: list[Oddity] = []
    seen: set[tuple[int, int]] = set()
    for m in INVISIBLE_RUN.finditer(text):
        run = m.group(0)
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        letters_around = before.isalnum() and after.isalnum()
        if m.start() == 0 and run == "\ufeff":
            continue  # a byte-order mark at the very start
        report = [c for c in run if c in ALWAYS_INVISIBLE and (before.isalnum()
                                                               or after.isalnum())]
        if letters_around:
            report += [c for c in run if c in BIDI]
            if script_of(before) and script_of(after):
                report += [c for c in run if c in JOINERS]
        if not report:
            continue
        start, end = _word_span(text, m.start(), m.end())
        if (start, end) in seen:
            continue
        seen.add((start, end))
        written = text[start:end]
        clean = INVISIBLE_RUN.sub("", written)
        kinds = sorted({char_label(c) for c in written if c in INVISIBLE})
        out.append(Oddity("invisible", start, end, written, clean, ", ".join(kinds)))
    looked: set[int] = set()
    for m in _NON_ASCII_WORD.finditer(text):
        m = TOKEN.match(text, _word_start(text, m.start())) or m
        word = m.group(0)
        if word.isascii() or m.start() in looked or (m.start(), m.end()) in seen:
            continue
        looked.add(m.start())
        counts = scripts_in(word)
        if len(counts) < 2:
            continue
        main = max(sorted(counts), key=lambda s: counts[s])
        if main == "LATIN" or "LATIN" not in counts:
            odd = [c for c in word if script_of(c) not in (None, main)]
        else:  # a word of another script with Latin letters in it
            odd = [c for c in word if script_of(c) == "LATIN"]
        start, end = _word_span(text, m.start(), m.end())
        if (start, end) in seen:
            continue
        seen.add((start, end))
        clean = lookalike_skeleton(word) if main == "LATIN" else word
        labels = []
        for c in dict.fromkeys(odd):
            like = _LOOKALIKES_TO_LATIN.get(c)
            labels.append(f"{(script_of(c) or 'other').title()} '{c}' (U+{ord(c):04X})"
                          + (f" that looks like Latin '{like}'" if like else ""))
        detail = (", ".join(labels) + f" among {main.title()} letters")
        out.append(Oddity("lookalike", start, end, text[start:end], clean, detail))
    out.sort(key=lambda o: o.start)
    return out

