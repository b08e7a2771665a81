"""Queries and database time of each bench page, measured in-process (a step of `make bench`).

Usage: bench_probe.py SPEC.json OUT.json, run with the served checkout first on PYTHONPATH, its directory as the
working directory, and the bench's DATABASE_URL. SPEC is written by scripts/bench.py:
{"login_path", "password", "runs", "pages": [{"name", "method", "path", "body", "login", "token", "expect"}]}.
OUT maps each page name to {"queries", "db_ms"}, the median of RUNS runs after one warm-up.

bench_report comes from this script's folder (Python puts it first on sys.path). Only Django's own APIs are
used (the test Client, connection.execute_wrapper), so an older checkout can be probed as well as this one.
"""

import json
import os
import sys
import time
import uuid

import django
from bench_report import median_probe

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tumbuh.settings")
django.setup()

from django.db import connection  # noqa: E402 -- after django.setup()
from django.test import Client  # noqa: E402


class QueryTimer:
    """An execute wrapper that counts the queries it sees and adds up the time each takes."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def client_for(page: dict, spec: dict, logged_in: dict) -> tuple[Client, dict]:
    """A client for PAGE's person (one login each, kept) and the headers its requests carry."""
    if page.get("token"):
        return Client(HTTP_HOST="127.0.0.1"), {"HTTP_AUTHORIZATION": f"Bearer {page['token']}"}
    login = page.get("login")
    if not login:
        return Client(HTTP_HOST="127.0.0.1"), {}
    if login not in logged_in:
        client = Client(HTTP_HOST="127.0.0.1")
        answer = client.post(spec["login_path"], {"username": login, "password": spec["password"]})
        if answer.status_code != 302:
            sys.exit(f"bench_probe: logging in as {login} answered {answer.status_code}, not a redirect")
        logged_in[login] = client
    return logged_in[login], {}


def fetch(client: Client, page: dict, headers: dict):
    if page["method"] == "POST":
        body = page["body"].replace("{n}", f"probe-{uuid.uuid4().hex[:12]}")
        return client.post(page["path"], body, content_type="application/json", **headers)
    return client.get(page["path"], **headers)


def probe(page: dict, spec: dict, logged_in: dict) -> dict:
    client, headers = client_for(page, spec, logged_in)
    runs = []
    for attempt in range(spec["runs"] + 1):
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            answer = fetch(client, page, headers)
        if answer.status_code != page["expect"]:
            sys.exit(f"bench_probe: {page['name']} ({page['path']}) answered {answer.status_code}")
        if attempt:  # the first run warms caches and templates
            runs.append((timer.count, timer.seconds))
    return median_probe(runs)


def main(spec_path: str, out_path: str) -> None:
    with open(spec_path) as handle:
        spec = json.load(handle)
    logged_in: dict = {}
    figures = {page["name"]: probe(page, spec, logged_in) for page in spec["pages"]}
    with open(out_path, "w") as handle:
        json.dump(figures, handle, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:3])
