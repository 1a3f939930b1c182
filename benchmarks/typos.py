"""Benchmark of the name and term checks: recall on injected edits, false positives on
clean text, and speed.

    python benchmarks/typos.py [--docs 200] [--seed 7] [--no-dictionaries]

A generated bilingual corpus (``corpusgen``) mentions 30 people and 18 terms. For each
kind of edit (substitution, insertion, deletion, transposition of letters; the same in
capitals; a zero-width space, a soft hyphen, a Cyrillic look-alike letter) the benchmark
injects one edit into up to 8 name or term mentions per document, runs the real rules
through ``factaudit.engine.pipeline.audit`` and counts the injected edits reported at their
place (recall), and the findings anywhere else. On the clean corpus every typo finding
is a false positive; they are counted per 10,000 tokens. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpusgen

from factaudit.engine.pipeline import audit
from factaudit.inputs.claims import claimset_from_text
from factaudit.inputs.project import Project
from factaudit.model import Document
from factaudit.rules.registry import discover_rules

TYPO_RULES = ("name-typo", "term-misspelling", "invisible-characters")
KINDS = ("substitution", "insertion", "deletion", "transposition", "capitals",
         "zero-width", "soft-hyphen", "homoglyph")
WORD = re.compile(r"\w+")


def documents(generated: corpusgen.Generated) -> list[Document]:
    return [Document(id=i, path=f"<{i}>", text=t, language=lang)
            for i, lang, t in generated.documents]


def run(generated, claims, rules):
    start = time.perf_counter()
    result = audit(Project.in_memory(claims, documents(generated)), rules, executor="inline")
    seconds = time.perf_counter() - start
    tokens = sum(len(WORD.findall(t)) for *_, t in generated.documents)
    typos = [f for f in result.findings if f.rule in TYPO_RULES]
    return typos, tokens, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=250, help="documents per corpus")
    parser.add_argument("--rounds", type=int, default=12,
                        help="corpora per kind of edit (each with its own injected edits)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-dictionaries", action="store_true",
                        help="run as if no Hunspell dictionary were installed")
    parser.add_argument("--kinds", nargs="*", default=list(KINDS))
    args = parser.parse_args(argv)
    if args.no_dictionaries:
        os.environ["FACTAUDIT_DICTIONARIES"] = "off"
    claims = claimset_from_text(corpusgen.claims_yaml())
    rules = [r for r in discover_rules() if r.id in TYPO_RULES]

    clean = corpusgen.generate(args.docs, args.seed)
    run(clean, claims, rules)  # warm up: imports, dictionaries
    typos, tokens, seconds = run(clean, claims, rules)
    _, _, seconds_none = run(clean, claims, [])
    all_rules = [r for r in discover_rules() if not r.optional]
    _, _, seconds_all = run(clean, claims, all_rules)
    per = 10000 / tokens * 1000
    print(f"clean corpus: {len(clean.documents)} documents, {tokens} tokens, "
          f"{len(claims.entities)} names, {len(claims.terms)} terms; Hunspell dictionaries "
          f"{'off' if args.no_dictionaries else 'used if installed'}")
    print(f"  false positives: {len(typos)} = {len(typos) / tokens * 10000:.2f} "
          "per 10,000 tokens")
    for f in typos[:20]:
        print(f"    {f.rule} {f.document}: {f.message}")
    print(f"  time per 10,000 tokens: {(seconds - seconds_none) * per:.0f} ms for "
          f"{', '.join(TYPO_RULES)}; {seconds_none * per:.0f} ms for the scan and extraction;"
          f" {seconds_all * per:.0f} ms for the whole audit with all default rules")

    print(f"\nrecall on single injected edits ({args.rounds} corpora of {args.docs} documents "
          "per kind; found at its place / injected)")
    print(f"  {'kind':14} {'names 5+':>13} {'beside name':>13} {'alone':>13} "
          f"{'names <5':>11} {'terms 5+':>13} {'other':>6}")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for n, kind in enumerate(args.kinds):
        upper = kind == "capitals"
        buckets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        extra = []
        for r in range(args.rounds):
            generated = corpusgen.generate(args.docs, args.seed + 1000 * (n + 1) + r,
                                           "substitution" if upper else kind,
                                           upper_edits=upper)
            findings, _, _ = run(generated, claims, rules)
            extra += score(kind, generated, findings, buckets, totals)
        cells = []
        for key in ("names 5+", "beside name", "alone", "names <5", "terms"):
            found, total = buckets[key]
            cells.append(f"{found / total:.3f} ({total})" if total else "-")
        print(f"  {kind:14} {cells[0]:>13} {cells[1]:>13} {cells[2]:>13} {cells[3]:>11} "
              f"{cells[4]:>13} {len(extra):>6}")
        for f in extra[:5]:
            print(f"      other finding: {f.rule} {f.document}: {f.message}")
    letters = [k for k in totals if k not in ("zero-width", "soft-hyphen", "homoglyph")]
    found = sum(totals[k][0] for k in letters)
    total = sum(totals[k][1] for k in letters)
    if total:
        print(f"\nrecall on single letter edits of names of 5+ letters: {found / total:.3f} "
              f"({found}/{total})")
    return 0


def score(kind, generated, findings, buckets, totals) -> list:
    """Count the injected edits found at their place; return the findings elsewhere."""
    invisible = kind in ("zero-width", "soft-hyphen", "homoglyph")
    want = {"invisible-characters"} if invisible else {"name-typo", "term-misspelling"}
    by_doc = defaultdict(list)
    for f in findings:
        by_doc[f.document].append(f)
    for inj in generated.injected:
        hit = any(f.rule in want and f.claim == inj.item and f.start < inj.end
                  and inj.start < f.end for f in by_doc[inj.doc])
        if inj.item_kind == "term":
            keys = ["terms"] if inj.length >= 5 else []
        elif inj.length >= 5:
            keys = ["names 5+", "beside name" if inj.context else "alone"]
        else:
            keys = ["names <5"]
        for key in keys:
            buckets[key][0] += hit
            buckets[key][1] += 1
            if key == "names 5+":
                totals[kind][0] += hit
                totals[kind][1] += 1
    return [f for f in findings if not any(
        f.document == inj.doc and f.start < inj.end and inj.start < f.end
        for inj in generated.injected)]


if __name__ == "__main__":
    sys.exit(main())
