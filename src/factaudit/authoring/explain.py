"""``factaudit explain ITEM``: why a claim (entity, term) got the verdicts it got.

For every document: whether the claim applies there (scope, validity), every sentence in
which one of its cues matched, every value read in that sentence and why it was or was
not attributed to the claim, the findings, and the verdict. Everything shown about
attribution comes from the trace that the attribution code records while it decides
(``matching.attribute``): explain renders it and computes nothing of its own, so its
account cannot drift from the verdicts.
"""

from __future__ import annotations

import difflib
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from factaudit.engine.pipeline import audit
from factaudit.inputs.claims import Claim, Entity
from factaudit.inputs.project import Project
from factaudit.matching.attribute import in_scope
from factaudit.matching.clauses import running
from factaudit.model import Document, Finding, InputError, Problem, TraceStep, one_line
from factaudit.reading.text import LineIndex
from factaudit.results import AuditResult

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
    status: str  # mention | not-kept | other-cue | wrong-kind | no-unit | dateline | planned…
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
    findings: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Explanation:
    item: str
    kind: str  # claim, entity or term
    origin: str
    statement: str
    details: list[str]
    documents: list[DocumentNote]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def explain(project: Project, item_id: str, result: AuditResult | None = None,
            documents: list[str] | None = None) -> Explanation:
    """Explain one claim, entity or term over a project's corpus (or only the documents
    whose ids are in ``documents``). ``result``: an audit of the project run with
    ``trace={item_id}`` (made here when not given). Raises InputError for an unknown id."""
    claims = project.claims
    item = claims.find(item_id)
    if item is None:
        ids = sorted(claims.origins)
        close = difflib.get_close_matches(item_id, ids, n=3)
        raise InputError(Problem("claims", f"no claim, entity or term with id {item_id!r}",
                                 hint=f"did you mean {', '.join(close)}?" if close else
                                 f"known ids: {', '.join(ids[:12])}"
                                 + (" …" if len(ids) > 12 else "")))
    if result is None or item_id not in {s.item for s in result.trace}:
        result = audit(project, trace={item_id}, executor="inline")
    origin = claims.origins.get(item_id)
    steps: dict[str, list[TraceStep]] = defaultdict(list)
    for step in result.trace:
        if step.item == item_id:
            steps[step.document].append(step)
    wanted = _documents(result, documents)
    notes = []
    for info in result.documents:
        if wanted is not None and info.id not in wanted:
            continue
        verdict = result.verdicts.get(item_id, {}).get(info.id, "")
        note = DocumentNote(info.id, info.path, info.language, info.published, verdict)
        doc = result.text_of(info.id) if steps.get(info.id) else None
        if isinstance(item, Claim):
            why = in_scope(item, info)
            if why is not None:
                note.applies, note.why = False, f"out of scope: {why}"
            elif not steps.get(info.id):
                cues = "; ".join(f"in {lang}: {', '.join(words)}"
                                 for lang, words in item.cues.items())
                note.why = f"no cue matched (cues {cues})"
        if doc is not None:
            note.passages = _passages(doc, steps[info.id], isinstance(item, Claim))
        note.findings = [_finding_dict(f) for f in result.findings
                         if f.claim == item_id and f.document == info.id]
        notes.append(note)
    corpus_findings = [_finding_dict(f) for f in result.findings
                       if f.claim == item_id and f.document is None]
    if corpus_findings and wanted is None:
        notes.append(DocumentNote("(across the corpus)", "", "", None, "", True, "", [],
                                  corpus_findings))
    where = f"{origin.path}:{origin.line}" if origin else ""
    return Explanation(item_id, str(item.kind), where, item.label, _details(item), notes)


def _documents(result: AuditResult, documents: list[str] | None) -> set[str] | None:
    if not documents:
        return None
    ids = [d.id for d in result.documents]
    unknown = [d for d in documents if d not in ids]
    if unknown:
        close = difflib.get_close_matches(unknown[0], ids, n=3)
        raise InputError(Problem("corpus", f"no document with id {unknown[0]!r}",
                                 hint=f"did you mean {', '.join(close)}?" if close else
                                 "see the ids with: factaudit check --format json"))
    return set(documents)


def _details(item: Any) -> list[str]:
    if isinstance(item, Claim):
        out = [f"type: {item.type}"]
        if item.consistent:
            out.append("expected: sources must agree with each other")
        elif item.counts_from is not None:
            out.append(f"expected: publication year − {item.counts_from}")
        else:
            out.append(f"expected: {item.expected_value}")
        for lang, cues in item.cues.items():
            out.append(f"cues ({lang}): {', '.join(cues)}")
        for lang, words in (item.keywords or {}).items():
            out.append(f"keywords ({lang}): {', '.join(words)}")
        for words in (item.unit_words or {}).values():
            out.append(f"unit words: {', '.join(words)}")
        for lang in sorted({*item.cues, *(item.keywords or {})}):
            topic = item.topic(lang)
            if topic:
                out.append(f"about ({lang}): " + "; ".join(" or ".join(g) for g in topic))
            if item.excluded(lang):
                out.append(f"not about ({lang}): {', '.join(item.excluded(lang))}")
        if item.window is not None:
            out.append(f"window: {item.window} words")
        if item.valid:
            out.append(f"valid: {item.valid}")
        if item.settled is not None:
            out.append(f"settled: {item.settled} (earlier documents: info at most)")
        direction = running(item)
        if direction is not None:
            side = {"up": "lower", "down": "higher", "either": "other"}[direction]
            out.append(f"running count ({direction}): {side} figures in documents not "
                       "published after it settled are earlier counts (info at most)")
        if item.scope:
            out.append(f"scope: {item.scope.model_dump(exclude_none=True)}")
        return out
    if isinstance(item, Entity):
        return [f"{label}: {', '.join(forms)}" for label, forms in
                (("aliases", item.aliases), ("variants", item.variants),
                 ("others", item.others)) if forms]
    details = [f"variants: {', '.join(item.variants)}"] if item.variants else []
    if item.language:
        details.append(f"language: {item.language}")
    return details


def _passages(doc: Document, steps: list[TraceStep], claim: bool) -> list[Passage]:
    lines = LineIndex(doc.text, doc.first_line)
    out: dict[tuple[int, int], Passage] = {}

    def passage(span: tuple[int, int]) -> Passage:
        if span not in out:
            out[span] = Passage(lines.position(span[0])[0], span[0], span[1],
                                _shorten(doc.text[span[0]:span[1]]))
        return out[span]

    for s in steps:
        if not claim and s.decision == "found" and s.cue is not None:
            # an entity or term: one passage per place its forms were found
            p = passage(s.cue)
            p.cues.append(CueNote(s.reason, *lines.position(s.cue[0]), *s.cue))
            continue
        p = passage(s.sentence)
        if s.decision == "cue" and s.cue is not None:
            if all((c.start, c.end) != s.cue for c in p.cues):
                p.cues.append(CueNote(s.cue_text or "", *lines.position(s.cue[0]), *s.cue))
        elif s.value is not None:
            line, column = lines.position(s.value[0])
            p.values.append(ValueNote(s.raw or "", s.kind or "", s.canonical or "", line,
                                      column, s.value[0], s.value[1], s.decision, s.reason,
                                      s.cue_text, s.distance))
        else:
            p.notes.append(s.reason)
    for p in out.values():
        p.values.sort(key=lambda v: (v.start, v.status))
    return sorted(out.values(), key=lambda p: p.start)


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {k: (str(v) if k in ("severity", "verdict") else v) for k, v in
            (("rule", f.rule), ("severity", f.severity), ("verdict", f.verdict),
             ("line", f.line), ("column", f.column), ("expected", f.expected),
             ("found", f.found), ("message", f.message), ("acknowledged", f.acknowledged))}


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
                label = c.cue if " " in c.cue and c.cue.split(" ", 1)[0] in (
                    "name", "alias", "variant", "other", "preferred") else f"cue {c.cue!r}"
                lines.append(f"    {one_line(label)} at {c.line}:{c.column}")
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
