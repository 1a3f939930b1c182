"""Benchmark of the name, term and spelling checks, in three parts:

    python benchmarks/typos.py [generated|real|speed ...] [--docs 250] [--rounds 12]
                               [--seed 7] [--no-dictionaries] [--kinds ...] [--show N]

- ``generated``: a generated bilingual corpus (``corpusgen``) mentions 30 people, 8
  organisations by their acronym and 22 terms. For each kind of edit (substitution,
  insertion, deletion, transposition of letters; the same in capitals; two edits in a
  long surname beside the first name; one edit in each word of a name; a swapped or
  doubled letter in an acronym; a zero-width space, a soft hyphen, a Cyrillic look-alike
  letter) the benchmark injects one edit into up to 8 name or term mentions per document,
  runs the real rules through ``factaudit.engine.pipeline.audit`` and counts the injected
  edits reported at their place (recall), and the findings anywhere else. On the clean
  corpus every typo finding is a false alarm; they are counted per 10,000 tokens, with the
  spelling rule off and on, and for ``hunspell -l`` with a names list in the same run.
- ``real``: the texts of ``typos_data/`` (see ``typos_real.py``): recall per kind of
  planted typo, precision per rule, false alarms on the traps, for factaudit with the
  spelling rule off and on and for ``hunspell -l`` with a names list.
- ``speed``: 2,000 generated documents (``scale_corpus``): what the spelling rule adds to
  an audit with every default rule, against ``hunspell -l`` over the same texts.

Every part runs by default. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpusgen
import typos_real

from factaudit.engine.pipeline import audit
from factaudit.inputs.claims import claimset_from_text
from factaudit.inputs.config import Config
from factaudit.inputs.project import Project, load_project
from factaudit.model import Document
from factaudit.reading.lexicon.hunspell import find_dictionaries
from factaudit.rules.registry import discover_rules

TYPO_RULES = ("name-typo", "term-misspelling", "invisible-characters")
KINDS = ("substitution", "insertion", "deletion", "transposition", "capitals", "two-edit",
         "both-words", "acronym", "zero-width", "soft-hyphen", "homoglyph")
INVISIBLE = ("zero-width", "soft-hyphen", "homoglyph")
BUCKETS = ("names 5+", "beside name", "alone", "names <5", "acronyms", "terms 5+",
           "short in terms")
WORD = re.compile(r"\w+")
LETTERS = re.compile(r"[^\W\d_]+")
HERE = Path(__file__).resolve().parent


def documents(generated: corpusgen.Generated) -> list[Document]:
    return [Document(id=i, path=f"<{i}>", text=t, language=lang)
            for i, lang, t in generated.documents]


def run(generated, claims, rules, wanted=TYPO_RULES):
    start = time.perf_counter()
    result = audit(Project.in_memory(claims, documents(generated)), rules, executor="inline")
    seconds = time.perf_counter() - start
    tokens = sum(len(WORD.findall(t)) for *_, t in generated.documents)
    typos = [f for f in result.findings if f.rule in wanted]
    return typos, tokens, seconds


def hunspell_flags(generated: corpusgen.Generated, names: list[str]
                   ) -> dict[str, set[str]] | None:
    """Per language, the words ``hunspell -l`` flags in its documents, with the language's
    dictionaries and ``names`` as a personal dictionary (one process per language)."""
    program = shutil.which("hunspell")
    languages = sorted({lang for _, lang, _ in generated.documents})
    if program is None or not all(find_dictionaries(lang) for lang in languages):
        return None
    out: dict[str, set[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        personal = Path(tmp) / "names.dic"
        personal.write_text("\n".join(names) + "\n", encoding="utf-8")
        for lang in languages:
            text = "\n".join(t for _, dl, t in generated.documents if dl == lang)
            out[lang] = set(subprocess.run(
                [program, "-i", "utf-8", "-d", ",".join(map(str, find_dictionaries(lang))),
                 "-p", str(personal), "-l"], input=text, capture_output=True, text=True,
                check=True).stdout.split())
    return out


def generated_names() -> list[str]:
    """The names list a user of a plain spell checker would keep: every word of the
    declared names (others too), acronyms and terms."""
    words = {w for n, o in corpusgen.ENTITIES for form in [n, *o] for w in form.split()}
    words |= {w for a, long in corpusgen.ACRONYMS for w in [a, *long.split()]}
    words |= {w for terms in corpusgen.TERMS.values() for t in terms for w in t.split()}
    return sorted(words)


def generated_part(args) -> None:
    claims = claimset_from_text(corpusgen.claims_yaml())
    rules = [r for r in discover_rules() if r.id in TYPO_RULES]
    spelling = [r for r in discover_rules() if r.id == "spelling"]
    clean = corpusgen.generate(args.docs, args.seed)
    run(clean, claims, rules)  # warm up: imports, dictionaries
    typos, tokens, seconds = run(clean, claims, rules)
    with_spelling, _, seconds_spelling = run(clean, claims, rules + spelling,
                                             (*TYPO_RULES, "spelling"))
    _, _, seconds_none = run(clean, claims, [])
    all_rules = [r for r in discover_rules() if not r.optional]
    _, _, seconds_all = run(clean, claims, all_rules)
    per = 10000 / tokens * 1000
    print(f"generated part: {len(clean.documents)} documents, {tokens} tokens, "
          f"{len(claims.entities)} names ({len(corpusgen.ACRONYMS)} acronyms), "
          f"{len(claims.terms)} terms; Hunspell dictionaries "
          f"{'off' if args.no_dictionaries else 'used if installed'}")
    print(f"  false alarms on clean text: {len(typos)} = {len(typos) / tokens * 10000:.2f} "
          f"per 10,000 tokens (name, term and invisible-character rules); with spelling "
          f"{len(with_spelling)} = {len(with_spelling) / tokens * 10000:.2f}")
    for f in with_spelling[:args.show]:
        print(f"    {f.rule} {f.document}: {f.message}")
    flags = hunspell_flags(clean, generated_names())
    if flags is not None:
        flagged = sum(len([w for w in LETTERS.findall(t) if w in flags[lang]])
                      for _, lang, t in clean.documents)
        print(f"  hunspell -l with the names list ({len(generated_names())} words) on the same "
              f"text: {flagged} = {flagged / tokens * 10000:.2f} per 10,000 tokens")
    print(f"  time per 10,000 tokens: {(seconds - seconds_none) * per:.0f} ms for "
          f"{', '.join(TYPO_RULES)}; {(seconds_spelling - seconds) * per:.0f} ms more for "
          f"spelling; {seconds_none * per:.0f} ms for the scan and extraction; "
          f"{seconds_all * per:.0f} ms for the whole audit with all default rules")

    print(f"\n  recall on injected edits ({args.rounds} corpora of {args.docs} documents per "
          "kind; found at its place / injected)")
    print(f"  {'kind':14} " + " ".join(f"{b:>13}" for b in BUCKETS) + f" {'hunspell':>9} "
          f"{'other':>6}")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for n, kind in enumerate(args.kinds):
        upper = kind == "capitals"
        buckets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        extra: list = []
        missed: list[str] = []
        peer = [0, 0]
        for r in range(args.rounds):
            generated = corpusgen.generate(args.docs, args.seed + 1000 * (n + 1) + r,
                                           "substitution" if upper else kind,
                                           upper_edits=upper)
            findings, _, _ = run(generated, claims, rules)
            extra += score(kind, generated, findings, buckets, totals, missed)
            if flags is not None and kind not in INVISIBLE:
                seen = hunspell_flags(generated, generated_names()) or {}
                language = {i: lang for i, lang, _ in generated.documents}
                peer[0] += sum(inj.edited in seen.get(language[inj.doc], set())
                               for inj in generated.injected)
                peer[1] += len(generated.injected)
        cells = [f"{buckets[b][0] / buckets[b][1]:.3f} ({buckets[b][1]})" if buckets[b][1]
                 else "-" for b in BUCKETS]
        theirs = f"{peer[0] / peer[1]:.3f}" if peer[1] else "-"
        print(f"  {kind:14} " + " ".join(f"{c:>13}" for c in cells) + f" {theirs:>9} "
              f"{len(extra):>6}")
        for f in extra[:args.show]:
            print(f"      other finding: {f.rule} {f.document}: {f.message}")
        for line in missed[:args.show_missed]:
            print(f"      missed: {line}")
    letters = [k for k in totals if k not in INVISIBLE]
    found = sum(totals[k][0] for k in letters)
    total = sum(totals[k][1] for k in letters)
    if total:
        print(f"\n  recall on letter edits of declared names (5+ letters, acronyms, two edits, "
              f"both words) and of terms: {found / total:.3f} ({found}/{total})")


def score(kind, generated, findings, buckets, totals, missed=None) -> list:
    """Count the injected edits found at their place; return the findings elsewhere."""
    invisible = kind in INVISIBLE
    want = {"invisible-characters"} if invisible else {"name-typo", "term-misspelling"}
    acronyms = {corpusgen.slug(a) for a, _ in corpusgen.ACRONYMS}
    by_doc = defaultdict(list)
    for f in findings:
        by_doc[f.document].append(f)
    for inj in generated.injected:
        hit = any(f.rule in want and f.claim == inj.item and f.start < inj.end
                  and inj.start < f.end for f in by_doc[inj.doc])
        if not hit and missed is not None:
            text = next(t for i, _, t in generated.documents if i == inj.doc)
            missed.append(f"{inj.item_kind} {inj.original!r} → {inj.edited!r}: "
                          + repr(text[max(0, inj.start - 30):inj.end + 20]))
        if inj.item_kind == "term":
            keys = ["terms 5+"] if inj.length >= 5 else (["short in terms"] if inj.context
                                                         else [])
        elif inj.item in acronyms:
            keys = ["acronyms"]
        elif inj.length >= 5:
            keys = ["names 5+", "beside name" if inj.context else "alone"]
        else:
            keys = ["names <5"]
        for key in keys:
            buckets[key][0] += hit
            buckets[key][1] += 1
            if key in ("names 5+", "acronyms", "terms 5+", "short in terms"):
                totals[kind][0] += hit
                totals[kind][1] += 1
    return [f for f in findings if not any(
        f.document == inj.doc and f.start < inj.end and inj.start < f.end
        for inj in generated.injected)]


def speed_part(args) -> None:
    """What the spelling rule adds to an audit of 2,000 generated documents, against
    ``hunspell -l`` over the same texts (one process per language)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(HERE / "scale_corpus.py"), str(corpus),
                        "--documents", str(args.speed_docs), "--relevant", "0.05", "--seed",
                        "3"], check=True, capture_output=True)
        project = load_project(Config(root=Path(tmp)), HERE.parent / "claims", corpus)
        docs = project.read_documents()
        rules = [r for r in discover_rules() if not r.optional]
        spelling = [r for r in discover_rules() if r.id == "spelling"]
        audit(project, rules + spelling, executor="inline")  # warm up
        timings = []
        for chosen in (rules, rules + spelling, rules, rules + spelling):
            start = time.perf_counter()
            audit(project, chosen, executor="inline")
            timings.append(time.perf_counter() - start)
        base = min(timings[0], timings[2])
        more = min(timings[1], timings[3]) - base
        start = time.perf_counter()
        for lang in sorted({d.language for d in docs}):
            paths = find_dictionaries(lang)
            if not paths or shutil.which("hunspell") is None:
                print("  hunspell -l: not installed")
                return
            subprocess.run(["hunspell", "-i", "utf-8", "-d", ",".join(map(str, paths)), "-l"],
                           input="\n".join(d.text for d in docs if d.language == lang),
                           capture_output=True, text=True, check=True)
        hunspell = time.perf_counter() - start
        size = sum(len(d.text) for d in docs) / 1e6
        print(f"speed part: {len(docs)} generated documents ({size:.1f} MB), the example "
              f"claims: the audit with every default rule {base:.1f} s; the spelling rule "
              f"adds {more:.1f} s; hunspell -l over the same texts {hunspell:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="*",
                        help="the parts to run: generated, real, speed (default: all three)")
    parser.add_argument("--docs", type=int, default=250, help="documents per corpus")
    parser.add_argument("--rounds", type=int, default=12,
                        help="corpora per kind of edit (each with its own injected edits)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-dictionaries", action="store_true",
                        help="run as if no Hunspell dictionary were installed")
    parser.add_argument("--kinds", nargs="*", default=list(KINDS))
    parser.add_argument("--show", type=int, default=5, help="false alarms to list")
    parser.add_argument("--show-missed", type=int, default=0, help="missed edits to list")
    parser.add_argument("--speed-docs", type=int, default=2000)
    args = parser.parse_args(argv)
    if args.no_dictionaries:
        os.environ["FACTAUDIT_DICTIONARIES"] = "off"
    unknown = set(args.parts) - {"generated", "real", "speed"}
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    for part in args.parts or ["generated", "real", "speed"]:
        if part == "generated":
            generated_part(args)
        elif part == "real":
            typos_real.report(args.show)
        else:
            speed_part(args)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
