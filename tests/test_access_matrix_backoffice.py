"""The back-office part of the access matrix: every registered model × page × role, GETs and real POSTs.

Two agencies: A (Babel: Budi, his supervisor Wayan, the coach Sari, the service admin Rina) and B (Citra, the
coach Dimas, their service admin Bayu); the platform admin belongs to neither. Rina and Bayu sit in a group
holding every Django model permission, as the demo once gave Rina: the back-office's rules decide regardless.

A write is the form as the page shows it (to whoever sends it, or to a platform admin when the sender cannot
open it) with a few values changed. After every write the row it aimed at is read again: a refused write left
it exactly as it was, an allowed one holds the expected value. A registered model without rows here fails
`test_every_registered_model_has_rows`. The world is built once for the module (each test rolls back).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from tests.backoffice import new_role_row, shown_form
from tests.factories import (
    AgencyFactory,
    CoachFactory,
    EmployeeFactory,
    EngagementFactory,
    SessionFactory,
    UnitFactory,
)
from tests.service.factories import ProviderProfileFactory, TopicFactory
from tumbuh.audit.models import AuditEvent
from tumbuh.audit.services import record_event
from tumbuh.coaching.models import Engagement, Session
from tumbuh.people.models import Agency, ApiToken, Employee, Role, RoleGrant, Unit
from tumbuh.people.services import create_api_token
from tumbuh.service.models import ProviderProfile, ServicePolicy, Topic

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "coachee", "coach", "supervisor", "admin", "platform", "other_admin"]
LOGIN = "login"  # sent to the back-office's login page
FORM = "form"  # the form comes back with an error (200); nothing saved
NEW_PASSWORD = "kata-sandi-Baru-2026"


@dataclass(frozen=True)
class Saved:
    """Redirected after saving, and the row now reads VALUE."""

    value: Any


def row(admin, platform, other_admin) -> dict[str, Any]:
    """Outcomes per role; no one without back-office access gets past the login page."""
    return dict.fromkeys(["anonymous", "coachee", "coach", "supervisor"], LOGIN) | {
        "admin": admin,
        "platform": platform,
        "other_admin": other_admin,
    }


@dataclass(frozen=True)
class Case:
    model: str  # app_label.model_name
    page: str
    url: Callable[[dict], str]
    outcomes: dict[str, Any]
    # A write: the changes to the shown form (a dict, or a function of the form and the world); None: a GET.
    changes: dict | Callable[[dict, dict], dict] | None = None
    state: Callable[[dict], Any] | None = None
    form_url: Callable[[dict], str] | None = None  # the page whose form is sent, if not URL
    extra: dict = field(default_factory=dict)


def admin_url(model: str, view: str, key: str | None = None, suffix: str = "") -> Callable[[dict], str]:
    app_label, model_name = model.split(".")

    def url(world: dict) -> str:
        args = [world[key].pk] if key else []
        return reverse(f"admin:{app_label}_{model_name}_{view}", args=args) + suffix

    return url


def password_url(key: str) -> Callable[[dict], str]:
    return lambda world: reverse("admin:auth_user_password_change", args=[world[key].pk])


def field_of(model, key: str, *names: str) -> Callable[[dict], Any]:
    """The row's current NAMES (one value or a tuple), or None once it is gone."""

    def state(world: dict) -> Any:
        values = model.objects.filter(pk=world[key].pk).values_list(*names).first()
        return None if values is None else (values[0] if len(names) == 1 else values)

    return state


def exists(model, **lookup) -> Callable[[dict], bool]:
    def state(world: dict) -> bool:
        resolved = {
            name: world[value].pk if isinstance(value, str) and value in world else value
            for name, value in lookup.items()
        }
        return model.objects.filter(**resolved).exists()

    return state


def still_there(model, key: str) -> Callable[[dict], bool]:
    return lambda world: model.objects.filter(pk=world[key].pk).exists()


def takes_new_password(key: str) -> Callable[[dict], bool]:
    return lambda world: Employee.objects.get(pk=world[key].pk).check_password(NEW_PASSWORD)


def role_row(role: str, agency: str) -> Callable[[dict, dict], dict]:
    return lambda form, world: new_role_row(form, role=role, agency=world[agency])


PASSWORD_FORM = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
DELETE = {"post": "yes"}


def crud(model: str, outcomes: dict[str, dict], *, add=None, change=None, state=None, objects=("a", "b")) -> list:
    """The usual pages of MODEL: list, add (page and POST), each object's page and POST, deleting object a."""
    key = model.split(".")[1]
    cls = MODEL_CLASSES[model]
    cases = [
        Case(model, "list", admin_url(model, "changelist"), outcomes["list"]),
        Case(model, "add page", admin_url(model, "add"), outcomes["add page"]),
    ]
    if add is not None:
        changes, made = add
        cases.append(Case(model, "add", admin_url(model, "add"), outcomes["add"], changes, made))
    for side in objects:
        obj = f"{key}_{side}"
        cases.append(Case(model, f"open {side}", admin_url(model, "change", obj), outcomes[f"open {side}"]))
        if change is not None:
            cases.append(
                Case(
                    model,
                    f"change {side}",
                    admin_url(model, "change", obj),
                    outcomes[f"change {side}"],
                    change,
                    state(obj) if state else None,
                )
            )
    if "delete a" in outcomes:
        cases.append(
            Case(
                model,
                "delete a",
                admin_url(model, "delete", f"{key}_a"),
                outcomes["delete a"],
                DELETE,
                still_there(cls, f"{key}_a"),
                form_url=lambda world: None,
            )
        )
    return cases


MODEL_CLASSES = {
    "people.agency": Agency,
    "people.unit": Unit,
    "people.employee": Employee,
    "people.apitoken": ApiToken,
    "auth.group": Group,
    "audit.auditevent": AuditEvent,
    "coaching.engagement": Engagement,
    "coaching.session": Session,
    "service.topic": Topic,
    "service.providerprofile": ProviderProfile,
    "service.servicepolicy": ServicePolicy,
}

PLATFORM_ONLY_PAGES = {
    "list": row(403, 200, 403),
    "add page": row(403, 200, 403),
    "add": row(403, Saved(True), 403),
    "open a": row(404, 200, 404),
    "open b": row(404, 200, 404),
    "change a": row(404, Saved("Diganti"), 404),
    "change b": row(404, Saved("Diganti"), 404),
    "delete a": row(404, Saved(False), 404),
}
# Records of an agency: hers in A, Bayu's in B; an add into A by Bayu is an invalid choice of agency.
AGENCY_PAGES = {
    "list": row(200, 200, 200),
    "add page": row(200, 200, 200),
    "add": row(Saved(True), Saved(True), FORM),
    "open a": row(200, 200, 404),
    "open b": row(404, 200, 200),
    "change a": row(Saved("Diganti"), Saved("Diganti"), 404),
    "change b": row(404, Saved("Diganti"), Saved("Diganti")),
    "delete a": row(Saved(False), Saved(False), 404),
}

CASES: list[Case] = [
    # Agencies: she reads her own; only platform admins add, rename or delete (A has people: protected, kept).
    *crud(
        "people.agency",
        AGENCY_PAGES
        | {
            "add page": row(403, 200, 403),
            "add": row(403, Saved(True), 403),
            "change a": row(403, Saved("Diganti"), 404),
            "change b": row(404, Saved("Diganti"), 403),
            "delete a": row(403, 200, 404),
        },
        add=({"name": "Pemerintah Kota Pangkalpinang"}, exists(Agency, name="Pemerintah Kota Pangkalpinang")),
        change={"name": "Diganti"},
        state=lambda key: field_of(Agency, key, "name"),
    ),
    # Units: hers to add and rename in A; deleting one (its sub-units and role grants go with it) is not.
    *crud(
        "people.unit",
        AGENCY_PAGES | {"delete a": row(403, Saved(False), 404)},
        add=(
            lambda form, world: form | {"agency": world["agency_a"].pk, "name": "Bidang Baru"},
            exists(Unit, name="Bidang Baru"),
        ),
        change={"name": "Diganti"},
        state=lambda key: field_of(Unit, key, "name"),
    ),
    # People. Rina's form saves the position and ignores is_staff / is_superuser; a platform admin's sets them.
    *crud(
        "people.employee",
        AGENCY_PAGES
        | {
            "change a": row(Saved(("Diganti", False, False)), Saved(("Diganti", True, True)), 404),
            "change b": row(404, Saved(("Diganti", True, True)), Saved(("Diganti", False, False))),
            "delete a": row(403, 200, 404),  # Budi is in an engagement: protected, kept
        },
        add=(
            lambda form, world: (
                form
                | {
                    "email": "ani@babelprov.go.id",
                    "full_name": "Ani Rahmawati",
                    "asn_type": "PNS",
                    "agency": world["agency_a"].pk,
                    "password1": NEW_PASSWORD,
                    "password2": NEW_PASSWORD,
                }
            ),
            exists(Employee, email="ani@babelprov.go.id"),
        ),
        change={"position": "Diganti", "is_staff": "on", "is_superuser": "on"},
        state=lambda key: field_of(Employee, key, "position", "is_staff", "is_superuser"),
    ),
    # Staff and superuser accounts, her own included, are closed to service admins.
    Case("people.employee", "open rina", admin_url("people.employee", "change", "employee_rina"), row(404, 200, 404)),
    Case(
        "people.employee",
        "open platform",
        admin_url("people.employee", "change", "employee_platform"),
        row(404, 200, 404),
    ),
    # Rina giving herself the service-admin role in agency B.
    Case(
        "people.employee",
        "rina grants herself B",
        admin_url("people.employee", "change", "employee_rina"),
        row(404, Saved(True), 404),
        role_row(Role.SERVICE_ADMIN, "agency_b"),
        exists(RoleGrant, employee="employee_rina", role=Role.SERVICE_ADMIN, agency="agency_b"),
    ),
    Case(
        "people.employee",
        "grant coach to budi",
        admin_url("people.employee", "change", "employee_a"),
        row(Saved(True), Saved(True), 404),
        role_row(Role.COACH, "agency_a"),
        exists(RoleGrant, employee="employee_a", role=Role.COACH),
    ),
    Case(
        "people.employee",
        "grant service admin to budi",
        admin_url("people.employee", "change", "employee_a"),
        row(FORM, Saved(True), 404),
        role_row(Role.SERVICE_ADMIN, "agency_a"),
        exists(RoleGrant, employee="employee_a", role=Role.SERVICE_ADMIN),
    ),
    # Passwords: platform admins only (Sari is a coach of A, Citra an employee of B).
    Case("people.employee", "password page of sari", password_url("employee_sari"), row(403, 200, 404)),
    Case(
        "people.employee",
        "password of sari",
        password_url("employee_sari"),
        row(403, Saved(True), 404),
        PASSWORD_FORM,
        takes_new_password("employee_sari"),
        form_url=lambda world: None,
    ),
    Case(
        "people.employee",
        "password of platform admin",
        password_url("employee_platform"),
        row(404, Saved(True), 404),
        PASSWORD_FORM,
        takes_new_password("employee_platform"),
        form_url=lambda world: None,
    ),
    Case(
        "people.employee",
        "password of citra",
        password_url("employee_b"),
        row(404, Saved(True), 403),
        PASSWORD_FORM,
        takes_new_password("employee_b"),
        form_url=lambda world: None,
    ),
    # API tokens: credentials, platform admins only; nobody makes or edits one here, revoking is deleting.
    *crud(
        "people.apitoken",
        PLATFORM_ONLY_PAGES
        | {"add page": row(403, 403, 403), "change a": row(404, 403, 404), "change b": row(404, 403, 404)},
        change={"name": "Diganti"},
        state=lambda key: field_of(ApiToken, key, "name"),
    ),
    *crud(
        "auth.group",
        PLATFORM_ONLY_PAGES,
        add=({"name": "Penguji baru"}, exists(Group, name="Penguji baru")),
        change={"name": "Diganti"},
        state=lambda key: field_of(Group, key, "name"),
        objects=("a",),
    ),
    Case(
        "django_tasks_database.dbtaskresult",
        "list",
        admin_url("django_tasks_database.dbtaskresult", "changelist"),
        row(403, 200, 403),
    ),
    Case(
        "django_tasks_database.dbtaskresult",
        "add page",
        admin_url("django_tasks_database.dbtaskresult", "add"),
        row(403, 403, 403),
    ),
    # The audit log: platform admins read it; nobody writes or deletes it.
    *crud(
        "audit.auditevent",
        PLATFORM_ONLY_PAGES
        | {
            "add page": row(403, 403, 403),
            "change a": row(404, 403, 404),
            "change b": row(404, 403, 404),
            "delete a": row(404, 403, 404),
        },
        change={"detail": "Diganti"},
        state=lambda key: field_of(AuditEvent, key, "detail"),
    ),
    # Coaching records: platform admins only, as the app refuses the service admin every engagement.
    *crud(
        "coaching.engagement",
        PLATFORM_ONLY_PAGES,
        change={"topic": "Diganti"},
        state=lambda key: field_of(Engagement, key, "topic"),
    ),
    *crud(
        "coaching.session",
        PLATFORM_ONLY_PAGES
        | {"change a": row(404, Saved("Diganti"), 404), "change b": row(404, Saved("Diganti"), 404)},
        change={"location": "Diganti"},
        state=lambda key: field_of(Session, key, "location"),
    ),
    # The service's records: each agency's own.
    *crud(
        "service.topic",
        AGENCY_PAGES,
        add=(
            lambda form, world: form | {"agency": world["agency_a"].pk, "name": "Topik Baru", "is_active": "on"},
            exists(Topic, name="Topik Baru"),
        ),
        change={"name": "Diganti"},
        state=lambda key: field_of(Topic, key, "name"),
    ),
    *crud(
        "service.providerprofile",
        AGENCY_PAGES | {"change a": row(Saved(2), Saved(2), 404), "change b": row(404, Saved(2), Saved(2))},
        add=(
            lambda form, world: form | {"employee": world["employee_a"].pk, "agency": world["agency_a"].pk},
            exists(ProviderProfile, employee="employee_a"),
        ),
        change={"capacity": "2"},
        state=lambda key: field_of(ProviderProfile, key, "capacity"),
    ),
    *crud(
        "service.servicepolicy",
        AGENCY_PAGES | {"change a": row(Saved(48), Saved(48), 404), "change b": row(404, Saved(48), Saved(48))},
        change={"min_notice_hours": "48"},
        state=lambda key: field_of(ServicePolicy, key, "min_notice_hours"),
    ),
]


def _build_world() -> dict:
    agency_a = AgencyFactory()
    agency_b = AgencyFactory(name="Pemerintah Kabupaten Bangka", short_name="Pemkab Bangka")
    unit_a = UnitFactory(agency=agency_a, name="Bidang Pengembangan Kompetensi")
    unit_b = UnitFactory(agency=agency_b, name="Bidang Mutasi")
    every_permission = Group.objects.create(name="Admin layanan")
    every_permission.permissions.set(Permission.objects.all())
    wayan = EmployeeFactory(full_name="I Wayan Sudarta", agency=agency_a, unit=unit_a)
    budi = EmployeeFactory(full_name="Budi Santoso", agency=agency_a, unit=unit_a, supervisor=wayan)
    sari = CoachFactory(full_name="Sari Wulandari", agency=agency_a, unit=unit_a)
    rina = EmployeeFactory(
        full_name="Rina Marlina", agency=agency_a, unit=unit_a, is_staff=True, roles=[Role.SERVICE_ADMIN]
    )
    citra = EmployeeFactory(full_name="Citra Dewanti", agency=agency_b, unit=unit_b)
    dimas = CoachFactory(full_name="Dimas Saputra", agency=agency_b, unit=unit_b)
    bayu = EmployeeFactory(
        full_name="Bayu Pratama", agency=agency_b, unit=unit_b, is_staff=True, roles=[Role.SERVICE_ADMIN]
    )
    for service_admin in (rina, bayu):
        service_admin.groups.add(every_permission)
    platform = EmployeeFactory(
        full_name="Admin Tumbuh", nip=None, agency=None, unit=None, is_staff=True, is_superuser=True
    )
    engagement_a = EngagementFactory(coach=sari, coachee=budi)
    engagement_b = EngagementFactory(coach=dimas, coachee=citra)
    session_a = SessionFactory(engagement=engagement_a)
    session_b = SessionFactory(engagement=engagement_b)
    return {
        "people": {
            "anonymous": None,
            "coachee": budi,
            "coach": sari,
            "supervisor": wayan,
            "admin": rina,
            "platform": platform,
            "other_admin": bayu,
        },
        "agency_a": agency_a,
        "agency_b": agency_b,
        "unit_a": unit_a,
        "unit_b": unit_b,
        "employee_a": budi,
        "employee_b": citra,
        "employee_sari": sari,
        "employee_rina": rina,
        "employee_platform": platform,
        "apitoken_a": create_api_token(employee=budi, name="skrip")[0],
        "apitoken_b": create_api_token(employee=citra, name="skrip")[0],
        "group_a": Group.objects.create(name="Penguji"),
        "auditevent_a": record_event(actor=budi, action="session.notes.read", target=session_a),
        "auditevent_b": record_event(actor=citra, action="session.notes.read", target=session_b),
        "engagement_a": engagement_a,
        "engagement_b": engagement_b,
        "session_a": session_a,
        "session_b": session_b,
        "topic_a": TopicFactory(agency=agency_a),
        "topic_b": TopicFactory(agency=agency_b),
        "providerprofile_a": ProviderProfileFactory(employee=sari),
        "providerprofile_b": ProviderProfileFactory(employee=dimas),
        "servicepolicy_a": ServicePolicy.objects.create(agency=agency_a),
        "servicepolicy_b": ServicePolicy.objects.create(agency=agency_b),
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    # Built once, inside a transaction rolled back at the end of the module; each test runs in a savepoint.
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=hashers), transaction.atomic():
        world = _build_world()
        SESSIONS.update(_sessions_of(world["people"].values()))
        yield world
        SESSIONS.clear()
        transaction.set_rollback(True)


# Each person's session key, signed in once with the world: a case swaps cookies instead of logging in.
SESSIONS: dict[int, str] = {}


def _sessions_of(people) -> dict[int, str]:
    keys = {}
    for person in people:
        if person is not None:
            signing_in = Client()
            signing_in.force_login(person)
            keys[person.pk] = signing_in.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


def _client(client, person):
    client.cookies.pop(settings.SESSION_COOKIE_NAME, None)
    if person is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = SESSIONS[person.pk]
    return client


def _body(case: Case, world: dict, client, person) -> dict:
    """The form the page shows PERSON (or a platform admin, when PERSON cannot open it), with the case's changes."""
    form_url = case.form_url(world) if case.form_url else case.url(world)
    form: dict = {}
    if form_url is not None:
        page = _client(client, person).get(form_url)
        if page.status_code != 200:
            page = _client(client, world["people"]["platform"]).get(form_url)
        assert page.status_code == 200, f"{case.model} {case.page}: the form to send does not open"
        form = shown_form(page)
    changes = case.changes
    return changes(form, world) if callable(changes) else form | changes


def _ids(case: Case) -> str:
    return f"{case.model} {case.page}"


def test_every_registered_model_has_rows():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == {case.model for case in CASES}
    for model in registered:
        assert {"list", "add page"} <= {case.page for case in CASES if case.model == model}, model


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_back_office_page_gives_each_role_its_outcome(case, role, world, client):
    expected = case.outcomes[role]
    person = world["people"][role]
    url = case.url(world)
    if case.changes is None:
        response = _client(client, person).get(url)
        before = after = None
    else:
        body = _body(case, world, client, person)
        before = case.state(world) if case.state else None
        response = _client(client, person).post(url, body)
        after = case.state(world) if case.state else None
    where = f"{'POST' if case.changes is not None else 'GET'} {url} as {role}"
    if expected == LOGIN:
        assert response.status_code == 302, where
        assert response["Location"].startswith(("/admin/login/?next=", "/accounts/login/?next=")), where
    elif isinstance(expected, Saved):
        assert response.status_code == 302, f"{where}: {response.status_code}"
        assert after == expected.value, where
    elif expected == FORM:
        assert response.status_code == 200, f"{where}: {response.status_code}"
        inlines = response.context["inline_admin_formsets"]
        errors = len(response.context["adminform"].form.errors) + sum(i.formset.total_error_count() for i in inlines)
        assert errors > 0, where
    else:
        assert response.status_code == expected, f"{where}: got {response.status_code}"
    if not isinstance(expected, Saved):
        # A refused write (or one the form or a protection turned back) changed nothing.
        assert after == before, where
