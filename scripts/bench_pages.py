"""The pages `make bench` measures, who asks for each and how, the check before the load, and one wrk run."""

import datetime
import json
import os
import subprocess
from pathlib import Path

from bench_http import BenchError, cookie_header, request
from bench_report import parse_wrk_output

LUA = Path(__file__).resolve().parent / "bench_wrk.lua"


def bench_pages(world: dict, today: datetime.date) -> list[dict]:
    """The measured pages: name, whose request (session login, API token or nobody), method, path, body."""
    ids, people = world["objects"], world["people"]

    def page(name, role, path, *, token=False, method="GET", body="", expect=200):
        return {
            "name": name,
            "role": role,
            "token": token,
            "path": path,
            "method": method,
            "body": body,
            "expect": expect,
        }

    due = (today + datetime.timedelta(days=30)).isoformat()
    action = {"title": "Bench {n}", "owner_id": people["coach"]["id"], "due_on": due}
    return [
        page("healthz", None, "/healthz"),
        *(
            page(f"home_{role}", role, "/")
            for role in ("coachee", "coach", "supervisor", "service_admin", "platform_admin")
        ),
        page("engagement_list", "coach", "/coaching/"),
        page("engagement_detail", "coachee", f"/coaching/engagements/{ids['engagement_id']}/"),
        page("session_detail", "coachee", f"/coaching/sessions/{ids['session_id']}/"),
        # The coachee's held GROW session: the canvas as its reader sees it, with the coach's notes.
        page("canvas", "coachee", f"/coaching/sessions/{ids['session_id']}/canvas/"),
        # An accepted request not booked yet, when the world names one (the thread's request is booked already).
        page("booking", "requester", f"/service/requests/{ids.get('bookable_request_id', ids['request_id'])}/book/"),
        page("message_thread", "requester", f"/service/requests/{ids['request_id']}/messages/"),
        page("admin_queue", "service_admin", "/service/admin/queue/"),
        page("figures", "service_admin", "/service/admin/figures/"),
        page("api_engagements", "coach", "/api/v1/engagements", token=True),
        page("api_sessions", "coachee", f"/api/v1/engagements/{ids['engagement_id']}/sessions", token=True),
        page("api_actions", "coachee", f"/api/v1/engagements/{ids['engagement_id']}/actions", token=True),
        page("api_requests_admin", "service_admin", "/api/v1/service/requests", token=True),
        page("api_requests_requester", "requester", "/api/v1/service/requests", token=True),
        # Last: it adds action items (to the coach's other engagement, so api_actions keeps its 50).
        page(
            "api_create_action",
            "coach",
            f"/api/v1/engagements/{ids['coach_engagement_id']}/actions",
            token=True,
            method="POST",
            body=json.dumps(action),
            expect=201,
        ),
    ]


def auth_header(page: dict, world: dict, sessions: dict) -> str:
    """The one header line that carries PAGE's person (scripts/bench_wrk.lua's BENCH_AUTH)."""
    if page["role"] is None:
        return ""
    if page["token"]:
        return f"Authorization: Bearer {world['people'][page['role']]['token']}"
    return "Cookie: " + cookie_header(sessions[page["role"]])["Cookie"]


def check_pages(port: int, pages: list[dict], world: dict, sessions: dict, stamp: str) -> None:
    """Every page answers as expected once before any load: a broken world fails here, loudly."""
    for page in pages:
        name, _sep, value = auth_header(page, world, sessions).partition(": ")
        headers = {name: value} if name else {}
        body = None
        if page["method"] == "POST":
            headers["Content-Type"] = "application/json"
            body = page["body"].replace("{n}", f"{stamp}-check")
        status, _headers, text = request(port, page["method"], page["path"], headers=headers, body=body)
        if status != page["expect"]:
            raise BenchError(
                f"{page['name']} ({page['method']} {page['path']} as {page['role']}) answered {status}, "
                f"not {page['expect']}: {text[:300]}"
            )


def load(port: int, page: dict, header: str, *, clients: int, seconds: int, stamp: str, wrk: str) -> dict:
    """One wrk run against PAGE; its summary (scripts/bench_report.parse_wrk_output)."""
    env = {
        **os.environ,
        "BENCH_METHOD": page["method"],
        "BENCH_AUTH": header,
        "BENCH_BODY": page["body"],
        "BENCH_STAMP": stamp,
    }
    argv = [wrk, "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{seconds}s", "--timeout", "30s"]
    argv += ["-s", str(LUA), f"http://127.0.0.1:{port}{page['path']}"]
    done = subprocess.run(argv, env=env, capture_output=True, text=True)  # noqa: S603 -- wrk, found by which
    if done.returncode:
        raise BenchError(f"wrk failed on {page['name']}: {done.stderr}")
    return parse_wrk_output(done.stdout)
