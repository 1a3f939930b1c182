"""Small audit projects for the output and report tests (written into a temporary folder)."""

from __future__ import annotations

from pathlib import Path

RICH_CLAIMS = """\
claims:
  - id: strategic
    statement: Russia became a strategic partner of ASEAN in 2018.
    type: year
    expected: 2018
    cues: {en: [strategic partner]}
    acknowledged:
      - {source: c, reason: correction requested, until: 2999-01-01}
entities:
  - name: Retno Marsudi
  - name: Sergei Lavrov
    variants: [Sergey Lavrov]
"""

RICH_SOURCES = """\
documents:
  - {path: a.txt, id: a, language: en, published: 2021-07-06, url: "https://example.org/a",
     title: Source A, publisher: Publisher A}
  - {path: b.txt, id: b, language: en, published: 2021-07}
  - {path: c.txt, id: c, language: id, title: Source C}
"""

RICH_DOCS = {
    # refuted (error), and the canonical spelling of a name
    "a.txt": "Russia has been a strategic partner of ASEAN since 1996.\nSergei Lavrov spoke.\n",
    # supported; a name typo (error); an accepted variant (info) → name-consistency (warning)
    "b.txt": "Russia is a strategic partner since 2018. Retno Marsuid spoke.\n"
             "Sergey Lavrov too.\n",
    # refuted, acknowledged
    "c.txt": "Russia has been a strategic partner since 1996.\n",
}


def write_project(root: Path, claims: str, sources: str, docs: dict[str, str]) -> Path:
    (root / "claims").mkdir(parents=True, exist_ok=True)
    (root / "corpus").mkdir(parents=True, exist_ok=True)
    (root / "claims" / "facts.yaml").write_text(claims, encoding="utf-8")
    (root / "corpus" / "sources.yaml").write_text(sources, encoding="utf-8")
    for name, text in docs.items():
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    return root


def write_rich_project(root: Path) -> Path:
    """Findings of every kind: refuted, acknowledged, typo, variant, corpus-wide warning."""
    return write_project(root, RICH_CLAIMS, RICH_SOURCES, RICH_DOCS)


# Everything a hostile source could try, in the text, in its metadata and in the claims.
# Each payload sets window.__pwned if it ever runs.
HOSTILE_CLAIMS = """\
claims:
  - id: strategic
    statement: "<script>window.__pwned = 'statement'</script> became a partner in 2018"
    type: year
    expected: 2018
    cues: {en: [strategic partner]}
entities:
  - name: Retno Marsudi
"""

HOSTILE_SOURCES = """\
documents:
  - path: evil.txt
    id: evil
    language: en
    title: "<script>window.__pwned = 'title'</script>"
    url: "javascript:window.__pwned = 'url'"
    publisher: "<img src=x onerror=\\"window.__pwned = 'publisher'\\">"
  - {path: fine.txt, id: fine, language: en}
"""

HOSTILE_TEXT = (
    "<script>window.__pwned = 'script'</script>\n"
    "Russia has been a strategic partner <img src=x onerror=\"window.__pwned = 'img'\"> "
    "since 1996.\n"
    "<a href=\"javascript:window.__pwned = 'link'\">click</a> Retno Marsuid said "
    "<svg onload=\"window.__pwned = 'svg'\"></svg> &amp; more.\n"
    "</script><script>window.__pwned = 'close'</script> <!-- comment\n"
    "<iframe src=\"javascript:window.__pwned = 'iframe'\"></iframe> "
    "<div style=\"background:url(javascript:alert(1))\" "
    "onmouseover=\"window.__pwned = 1\">x</div>\n"
)

HOSTILE_DOCS = {
    "evil.txt": HOSTILE_TEXT,
    "fine.txt": "Russia is a strategic partner since 2018. Retno Marsudi spoke.\n",
}


def write_hostile_project(root: Path) -> Path:
    return write_project(root, HOSTILE_CLAIMS, HOSTILE_SOURCES, HOSTILE_DOCS)
