"""``factaudit init``: scaffold a new audit project.

Writes claims/ with a sample claims file (its editor modeline points at a copy of the
claims JSON Schema in .factaudit/), corpus/ with three small sample documents and their
manifest, reports/, a pyproject.toml with ``[tool.factaudit]`` (so ``factaudit`` and
``pytest`` find the folders), a CI workflow example and a .gitignore. Existing files are
never overwritten unless ``force`` is given. The samples audit clean but for one warning,
so ``factaudit check`` exits 0 and ``pytest`` passes in the new project.
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


def schema_text() -> str:
    """The claims JSON Schema as shipped (``factaudit schema`` prints the same)."""
    shipped = resources.files("factaudit").joinpath("claims.schema.json")
    if shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    from factaudit.claims import json_schema  # pragma: no cover - an unusual install

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def init_project(target: Path, force: bool = False) -> list[Written]:
    """Create the project in ``target`` (made if missing); returns what was written."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    package = resources.files("factaudit.scaffold")
    contents = {dest: package.joinpath(name).read_text(encoding="utf-8")
                for name, dest in FILES.items()}
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
    return out
