"""``factaudit explain ITEM``: why a claim (entity, term) got the verdicts it got.

For every document: whether the claim applies there (scope, validity), every sentence in
which one of its cues matched, every value read in that sentence and why it was or was
not attributed to the claim, the findings, and the verdict. The attribution is the
engine's (``extract``: nearest cue in the sentence, counting characters plus a penalty per
clause boundary, among the cues competing for values of the same kind); this module
recomputes the distances read-only with the engine's own functions to say why a value
lost, and checks its reconstruction against the engine's mentions.
"""

from __future__ import annotations

import difflib
import json
from bisect import bisect_right
from collections import defaultdict
from dataclasses import asdict, dataclass, field

from factaudit.audit import AuditResult, run_audit
from factaudit.claims import Claim, ClaimSet, Entity, Term
from factaudit.config import Config
from factaudit.corpus import Corpus, Document
from factaudit.errors import InputError, Problem, one_line
from factaudit.extract import Hit, Matcher, _accepts, _clause_pattern, _distance, in_scope
from factaudit.languages import get_pack
from factaudit.text import LineIndex, sentences
from factaudit.values import Value, read_categories, read_values

_SENTENCE_CHARS = 240


@dataclass
class ValueNote:
    raw: str
    kind: str
    value: str
    line: int
    column: int
    start: int
    end: int
    status: str  # mention | not-kept | other-cue | wrong-kind | no-unit
    reason: str
    cue: str | None = None
    distance: int | None = None


@dataclass
class CueNote:
    cue: str
    line: int
    column: int
    start: int
    end: int


@dataclass
class Passage:
    line: int
    start: int
    end: int
    sentence: str
    cues: list[CueNote] = field(default_factory=list)
    values: list[ValueNote] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class DocumentNote:
    id: str
    path: str
    language: str
    published: str | None
    verdict: str
    applies: bool = True
    why: str = ""  # scope, validity or "no cue matched"
    passages: list[Passage] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)


@dataclass
class Explanation:
    item: str
    kind: str  # claim, entity or term
    origin: str
    statement: str
    details: list[str]
    documents: list[DocumentNote]

    def as_dict(self) -> dict:
        return asdict(self)


def explain(claims: ClaimSet, corpus: Corpus, item_id: str, config: Config | None = None,
            result: AuditResult | None = None) -> Explanation:
    """Explain one claim, entity or term over a corpus. Raises InputError for an unknown id."""
    try:
        item = claims.item(item_id)
    except KeyError:
        ids = sorted(claims.origins)
        close = difflib.get_close_matches(item_id, ids, n=3)
        raise InputError(Problem("claims", f"no claim, entity or term with id {item_id!r}",
                                 hint=f"did you mean {', '.join(close)}?" if close else
                                 f"known ids: {', '.join(ids[:12])}"
                                 + (" …" if len(ids) > 12 else ""))) from None
    result = result or run_audit(claims, corpus, config)
    origin = claims.origins.get(item_id)
    where = f"{origin.path}:{origin.line}" if origin else ""
    matcher = Matcher(claims)
    docs = []
    for doc in result.documents:
        hits = matcher.scan(doc.text)
        verdict = result.verdicts.get(item_id, {}).get(doc.id, "")
        note = DocumentNote(doc.id, doc.path, doc.language, doc.published, verdict)
        if isinstance(item, Claim):
            _explain_claim(note, doc, claims, item, hits, result)
        else:
            _explain_name(note, doc, claims, item, hits)
        note.findings = [_finding_dict(f) for f in result.findings
                         if f.claim == item_id and f.document == doc.id]
        docs.append(note)
    corpus_findings = [_finding_dict(f) for f in result.findings
                       if f.claim == item_id and f.document is None]
    if corpus_findings:
        docs.append(DocumentNote("(across the corpus)", "", "", None, "", True, "",
                                 [], corpus_findings))
    if isinstance(item, Claim):
        return Explanation(item_id, "claim", where, item.statement, _claim_details(item), docs)
    if isinstance(item, Entity):
        details = [*_forms("aliases", item.aliases), *_forms("variants", item.variants),
                   *_forms("others", item.others)]
        return Explanation(item_id, "entity", where, f"name: {item.name}", details, docs)
    details = _forms("variants", item.variants)
    if item.language:
        details.append(f"language: {item.language}")
    return Explanation(item_id, "term", where, f"term: {item.preferred}", details, docs)


def _forms(label: str, forms: list[str]) -> list[str]:
    return [f"{label}: {', '.join(forms)}"] if forms else []


def _claim_details(claim: Claim) -> list[str]:
    if claim.counts_from is not None:
        value = f"expected: publication year − {claim.counts_from}"
    elif claim.consistent:
        value = "consistent: sources must agree"
    else:
        value = f"expected: {claim.expected_value}"
    out = [f"type: {claim.type}; {value}"]
    for lang, cues in sorted(claim.cues.items()):
        out.append(f"cues ({lang}): {', '.join(cues)}")
    if claim.unit_words:
        words = sorted({w for ws in claim.unit_words.values() for w in ws})
        out.append(f"unit words: {', '.join(words)}")
    if claim.valid:
        out.append(f"valid: {claim.valid}")
    if claim.scope is not None:
        out.append(f"scope: {claim.scope.model_dump(exclude_none=True)}")
    return out


def _out_of_scope(claim: Claim, doc: Document) -> str:
    if not claim.holds_at(doc.published_date):
        return f"out of scope: published {doc.published}, outside valid: {claim.valid}"
    scope = claim.scope
    if scope is not None and scope.sources is not None and doc.id not in scope.sources:
        return "out of scope: not one of scope.sources"
    return f"out of scope: language {doc.language} not in scope.languages"


def _explain_claim(note: DocumentNote, doc: Document, claims: ClaimSet, claim: Claim,
                   hits: list[Hit], result: AuditResult) -> None:
    if not in_scope(claim, doc):
        note.applies, note.why = False, _out_of_scope(claim, doc)
        return
    # exactly the cue hits extract() works with, in the same order
    cue_hits = [h for h in hits if h.target.kind == "cue"
                and in_scope(claims.claims[h.target.index], doc)]
    own = [h for h in cue_hits if claims.claims[h.target.index].id == claim.id]
    if not own:
        cues = claim.cues.get(doc.language)
        note.why = (f"no cue matched (cues in {doc.language}: {', '.join(cues)})" if cues
                    else f"the claim has no cues in {doc.language}")
        return
    spans = sentences(doc.text, frozenset(get_pack(doc.language).abbreviations))
    starts = [s for s, _ in spans]
    by_sentence: dict[int, list[Hit]] = defaultdict(list)
    stray = []
    for h in cue_hits:
        k = bisect_right(starts, h.start) - 1
        if k >= 0 and h.end <= spans[k][1]:
            by_sentence[k].append(h)
        elif h in own:
            stray.append(h)
    lines = LineIndex(doc.text, doc.first_line)
    mentions = {(m.value_start, m.value_end) for m in result.mentions
                if m.document == doc.id and m.claim == claim.id}
    for k in sorted(by_sentence):
        if not any(h in own for h in by_sentence[k]):
            continue
        note.passages.append(_passage(doc, claims, claim, by_sentence[k], spans[k], lines,
                                      mentions))
    for h in stray:
        line, column = lines.position(h.start)
        note.passages.append(Passage(line, h.start, h.end, doc.text[h.start:h.end], notes=[
            f"cue {h.target.text!r} at {line}:{column} runs across a sentence boundary; "
            "no values are read for it"]))
    if not any(v.status == "mention" for p in note.passages for v in p.values):
        note.why = "cues matched, but no value was attributed to the claim"


def _pool_key(claim: Claim) -> str:
    return f"category:{claim.id}" if claim.type == "category" else claim.type


def _passage(doc: Document, claims: ClaimSet, claim: Claim, hits: list[Hit],
             span: tuple[int, int], lines: LineIndex, mentions: set) -> Passage:
    s_start, s_end = span
    sentence = doc.text[s_start:s_end]
    line, _ = lines.position(s_start)
    passage = Passage(line, s_start, s_end, _shorten(sentence))
    for h in hits:
        seen = {(c.cue, c.start, c.end) for c in passage.cues}
        if claims.claims[h.target.index].id == claim.id and (
                h.target.text, h.start, h.end) not in seen:  # one cue listed for two languages
            cl, cc = lines.position(h.start)
            passage.cues.append(CueNote(h.target.text, cl, cc, h.start, h.end))
    key = _pool_key(claim)
    pool = [h for h in hits if _pool_key(claims.claims[h.target.index]) == key]
    values = [v.shifted(s_start) for v in
              read_values(sentence, doc.language, doc.published_date, doc.date_order)]
    if claim.type == "category":
        pool_values = [v.shifted(s_start) for v in read_categories(sentence, claim.signals())]
        others: list[Value] = []
        if not pool_values:
            names = ", ".join(sorted(claim.signals()))
            passage.notes.append(f"no signal word of any category ({names}) in this sentence")
    else:
        pool_values = [v for v in values if v.kind == claim.type]
        others = [v for v in values if v.kind != claim.type]
    boundaries = [m.start() for m in _clause_pattern(doc.language).finditer(sentence)]
    notes: dict[tuple[int, int], ValueNote] = {}
    assigned: dict[int, list[tuple[int, Value]]] = defaultdict(list)
    for v in pool_values:
        vl, vc = lines.position(v.start)
        base = dict(raw=v.raw, kind=v.kind, value=v.canonical, line=vl, column=vc,
                    start=v.start, end=v.end)
        candidates = [h for h in pool if _accepts(claims.claims[h.target.index], v, doc)]
        own = [h for h in candidates if claims.claims[h.target.index].id == claim.id]
        if not own:
            words = sorted({w for ws in (claim.unit_words or {}).values() for w in ws})
            notes[(v.start, v.end)] = ValueNote(
                **base, status="no-unit",
                reason=f"not followed by a unit word of the claim ({', '.join(words)})")
            continue
        scored = [(_distance(h, v, s_start, boundaries), i) for i, h in enumerate(candidates)]
        dist, best = min(scored)
        winner = candidates[best]
        own_dist, own_hit = min((_distance(h, v, s_start, boundaries), h.target.text)
                                for h in own)
        if claims.claims[winner.target.index].id == claim.id or dist == own_dist:
            assigned[id(winner)].append((dist, v))
            notes[(v.start, v.end)] = ValueNote(
                **base, status="mention", cue=winner.target.text, distance=dist,
                reason=f"attributed to cue {winner.target.text!r} (distance {dist})")
        else:
            rival = claims.claims[winner.target.index]
            tie = ""
            notes[(v.start, v.end)] = ValueNote(
                **base, status="other-cue", cue=own_hit, distance=own_dist,
                reason=f"not attributed: nearer cue {winner.target.text!r} of {rival.id} "
                       f"(distance {dist}, vs {own_dist} to {own_hit!r}){tie}")
    # a cue keeps the nearest of the values attributed to it
    kept = {id(h): min(assigned[id(h)], key=lambda dv: (dv[0], dv[1].start))
            for h in pool if id(h) in assigned}
    kept_spans = {(v.start, v.end) for _, v in kept.values()}
    for h in pool:
        for dist, v in assigned.get(id(h), []):
            if (v.start, v.end) in kept_spans:
                continue
            kept_dist, kept_value = kept[id(h)]
            n = notes[(v.start, v.end)]
            n.status = "not-kept"
            n.reason = (f"attributed to cue {h.target.text!r} (distance {dist}), but the cue "
                        f"keeps its nearest value {kept_value.raw!r} (distance {kept_dist})")
    for key_span, n in notes.items():  # the engine's mentions are the truth
        engine = key_span in mentions
        if engine != (n.status == "mention"):
            n.reason += (" [the engine did attribute it]" if engine
                         else " [the engine did not attribute it]")
            n.status = "mention" if engine else n.status
    for v in others:
        vl, vc = lines.position(v.start)
        notes[(v.start, v.end)] = ValueNote(
            v.raw, v.kind, v.canonical, vl, vc, v.start, v.end, "wrong-kind",
            f"a {v.kind}, the claim reads {claim.type} values")
    passage.values = sorted(notes.values(), key=lambda n: (n.start, n.end))
    if not pool_values and claim.type != "category":
        passage.notes.append(f"no {claim.type} value in this sentence")
    return passage


def _explain_name(note: DocumentNote, doc: Document, claims: ClaimSet, item: Entity | Term,
                  hits: list[Hit]) -> None:
    if isinstance(item, Term) and item.language and item.language != doc.language:
        note.applies, note.why = False, f"out of scope: the term is checked in {item.language}"
        return
    kind = "entity" if isinstance(item, Entity) else "term"
    group = claims.entities if kind == "entity" else claims.terms
    own = [h for h in hits if h.target.kind == kind and group[h.target.index] is item]
    lines = LineIndex(doc.text, doc.first_line)
    for h in own:
        line, column = lines.position(h.start)
        passage = Passage(line, h.start, h.end, doc.text[h.start:h.end])
        passage.notes.append(f"{h.target.form} {h.target.text!r} at {line}:{column}")
        note.passages.append(passage)
    if not own and not note.findings:
        note.why = "no listed form matched (near-misses are found by the typo rules)"


def _finding_dict(f) -> dict:
    return {"rule": f.rule, "severity": f.severity, "verdict": f.verdict, "line": f.line,
            "column": f.column, "expected": f.expected, "found": f.found,
            "message": f.message, "acknowledged": f.acknowledged}


def _shorten(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= _SENTENCE_CHARS else text[: _SENTENCE_CHARS - 1] + "…"


# --------------------------------------------------------------------------- output

_MARK = {"error": "E", "warning": "W", "info": "I"}


def to_text(x: Explanation) -> str:
    lines = [f"{x.item}  ({one_line(x.origin)})" if x.origin else x.item, f"  {x.statement}"]
    lines += [f"  {d}" for d in x.details]
    for doc in x.documents:
        lines.append("")
        head = one_line(doc.id)
        if doc.language:
            head += f"  ({doc.language}" + (f", published {doc.published}" if doc.published
                                             else "") + ")"
        if doc.verdict:
            head += f"  verdict: {doc.verdict}"
        lines.append(head)
        if doc.why:
            lines.append(f"  {one_line(doc.why)}")
        for p in doc.passages:
            lines.append(f"  {one_line(doc.path)}:{p.line}  \"{one_line(p.sentence)}\"")
            for c in p.cues:
                lines.append(f"    cue {c.cue!r} at {c.line}:{c.column}")
            width = max((len(f"{v.raw!r} ({v.kind} {v.value})") for v in p.values), default=0)
            for v in p.values:
                label = f"{v.raw!r} ({v.kind} {v.value})"
                lines.append(f"    {one_line(label):<{width}}  {one_line(v.reason)}")
            lines += [f"    {one_line(n)}" for n in p.notes]
        if doc.findings:
            lines.append("  findings:")
            for f in doc.findings:
                loc = f"{f['line']}:{f['column']} " if f["line"] else ""
                ack = (f"  [acknowledged: {one_line(f['acknowledged'])}]" if f["acknowledged"]
                       else "")
                lines.append(f"    {_MARK[f['severity']]} {f['rule']} {loc}{f['verdict']}: "
                             f"expected {f['expected']!r}, found {f['found']!r}{ack}")
    return "\n".join(lines) + "\n"


def to_json(x: Explanation) -> str:
    return json.dumps({"version": 1, **x.as_dict()}, ensure_ascii=False, indent=2) + "\n"
