"""Consistency check of the typo benchmark data (not a benchmark itself).

    .venv/bin/python benchmarks/typos_data/check_gold.py

Checks that claims.yaml loads with factaudit's loader; that every text is named
NNN-<style>-<lang>.txt and has 250-700 words; that every gold `found` occurs exactly once
in its file, contains its `word`, and has a known kind; that every trap occurs in its file;
and prints the counts per kind, language and style. Exits 1 on any problem.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {"name-1edit", "name-2edit-surname", "name-both-words", "name-recurring",
         "name-lowercase", "acronym", "term-short-word", "term-variant", "general-en",
         "general-id", "invisible"}
NAME = re.compile(r"^(\d{3})-(news|press|blog)-(en|id)\.txt$")


def main() -> int:
    problems: list[str] = []
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from factaudit.inputs.claims import load_claims_file

    parsed, _ = load_claims_file(HERE / "claims.yaml")
    print(f"claims.yaml: {len(parsed.entities)} entities, {len(parsed.terms)} terms, "
          f"{len(parsed.vocabulary)} vocabulary words")

    texts = {}
    styles = Counter()
    for path in sorted((HERE / "texts").glob("*.txt")):
        m = NAME.match(path.name)
        if not m:
            problems.append(f"{path.name}: name is not NNN-<news|press|blog>-<en|id>.txt")
            continue
        text = path.read_text(encoding="utf-8")
        words = len(text.split())
        if not 250 <= words <= 700:
            problems.append(f"{path.name}: {words} words, not 250-700")
        texts[path.name] = text
        styles[(m.group(3), m.group(2))] += 1

    gold = yaml.safe_load((HERE / "gold.yaml").read_text(encoding="utf-8"))
    kinds = Counter()
    per_lang = Counter()
    for item in gold["typos"]:
        name, found = item["file"], item["found"]
        if name not in texts:
            problems.append(f"{name}: no such text")
            continue
        n = texts[name].count(found)
        if n != 1:
            problems.append(f"{name}: found {found!r} occurs {n} times")
        if "word" in item and item["word"] not in found:
            problems.append(f"{name}: word {item['word']!r} is not in found {found!r}")
        if item["kind"] not in KINDS:
            problems.append(f"{name}: unknown kind {item['kind']!r}")
        if not item.get("expected"):
            problems.append(f"{name}: {found!r} has no expected form")
        kinds[item["kind"]] += 1
        per_lang[name[-6:-4]] += 1
    for trap in gold["traps"]:
        if trap["word"] not in texts.get(trap["file"], ""):
            problems.append(f"{trap['file']}: trap {trap['word']!r} does not occur")
    recurring_docs = {i["file"] for i in gold["typos"] if i["kind"] == "name-recurring"}

    print(f"{len(texts)} texts: " + ", ".join(f"{lang}/{style} {n}"
                                             for (lang, style), n in sorted(styles.items())))
    print(f"{len(gold['typos'])} typos: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
          + f" (name-recurring in {len(recurring_docs)} documents)")
    print("typos per language: " + ", ".join(f"{k} {n}" for k, n in sorted(per_lang.items())))
    cats = Counter(t["category"] for t in gold["traps"])
    print(f"{len(gold['traps'])} traps: " + ", ".join(f"{k} {n}" for k, n in sorted(cats.items())))
    for p in problems:
        print("PROBLEM:", p)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
