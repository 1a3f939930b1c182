"""Command line: ``factaudit check | rules | schema``.

Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or input error,
3 an internal error (a bug: please report it with the command that caused it).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from factaudit import __version__
from factaudit.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
FORMATS = ("text", "json", "sarif", "github", "claimreview")


def _count(text: str) -> int:
    """A whole number of at least 0 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return value


def _positive(text: str) -> int:
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError("give 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factaudit",
        description="Audit a corpus of documents against declarative YAML claims.",
        epilog="Exit codes: 0 clean, 1 error findings, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"factaudit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="audit the corpus against the claims",
                           description="Audit the corpus against the claims and print findings.")
    check.add_argument("--claims", type=Path, metavar="DIR",
                       help="folder of claims YAML files (default: claims/ or [tool.factaudit])")
    check.add_argument("--corpus", type=Path, metavar="DIR",
                       help="folder of documents (default: corpus/ or [tool.factaudit])")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format")
    check.add_argument("--output", type=Path, metavar="FILE",
                       help="write the output to FILE (atomically) instead of standard output")
    check.add_argument("--allow-acknowledged", action="store_true",
                       help="exit 0 when every error is covered by an unexpired acknowledgement")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    _add_engine_options(check)
    check.add_argument("--author", default="factaudit", metavar="NAME",
                       help="--format claimreview: the organisation publishing the reviews")
    check.add_argument("--baseline", type=Path, metavar="FILE",
                       help="findings recorded in FILE (`factaudit baseline`) are known: only "
                            "new ones fail the run")

    report = sub.add_parser(
        "report", help="write the HTML discrepancy report",
        description="Audit the corpus and write one self-contained HTML report "
                    "(default: reports/discrepancies.html). Exits 0 once it is written.")
    report.add_argument("--claims", type=Path, metavar="DIR",
                        help="folder of claims YAML files (default: claims/ or [tool.factaudit])")
    report.add_argument("--corpus", type=Path, metavar="DIR",
                        help="folder of documents (default: corpus/ or [tool.factaudit])")
    report.add_argument("--output", type=Path, metavar="FILE",
                        help="where to write the report (default: <reports>/discrepancies.html)")
    _add_engine_options(report)

    sub.add_parser("rules", help="list the rules with their ids, severities and descriptions")
    schema = sub.add_parser("schema", help="print the JSON Schema of claims files")
    schema.add_argument("--output", type=Path, metavar="FILE")
    _add_authoring_commands(sub)
    return parser


@contextlib.contextmanager
def _stop_on_ctrl_c() -> Iterator[None]:
    """Ctrl-C stops the run at once: exit 130, one line, no traceback.

    Python's KeyboardInterrupt can land anywhere, also in a finaliser that swallows it and
    prints "Exception ignored in …" with a traceback while the run goes on. Stopping at
    once is safe: reports are written atomically and the cache in transactions (the tests
    kill runs at random moments). Only when Python's own handler is in place (not when
    SIGINT is ignored, as in background jobs) and only for the time of the command."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        yield
        return
    parent = os.getpid()

    def stop(signum, frame) -> None:
        if os.getpid() == parent:  # not in the worker processes of a pool: they just stop
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write("factaudit: interrupted\n")
                sys.stderr.flush()
        os._exit(130)

    previous = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_INPUT
    try:
        with _stop_on_ctrl_c():
            if args.command in _AUTHORING:
                return _AUTHORING[args.command](args)
            return {"check": _check, "rules": _rules, "schema": _schema,
                    "report": _report}[args.command](args)
    except InputError as exc:
        print(f"factaudit: {len(exc.problems)} problem(s) in the input:", file=sys.stderr)
        from factaudit.errors import clean

        for problem in exc.problems:  # messages quote the input: escape control characters
            print("\n".join(f"  {clean(line)}" for line in str(problem).split("\n")),
                  file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("factaudit: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the traceback for debugging
        if os.environ.get("FACTAUDIT_DEBUG"):
            raise
        print(f"factaudit: internal error: {type(exc).__name__}: {exc}\n"
              "  set FACTAUDIT_DEBUG=1 to see the traceback, and please report it",
              file=sys.stderr)
        return EXIT_INTERNAL


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("engine")
    group.add_argument("--workers", type=_positive, metavar="N",
                       help="processes for the document phase (default: 1, or every core "
                       "for corpora over 16 MB)")
    group.add_argument("--no-cache", action="store_true",
                       help="do not read or write the per-document cache (.factaudit-cache/)")
    group.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="where the document phase runs (dask: a Dask cluster)")
    group.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address (default: start a local cluster)")
    group.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                       help="progress display on standard error (auto: on a terminal, not in CI)")


def _engine_options(args: argparse.Namespace) -> dict:
    return {"workers": args.workers, "cache": not args.no_cache, "engine": args.engine,
            "scheduler": args.scheduler,
            "progress": {"auto": None, "always": True, "never": False}[args.progress]}


def _check(args: argparse.Namespace) -> int:
    _protect_inputs(args)
    from factaudit.audit import audit_paths

    result = audit_paths(args.claims, args.corpus, **_engine_options(args))
    comparison = _apply_baseline(result, args.baseline)
    if args.format == "json":
        from factaudit.output_json import to_json

        text = to_json(result)
    elif args.format == "sarif":
        from factaudit.output_sarif import to_sarif

        text = to_sarif(result)
    elif args.format == "github":
        from factaudit.output_github import to_github, write_step_summary

        text = to_github(result)
        try:
            write_step_summary(result)
        except OSError as exc:  # a full disk, a folder: the annotations still go out
            from factaudit.errors import one_line

            print("factaudit: warning: cannot append the step summary to "
                  f"{one_line(os.environ.get('GITHUB_STEP_SUMMARY', ''))} "
                  f"({exc.strerror or exc})", file=sys.stderr)
    elif args.format == "claimreview":
        from factaudit.output_claimreview import to_claimreview

        text = to_claimreview(result, author=args.author)
        from factaudit.errors import one_line

        for warning in result.warnings:  # ClaimReview has no place for them: never silent
            print(f"factaudit: warning: {one_line(warning)}", file=sys.stderr)
    else:
        from factaudit.output_text import to_text

        color = args.color == "always" or (
            args.color == "auto" and args.output is None and sys.stdout.isatty()
            and not os.environ.get("NO_COLOR"))
        text = to_text(result, color=color)
    # JSON and SARIF escape every string; GitHub's own lines are commands by design
    _emit(text, args.output, guarded=args.format == "text")
    if comparison is not None:
        return _baseline_exit(result, comparison, args)
    return EXIT_FINDINGS if result.failed(args.allow_acknowledged) else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from factaudit.audit import audit_paths
    from factaudit.config import load_config
    from factaudit.errors import display_path
    from factaudit.report_html import DEFAULT_NAME, write_report

    config = load_config()
    _protect_inputs(args, args.output or config.root / config.reports / DEFAULT_NAME)
    # the report includes the optional rules (general spelling); the check gate does not
    result = audit_paths(args.claims, args.corpus, include_optional=True,
                         **_engine_options(args))
    config = load_config()
    target = args.output or config.root / config.reports / DEFAULT_NAME
    write_report(result, target)
    counts = result.counts()
    print(f"factaudit: report written to {display_path(target)} ({len(result.findings)} "
          f"findings: {counts['error']} errors, {counts['warning']} warnings, "
          f"{counts['info']} info, {counts['acknowledged']} acknowledged)")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from factaudit.config import load_config
    from factaudit.rules import discover_rules

    config = load_config()
    for rule in discover_rules():
        state = "on " if config.enabled(rule.id, rule.default_enabled) else "off"
        severity = config.severity_override(rule.id) or rule.severity
        print(f"{rule.id:28} {state} {severity:8} {rule.description}")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    _protect_inputs(args)
    from factaudit.claims import json_schema

    _emit(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", args.output,
          guarded=False)
    return EXIT_OK


def _emit(text: str, output: Path | None, guarded: bool = True) -> None:
    """Write a command's output to standard output or ``--output``. Text meant for people
    is ``guard``ed: no field from a document can start a line a CI runner executes."""
    if guarded:
        from factaudit.errors import guard

        text = guard(text)
    if output is None:
        sys.stdout.write(text)
        return
    from factaudit.atomic import write_output

    write_output(output, text)


def _protect_inputs(args: argparse.Namespace, target: Path | None = None) -> None:
    """An output must never replace an input: the claims and corpus folders (the manifest
    and language packs are inside them), the project configuration, a baseline being read."""
    from factaudit.atomic import refuse_inputs
    from factaudit.config import load_config

    target = target if target is not None else getattr(args, "output", None)
    if target is None:
        return
    config = load_config()
    inputs: dict[str, Path | None] = {
        "the claims folder": getattr(args, "claims", None) or config.root / config.claims,
        "the corpus folder": getattr(args, "corpus", None) or config.root / config.corpus,
        "the project configuration": (config.root / "pyproject.toml"),
        "the baseline being read": getattr(args, "baseline", None),
    }
    refuse_inputs(target, inputs)


# --------------------------------------------------------------------------- authoring
# suggest, explain, init, baseline, mutate (and `check --baseline`): helping users write
# claims and trust them.


def _add_authoring_commands(sub) -> None:
    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("--claims", type=Path, metavar="DIR",
                       help="folder of claims YAML files (default: claims/ or [tool.factaudit])")
        p.add_argument("--corpus", type=Path, metavar="DIR",
                       help="folder of documents (default: corpus/ or [tool.factaudit])")

    p = sub.add_parser(
        "suggest", help="mine the corpus for facts and write claim stubs (YAML)",
        description="Find typed values (years, periods, dates, quantities, durations, "
                    "ordinals) next to a phrase that recurs in several sources, and write "
                    "claim stubs that the loader accepts as they are. Sources that disagree "
                    "come first; facts already covered by claims are left out.")
    inputs(p)
    p.add_argument("--output", type=Path, metavar="FILE",
                   help="write the claims file to FILE (atomically) instead of standard output")
    p.add_argument("--min-sources", type=_positive, default=2, metavar="N",
                   help="documents a phrase must recur in (default: 2)")
    p.add_argument("--limit", type=_count, default=30, metavar="N",
                   help="at most N stubs (default: 30; 0 for all)")
    p.add_argument("--include-covered", action="store_true",
                   help="also suggest facts that existing claims already read")

    p = sub.add_parser(
        "explain", help="why a claim, entity or term got its verdicts",
        description="For every document: the passages where a cue matched, every value read "
                    "there and why it was (or was not) attributed to the claim, the findings "
                    "and the verdict.")
    p.add_argument("item", metavar="ID", help="id of a claim, entity or term")
    inputs(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--output", type=Path, metavar="FILE")

    p = sub.add_parser(
        "init", help="scaffold a new audit project",
        description="Create claims/ (with a sample claim), corpus/ (with sample documents), "
                    "reports/, pyproject.toml, a CI workflow example and a copy of the claims "
                    "JSON Schema for editors. Existing files are kept unless --force.")
    p.add_argument("directory", type=Path, nargs="?", default=Path("."),
                   help="where to create the project (default: the current folder)")
    p.add_argument("--force", action="store_true", help="overwrite existing files")

    p = sub.add_parser(
        "baseline", help="record today's findings as known (adopt on a large archive)",
        description="Record the fingerprints of today's findings in a file to commit. "
                    "`factaudit check --baseline FILE` then fails only on findings that are "
                    "not in it, and reports entries that no longer occur.")
    inputs(p)
    p.add_argument("--output", type=Path, metavar="FILE",
                   help="baseline file (default: .factaudit/baseline.json in the project)")

    p = sub.add_parser(
        "mutate", help="inject errors into covered passages: do the claims catch them?",
        description="Copy the corpus in memory, inject realistic errors (years, dates, "
                    "periods, quantities, weekdays, categories, misspelled names and terms) "
                    "and meaning-preserving edits (other date and number formats, case) into "
                    "passages that claims cover, audit each copy, and report the share of "
                    "errors caught, false alarms and claims that catch nothing.")
    inputs(p)
    p.add_argument("--seed", type=int, default=0, help="seed of the mutant generator")
    p.add_argument("--limit", type=_count, metavar="N",
                   help="audit at most N mutants (sampled)")
    p.add_argument("--min-score", type=float, metavar="X",
                   help="exit 1 when the share of errors caught is below X (0.8 or 80)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--output", type=Path, metavar="FILE")
    p.add_argument("--verbose", "-v", action="store_true", help="list every mutant")


def _load_inputs(args: argparse.Namespace, claims_required: bool = True):
    """(config, claims or None, corpus) from --claims/--corpus or the configuration."""
    from factaudit.claims import claims_files, load_claims
    from factaudit.config import load_config
    from factaudit.corpus import load_corpus
    from factaudit.languages import add_search_dir

    config = load_config()
    claims_dir = args.claims or config.root / config.claims
    corpus_dir = args.corpus or config.root / config.corpus
    add_search_dir(Path(claims_dir) / "languages")
    problems, claims, corpus = [], None, None
    if claims_required or (Path(claims_dir).is_dir() and claims_files(Path(claims_dir))):
        try:
            claims = load_claims(claims_dir)
        except InputError as exc:
            problems += exc.problems
    try:
        corpus = load_corpus(corpus_dir, config.languages)
    except InputError as exc:
        problems += exc.problems
    if problems:
        raise InputError(problems)
    return config, claims, corpus


def _suggest(args: argparse.Namespace) -> int:
    _protect_inputs(args)
    from factaudit.errors import display_path
    from factaudit.suggest import modeline_for, suggest, to_yaml

    config, claims, corpus = _load_inputs(args, claims_required=False)
    claims_dir = Path(args.claims or config.root / config.claims)
    found, covering = suggest(corpus.documents, claims, max(1, args.min_sources),
                              args.limit or None, args.include_covered)
    corpus_dir = display_path(args.corpus or config.root / config.corpus)
    _emit(to_yaml(found, corpus.documents, covering, modeline_for(claims_dir, config.root),
                  corpus_dir), args.output)
    disagree = sum(s.disagree for s in found)
    print(f"factaudit: {len(found)} claim stub(s), {disagree} where sources disagree, from "
          f"{len(corpus.documents)} documents", file=sys.stderr)
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    _protect_inputs(args)
    from factaudit.explain import explain, to_json, to_text

    config, claims, corpus = _load_inputs(args)
    x = explain(claims, corpus, args.item, config)
    _emit(to_json(x) if args.format == "json" else to_text(x), args.output,
          guarded=args.format != "json")
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from factaudit.errors import display_path
    from factaudit.init_project import init_project

    try:
        written = init_project(args.directory, force=args.force)
    except OSError as exc:
        from factaudit.errors import Problem

        raise InputError(Problem(display_path(args.directory), f"cannot create the project: "
                                 f"{exc.strerror or exc}")) from None
    for w in written:
        print(f"  {w.action:11} {w.path.relative_to(args.directory)}")
    where = display_path(args.directory)
    cd = "" if where in (".", "") else f"cd {where} && "
    print(f"factaudit: project ready. Next: {cd}factaudit check; python -m pytest; "
          "factaudit mutate. Replace the samples in corpus/ and claims/ with your own.")
    return EXIT_OK


def _baseline(args: argparse.Namespace) -> int:
    from factaudit.atomic import write_output
    from factaudit.audit import audit_paths
    from factaudit.baseline import DEFAULT_PATH, dumps, entries_for, load
    from factaudit.config import load_config
    from factaudit.errors import display_path

    target = args.output or load_config().root / DEFAULT_PATH
    _protect_inputs(args, target)
    result = audit_paths(args.claims, args.corpus)  # the same audit as `check`
    entries = entries_for(result.findings)
    change = ""
    if Path(target).is_file():
        try:
            old = load(Path(target)).fingerprints
        except InputError:
            old = set()
        new = {e["fingerprint"] for e in entries}
        change = f" ({len(new - old)} added, {len(old - new)} dropped)"
    write_output(target, dumps(entries))
    counts = {s: sum(e["severity"] == s for e in entries) for s in ("error", "warning", "info")}
    print(f"factaudit: baseline {display_path(target)} written: {len(entries)} findings "
          f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} info)"
          f"{change}. Commit it; `factaudit check --baseline {display_path(target)}` fails "
          "only on new findings.")
    return EXIT_OK


def _apply_baseline(result, path: Path | None):
    """``check --baseline FILE``: mark known findings; None without the option."""
    if path is None:
        return None
    from factaudit.baseline import apply, load

    return apply(result, load(path))


def _baseline_exit(result, comparison, args: argparse.Namespace) -> int:
    from factaudit.baseline import failed, summary
    from factaudit.errors import display_path

    print(summary(comparison, display_path(args.baseline)), file=sys.stderr)
    return EXIT_FINDINGS if failed(result, comparison, args.allow_acknowledged) else EXIT_OK


def _mutate(args: argparse.Namespace) -> int:
    _protect_inputs(args)
    from factaudit.mutate import run, to_json, to_text

    config, claims, corpus = _load_inputs(args)
    minimum = args.min_score
    if minimum is not None and minimum > 1:
        minimum /= 100  # --min-score 80 means 80 %
    report = run(claims, corpus, config, seed=args.seed, limit=args.limit)
    text = to_json(report) if args.format == "json" else to_text(report, minimum, args.verbose)
    _emit(text, args.output, guarded=args.format != "json")
    if args.output is not None and report.score is not None:
        print(f"factaudit: mutation score {report.score:.1%}", file=sys.stderr)
    if minimum is not None and (report.score is None or report.score < minimum):
        if report.score is None:
            print("factaudit: no covered passage to mutate; the claims are not tested",
                  file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


_AUTHORING = {"suggest": _suggest, "explain": _explain, "init": _init, "baseline": _baseline,
              "mutate": _mutate}
