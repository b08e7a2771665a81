"""HTTP for `make bench`: one request without redirects, a real login through the form, the two-node check."""

import http.client
import re
import urllib.parse
from http.cookies import SimpleCookie

LOGIN_PATH = "/accounts/login/"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class BenchError(RuntimeError):
    """A step failed; the message says which and what to look at."""


def request(port: int, method: str, path: str, *, headers: dict | None = None, body: str | None = None):
    """One request, redirects not followed: (status, headers, text)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        answer = conn.getresponse()
        return answer.status, answer.headers, answer.read().decode("utf-8", "replace")
    finally:
        conn.close()


def cookies_set(headers) -> dict:
    jar: SimpleCookie = SimpleCookie()
    for line in headers.get_all("Set-Cookie") or []:
        jar.load(line)
    return {name: morsel.value for name, morsel in jar.items()}


def cookie_header(cookies: dict) -> dict:
    return {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())}


def csrf_form_token(text: str) -> str:
    found = CSRF_FIELD.search(text)
    if not found:
        raise BenchError("no csrfmiddlewaretoken in the page")
    return found.group(1)


def form_post(port: int, path: str, cookies: dict, fields: dict):
    headers = {**cookie_header(cookies), "Content-Type": "application/x-www-form-urlencoded"}
    return request(port, "POST", path, headers=headers, body=urllib.parse.urlencode(fields))


def log_in(port: int, login: str, password: str) -> dict:
    """A real login through the form: the session and CSRF cookies it leaves."""
    status, headers, text = request(port, "GET", LOGIN_PATH)
    if status != 200:
        raise BenchError(f"the login page answered {status}")
    cookies = cookies_set(headers)
    fields = {"username": login, "password": password, "csrfmiddlewaretoken": csrf_form_token(text)}
    status, headers, _text = form_post(port, LOGIN_PATH, cookies, fields)
    cookies.update(cookies_set(headers))
    if status != 302 or "sessionid" not in cookies:
        raise BenchError(f"logging in as {login} answered {status} without a session")
    return cookies


def cross_node_check(nodes: list[int], login: str, password: str) -> dict:
    """A login made on node A is valid on node B, and a form whose CSRF token came from A posts on B."""
    first, second = nodes[0], nodes[1]
    cookies = log_in(first, login, password)
    logged_out = request(second, "GET", "/")[0]
    logged_in = request(second, "GET", "/", headers=cookie_header(cookies))[0]
    status, headers, page = request(first, "GET", "/", headers=cookie_header(cookies))
    cookies.update(cookies_set(headers))
    fields = {"language": "id", "next": "/"}
    without_token = form_post(second, "/i18n/setlang/", cookies, fields)[0]
    token = {"csrfmiddlewaretoken": csrf_form_token(page)}
    with_token = form_post(second, "/i18n/setlang/", cookies, {**fields, **token})[0]
    # Each "yes" is checked against its "no": the same request without the session or the token is refused.
    return {
        "count": len(nodes),
        "cross_node_login": logged_out == 302 and logged_in == 200 and status == 200,
        "cross_node_csrf": without_token == 403 and with_token == 302,
        "statuses": {
            "home_on_b_logged_out": logged_out,
            "home_on_b_logged_in_on_a": logged_in,
            "setlang_on_b_without_token": without_token,
            "setlang_on_b_with_token_from_a": with_token,
        },
    }
