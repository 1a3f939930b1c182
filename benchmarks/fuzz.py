"""The long fuzz run (``tox -e fuzz``): the properties of tests/test_fuzz.py with many more
examples, counting every input tried and every failure instead of stopping at the first.

    python benchmarks/fuzz.py --examples 3000 [--seed 1] [--only claims,audit,cli]

Prints, per property and in total, ``fuzz: N inputs tried, F failures``; each distinct
failure (exception type and place) once, with the smallest input that caused it, and writes
them all to reports/fuzz-failures.txt. Exits 1 if anything failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fuzz_strategies import (  # noqa: E402
    cache_damage,
    check_audit,
    check_cache,
    check_claims_text,
    check_cli,
    check_front_matter,
    check_language_pack,
    check_output_target,
    claims_texts,
    cli_inputs,
    corpora,
    corpus_files,
    describe,
    front_matter_documents,
    language_packs,
    output_targets,
    valid_claims_texts,
)

# property → (strategy, check, share of the examples)
PROPERTIES = {
    "claims": (claims_texts(), check_claims_text, 0.5),
    "audit": (st.tuples(valid_claims_texts(), corpora()), lambda v: check_audit(*v), 0.3),
    "cli": (cli_inputs(), lambda v: check_cli(*v), 0.2),
    # hostile input (issue 11)
    "front-matter": (front_matter_documents(), check_front_matter, 0.1),
    "language-pack": (st.tuples(language_packs(), valid_claims_texts(),
                                corpus_files(noise=False)),
                      lambda v: check_language_pack(*v), 0.1),
    "cache": (st.tuples(valid_claims_texts(), corpus_files(noise=False), cache_damage()),
              lambda v: check_cache(*v), 0.1),
    "output": (st.tuples(output_targets(), valid_claims_texts(), corpus_files(noise=False)),
               lambda v: check_output_target(*v[0], v[1], v[2]), 0.1),
}


def run(name: str, examples: int, run_seed: int) -> tuple[int, int, dict, list[float]]:
    """(inputs tried, failures, distinct failures: (type, place) → (message, input), the
    seconds each input took)."""
    strategy, check, _ = PROPERTIES[name]
    tried = failed = 0
    distinct: dict[tuple[str, str], tuple[str, str]] = {}
    seconds: list[float] = []

    @seed(run_seed)
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def prop(value) -> None:
        nonlocal tried, failed
        tried += 1
        started = time.perf_counter()
        try:
            check(value)
        except Exception as exc:  # counted and kept, not raised: the run goes on
            failed += 1
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            key = (type(exc).__name__, f"{Path(frame.filename).name}:{frame.lineno}")
            text = describe(value)
            if key not in distinct or len(text) < len(distinct[key][1]):  # keep the smallest
                distinct[key] = (f"{type(exc).__name__}: {exc}"[:2000], text)
        finally:
            seconds.append(time.perf_counter() - started)

    prop()
    return tried, failed, distinct, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=3000, help="inputs in all (default 3000)")
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100_000)
    parser.add_argument("--only", default=",".join(PROPERTIES), help="properties to run")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n]
    share = sum(PROPERTIES[n][2] for n in names)
    total_tried = total_failed = 0
    report: list[str] = []
    print(f"fuzz: seed {args.seed}, {args.examples} examples over {', '.join(names)}")
    for i, name in enumerate(names):
        examples = max(1, round(args.examples * PROPERTIES[name][2] / share))
        started = time.perf_counter()
        tried, failed, failures, seconds = run(name, examples, args.seed + i)
        total_tried += tried
        total_failed += failed
        seconds.sort()
        print(f"fuzz: {name}: {tried} inputs tried, {failed} failures "
              f"({len(failures)} distinct), {time.perf_counter() - started:.0f} s; per input "
              f"median {seconds[len(seconds) // 2]:.3f} s, slowest {seconds[-1]:.2f} s")
        for (kind, where), (message, value) in sorted(failures.items()):
            print(f"[{name}] {kind} at {where}\n  {message}\n  input: {value[:2000]}"
                  + ("…" if len(value) > 2000 else "") + "\n")
            report.append(f"[{name}] {kind} at {where}\n  {message}\n  input: {value}\n")
    out = ROOT / "reports" / "fuzz-failures.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text("".join(report) or "no failures\n", encoding="utf-8")
    print(f"fuzz: {total_tried} inputs tried, {total_failed} failures")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
