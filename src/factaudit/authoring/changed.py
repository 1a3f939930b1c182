"""Only what a change touched: ``factaudit check FILE…`` (the pre-commit hook).

pre-commit passes the files a commit changes. A changed document is audited with the whole
corpus (corpus rules compare sources), and only its findings are reported and gate the
commit; a changed claims file, manifest, language pack or ``pyproject.toml`` changes what
every document is held to, so every finding counts; files that are none of these leave
nothing to audit.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from factaudit.results import AuditResult


class Touched(enum.Enum):
    NOTHING = "nothing"  # no document, claims file or setting among the files
    DOCUMENTS = "documents"  # some documents
    EVERYTHING = "everything"  # the claims or the settings: every document


def touched(files: Iterable[Path], claims: Path, corpus: Path, root: Path) -> Touched:
    """What the changed files touch, for a project with these folders."""
    claims, corpus, root = claims.resolve(), corpus.resolve(), root.resolve()
    out = Touched.NOTHING
    for file in files:
        path = Path(file).resolve()
        if path == root / "pyproject.toml" or path.is_relative_to(claims) or (
                path.is_relative_to(corpus) and path.suffix in (".yaml", ".yml")):
            return Touched.EVERYTHING
        if path.is_relative_to(corpus):
            out = Touched.DOCUMENTS
    return out


def only(result: AuditResult, files: Iterable[Path]) -> AuditResult:
    """The result with only the findings and mentions of the documents among ``files``."""
    wanted = {Path(f).resolve() for f in files}
    ids = {d.id for d in result.documents if Path(d.path).resolve() in wanted}
    kept = replace(result, findings=[f for f in result.findings if f.document in ids],
                   mentions=[m for m in result.mentions if m.document in ids])
    return kept
