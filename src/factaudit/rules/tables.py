"""pandera schemas of the three tables, checked where data crosses a boundary.

Rules receive plain records, but before they do (and before any output is written) the
records are validated as tables, so a rule can trust types, ranges and vocabularies, and
a third-party rule that returns a malformed finding is caught with a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from factaudit.model import DocumentInfo, Finding, Mention, Severity, ValueKind, Verdict, Vocabulary


def _pa():
    import pandera.pandas as pa

    return pa


def documents_schema():
    pa = _pa()
    return pa.DataFrameSchema(
        {
            "id": pa.Column(str, unique=True),
            "path": pa.Column(str),
            "language": pa.Column(str, pa.Check.str_matches(r"^[a-z]{2,3}$")),
            "published": pa.Column(str, pa.Check.str_matches(r"^\d{4}(-\d{2}(-\d{2})?)?$"),
                                   nullable=True),
            "title": pa.Column(str, nullable=True),
            "url": pa.Column(str, nullable=True),
        },
        strict=True,
        coerce=True,
        name="Documents",
    )


def mentions_schema():
    pa = _pa()
    offsets = {name: pa.Column(int, pa.Check.ge(0)) for name in
               ("sentence_start", "sentence_end", "cue_start", "cue_end", "value_start",
                "value_end")}
    return pa.DataFrameSchema(
        {
            "document": pa.Column(str),
            "claim": pa.Column(str),
            "language": pa.Column(str),
            **offsets,
            "cue": pa.Column(str),
            "raw": pa.Column(str),
            "value": pa.Column(str),
            "kind": pa.Column(str, pa.Check.isin([k.value for k in ValueKind])),
            "how": pa.Column(str),
            "weekday": pa.Column("Int64", pa.Check.in_range(0, 6), nullable=True),
            "modality": pa.Column(str),
            "uncertain": pa.Column(bool),
            "as_of": pa.Column("Int64", pa.Check.in_range(1, 9999), nullable=True),
            "precision": pa.Column(float, pa.Check.gt(0), nullable=True),
            "total": pa.Column(str, nullable=True),
            "also": pa.Column(str),  # the categories, joined by commas
            "relative": pa.Column(bool),
            "other_day": pa.Column(str, nullable=True),
        },
        checks=[
            pa.Check(lambda df: df.value_start < df.value_end, name="value span not empty"),
            pa.Check(lambda df: (df.sentence_start <= df.value_start)
                     & (df.value_end <= df.sentence_end), name="value inside its sentence"),
        ],
        strict=True,
        coerce=True,
        name="Mentions",
    )


def findings_schema():
    pa = _pa()
    optional_int = {name: pa.Column("Int64", pa.Check.ge(0), nullable=True) for name in
                    ("start", "end", "line", "column", "end_line", "end_column")}
    optional_str = {name: pa.Column(str, nullable=True) for name in
                    ("claim", "document", "expected", "found", "how", "path", "quote",
                     "acknowledged", "snippet", "where")}
    return pa.DataFrameSchema(
        {
            "rule": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9-]*$")),
            "verdict": pa.Column(str, pa.Check.isin([v.value for v in Verdict])),
            "severity": pa.Column(str, pa.Check.isin([s.value for s in Severity])),
            "message": pa.Column(str, pa.Check.str_length(min_value=1)),
            **optional_int,
            **optional_str,
        },
        strict=True,
        coerce=True,
        name="Findings",
    )


SAMPLE = 2000  # rows checked of a larger table: evenly spread, so the cost stays flat


def _validate(records: list, schema, columns: list[str]) -> None:
    """Check a table's shape with pandera: every row of a small table, an even sample of
    a large one (the rows are made by one code path, so a sample finds a broken one)."""
    import pandas as pd

    if len(records) > SAMPLE:
        step = len(records) / SAMPLE
        records = [records[int(i * step)] for i in range(SAMPLE)]
    rows = [{c: _plain(getattr(r, c)) for c in columns} for r in records]
    frame = pd.DataFrame(rows, columns=columns)
    schema.validate(frame, lazy=True)


def _plain(value: object) -> object:
    if isinstance(value, Vocabulary):
        return str(value)
    if isinstance(value, tuple):
        return ",".join(map(str, value))
    if isinstance(value, str) and not value.isascii():
        # a lone surrogate (from an odd file) cannot go into an Arrow-backed column; the
        # check is about the shape of the table, so a replacement character will do
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return value


def preload() -> None:
    """Imports pandas and pandera (about a second) and builds the schemas, so that the
    main process can do it while worker processes read the documents."""
    import pandas  # noqa: F401

    documents_schema()
    mentions_schema()
    findings_schema()


def validate_documents(documents: list[DocumentInfo]) -> None:
    rows = [_DocRow(d.id, d.path, d.language, d.published, d.title, d.url) for d in documents]
    _validate(rows, documents_schema(), list(_DocRow.__dataclass_fields__))


def validate_mentions(mentions: list[Mention]) -> None:
    _validate(mentions, mentions_schema(), [f.name for f in fields(Mention)])


def validate_findings(findings: list[Finding]) -> None:
    _validate(findings, findings_schema(), [f.name for f in fields(Finding)])


@dataclass
class _DocRow:
    id: str
    path: str
    language: str
    published: str | None
    title: str | None
    url: str | None
