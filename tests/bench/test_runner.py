"""`make bench`'s pure parts: wrk's summary, results.json, the budgets, the table in docs/performance.md,
the pages it measures and the nginx in front of two nodes. The run itself is proven by running it."""

import datetime
import json
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"

# Printed by scripts/bench_wrk.lua against a small HTTP server (wrk 4.1, 2 threads, 4 connections, 2 s).
WRK_OUTPUT = """Running 2s test @ http://127.0.0.1:8199/
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.28ms    2.72ms  19.50ms   79.50%
  1933 requests in 2.01s, 866.45KB read
Requests/sec:    961.54
BENCH_JSON {"requests": 1933, "duration_us": 2010323, "unexpected": 0, "errors": {"connect": 0, "read": 0, \
"write": 0, "status": 0, "timeout": 0}, "latency_us": {"p50": 3449, "p95": 9809, "p99": 13444, "mean": 4281.9, \
"max": 19500}}
"""

WORLD = {
    "scale": 0.02,
    "seconds": 12.5,
    "tables": {},
    "password": "secret",
    "people": {
        role: {"id": number, "login": f"{role}@example.go.id", "token": f"tmb_{role}"}
        for number, role in enumerate(
            ["coachee", "coach", "supervisor", "service_admin", "platform_admin", "provider", "requester"], start=10
        )
    },
    "objects": {
        "engagement_id": 101,
        "session_id": 202,
        "coach_engagement_id": 303,
        "request_id": 404,
        "bookable_request_id": 707,
        "profile_id": 505,
        "admin_agency_id": 606,
    },
}


@pytest.fixture
def report(monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    import bench_report

    return bench_report


@pytest.fixture
def pages(monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    import bench_pages

    return bench_pages


@pytest.fixture
def bench(monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    import bench

    return bench


def row(name, concurrency, *, p50=5.0, p95=10.0, db_ms=2.0, errors=0, queries=4):
    return {
        "name": name,
        "path": f"/{name}/",
        "concurrency": concurrency,
        "p50_ms": p50,
        "p95_ms": p95,
        "p99_ms": p95 + 1,
        "rps": 100.0,
        "errors": errors,
        "queries": queries,
        "db_ms": db_ms,
    }


def test_wrk_summary_is_read_in_milliseconds_and_requests_per_second(report):
    assert report.parse_wrk_output(WRK_OUTPUT) == {
        "requests": 1933,
        "seconds": 2.01,
        "rps": 961.5,
        "p50_ms": 3.45,
        "p95_ms": 9.81,
        "p99_ms": 13.44,
        "errors": 0,
    }


def test_wrk_errors_count_every_answer_but_2xx_and_every_socket_error(report):
    output = WRK_OUTPUT.replace('"unexpected": 0', '"unexpected": 7').replace('"timeout": 0', '"timeout": 2')
    output = output.replace('"connect": 0', '"connect": 1')

    assert report.parse_wrk_output(output)["errors"] == 10


def test_wrk_output_without_the_scripts_summary_is_refused(report):
    with pytest.raises(report.WrkOutputError):
        report.parse_wrk_output("Running 2s test @ http://127.0.0.1:8199/\nunable to connect\n")


def test_probe_figures_are_the_medians_of_the_runs(report):
    runs = [(12, 0.004), (12, 0.003), (14, 0.010), (12, 0.002), (12, 0.005)]

    assert report.median_probe(runs) == {"queries": 12, "db_ms": 4.0}


def test_results_have_the_agreed_shape(report):
    pages = [row("healthz", 1, p50=1.5, p95=3.0), row("healthz", 8), row("home_coachee", 1), row("home_coachee", 8)]

    results = report.build_results(scale=0.02, pages=pages, seed_seconds=12.5, nodes={"count": 1}, machine={"cpus": 2})

    assert list(results)[:3] == ["scale", "floor", "pages"]
    assert set(results) - {"scale", "floor", "pages"} <= {"seed_seconds", "nodes", "budgets", "machine"}
    assert results["floor"] == {"p50_ms": 1.5, "p95_ms": 3.0, "rps": 100.0}
    assert [set(page) for page in results["pages"]] == [
        {"name", "path", "concurrency", "p50_ms", "p95_ms", "p99_ms", "rps", "errors", "queries", "db_ms"}
    ] * 4
    assert json.loads(json.dumps(results)) == results


def test_a_page_row_joins_wrk_and_the_probe(report):
    load = report.parse_wrk_output(WRK_OUTPUT)

    built = report.page_row(name="canvas", path="/c/", concurrency=8, load=load, probe={"queries": 9, "db_ms": 3.2})

    assert built == {
        "name": "canvas",
        "path": "/c/",
        "concurrency": 8,
        "p50_ms": 3.45,
        "p95_ms": 9.81,
        "p99_ms": 13.44,
        "rps": 961.5,
        "errors": 0,
        "queries": 9,
        "db_ms": 3.2,
    }


def failures(report, pages, floor_p50=2.0):
    verdicts = report.check_budgets(pages, {"p50_ms": floor_p50, "p95_ms": 4.0, "rps": 500.0})
    return sorted((v["page"], v["concurrency"], v["rule"]) for v in verdicts if not v["ok"])


def test_key_pages_keep_p95_within_50_ms_at_8_clients(report):
    pages = [row("canvas", 8, p95=50.0), row("booking", 8, p95=50.1), row("booking", 1, p95=80.0)]

    assert failures(report, pages) == [("booking", 8, "p95 at concurrency 8")]


def test_each_page_p50_stays_within_one_and_a_half_its_database_time_plus_the_floor(report):
    # Limit: 1.5 x 4 ms + 2 ms floor = 8 ms, at one client.
    pages = [row("canvas", 1, p50=8.0, db_ms=4.0), row("booking", 1, p50=8.1, db_ms=4.0)]

    assert failures(report, pages) == [("booking", 1, "p50 <= 1.5 x db + floor")]


def test_the_figures_page_has_one_second_instead_of_50_ms(report):
    within = [row("figures", 1, p50=1.0, db_ms=1000.0, p95=1000.0), row("figures", 8, p95=3000.0)]
    over = [row("figures", 1, p50=1.0, db_ms=1000.0, p95=1000.5)]

    assert failures(report, within) == []
    assert failures(report, over) == [("figures", 1, "figures p95")]


def test_errors_break_a_budget_and_the_floor_is_not_judged(report):
    pages = [row("healthz", 8, p95=900.0, errors=3), row("canvas", 1, errors=1)]

    assert failures(report, pages) == [("canvas", 1, "no errors")]


DOC = """# Performance

How to run it.

<!-- bench:start -->
old table
<!-- bench:end -->

How to compare.
"""


def results_for(report):
    pages = [row("healthz", 1), row("canvas", 8, p95=75.0)]
    return report.build_results(
        scale=0.02,
        pages=pages,
        seed_seconds=1.0,
        nodes={"count": 2},
        machine={"cpus": 2, "commit": "abc1234", "date": "2026-01-01 00:00 UTC"},
    )


def test_the_table_marks_each_page_ok_or_the_budgets_it_breaks(report):
    table = report.markdown_table(results_for(report))

    assert table.splitlines()[0].startswith("Scale 0.02, 2 app node(s), 2 CPUs, commit abc1234")
    assert "| healthz | 1 | 5.0 | 10.0 | 11.0 | 100 | 0 | 4 | 2.0 | ok |" in table
    assert "| canvas | 8 | 5.0 | 75.0 | 76.0 | 100 | 0 | 4 | 2.0 | FAIL: p95 at concurrency 8 |" in table


def test_the_table_replaces_only_what_is_between_the_markers(report):
    rewritten = report.rewrite_table(DOC, "new table")

    assert rewritten == DOC.replace("old table", "new table")
    assert report.rewrite_table(rewritten, "newer table") == DOC.replace("old table", "newer table")


def test_a_document_without_the_markers_is_refused(report):
    with pytest.raises(ValueError, match="bench:start"):
        report.rewrite_table("# Performance\n<!-- bench:end -->\n<!-- bench:start -->\n", "table")


def test_comparing_two_runs_gives_after_over_before_for_pages_in_both(report):
    before = {"pages": [row("canvas", 1, p50=10.0, p95=20.0, queries=8), row("gone", 1)]}
    after = {"pages": [row("canvas", 1, p50=5.0, p95=30.0, queries=4), row("new", 1)]}

    assert report.compare(before, after) == [
        {"name": "canvas", "concurrency": 1, "p50_ms": 0.5, "p95_ms": 1.5, "rps": 1.0, "queries": 0.5}
    ]


def test_the_pages_are_named_and_built_from_the_worlds_ids(pages):
    built = pages.bench_pages(WORLD, datetime.date(2026, 3, 1))

    assert [(page["name"], page["role"], page["method"], page["path"]) for page in built] == [
        ("healthz", None, "GET", "/healthz"),
        ("home_coachee", "coachee", "GET", "/"),
        ("home_coach", "coach", "GET", "/"),
        ("home_supervisor", "supervisor", "GET", "/"),
        ("home_service_admin", "service_admin", "GET", "/"),
        ("home_platform_admin", "platform_admin", "GET", "/"),
        ("engagement_list", "coach", "GET", "/coaching/"),
        ("engagement_detail", "coachee", "GET", "/coaching/engagements/101/"),
        ("session_detail", "coachee", "GET", "/coaching/sessions/202/"),
        ("canvas", "coachee", "GET", "/coaching/sessions/202/canvas/"),
        ("booking", "requester", "GET", "/service/requests/707/book/"),
        ("message_thread", "requester", "GET", "/service/requests/404/messages/"),
        ("admin_queue", "service_admin", "GET", "/service/admin/queue/"),
        ("figures", "service_admin", "GET", "/service/admin/figures/"),
        ("api_engagements", "coach", "GET", "/api/v1/engagements"),
        ("api_sessions", "coachee", "GET", "/api/v1/engagements/101/sessions"),
        ("api_actions", "coachee", "GET", "/api/v1/engagements/101/actions"),
        ("api_requests_admin", "service_admin", "GET", "/api/v1/service/requests"),
        ("api_requests_requester", "requester", "GET", "/api/v1/service/requests"),
        ("api_create_action", "coach", "POST", "/api/v1/engagements/303/actions"),
    ]
    create = built[-1]
    assert create["expect"] == 201
    assert json.loads(create["body"]) == {"title": "Bench {n}", "owner_id": 11, "due_on": "2026-03-31"}


def test_api_pages_carry_a_token_and_the_others_a_session_cookie(pages):
    named = {page["name"]: page for page in pages.bench_pages(WORLD, datetime.date(2026, 3, 1))}
    sessions = {"coachee": {"sessionid": "s1", "csrftoken": "c1"}}

    assert pages.auth_header(named["api_actions"], WORLD, sessions) == "Authorization: Bearer tmb_coachee"
    assert pages.auth_header(named["canvas"], WORLD, sessions) == "Cookie: sessionid=s1; csrftoken=c1"
    assert pages.auth_header(named["healthz"], WORLD, sessions) == ""


def test_nginx_sends_requests_round_robin_to_both_nodes_and_stays_in_the_foreground(bench, tmp_path):
    conf = bench.nginx_config(listen=8100, upstreams=[8101, 8102], var_dir=tmp_path, as_root=False)

    assert "daemon off;" in conf
    assert "listen 127.0.0.1:8100;" in conf
    assert "server 127.0.0.1:8101;\n    server 127.0.0.1:8102;" in conf
    assert "user root;" not in conf
    assert f"pid {tmp_path / 'nginx.pid'};" in conf
