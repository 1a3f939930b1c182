"""Datelines and bylines: where and when a report was filed, at the start of its text
(or, in capitals, below a copied page's furniture).

    SURABAYA, 3 March 2019 – …         JAKARTA, KOMPAS.com - …
    NEW DELHI (Warta Nusantara) - …    May 4 (Reuters) - …
    Jakarta, 17 Mei 2021 - …           Bengaluru, August 23, 2023   (a line of its own)
    DARA | CIANJUR – …                 Published: 6 December 2023 …  (a date label)

A dateline is the document's place and date, never the value of a fact: values inside it
are not read for claims, and its date is the publication date when no metadata gives one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factaudit.model import PartialDate
from factaudit.reading.languages import get_pack

SEARCH_CHARS = 700  # a dateline opens one of the first lines
_DASH = r"(?:[-–—]|--)"
# "HEAD – Body", where HEAD starts with a capital and runs at most ~120 characters
_WITH_DASH = re.compile(rf"(?P<head>[A-Z0-9][^\n]{{1,120}}?)[ \t]+{_DASH}[ \t]+(?=\S)")
# "Jakarta: Body" (a place, a colon)
_WITH_COLON = re.compile(r"(?P<head>[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,2}):[ \t]+(?=[A-Z\"“])")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # the dateline's span in the text (the dash or colon included)
    date: PartialDate | None  # the date it gives, when it gives a full or month date
    raw: str


def find_dateline(text: str, language: str) -> Dateline | None:
    """The dateline of a text, if one of its first lines opens with one. After a date label
    ("date 2018-10-31 Headline…"), a place's dateline on a following line ("JAKARTA, Oct 31
    —") is the dateline, dated by the label when it has no date of its own; the label is
    then found by ``date_label``."""
    label: Dateline | None = None
    for lead, line in _first_lines(text):
        labelled = _labelled(line, language) if label is None else None
        if labelled is not None:  # "Published: 6 December 2023", "date 2023-12-06 …":
            end, date = labelled  # a place's dateline may follow it
            label = Dateline(lead, lead + end, date, text[lead:lead + end])
            continue
        found = _match(text, lead, line, language)
        if found is None:
            continue
        if label is not None and found.date is None:
            return Dateline(found.start, found.end, label.date, found.raw)
        return found
    late = _late_dateline(text, language)
    if late is not None and label is not None and late.date is None:
        return Dateline(late.start, late.end, label.date, late.raw)
    return late or label


LATE_CHARS = 6000  # how far a copied page's furniture may push its dateline down
LATE_LINES = 40


def _late_dateline(text: str, language: str) -> Dateline | None:
    """A dateline below a page's furniture (menus, a byline, share buttons): only the
    unmistakable kind, a place in capitals and then a date or an agency in parentheses
    ("SYDNEY, Jan 17 (Reuters) - …"), or a place in title case with both a date and a
    news agency in capitals ("Jakarta, Sep 10 (IANS) The …"), opening one of the first
    lines of the text."""
    offset = 0
    for line in text[:LATE_CHARS].split("\n")[:LATE_LINES]:
        lead = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        if _CAPITAL_PLACE.match(line.strip()):
            found = _match(text, lead, line.strip(), language)
            if found is not None and (found.date is not None or "(" in found.raw):
                return found
        else:  # "Jakarta, Sep 10 (IANS) The …": a place in title case only with both a
            # date and a news agency in capitals
            wire = _WIRE.match(line.strip())
            if wire is not None:
                end = lead + wire.end()
                return Dateline(lead, end, _date_in(wire.group("date"), language),
                                text[lead:end])
    return None


# "SYDNEY, Jan 17 (Reuters) -", "NEW DELHI (AP) —": a place written in capitals
_CAPITAL_PLACE = re.compile(r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}[,(  ]")
_WIRE = re.compile(r"[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){0,3},[ \t]+(?P<date>[A-Z][a-z]{2,8}"
                   r"\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?)[ \t]+\([A-Z]{2,}[A-Za-z]*\)"
                   r"(?:[ \t]+[-–—]+)?[ \t]*")


def date_label(text: str, language: str) -> tuple[int, int] | None:
    """The span of a date label opening one of the first lines ("Published: 6 December
    2023"), whether or not a place's dateline follows it."""
    for lead, line in _first_lines(text):
        labelled = _labelled(line, language)
        if labelled is not None:
            return lead, lead + labelled[0]
    return None


def _first_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line stripped) of the first non-empty lines (at most four lines read)."""
    out, offset = [], 0
    for line in text[:SEARCH_CHARS].split("\n")[:4]:
        if line.strip():
            out.append((offset + len(line) - len(line.lstrip()), line.strip()))
        offset += len(line) + 1
    return out


# "(MENAFN- Nam News Network) JAKARTA, Oct 21 (NNN-ANTARA) – …": a syndication tag first
_SOURCE_TAG = re.compile(r"\([^()\n]{1,60}\)\s+(?=[A-Z])")


# "tajukonline.com – (2/1/2019) Badan …": a site's address, a dash and, in brackets, the date
_SITE = re.compile(rf"(?P<head>[a-z0-9][\w-]*(?:\.[a-z]{{2,}})+)[ \t]+{_DASH}[ \t]+"
                   r"(?:\((?P<date>[^()\n]{4,40})\)[ \t]+)?(?=\S)")


def _match(text: str, lead: int, line: str, language: str) -> Dateline | None:
    site = _SITE.match(line)
    if site is not None:
        end = lead + site.end()
        date = _date_in(site.group("date"), language) if site.group("date") else None
        return Dateline(lead, end, date, text[lead:end])
    tag = _SOURCE_TAG.match(line)
    if tag is not None:
        found = _match(text, lead + tag.end(), line[tag.end():], language)
        if found is not None:
            return Dateline(lead, found.end, found.date, text[lead:found.end])
    links = {w.casefold() for w in get_pack(language).link_prefixes}
    for pattern in (_WITH_DASH, _WITH_COLON):
        m = pattern.match(line)
        if m is not None and m.group("head").casefold() in links:
            return None  # "Baca juga: …", a link to another article
        if m is not None and _looks_like_dateline(m.group("head"), pattern is _WITH_DASH):
            end = lead + m.end()
            return Dateline(lead, end, _date_in(m.group("head"), language), text[lead:end])
    # a line of its own: "Bengaluru, August 23, 2023"
    if len(line) <= 60 and "," in line:
        place, rest = line.split(",", 1)
        date = _date_in(rest, language, whole=True)
        if date is not None and _is_place(place) and not _calendar_word(place, language):
            return Dateline(lead, lead + len(line), date, line)
    return _run_in(text, lead, line, language)


def _run_in(text: str, lead: int, line: str, language: str) -> Dateline | None:
    """"Jakarta, Dec. 31, 2020 A total of …": a place, a comma and a full date with its
    year, then the body with no dash between — the date ends where a capital opens it;
    or a full date glued to the first sentence ("March 31, 2021The recorder …"), a page's
    date run into its text."""
    from factaudit.reading.values import read_values

    place, comma, _ = line[:40].partition(",")
    if not comma or not _is_place(place) or _calendar_word(place, language):
        if not _GLUED_YEAR.match(line) and not _STAMPED_YEAR.match(line):
            return None  # (cheap tests first: every document asks)
        values = read_values(line[:40], language)
        first = values[0] if values else None
        if first is None or first.kind != "date" or first.start != 0 \
                or len(first.canonical) != 10 or first.canonical[:1] == "-":
            return None
        # the date glued to the text, or a time stamp after it ("September 9, 2023 |
        # 3:53 pmThe recently inaugurated …")
        stamp = _TIME_STAMP.match(line, first.end)
        body = stamp.end() if stamp is not None else first.end
        if line[body:body + 1].isupper():
            end = lead + body
            return Dateline(lead, end, PartialDate.parse(first.canonical), text[lead:end])
        return None
    start = len(place) + 1
    head = line[start:start + 40]
    if not _YEAR.search(head):
        return None
    skip = len(head) - len(head.lstrip())
    for v in read_values(head, language):
        if v.kind != "date" or v.start != skip or v.canonical.startswith("-") \
                or len(v.canonical) < 10:
            return None
        after = _RUN_IN_BODY.match(line, start + v.end)
        if after is None:
            return None
        end = lead + start + v.end
        try:
            return Dateline(lead, end, PartialDate.parse(v.canonical), text[lead:end])
        except ValueError:
            return None
    return None


_RUN_IN_BODY = re.compile(r"[ \t]+[A-Z\"“]")
_GLUED_YEAR = re.compile(r"[^\n]{3,30}?\d{4}[A-Z]")
_STAMPED_YEAR = re.compile(r"[^\n]{3,30}?\d{4}\s*[|·•]\s*\d{1,2}[:.]\d{2}")
_TIME_STAMP = re.compile(r"\s*[|·•]\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[aApP]\.?[mM]\.?)?"
                         r"(?:\s*[A-Z]{3,4}(?![a-z]))?\s*")
_YEAR = re.compile(r"\d{4}")


@cache
def _label_pattern(language: str) -> re.Pattern[str] | None:
    words = sorted(get_pack(language).date_labels, key=len, reverse=True)
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:{alts})(?![\w-])[ \t]*[:\-–—]?[ \t]*", re.IGNORECASE)


def _labelled(line: str, language: str) -> tuple[int, PartialDate | None] | None:
    """(end, date) of a date label and the date right after it at the start of a line
    (the pack's ``date_labels``): the page's date, whatever follows on the line."""
    pattern = _label_pattern(language)
    m = pattern.match(line) if pattern is not None else None
    if m is None or m.end() == len(line):
        return None
    from factaudit.reading.values import read_values

    rest = line[m.end():m.end() + 80]
    for v in read_values(rest, language):
        if v.start != 0 or v.kind != "date":
            return None
        # a label, not a sentence that opens with a date ("Tanggal 17 Agustus 1945
        # Indonesia merdeka"): a colon after it, a line of its own (a time may follow),
        # or a date written the way metadata is (2023-12-06)
        if not (":" in m.group(0) or _AFTER_DATE.fullmatch(line, m.end() + v.end)
                or _ISO_DATE.fullmatch(rest[:v.end].strip())):
            return None
        try:
            return m.end() + v.end, PartialDate.parse(v.canonical)
        except ValueError:
            return m.end() + v.end, None
    return None


_AFTER_DATE = re.compile(r"[\s,.|–—-]*(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*[A-Za-z.+\d]{0,12})?\s*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T[\d:.+Z-]*)?")


def _calendar_word(words: str, language: str) -> bool:
    """A weekday or month name: "Monday, November 25, 2024" alone on a line is a page's
    date widget (often the day it was fetched), not a place and the date of filing."""
    word = words.strip().casefold()
    # the page's own language, and English, which page furniture is often written in
    return any(word in pack.weekdays or word in pack.months
               for pack in (get_pack(language), get_pack("en")))


def _looks_like_dateline(head: str, dashed: bool) -> bool:
    """A place (capitalised words), then optionally a date, a region and an agency in
    parentheses — not a sentence ("The minister said it – …")."""
    head = head.replace(" | ", ", ")  # "DARA | CIANJUR": the site, then the place
    if _SENTENCE_END.search(head) or len(head.split()) > 12:
        return False
    place = re.split(r"[,(]", head, maxsplit=1)[0].strip()
    if not _is_place(place) and not _starts_with_date(head):
        return False
    if not dashed:
        return True  # "Jakarta: …"
    # what follows the place is a date, a region or an agency: capitalised words and
    # numbers, not a clause ("Garuda, founded in 1949 – …" is a sentence)
    rest = head[len(place):]
    # (an agency in parentheses is written as it likes: "(dpa/GNA)", "(ant)")
    outside = _AGENCY.sub(" ", rest)
    if any(not w[0].isupper() and w.lower() not in _CONNECTORS for w in _WORD.findall(outside)):
        return False
    # a dash after a capitalised phrase is a dateline when the head has a comma or an
    # agency in parentheses, or is written in capitals ("NEW DELHI –")
    return "," in head or "(" in head or place.isupper()


_AGENCY = re.compile(r"\([^()\n]{1,40}\)")
# lower-case words a dateline's region or agency may hold ("KOMPAS.com", "de Janeiro")
_CONNECTORS = frozenset({"de", "da", "di", "al", "and", "dan", "of", "com", "id", "co"})


def _is_place(words: str) -> bool:
    tokens = words.split()
    return (1 <= len(tokens) <= 4 and all(_WORD.fullmatch(t) and (t[0].isupper() or t in
                                                                 ("de", "da", "di", "al"))
                                          for t in tokens))


_MONTHISH = re.compile(r"^[A-Z][a-z]{2,}\.?\s+\d{1,2}\b|^\d{1,2}\s+[A-Z][a-z]{2,}")


def _starts_with_date(head: str) -> bool:
    return bool(_MONTHISH.match(head))


def _date_in(head: str, language: str, whole: bool = False) -> PartialDate | None:
    """The first full (or month-precision) date written in the dateline."""
    from factaudit.reading.values import read_values

    for v in read_values(head, language):
        if v.kind != "date" or v.canonical.startswith("-"):
            continue
        if whole and head[v.end:].strip(" ,") not in ("",):
            continue
        try:
            return PartialDate.parse(v.canonical)
        except ValueError:
            return None
    return None
