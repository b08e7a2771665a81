"""Compare two `make bench` results: bench_compare.py BEFORE.json AFTER.json prints after/before per page.

A ratio below 1 is faster (p50, p95) or fewer (queries); for req/s, above 1 is better.
"""

import json
import sys

from bench_report import compare


def main(before_path: str, after_path: str) -> None:
    with open(before_path) as before, open(after_path) as after:
        old, new = json.load(before), json.load(after)
    print(f"scale {old['scale']} -> {new['scale']}; after / before")
    print(f"{'page':<24} {'clients':>7} {'p50':>6} {'p95':>6} {'req/s':>6} {'queries':>7}")
    for row in compare(old, new):
        cells = [row[key] if row[key] is not None else "-" for key in ("p50_ms", "p95_ms", "rps", "queries")]
        print(f"{row['name']:<24} {row['concurrency']:>7} {cells[0]:>6} {cells[1]:>6} {cells[2]:>6} {cells[3]:>7}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
