"""Benchmark of value reading: sentences per second, and the share of time in dateparser.

    python benchmarks/values_bench.py [--sentences N] [--seed S]

Generates N candidate sentences in English and Indonesian from templates (dates in many
forms, years, periods, quantities, durations, ordinals), reads them cold (caches cleared)
and warm, and prints the figures. Not part of the test run.
"""

from __future__ import annotations

import argparse
import random
import time

import dateparser

from factaudit.model import PartialDate
from factaudit.reading import values
from factaudit.reading.values import date as dates
from factaudit.reading.values import read_values

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

EN = [
    "The ministers met on {wd}, {month} {d}, marking {n} years of relations.",
    "Russia has been a strategic partner of ASEAN since {y}, and the summit is in {month} {y2}.",
    "Indonesia is the coordinating country for the period {y}-{y2}.",
    "Indonesia plans to order {n} million doses, {big:,} in all, for the {o}th programme.",
    "Three years ago, in {y}, the delegation of {n} officials visited on {d} {month} {y2}.",
    "The talks from {y} to {y2} covered trade, health and security cooperation.",
]
ID = [
    "Pertemuan digelar secara virtual {wd} {d} {month}, menandai {n} tahun hubungan.",
    "Rusia telah menjadi mitra strategis ASEAN sejak tahun {y}, dan KTT pada {month} {y2}.",
    "Indonesia menjadi negara koordinator untuk periode tahun {y}-{y2}.",
    "Indonesia memesan {n} juta dosis, atau {big_id} dosis, untuk program ke-{o}.",
    "Pertemuan rutin tahunan ke-{o} diselenggarakan pada {d} {month} {y2} secara video konferensi.",
    "Selama {y}–{y2}, berbagai capaian telah berlangsung dalam peningkatan hubungan.",
]


def make_sentences(n: int, rng: random.Random) -> list[tuple[str, str]]:
    out = []
    for i in range(n):
        lang = "en" if i % 2 == 0 else "id"
        template = rng.choice(EN if lang == "en" else ID)
        m = rng.randrange(12)
        big = rng.randrange(1, 999) * 1000
        fields = dict(
            wd=(EN_DAYS if lang == "en" else ID_DAYS)[rng.randrange(7)],
            month=(EN_MONTHS if lang == "en" else ID_MONTHS)[m], d=rng.randint(1, 28),
            y=rng.randint(1950, 2015), y2=rng.randint(2016, 2030), n=rng.randint(2, 60),
            o=rng.randint(2, 40), big=big, big_id=f"{big:,}".replace(",", "."),
        )
        out.append((template.format(**fields), lang))
    return out


def run(sentences, base) -> tuple[float, int]:
    start = time.perf_counter()
    count = 0
    for text, lang in sentences:
        count += len(read_values(text, lang, base, None))
    return time.perf_counter() - start, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sentences = make_sentences(args.sentences, random.Random(args.seed))
    base = PartialDate(2021, 7, 8)
    read_values("warm up 6 Juli 2021", "id", base)  # import and pattern compilation
    read_values("warm up July 6, 2021", "en", base)

    spent = {"dateparser": 0.0, "calls": 0}
    original = dateparser.parse

    def timed(*a, **k):
        t = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            spent["dateparser"] += time.perf_counter() - t
            spent["calls"] += 1

    dateparser.parse = timed
    values._read_values.cache_clear()
    dates._dateparse.cache_clear()
    cold, found = run(sentences, base)
    cold_dp, cold_calls = spent["dateparser"], spent["calls"]
    values._read_values.cache_clear()  # values again, date spans cached
    spent.update(dateparser=0.0, calls=0)
    warm, _ = run(sentences, base)
    dateparser.parse = original

    n = len(sentences)
    print(f"sentences: {n:,} ({n // 2:,} English, {n - n // 2:,} Indonesian); values read: "
          f"{found:,}")
    print(f"cold (no caches):      {n / cold:10,.0f} sentences/s  "
          f"{cold * 1e6 / n:7.1f} µs/sentence; dateparser {cold_dp / cold:5.1%} of the time "
          f"({cold_calls:,} calls)")
    print(f"warm (date cache hot): {n / warm:10,.0f} sentences/s  "
          f"{warm * 1e6 / n:7.1f} µs/sentence; dateparser {spent['dateparser'] / warm:5.1%} "
          f"of the time ({spent['calls']:,} calls)")


if __name__ == "__main__":
    main()
