"""Hunspell dictionaries: found where Debian and other systems install them, asked through
the Python binding when installed, else the ``hunspell`` program (one call per batch).

Every installed variety of a language is used together: English is en_US and en_GB (and
en_AU… when installed), so "organised", "centre" and "cancelled" are words as much as
"organized"; the language's default comes first and names the dictionary in messages."""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import shutil
import subprocess
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any

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


def find_dictionaries(language: str) -> list[Path]:
    """The .dic files (without suffix) of every installed Hunspell dictionary of a
    language, its default first (en_US, then en_GB…); empty when there is none."""
    if os.environ.get(DISABLE_ENV, "").lower() in ("off", "0", "no", "false"):
        return []
    name = dictionary_name(language)
    found: dict[str, Path] = {}
    for folder in dictionary_dirs():
        for candidate in [folder / f"{name}.dic", *sorted(folder.glob(f"{language}_*.dic"))]:
            if (candidate.stem not in found and candidate.is_file()
                    and candidate.with_suffix(".aff").is_file()):
                found[candidate.stem] = candidate.with_suffix("")
    ordered = sorted(found, key=lambda n: (n != name, n))
    return [found[n] for n in ordered]


def find_dictionary(language: str) -> Path | None:
    """The .dic file of a language's default Hunspell dictionary (without suffix), or
    None."""
    found = find_dictionaries(language)
    return found[0] if found else None


class Speller:
    """The Hunspell dictionaries of one language, through the Python binding if installed,
    else the ``hunspell`` program (one call per batch of words, all dictionaries at once).
    A word is known when any of them knows it. Answers are cached per word."""

    def __init__(self, paths: Path | list[Path]) -> None:
        self.paths = [paths] if isinstance(paths, Path) else list(paths)
        self.path = self.paths[0]
        self.name = ", ".join(p.name for p in self.paths)
        self._known: dict[str, bool] = {}
        self._bindings: list = []
        self._program: str | None = None
        self._pipe: _Pipe | None = None
        self._no_pipe = False  # no stdbuf, or the running program failed once
        try:
            import hunspell

            self._bindings = [hunspell.HunSpell(str(p.with_suffix(".dic")),
                                                str(p.with_suffix(".aff"))) for p in self.paths]
            self.backend = "Python binding"
        except Exception:  # not installed or not loadable: use the program
            self._program = shutil.which("hunspell")
            if self._program is None:
                raise LookupError("neither the hunspell Python binding nor the hunspell "
                                  "program is installed") from None
            self.backend = "hunspell program"

    @property
    def _binding(self) -> object | None:
        return self._bindings[0] if self._bindings else None

    def unknown(self, words: Iterable[str]) -> set[str]:
        """The words the dictionary does not accept (capitalisation as given)."""
        todo = sorted({w for w in words if w and w not in self._known})
        if todo:
            if self._bindings:
                for w in todo:
                    self._known[w] = any(_spells(b, w) for b in self._bindings)
            else:
                bad = self._misspelled(todo)
                for w in todo:
                    self._known[w] = w not in bad
        return {w for w in words if w and not self._known[w]}

    def _misspelled(self, words: list[str]) -> set[str]:
        """``hunspell -l``'s answer: through one program kept running for the process (a
        start loads every dictionary, 30–40 ms for English), else one call for the batch."""
        if not self._no_pipe and (self._pipe is None or self._pipe.pid != os.getpid()):
            self._pipe = _Pipe.start(self._command(["-l"]))
            self._no_pipe = self._pipe is None
            if self._pipe is not None:  # a speller let go stops its program with it
                weakref.finalize(self, self._pipe.close)
        if self._pipe is not None and not self._no_pipe:
            try:
                return self._pipe.ask(words)
            except (OSError, TimeoutError, ValueError):
                self._pipe.close()
                self._no_pipe = True
        return {w for w in self._run(["-l"], words).split("\n") if w}

    def _command(self, args: list[str]) -> list[str]:
        assert self._program is not None
        return [self._program, "-i", "utf-8", "-d", ",".join(map(str, self.paths)), *args]

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        return suggestions(self, [word], limit)[word]

    def _run(self, args: list[str], words: list[str]) -> str:
        result = subprocess.run(
            self._command(args), input="\n".join(words) + "\n", capture_output=True,
            text=True, encoding="utf-8", check=False, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"hunspell failed: {result.stderr.strip()[:200]}")
        return result.stdout


class _Pipe:
    """A ``hunspell -l`` that keeps running, its output line-buffered by ``stdbuf`` (else
    it would wait in the program's buffer): each batch of words is followed by a word no
    dictionary holds, whose echo ends the answer. Where ``stdbuf`` is missing, or the
    program misbehaves, the caller falls back to one program call per batch."""

    CHUNK = 500  # words written before their answer is read: the pipes never fill up
    TIMEOUT = 60.0  # seconds without output before the program is given up

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.pid = os.getpid()  # a forked worker starts its own: pipes are not shared
        self.end = "qzxjqzxjv" + "".join("qzxjv"[b % 5] for b in os.urandom(12))
        self.buffer = b""

    @classmethod
    def start(cls, command: list[str]) -> _Pipe | None:
        stdbuf = shutil.which("stdbuf")
        if stdbuf is None:
            return None
        try:
            process = subprocess.Popen([stdbuf, "-oL", *command], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            return None
        pipe = cls(process)
        atexit.register(pipe.close)
        return pipe

    def ask(self, words: list[str]) -> set[str]:
        bad: set[str] = set()
        for i in range(0, len(words), self.CHUNK):
            chunk = [w for w in words[i:i + self.CHUNK] if "\n" not in w]
            assert self.process.stdin is not None
            self.process.stdin.write(("\n".join([*chunk, self.end]) + "\n").encode("utf-8"))
            self.process.stdin.flush()
            bad |= self._until_end()
        return bad

    def _until_end(self) -> set[str]:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        lines: set[str] = set()
        while True:
            *done, self.buffer = self.buffer.split(b"\n")
            for raw in done:
                line = raw.decode("utf-8", "replace")
                if line == self.end:
                    return lines
                if line:
                    lines.add(line)
            ready, _, _ = select.select([fd], [], [], self.TIMEOUT)
            if not ready:
                raise TimeoutError("hunspell gave no answer")
            data = os.read(fd, 65536)
            if not data:
                raise OSError("hunspell stopped")
            self.buffer += data

    def close(self) -> None:
        if self.pid == os.getpid() and self.process.poll() is None:
            with contextlib.suppress(OSError):
                self.process.kill()
                self.process.wait(timeout=5)


def _spells(binding: Any, word: str) -> bool:
    try:
        return bool(binding.spell(word))
    except UnicodeError:  # not in the dictionary's character set
        return False


_spellers: dict[str, Speller | str] = {}


def get_speller(language: str) -> Speller | None:
    speller = load_speller(language)
    return speller if isinstance(speller, Speller) else None


def load_speller(language: str) -> Speller | str:
    """The Speller of a language, or why there is none (a sentence for a warning)."""
    key = f"{language}:{os.environ.get(DISABLE_ENV, '')}:{os.environ.get('DICPATH', '')}"
    if key not in _spellers:
        paths = find_dictionaries(language)
        name = dictionary_name(language)
        if not paths:
            package = DEBIAN_PACKAGES.get(name)
            _spellers[key] = (f"no Hunspell dictionary {name} for language '{language}'"
                              + (f" (install the Debian package {package})" if package else "")
                              + "; its documents were not spell-checked")
        else:
            try:
                _spellers[key] = Speller(paths)
            except LookupError as exc:
                _spellers[key] = f"dictionary {paths[0]}.dic found but {exc}"
    return _spellers[key]


def suggestions(speller: Speller, words: list[str], limit: int = 3) -> dict[str, list[str]]:
    """Hunspell's suggestions for each word (one program call for all, with the program)."""
    out: dict[str, list[str]] = {w: [] for w in words}
    binding: Any = speller._binding
    if binding is not None:
        for w in words:
            try:
                out[w] = [str(s) for s in binding.suggest(w)][:limit]
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
