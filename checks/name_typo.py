"""name-typo: a word that is a near-miss of a word of an entity's name.

Bad:  "Dewi LP Kartiak" (entity Dewi Kartika: letters 'ka' swapped to 'ak'),
      "DEWI KARTIAK", "Budi Santsoo", "Sidharto Suryodipura", "Dewi Kratiak"
      (both words), "Dewi Kratikaa", "surbaya" (Surabaya, in lower case), "ASAEN" (ASEAN)
Good: "Dewi Kartika", "DEWI KARTIKA", "Dewi\\nKartika", a declared alias or variant,
      a declared other name (``others: [Dewi Kartini]``), "the Webers", an ordinary word

A near-miss needs evidence. Another word of the same written form (the name or an alias)
beside it (a hyphen joins the parts of a name: "Joon-seol") allows one edit (two from 8
letters, or two letters swapped apart from 5: "Panajem Paser" for Penajam Paser), any
letter; so does a near-miss of another word of that form beside it (both words misspelled);
but not a common word of the language written in lower case ("grand prix pertama" beside
Pertamina Grand Prix), made from the name's word by an ending ("Asian" beside a word of Team
Asia), or standing for a name's word that is a common word too by another ending or as a
short word ("Transport Minister" beside the alias Transport Ministry; a surname that news
makes frequent but no dictionary knows, "Pandjaitan", is no common word); a letter changed
before the ending of a common word of six letters or more is a slip though the result is a
word ("Imam Samudera" for Samudra, "Pangkal Pindang" for Pinang). A name's part declared in
lower case ("seok" in Lee Joon-seok) is no common word for these rules, whatever wordfreq
says. A word alone must look like a misspelled name: one edit away (two from 12 letters, or
two letters swapped apart from 8 in a word no dictionary knows: "Kawarang"), 5+ letters
long, keeping its first letter (unless the name has 8+ letters), not beside a capitalised
word that is no common word and no entity's word (the rest of another name: "Arfi Bambani"
is not Bambang), and not a spelling that opens a full name of its own in its document (two
capitalised words after it, none an entity's word or a near-miss of one: "Windi Cahya
Untung" is not Windu, there or anywhere else in that document), capitalised and never
written in lower case in the corpus (7+ letters when it opens a sentence and no dictionary
can be asked), not a word or name that an installed Hunspell dictionary knows or that is
common in a language of the corpus (wordfreq). A spelling that recurs three or more times is
a name of its own only in a document that also writes the declared name; in one that never
does, it is the same misspelling repeated (as syndicated copies spread it). A spelling seen
beside the name elsewhere in the corpus is a typo wherever it stands, in a document that
writes the name right too, except inside another name. Two near-misses side by side stand
in the name's order ("Achmad Sidiq" is not Sidik Achmadi). In lower case, a word is a
typo only of a name of 6+ letters, one edit away keeping its first letter, in no
dictionary and not common. An acronym (a name word written in capitals) is misspelled by
two of its letters swapped, a letter doubled ("KPPK" for KPK), or from 5 letters any one
edit; the words in capitals that the claims' ``vocabulary``
declares are checked the same way, and so are its capitalised words. The other gender's form
of a Slavic surname ("Morozova"), or of a name by a language pack's ``gendered_endings``
("Soekarnoputra" beside Soekarnoputri), is another person. A word listed both in the
vocabulary and as an entity's is that entity's. A name's word with a common word of the
language run into it ("Wayan Kosterin a letter": a space missing) is a typo beside another
word of the name, when no dictionary knows it ("John Johnson" is a name). A name's word in
the document's own language is no typo of the word another language writes ("Bandar Udara
Internasional" for an alias "… International Airport"): each is the common one, by
wordfreq, in its own language. A word as close to two entities is reported only when it is
a word of both and one of them is that word alone ("Sidaorjo" for Sidoarjo, though "Badan
Penanggulangan Lumpur Sidoarjo" is an entity too)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from rapidfuzz.distance import Prefix

from factaudit.inputs.claims import ClaimSet
from factaudit.reading.languages import get_pack
from factaudit.reading.lexicon.edits import (
    TOKEN,
    allowed_edits,
    context_edits,
    is_swap,
    is_transposition,
)
from factaudit.reading.lexicon.frequency import best_zipf, zipf
from factaudit.reading.lexicon.hunspell import dictionary_words
from factaudit.reading.lexicon.scripts import script_of
from factaudit.reading.text import fold_phrase
from factaudit.rules import Report, Rule, RuleContext, Severity
from factaudit.rules.facts import (
    COMMON_ZIPF,
    NAMED_HERE_LETTERS,
    NEAR_MISSES,
    VOCABULARY,
    NearMisses,
    Place,
    Typo,
    name_targets,
    pairs,
    typo_report,
)

from .term_misspelling import term_typos

COMMON = COMMON_ZIPF  # Zipf frequency from which a word or name is common in a language
# (the same threshold by which collection leaves out common words in lower case)
EVERYDAY = 5.5  # … from which a word of a name is an everyday word ("Indonesia", "Jakarta")
EVERYDAY_NAME = 5.0  # … from which a name's word a dictionary knows in lower case is one


@dataclass(frozen=True)
class Evidence:
    """What is known about one occurrence of a word close to a name."""

    context: bool = False  # another word of the entity stands beside it
    near_context: bool = False  # a near-miss of another word of the entity stands beside it
    confirmed: bool = False  # the same spelling stands beside the entity's other word elsewhere
    initial: bool = False  # it opens a sentence, a line or a heading
    written_lower: bool = False  # the corpus also writes it in lower case somewhere
    in_dictionary: bool | None = None  # a Hunspell dictionary knows it (None: none to ask)
    recurring: bool = False  # it occurs 3+ times in the corpus
    correct_here: bool = False  # its document writes the name's word as declared
    common: bool = False  # wordfreq lists it as common in a language of the corpus
    acronym: bool = False  # the name's word is declared in capitals
    address: bool = False  # part of a web or e-mail address, a handle or a file name
    common_target: bool = False  # the name's word is an ordinary word too ("Politik")
    # the name's word is a common word ("Ministry"): frequent, and known to a dictionary
    # when there is one to ask (a famous surname is frequent too: "Pandjaitan")
    word_target: bool = False
    other_gender: bool = False  # the other gender's form by the packs' gendered endings
    cut_off: bool = False  # the last word of a text that ends without punctuation
    other_name: bool = False  # beside a capitalised word of no entity that is no common word
    spelled_out: bool = False  # an acronym its document spells out as other words
    glued: bool = False  # the name's word with a common word run into it ("Kosterin")
    # the name's word is declared in lower case, a part after a hyphen ("Lee Joon-seok"):
    # lower case says nothing of a common word there
    lower_part: bool = False
    # the word is the name's word in the document's language: each is the more common of
    # the two in its own language ("Bandar Udara Internasional" for an alias "… International
    # Airport")
    translated: bool = False


SWAP_ALONE_LETTERS = 8  # from this length two letters swapped apart are a typo alone too,
# when no dictionary knows the result ("Kawarang" for Karawang)
SWAP_LETTERS = 5  # from this length two letters swapped apart beside the name are a typo


def name_decision(found: str, candidate: str, target: str, distance: int,
                  ev: Evidence) -> str | None:
    """Why ``found`` (folded: ``candidate``) is a typo of the name word ``target``, or None
    (the rules of the module's docstring)."""
    length = len(target)
    if ev.address or ev.cut_off or ev.translated:
        return None  # a web address or a handle; a word cut off at the end of a text; the
        # name's word in the document's language
    if ev.glued:  # "Wayan Kosterin which": beside the name, a word no dictionary knows
        if (ev.context or ev.near_context) and ev.in_dictionary is False:
            return f"a space missing: the next word ({found[length:]!r}) run into the name"
        return None
    if ev.acronym:
        return acronym_decision(found, candidate, target, distance, ev)
    if candidate == target + "s":
        return None  # plural or genitive ("the Webers")
    if ev.context or ev.near_context:
        swapped = length >= SWAP_LETTERS and is_swap(candidate, target)
        if (distance > context_edits(length) and not swapped) or (
                found.isupper() and len(found) < 4):
            return None
        if ev.common and not ev.lower_part and (
                found[:1].islower() or candidate.startswith(target)
                or (ev.word_target and another_form(candidate, target))):
            return None  # a common word in lower case ("grand prix pertama" is not
            # Pertamina), one the name's word makes with an ending ("Asian Talent Cup"),
            # or another form of a common word ("Transport Minister" beside "Transport
            # Ministry": both are right, and say different things)
        return ("beside another word of the name" if ev.context
                else "beside a near-miss of another word of the name (both misspelled)")
    if ev.other_gender or other_gender_form(candidate, target):
        return None  # "Morozova" is another person than "Morozov"
    if found[:1].islower():
        return None if ev.common_target else lower_case_decision(candidate, target,
                                                                  distance, ev)
    # a spelling seen beside the name elsewhere is the same slip, though it recurs in a
    # document that writes the name right too ("both from Pandansari village … a resident
    # of Pandasari village", where other pages write "Desa Pandasari")
    confirmed = (ev.confirmed and not ev.in_dictionary and not ev.other_name
                 and distance <= context_edits(length))
    if ev.written_lower or (ev.recurring and ev.correct_here and not confirmed):
        return None  # an ordinary word, or another name beside this one
    named_here = (ev.correct_here and distance == 1 and length >= NAMED_HERE_LETTERS
                  and candidate[:1] == target[:1] and not ev.common
                  and not candidate.startswith(target))
    if ev.in_dictionary and not named_here:
        return None  # a known name: another person, unless the document names this one
        # in full one edit away ("Muhajir" after "Muhadjir Effendy"); a known word that is
        # the name with an ending is its adjective ("a Sumatran lake" beside "Sumatra")
    if ev.other_name:
        return None  # part of another name ("Arfi Bambani" is not Bambang; "Abu Achmad
        # Sidiq Amsya" is not Sidik, though "Bambang Sidiq" elsewhere misspells it)
    if ev.confirmed:
        if distance > context_edits(length):
            return None
        return "spelled so beside another word of the name elsewhere in the corpus"
    swapped = (length >= SWAP_ALONE_LETTERS and is_swap(candidate, target)
               and ev.in_dictionary is False)  # "Kawarang" for Karawang: in no dictionary
    if ev.common or ev.common_target or (distance > allowed_edits(length) and not swapped):
        return None  # a common word or name; near a name's word that is an ordinary word
        # too ("Politik"), a word alone is more likely another word
    if not (candidate[:1] == target[:1] or is_transposition(candidate, target)) and length < 8:
        return None  # a different first letter is more often another name
    if ev.initial and not found.isupper() and ev.in_dictionary is None and length < 7:
        return None  # a capital that opens a sentence says nothing about a name
    if ev.in_dictionary:
        return ("alone: one letter off the name its document writes elsewhere (a "
                "dictionary knows it as another name)")
    return ("alone: a capitalised word close to the name, never written in lower case"
            + (", in no dictionary" if ev.in_dictionary is False else "")
            + (", repeated in a document that never writes the name right"
               if ev.recurring else ""))


WORD_ZIPF = 4.0  # how common a word must be in a language to be its word for a thing
MORE_COMMON = 1.0  # how much more common there than the other word


def translated(candidate: str, target: str, language: str, languages: tuple[str, ...]
               ) -> bool:
    """Whether ``candidate`` is the word for the name's word ``target`` in the document's
    ``language``: common there and more common than the target, while the target is the
    common one in another language of the corpus ("internasional", "international")."""
    here = zipf(candidate, language)
    if here < WORD_ZIPF or here <= zipf(target, language):
        return False
    return any(zipf(target, other) >= WORD_ZIPF
               and zipf(target, other) >= zipf(candidate, other) + MORE_COMMON
               for other in languages if other != language)


FORM_ENDING = 2  # letters after the shared start that make two words forms of one stem
FORM_LETTERS = 6  # shorter common words have too many neighbours to call one a slip


def another_form(candidate: str, target: str) -> bool:
    """Two common words that differ only in their last letters ("minister", "ministry"),
    or a short one: another form or another word, not a slip. A letter changed, added or
    dropped before the ending makes a slip ("Samudera" for Samudra, "Pindang" for Pinang),
    though each is a word of its own."""
    if len(target) < FORM_LETTERS:
        return True
    shared = Prefix.similarity(candidate, target)
    return len(candidate) - shared <= FORM_ENDING and len(target) - shared <= FORM_ENDING


def lower_case_decision(candidate: str, target: str, distance: int, ev: Evidence
                        ) -> str | None:
    """A name misspelled in lower case ("surbaya" for Surabaya): only with a dictionary to
    tell that it is no word, and for names long enough to have few neighbours."""
    if (ev.in_dictionary is not False or ev.common or len(target) < 6 or distance > 1
            or not (candidate[:1] == target[:1] or is_transposition(candidate, target))):
        return None
    return "in lower case: a near-miss of the name that is no word of any dictionary"


def acronym_decision(found: str, candidate: str, target: str, distance: int, ev: Evidence
                     ) -> str | None:
    """An acronym misspelled ("ASAEN" for ASEAN, "KPPK" for KPK): written in capitals, two
    letters swapped, a letter doubled, or from five letters any one edit; never a word a
    dictionary knows or a common one, nor one its document spells out (another
    acronym)."""
    if (not found.isupper() or distance != 1 or ev.in_dictionary or ev.common
            or ev.spelled_out):
        return None  # (spelled out: "Gerakan Angkatan Muda Kristen Indonesia (GAMKI)"
        # names another body than GAPKI)
    if is_transposition(candidate, target) and len(target) >= 4:
        return "an acronym with two letters swapped"
    if _doubled(candidate, target):
        return "an acronym with a letter doubled"
    if len(target) >= 5:
        return "a near-miss of an acronym"
    return None


def _doubled(candidate: str, target: str) -> bool:
    """``candidate`` is ``target`` with one of its letters written twice."""
    return len(candidate) == len(target) + 1 and any(
        candidate[:i] + candidate[i + 1:] == target and candidate[i] == candidate[i - 1]
        for i in range(1, len(candidate)))


# Slavic surnames: the feminine form adds an "a" (Ivanov → Ivanova, Lebedev → Lebedeva,
# Pushkin → Pushkina), in Latin or Cyrillic letters.
_MASCULINE_ENDINGS = ("ov", "ev", "in", "yn", "\u043e\u0432", "\u0435\u0432", "\u0438\u043d",
                      "\u044b\u043d")


def other_gender_form(candidate: str, target: str,
                      endings: tuple[tuple[str, str], ...] = ()) -> bool:
    """``candidate`` is the other gender's form of the surname ``target`` (both folded):
    a Slavic one ("Morozova"), or one by a pair of endings of a language pack's
    ``gendered_endings`` ("Soekarnoputra" and "Soekarnoputri")."""
    for a, b in ((target, candidate), (candidate, target)):
        if a.endswith(_MASCULINE_ENDINGS):
            ending = "\u0430" if script_of(a[-1]) == "CYRILLIC" else "a"
            if b == a + ending:
                return True
        for one, other in endings:
            if a.endswith(one) and b == a[:len(a) - len(one)] + other:
                return True
    return False


_DECIDED: WeakKeyDictionary[NearMisses, list[Typo]] = WeakKeyDictionary()


def name_typos(ctx: RuleContext) -> list[Typo]:
    """Decide, over the whole corpus, which near-misses of names are typos (once per run:
    the spelling rule asks too, to leave them to this rule)."""
    data = ctx.fact(NEAR_MISSES)
    if data not in _DECIDED:
        _DECIDED[data] = _decide(ctx, data)
    return _DECIDED[data]


def _decide(ctx: RuleContext, data: NearMisses) -> list[Typo]:
    targets, entity_words = name_targets(ctx.claims)
    if not targets:
        return []
    partners = form_partners(ctx.claims)
    order = form_order(ctx.claims)
    every_word = set().union(*entity_words.values())
    target_list = sorted(targets)
    candidates = sorted({p.form for p in data.places})
    by_candidate: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for c, t, d in pairs(candidates, target_list, 2):
        by_candidate[candidates[c]].append((d, target_list[t]))
    languages = tuple(sorted({ctx.info(p.doc_id).language for p in data.places}
                             | set(ctx.languages)))
    gendered = tuple((fold_phrase(a), fold_phrase(b)) for lang in languages
                     for a, b in get_pack(lang).gendered_endings)
    for p in data.places:  # a name's word with a word run into it: beyond two edits
        if p.glued and p.glued in targets and (len(p.form) - len(p.glued), p.glued) not in \
                by_candidate[p.form]:
            by_candidate[p.form].append((len(p.form) - len(p.glued), p.glued))
    dictionary = dictionary_words(set(by_candidate), list(languages), names=True)
    asked = dictionary_words({t for v in by_candidate.values() for _, t in v},
                             list(languages))
    # name words that are everyday words as well, in lower case ("politik", "china")
    ordinary = {t for t, known in asked.items()
                if known and best_zipf(t, languages) >= EVERYDAY_NAME}
    weak = {w for words in entity_words.values() for w in words
            if best_zipf(w, languages) >= EVERYDAY}
    # occurrences, with context first: a spelling seen beside the entity's other word
    # confirms the same spelling where it stands alone
    places = []
    for place in data.places:
        found_pairs = sorted(by_candidate.get(place.form, []))
        if not found_pairs or place.invisible:
            continue  # invisible-characters reports those beside an invisible character
        beside = _beside(place, found_pairs, targets, partners, by_candidate,
                         ordinary, weak, order)
        places.append((not beside[0], place.doc_id, place.start, place, beside))
    places.sort(key=lambda p: p[:3])
    # a spelling that opens a full name of its own in a document ("Windi Cahya Untung":
    # two capitalised words after it, no word of any entity) is another person's name
    # there, wherever it stands in that document
    another = {(p.doc_id, p.form) for p in data.places
               if len(p.capitals_after) >= 2 and not any(
                   w in every_word or w in by_candidate for w in p.capitals_after)}
    # an acronym the document spells out as other words names another body there
    spelled = {(p.doc_id, p.form) for p in data.places if p.spelled_out}
    terms = {(t.doc_id, t.start) for t in term_typos(ctx)}  # a term's near-miss is its own
    confirmed: set[tuple[str, str]] = set()
    out: list[Typo] = []
    for _, _, _, place, (with_context, near_context) in places:
        if (place.doc_id, place.start) in terms:
            continue
        candidate = place.form
        accepted = []
        for d, target in sorted(by_candidate[candidate]):
            for e, written in targets[target]:
                ev = Evidence(context=(e, target) in with_context,
                              near_context=(e, target) in near_context,
                              confirmed=(candidate, e) in confirmed, initial=place.initial,
                              written_lower=candidate in data.lower,
                              in_dictionary=dictionary.get(candidate),
                              recurring=data.count[candidate] >= 3,
                              correct_here=(place.doc_id, target) in data.correct,
                              common=best_zipf(candidate, languages) >= COMMON,
                              acronym=written.isupper() and len(written) > 1,
                              address=place.address,
                              common_target=target in ordinary,
                              word_target=best_zipf(target, languages) >= COMMON
                              and asked.get(target) is not False,
                              other_gender=other_gender_form(candidate, target, gendered),
                              cut_off=place.cut_off,
                              spelled_out=(place.doc_id, candidate) in spelled,
                              glued=place.glued == target,
                              lower_part=written[:1].islower(),
                              translated=translated(candidate, target,
                                                    ctx.info(place.doc_id).language,
                                                    languages),
                              other_name=(place.doc_id, candidate) in another or any(
                                  w not in every_word and w not in by_candidate
                                  and best_zipf(w, languages) < COMMON
                                  for w in place.beside))
                why = name_decision(place.found, candidate, target, d, ev)
                if why:  # the strongest evidence first: beside the name, then a
                    # spelling confirmed beside it elsewhere, then a word alone
                    strength = 0 if ev.context else 1 if ev.near_context or ev.confirmed else 2
                    accepted.append((strength, d, e, written, why))
        if not accepted:
            continue
        accepted.sort(key=lambda a: a[:2])
        best = accepted[0]
        tied = [a for a in accepted if a[:2] == best[:2]]
        if len({a[2] for a in tied}) > 1:
            # as close to two entities: cannot say which was meant, unless it is a word of
            # both and one of them is that word alone ("Sidoarjo" and "Badan … Sidoarjo")
            alone = [a for a in tied if a[2] != VOCABULARY and fold_phrase(
                ctx.claims.entity(a[2]).name).replace(" ", "") == fold_phrase(a[3])]
            if len({fold_phrase(a[3]) for a in tied}) > 1 or len(alone) != 1:
                continue
            best = alone[0]
        strength, d, e, written, why = best
        if strength == 0 and e != VOCABULARY:
            confirmed.add((candidate, e))
        whole = ctx.claims.entity(e).name if e != VOCABULARY else None
        out.append(Typo(e or None, place.doc_id, place.start, place.end, place.found, written,
                        d, why, whole))
    out.sort(key=lambda t: (t.doc_id, t.start))
    return out


def _entity_forms(claims: ClaimSet) -> Iterator[tuple[str, list[str]]]:
    """(entity id, the folded words of one of its forms), for every correct form and
    variant of every entity."""
    for entity in claims.entities:
        for form in (*entity.correct_forms(), *entity.variants):
            yield entity.item_id, [fold_phrase(m.group(0)).replace(" ", "")
                                   for m in TOKEN.finditer(form)]


def form_partners(claims: ClaimSet) -> dict[tuple[str, str], set[str]]:
    """(entity id, folded word) → the other words of the entity's forms that hold the word:
    the words that may stand beside it ("Singo" beside "Edan" of the alias "Singo Edan";
    not "Arema", which is another form of the same club)."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e, folded in _entity_forms(claims):
        for w in folded:
            out[(e, w)].update(x for x in folded if x != w and len(x) >= 2)
    return out


def form_order(claims: ClaimSet) -> set[tuple[str, str, str]]:
    """(entity id, word, a word that stands before it in one of the entity's forms)."""
    return {(e, w, x) for e, folded in _entity_forms(claims)
            for k, w in enumerate(folded) for x in folded[:k]}


def _beside(place: Place, found_pairs: list[tuple[int, str]],
            targets: dict[str, list[tuple[str, str]]],
            partners: dict[tuple[str, str], set[str]],
            by_candidate: dict[str, list[tuple[int, str]]], ordinary: set[str],
            weak: set[str], order: set[tuple[str, str, str]]
            ) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(entity, target) pairs with another word of the entity beside the place, and those
    with a near-miss of another word of the entity beside it. Beside a name's word that is
    an ordinary word too ("Politik"), an everyday word of the name ("Indonesia") is no
    evidence: "Charta Politika Indonesia" is another name."""
    exact: set[tuple[str, str]] = set()
    near: set[tuple[str, str]] = set()
    for _, t in found_pairs:
        for e, _ in targets[t]:
            others = partners.get((e, t), set()) - (weak if t in ordinary else set())
            if place.near & others:
                exact.add((e, t))
                continue
            for n in place.near:  # both misspelled: in the name's order ("Achmad Sidiq"
                # is not "Sidik Achmadi")
                before = n in place.before
                if any(t2 in others and t2 != t and d2 <= context_edits(len(t2))
                       and ((e, t, t2) in order) == before
                       for d2, t2 in by_candidate.get(n, [])):
                    near.add((e, t))
    return exact, near


def check(ctx: RuleContext) -> Iterator[Report]:
    for typo in name_typos(ctx):
        yield typo_report(ctx, typo)


RULE = Rule(id="name-typo", severity=Severity.ERROR, check=check, scope="corpus",
            needs=(NEAR_MISSES,))
