"""``factaudit init``: scaffold a new audit project.

Writes claims/ with a sample claims file (its editor modeline points at a copy of the
claims JSON Schema in .factaudit/), corpus/ with three small sample documents and their
manifest, reports/, a pyproject.toml with ``[tool.factaudit]`` (so ``factaudit`` and
``pytest`` find the folders), a CI workflow example and a .gitignore. Existing files are
never overwritten unless ``force`` is given. The samples audit clean but for one warning,
so ``factaudit check`` exits 0 and ``pytest`` passes in the new project.

A folder whose corpus already holds documents, and whose claims folder holds none, is
adopted: the scaffold is written around the documents, without the sample documents and
the sample claims (they would be judged together), and claims/claims.yaml is a starter
with no claims yet. A folder with claims of its own is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

SCHEMA_PATH = Path(".factaudit") / "claims.schema.json"

# scaffold file (package data) → where it goes in the new project
FILES = {
    "claims.yaml": "claims/example.yaml",
    "sources.yaml": "corpus/sources.yaml",
    "riverside-news-en.txt": "corpus/riverside-news-en.txt",
    "riverside-news-id.txt": "corpus/riverside-news-id.txt",
    "riverside-weekly-en.txt": "corpus/riverside-weekly-en.txt",
    "project.toml": "pyproject.toml",
    "workflow.yml": ".github/workflows/factaudit.yml",
    "gitignore": ".gitignore",
}


@dataclass(frozen=True)
class Written:
    path: Path
    action: str  # "created", "overwritten" or "kept"


STARTER = ("starter.yaml", "claims/claims.yaml")  # the claims file of an adopted corpus


def _existing(target: Path, ours: set[str]) -> tuple[list[str], list[str]]:
    """The files of the project's claims folders and corpus folders (those of its
    pyproject.toml too, if it has one) that are not the scaffold's own."""
    from factaudit.model import InputError

    claims, corpus = {"claims"}, {"corpus"}
    if (target / "pyproject.toml").is_file():  # the project's own folders, if configured
        from factaudit.inputs.config import load_config

        try:
            config = load_config(target)
            claims.add(config.claims)
            corpus.add(config.corpus)
        except InputError:
            pass
    found: tuple[list[str], list[str]] = ([], [])
    for out, folders in zip(found, (claims, corpus), strict=True):
        for folder in sorted(folders):
            base = target / folder
            if not base.is_dir():
                continue
            for path in sorted(base.rglob("*")):
                relative = path.relative_to(target).as_posix()
                if (path.is_file() or path.is_symlink()) and relative not in ours:
                    out.append(relative)
    return found


def _refuse_existing_project(target: Path, found: list[str]) -> None:
    from factaudit.model import InputError, Problem, display_path

    if found:
        listed = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3
                                         else "")
        raise InputError(Problem(display_path(target), f"already holds an audit project "
                                 f"({listed}); nothing was written",
                                 hint="run `factaudit init NEW-FOLDER` for a new project; "
                                 "samples are never mixed into existing claims"))


def schema_text() -> str:
    """The claims JSON Schema as shipped (``factaudit schema`` prints the same)."""
    shipped = resources.files("factaudit").joinpath("claims.schema.json")
    if shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    from factaudit.inputs.claims import json_schema  # pragma: no cover - an unusual install

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def init_project(target: Path, force: bool = False) -> list[Written]:
    """Create the project in ``target`` (made if missing); returns what was written.

    Refuses (InputError, nothing written) when ``target`` already holds claims of its own:
    the sample claims would mix with them. A corpus of the user's own is adopted: no sample
    is written, claims/claims.yaml is a starter, and the corpus folder is listed as
    "adopted". ``force`` overwrites the scaffold's own files, never anything else."""
    target = Path(target)
    package = resources.files("factaudit.authoring.scaffold")
    contents = {dest: package.joinpath(name).read_text(encoding="utf-8")
                for name, dest in FILES.items()}
    claims, documents = _existing(target, set(contents) | {STARTER[1]})
    _refuse_existing_project(target, claims)
    adopted = []
    if documents:  # the user's documents: no sample joins them, nor a claim about samples
        contents = {dest: text for dest, text in contents.items()
                    if not dest.startswith(("corpus/", "claims/"))}
        contents[STARTER[1]] = package.joinpath(STARTER[0]).read_text(encoding="utf-8")
        folders = sorted({d.split("/", 1)[0] for d in documents})
        adopted = [Written(target / f, "adopted") for f in folders]
    target.mkdir(parents=True, exist_ok=True)
    contents[str(SCHEMA_PATH)] = schema_text()
    contents["reports/.gitkeep"] = ""
    out = []
    for dest, text in contents.items():
        path = target / dest
        if path.exists() and not force:
            out.append(Written(path, "kept"))
            continue
        action = "overwritten" if path.exists() else "created"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.append(Written(path, action))
    return adopted + out
