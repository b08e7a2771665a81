import io
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from tests.cast import built_once
from tumbuh.access.policy import can
from tumbuh.coaching.models import (
    ActionItem,
    Contract,
    Engagement,
    EngagementStatus,
    Feedback,
    Goal,
    GoalProgress,
    PeerInvitation,
    Session,
    SessionStatus,
)
from tumbuh.demo.management.commands.seed_demo import DEMO_PASSWORD
from tumbuh.people.models import Agency, Employee, PositionType, Role, RoleGrant, Unit
from tumbuh.people.nip import parse_nip
from tumbuh.service.models import ProviderProfile, ServiceRequest, Topic, WeeklyAvailability

pytestmark = pytest.mark.django_db


def check_login(username: str, password: str) -> Employee | None:
    """authenticate() as the login page calls it: with the request, which axes needs to count failures."""
    return authenticate(RequestFactory().post("/accounts/login/"), username=username, password=password)


SEEDED_MODELS = (
    Agency,
    Unit,
    Employee,
    RoleGrant,
    Engagement,
    Session,
    Goal,
    ActionItem,
    Contract,
    GoalProgress,
    Feedback,
    PeerInvitation,
)


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in SEEDED_MODELS}


@pytest.fixture(scope="module")
def output(django_db_setup, django_db_blocker):
    # Seeded once for the module, in a transaction rolled back at its end; each test runs in a savepoint.
    with built_once(django_db_blocker):
        yield seed()


def test_second_run_changes_nothing(output):
    first = counts()
    engagements = list(Engagement.objects.order_by("pk").values_list("pk", "status", "started_at"))

    seed()

    assert counts() == first
    assert list(Engagement.objects.order_by("pk").values_list("pk", "status", "started_at")) == engagements
    assert first["Agency"] == 1
    assert first["Unit"] == 28
    assert first["Engagement"] == 12
    assert first["Session"] > 0
    assert first["Goal"] > 0
    assert first["ActionItem"] > 0


def test_the_demo_shows_good_practice(output):
    started = Engagement.objects.exclude(status=EngagementStatus.REQUESTED)
    # Every started engagement has its contract; one still waits for the coachee, in Indonesian terms.
    assert Contract.objects.count() == started.count()
    pending = Contract.objects.filter(coachee_accepted_at__isnull=True).get()
    assert pending.engagement.topic == "Membangun kepercayaan diri saat presentasi"
    assert pending.confidentiality.startswith("Apa yang kita bicarakan dalam coaching")
    # Budi's engagement: a GROW session with SBI feedback, and a SMART goal with its progress.
    grow = Session.objects.get(canvas="grow")
    assert grow.engagement.coachee.email == "budi@babelprov.go.id"
    assert set(grow.stage_notes) == {"goal", "reality", "options", "will"}
    assert grow.feedback.get().given_by == grow.engagement.coach
    goal = Goal.objects.get(title__startswith="Mendelegasikan minimal tiga tugas")
    assert (goal.unit, goal.baseline, goal.target) == ("tugas", 0, 3)
    assert [p.value for p in GoalProgress.objects.filter(goal=goal)] == [0, 1, 2]
    assert PeerInvitation.objects.get().invitee.email == "budi@babelprov.go.id"


def test_second_run_keeps_a_changed_password(output):
    budi = Employee.objects.get(email="budi@babelprov.go.id")
    budi.set_password("rahasia-budi-baru")
    budi.save()

    seed()

    assert check_login("budi@babelprov.go.id", "rahasia-budi-baru") == budi
    assert check_login("budi@babelprov.go.id", DEMO_PASSWORD) is None


def test_people_have_valid_nips_and_unique_emails(output):
    people = list(Employee.objects.exclude(email="admin@tumbuh.local"))

    assert 55 <= Employee.objects.count() <= 70
    for person in people:
        nip = parse_nip(person.nip, asn_type=person.asn_type)
        assert nip.appointment.year - nip.birth_date.year > 18, person
        assert person.email == person.email.lower()
        assert person.email.isascii()
    assert len({person.email for person in people}) == len(people)


def test_supervisors_follow_the_opd_hierarchy(output):
    opds = Unit.objects.filter(parent=None)
    staff = Employee.objects.exclude(email="admin@tumbuh.local").select_related("unit", "supervisor__unit")

    assert opds.count() == 7
    for opd in opds:
        assert 2 <= opd.children.count() <= 3
    for person in staff:
        opd = person.unit.parent or person.unit
        if person.supervisor is None:
            assert person.unit == opd, person
            assert person.position_type == PositionType.STRUCTURAL_HIGH, person
        else:
            assert (person.supervisor.unit.parent or person.supervisor.unit) == opd, person
    assert Employee.objects.filter(supervisor=None).count() == 7 + 1


def test_five_coaches_three_of_them_widyaiswara(output):
    coaches = Employee.objects.filter(role_grants__role=Role.COACH)

    assert coaches.count() == 5
    assert coaches.filter(is_widyaiswara=True).count() == 3
    assert coaches.filter(role_grants__role=Role.MENTOR).count() == 1
    assert coaches.filter(role_grants__role=Role.CONSULTANT).count() == 1


def test_nobody_is_coached_by_their_direct_supervisor(output):
    engagements = Engagement.objects.select_related("coach", "coachee")

    for engagement in engagements:
        assert engagement.coachee.supervisor_id != engagement.coach_id, engagement
        assert engagement.coach.supervisor_id != engagement.coachee_id, engagement
        assert engagement.coach_id != engagement.coachee_id
    assert engagements.filter(status=EngagementStatus.REQUESTED).count() == 1
    assert engagements.filter(status=EngagementStatus.COMPLETED).exists()


def test_open_and_closed_engagements_have_sessions_goals_and_actions(output):
    for engagement in Engagement.objects.exclude(status=EngagementStatus.REQUESTED):
        assert 1 <= engagement.sessions.filter(status=SessionStatus.HELD).count() <= 4
        assert 1 <= engagement.goals.count() <= 2
        assert 2 <= engagement.action_items.count() <= 3


def test_named_demo_people(output):
    sari = Employee.objects.get(email="sari@babelprov.go.id")
    budi = Employee.objects.get(email="budi@babelprov.go.id")
    wayan = Employee.objects.get(email="wayan@babelprov.go.id")
    rina = Employee.objects.get(email="rina@babelprov.go.id")
    admin = Employee.objects.get(email="admin@tumbuh.local")

    assert budi.full_name == "Budi Santoso, S.E."
    assert budi.supervisor == wayan
    assert sari.has_role(Role.COACH)
    assert sari.is_widyaiswara
    assert sari.time_zone == "Asia/Makassar"
    assert Engagement.objects.filter(coach=sari, coachee=budi, topic="Delegasi tugas di tim baru").exists()
    assert rina.has_role(Role.SERVICE_ADMIN)
    assert rina.is_staff
    # Her back-office is decided by rules, not by a group of Django permissions.
    assert not rina.groups.exists()
    assert can(rina, "people.manage_employee", budi)
    assert not can(rina, "people.manage_access", budi)
    assert not can(rina, "people.manage_platform")
    assert admin.is_superuser
    assert Employee.objects.get(role_grants__role=Role.LEADER).position.startswith("Kepala Badan Kepegawaian")
    assert admin.nip is None


def test_demo_password_logs_in_with_email_and_nip(output):
    budi = Employee.objects.get(email="budi@babelprov.go.id")

    assert check_login("budi@babelprov.go.id", DEMO_PASSWORD) == budi
    assert check_login(budi.nip, DEMO_PASSWORD) == budi
    assert check_login("admin@tumbuh.local", DEMO_PASSWORD).is_superuser


def test_output_lists_the_demo_logins_on_every_run(output):
    again = seed()

    for text in (output, again):
        assert DEMO_PASSWORD in text
        assert "budi@babelprov.go.id" in text
        assert Employee.objects.get(email="budi@babelprov.go.id").nip in text


@pytest.mark.django_db
def test_seed_builds_the_service_pool_once():
    call_command("seed_demo", stdout=io.StringIO())
    counts = (
        Topic.objects.count(),
        ProviderProfile.objects.count(),
        WeeklyAvailability.objects.count(),
        ServiceRequest.objects.count(),
    )
    call_command("seed_demo", stdout=io.StringIO())
    assert (
        (
            Topic.objects.count(),
            ProviderProfile.objects.count(),
            WeeklyAvailability.objects.count(),
            ServiceRequest.objects.count(),
        )
        == counts
        == (8, 5, 9, 3)
    )
    assert ServiceRequest.objects.get(status="submitted").requester.email == "budi@babelprov.go.id"
    closed = ServiceRequest.objects.get(status="closed")
    assert closed.recommendation.startswith("1. Petakan masalah")
