"""The real-text part of ``benchmarks/typos.py``: the texts of ``typos_data/`` (written for
the benchmark in the styles of news, press releases and blogs, English and Indonesian),
their planted typos and traps, scored per kind for factaudit with the spelling rule off
and on, and for ``hunspell -l`` with a names list, in the same run.

A finding is right when it overlaps a planted typo of its document (for a typo in several
words, such as both words of a name, every differing word must be covered for the typo to
count as found); a finding on a trap is a false alarm of that trap's category; any other
finding is unlisted, and counted as a false alarm too. Not part of the test suite.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factaudit.engine.pipeline import audit
from factaudit.inputs.claims import load_claims_file
from factaudit.inputs.config import Config
from factaudit.inputs.project import Project
from factaudit.model import Document
from factaudit.reading.lexicon.hunspell import dictionary_name, find_dictionary
from factaudit.rules.registry import discover_rules

DATA = Path(__file__).resolve().parent / "typos_data"
NAME_RULES = ("name-typo", "term-misspelling", "term-variant", "invisible-characters")
RULE_OF_KIND = {
    "name-1edit": "name-typo", "name-2edit-surname": "name-typo",
    "name-both-words": "name-typo", "name-recurring": "name-typo",
    "name-lowercase": "name-typo", "acronym": "name-typo",
    "term-short-word": "term-misspelling", "term-variant": "term-variant",
    "general-en": "spelling", "general-id": "spelling", "invisible": "invisible-characters",
}
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass
class Planted:
    file: str
    kind: str
    start: int
    end: int
    found: str
    expected: str
    parts: list[tuple[int, int]]  # the spans of the words that differ from the expected


@dataclass
class Score:
    """Findings of one checker on the texts, judged against the gold."""

    found: Counter = field(default_factory=Counter)  # kind → planted typos found
    right: Counter = field(default_factory=Counter)  # rule → findings on a planted typo
    wrong: Counter = field(default_factory=Counter)  # rule → findings elsewhere
    traps: Counter = field(default_factory=Counter)  # trap category → findings on it
    false: list[str] = field(default_factory=list)
    seconds: float = 0.0


def load() -> tuple[list[Document], list[Planted], list[tuple[str, int, int, str]]]:
    documents = []
    for path in sorted((DATA / "texts").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        documents.append(Document(id=path.name, path=str(path), text=text,
                                  language=path.stem[-2:]))
    texts = {d.id: d.text for d in documents}
    gold = yaml.safe_load((DATA / "gold.yaml").read_text(encoding="utf-8"))
    planted = []
    for item in gold["typos"]:
        text = texts[item["file"]]
        start = text.index(item["found"])
        if "word" in item:
            start += item["found"].index(item["word"])
        shown = item.get("word", item["found"])
        expected = item["expected"].split()
        pieces = [(m.start(), m.end()) for m in TOKEN.finditer(shown)]
        if len(pieces) == len(expected):
            differing = [(start + a, start + b) for (a, b), e in zip(pieces, expected, strict=True)
                         if shown[a:b] != e]
        else:
            differing = [(start, start + len(shown))]
        planted.append(Planted(item["file"], item["kind"], start, start + len(shown), shown,
                               item["expected"], differing or [(start, start + len(shown))]))
    traps = []
    for trap in gold["traps"]:
        text = texts[trap["file"]]
        for m in re.finditer(re.escape(trap["word"]), text):
            traps.append((trap["file"], m.start(), m.end(), trap["category"]))
    return documents, planted, traps


def judge(spans: list[tuple[str, str, int, int, str]], planted: list[Planted],
          traps: list[tuple[str, int, int, str]], score: Score) -> None:
    """``spans``: (rule, file, start, end, text) of each finding."""
    covered: set[tuple[str, int, int]] = set()
    for rule, doc, start, end, text in spans:
        hits = [p for p in planted if p.file == doc and start < p.end and p.start < end]
        if hits:
            score.right[rule] += 1
            for p in hits:
                covered |= {(doc, a, b) for a, b in p.parts if start < b and a < end}
            continue
        score.wrong[rule] += 1
        trap = next((t for t in traps if t[0] == doc and start < t[2] and t[1] < end), None)
        if trap:
            score.traps[trap[3]] += 1
            score.false.append(f"{rule} {doc}: {text!r} (trap: {trap[3]})")
        else:
            score.false.append(f"{rule} {doc}: {text!r}")
    for p in planted:
        if all((p.file, a, b) in covered for a, b in p.parts):
            score.found[p.kind] += 1


def run_factaudit(documents: list[Document], spelling: bool) -> tuple[list, float]:
    claims_file, _ = load_claims_file(DATA / "claims.yaml")
    from factaudit.inputs.claims import ClaimSet

    claims = ClaimSet(claims_file.claims, claims_file.entities, claims_file.terms,
                      list(claims_file.vocabulary), digest=f"typos-data-{spelling}")
    wanted = set(NAME_RULES) | ({"spelling"} if spelling else set())
    rules = [r for r in discover_rules() if r.id in wanted]
    project = Project.in_memory(claims, documents, Config())
    start = time.perf_counter()
    result = audit(project, rules, executor="inline")
    return ([f for f in result.findings if f.severity != "info" and f.start is not None],
            time.perf_counter() - start)


def names_list() -> list[str]:
    """What a user of a plain spell checker would add to a personal dictionary: every word
    of the declared names, aliases, variants, others and terms, and the vocabulary."""
    parsed, _ = load_claims_file(DATA / "claims.yaml")
    forms = [f for e in parsed.entities for f in (e.name, *e.aliases, *e.variants, *e.others)]
    forms += [f for t in parsed.terms for f in (t.preferred,)]
    forms += list(parsed.vocabulary)
    out = {m.group(0) for f in forms for m in TOKEN.finditer(f)}
    return sorted(out)


def run_hunspell(documents: list[Document]) -> tuple[list, float] | None:
    """``hunspell -l`` with the document language's dictionary and the names list as a
    personal dictionary: every flagged word, at each of its places."""
    program = shutil.which("hunspell")
    if program is None:
        return None
    paths = {lang: find_dictionary(lang) for lang in {d.language for d in documents}}
    if not all(paths.values()):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        personal = Path(tmp) / "names.dic"
        personal.write_text("\n".join(names_list()) + "\n", encoding="utf-8")
        spans = []
        start = time.perf_counter()
        for doc in documents:
            out = subprocess.run([program, "-i", "utf-8", "-d", str(paths[doc.language]),
                                  "-p", str(personal), "-l"], input=doc.text,
                                 capture_output=True, text=True, check=True).stdout
            flagged = set(out.split())
            for m in TOKEN.finditer(doc.text):
                if m.group(0) in flagged:
                    spans.append(("hunspell", doc.id, m.start(), m.end(), m.group(0)))
        return spans, time.perf_counter() - start


def tokens_of(documents: list[Document], planted: list[Planted]) -> int:
    """Clean tokens: every word of the texts outside the planted typos."""
    places = defaultdict(list)
    for p in planted:
        places[p.file].append((p.start, p.end))
    return sum(1 for d in documents for m in TOKEN.finditer(d.text)
               if not any(a < m.end() and m.start() < b for a, b in places[d.id]))


def report(show: int = 40) -> dict:
    documents, planted, traps = load()
    kinds = Counter(p.kind for p in planted)
    clean = tokens_of(documents, planted)
    scores: dict[str, Score] = {}
    for label, spelling in (("name/term rules", False), ("+ spelling", True)):
        findings, seconds = run_factaudit(documents, spelling)
        score = Score(seconds=seconds)
        judge([(f.rule, f.document, f.start, f.end, f.found or "") for f in findings],
              planted, traps, score)
        scores[label] = score
    hunspell = run_hunspell(documents)
    if hunspell is not None:
        score = Score(seconds=hunspell[1])
        judge(hunspell[0], planted, traps, score)
        scores["hunspell -l + names"] = score
    dictionaries = ", ".join(sorted({dictionary_name(d.language) for d in documents}))
    print(f"real-text part: {len(documents)} texts of typos_data/ ({clean} clean tokens), "
          f"{len(planted)} planted typos, {len(traps)} trap places; Hunspell "
          f"{dictionaries}; the names list: {len(names_list())} words")
    labels = list(scores)
    print(f"\n  {'kind':20} {'planted':>7} " + " ".join(f"{lab:>20}" for lab in labels))
    for kind in sorted(kinds):
        cells = [f"{scores[lab].found[kind]:>3} ({scores[lab].found[kind] / kinds[kind]:.2f})"
                 for lab in labels]
        print(f"  {kind:20} {kinds[kind]:>7} " + " ".join(f"{c:>20}" for c in cells))
    total = sum(kinds.values())
    cells = [f"{sum(scores[lab].found.values()):>3} "
             f"({sum(scores[lab].found.values()) / total:.2f})" for lab in labels]
    print(f"  {'all':20} {total:>7} " + " ".join(f"{c:>20}" for c in cells))
    print("\n  precision per rule (right / findings) and false alarms per 10,000 clean tokens")
    out: dict = {"kinds": dict(kinds), "clean_tokens": clean}
    for lab in labels:
        s = scores[lab]
        rules = sorted(set(s.right) | set(s.wrong))
        parts = [f"{r} {s.right[r]}/{s.right[r] + s.wrong[r]}" for r in rules]
        right, wrong = sum(s.right.values()), sum(s.wrong.values())
        print(f"  {lab:20} precision {right / max(1, right + wrong):.3f} ({right}/"
              f"{right + wrong}); {wrong / clean * 10000:.1f} false per 10k; "
              f"{s.seconds:.2f} s; " + ", ".join(parts))
        if s.traps:
            print(f"  {'':20} on traps: " + ", ".join(f"{k} {n}" for k, n in
                                                     s.traps.most_common()))
        out[lab] = {"found": dict(s.found), "right": dict(s.right), "wrong": dict(s.wrong),
                    "traps": dict(s.traps), "seconds": s.seconds}
    for lab in labels[:2]:
        if scores[lab].false:
            print(f"\n  false alarms of factaudit ({lab}), first {show}:")
            for line in scores[lab].false[:show]:
                print(f"    {line}")
    return out


def missed(spelling: bool = True) -> list[str]:
    """The planted typos factaudit misses (for development)."""
    documents, planted, traps = load()
    findings, _ = run_factaudit(documents, spelling)
    score = Score()
    judge([(f.rule, f.document, f.start, f.end, f.found or "") for f in findings], planted,
          traps, score)
    spans = {(f.document, f.start, f.end) for f in findings}
    return [f"{p.kind} {p.file}: {p.found!r} ({p.expected})" for p in planted
            if not all(any(d == p.file and s < b and a < e for d, s, e in spans)
                       for a, b in p.parts)]

