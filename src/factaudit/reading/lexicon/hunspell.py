"""Hunspell dictionaries: found where Debian and other systems install them, asked through
the Python binding when installed, else the ``hunspell`` program (one call per batch)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

DEFAULT_DICTIONARIES = {"en": "en_US", "id": "id_ID"}
DEBIAN_PACKAGES = {"en_US": "hunspell-en-us", "id_ID": "hunspell-id"}
DICTIONARY_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
                   "/usr/local/share/hunspell", "/opt/homebrew/share/hunspell",
                   "/Library/Spelling", "~/Library/Spelling", "~/.local/share/hunspell")
DISABLE_ENV = "FACTAUDIT_DICTIONARIES"  # "off": behave as if no dictionary were installed


def dictionary_dirs() -> list[Path]:
    extra = [p for p in os.environ.get("DICPATH", "").split(os.pathsep) if p]
    return [Path(p).expanduser() for p in (*extra, *DICTIONARY_DIRS)]


def dictionary_name(language: str) -> str:
    return DEFAULT_DICTIONARIES.get(language, language)


def find_dictionary(language: str) -> Path | None:
    """The .dic file of a language's Hunspell dictionary (without suffix), or None."""
    if os.environ.get(DISABLE_ENV, "").lower() in ("off", "0", "no", "false"):
        return None
    name = dictionary_name(language)
    for folder in dictionary_dirs():
        for candidate in [folder / f"{name}.dic", *sorted(folder.glob(f"{language}_*.dic"))]:
            if candidate.is_file() and candidate.with_suffix(".aff").is_file():
                return candidate.with_suffix("")
    return None


class Speller:
    """One Hunspell dictionary, through the Python binding if installed, else the
    ``hunspell`` program (one call per batch of words). Answers are cached per word."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        self._known: dict[str, bool] = {}
        self._binding = None
        self._program: str | None = None
        try:
            import hunspell

            self._binding = hunspell.HunSpell(str(path.with_suffix(".dic")),
                                              str(path.with_suffix(".aff")))
            self.backend = "Python binding"
        except Exception:  # not installed or not loadable: use the program
            self._program = shutil.which("hunspell")
            if self._program is None:
                raise LookupError("neither the hunspell Python binding nor the hunspell "
                                  "program is installed") from None
            self.backend = "hunspell program"

    def unknown(self, words: Iterable[str]) -> set[str]:
        """The words the dictionary does not accept (capitalisation as given)."""
        todo = sorted({w for w in words if w and w not in self._known})
        if todo:
            if self._binding is not None:
                for w in todo:
                    try:
                        self._known[w] = bool(self._binding.spell(w))
                    except UnicodeError:  # not in the dictionary's character set
                        self._known[w] = False
            else:
                bad = set(self._run(["-l"], todo).split("\n"))
                for w in todo:
                    self._known[w] = w not in bad
        return {w for w in words if w and not self._known[w]}

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        return suggestions(self, [word], limit)[word]

    def _run(self, args: list[str], words: list[str]) -> str:
        assert self._program is not None
        result = subprocess.run(
            [self._program, "-i", "utf-8", "-d", str(self.path), *args],
            input="\n".join(words) + "\n", capture_output=True, text=True, encoding="utf-8",
            check=False, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"hunspell failed: {result.stderr.strip()[:200]}")
        return result.stdout


_spellers: dict[str, Speller | str] = {}


def get_speller(language: str) -> Speller | None:
    speller = load_speller(language)
    return speller if isinstance(speller, Speller) else None


def load_speller(language: str) -> Speller | str:
    """The Speller of a language, or why there is none (a sentence for a warning)."""
    key = f"{language}:{os.environ.get(DISABLE_ENV, '')}:{os.environ.get('DICPATH', '')}"
    if key not in _spellers:
        path = find_dictionary(language)
        name = dictionary_name(language)
        if path is None:
            package = DEBIAN_PACKAGES.get(name)
            _spellers[key] = (f"no Hunspell dictionary {name} for language '{language}'"
                              + (f" (install the Debian package {package})" if package else "")
                              + "; its documents were not spell-checked")
        else:
            try:
                _spellers[key] = Speller(path)
            except LookupError as exc:
                _spellers[key] = f"dictionary {path}.dic found but {exc}"
    return _spellers[key]


def suggestions(speller: Speller, words: list[str], limit: int = 3) -> dict[str, list[str]]:
    """Hunspell's suggestions for each word (one program call for all, with the program)."""
    out: dict[str, list[str]] = {w: [] for w in words}
    if speller._binding is not None:
        for w in words:
            try:
                out[w] = [str(s) for s in speller._binding.suggest(w)][:limit]
            except UnicodeError:
                out[w] = []
        return out
    if not words:
        return out
    text = speller._run(["-a"], [f"^{w}" for w in words])  # ^: take the line literally
    groups = text.split("\n\n")
    lines = groups[0].split("\n", 1)
    groups[0] = lines[1] if len(lines) > 1 and lines[0].startswith("@(#)") else groups[0]
    for word, group in zip(words, groups, strict=False):
        for line in group.splitlines():
            if line.startswith("&"):
                out[word] = [s.strip() for s in line.split(":", 1)[1].split(",")][:limit]
    return out


def dictionary_words(forms: set[str], languages: list[str], names: bool = False
                     ) -> dict[str, bool]:
    """Folded form → whether a Hunspell dictionary of ``languages`` knows it (in lower
    case; with ``names``, also capitalised, as a name). Forms absent: no dictionary could
    be asked."""
    spellers = [s for s in map(get_speller, languages) if s is not None]
    if not spellers or not forms:
        return {}
    words = sorted(forms)
    variants = {w: [w, w[:1].upper() + w[1:]] if names else [w] for w in words}
    asked = {v for vs in variants.values() for v in vs}
    unknown = set(asked)
    for speller in spellers:
        unknown &= speller.unknown(unknown)
    return {w: any(v not in unknown for v in variants[w]) for w in words}
