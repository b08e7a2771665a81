"""Every URL pattern × every role, with the outcome each must get.

A new URL without a row here fails `test_every_url_has_an_expected_outcome`: nobody adds a page
without deciding who may open it. Object pages are probed with the objects of one engagement
(Sari coaches Budi); Wayan is Budi's supervisor and Rina the agency's service admin: neither may
see the engagement, its sessions or its actions.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import ActionItemFactory, SessionFactory
from tumbuh.people.services import create_api_token

ROLES = ["anonymous", "coachee", "coach", "supervisor", "admin"]
LOGIN = "login"  # a redirect to the login page


def row(anonymous, coachee, coach, supervisor, admin, method="GET"):
    return method, dict(zip(ROLES, [anonymous, coachee, coach, supervisor, admin], strict=True))


def everyone(outcome, method="GET", anonymous=None):
    return row(anonymous if anonymous is not None else outcome, outcome, outcome, outcome, outcome, method)


PARTICIPANTS_ONLY = row(LOGIN, 200, 200, 404, 404)
COACH_ONLY = row(LOGIN, 403, 200, 404, 404)
API_PARTICIPANTS_ONLY = row(401, 200, 200, 404, 404)
SIGNED_IN = everyone(200, anonymous=LOGIN)

EXPECTED = {
    "home": SIGNED_IN,
    "healthz": everyone(200),
    "set_language": everyone(302, method="POST"),
    "login": everyone(302, anonymous=200),
    "logout": everyone(302, method="POST"),
    "password_reset": everyone(200),
    "password_reset_done": everyone(200),
    "password_reset_confirm": everyone(200),
    "password_reset_complete": everyone(200),
    "password_change": SIGNED_IN,
    "people:profile": SIGNED_IN,
    "people:token-create": everyone(302, method="POST"),
    # The token belongs to Budi: only he may revoke it.
    "people:token-revoke": row(LOGIN, 302, 404, 404, 404, method="POST"),
    "coaching:engagement-list": SIGNED_IN,
    "coaching:engagement-detail": PARTICIPANTS_ONLY,
    "coaching:session-create": COACH_ONLY,
    "coaching:goal-create": PARTICIPANTS_ONLY,
    "coaching:action-create": PARTICIPANTS_ONLY,
    "coaching:session-detail": PARTICIPANTS_ONLY,
    "coaching:session-edit": COACH_ONLY,
    "coaching:action-toggle": row(LOGIN, 302, 302, 404, 404, method="POST"),
    # The schema and its viewer hold no data; every endpoint below checks its caller.
    "api:openapi-json": everyone(200),
    "api:openapi-view": everyone(200),
    "api:api-root": everyone(404),
    "api:me": everyone(200, anonymous=401),
    "api:list_engagements": everyone(200, anonymous=401),
    "api:get_engagement": API_PARTICIPANTS_ONLY,
    "api:list_sessions": API_PARTICIPANTS_ONLY,
    "api:create_session": API_PARTICIPANTS_ONLY,  # same path as list_sessions; writes are in tests/api
    "api:get_session": API_PARTICIPANTS_ONLY,
    "api:update_session": API_PARTICIPANTS_ONLY,
    "api:list_goals": API_PARTICIPANTS_ONLY,
    "api:create_goal": API_PARTICIPANTS_ONLY,
    "api:list_actions": API_PARTICIPANTS_ONLY,
    "api:create_action": API_PARTICIPANTS_ONLY,
    "api:patch_action": everyone(405),  # PATCH only; the write is checked per role in tests/api
}


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield ":".join(filter(None, [namespace, pattern.name])), prefix + str(pattern.pattern), pattern


def all_url_names() -> list[str]:
    return sorted({name for name, _route, _p in _walk(get_resolver().url_patterns) if name.split(":")[0] != "admin"})


def admin_routes() -> list[str]:
    return sorted({route for name, route, _p in _walk(get_resolver().url_patterns) if name.split(":")[0] == "admin"})


def test_every_url_has_an_expected_outcome():
    missing = [name for name in all_url_names() if name not in EXPECTED]
    stale = [name for name in EXPECTED if name not in all_url_names()]
    assert missing == [], f"URLs without an expected outcome per role: {missing}"
    assert stale == [], f"Expected outcomes for URLs that no longer exist: {stale}"


@pytest.fixture
def world(engagement, budi, sari, wayan, rina):
    session = SessionFactory(engagement=engagement)
    action = ActionItemFactory(engagement=engagement, session=session)
    token, _raw = create_api_token(employee=budi, name="skrip")
    people = {"anonymous": None, "coachee": budi, "coach": sari, "supervisor": wayan, "admin": rina}
    ids = {
        "pk": {"engagement": engagement.pk, "session": session.pk, "action": action.pk, "token": token.pk},
        "engagement_id": engagement.pk,
        "session_id": session.pk,
        "action_id": action.pk,
    }
    return people, ids


def _url_for(name: str, ids) -> str:
    route = next(route for n, route, _p in _walk(get_resolver().url_patterns) if n == name)
    if "<int:pk>" in route:
        kind = (
            "token"
            if "token" in name
            else "session"
            if "session-detail" in name or "session-edit" in name
            else "action"
            if "action-toggle" in name
            else "engagement"
        )
        route = route.replace("<int:pk>", str(ids["pk"][kind]))
    for key in ("engagement_id", "session_id", "action_id"):
        route = route.replace(f"<{key}>", str(ids[key]))
    route = route.replace("<uidb64>", "MQ").replace("<token>", "set-password")
    return "/" + route


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_gives_the_expected_outcome_to_each_role(name, role, world, client, password):
    people, ids = world
    method, outcomes = EXPECTED[name]
    if people[role] is not None:
        client.force_login(people[role])
    url = _url_for(name, ids)
    response = client.post(url) if method == "POST" else client.get(url)
    expected = outcomes[role]
    if expected == LOGIN:
        assert response.status_code == 302, f"{method} {url} as {role}"
        assert response["Location"].startswith("/accounts/login/?next="), f"{method} {url} as {role}"
    else:
        assert response.status_code == expected, f"{method} {url} as {role}: got {response.status_code}"


@pytest.mark.parametrize("role", ["anonymous", "coachee", "coach", "supervisor"])
def test_back_office_is_closed_to_everyone_without_staff_access(role, world, client):
    people, _ids = world
    if people[role] is not None:
        client.force_login(people[role])
    for route in admin_routes():
        url = "/" + route.replace("<path:object_id>", "1").replace("<id>", "1")
        url = url.replace("<app_label>", "coaching").replace("<int:content_type_id>", "1").replace("<path:url>", "x")
        response = client.get(url)
        if url == "/admin/login/":
            # The back-office login form itself; it tells a signed-in non-staff person they lack access.
            assert response.status_code in (200, 302), f"{url} as {role}"
            continue
        assert response.status_code in (302, 404), f"{url} as {role}: {response.status_code}"
        if response.status_code == 302:
            location = response["Location"]
            # Logging out of the back-office sends you to its front door, which is itself closed.
            allowed = (
                ("/admin/login/", "/accounts/login/", "/admin/")
                if url == "/admin/logout/"
                else ("/admin/login/", "/accounts/login/")
            )
            assert location.startswith(allowed), f"{url} as {role}: {location}"
