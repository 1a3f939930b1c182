"""Command line: ``factaudit check | report | rules | schema | suggest | explain | init |
baseline | mutate | extract``.

Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or input error,
3 an internal error (a bug: please report it with the command that caused it), 130
interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from factaudit import __version__
from factaudit.model import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


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


BUILT_IN_FORMATS = ("text", "json", "sarif", "github", "claimreview")


def _format(name: str) -> str:
    """An output format: a built-in one, or a reporter another package installs (looked up
    only then, so that starting the command stays fast)."""
    if name in BUILT_IN_FORMATS:
        return name
    from importlib.metadata import entry_points

    installed = sorted({ep.name for ep in entry_points(group="factaudit.reporters")})
    if name not in installed:
        raise argparse.ArgumentTypeError(f"invalid choice: {name!r} (choose from "
                                         f"{', '.join(installed or BUILT_IN_FORMATS)})")
    return name


def _inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--claims", type=Path, metavar="DIR",
                   help="folder of claims YAML files (default: claims/ or [tool.factaudit])")
    p.add_argument("--corpus", type=Path, metavar="DIR",
                   help="folder of documents (default: corpus/ or [tool.factaudit])")


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
    _inputs(check)
    check.add_argument("--format", type=_format, default="text",
                       metavar="{" + ",".join(BUILT_IN_FORMATS) + "}",
                       help="output format (or an installed reporter's name)")
    check.add_argument("--output", type=Path, metavar="FILE",
                       help="write the output to FILE (atomically; - for standard output)")
    check.add_argument("--allow-acknowledged", action="store_true",
                       help="exit 0 when every error is covered by an unexpired acknowledgement")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    _add_engine_options(check)
    check.add_argument("--author", default="factaudit", metavar="NAME",
                       help="--format claimreview: the organisation publishing the reviews")
    check.add_argument("--baseline", type=Path, metavar="FILE",
                       help="findings recorded in FILE (`factaudit baseline`) are known: only "
                            "new ones fail the run")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE",
                       help="report (and fail on) only the findings in these documents; a "
                            "claims file, manifest or pyproject.toml among them means every "
                            "document (the pre-commit hook passes the changed files)")

    report = sub.add_parser(
        "report", help="write the HTML discrepancy report",
        description="Audit the corpus and write one self-contained HTML report "
                    "(default: reports/discrepancies.html). Exits 0 once it is written.")
    _inputs(report)
    report.add_argument("--output", type=Path, metavar="FILE",
                        help="where to write the report (default: <reports>/discrepancies.html)")
    report.add_argument("--baseline", type=Path, metavar="FILE",
                        help="mark the findings that are new since FILE (`factaudit baseline`, "
                             "or an earlier `check --format json`) and list those fixed since")
    _add_engine_options(report)

    rules = sub.add_parser("rules", help="list the rules with their ids, severities and "
                           "descriptions")
    rules.add_argument("--markdown", action="store_true",
                       help="write the rules' documentation (docs/rules.md) instead")
    rules.add_argument("--output", type=Path, metavar="FILE")
    schema = sub.add_parser("schema", help="print the JSON Schema of claims files")
    schema.add_argument("--output", type=Path, metavar="FILE")
    extract = sub.add_parser(
        "extract", help="print the text factaudit audits in a document file",
        description="Print the text that is audited in one document file (a web page, a "
                    "PDF, an office file, a table of documents, a text file without its front "
                    "matter): the offsets in findings point into this text. The text format "
                    "escapes control characters; --format json gives the exact text of each "
                    "document with its metadata.")
    extract.add_argument("path", type=Path, metavar="PATH")
    extract.add_argument("--format", choices=("text", "json"), default="text")
    extract.add_argument("--output", type=Path, metavar="FILE")
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

    def stop(signum: int, frame: Any) -> None:
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
            return COMMANDS[args.command](args)
    except InputError as exc:
        from factaudit.model import clean

        print(f"factaudit: {len(exc.problems)} problem(s) in the input:", file=sys.stderr)
        for problem in exc.problems:  # each part of a problem is one safe line
            print("\n".join(f"  {clean(line)}" for line in str(problem).split("\n")),
                  file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("factaudit: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the traceback for debugging
        if os.environ.get("FACTAUDIT_DEBUG"):
            raise
        from factaudit.model import one_line

        print(f"factaudit: internal error: {type(exc).__name__}: {one_line(exc)}\n"
              "  set FACTAUDIT_DEBUG=1 to see the traceback, and please report it",
              file=sys.stderr)
        return EXIT_INTERNAL


# --------------------------------------------------------------------------- auditing


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


def run_audit(args: argparse.Namespace, trace: set[str] | None = None) -> Any:
    """Load the project from the command's options and audit it, as every command does."""
    from factaudit.engine.cache import default_dir
    from factaudit.engine.pipeline import audit
    from factaudit.engine.progress import Progress
    from factaudit.inputs.config import load_config
    from factaudit.inputs.project import load_project

    config = load_config()
    project = load_project(config, getattr(args, "claims", None), getattr(args, "corpus", None))
    shown = {"auto": None, "always": True, "never": False}[getattr(args, "progress", "auto")]
    bar = Progress(len(project.sources), project.total_bytes, enabled=shown)
    try:
        return audit(project, executor=getattr(args, "engine", "local"),
                     workers=getattr(args, "workers", None),
                     scheduler=getattr(args, "scheduler", None),
                     cache=None if getattr(args, "no_cache", False) else default_dir(config.root),
                     trace=trace or (), progress=bar.advance)
    finally:
        bar.close()


def _check(args: argparse.Namespace) -> int:
    from factaudit.model import one_line
    from factaudit.report import reporters

    _protect_inputs(args)
    changed = _touched(args)
    if changed is not None and changed.value == "nothing":
        print("factaudit: no document, claims file or setting among the files given; "
              "nothing to audit", file=sys.stderr)
        return EXIT_OK
    result = run_audit(args)
    if changed is not None and changed.value == "documents":
        from factaudit.authoring.changed import only

        result = only(result, args.files)
    comparison = _apply_baseline(result, args.baseline)
    reporter = reporters()[args.format]
    color = args.color == "always" or (
        args.color == "auto" and args.output is None and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR"))
    text = reporter.render(result, {"color": color, "author": args.author})
    _emit(text, args.output, guarded=reporter.guarded)
    if reporter.after is not None:
        for note in reporter.after(result, {"author": args.author}):
            print(f"factaudit: warning: {one_line(note)}", file=sys.stderr)
    if comparison is not None:
        return _baseline_exit(result, comparison, args)
    return EXIT_FINDINGS if result.failed(args.allow_acknowledged) else EXIT_OK


def _touched(args: argparse.Namespace) -> Any:
    """What the files given to `check` touch (None when none are given)."""
    if not getattr(args, "files", None):
        return None
    from factaudit.authoring.changed import touched
    from factaudit.inputs.config import load_config

    config = load_config()
    return touched(args.files, args.claims or config.root / config.claims,
                   args.corpus or config.root / config.corpus, config.root)


def _report(args: argparse.Namespace) -> int:
    from factaudit.inputs.config import load_config
    from factaudit.model import display_path
    from factaudit.report.html import DEFAULT_NAME, write_report

    config = load_config()
    target = args.output or config.root / config.reports / DEFAULT_NAME
    _protect_inputs(args, target)
    baseline = _load_baseline(args.baseline)
    result = run_audit(args)  # the same rules and settings as `check`
    changes = _changes(result, baseline) if baseline is not None else None
    write_report(result, target, changes=changes)
    counts = result.counts()
    shown = "standard output" if str(target) == "-" else display_path(target)
    since = "" if changes is None else (f"; since the baseline: {len(changes.new)} new, "
                                        f"{len(changes.fixed)} fixed")
    print(f"factaudit: report written to {shown} ({len(result.findings)} "
          f"findings: {counts['error']} errors, {counts['warning']} warnings, "
          f"{counts['info']} info, {counts['acknowledged']} acknowledged{since})",
          file=sys.stderr if str(target) == "-" else sys.stdout)
    return EXIT_OK


def _load_baseline(path: Path | None) -> Any:
    if path is None:
        return None
    from factaudit.authoring.baseline import load

    return load(path)


def _changes(result: Any, baseline: Any) -> Any:
    """What the report marks: findings not in the baseline, baseline entries gone. The
    findings themselves stay as `check` reports them (nothing becomes acknowledged)."""
    from factaudit.authoring.baseline import compare
    from factaudit.report.html import Changes

    comparison = compare(result.findings, baseline)
    return Changes(baseline.path, frozenset(comparison.new), comparison.gone)


def _rules(args: argparse.Namespace) -> int:
    from factaudit.inputs.config import load_config
    from factaudit.rules.registry import discover_rules, is_active, severity_of

    if args.markdown:
        from factaudit.authoring.rules_doc import rules_markdown

        _protect_inputs(args)
        _emit(rules_markdown(), args.output, guarded=False)
        return EXIT_OK
    config = load_config()
    lines = []
    for rule in discover_rules():
        state = "on " if is_active(rule, config) else "off"
        status = "" if rule.status == "stable" else f" [{rule.status}]"
        lines.append(f"{rule.id:28} {state} {severity_of(rule, config)!s:8} "
                     f"{rule.scope:8} {rule.summary}{status}")
    _emit("\n".join(lines) + "\n", args.output)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from factaudit.inputs.claims import json_schema

    _protect_inputs(args)
    _emit(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", args.output,
          guarded=False)
    return EXIT_OK


def _emit(text: str, output: Path | None, guarded: bool = True) -> None:
    """Write a command's output to standard output or ``--output``. Text meant for people
    is ``guard``ed: no field from a document can start a line a CI runner executes."""
    if guarded:
        from factaudit.model import guard

        text = guard(text)
    if output is None:
        sys.stdout.write(text)
        return
    from factaudit.report.atomic import write_output

    write_output(output, text)


def _protect_inputs(args: argparse.Namespace, target: Path | None = None) -> None:
    """An output must never replace an input: the claims and corpus folders (the manifest
    and language packs are inside them), the project configuration, a baseline being read."""
    from factaudit.inputs.config import load_config
    from factaudit.report.atomic import refuse_inputs

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


def _add_authoring_commands(sub: Any) -> None:
    p = sub.add_parser(
        "suggest", help="mine the corpus for facts and write claim stubs (YAML)",
        description="Find typed values (years, periods, dates, quantities, durations, "
                    "ordinals) next to a phrase that recurs in several sources, and write "
                    "claim stubs that the loader accepts as they are. Sources that disagree "
                    "come first; facts already covered by claims are left out.")
    _inputs(p)
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
    _inputs(p)
    p.add_argument("--document", action="append", metavar="DOC_ID",
                   help="only this document (repeat for more)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--output", type=Path, metavar="FILE")

    p = sub.add_parser(
        "init", help="scaffold a new audit project",
        description="Create claims/ (with a sample claim), corpus/ (with sample documents), "
                    "reports/, pyproject.toml, a CI workflow example and a copy of the claims "
                    "JSON Schema for editors. Refuses a folder that already holds claims or "
                    "documents; --force overwrites the scaffold's own files.")
    p.add_argument("directory", type=Path, nargs="?", default=Path("."),
                   help="where to create the project (default: the current folder)")
    p.add_argument("--force", action="store_true", help="overwrite the scaffold's own files")

    p = sub.add_parser(
        "baseline", help="record today's findings as known (adopt on a large archive)",
        description="Record the fingerprints of today's findings in a file to commit. "
                    "`factaudit check --baseline FILE` then fails only on findings that are "
                    "not in it, and reports entries that no longer occur.")
    _inputs(p)
    p.add_argument("--output", type=Path, metavar="FILE",
                   help="baseline file (default: .factaudit/baseline.json in the project)")

    p = sub.add_parser(
        "mutate", help="inject errors into covered passages: do the claims catch them?",
        description="Copy the corpus in memory, inject realistic errors (years, dates, "
                    "periods, quantities, weekdays, categories, misspelled names and terms) "
                    "and meaning-preserving edits (other date and number formats, case) into "
                    "passages that claims cover, audit each copy, and report the share of "
                    "errors caught, false alarms and claims that catch nothing.")
    _inputs(p)
    p.add_argument("--seed", type=int, default=0, help="seed of the mutant generator")
    p.add_argument("--limit", type=_count, metavar="N",
                   help="audit at most N mutants (sampled)")
    p.add_argument("--min-score", type=float, metavar="X",
                   help="exit 1 when the share of errors caught is below X (0.8 or 80)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--output", type=Path, metavar="FILE")
    p.add_argument("--verbose", "-v", action="store_true", help="list every mutant")


def _project(args: argparse.Namespace, claims_required: bool = True) -> Any:
    from factaudit.inputs.config import load_config
    from factaudit.inputs.project import load_project

    return load_project(load_config(), args.claims, args.corpus, claims_required)


def _suggest(args: argparse.Namespace) -> int:
    from factaudit.authoring.suggest import modeline_for, suggest, to_yaml
    from factaudit.model import display_path

    _protect_inputs(args)
    project = _project(args, claims_required=False)
    config = project.config
    documents = project.read_documents()
    claims_dir = Path(args.claims or config.root / config.claims)
    found, covering = suggest(documents, project.claims, max(1, args.min_sources),
                              args.limit or None, args.include_covered)
    corpus_dir = display_path(args.corpus or config.root / config.corpus)
    _emit(to_yaml(found, documents, covering, modeline_for(claims_dir, config.root),
                  corpus_dir), args.output)
    disagree = sum(s.disagree for s in found)
    print(f"factaudit: {len(found)} claim stub(s), {disagree} where sources disagree, from "
          f"{len(documents)} documents", file=sys.stderr)
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from factaudit.authoring.explain import explain, to_json, to_text

    _protect_inputs(args)
    x = explain(_project(args), args.item, documents=args.document)
    _emit(to_json(x) if args.format == "json" else to_text(x), args.output,
          guarded=args.format != "json")
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from factaudit.authoring.init_project import init_project
    from factaudit.model import Problem, display_path

    try:
        written = init_project(args.directory, force=args.force)
    except OSError as exc:
        raise InputError(Problem(display_path(args.directory), f"cannot create the project: "
                                 f"{exc.strerror or exc}")) from None
    for w in written:
        print(f"  {w.action:11} {w.path.relative_to(args.directory)}")
    where = display_path(args.directory)
    cd = "" if where in (".", "") else f"cd {where} && "
    if any(w.action == "adopted" for w in written):
        print(f"factaudit: project ready around your documents (no samples written). Next: "
              f"{cd}factaudit suggest --output suggested.yaml; review the stubs, move the "
              "true ones into claims/; factaudit check; python -m pytest.")
        return EXIT_OK
    print(f"factaudit: project ready. Next: {cd}factaudit check; python -m pytest; "
          "factaudit mutate. Replace the samples in corpus/ and claims/ with your own.")
    return EXIT_OK


def _baseline(args: argparse.Namespace) -> int:
    from factaudit.authoring.baseline import DEFAULT_PATH, dumps, entries_for, load
    from factaudit.inputs.config import load_config
    from factaudit.model import display_path
    from factaudit.report.atomic import write_output

    target = args.output or load_config().root / DEFAULT_PATH
    _protect_inputs(args, target)
    result = run_audit(args)  # the same audit as `check`
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


def _apply_baseline(result: Any, path: Path | None) -> Any:
    """``check --baseline FILE``: mark known findings; None without the option."""
    if path is None:
        return None
    from factaudit.authoring.baseline import apply, load

    return apply(result, load(path))


def _baseline_exit(result: Any, comparison: Any, args: argparse.Namespace) -> int:
    from factaudit.authoring.baseline import failed, summary
    from factaudit.model import display_path

    print(summary(comparison, display_path(args.baseline)), file=sys.stderr)
    return EXIT_FINDINGS if failed(result, comparison, args.allow_acknowledged) else EXIT_OK


def _mutate(args: argparse.Namespace) -> int:
    from factaudit.authoring.mutate import run, to_json, to_text

    _protect_inputs(args)
    project = _project(args)
    minimum = args.min_score
    if minimum is not None and minimum > 1:
        minimum /= 100  # --min-score 80 means 80 %
    report = run(project, seed=args.seed, limit=args.limit)
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


def _extract(args: argparse.Namespace) -> int:
    from factaudit.inputs.config import load_config
    from factaudit.inputs.corpus import extract_file

    _protect_inputs(args)
    documents, warnings = extract_file(args.path, tuple(load_config().languages))
    for warning in warnings:
        print(f"factaudit: {warning}", file=sys.stderr)
    if args.format == "json":
        rows = [{"id": d.id, "path": d.path, "kind": d.kind, "language": d.language,
                 "published": d.published, "title": d.title, "url": d.url, "row": d.row,
                 "pages": len(d.pages), "text": d.text} for d in documents]
        _emit(json.dumps({"version": 1, "documents": rows}, ensure_ascii=False, indent=2)
              + "\n", args.output, guarded=False)
    elif len(documents) == 1:
        _emit(documents[0].text, args.output)
    else:
        _emit("".join(f"==> {d.id} <==\n{d.text}\n" for d in documents), args.output)
    return EXIT_OK if documents else EXIT_INPUT


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": _check, "report": _report, "rules": _rules, "schema": _schema, "extract": _extract,
    "suggest": _suggest, "explain": _explain, "init": _init, "baseline": _baseline,
    "mutate": _mutate,
}
