"""The machinery of the spelling rules: the corpus vocabulary, near-miss matching of names
and terms, invisible and look-alike characters, and Hunspell dictionaries.

Everything is matched against the corpus *vocabulary* — each distinct token (and word
n-gram) once — not token by token: rapidfuzz's ``cdist`` computes every distance between
the unique candidate forms and the names or terms in one C call, so the cost grows with
the vocabulary, not with names × tokens. Only the few forms within an edit or two of a
name or term are then looked at in their places in the text.

A near-miss is reported only with evidence, because a typo finding is useful only if it is
almost never wrong (see ``name_decision`` and ``term_decision``):

- an edit budget that grows with the length of the word (short words have too many real
  neighbours to guess at);
- for names: another word of the same entity beside it ("Dewi LP Kartiak") is strong
  evidence; alone, the word must look like a proper noun (capitalised, never written in
  lower case in the corpus, not an ordinary word of a Hunspell dictionary if one is
  installed) and keep its first letter, unless the name is long;
- known words are never typos: every form of every entity (including ``others``, real
  names that look close), every term form and the claims' ``vocabulary``;
- inflections (a name + "s"; a term + a suffix of its language) are not typos.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.process import cdist

from factaudit import plain
from factaudit.text import fold_phrase

if TYPE_CHECKING:
    from factaudit.claims import ClaimSet
    from factaudit.corpus import Document
    from factaudit.rules import AuditContext

# A token: letters and digits (with combining marks), any script. Punctuation, spaces and
# invisible format characters (zero-width space, soft hyphen…) separate tokens.
TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u0483-\u0489])*")

# --------------------------------------------------------------------------- budgets


def allowed_edits(length: int) -> int:
    """How many edits a near-miss of a word standing alone may have.

    Short words have too many real neighbours to guess at ("Igor"/"Igar" could both be
    names), so nothing under 5 letters is a near-miss; one edit up to 11 letters; two for
    longer forms, whose neighbourhoods are sparse.
    """
    if length < 5:
        return 0
    return 1 if length < 12 else 2


def context_edits(length: int) -> int:
    """Edits allowed when another word of the same name stands beside the word."""
    if length < 4:
        return 0
    return 1 if length < 10 else 2


def near_miss(candidate: str, form: str) -> int | None:
    """Edit distance (transposition = 1) if ``candidate`` is a plausible misspelling of
    ``form`` (both folded) by length and first letter alone, else None. Equal strings are
    not misspellings."""
    if candidate == form:
        return None
    budget = allowed_edits(len(form))
    if budget == 0 or abs(len(candidate) - len(form)) > budget:
        return None
    distance = OSA.distance(candidate, form, score_cutoff=budget)
    if distance > budget:
        return None
    if candidate[:1] != form[:1] and not is_transposition(candidate, form):
        return None
    return distance


def is_transposition(a: str, b: str) -> bool:
    """``a`` is ``b`` with two adjacent letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (len(diff) == 2 and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])


def edit_kind(found: str, expected: str) -> str:
    """'substitution', 'insertion', 'deletion', 'transposition' or 'edits' (several)."""
    if is_transposition(found, expected):
        return "transposition"
    ops = Levenshtein.editops(found, expected)
    if len(ops) != 1:
        return "edits"
    return {"replace": "substitution", "delete": "insertion", "insert": "deletion"}[ops[0].tag]


# --------------------------------------------------------------------------- differences


def match_case(expected: str, found: str) -> str:
    """``expected`` written in the case pattern of ``found`` ("Kartika", "KARTIAK" →
    "MARSUDI"), so that a difference in case is never shown as a difference in letters."""
    if found.isupper():
        return expected.upper()
    if found.islower():
        return expected.lower()
    if found[:1].isupper() and found[1:].islower():
        return expected[:1].upper() + expected[1:].lower()
    return expected


def describe_difference(found: str, expected: str) -> str:
    """Human description of how ``found`` differs from ``expected``: "letters 'ud' swapped".

    Letter case is ignored unless it is the only difference."""
    if found.lower() == expected.lower() and found != expected:
        return "differs only in letter case"
    a, b = found.lower(), expected.lower()
    if is_transposition(a, b):
        i = next(k for k in range(len(a)) if a[k] != b[k])
        return f"letters '{expected[i:i + 2]}' swapped to '{found[i:i + 2]}'"
    parts = []
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "replace":
            parts.append(f"'{found[op.src_start:op.src_end]}' instead of "
                         f"'{expected[op.dest_start:op.dest_end]}'")
        elif op.tag == "delete":
            parts.append(f"extra '{found[op.src_start:op.src_end]}'")
        elif op.tag == "insert":
            parts.append(f"missing '{expected[op.dest_start:op.dest_end]}'")
    if not parts:
        return "differs"
    where = _position(a, b)
    return "; ".join(parts) + (f" ({where})" if where else "")


def _position(a: str, b: str) -> str:
    """Where a single edit is: "at the start", "at the end" or "letter 5" (of ``a`` for an
    extra letter, of ``b`` otherwise)."""
    ops = Levenshtein.editops(a, b)
    if len(ops) != 1:
        return ""
    op = ops[0]
    i, n = (op.src_pos, len(a)) if op.tag == "delete" else (op.dest_pos, len(b))
    if i == 0:
        return "at the start"
    if i >= n - 1:
        return "at the end"
    return f"letter {i + 1}"


Pieces = list[tuple[str, bool]]


def mark_difference(found: str, expected: str) -> tuple[Pieces, Pieces]:
    """Both strings cut into (text, differs) pieces, for reports that highlight letters.

    Letters that differ only in case are not marked (unless case is the only difference)."""
    a: Pieces = []
    b: Pieces = []
    fa, fb = ((found, expected) if found.lower() == expected.lower()
              else (found.lower(), expected.lower()))
    if len(fa) != len(found) or len(fb) != len(expected):  # lower() changed a length
        fa, fb = found, expected
    for op in Levenshtein.opcodes(fa, fb):
        same = op.tag == "equal"
        if op.src_end > op.src_start:
            a.append((found[op.src_start:op.src_end], not same))
        if op.dest_end > op.dest_start:
            b.append((expected[op.dest_start:op.dest_end], not same))
    return a, b


@lru_cache(maxsize=8192)
def form_pattern(form: str) -> re.Pattern:
    """Whole-word, case-insensitive pattern of a word or phrase, any spacing between words."""
    words = [re.escape(w) for w in re.split(r"\s+", form.strip()) if w]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def occurrences(text: str, form: str) -> Iterable[tuple[int, int, str]]:
    for m in form_pattern(form).finditer(text):
        yield m.start(), m.end(), m.group(0)


def folded_words(phrases: Iterable[str]) -> set[str]:
    """Every folded word of the given phrases."""
    out: set[str] = set()
    for p in phrases:
        out.update(fold_phrase(p).split())
    return out


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
    doc_id: str
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


def find_oddities(doc: Document) -> list[Oddity]:
    """Invisible characters that matter and mixed-script words in one document."""
    text = doc.text
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
        out.append(Oddity("invisible", doc.id, start, end, written, clean, ", ".join(kinds)))
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
            labels.append(f"{script_of(c).title()} '{c}' (U+{ord(c):04X})"
                          + (f" that looks like Latin '{like}'" if like else ""))
        detail = (", ".join(labels) + f" among {main.title()} letters")
        out.append(Oddity("lookalike", doc.id, start, end, text[start:end], clean, detail))
    out.sort(key=lambda o: o.start)
    return out


# --------------------------------------------------------------------------- vocabulary


@dataclass
class DocTokens:
    doc_id: str
    language: str
    text: str
    starts: list[int]
    ends: list[int]
    forms: list[str]  # folded


@dataclass
class CorpusIndex:
    """The corpus as its vocabulary: each folded token → where it occurs."""

    docs: list[DocTokens]
    where: dict[str, list[tuple[int, int]]]  # folded form → (document index, token index)
    lower: set[str]  # folded forms written at least once starting with a lower-case letter
    count: Counter  # folded form → occurrences
    _grams: dict = field(default_factory=dict)

    def ngrams(self, size: int, language: str | None) -> dict[str, list[tuple[int, int]]]:
        """Folded word n-grams (words separated by spaces or a hyphen on one line) of the
        documents in ``language`` (all if None) → (document index, first token index)."""
        key = (size, language)
        if key not in self._grams:
            if size == 1:
                out = {f: [p for p in places if language in (None, self.docs[p[0]].language)]
                       for f, places in self.where.items()}
                self._grams[key] = {f: p for f, p in out.items() if p}
                return self._grams[key]
            grams: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for d, doc in enumerate(self.docs):
                if language and doc.language != language:
                    continue
                joined = [_JOIN.fullmatch(doc.text, doc.ends[k], doc.starts[k + 1]) is not None
                          for k in range(len(doc.starts) - 1)]
                for i in range(len(doc.starts) - size + 1):
                    if all(joined[i:i + size - 1]):
                        grams[" ".join(doc.forms[i:i + size])].append((d, i))
            self._grams[key] = dict(grams)
        return self._grams[key]


_JOIN = re.compile(r"[ \t\u00a0]+|[ \t]*-[ \t]*")


def build_index(documents: list[Document], fold_cache: dict[str, str] | None = None
                ) -> CorpusIndex:
    fold_cache = {} if fold_cache is None else fold_cache
    docs, where, lower, count = [], defaultdict(list), set(), Counter()
    for d, doc in enumerate(documents):
        starts, ends, forms = [], [], []
        for m in TOKEN.finditer(doc.text):
            word = m.group(0)
            folded = fold_cache.get(word)
            if folded is None:
                folded = fold_cache[word] = fold_phrase(word).replace(" ", "")
            where[folded].append((d, len(forms)))
            if word[0].islower():
                lower.add(folded)
            starts.append(m.start())
            ends.append(m.end())
            forms.append(folded)
        count.update(forms)
        docs.append(DocTokens(doc.id, doc.language, doc.text, starts, ends, forms))
    return CorpusIndex(docs, dict(where), lower, count)


def documents_with_text(ctx: AuditContext):
    """The documents with their text; when the engine streamed the corpus, each text is
    read again as it is reached and not kept."""
    return ctx.documents


def known_words(claims: ClaimSet) -> set[str]:
    """Folded words that are never typos: every entity form (others included), every term
    form and the vocabulary."""
    forms = [f for e in claims.entities for f in (*e.correct_forms(), *e.variants, *e.others)]
    forms += [f for t in claims.terms for f in (t.preferred, *t.variants)]
    return {w for p in [*forms, *claims.vocabulary] for w in _words(p)}


def _words(phrase: str) -> list[str]:
    return [fold_phrase(m.group(0)).replace(" ", "") for m in TOKEN.finditer(phrase)]


def _pairs(candidates: list[str], targets: list[str], cutoff: int) -> list[tuple[int, int, int]]:
    """(candidate index, target index, OSA distance) of every pair within ``cutoff``."""
    if not candidates or not targets:
        return []
    matrix = cdist(candidates, targets, scorer=OSA.distance, score_cutoff=cutoff, workers=1)
    rows, cols = (matrix <= cutoff).nonzero()
    return [(int(r), int(c), int(matrix[r, c])) for r, c in zip(rows, cols, strict=True)]


# --------------------------------------------------------------------------- names


@dataclass(frozen=True)
class NameTypo:
    entity: int
    doc_id: str
    start: int
    end: int
    found: str
    expected: str  # the word of the name as written in the claims
    distance: int
    evidence: str


def sentence_initial(text: str, start: int) -> bool:
    """The word at ``start`` opens a sentence, a line or a heading."""
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0\"'“‘«([*_":
        j -= 1
    return j < 0 or text[j] in ".!?…:\n\r•–—-#>|"


def _is_initial(word: str) -> bool:
    return len(word) <= 3 and word.isupper()


_GAP = re.compile(r"[ \t\u00a0]*\.?[ \t\u00a0]*\n?[ \t\u00a0]*")


def _neighbours(doc: DocTokens, i: int, reach: int = 3) -> list[str]:
    """Folded words beside token ``i`` in the same name: next to it, or past initials
    ("Dewi L.P. Kartika"), with only spaces, one line break or an initial's full stop
    between."""
    out = []
    for step in (-1, 1):
        k = i
        for _ in range(reach):
            j = k + step
            if j < 0 or j >= len(doc.starts):
                break
            lo, hi = (doc.ends[j], doc.starts[k]) if step < 0 else (doc.ends[k], doc.starts[j])
            gap = doc.text[lo:hi]
            if not _GAP.fullmatch(gap):
                break
            if "." in gap and not _is_initial(doc.text[doc.starts[min(j, k)]:
                                                         doc.ends[min(j, k)]]):
                break
            out.append(doc.forms[j])
            if not _is_initial(doc.text[doc.starts[j]:doc.ends[j]]):
                break
            k = j
    return out


@dataclass(frozen=True)
class Evidence:
    """What is known about one occurrence of a word close to a name."""

    context: bool = False  # another word of the entity stands beside it
    confirmed: bool = False  # the same spelling stands beside the entity's other word elsewhere
    initial: bool = False  # it opens a sentence, a line or a heading
    written_lower: bool = False  # the corpus also writes it in lower case somewhere
    in_dictionary: bool | None = None  # a Hunspell dictionary knows it (None: none to ask)
    recurring: bool = False  # it occurs 3+ times in the corpus


def name_decision(found: str, candidate: str, target: str, distance: int,
                  ev: Evidence) -> str | None:
    """Why ``found`` (folded: ``candidate``) is a typo of the name word ``target``, or None.

    Beside another word of the name (or spelled the same way as a word that stands beside
    one elsewhere), one edit of any letter (two from 10 letters) is a typo. Alone, the other
    gender's form of a Slavic surname ("Morozova") is another person, and the word must look
    like a proper noun that nobody knows: capitalised, never written in lower
    case, not a word or name of an installed dictionary, not recurring; then a spelling
    confirmed beside the name elsewhere is a typo; otherwise it must also keep its first
    letter unless the name has 8+ letters, and a word that opens a sentence needs 7+
    letters unless a dictionary could be asked.
    """
    length = len(target)
    if candidate == target + "s":
        return None  # plural or genitive ("the Webers")
    if ev.context:
        return "beside another word of the name" if distance <= context_edits(length) else None
    if other_gender_form(candidate, target):
        return None  # "Morozova" is another person than "Morozov"
    if found[:1].islower() or ev.written_lower or ev.in_dictionary or ev.recurring:
        return None  # an ordinary word, a known name or an established spelling
    if ev.confirmed:
        if distance > context_edits(length):
            return None
        return "spelled so beside another word of the name elsewhere in the corpus"
    if distance > allowed_edits(length):
        return None
    if not (candidate[:1] == target[:1] or is_transposition(candidate, target)) and length < 8:
        return None  # a different first letter is more often another name
    if ev.initial and not found.isupper() and ev.in_dictionary is None and length < 7:
        return None  # a capital that opens a sentence says nothing about a name
    return ("alone: a capitalised word close to the name, never written in lower case"
            + (", in no dictionary" if ev.in_dictionary is False else ""))


# Slavic surnames: the feminine form adds an "a" (Ivanov → Ivanova, Lebedev → Lebedeva,
# Pushkin → Pushkina), in Latin or Cyrillic letters.
_MASCULINE_ENDINGS = ("ov", "ev", "in", "yn", "\u043e\u0432", "\u0435\u0432", "\u0438\u043d",
                      "\u044b\u043d")


def other_gender_form(candidate: str, target: str) -> bool:
    """``candidate`` is the other gender's form of the surname ``target`` (both folded)."""
    for a, b in ((target, candidate), (candidate, target)):
        if a.endswith(_MASCULINE_ENDINGS):
            ending = "\u0430" if script_of(a[-1]) == "CYRILLIC" else "a"
            if b == a + ending:
                return True
    return False


def name_typos(ctx: AuditContext) -> list[NameTypo]:
    return ctx.cached("spelling:name-typos", lambda: _name_typos(ctx))


def _name_targets(claims: ClaimSet) -> tuple[dict[str, list[tuple[int, str]]], list[set[str]]]:
    """Words of names (4+ letters) → [(entity, word as written)], and each entity's words."""
    targets: dict[str, list[tuple[int, str]]] = defaultdict(list)
    entity_words: list[set[str]] = []
    for e, entity in enumerate(claims.entities):
        words: set[str] = set()
        for form in (*entity.correct_forms(), *entity.variants):
            for m in TOKEN.finditer(form):
                folded = fold_phrase(m.group(0)).replace(" ", "")
                if len(folded) >= 2:
                    words.add(folded)
                if (len(folded) >= 4 and folded.isalpha()
                        and (e, m.group(0)) not in targets[folded]):
                    targets[folded].append((e, m.group(0)))
        entity_words.append(words)
    return targets, entity_words


def _name_typos(ctx: AuditContext) -> list[NameTypo]:
    """Decide, over the whole corpus, which near-misses of names collected document by
    document (``collect``) are typos."""
    targets, entity_words = _name_targets(ctx.claims)
    if not targets:
        return []
    data = merged(ctx)
    target_list = sorted(targets)
    candidates = sorted({p.form for p in data.places})
    by_candidate: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for c, t, d in _pairs(candidates, target_list, 2):
        by_candidate[candidates[c]].append((d, target_list[t]))
    dictionary = _dictionary_words(ctx, set(by_candidate), names=True,
                                   languages=corpus_languages(ctx))
    # occurrences, with context first: a spelling seen beside the entity's other word
    # confirms the same spelling where it stands alone
    places = []
    for place in data.places:
        pairs = sorted(by_candidate.get(place.form, []))
        if not pairs or place.invisible:
            continue  # invisible-characters reports those beside an invisible character
        with_context = {(e, t) for _, t in pairs for e, _ in targets[t]
                        if place.near & (entity_words[e] - {t})}
        places.append((not with_context, place.doc_id, place.start, place, with_context))
    places.sort(key=lambda p: p[:3])
    confirmed: set[tuple[str, int]] = set()
    out: list[NameTypo] = []
    for _, _, _, place, with_context in places:
        candidate = place.form
        asked = dictionary.get(candidate)
        accepted = []
        for d, target in sorted(by_candidate[candidate]):
            for e, written in targets[target]:
                ev = Evidence(
                    context=(e, target) in with_context,
                    confirmed=(candidate, e) in confirmed,
                    initial=place.initial,
                    written_lower=candidate in data.lower,
                    in_dictionary=asked,
                    recurring=data.count[candidate] >= 3)
                why = name_decision(place.found, candidate, target, d, ev)
                if why:
                    accepted.append((not ev.context, d, e, written, why))
        if not accepted:
            continue
        accepted.sort(key=lambda a: a[:2])
        best = accepted[0]
        if len({a[2] for a in accepted if a[:2] == best[:2]}) > 1:
            continue  # as close to two entities: cannot say which was meant
        context_missing, d, e, written, why = best
        if not context_missing:
            confirmed.add((candidate, e))
        out.append(NameTypo(e, place.doc_id, place.start, place.end, place.found, written, d,
                            why))
    out.sort(key=lambda t: (t.doc_id, t.start))
    return out


def _touches_invisible(doc: DocTokens, first: int, last: int) -> bool:
    start, end = doc.starts[first], doc.ends[last]
    return ((start > 0 and doc.text[start - 1] in INVISIBLE)
            or (end < len(doc.text) and doc.text[end] in INVISIBLE))


def corpus_languages(ctx: AuditContext) -> list[str]:
    return sorted({d.language for d in ctx.documents_by_id.values()}
                  | set(ctx.config.languages))


def _dictionary_words(ctx: AuditContext, forms: set[str], names: bool = False,
                      languages: list[str] | None = None) -> dict[str, bool]:
    """Folded form → whether a Hunspell dictionary of ``languages`` (default: every language
    of the corpus) knows it (in lower case; with ``names``, also capitalised, as a name).
    Forms absent: no dictionary could be asked."""
    if languages is None:
        languages = corpus_languages(ctx)
    spellers = [s for s in map(get_speller, languages) if s is not None]
    if not spellers or not forms:
        return {}
    words = sorted(forms)
    variants = {w: [w, w[:1].upper() + w[1:]] if names else [w] for w in words}
    asked = {v for vs in variants.values() for v in vs}
    unknown = set(asked)
    for speller in spellers:
        unknown &= speller.unknown(unknown)
    return {w: any(v not in unknown for v in variants[w]) for w in words}


# --------------------------------------------------------------------------- terms

# Suffixes that make another correct word from a term (inflection, not a typo).
SUFFIXES = {"en": ("s", "es", "d", "ed"), "id": ("i", "an", "kan", "nya", "lah", "kah", "pun")}


@dataclass(frozen=True)
class TermTypo:
    term: int
    doc_id: str
    start: int
    end: int
    found: str
    distance: int
    evidence: str


def term_decision(candidate: str, preferred: str, language: str | None,
                  in_dictionary: bool | None, recurring: bool = False) -> str | None:
    """Why the folded n-gram ``candidate`` is a misspelling of the folded ``preferred`` form
    of a term (same number of words), or None.

    Exactly one word may differ, never by an inflection (a suffix of the language). Beside
    the term's other words, by one edit of any letter (two from 10 letters), in words of 5+
    letters ("Dalam Ngeri" is a typo though "ngeri" is a word). A one-word term: one edit
    (two from 12 letters) keeping the first letter unless it has 8+ letters, only a swap of
    two letters in words of 5–6 letters; never a word that the dictionary of the document's
    language knows, and without a dictionary never a word that recurs 3+ times.
    """
    cwords, pwords = candidate.split(), preferred.split()
    differing = [(c, p) for c, p in zip(cwords, pwords, strict=True) if c != p]
    if len(differing) != 1:
        return None  # one misspelled word; the others exactly right
    word, target = differing[0]
    if any(word == target + s for s in SUFFIXES.get(language or "", ())):
        return None
    if len(pwords) == 1 and (in_dictionary or (in_dictionary is None and recurring)):
        return None  # another word of the language
    length = len(target)
    d = OSA.distance(word, target)
    swapped = is_transposition(word, target)
    if len(pwords) > 1:  # the term's other words stand beside it
        if length < 5 or d > context_edits(length):
            return None
        return "the term's other words are right; one is a near-miss"
    if d > allowed_edits(length):
        return None
    if length <= 6 and not swapped:
        return None  # short words: one changed letter is usually another word
    if word[:1] != target[:1] and not swapped and length < 8:
        return None
    return "a near-miss of the preferred form" + (
        ", in no dictionary" if in_dictionary is False else "")


def term_typos(ctx: AuditContext) -> list[TermTypo]:
    return ctx.cached("spelling:term-typos", lambda: _term_typos(ctx))


def _term_typos(ctx: AuditContext) -> list[TermTypo]:
    """Decide which near-misses of terms collected document by document are typos."""
    claims = ctx.claims
    data = merged(ctx)
    groups = _term_groups(claims)
    out: list[TermTypo] = []
    grams_by_group: dict[tuple[int, str | None], list[Gram]] = defaultdict(list)
    for g in data.grams:
        grams_by_group[(g.size, g.group_language)].append(g)
    known = known_words(claims)
    for (size, language), (members, preferred) in sorted(groups.items(),
                                                         key=lambda g: (g[0][0], g[0][1] or "")):
        grams = grams_by_group.get((size, language), [])
        candidates = sorted({g.form for g in grams})
        pairs = _pairs(candidates, preferred, 2)
        differing = {w for c, p, _ in pairs
                     for w, f in zip(candidates[c].split(), preferred[p].split(), strict=True)
                     if w != f}
        places: dict[str, list[Gram]] = defaultdict(list)
        for g in grams:
            places[g.form].append(g)
        doc_languages = sorted({g.language for c, _, _ in pairs for g in places[candidates[c]]})
        dictionary = {(lang, w): v for lang in doc_languages for w, v in
                      _dictionary_words(ctx, differing - known, languages=[lang]).items()}
        for c, p, d in pairs:
            candidate, form = candidates[c], preferred[p]
            word = next((w for w, f in zip(candidate.split(), form.split(), strict=True)
                         if w != f), "")
            for k in members:
                if " ".join(_words(claims.terms[k].preferred)) != form:
                    continue
                for g in places[candidate]:
                    if g.invisible:
                        continue  # invisible-characters reports it
                    why = term_decision(candidate, form, g.language,
                                        dictionary.get((g.language, word)),
                                        data.count[word] >= 3)
                    if why:
                        out.append(TermTypo(k, g.doc_id, g.start, g.end, g.found, d, why))
    out.sort(key=lambda t: (t.doc_id, t.start, t.term))
    return out


def _term_groups(claims: ClaimSet) -> dict[tuple[int, str | None], tuple[list[int], list[str]]]:
    """(number of words, language) → (indexes of the terms checked, their folded forms)."""
    groups: dict[tuple[int, str | None], list[int]] = defaultdict(list)
    for k, term in enumerate(claims.terms):
        if term.misspellings and _words(term.preferred):
            groups[(len(_words(term.preferred)), term.language)].append(k)
    return {key: (members, sorted({" ".join(_words(claims.terms[k].preferred))
                                   for k in members}))
            for key, members in groups.items()}


# --------------------------------------------------------------------------- per document
#
# The corpus is streamed: each document is looked at once, alone. ``collect`` keeps only
# what the decisions above need — the places of near-misses of names and terms, with
# their surroundings, and, for those forms, how often and in which case the corpus writes
# them — and ``merged`` puts the documents' parts together for the corpus-wide decisions.


@plain.register
@dataclass(frozen=True)
class Place:
    """One occurrence of a word within two edits of a word of a name."""

    form: str  # folded
    doc_id: str
    start: int
    end: int
    found: str
    near: frozenset[str]  # folded words beside it in the same name (see _neighbours)
    initial: bool
    invisible: bool


@plain.register
@dataclass(frozen=True)
class Gram:
    """One occurrence of a word n-gram within two edits of a term."""

    form: str
    size: int
    group_language: str | None  # the term group's language (None: every language)
    language: str  # the document's
    doc_id: str
    start: int
    end: int
    found: str
    invisible: bool


@plain.register
@dataclass
class SpellingData:
    places: list[Place] = field(default_factory=list)
    grams: list[Gram] = field(default_factory=list)
    lower: set[str] = field(default_factory=set)  # candidate forms written in lower case
    count: Counter = field(default_factory=Counter)  # candidate forms → occurrences

    def __bool__(self) -> bool:
        return bool(self.places or self.grams or self.lower or self.count)


def collect(dctx) -> SpellingData:
    """The near-misses of names and terms in one document (``DocumentContext``)."""
    cached = dctx.collected.get("spelling")
    if cached is not None:
        return cached
    doc = dctx.document
    memo = dctx.memo.setdefault("spelling", {"fold": {}, "name": {}, "term": {}})
    fold_memo = memo["fold"]
    words = (_ASCII_TOKEN if doc.text.isascii() else TOKEN).findall(doc.text)
    forms = {}
    for w in set(words):
        f = fold_memo.get(w)
        if f is None:
            f = fold_memo[w] = fold_phrase(w).replace(" ", "")
        forms[w] = f
    unique = set(forms.values())
    claims = dctx.claims
    setup = memo.get("setup")
    if setup is None:
        targets, _ = _name_targets(claims)
        setup = memo["setup"] = (sorted(targets), known_words(claims), _term_groups(claims))
    target_list, known, groups = setup
    # near-misses within the most edits a decision below could accept for that target
    names = (_near(memo["name"], unique, target_list, known,
                   lambda n: max(context_edits(n), allowed_edits(n)))
             if target_list else set())
    unigram_terms = set()
    anchors = False
    for (size, language), (_, preferred) in groups.items():
        if language and language != doc.language:
            continue
        if size == 1:
            unigram_terms |= _near(memo["term"].setdefault(language, {}), unique, preferred,
                                   known, allowed_edits)
            continue
        for p in preferred:  # all words of the term but one, and a near-miss of that one
            term_words = p.split()
            for k, word in enumerate(term_words):
                others = term_words[:k] + term_words[k + 1:]
                if len(word) >= 5 and all(w in unique for w in others) and _near(
                        memo["term"].setdefault(("word", word), {}), unique, [word], set(),
                        context_edits):
                    anchors = True
    data = SpellingData()
    candidates = names | unigram_terms
    if candidates:
        written = {w: f for w, f in forms.items() if f in candidates}
        data.lower = {f for w, f in written.items() if w[:1].islower()}
        data.count.update(written[w] for w in words if w in written)
        for start, end, word, tokens, i in _occurrences(doc, written, fold_memo):
            f = written[word]
            invisible = _touches_invisible(tokens, i, i)
            if f in names:
                data.places.append(Place(
                    f, doc.id, start, end, word, frozenset(_neighbours(tokens, i)),
                    sentence_initial(doc.text, start), invisible))
            if f in unigram_terms and f not in known:
                for (size, language), _ in groups.items():
                    if size == 1 and (not language or language == doc.language):
                        data.grams.append(Gram(f, 1, language, doc.language, doc.id, start,
                                               end, word, invisible))
    if anchors:
        index = build_index([doc], fold_memo)
        tokens = index.docs[0]
        for (size, language), (_, preferred) in groups.items():
            if size == 1 or (language and language != doc.language):
                continue
            lo = min(map(len, preferred)) - 2
            hi = max(map(len, preferred)) + 2
            for gram, where in index.ngrams(size, None).items():
                if not lo <= len(gram) <= hi:
                    continue
                if size == 1:
                    if gram not in unigram_terms or gram in known:
                        continue
                elif not _one_word_off(gram, preferred):
                    continue
                if (gram in known_phrases(claims, memo) or not gram.replace(" ", "").isalpha()
                        or is_mixed_script(gram)):
                    continue
                for _, i in where:
                    start, end = tokens.starts[i], tokens.ends[i + size - 1]
                    data.grams.append(Gram(gram, size, language, doc.language, doc.id, start,
                                           end, doc.text[start:end],
                                           _touches_invisible(tokens, i, i + size - 1)))
    dctx.collected["spelling"] = data
    return data


def _occurrences(doc, written: dict[str, str], fold_memo: dict[str, str]):
    """(start, end, word, tokens, i) of each occurrence of the ``written`` words, with the
    tokens of the passage around it (enough to see the words beside it) and its index."""
    alternatives = "|".join(re.escape(w) for w in sorted(written, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_]|[\u0300-\u036f])")
    text = doc.text
    for m in pattern.finditer(text):
        lo, hi = max(0, m.start() - 120), min(len(text), m.end() + 120)
        starts, ends, forms = [], [], []
        i = -1
        for t in TOKEN.finditer(text, lo, hi):
            if t.start() == m.start():
                i = len(starts)
            word = t.group(0)
            f = fold_memo.get(word)
            if f is None:
                f = fold_memo[word] = fold_phrase(word).replace(" ", "")
            starts.append(t.start())
            ends.append(t.end())
            forms.append(f)
        if i < 0 or ends[i] != m.end():
            continue  # part of a longer token
        yield m.start(), m.end(), m.group(0), DocTokens(doc.id, doc.language, text, starts,
                                                         ends, forms), i


def _near(memo: dict, forms: set[str], targets: list[str], known: set[str],
          budget) -> set[str]:
    """The forms within ``budget(len(target))`` edits of a target, the targets themselves
    excepted (memoised across documents)."""
    lo = min(map(len, targets)) - 2
    hi = max(map(len, targets)) + 2
    new = sorted(f for f in forms if f not in memo)
    for f in new:
        memo[f] = False
    eligible = [f for f in new if f not in known and lo <= len(f) <= hi and f.isalpha()]
    for c, t, d in _pairs(eligible, targets, 2):
        if (eligible[c] != targets[t] and d <= budget(len(targets[t]))
                and not is_mixed_script(eligible[c])):
            memo[eligible[c]] = True
    return {f for f in forms if memo[f]}


def _one_word_off(gram: str, preferred: list[str]) -> bool:
    words = gram.split()
    for p in preferred:
        pw = p.split()
        if (len(pw) == len(words)
                and sum(a != b for a, b in zip(words, pw, strict=True)) == 1
                and OSA.distance(gram, p, score_cutoff=2) <= 2):
            return True
    return False


def known_phrases(claims: ClaimSet, memo: dict | None = None) -> set[str]:
    if memo is not None and "phrases" in memo:
        return memo["phrases"]
    phrases = {" ".join(_words(f)) for t in claims.terms for f in (t.preferred, *t.variants)}
    phrases |= {" ".join(_words(f)) for e in claims.entities
                for f in (*e.correct_forms(), *e.variants, *e.others)}
    if memo is not None:
        memo["phrases"] = phrases
    return phrases


def merged(ctx: AuditContext) -> SpellingData:
    """Every document's ``collect`` put together (in corpus order)."""
    def build() -> SpellingData:
        out = SpellingData()
        for part in ctx.collected.get("spelling", {}).values():
            out.places += part.places
            out.grams += part.grams
            out.lower |= part.lower
            out.count.update(part.count)
        return out
    return ctx.cached("spelling:merged", build)


# --------------------------------------------------------------------------- Hunspell

# Dictionaries by language code; others are found as <code>_*.dic or <code>.dic.
DEFAULT_DICTIONARIES = {"en": "en_US", "id": "id_ID"}
DEBIAN_PACKAGES = {"en_US": "hunspell-en-us", "id_ID": "hunspell-id"}
DICTIONARY_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
                   "/usr/local/share/hunspell", "/opt/homebrew/share/hunspell",
                   "/Library/Spelling", "~/Library/Spelling", "~/.local/share/hunspell")
DISABLE_ENV = "FACTAUDIT_DICTIONARIES"  # "off": behave as if no dictionary were installed


def dictionary_dirs() -> list[Path]:
    extra = [p for p in os.environ.get("DICPATH", "").split(os.pathsep) if p]
    return [Path(p).expanduser() for p in (*extra, *DICTIONARY_DIRS)]


def dictionary_name(language: str) -> str:
    return DEFAULT_DICTIONARIES.get(language, language)


def find_dictionary(language: str) -> Path | None:
    """The .dic file of a language's Hunspell dictionary (without suffix), or None."""
    if os.environ.get(DISABLE_ENV, "").lower() in ("off", "0", "no", "false"):
        return None
    name = dictionary_name(language)
    for folder in dictionary_dirs():
        for candidate in [folder / f"{name}.dic", *sorted(folder.glob(f"{language}_*.dic"))]:
            if candidate.is_file() and candidate.with_suffix(".aff").is_file():
                return candidate.with_suffix("")
    return None


class Speller:
    """One Hunspell dictionary, through the Python binding if installed, else the
    ``hunspell`` program (one call per batch of words). Answers are cached per word."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        self._known: dict[str, bool] = {}
        self._binding = None
        try:
            import hunspell  # type: ignore[import-not-found]

            self._binding = hunspell.HunSpell(str(path.with_suffix(".dic")),
                                              str(path.with_suffix(".aff")))
            self.backend = "Python binding"
        except Exception:  # not installed or not loadable: use the program
            self._program = shutil.which("hunspell")
            if self._program is None:
                raise LookupError("neither the hunspell Python binding nor the hunspell "
                                  "program is installed") from None
            self.backend = "hunspell program"

    def unknown(self, words: Iterable[str]) -> set[str]:
        """The words the dictionary does not accept (capitalisation as given)."""
        todo = sorted({w for w in words if w and w not in self._known})
        if todo:
            if self._binding is not None:
                for w in todo:
                    try:
                        self._known[w] = bool(self._binding.spell(w))
                    except UnicodeError:  # not in the dictionary's character set
                        self._known[w] = False
            else:
                bad = set(self._run(["-l"], todo).split("\n"))
                for w in todo:
                    self._known[w] = w not in bad
        return {w for w in words if w and not self._known[w]}

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        return suggestions(self, [word], limit)[word]

    def _run(self, args: list[str], words: list[str]) -> str:
        result = subprocess.run(
            [self._program, "-i", "utf-8", "-d", str(self.path), *args],
            input="\n".join(words) + "\n", capture_output=True, text=True, encoding="utf-8",
            check=False, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"hunspell failed: {result.stderr.strip()[:200]}")
        return result.stdout


_spellers: dict[str, Speller | str] = {}


def get_speller(language: str) -> Speller | None:
    speller = load_speller(language)
    return speller if isinstance(speller, Speller) else None


def load_speller(language: str) -> Speller | str:
    """The Speller of a language, or why there is none (a sentence for a warning)."""
    key = f"{language}:{os.environ.get(DISABLE_ENV, '')}:{os.environ.get('DICPATH', '')}"
    if key not in _spellers:
        path = find_dictionary(language)
        name = dictionary_name(language)
        if path is None:
            package = DEBIAN_PACKAGES.get(name)
            _spellers[key] = (f"no Hunspell dictionary {name} for language '{language}'"
                              + (f" (install the Debian package {package})" if package else "")
                              + "; its documents were not spell-checked")
        else:
            try:
                _spellers[key] = Speller(path)
            except LookupError as exc:
                _spellers[key] = f"dictionary {path}.dic found but {exc}"
    return _spellers[key]


def suggestions(speller: Speller, words: list[str], limit: int = 3) -> dict[str, list[str]]:
    """Hunspell's suggestions for each word (one program call for all, with the program)."""
    if speller._binding is not None:
        out = {}
        for w in words:
            try:
                out[w] = [str(s) for s in speller._binding.suggest(w)][:limit]
            except UnicodeError:
                out[w] = []
        return out
    out: dict[str, list[str]] = {w: [] for w in words}
    if not words:
        return out
    text = speller._run(["-a"], [f"^{w}" for w in words])  # ^: take the line literally
    groups = text.split("\n\n")
    lines = groups[0].split("\n", 1)
    groups[0] = lines[1] if len(lines) > 1 and lines[0].startswith("@(#)") else groups[0]
    for word, group in zip(words, groups, strict=False):
        for line in group.splitlines():
            if line.startswith("&"):
                out[word] = [s.strip() for s in line.split(":", 1)[1].split(",")][:limit]
    return out
