"""Command line: ``factaudit check | rules | schema``.

Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or input error,
3 an internal error (a bug: please report it with the command that caused it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from factaudit import __version__
from factaudit.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
FORMATS = ("text", "json", "sarif", "github", "claimreview")


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
    check.add_argument("--author", default="factaudit", metavar="NAME",
                       help="--format claimreview: the organisation publishing the reviews")

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

    sub.add_parser("rules", help="list the rules with their ids, severities and descriptions")
    schema = sub.add_parser("schema", help="print the JSON Schema of claims files")
    schema.add_argument("--output", type=Path, metavar="FILE")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_INPUT
    try:
        return {"check": _check, "rules": _rules, "schema": _schema,
                "report": _report}[args.command](args)
    except InputError as exc:
        print(f"factaudit: {len(exc.problems)} problem(s) in the input:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}".replace("\n", "\n  "), file=sys.stderr)
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


def _check(args: argparse.Namespace) -> int:
    from factaudit.audit import audit_paths

    result = audit_paths(args.claims, args.corpus)
    if args.format == "json":
        from factaudit.output_json import to_json

        text = to_json(result)
    elif args.format == "sarif":
        from factaudit.output_sarif import to_sarif

        text = to_sarif(result)
    elif args.format == "github":
        from factaudit.output_github import to_github, write_step_summary

        text = to_github(result)
        write_step_summary(result)
    elif args.format == "claimreview":
        from factaudit.output_claimreview import to_claimreview

        text = to_claimreview(result, author=args.author)
    else:
        from factaudit.output_text import to_text

        color = args.color == "always" or (
            args.color == "auto" and args.output is None and sys.stdout.isatty()
            and not os.environ.get("NO_COLOR"))
        text = to_text(result, color=color)
    _emit(text, args.output)
    return EXIT_FINDINGS if result.failed(args.allow_acknowledged) else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from factaudit.audit import audit_paths
    from factaudit.config import load_config
    from factaudit.errors import display_path
    from factaudit.report_html import DEFAULT_NAME, write_report

    # the report includes the optional rules (general spelling); the check gate does not
    result = audit_paths(args.claims, args.corpus, include_optional=True)
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
    from factaudit.claims import json_schema

    _emit(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", args.output)
    return EXIT_OK


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from factaudit.atomic import write_atomic

    write_atomic(output, text)
