"""A project: its configuration, its claims and the documents of its corpus (found, not
read). Everything that audits starts from one: the CLI and pytest from folders, tests,
``explain`` and ``mutate`` from documents held in memory."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factaudit.inputs.claims import ClaimSet, claims_files, load_claims
from factaudit.inputs.config import Config, load_config
from factaudit.inputs.corpus import (
    Source,
    discover,
    duplicate_ids,
    in_memory,
    metadata_problems,
    read_all,
)
from factaudit.model import Document, InputError, Problem
from factaudit.reading.languages import add_search_dir


@dataclass
class Project:
    config: Config
    claims: ClaimSet
    sources: list[Source]
    folder: str = "corpus"  # the corpus folder, as shown
    warnings: list[str] = field(default_factory=list)  # from discovery: files skipped
    total_bytes: int = 0

    @classmethod
    def in_memory(cls, claims: ClaimSet, documents: Iterable[Document],
                  config: Config | None = None, warnings: Iterable[str] = ()) -> Project:
        """A project of documents already read: rule examples, ``mutate``, other tools."""
        docs = list(documents)
        problems = duplicate_ids([(d.id, d.path) for d in docs])
        if problems:
            raise InputError(problems)
        sources = [in_memory(d) for d in docs]
        return cls(config or Config(), claims, sources, "<memory>", list(warnings),
                   sum(s.size for s in sources))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.config.languages)

    def read_documents(self) -> list[Document]:
        """Every document with its text, for tools that work on the whole corpus in memory
        (``suggest``, ``mutate``). Raises InputError with every document's problems."""
        warnings = list(self.warnings)
        documents = read_all(self.sources, self.languages, warnings, self.folder)
        self.warnings = warnings
        return documents


def load_project(config: Config | None = None, claims_dir: Path | str | None = None,
                 corpus_dir: Path | str | None = None, claims_required: bool = True
                 ) -> Project:
    """Load the claims and discover the corpus from folders (defaults from the
    configuration). Every problem of both is reported at once (InputError). Without
    ``claims_required`` a missing or empty claims folder gives an empty claim set."""
    config = config or load_config()
    claims_path = Path(claims_dir) if claims_dir else config.root / config.claims
    corpus_path = Path(corpus_dir) if corpus_dir else config.root / config.corpus
    add_search_dir(claims_path / "languages")
    problems: list[Problem] = []
    claims = found = None
    if claims_required or (claims_path.is_dir() and claims_files(claims_path)):
        try:
            claims = load_claims(claims_path)
        except InputError as exc:
            problems += exc.problems
    else:
        claims = ClaimSet()
    try:
        found = discover(corpus_path)
    except InputError as exc:
        problems += exc.problems
    if problems:
        if claims is None and found is not None:  # report the documents' problems too
            problems += metadata_problems(found, tuple(config.languages))
        raise InputError(problems)
    assert claims is not None and found is not None
    return Project(config, claims, found.sources, found.folder, list(found.warnings),
                   found.total_bytes)
