"""A large audit result made directly (no audit run), for the report's size and speed tests.

``synthetic_result(documents)`` builds an ``AuditResult`` over the example's claims with the
shape of a dense real corpus: every document states several of the claims' values, about
one in two of them wrong, and misspells a name now and then; five findings a document. The
texts are held in memory and read through ``AuditResult.text_of`` as the report reads real
ones.
"""

from __future__ import annotations

import random
from pathlib import Path

from factaudit.inputs.claims import load_claims
from factaudit.model import Document, DocumentInfo, Finding, Mention, Severity, Verdict
from factaudit.reading.text import LineIndex
from factaudit.results import AuditResult, RuleMeta

ROOT = Path(__file__).resolve().parent.parent

# (claim, sentence with {v}, cue, right value, wrong value)
STATEMENTS = [
    ("strategic-partnership", "Russia has been a strategic partner of ASEAN since {v}, officials "
     "said.", "strategic partner", "2018", "1996"),
    ("relations-age", "The ministers met, marking {v} years of ASEAN-Russia relations.",
     "years of ASEAN-Russia relations", "30", "25"),
    ("special-ministerial-meeting-date", "The ministerial meeting was held on July {v}, 2021.",
     "ministerial meeting", "6", "7"),
    ("dialogue-relations-began", "Dialogue relations began in {v} after long talks.",
     "Dialogue relations began", "1991", "1992"),
]
FILLER = ("The harvest in the province rose again this year, farmers said, while prices at the "
          "market stayed high and the new road to the port opened in the spring.")


def synthetic_result(documents: int, seed: int = 1) -> AuditResult:
    rng = random.Random(seed)
    claims = load_claims(ROOT / "claims")
    texts: dict[str, Document] = {}
    infos, mentions, findings = [], [], []
    verdicts: dict[str, dict[str, str]] = {}
    for k in range(documents):
        doc_id = f"doc{k:06d}"
        lines = [FILLER] * rng.randint(3, 8)
        chosen = rng.sample(STATEMENTS, 3)
        spans = []
        for claim, sentence, cue, right, wrong in chosen:
            value = wrong if rng.random() < 0.5 else right
            spans.append((len(lines), claim, sentence, cue, value, right))
            lines.append(sentence.format(v=value))
        typo = rng.random() < 0.3
        lines.append(("Retno Marsuid" if typo else "Retno Marsudi") + " chaired the meeting.")
        text = "\n".join(lines) + "\n"
        published = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        info = DocumentInfo(id=doc_id, path=f"corpus/{doc_id}.txt", language="en",
                            published=published, first_line=5, digest=f"{k:016x}")
        infos.append(info)
        texts[doc_id] = Document(**{f: getattr(info, f) for f in
                                    DocumentInfo.__dataclass_fields__}, text=text)
        index = LineIndex(text, 5)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line) + 1)
        for n, claim, sentence, cue, value, right in spans:
            start = offsets[n]
            v_at = start + sentence.index("{v}")
            c_at = start + sentence.index(cue)
            mentions.append(Mention(doc_id, claim, "en", start, offsets[n + 1] - 1, c_at,
                                    c_at + len(cue), cue, v_at, v_at + len(value), value, value,
                                    "year", f"year; attributed to cue {cue!r}"))
            verdict = "supported" if value == right else "refuted"
            verdicts.setdefault(claim, {})[doc_id] = verdict
            if value != right:
                line, column = index.position(v_at)
                findings.append(Finding(
                    "value-contradiction", Verdict.REFUTED, Severity.ERROR,
                    f"{claims.claim(claim).statement} — this source says {value!r}, expected "
                    f"{right}", claim, doc_id, v_at, v_at + len(value), right, value,
                    f"year; attributed to cue {cue!r}", info.path, line, column,
                    sentence.format(v=value), None, line, column + len(value), value))
        if typo:
            at = offsets[len(lines) - 1] + len("Retno ")
            line, column = index.position(at)
            findings.append(Finding(
                "name-typo", Verdict.TYPO, Severity.ERROR,
                "'Marsuid' looks like a misspelling of 'Marsudi' in 'Retno Marsudi'",
                "retno-marsudi", doc_id, at, at + 7, "Marsudi", "Marsuid", "letters swapped",
                info.path, line, column, "Retno Marsuid chaired the meeting.", None, line,
                column + 7, "Marsuid"))
            verdicts.setdefault("retno-marsudi", {})[doc_id] = "typo"
    findings.sort(key=lambda f: f.sort_key)
    rules = [RuleMeta("value-contradiction", Severity.ERROR, "", "document", "stable", False),
             RuleMeta("name-typo", Severity.ERROR, "", "document", "stable", False)]
    return AuditResult(claims, infos, mentions, findings, verdicts, rules,
                       document_count=documents, reader=texts.get)
