"""The claims format: pydantic models, loading a claims folder, and errors that point at lines.

A claims file holds up to four lists: ``claims`` (facts with a typed expected value, or
``consistent: true`` when sources must only agree), ``entities`` (canonical names with
aliases and accepted variants), ``terms`` (preferred spellings with variants to flag) and
``vocabulary`` (words that are never typos). See docs/claims.md.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from factaudit import __version__
from factaudit.model import InputError, ItemKind, PartialDate, Problem, display_path
from factaudit.reading.files import describe
from factaudit.reading.text import fold_phrase, written_form
from factaudit.reading.values import parse_expected
from factaudit.reading.yamlsource import LocatedYaml, load_yaml, read_text

Severity = Literal["error", "warning", "info"]
ValueType = Literal["year", "period", "date", "quantity", "ordinal", "duration", "category"]
LangCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
Phrase = Annotated[str, Field(min_length=1)]


def _matchable(value: str) -> str:
    """A cue, signal word, name or term must contain something to match: matching ignores
    punctuation, spaces and invisible characters, so "---" or a zero-width space would
    match nothing (or, as a pattern, everywhere)."""
    if not any(ch.isalnum() for ch in value):
        raise ValueError(f"{value!r} has no letter or digit, so it can never be matched; "
                         "write the words to look for")
    return value


def _as_text(value: Any) -> Any:
    """YAML reads ``2019`` as a number; as a word to look for it is the text "2019"."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


Words = Annotated[str, BeforeValidator(_as_text), Field(min_length=1),
                  AfterValidator(_matchable)]


def _unit(value: str) -> str:
    """A unit word, or a unit sign written right after the number ("%", "°C", "$")."""
    if any(ch.isalnum() for ch in value):
        return value
    if not value.strip() or len(value) > 8 or not value.isprintable():
        raise ValueError(f"{value!r} is not a unit: write a word or a short sign such as "
                         "'%'")
    return value.strip()


UnitWord = Annotated[str, Field(min_length=1), AfterValidator(_unit)]
# what a sentence must be about: each entry must occur; a list entry is "any one of these"
Topic = list[Words | list[Words]]
ItemId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=120)]


def slug(text: str) -> str:
    """A stable kebab-case id from a name: "Dewi Kartika" → "dewi-kartika"."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "item"


@lru_cache(maxsize=8192)
def _slug(text: str) -> str:
    return slug(text)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Acknowledgement(_Strict):
    """A known discrepancy in one source: reported as acknowledged (xfail) until it expires."""

    source: Phrase = Field(description="id of the document the discrepancy is in")
    reason: Phrase = Field(description="why it is acknowledged (e.g. correction requested)")
    until: dt.date = Field(description="expiry date; afterwards the finding fails again")
    found: str | None = Field(None, description="only this found value/spelling is acknowledged")


class Scope(_Strict):
    sources: list[Phrase] | None = Field(None, description="document ids the claim applies to")
    languages: list[LangCode] | None = Field(None, description="document languages it applies to")


def _years(value: int | str) -> tuple[int, int]:
    """The first and last year of a ``when``: 2022, "2022" or "2021..2022"."""
    text = str(value).strip()
    first, _, last = text.partition("..")
    if not first.isdigit() or len(first) != 4 or (last and (not last.isdigit()
                                                             or len(last) != 4)):
        raise ValueError(f"'when' must be a year (2022) or years (2021..2022), not {text!r}")
    years = int(first), int(last or first)
    if years[1] < years[0]:
        raise ValueError(f"'when': the last year comes before the first ({text!r})")
    return years


class Claim(_Strict):
    """A fact with a typed value, judged in every document that speaks to it."""

    id: ItemId
    statement: Phrase = Field(description="the fact in plain words")
    type: ValueType = Field(description="the kind of value the cues are followed by")
    expected: Any = Field(None, description="the true value; omit and set consistent: true "
                          "when sources must only agree with each other")
    consistent: bool = Field(False, description="no expected value: sources must agree")
    cues: dict[LangCode, list[Words]] = Field(
        default_factory=dict,
        description="phrases, per language, that mark a passage as speaking to the claim "
        "(inflected forms match too: 'landed' for 'landing')"
    )
    keywords: dict[LangCode, list[Words]] | None = Field(
        None, description="words, per language, that together mark a passage: a clause "
        "holding all of them, in any order and inflection, counts as a cue"
    )
    about: Topic | dict[LangCode, Topic] | None = Field(
        None, description="what the sentence must be about: every entry must occur in it (an "
        "entry that is a list: any one of its words); a list for every language, or per "
        "language"
    )
    not_about: list[Words] | dict[LangCode, list[Words]] | None = Field(
        None, description="a sentence holding any of these words is not read for the claim"
    )
    window: int | None = Field(
        None, ge=1, le=200, description="the value must be at most this many words from the cue"
    )
    categories: dict[Phrase, dict[LangCode, list[Words]]] | None = Field(
        None, description="type category: each category and the words that signal it"
    )
    unit: str | None = Field(None, description="type quantity: the unit, for display")
    unit_words: dict[LangCode, list[UnitWord]] | None = Field(
        None, description="type quantity: read only numbers followed by one of these words"
    )
    tolerance: float = Field(0.0, ge=0, lt=1, description="relative tolerance for quantities")
    counts_from: int | None = Field(
        None, description="type duration: the year it counts from; the expected duration is "
        "each document's publication year minus this year"
    )
    valid: str | None = Field(
        None, description="period the claim holds for (2018..2021, or 2018..); documents "
        "published outside it are out of scope"
    )
    settled: Any = Field(
        None, description="the date (2023-03-24, or 2023-03) from which the expected value "
        "was final: a figure that kept changing before it, such as a death toll or a vote "
        "count, is reported at most as info in documents published earlier"
    )
    running: Literal["up", "down", "either", False] | None = Field(
        None, description="type quantity: the expected value is the last of a count that "
        "changed while it was reported; a value on the earlier side (lower for up, higher "
        "for down, any for either) in a document not published on or after 'settled' is "
        "an earlier count, info at most. Default: up with 'settled' or a statement that "
        "calls the figure final (\"the final death toll\"); false: never"
    )
    when: int | str | None = Field(
        None, description="types quantity, ordinal, duration and category: the year (2022) or "
        "years (2021..2022) of the occasion the claim is about; a sentence that dates itself "
        "only to other years (or, writing none, whose document does) is about another "
        "occasion and is not read"
    )
    severity: Severity | None = None
    scope: Scope | None = None
    acknowledged: list[Acknowledgement] = Field(default_factory=list)

    _expected: str | None = PrivateAttr(None)
    _valid: str | None = PrivateAttr(None)
    _when: tuple[int, int] | None = PrivateAttr(None)
    _settled: PartialDate | None = PrivateAttr(None)

    @field_validator("expected")
    @classmethod
    def _expected_form(cls, value: Any, info: ValidationInfo) -> Any:
        """Checked here, not only in _check, so that a malformed value is reported at its
        own line together with the claim's other problems (_check runs only without any)."""
        kind = info.data.get("type")
        if value is not None and kind not in (None, "category"):
            parse_expected(kind, value)
        return value

    @field_validator("valid")
    @classmethod
    def _valid_form(cls, value: str | None) -> str | None:
        if value is not None:
            parse_expected("period", value)
        return value

    @field_validator("settled")
    @classmethod
    def _settled_form(cls, value: Any) -> Any:
        if value is not None:
            if not isinstance(value, str | dt.date):
                raise ValueError("settled: give a date, 2023-03-24 or 2023-03")
            PartialDate.parse(value)  # raises ValueError with what is wrong
        return value

    @field_validator("when")
    @classmethod
    def _when_form(cls, value: int | str | None) -> int | str | None:
        if value is not None:
            _years(value)
        return value

    @model_validator(mode="after")
    def _check(self) -> Claim:
        if not any(self.cues.values()) and not any((self.keywords or {}).values()):
            raise ValueError("give at least one cue phrase (cues) or a set of keywords")
        for lang, words in (self.keywords or {}).items():
            if len(words) < 2:
                raise ValueError(f"keywords ({lang}): give two or more words; a single word "
                                 "is a cue")
        if self.counts_from is not None and self.type != "duration":
            raise ValueError("'counts_from' only applies to claims of type duration")
        if self.counts_from is not None and self.expected is not None:
            raise ValueError("give 'expected' or 'counts_from', not both")
        has_expected = self.expected is not None or self.counts_from is not None
        if has_expected == self.consistent:
            raise ValueError("give either 'expected' (the true value) or 'consistent: true' "
                             "(sources must agree), not both and not neither")
        if self.valid is not None:
            self._valid = parse_expected("period", self.valid)
        if self.settled is not None:
            self._settled = PartialDate.parse(self.settled)
        if self.running not in (None, False) and self.type != "quantity":
            raise ValueError("'running' only applies to claims of type quantity")
        if self.when is not None:
            if self.type in ("date", "year", "period"):
                raise ValueError(f"'when' does not apply to a claim of type {self.type}: its "
                                 "expected value already says when")
            self._when = _years(self.when)
        if self.type == "category":
            if not self.categories:
                raise ValueError("a category claim needs 'categories' with signal words")
            if has_expected and str(self.expected) not in self.categories:
                raise ValueError(f"expected category {self.expected!r} is not one of "
                                 f"{sorted(self.categories)}")
        elif self.categories:
            raise ValueError("'categories' only applies to claims of type category")
        if self.expected is not None:
            self._expected = (str(self.expected) if self.type == "category"
                              else parse_expected(self.type, self.expected))
        return self

    def expected_for(self, published: PartialDate | None, as_of: int | None = None
                     ) -> tuple[str | None, str]:
        """The expected value for a document published on ``published``, and how it was
        computed. None when it cannot be known (a duration counted from a year, in a
        document with no publication date). ``as_of``: the year a duration is counted to
        when the text writes it ("its 12th anniversary, in 2022")."""
        if self.counts_from is None:
            return self._expected, "expected value of the claim"
        if as_of is not None:
            years = as_of - self.counts_from
            return str(years), f"{as_of} (the year written) − {self.counts_from} = {years}"
        if published is None:
            return None, "no publication date to count from"
        years = published.year - self.counts_from
        return str(years), f"{published.year} (publication) − {self.counts_from} = {years}"

    def holds_at(self, published: PartialDate | None) -> bool:
        """Whether the claim applies to a document published then (unknown dates: yes)."""
        if self._valid is None or published is None:
            return True
        start, end = self._valid.split("..")
        return int(start) <= published.year and (not end or published.year <= int(end))

    def unsettled_at(self, published: PartialDate | None) -> bool:
        """Whether a document published then came before the expected value was final
        (``settled``; unknown dates: no)."""
        if self._settled is None or published is None:
            return False
        depth = min(3 if published.day else 2 if published.month else 1,
                    3 if self._settled.day else 2 if self._settled.month else 1)
        key = (published.year, published.month or 0, published.day or 0)[:depth]
        return key < (self._settled.year, self._settled.month or 0, self._settled.day or 0
                      )[:depth]

    def settled_by(self, published: PartialDate | None) -> bool:
        """Whether a document published then is known to come on or after the day the
        expected value became final (``settled``): a page dated only to the month the
        value settled in may come before that day."""
        if self._settled is None or published is None:
            return False
        settled = self._settled
        return (published.year, published.month or 1, published.day or 1) >= (
            settled.year, settled.month or 1, settled.day or 1)

    @property
    def occasion(self) -> tuple[int, int] | None:
        """The first and last year of the occasion the claim is about (``when``), or None."""
        return self._when

    @property
    def expected_value(self) -> str | None:
        """The canonical expected value ("2018", "2018..2021", "2021-07-06"), or None."""
        return self._expected

    def topic(self, language: str) -> list[list[str]]:
        """What a sentence in ``language`` must be about: groups of alternatives, all needed."""
        if self.about is None:
            return []
        entries = self.about.get(language, []) if isinstance(self.about, dict) else self.about
        return [entry if isinstance(entry, list) else [entry] for entry in entries]

    def excluded(self, language: str) -> list[str]:
        """Words that exclude a sentence in ``language``."""
        if self.not_about is None:
            return []
        if isinstance(self.not_about, dict):
            return list(self.not_about.get(language, []))
        return list(self.not_about)

    def signals(self) -> dict[str, list[str]]:
        """Category → all its signal words, every language together."""
        return {c: [w for words in by_lang.values() for w in words]
                for c, by_lang in (self.categories or {}).items()}

    @property
    def item_id(self) -> str:
        return self.id

    @property
    def kind(self) -> ItemKind:
        return ItemKind.CLAIM

    @property
    def label(self) -> str:
        return self.statement


def _distinct_variants(variants: list[str], correct: list[str], what: str) -> list[str]:
    """A variant must be told apart from the correct forms as written: matching ignores
    letter case, invisible characters and the width of spaces, so a variant that differs
    only in those would make every correct occurrence a variant."""
    forms = {written_form(c): c for c in correct if c}
    for variant in variants:
        same = forms.get(written_form(variant))
        if same is not None:
            raise ValueError(f"variant {variant!r} cannot be told apart from the {what} "
                             f"{same!r}: matching ignores letter case, invisible characters "
                             "and the width of spaces (a hyphen, a space between words or "
                             "an accent does tell them apart); remove it")
    return variants


class Entity(_Strict):
    """A person, organisation or place whose name must be spelled one way."""

    name: Words = Field(description="canonical spelling")
    id: ItemId | None = None
    aliases: list[Words] = Field(default_factory=list,
                                 description="other correct forms (short names, full names)")
    variants: list[Words] = Field(default_factory=list,
                                  description="accepted transliterations, reported as info")
    others: list[Words] = Field(default_factory=list,
                                description="different real names that look close; never typos")
    severity: Severity | None = None
    acknowledged: list[Acknowledgement] = Field(default_factory=list)

    @field_validator("variants")
    @classmethod
    def _variants_differ(cls, value: list[str], info: ValidationInfo) -> list[str]:
        correct = [info.data.get("name") or "", *(info.data.get("aliases") or [])]
        return _distinct_variants(value, correct, "name")

    @property
    def item_id(self) -> str:
        return self.id or _slug(self.name)

    @property
    def kind(self) -> ItemKind:
        return ItemKind.ENTITY

    @property
    def label(self) -> str:
        return f"name: {self.name}"

    def correct_forms(self) -> list[str]:
        return [self.name, *self.aliases]


class Term(_Strict):
    """A word or phrase with a preferred spelling and variants to flag."""

    preferred: Words
    id: ItemId | None = None
    variants: list[Words] = Field(default_factory=list,
                                   description="non-preferred forms, reported with the preferred")
    language: LangCode | None = Field(None, description="only check documents in this language")
    misspellings: bool = Field(True, description="also flag near-misses of the preferred form")
    severity: Severity | None = None
    acknowledged: list[Acknowledgement] = Field(default_factory=list)

    @field_validator("variants")
    @classmethod
    def _variants_differ(cls, value: list[str], info: ValidationInfo) -> list[str]:
        return _distinct_variants(value, [info.data.get("preferred") or ""], "preferred form")

    @property
    def item_id(self) -> str:
        return self.id or _slug(self.preferred)

    @property
    def kind(self) -> ItemKind:
        return ItemKind.TERM

    @property
    def label(self) -> str:
        return f"term: {self.preferred}"


class ClaimsFile(_Strict):
    """One claims YAML file."""

    claims: list[Claim] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    vocabulary: list[Phrase] = Field(default_factory=list,
                                     description="words that are never reported as typos")


@dataclass(frozen=True)
class Origin:
    path: str
    line: int
    kind: str  # "claim", "entity" or "term"


class Item(Protocol):
    """What claims, entities and terms have in common: an id, a kind, a severity of their
    own (or None), acknowledged discrepancies and a label for outputs."""

    @property
    def item_id(self) -> str: ...

    @property
    def kind(self) -> ItemKind: ...

    @property
    def label(self) -> str: ...

    severity: Any
    acknowledged: list[Acknowledgement]


@dataclass
class ClaimSet:
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)
    origins: dict[str, Origin] = field(default_factory=dict)
    digest: str = ""

    def items(self) -> list[Item]:
        """Claims, entities and terms, in that order."""
        return [*self.claims, *self.entities, *self.terms]

    def _index(self) -> dict[str, Item]:
        index = self.__dict__.get("_by_id")
        size = len(self.claims) + len(self.entities) + len(self.terms)
        if index is None or len(index) != size:
            index = {item.item_id: item for item in self.items()}
            self.__dict__["_by_id"] = index
        return index

    def item(self, item_id: str) -> Item:
        """The claim, entity or term with this id (KeyError if none)."""
        return self._index()[item_id]

    def find(self, item_id: str | None) -> Item | None:
        return self._index().get(item_id or "")

    def event_days(self, claim_id: str) -> tuple[str, ...]:
        """The expected days of the date claims that share a cue with this one ("gempa"
        for the quake's date and its magnitude) or, when none does, that are declared in
        the same file: the days of the events the claim's figures are most likely of,
        when its statement names none."""
        index = self.__dict__.get("_days_by_cue")
        if index is None:
            by_cue: dict[str, set[str]] = {}
            by_file: dict[str, set[str]] = {}
            for c in self.claims:
                day = c.expected_for(None)[0] if c.type == "date" else None
                if day is None or len(day) != 10:
                    continue
                for words in c.cues.values():
                    for w in words:
                        by_cue.setdefault(fold_phrase(str(w)), set()).add(day)
                origin = self.origins.get(c.id)
                if origin is not None:
                    by_file.setdefault(origin.path, set()).add(day)
            index = self.__dict__["_days_by_cue"] = (by_cue, by_file)
        by_cue, by_file = index
        claim = self.claim(claim_id)
        days: set[str] = set()
        for words in claim.cues.values():
            for w in words:
                days |= by_cue.get(fold_phrase(str(w)), set())
        origin = self.origins.get(claim_id)
        if not days and origin is not None:
            days = by_file.get(origin.path, set())
        return tuple(sorted(days))

    def claim(self, item_id: str) -> Claim:
        item = self.item(item_id)
        assert isinstance(item, Claim), item_id
        return item

    def entity(self, item_id: str) -> Entity:
        item = self.item(item_id)
        assert isinstance(item, Entity), item_id
        return item

    def term(self, item_id: str) -> Term:
        item = self.item(item_id)
        assert isinstance(item, Term), item_id
        return item


def item_id_of(obj: Claim | Entity | Term) -> str:
    return obj.item_id


def claims_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def load_claims(folder: Path) -> ClaimSet:
    """Load and validate every claims file in ``folder``; every problem is reported at once."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(Problem(display_path(folder), "claims folder does not exist",
                                 hint="pass --claims DIR, or run `factaudit init`"))
    try:
        os.scandir(folder).close()
    except OSError as exc:
        raise InputError(Problem(display_path(folder), "cannot read the claims folder "
                                 f"({describe(exc)})", hint="make it readable (chmod u+rx) "
                                 "or run as its owner")) from None
    files = claims_files(folder)
    if not files:
        raise InputError(Problem(display_path(folder), "no claims files (*.yaml) in this folder",
                                 hint="add a claims file; see docs/claims.md, "
                                 "'A complete example'"))
    result = ClaimSet()
    problems: list[Problem] = []
    digest = hashlib.sha256()
    for path in files:
        try:
            text = read_text(path)
            parsed, origins = load_claims_file(path, text)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        digest.update(path.name.encode() + b"\0" + text.encode("utf-8", "surrogatepass"))
        for item_id, origin in origins.items():
            if item_id in result.origins:
                first = result.origins[item_id]
                problems.append(Problem(origin.path, f"id {item_id!r} is already used by a "
                                        f"{first.kind} at {first.path}:{first.line}",
                                        origin.line, hint="ids must be unique across all "
                                        "claims files; rename one, or set an explicit 'id'"))
                continue
            result.origins[item_id] = origin
        result.claims += parsed.claims
        result.entities += parsed.entities
        result.terms += parsed.terms
        result.vocabulary += parsed.vocabulary
    if problems:
        raise InputError(problems)
    result.digest = digest.hexdigest()[:16]
    return result


def claimset_from_text(text: str, name: str = "<claims>") -> ClaimSet:
    """A ClaimSet from the text of one claims file (examples, tests, editors)."""
    parsed, origins = load_claims_file(Path(name), text)
    return ClaimSet(parsed.claims, parsed.entities, parsed.terms, list(parsed.vocabulary),
                    origins, hashlib.sha256(text.encode()).hexdigest()[:16])


def load_claims_file(path: Path, text: str | None = None) -> tuple[ClaimsFile, dict[str, Origin]]:
    doc = load_yaml(path, text)
    data = doc.data
    if data is None:
        raise InputError(Problem(doc.path, "the file is empty",
                                 hint="add 'claims:', 'entities:' or 'terms:', or delete it"))
    if not isinstance(data, dict):
        raise InputError(Problem(doc.path, "a claims file is a mapping with the keys "
                                 "claims, entities, terms and vocabulary", 1))
    try:
        parsed = ClaimsFile.model_validate(data)
    except ValidationError as exc:
        problems = list(dict.fromkeys(_problem(doc, err) for err in exc.errors()))
        raise InputError(problems) from None
    origins: dict[str, Origin] = {}
    problems = []
    for key, kind in (("claims", "claim"), ("entities", "entity"), ("terms", "term")):
        for i, obj in enumerate(getattr(parsed, key)):
            line = (doc.locate((key, i)) or (1, 1))[0]
            item_id = item_id_of(obj)
            if item_id in origins:
                problems.append(Problem(doc.path, f"duplicate id {item_id!r} (first on line "
                                        f"{origins[item_id].line})", line,
                                        hint="ids must be unique; set an explicit 'id'"))
            origins[item_id] = Origin(doc.path, line, kind)
    if problems:
        raise InputError(problems)
    return parsed, origins


_FIELD_NAMES: set[str] = set()


def _known_fields() -> set[str]:
    if not _FIELD_NAMES:
        for model in (ClaimsFile, Claim, Entity, Term, Acknowledgement, Scope):
            _FIELD_NAMES.update(model.model_fields)
    return _FIELD_NAMES


_BRANCH = re.compile(r"[\w-]+\[.*\]$")


def _problem(doc: LocatedYaml, err: Any) -> Problem:
    # pydantic names the branch of a union it tried ("dict[constrained-str,…]"): not a key
    loc = tuple(p for p in err.get("loc", ()) if not (isinstance(p, str) and _BRANCH.match(p)))
    line, column = doc.locate(loc) or (None, None)
    kind = err.get("type", "")
    where = ".".join(str(p) for p in loc)
    hint = None
    last = str(loc[-1]) if loc else "(the file)"
    if kind == "extra_forbidden":
        key = last
        message = f"unknown key {key!r}"
        close = difflib.get_close_matches(key, sorted(_known_fields()), n=1)
        hint = (f"did you mean {close[0]!r}?" if close else
                f"remove it, or install a newer factaudit if the key is from newer docs "
                f"(this is {__version__}); `factaudit schema` lists the keys it knows")
    elif kind == "missing":
        message = f"missing required key {last!r}"
        hint = "see `factaudit schema` for the format"
    elif kind == "value_error":
        message = str(err.get("msg", "")).removeprefix("Value error, ")
        if loc and loc[-1] in ("expected", "valid"):
            hint = ("the form of a value depends on the claim's type; see docs/claims.md, "
                    "'Expected values by type'")
    else:
        got = err.get("input")
        got_text = f" (got {got!r})" if isinstance(got, str | int | float | bool) else ""
        message = f"{err.get('msg', 'invalid value')}{got_text}"
    if where and kind != "extra_forbidden":
        message = f"{where}: {message}"
    return Problem(doc.path, message, line, column, hint)


def json_schema() -> dict:
    """JSON Schema of a claims file, for editors and other tools."""
    schema = ClaimsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "factaudit claims file"
    return schema
