"""Hypothesis strategies for claims files and documents, and the properties every input must
keep (issue 7). Used by tests/test_fuzz.py (a bounded number of examples, in every test
run) and by benchmarks/fuzz.py (``tox -e fuzz``: many more, counting inputs and failures).

The properties:

- loading a claims text either succeeds or raises InputError whose problems all name a
  file (never another exception);
- auditing random documents never raises, and every finding lies inside its document, at
  the line and column of its offsets;
- the command line never exits 3 (internal error) nor prints a traceback, whatever the
  claims, documents, front matter and manifest; with exit 0/1 its JSON parses.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import strategies as st

# ----------------------------------------------------------------------------- words


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


EN_WORDS = _words("the ministers met in Jakarta on Tuesday and discussed cooperation health "
                  "economy strategic partner partnership since years of relations meeting "
                  "virtual visit official video conference foreign minister said according to "
                  "ASEAN Russia Indonesia coordinator period between from to last yesterday ago "
                  "million billion thousand thirty twenty first 17th anniversary summit")
ID_WORDS = _words("para menteri bertemu di pada hari Selasa dan membahas kerja sama kerjasama "
                  "kesehatan ekonomi mitra strategis sejak tahun hubungan pertemuan secara "
                  "virtual kunjungan resmi video konferensi Menteri Luar Negeri mengatakan "
                  "menurut ASEAN Rusia Indonesia koordinator periode antara hingga lalu kemarin "
                  "juta miliar ribu tiga puluh ke-17 kesetaraan keseteraan pandemi paska pasca "
                  "di kawasan dikawasan Retno Marsudi Marsuid Sergei Sergey Lavrov")
# Cues, names and terms that claims use and documents contain, so that random documents
# do speak to random claims (and the rules have something to find).
CUES = ["strategic partner", "mitra strategis", "ministers met", "para menteri bertemu",
        "meeting", "pertemuan", "years of relations", "tahun hubungan", "coordinator",
        "koordinator", "doses", "dosis", "anniversary", "ke"]
NAMES = ["Retno Marsudi", "Retno LP Marsudi", "Retno Marsuid", "Sergei Lavrov", "Sergey Lavrov",
         "Sergei Lavrin", "Lavrov", "Marsudi", "José Müller", "Jose Muller", "kerja sama",
         "kerjasama", "kesetaraan", "keseteraan", "Luar Negeri", "Luar Negeru", "pandemi"]
DATES = ["6 July 2021", "July 6, 2021", "6 Juli 2021", "Selasa, 6 Juli 2021",
         "Tuesday (6/7)", "06/07/21", "2021-07-06", "the 6th of July 2021", "Oktober 2021",
         "31 February 2021", "30 Februari 2021", "Rabu 6 Juli", "0/0/00", "99/99/9999",
         "12 Juli 2021 lalu", "yesterday", "kemarin", "last Tuesday", "Selasa lalu"]
NUMBERS = ["1996", "2018", "2018-2021", "2018–2021", "sejak 2018", "since 1996", "25 years",
           "25 tahun", "20 million", "20 juta", "1,5 juta", "20.000.000", "20,000,000",
           "Rp20 juta", "tiga puluh", "thirty", "ke-17", "17th", "0", "-5", "1e999",
           "99999999999999999999999", "½", "٣", "²", "1.2.3.4", "between 2018 and 2021",
           "antara 2018 dan 2021", "from 2021 to 2018", "periode 2018-2021"]
UNICODE = ["é", "e\u0301", "Ü", "u\u0308", "–", "—", "’", "“", "”", "\u200b", "\u00ad",
           "\ufeff", "\u202e", "\u2066", "\x1b[31m", "\x00", "\x07", "\r", "\t", "\u2028",
           "한국", "Ålesund", "İstanbul", "ß", "ﬁ", "😀", "\U0001f1ee\U0001f1e9", "\ud7ff",
           "<script>alert(1)</script>", "(a+)+$", "---", "\n---\n", ": ", "#", "&a", "*a",
           "!!python/object/apply:os.system", "{{", "%s", "\\", "'", '"']
PUNCT = [".", ",", ";", ":", "!", "?", "…", "(", ")", "-", "/", " - ", "...", ". ", "\n",
         "\r\n", "\n\n", "  "]


def _token() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(EN_WORDS), st.sampled_from(ID_WORDS), st.sampled_from(DATES),
        st.sampled_from(CUES), st.sampled_from(NAMES),
        st.tuples(st.sampled_from(CUES), st.sampled_from(DATES + NUMBERS)).map(" ".join),
        st.sampled_from(NUMBERS), st.sampled_from(UNICODE), st.sampled_from(PUNCT),
        st.integers(-10, 10**6).map(str),
        st.text(max_size=6),
    )


@st.composite
def texts(draw, max_tokens: int = 60, min_tokens: int = 0) -> str:
    """Random text mixing English and Indonesian words, dates, numbers, punctuation and
    odd unicode, joined by random separators."""
    tokens = draw(st.lists(_token(), min_size=min_tokens, max_size=max_tokens))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "\n", "\r\n", "\t", "", ". "]),
                         min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, seps, strict=True))


def phrases() -> st.SearchStrategy[str]:
    """A cue, name or term: usually words of the languages, sometimes anything."""
    return st.one_of(
        st.sampled_from(CUES), st.sampled_from(NAMES),
        st.lists(st.one_of(st.sampled_from(EN_WORDS), st.sampled_from(ID_WORDS)), min_size=1,
                 max_size=4).map(" ".join),
        st.sampled_from(UNICODE + DATES + NUMBERS),
        st.text(min_size=1, max_size=12),
    )


# ----------------------------------------------------------------------------- claims

TYPES = ["year", "period", "date", "quantity", "ordinal", "duration", "category"]
LANGS = ["en", "id"]


def _expected(kind: str) -> st.SearchStrategy:
    good = {
        "year": st.integers(1900, 2100),
        "period": st.tuples(st.integers(1990, 2030), st.integers(1990, 2030)).map(
            lambda p: f"{min(p)}..{max(p)}"),
        "date": st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
        "quantity": st.one_of(st.integers(0, 10**12), st.sampled_from(["20 million", "1.5"])),
        "ordinal": st.integers(1, 100),
        "duration": st.one_of(st.integers(0, 100), st.floats(0, 100)),
        "category": st.sampled_from(["virtual", "in person"]),
    }[kind]
    anything = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                         st.text(max_size=12), st.sampled_from(DATES + NUMBERS),
                         st.lists(st.integers(), max_size=3))
    return st.one_of(good, good, good, anything)


def _noisy(good: st.SearchStrategy, bad: st.SearchStrategy, noise: bool
           ) -> st.SearchStrategy:
    """``good`` values, and with ``noise`` now and then a ``bad`` one."""
    return st.one_of(good, good, good, good, bad) if noise else good


@st.composite
def claim_items(draw, noise: bool = True) -> dict:
    kind = draw(st.sampled_from(TYPES))
    cue_phrases = st.one_of(st.sampled_from(CUES), st.sampled_from(CUES), phrases())
    item: dict = {
        "id": draw(_noisy(st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True),
                          st.text(max_size=8), noise)),
        "statement": draw(_noisy(phrases(), st.just(""), noise)),
        "type": draw(_noisy(st.just(kind), st.text(max_size=6), noise)),
        "cues": draw(st.dictionaries(_noisy(st.sampled_from(LANGS), st.sampled_from(
            ["xx", "EN", ""]), noise), st.lists(cue_phrases, min_size=1, max_size=4),
            min_size=1, max_size=2)),
    }
    if draw(st.booleans()):
        item["consistent"] = True
    else:
        item["expected"] = draw(_expected(kind) if noise else _expected(kind).filter(
            lambda v: v is not None))
    if kind == "category" or (noise and draw(st.integers(0, 9)) == 0):
        item["categories"] = {
            "virtual": {"en": ["virtual", "video conference"], "id": ["secara virtual"]},
            "in person": {"en": draw(st.lists(phrases(), min_size=1, max_size=2))},
        }
    if kind == "quantity" and draw(st.booleans()):
        item["unit_words"] = {"en": ["people", "doses"], "id": ["orang", "dosis"]}
        item["tolerance"] = draw(_noisy(st.floats(0, 0.5), st.floats(), noise))
    if kind == "duration" and draw(st.booleans()):
        item.pop("expected", None)
        item.pop("consistent", None)
        item["counts_from"] = draw(st.integers(1900, 2030))
    if draw(st.integers(0, 4)) == 0:
        item["valid"] = draw(_noisy(st.sampled_from(["2018..2021", "2018..", "1990..2030"]),
                                    st.text(max_size=10), noise))
    if draw(st.integers(0, 4)) == 0:
        item["scope"] = {"languages": draw(st.lists(st.sampled_from(LANGS), max_size=2))}
    if draw(st.integers(0, 4)) == 0:
        item["acknowledged"] = [{"source": "doc0", "reason": "known",
                                 "until": draw(st.dates(dt.date(2000, 1, 1),
                                                        dt.date(2100, 1, 1)))}]
    if draw(st.integers(0, 4)) == 0:
        item["severity"] = draw(st.sampled_from(["error", "warning", "info"]))
    if noise and draw(st.integers(0, 6)) == 0:
        item[draw(st.sampled_from(["expectd", "cue", "sevrity"]))] = "error"
    return item


@st.composite
def claims_documents(draw, noise: bool = True) -> dict:
    """A claims file as data: well-formed, with random values (``noise``: some invalid)."""
    data: dict = {"claims": draw(st.lists(claim_items(noise), min_size=int(not noise),
                                          max_size=4))}
    names = st.one_of(st.sampled_from(NAMES), st.sampled_from(NAMES), phrases())
    if draw(st.booleans()):
        data["entities"] = [
            {"name": name, **({"variants": draw(st.lists(names, max_size=2))}
                              if draw(st.booleans()) else {}),
             **({"others": draw(st.lists(names, max_size=2))} if draw(st.booleans()) else {})}
            for name in draw(st.lists(names, max_size=3))]
    if draw(st.booleans()):
        data["terms"] = [
            {"preferred": p, "variants": draw(st.lists(names, max_size=2)),
             "language": draw(st.sampled_from([*LANGS, None]))}
            for p in draw(st.lists(names, max_size=3))]
    if draw(st.booleans()):
        data["vocabulary"] = draw(st.lists(phrases(), max_size=4))
    return data


def _yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10),
              st.dates()),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20,
)


@st.composite
def mutated(draw, base: st.SearchStrategy[str]) -> str:
    """A text with a few characters inserted, deleted or replaced."""
    text = draw(base)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        insert = draw(st.sampled_from(["", ":", " ", "\t", "-", "[", "{", "&a", "*a", "!!",
                                       "'", '"', "\n", "\x00", "#", "? ", "<<: *a\n", "~"]))
        cut = draw(st.integers(0, 3))
        text = text[:i] + insert + text[i + cut:]
    return text


def claims_texts() -> st.SearchStrategy[str]:
    """Claims YAML texts: well-formed with random values, random YAML, mutated, garbage."""
    valid = claims_documents().map(_yaml)
    return st.one_of(
        valid, valid, valid,
        yaml_values.map(_yaml),
        st.dictionaries(st.sampled_from(["claims", "entities", "terms", "vocabulary", "x"]),
                        yaml_values, max_size=4).map(_yaml),
        mutated(valid),
        texts(20),
        st.text(max_size=200),
    )


# ----------------------------------------------------------------------------- documents


@st.composite
def document_specs(draw, index: int = 0) -> dict:
    """A document as the audit sees it: text, language and metadata."""
    published = draw(st.one_of(
        st.none(), st.integers(1990, 2030).map(str),
        st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat),
        st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(lambda d: d.isoformat()[:7])))
    return {"id": f"doc{index}", "text": draw(texts(80, min_tokens=8)),
            "language": draw(st.sampled_from(LANGS)),
            "published": published, "date_order": draw(st.sampled_from([None, "DMY", "MDY"]))}


@st.composite
def corpora(draw) -> list[dict]:
    count = draw(st.integers(1, 4))
    docs = [draw(document_specs(i)) for i in range(count)]
    if count > 1 and draw(st.booleans()):
        docs[1]["translation_of"] = "doc0"
    if count > 1 and draw(st.booleans()):  # a near copy: detected as not independent
        docs[-1]["text"] = docs[0]["text"] + draw(texts(5))
    return docs


@st.composite
def valid_claims_texts(draw) -> str:
    """A claims text that loads: the fuzzed values kept only where they validate."""
    from factaudit.inputs.claims import claimset_from_text
    from factaudit.model import InputError

    data = draw(claims_documents(noise=False))
    data["entities"] = [*data.get("entities", []), {"name": "Retno Marsudi"}]
    text = _yaml(data)
    try:
        claimset_from_text(text)
        return text
    except InputError:
        keep = {"claims": [c for c in data["claims"] if _loads({"claims": [c]})],
                "entities": [e for e in data["entities"] if _loads({"entities": [e]})],
                "terms": [t for t in data.get("terms", []) if _loads({"terms": [t]})]}
        seen: set[str] = set()  # drop duplicate ids
        keep["claims"] = [c for c in keep["claims"]
                          if not (c["id"] in seen or seen.add(c["id"]))]
        text = _yaml(keep)
        try:
            claimset_from_text(text)
        except InputError:
            text = _yaml({"entities": [{"name": "Retno Marsudi"}]})
        return text


def _loads(data: dict) -> bool:
    from factaudit.inputs.claims import claimset_from_text
    from factaudit.model import InputError

    try:
        claimset_from_text(_yaml(data))
        return True
    except InputError:
        return False


_ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]


@st.composite
def corpus_files(draw, noise: bool = True) -> dict[str, bytes]:
    """A corpus folder's files: documents in various encodings, some with front matter,
    sometimes a manifest; with ``noise``, also malformed metadata and binary junk."""
    files: dict[str, bytes] = {}
    for i in range(draw(st.integers(1, 4))):
        text = draw(texts(60, min_tokens=8))
        if draw(st.integers(0, 2)) == 0:
            good = st.fixed_dictionaries(
                {"language": st.sampled_from(LANGS)},
                optional={"published": st.sampled_from(["2021", "2021-07", "2021-07-08"]),
                          "id": st.sampled_from(["a", "b", "doc"]),
                          "title": st.text(max_size=20)}).map(_yaml)
            bad = st.one_of(
                st.fixed_dictionaries({"published": st.sampled_from(
                    ["2021-02-30", "x", "2021-13"])}).map(_yaml),
                yaml_values.map(_yaml), texts(6), mutated(good))
            text = f"---\n{draw(_noisy(good, bad, noise))}---\n{text}"
        encoding = draw(st.sampled_from(_ENCODINGS))
        content = text.encode(encoding, errors="replace" if encoding == "cp1252" else
                              "surrogatepass")
        name = draw(st.sampled_from([f"d{i}.txt", f"d{i}.md", f"sub/d{i}.txt",
                                     f"d{i} é.txt"]))
        files[name] = content
    if noise and draw(st.integers(0, 5)) == 0:
        files["junk.txt"] = draw(st.binary(max_size=200))
    if draw(st.integers(0, 4)) == 0:
        entries = [{"path": draw(_noisy(st.sampled_from(list(files)), st.sampled_from(
                        ["../x.txt", "/etc/passwd", "nope"]), noise)),
                    **draw(st.fixed_dictionaries({}, optional={
                        "language": st.sampled_from([*LANGS, *LANGS, "xx"]),
                        "encoding": st.sampled_from(["utf-8", "cp1252", "utf-16", "klingon"]),
                        "published": st.sampled_from(["2021-07", "2021-07-06", "2021-13"]),
                        "id": st.sampled_from(["a", "b"])}))}
                   for _ in range(draw(st.integers(0, 3)))]
        files["sources.yaml"] = draw(_noisy(
            st.just(_yaml({"documents": entries})),
            st.one_of(yaml_values.map(_yaml), mutated(st.just(_yaml({"documents": entries})))),
            noise)).encode("utf-8", "surrogatepass")
    return files


@st.composite
def cli_inputs(draw) -> tuple[str, dict[str, bytes]]:
    """Claims text and corpus files for a run of the command line: one run in three has
    noise in its claims or corpus; the others load, so that the audit itself runs."""
    if draw(st.integers(0, 2)) == 0:
        return draw(claims_texts()), draw(corpus_files(noise=True))
    return draw(valid_claims_texts()), draw(corpus_files(noise=False))


# ----------------------------------------------------------------------------- properties


def check_claims_text(text: str) -> None:
    """Loading succeeds, or raises InputError whose problems all name the file."""
    from factaudit.inputs.claims import claimset_from_text
    from factaudit.model import InputError

    try:
        claimset_from_text(text, "claims/fuzz.yaml")
    except InputError as exc:
        assert exc.problems, "an InputError without problems"
        for problem in exc.problems:
            assert problem.path.endswith("fuzz.yaml"), problem
            assert problem.message, problem
            assert problem.line is None or problem.line >= 1, problem
            str(problem)


def check_audit(claims_text: str, specs: list[dict]) -> None:
    """The audit never raises; every finding is inside its document, where it says."""
    from factaudit.inputs.claims import claimset_from_text
    from factaudit.inputs.config import Config
    from factaudit.inputs.corpus import Corpus, Document
    from factaudit.reading.text import LineIndex
    from factaudit.report.json import to_json
    from factaudit.report.text import to_text
    from factaudit.rules.registry import discover_rules
    from tests.helpers import run_audit

    claims = claimset_from_text(claims_text)
    docs = [Document(path=f"corpus/{s['id']}.txt", **s) for s in specs]
    result = run_audit(claims, Corpus(docs), Config(), rules=discover_rules(),
                       today=dt.date(2025, 1, 1))
    failed_rules = [w for w in result.warnings if w.startswith("rule ")]
    assert not failed_rules, failed_rules
    by_id = {d.id: d for d in docs}
    for f in result.findings:
        if f.document is None or f.start is None:
            continue
        doc = by_id[f.document]
        assert 0 <= f.start <= (f.end if f.end is not None else f.start) <= len(doc.text), f
        assert (f.line, f.column) == LineIndex(doc.text, doc.first_line).position(f.start), f
        assert f.quote, f
    json.loads(to_json(result))
    to_text(result)


def check_cli(claims_text: str, files: dict[str, bytes]) -> None:
    """``factaudit check`` exits 0, 1 or 2, never 3, never a traceback; JSON parses."""
    from factaudit.cli import main

    with tempfile.TemporaryDirectory() as tmp, _chdir(tmp):
        root = Path(tmp)
        (root / "claims").mkdir()
        (root / "claims" / "fuzz.yaml").write_bytes(claims_text.encode("utf-8",
                                                                       "surrogatepass"))
        for name, content in files.items():
            path = root / "corpus" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        (root / "corpus").mkdir(exist_ok=True)
        out, err = io.StringIO(), io.StringIO()
        old = os.environ.get("FACTAUDIT_CACHE_DIR")
        os.environ["FACTAUDIT_CACHE_DIR"] = str(root / ".cache")
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["check", "--format", "json"])
        finally:
            if old is None:
                os.environ.pop("FACTAUDIT_CACHE_DIR", None)
            else:
                os.environ["FACTAUDIT_CACHE_DIR"] = old
        assert code in (0, 1, 2), f"exit {code}: {err.getvalue()}"
        assert "Traceback" not in err.getvalue(), err.getvalue()
        if code == 2:
            assert err.getvalue().startswith("factaudit: "), err.getvalue()
        else:
            data = json.loads(out.getvalue())
            assert data["summary"]["documents"] >= 1


@contextlib.contextmanager
def _chdir(path: str):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


# ----------------------------------------------------------------------------- hostile inputs
# (issue 11): front matter values, language packs, cache files and output targets


HOSTILE_TEXT = ["../../../../etc/passwd", "..", "/dev/zero", "en/../../x", "EN", " id ", "xx",
                "en\n::error::x", "::stop-commands::t", "##[set-env name=A]b", "\x1b]0;t\x07",
                "a" * 300, "0001-01-01", "9999-12-31", "2021-02-30", "null", "~", "[]", "{}",
                "!!python/object/apply:os.system ['true']", "&a [*a]", "é", "\u202e"]


@st.composite
def front_matter_documents(draw) -> dict[str, bytes]:
    """Documents whose front matter holds hostile values: paths as languages, control
    characters and CI commands in ids and titles, edge-of-calendar dates."""
    files = {}
    for i in range(draw(st.integers(1, 3))):
        meta = draw(st.dictionaries(
            st.sampled_from(["language", "id", "title", "published", "url", "publisher",
                             "date_order", "translation_of", "encoding"]),
            st.one_of(st.sampled_from(HOSTILE_TEXT), st.sampled_from(LANGS),
                      st.text(max_size=30), st.integers(), st.none()),
            max_size=5))
        head = "".join(f"{k}: {json.dumps(v) if draw(st.booleans()) else v}\n"
                       for k, v in meta.items())
        body = draw(texts(30, min_tokens=3))
        files[f"d{i}.txt"] = f"---\n{head}---\n{body}".encode("utf-8", "surrogatepass")
    return files


PACK_KEYS = ["name", "decimal", "group", "date_order", "scales", "numbers", "period_joiners",
             "period_prefixes", "open_period_prefixes", "duration_units", "ordinal_prefixes",
             "ordinal_suffixes", "relative_days", "past_markers", "abbreviations",
             "clause_words", "period_between", "currency_prefixes", "stopwords", "bogus"]


@st.composite
def language_packs(draw) -> str:
    """A user's language pack (claims/languages/en.yaml): mostly plausible, often not."""
    words = st.lists(st.one_of(st.sampled_from(EN_WORDS), st.sampled_from(UNICODE),
                               st.text(max_size=8), st.integers(), st.none()), max_size=6)
    mapping = st.dictionaries(st.one_of(st.sampled_from(EN_WORDS), st.text(max_size=6)),
                              st.one_of(st.integers(-10**20, 10**20), st.floats(),
                                        st.text(max_size=4)), max_size=4)
    data = draw(st.dictionaries(st.sampled_from(PACK_KEYS),
                                st.one_of(words, mapping, st.text(max_size=10),
                                          st.lists(words, max_size=3)), max_size=6))
    text = _yaml(data)
    if draw(st.integers(0, 5)) == 0:  # an alias bomb
        text = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n" \
               "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nstopwords: [*c, *c, *c, *c]\n"
    return draw(st.one_of(st.just(text), mutated(st.just(text))))


@st.composite
def cache_damage(draw) -> list[tuple[str, object]]:
    """What a hostile or broken cache holds: a list of (operation, argument) applied to a
    real cache database between two runs."""
    op = st.one_of(
        st.tuples(st.just("flip"), st.integers(0, 1 << 20)),
        st.tuples(st.just("truncate"), st.floats(0, 1)),
        st.tuples(st.just("sql"), st.sampled_from([
            "CREATE TRIGGER t AFTER INSERT ON results BEGIN DELETE FROM files; END",
            "CREATE VIEW v AS SELECT 1", "CREATE TABLE other (x)", "DROP TABLE runs",
            "CREATE INDEX i ON results (value)", "DELETE FROM runs",
            "UPDATE results SET value = X'80049500'", "UPDATE results SET value = 'null'",
            "UPDATE results SET value = '{\"$\": \"DocResult\", \"v\": []}'",
            "UPDATE results SET value = 42", "UPDATE runs SET value = '[1,2,3]'",
            "UPDATE results SET key = 'x'", "UPDATE files SET key = 'elsewhere'"])),
        st.tuples(st.just("replace"), st.binary(max_size=300)),
        st.tuples(st.just("value"), st.binary(max_size=200)))
    return draw(st.lists(op, min_size=1, max_size=3))


OUTPUT_TARGETS = ["-", "/dev/null", "claims/facts.yaml", "claims/new.yaml", "corpus/d0.txt",
                  "corpus/sources.yaml", "pyproject.toml", "claims", "corpus", "out/deep/r.json",
                  "out.json", "link-to-claims.yaml", "link-to-null", "claims/languages/en.yaml",
                  "./claims/../claims/facts.yaml", "corpus/sub/../d0.txt", ""]


def output_targets() -> st.SearchStrategy[tuple[str, str]]:
    """(command, output target) pairs, many of them inputs of the run."""
    return st.tuples(st.sampled_from(["check", "report", "baseline", "schema", "suggest",
                                      "explain", "mutate"]),
                     st.sampled_from(OUTPUT_TARGETS))


def _project(root: Path, claims_text: str, files: dict[str, bytes]) -> None:
    (root / "claims").mkdir()
    (root / "claims" / "fuzz.yaml").write_bytes(claims_text.encode("utf-8", "surrogatepass"))
    (root / "corpus").mkdir()
    for name, content in files.items():
        path = root / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _run(args: list[str]) -> tuple[int, str, str]:
    from factaudit.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as stop:  # argparse
            code = stop.code if isinstance(stop.code, int) else 2
    assert code in (0, 1, 2), f"exit {code}: {err.getvalue()}"
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return code, out.getvalue(), err.getvalue()


def _safe_lines(text: str) -> None:
    for line in text.split("\n"):
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line and "\r" not in line and "\x1b]" not in line, line


@contextlib.contextmanager
def _fresh_project(claims_text: str, files: dict[str, bytes]):
    with tempfile.TemporaryDirectory() as tmp, _chdir(tmp):
        root = Path(tmp)
        _project(root, claims_text, files)
        old = os.environ.get("FACTAUDIT_CACHE_DIR")
        os.environ["FACTAUDIT_CACHE_DIR"] = str(root / ".cache")
        try:
            yield root
        finally:
            if old is None:
                os.environ.pop("FACTAUDIT_CACHE_DIR", None)
            else:
                os.environ["FACTAUDIT_CACHE_DIR"] = old


def check_front_matter(files: dict[str, bytes]) -> None:
    """Hostile front matter: an input error or a run; text output has no CI command line
    and no terminal escape; nothing outside the project is read into the output."""
    with _fresh_project(_yaml({"entities": [{"name": "Retno Marsudi"}]}), files):
        _, out, err = _run(["check"])
        _safe_lines(out)
        _safe_lines(err)
        assert "root:x:0:0" not in out + err  # /etc/passwd never opened as a pack


def check_language_pack(pack: str, claims_text: str, files: dict[str, bytes]) -> None:
    """Any language pack: an input error at the pack, or a completed run."""
    with _fresh_project(claims_text, files) as root:
        (root / "claims" / "languages").mkdir()
        (root / "claims" / "languages" / "en.yaml").write_bytes(
            pack.encode("utf-8", "surrogatepass"))
        code, out, err = _run(["check", "--format", "json"])
        if code == 2:
            assert err.startswith("factaudit: "), err
            assert len(err) < 20_000, "an error message that grew with the input"
        else:
            json.loads(out)


def check_cache(claims_text: str, files: dict[str, bytes],
                damage: list[tuple[str, object]]) -> None:
    """A damaged or planted cache never changes the findings and never crashes a run."""
    import sqlite3

    with _fresh_project(claims_text, files) as root:
        code, out, _ = _run(["check", "--format", "json"])
        if code == 2:
            return
        database = root / ".cache" / "documents-v2.sqlite3"
        for extra in database.parent.glob("*.sqlite3-*"):
            extra.unlink()
        for op, arg in damage:
            raw = bytearray(database.read_bytes()) if database.exists() else bytearray()
            if op == "flip" and raw:
                raw[int(arg) % len(raw)] ^= 0x5A
                database.write_bytes(bytes(raw))
            elif op == "truncate":
                database.write_bytes(bytes(raw[: int(len(raw) * float(arg))]))
            elif op == "replace":
                database.write_bytes(bytes(arg))
            elif op in ("sql", "value"):
                try:
                    db = sqlite3.connect(database)
                    if op == "sql":
                        db.execute(str(arg))
                    else:
                        db.execute("UPDATE results SET value = ?", (bytes(arg),))
                    db.commit()
                    db.close()
                except sqlite3.Error:
                    pass
        again, out2, _ = _run(["check", "--format", "json"])
        first, second = json.loads(out), json.loads(out2)
        assert again == code
        first.pop("warnings")
        second.pop("warnings")
        assert first == second


def check_output_target(command: str, target: str, claims_text: str,
                        files: dict[str, bytes]) -> None:
    """Whatever the output target, no input of the run changes and no special file is
    replaced; the command ends with 0, 1 or 2."""
    with _fresh_project(claims_text, files) as root:
        (root / "pyproject.toml").write_text("[tool.factaudit]\n")
        (root / "link-to-claims.yaml").symlink_to(root / "claims" / "fuzz.yaml")
        (root / "link-to-null").symlink_to("/dev/null")
        inputs = {p: p.read_bytes() for p in [root / "pyproject.toml",
                                              *(root / "claims").rglob("*"),
                                              *(root / "corpus").rglob("*")] if p.is_file()}
        args = [command] + (["fuzz-item"] if command == "explain" else [])
        if command == "mutate":
            args += ["--limit", "2"]
        _run([*args, "--output", target])
        for path, content in inputs.items():
            assert path.read_bytes() == content, f"{command} --output {target} changed {path}"
        assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
        assert (root / "link-to-null").is_symlink()


def describe(*args) -> str:
    """An input, exactly, as a Python literal: for failure reports (``eval`` replays it)."""
    return repr(args)
