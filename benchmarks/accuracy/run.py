"""Precision and recall of the audit on the labelled accuracy corpora.

    python benchmarks/accuracy/run.py [TOPIC ...] [--show fp,fn] [--json FILE]

Each topic folder holds claims/, corpus/ and gold.yaml (see README.md here): ``expect``
lists the errors that must be reported, ``silent`` the places that must stay quiet. Every
error- and warning-severity finding is judged: right when it matches an ``expect`` entry
(same document, same item or rule, its span overlapping the entry's text), false
otherwise (its pattern is the ``silent`` entry it overlaps, or "unlabelled"). Info
findings are not judged: a plan or an accepted variant may be shown as info. Recall is over
the ``expect`` entries. Figures per severity, per rule and per pattern, then the totals
the targets are about: precision ≥ 0.95 for errors and ≥ 0.90 for warnings, recall ≥ 0.90.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


@dataclass
class Judged:
    topic: str
    rule: str
    severity: str
    document: str | None
    item: str | None
    found: str | None
    message: str
    right: bool
    pattern: str
    line: int | None = None


@dataclass
class Tally:
    judged: list[Judged] = field(default_factory=list)
    missed: list[tuple[str, dict]] = field(default_factory=list)  # (topic, expect entry)
    found: list[tuple[str, dict]] = field(default_factory=list)


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], text.find(needle)
    while start != -1:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def _overlaps(span: tuple[int, int] | None, spans: list[tuple[int, int]]) -> bool:
    if span is None:
        return False
    a, b = span
    b = max(b, a + 1)
    return any(a < e and s < b for s, e in spans)


def evaluate(topic: Path, tally: Tally) -> None:
    from factaudit.engine.pipeline import audit
    from factaudit.inputs.config import Config
    from factaudit.inputs.project import load_project

    gold = yaml.safe_load((topic / "gold.yaml").read_text(encoding="utf-8"))
    config = Config(root=topic, languages=("en", "id"))
    project = load_project(config, topic / "claims", topic / "corpus")
    result = audit(project, executor="inline")
    texts = {d.id: (result.text_of(d.id).text if result.text_of(d.id) else "")
             for d in result.documents}
    claims = project.claims

    def expected_rule(entry: dict) -> str:
        if entry.get("rule"):
            return entry["rule"]
        item = claims.find(entry.get("item"))
        if item is None:
            return "?"
        if item.kind == "claim":
            return "cross-source-disagreement" if item.consistent else "value-contradiction"
        return "name-typo" if item.kind == "entity" else "term-misspelling"

    expects = [(e, _occurrences(texts.get(e["document"], ""), e["found"]))
               for e in gold.get("expect", [])]
    silents = [(s, _occurrences(texts.get(s["document"], ""), s["text"]))
               for s in gold.get("silent", [])]
    hit: set[int] = set()
    for f in result.findings:
        if str(f.severity) == "info" or f.acknowledged:
            continue
        span = (f.start, f.end) if f.start is not None else None
        match = _expected_match(f, span, expects)
        if match is not None:
            hit.add(match)
            pattern, right = expects[match][0]["pattern"], True
        else:
            pattern, right = _silent_pattern(f, span, silents), False
        tally.judged.append(Judged(topic.name, f.rule, str(f.severity), f.document, f.claim,
                                   f.found, f.message, right, pattern, f.line))
    for k, (e, _) in enumerate(expects):
        e = {**e, "rule": expected_rule(e)}
        (tally.found if k in hit else tally.missed).append((topic.name, e))


def _expected_match(f, span, expects) -> int | None:
    """The index of the ``expect`` entry a finding reports, if any."""
    for k, (e, spans) in enumerate(expects):
        if e["document"] != f.document or not _overlaps(span, spans):
            continue
        if (e.get("item") and e["item"] == f.claim) or (e.get("rule") == f.rule):
            return k
    return None


def _silent_pattern(f, span, silents) -> str:
    """The pattern of the ``silent`` entry a false finding falls on ("unlabelled": none)."""
    for s, spans in silents:
        if s["document"] == f.document and _overlaps(span, spans) and (
                not s.get("item") or s["item"] == f.claim):
            return s["pattern"]
    return "unlabelled"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  n/a"


def report(tally: Tally, show: set[str]) -> dict:
    judged = tally.judged
    lines = []
    out: dict = {}
    for severity in ("error", "warning"):
        js = [j for j in judged if j.severity == severity]
        right = sum(j.right for j in js)
        out[f"precision_{severity}"] = right / len(js) if js else None
        lines.append(f"precision, {severity}s: {_ratio(right, len(js))}  ({right}/{len(js)})")
    right = sum(j.right for j in judged)
    out["precision"] = right / len(judged) if judged else None
    lines.append(f"precision, all:      {_ratio(right, len(judged))}  ({right}/{len(judged)})")
    n_found, n_all = len(tally.found), len(tally.found) + len(tally.missed)
    out["recall"] = n_found / n_all if n_all else None
    lines.append(f"recall:              {_ratio(n_found, n_all)}  ({n_found}/{n_all})")
    print("\n".join(lines))
    print(f"\n{'rule':28} {'findings':>8} {'right':>6} {'precision':>9} {'expected':>8} "
          f"{'found':>6} {'recall':>7}")
    rules = sorted({j.rule for j in judged} | {e["rule"] for _, e in tally.found + tally.missed})
    for rule in rules:
        js = [j for j in judged if j.rule == rule]
        right = sum(j.right for j in js)
        exp = [e for _, e in tally.found + tally.missed if e["rule"] == rule]
        got = [e for _, e in tally.found if e["rule"] == rule]
        print(f"{rule:28} {len(js):8} {right:6} {_ratio(right, len(js)):>9} {len(exp):8} "
              f"{len(got):6} {_ratio(len(got), len(exp)):>7}")
    print(f"\n{'pattern':16} {'expected':>8} {'found':>6} {'recall':>7} {'false':>6}")
    patterns = sorted({e["pattern"] for _, e in tally.found + tally.missed}
                      | {j.pattern for j in judged if not j.right})
    for pattern in patterns:
        exp = [e for _, e in tally.found + tally.missed if e["pattern"] == pattern]
        got = [e for _, e in tally.found if e["pattern"] == pattern]
        false = sum(1 for j in judged if not j.right and j.pattern == pattern)
        print(f"{pattern:16} {len(exp):8} {len(got):6} {_ratio(len(got), len(exp)):>7} "
              f"{false:6}")
    if "fp" in show:
        print("\nfalse findings:")
        for j in judged:
            if not j.right:
                print(f"  [{j.topic} {j.pattern}] {j.severity} {j.rule} {j.document}:{j.line} "
                      f"{j.item}: {j.message[:160]}")
    if "fn" in show:
        print("\nmissed:")
        for topic, e in tally.missed:
            print(f"  [{topic} {e['pattern']}] {e['document']} {e.get('item') or e['rule']}: "
                  f"{e['found']!r} — {e.get('note', '')}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topics", nargs="*", help="topic folders (default: every one here)")
    parser.add_argument("--show", default="", help="fp, fn: list false findings, misses")
    parser.add_argument("--json", type=Path, help="write the totals as JSON")
    args = parser.parse_args(argv)
    topics = [HERE / t for t in args.topics] or sorted(
        p for p in HERE.iterdir() if (p / "gold.yaml").is_file())
    tally = Tally()
    for topic in topics:
        evaluate(topic, tally)
    counts = Counter(j.topic for j in tally.judged)
    print(f"topics: {', '.join(t.name for t in topics)} "
          f"({sum(counts.values())} findings judged)\n")
    totals = report(tally, set(filter(None, args.show.split(","))))
    if args.json:
        args.json.write_text(json.dumps(totals, indent=2) + "\n", encoding="utf-8")
    by_topic: dict[str, list[Judged]] = defaultdict(list)
    for j in tally.judged:
        by_topic[j.topic].append(j)
    return 0


if __name__ == "__main__":
    sys.exit(main())
