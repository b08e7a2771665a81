"""manage.py bench_seed: the benchmark's data set, its named people, and its refusal to touch other data."""

import json
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test import Client, RequestFactory

from tests.cast import built_once
from tumbuh.bench.plan import AT_SCALE_ONE
from tumbuh.coaching.models import ActionItem, Contract, Engagement, Goal, GoalProgress, Session
from tumbuh.notifications.models import Notification
from tumbuh.people.models import Agency, ApiToken, Employee, RoleGrant, Unit
from tumbuh.people.nip import parse_nip
from tumbuh.service.models import Booking, Message, ProviderProfile, ServiceRequest, WeeklyAvailability

# Two agencies (so the big agency's share of the requests shows), small enough for SQLite's recursive series.
SCALE = 0.015
pytestmark = pytest.mark.django_db


def seed(path, scale: float, *extra: str) -> dict:
    call_command("bench_seed", f"--scale={scale}", f"--out={path}", *extra, stdout=StringIO())
    return json.loads(path.read_text())


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    with built_once(django_db_blocker):
        yield seed(tmp_path_factory.mktemp("bench") / "world.json", SCALE)


def expected(name: str, scale: float = SCALE) -> int:
    return max(1, round(AT_SCALE_ONE[name] * scale))


def person(world, role: str) -> Employee:
    return Employee.objects.get(pk=world["people"][role]["id"])


def test_counts_follow_the_proportions(world):
    counted = {
        "agencies": Agency,
        "employees": Employee,
        "engagements": Engagement,
        "sessions": Session,
        "action_items": ActionItem,
        "service_requests": ServiceRequest,
        "messages": Message,
        "notifications": Notification,
        "goals": Goal,
        "goal_progress": GoalProgress,
        "contracts": Contract,
    }
    assert {name: model.objects.count() for name, model in counted.items()} == {
        name: expected(name) for name in counted
    }
    assert ServiceRequest.objects.filter(agency_id=1).count() == expected("big_agency_requests")
    assert ServiceRequest.objects.exclude(agency_id=1).count() == expected("service_requests") - expected(
        "big_agency_requests"
    )


def test_the_output_counts_every_row_it_wrote(world):
    for model in (Employee, Session, ActionItem, Message, Booking, ApiToken):
        assert world["tables"][model._meta.db_table]["rows"] == model.objects.count()
    assert world["scale"] == SCALE
    assert world["seconds"] > 0
    assert set(world["people"]) == {
        "coachee",
        "coach",
        "supervisor",
        "service_admin",
        "platform_admin",
        "provider",
        "requester",
    }
    assert set(world["objects"]) >= {
        "engagement_id",
        "session_id",
        "coach_engagement_id",
        "request_id",
        "profile_id",
        "admin_agency_id",
    }


def test_every_agency_has_a_unit_tree_and_reporting_lines(world):
    for agency in Agency.objects.all():
        roots = Unit.objects.filter(agency=agency, parent=None)
        assert roots.count() == 1
        assert Unit.objects.filter(agency=agency).count() == world["counts"]["units_per_agency"]
    # One head per agency reports to nobody; everyone else has a supervisor in their own agency.
    heads = Employee.objects.filter(supervisor=None).order_by("agency")
    assert list(heads.values_list("agency", "position_type")) == [(a, "high_leader") for a in (1, 2)]
    assert not Employee.objects.exclude(unit__agency=F("agency")).exists()
    assert not Employee.objects.exclude(supervisor=None).exclude(supervisor__agency=F("agency")).exists()


def test_every_nip_is_valid_and_unique(world):
    nips = list(Employee.objects.values_list("nip", "asn_type"))
    for nip, asn_type in nips:
        parse_nip(nip, asn_type=asn_type)
    assert len({nip for nip, _ in nips}) == len(nips)


@pytest.mark.parametrize(
    "model",
    [Agency, Unit, Employee, RoleGrant, ProviderProfile, WeeklyAvailability, Engagement, Contract, Goal]
    + [GoalProgress, Session, ActionItem, ServiceRequest, Booking, Message, Notification],
)
def test_rows_pass_the_models_validation(world, model):
    rows = model.objects.order_by("pk")
    total = rows.count()
    for index in sorted({0, 1, total // 3, total // 2, total - 1}):
        rows[index].full_clean()


def test_rows_pass_the_database_foreign_keys(world):
    # PostgreSQL checked each statement as it ended; SQLite defers them to a commit a test never reaches.
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_key_check")
            assert cursor.fetchall() == []


def login(world, role: str):
    return authenticate(
        RequestFactory().post("/accounts/login/"),
        username=world["people"][role]["login"],
        password=world["password"],
    )


@pytest.mark.parametrize(
    "role", ["coachee", "coach", "supervisor", "service_admin", "platform_admin", "provider", "requester"]
)
def test_named_people_log_in_with_the_password(world, role):
    assert login(world, role) == person(world, role)


def test_a_stranger_cannot_log_in_with_a_wrong_password(world):
    assert (
        authenticate(RequestFactory().post("/accounts/login/"), username="coach@bench.tumbuh.test", password="x")
        is None
    )


@pytest.mark.parametrize(("role", "count"), [("coachee", 10), ("coach", 44)])
def test_tokens_open_the_api_to_their_engagements(world, role, count):
    client = Client(headers={"Authorization": f"Bearer {world['people'][role]['token']}"})
    response = client.get("/api/v1/engagements?page_size=100")
    assert response.status_code == 200
    body = response.json()
    mine = Engagement.objects.filter(**{role: person(world, role)})
    assert body["count"] == count == mine.count()
    assert {item["id"] for item in body["items"]} == set(mine.values_list("pk", flat=True))


def test_the_named_people_have_the_shapes_the_benchmark_measures(world):
    objects = world["objects"]
    coachee, coach = person(world, "coachee"), person(world, "coach")
    engagement = Engagement.objects.get(pk=objects["engagement_id"])
    assert engagement.coachee == coachee
    assert engagement.action_items.count() == 50
    assert engagement.sessions.count() == 30
    assert Engagement.objects.get(pk=objects["coach_engagement_id"]).coach == coach
    assert coachee.supervisor == person(world, "supervisor")
    assert person(world, "platform_admin").is_superuser
    assert RoleGrant.objects.filter(employee=person(world, "service_admin"), role="service_admin", agency_id=1).exists()
    assert objects["admin_agency_id"] == 1
    requester, provider = person(world, "requester"), person(world, "provider")
    assert ServiceRequest.objects.filter(requester=requester).count() == 50
    thread = ServiceRequest.objects.get(pk=objects["request_id"])
    assert (thread.requester, thread.provider) == (requester, provider)
    assert set(thread.messages.values_list("sender", flat=True)) == {requester.pk, provider.pk}
    assert thread.messages.count() == 200
    profile = ProviderProfile.objects.get(pk=objects["profile_id"])
    assert profile.employee == provider
    assert profile.weekly_availability.count() == 5


def test_the_pages_the_benchmark_opens_answer(world):
    objects = world["objects"]
    coachee = Client()
    coachee.force_login(person(world, "coachee"))
    assert coachee.get(f"/coaching/sessions/{objects['session_id']}/canvas/").status_code == 200
    requester = Client()
    requester.force_login(person(world, "requester"))
    booking = requester.get(f"/service/requests/{objects['bookable_request_id']}/book/")
    assert booking.status_code == 200
    assert booking.context["days"], "the booking page shows free slots"
    assert requester.get(f"/service/requests/{objects['request_id']}/messages/").status_code == 200
