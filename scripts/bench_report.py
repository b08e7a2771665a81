"""The pure half of `make bench`: wrk's output, the results file, the budgets and the table in docs/performance.md.

No I/O and no Django here, so tests/bench/test_runner.py checks it all without a server.
"""

import json
import statistics

WRK_MARKER = "BENCH_JSON "
TABLE_START = "<!-- bench:start -->"
TABLE_END = "<!-- bench:end -->"

CONCURRENCIES = (1, 8)
FLOOR_PAGE = "healthz"
# Budgets (issue 10). Key pages: everything a person waits for, i.e. all but the floor and the figures page,
# which has its own, looser budget because it aggregates the whole agency.
KEY_P95_MS = 50.0
KEY_P95_CONCURRENCY = 8
PAGE_P50_DB_FACTOR = 1.5
FIGURES_PAGE = "figures"
FIGURES_P95_MS = 1000.0
PAGE_KEYS = ("name", "path", "concurrency", "p50_ms", "p95_ms", "p99_ms", "rps", "errors", "queries", "db_ms")


class WrkOutputError(ValueError):
    """wrk ran but printed no summary from scripts/bench_wrk.lua."""


def parse_wrk_output(text: str) -> dict:
    """The summary line scripts/bench_wrk.lua's done() prints, in milliseconds and requests per second."""
    lines = [line for line in text.splitlines() if line.startswith(WRK_MARKER)]
    if not lines:
        raise WrkOutputError(f"no {WRK_MARKER.strip()} line in wrk's output:\n{text}")
    raw = json.loads(lines[-1][len(WRK_MARKER) :])
    seconds = raw["duration_us"] / 1e6
    latency = raw["latency_us"]
    sockets = raw["errors"]
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 3),
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(latency["p50"] / 1000, 2),
        "p95_ms": round(latency["p95"] / 1000, 2),
        "p99_ms": round(latency["p99"] / 1000, 2),
        # Every response that is not 2xx (a 3xx here is a lost session) and every socket error or timeout.
        "errors": raw["unexpected"] + sockets["connect"] + sockets["read"] + sockets["write"] + sockets["timeout"],
    }


def median_probe(runs: list[tuple[int, float]]) -> dict:
    """Queries and database time of one page from several in-process runs of (queries, seconds)."""
    return {
        "queries": int(statistics.median(count for count, _ in runs)),
        "db_ms": round(statistics.median(seconds for _, seconds in runs) * 1000, 2),
    }


def page_row(*, name: str, path: str, concurrency: int, load: dict, probe: dict) -> dict:
    """One row of results.json: a page at one concurrency, from wrk's summary and the probe's figures."""
    return {
        "name": name,
        "path": path,
        "concurrency": concurrency,
        "p50_ms": load["p50_ms"],
        "p95_ms": load["p95_ms"],
        "p99_ms": load["p99_ms"],
        "rps": load["rps"],
        "errors": load["errors"],
        "queries": probe["queries"],
        "db_ms": probe["db_ms"],
    }


def floor_of(pages: list[dict]) -> dict:
    """The fixed cost of any request: /healthz, one client at a time."""
    row = find_row(pages, FLOOR_PAGE, 1)
    return {"p50_ms": row["p50_ms"], "p95_ms": row["p95_ms"], "rps": row["rps"]}


def find_row(pages: list[dict], name: str, concurrency: int) -> dict:
    for row in pages:
        if row["name"] == name and row["concurrency"] == concurrency:
            return row
    raise KeyError(f"no result for {name} at concurrency {concurrency}")


def check_budgets(pages: list[dict], floor: dict) -> list[dict]:
    """Every budget of issue 10 against the rows, one verdict each (ok, value, limit)."""
    verdicts = []
    for row in pages:
        name, concurrency = row["name"], row["concurrency"]
        if name == FLOOR_PAGE:
            continue
        if name != FIGURES_PAGE and concurrency == KEY_P95_CONCURRENCY:
            verdicts.append(_verdict("p95 at concurrency 8", row, row["p95_ms"], KEY_P95_MS))
        if concurrency == 1:
            limit = PAGE_P50_DB_FACTOR * row["db_ms"] + floor["p50_ms"]
            verdicts.append(_verdict("p50 <= 1.5 x db + floor", row, row["p50_ms"], limit))
        if name == FIGURES_PAGE and concurrency == 1:
            verdicts.append(_verdict("figures p95", row, row["p95_ms"], FIGURES_P95_MS))
        if row["errors"]:
            verdicts.append(_verdict("no errors", row, row["errors"], 0))
    return verdicts


def _verdict(rule: str, row: dict, value: float, limit: float) -> dict:
    return {
        "rule": rule,
        "page": row["name"],
        "concurrency": row["concurrency"],
        "value": value,
        "limit": round(limit, 2),
        "ok": value <= limit,
    }


def build_results(*, scale: float, pages: list[dict], seed_seconds: float | None, nodes: dict, machine: dict) -> dict:
    """results.json: the fixed keys first (scale, floor, pages), then the extras."""
    floor = floor_of(pages)
    return {
        "scale": scale,
        "floor": floor,
        "pages": pages,
        "seed_seconds": seed_seconds,
        "nodes": nodes,
        "budgets": check_budgets(pages, floor),
        "machine": machine,
    }


def _fmt(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def markdown_table(results: dict) -> str:
    """The table for docs/performance.md: one line per page and concurrency, a mark where a budget fails."""
    failed: dict[tuple[str, int], list[str]] = {}
    for verdict in results.get("budgets", []):
        if not verdict["ok"]:
            failed.setdefault((verdict["page"], verdict["concurrency"]), []).append(verdict["rule"])
    machine = results.get("machine", {})
    nodes = results.get("nodes", {}).get("count", 1)
    floor = results["floor"]
    lines = [
        f"Scale {results['scale']}, {nodes} app node(s), {machine.get('cpus', '?')} CPUs, "
        f"commit {machine.get('commit', '?')}, {machine.get('date', '?')}. "
        f"Floor (/healthz, 1 client): p50 {_fmt(floor['p50_ms'])} ms, p95 {_fmt(floor['p95_ms'])} ms, "
        f"{_fmt(floor['rps'])} req/s.",
        "",
        "| page | clients | p50 ms | p95 ms | p99 ms | req/s | errors | queries | db ms | budgets |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in results["pages"]:
        broken = failed.get((row["name"], row["concurrency"]))
        lines.append(
            f"| {row['name']} | {row['concurrency']} | {_fmt(row['p50_ms'])} | {_fmt(row['p95_ms'])} | "
            f"{_fmt(row['p99_ms'])} | {_fmt(row['rps'])} | {row['errors']} | {row['queries']} | "
            f"{_fmt(row['db_ms'])} | {'FAIL: ' + '; '.join(broken) if broken else 'ok'} |"
        )
    return "\n".join(lines)


def rewrite_table(document: str, table: str) -> str:
    """DOCUMENT with everything between the bench markers replaced by TABLE (the markers stay)."""
    start = document.find(TABLE_START)
    end = document.find(TABLE_END)
    if start < 0 or end < start:
        raise ValueError(f"the document needs {TABLE_START} and then {TABLE_END}")
    return document[: start + len(TABLE_START)] + "\n" + table + "\n" + document[end:]


def compare(before: dict, after: dict) -> list[dict]:
    """Per page and concurrency in both files: after / before for p50, p95, req/s and queries."""
    old = {(row["name"], row["concurrency"]): row for row in before["pages"]}
    rows = []
    for row in after["pages"]:
        was = old.get((row["name"], row["concurrency"]))
        if was is None:
            continue
        rows.append(
            {
                "name": row["name"],
                "concurrency": row["concurrency"],
                **{key: _ratio(was[key], row[key]) for key in ("p50_ms", "p95_ms", "rps", "queries")},
            }
        )
    return rows


def _ratio(before: float, after: float) -> float | None:
    return round(after / before, 2) if before else None
