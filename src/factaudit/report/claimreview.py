"""schema.org ClaimReview (JSON-LD): one review per claim × source that contradicts it.

This is the format fact-checking organisations publish and exchange. For every claim
finding with the verdict ``refuted`` (the source states a value other than the expected
one) or ``conflicting`` (sources disagree on a claim that must be consistent) a
ClaimReview says:

- ``claimReviewed``: what the source claims, in its own words (the quoted passage);
- ``reviewRating``: a 1–5 rating with the textual verdict in ``alternateName``
  ("False" for refuted, "Conflicting" for conflicting), and ``reviewBody`` the finding;
- ``itemReviewed``: a schema.org ``Claim`` whose ``appearance`` is the source document
  (its url, or its path when it has none; headline, publisher, publication date);
- ``datePublished``: the date of the review (today, unless given).

Entities and terms (spelling) are not claims and are not reviewed here.
"""

from __future__ import annotations

import datetime as dt
import json

from factaudit.report import Options, Reporter
from factaudit.results import AuditResult

RATINGS = {
    "refuted": {"ratingValue": 1, "alternateName": "False"},
    "conflicting": {"ratingValue": 2, "alternateName": "Conflicting"},
}


def to_claimreview_dict(result: AuditResult, today: dt.date | None = None,
                        author: str = "factaudit") -> dict[str, object]:
    today = today or dt.date.today()
    docs = {d.id: d for d in result.documents}
    claims = {c.id: c for c in result.claims.claims}
    reviews = []
    seen: set[tuple[str, str]] = set()
    for f in result.findings:
        claim = claims.get(f.claim or "")
        doc = docs.get(f.document or "")
        if claim is None or doc is None or f.verdict not in RATINGS:
            continue
        if (claim.id, doc.id) in seen:  # one review per claim × source
            continue
        seen.add((claim.id, doc.id))
        appearance: dict[str, object] = {
            "@type": "CreativeWork",
            "url": doc.url or (f"{doc.path}#L{f.line}" if f.line else doc.path),
        }
        if doc.title:
            appearance["headline"] = doc.title
        if doc.published:
            appearance["datePublished"] = doc.published
        if doc.publisher:
            appearance["publisher"] = {"@type": "Organization", "name": doc.publisher}
        if doc.language:
            appearance["inLanguage"] = doc.language
        body = f.message
        if f.acknowledged:
            body += f" (acknowledged: {f.acknowledged})"
        review = {
            "@type": "ClaimReview",
            "identifier": f"{claim.id}/{doc.id}",
            "claimReviewed": f.quote or f.found or claim.statement,
            "datePublished": today.isoformat(),
            "author": {"@type": "Organization", "name": author},
            "reviewRating": {"@type": "Rating", "bestRating": 5, "worstRating": 1,
                             **RATINGS[str(f.verdict)]},
            "reviewBody": body,
            "itemReviewed": {
                "@type": "Claim",
                "appearance": [appearance],
                **({"datePublished": doc.published} if doc.published else {}),
                **({"author": {"@type": "Organization", "name": doc.publisher}}
                   if doc.publisher else {}),
            },
            "about": {"@type": "Thing", "name": claim.statement},
        }
        reviews.append(review)
    return {"@context": "https://schema.org", "@graph": reviews}


def to_claimreview(result: AuditResult, today: dt.date | None = None,
                   author: str = "factaudit") -> str:
    return json.dumps(to_claimreview_dict(result, today, author), ensure_ascii=False,
                      indent=2) + "\n"


def render(result: AuditResult, options: Options) -> str:
    return to_claimreview(result, options.get("today"), options.get("author") or "factaudit")


def _warnings(result: AuditResult, options: Options) -> list[str]:
    """ClaimReview has no place for the run's warnings: they go to standard error."""
    return [str(w) for w in result.warnings]


REPORTER = Reporter("claimreview", render, after=_warnings,
                    description="schema.org ClaimReview JSON-LD of refuted claims")
