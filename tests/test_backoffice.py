"""The back-office (Django admin): a service admin looks after her own agency's ordinary people and records;
access itself (flags, groups, passwords, e-mail, tokens, the service-admin role) belongs to platform admins, and
every change to it is audited. Confidential text never shows.

Rina runs the service of Babel (agency A); Bayu runs the one of another agency (B), where Citra works.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.backoffice import NO_ROLE_ROWS, new_role_row, shown_form
from tests.factories import CoachFactory, EmployeeFactory, SessionFactory, UnitFactory
from tumbuh.access.backoffice import BackofficeAdmin
from tumbuh.audit.models import AuditEvent
from tumbuh.people.models import ApiToken, Employee, Role, RoleGrant, Unit
from tumbuh.people.services import create_api_token

MODELS = sorted(f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry)
NEW_PASSWORD = "kata-sandi-Baru-2026"
QUERIES_FOR_THE_EMPLOYEE_LIST = 8


@pytest.fixture
def rina(rina):
    """Rina as the demo once made her: in a group holding every Django model permission. The rules still decide."""
    group = Group.objects.create(name="Admin layanan")
    group.permissions.set(Permission.objects.all())
    rina.groups.add(group)
    return rina


@pytest.fixture
def bayu(other_agency):
    return EmployeeFactory(full_name="Bayu Pratama", agency=other_agency, is_staff=True, roles=[Role.SERVICE_ADMIN])


@pytest.fixture
def citra(other_agency):
    return EmployeeFactory(full_name="Citra Dewanti", agency=other_agency)


def change_url(employee) -> str:
    return reverse("admin:people_employee_change", args=[employee.pk])


def password_url(employee) -> str:
    return reverse("admin:auth_user_password_change", args=[employee.pk])


def password_body() -> dict:
    return {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}


def events(action: str) -> list[tuple]:
    return list(
        AuditEvent.objects.filter(action=action).order_by("pk").values_list("actor_id", "target_id", "via", "detail")
    )


def test_every_registered_model_goes_through_the_back_office_rules():
    loose = [label for label, model_admin in _admins() if not isinstance(model_admin, BackofficeAdmin)]
    assert loose == []


def _admins():
    return [(model._meta.label_lower, model_admin) for model, model_admin in admin.site._registry.items()]


@pytest.mark.parametrize("label", MODELS)
def test_platform_admin_opens_every_list_and_add_page(label, platform_admin, client_as, engagement):
    SessionFactory(engagement=engagement)
    app_label, model_name = label.split(".")
    client = client_as(platform_admin)
    listing = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert listing.status_code == 200
    model = admin.site._registry[next(m for m in admin.site._registry if m._meta.label_lower == label)]
    if model.has_add_permission(listing.wsgi_request):
        assert client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code == 200


def test_back_office_session_page_shows_no_notes(platform_admin, client_as, engagement):
    session = SessionFactory(engagement=engagement, shared_notes="RAHASIA-BERSAMA", private_notes="RAHASIA-PRIBADI")
    response = client_as(platform_admin).get(reverse("admin:coaching_session_change", args=[session.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "RAHASIA-BERSAMA" not in html
    assert "RAHASIA-PRIBADI" not in html


def test_admin_adds_an_employee_with_a_nip(platform_admin, client_as, agency):
    response = client_as(platform_admin).post(
        reverse("admin:people_employee_add"),
        {
            "nip": "19850312 201001 1 003",
            "email": "Ani.Rahma@BabelProv.go.id",
            "full_name": "Ani Rahmawati",
            "asn_type": "PNS",
            "agency": agency.pk,
            "password1": "kata-sandi-Panjang-77",
            "password2": "kata-sandi-Panjang-77",
            **NO_ROLE_ROWS,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    ani = Employee.objects.get(nip="198503122010011003")
    assert ani.email == "ani.rahma@babelprov.go.id"
    assert ani.check_password("kata-sandi-Panjang-77")
    assert events("employee.added") == [(platform_admin.pk, str(ani.pk), "admin", "email=ani.rahma@babelprov.go.id")]


def test_admin_is_told_in_indonesian_what_is_wrong_with_a_nip(platform_admin, client_as, agency):
    response = client_as(platform_admin).post(
        reverse("admin:people_employee_add"),
        {
            "nip": "19850230 201001 1 003",
            "email": "ani@babelprov.go.id",
            "full_name": "Ani Rahmawati",
            "asn_type": "PNS",
            "agency": agency.pk,
            "password1": "kata-sandi-Panjang-77",
            "password2": "kata-sandi-Panjang-77",
            **NO_ROLE_ROWS,
        },
    )
    assert response.status_code == 200
    assert "19850230" in response.context["adminform"].form.errors["nip"][0]
    assert not Employee.objects.filter(email="ani@babelprov.go.id").exists()


# Access flags, groups and e-mail


def test_service_admin_cannot_make_anyone_a_superuser(rina, budi, client_as, platform_admin):
    client = client_as(rina)
    body = shown_form(client.get(change_url(budi)))
    body |= {"position": "Kepala Subbidang", "is_staff": "on", "is_superuser": "on", "email": "rina2@babelprov.go.id"}
    response = client.post(change_url(budi), body)
    assert response.status_code == 302, response.content.decode()[:2000]
    budi.refresh_from_db()
    # What is hers to change is saved; the access fields are not in her form at all.
    assert (budi.position, budi.is_staff, budi.is_superuser) == ("Kepala Subbidang", False, False)
    assert budi.email == "budi@babelprov.go.id"
    assert list(budi.groups.all()) == []
    assert AuditEvent.objects.filter(action="employee.access.changed").count() == 0


def test_service_admin_form_has_no_access_fields(rina, budi, client_as):
    form = client_as(rina).get(change_url(budi)).context["adminform"].form
    assert {"is_staff", "is_superuser", "groups", "user_permissions", "email"} & set(form.fields) == set()
    assert "is_active" in form.fields


def test_platform_admin_grants_back_office_access_and_it_is_audited(platform_admin, budi, client_as):
    client = client_as(platform_admin)
    body = shown_form(client.get(change_url(budi))) | {"is_staff": "on", "is_superuser": "on"}
    response = client.post(change_url(budi), body)
    assert response.status_code == 302, response.content.decode()[:2000]
    budi.refresh_from_db()
    assert (budi.is_staff, budi.is_superuser) == (True, True)
    assert events("employee.access.changed") == [
        (platform_admin.pk, str(budi.pk), "admin", "is_staff=True, is_superuser=True")
    ]


def test_service_admin_switches_an_employee_off_and_it_is_audited(rina, dewi, client_as):
    client = client_as(rina)
    body = shown_form(client.get(change_url(dewi)))
    del body["is_active"]
    response = client.post(change_url(dewi), body)
    assert response.status_code == 302, response.content.decode()[:2000]
    dewi.refresh_from_db()
    assert dewi.is_active is False
    assert events("employee.access.changed") == [(rina.pk, str(dewi.pk), "admin", "is_active=False")]


def test_service_admin_adds_a_colleague_who_sets_her_own_password(rina, client_as, agency, unit):
    body = {
        "nip": "19850312 201001 1 003",
        "email": "ani@babelprov.go.id",
        "full_name": "Ani Rahmawati",
        "asn_type": "PNS",
        "agency": agency.pk,
        "unit": unit.pk,
        "password1": "kata-sandi-Rina-77",
        "password2": "kata-sandi-Rina-77",
        "is_superuser": "on",
        **NO_ROLE_ROWS,
    }
    response = client_as(rina).post(reverse("admin:people_employee_add"), body)
    assert response.status_code == 302, response.content.decode()[:2000]
    ani = Employee.objects.get(email="ani@babelprov.go.id")
    assert (ani.agency, ani.unit, ani.is_superuser, ani.has_usable_password()) == (agency, unit, False, False)
    assert events("employee.added") == [(rina.pk, str(ani.pk), "admin", "email=ani@babelprov.go.id")]


def test_service_admin_cannot_add_people_to_another_agency(rina, client_as, other_agency):
    body = {"email": "ani@babelprov.go.id", "full_name": "Ani", "asn_type": "PNS", "agency": other_agency.pk}
    response = client_as(rina).post(reverse("admin:people_employee_add"), body | NO_ROLE_ROWS)
    assert response.status_code == 200
    assert "agency" in response.context["adminform"].form.errors
    assert not Employee.objects.filter(email="ani@babelprov.go.id").exists()


# Passwords


def test_service_admin_cannot_set_a_password(rina, sari, client_as, password):
    client = client_as(rina)
    assert client.get(password_url(sari)).status_code == 403
    response = client.post(password_url(sari), password_body())
    assert response.status_code == 403
    sari.refresh_from_db()
    assert sari.check_password(password)
    assert not sari.check_password(NEW_PASSWORD)


def test_service_admin_cannot_set_the_platform_admins_password(rina, platform_admin, client_as, password):
    response = client_as(rina).post(password_url(platform_admin), password_body())
    assert response.status_code == 404
    platform_admin.refresh_from_db()
    assert platform_admin.check_password(password)


def test_platform_admin_sets_a_password_revokes_tokens_and_it_is_audited(platform_admin, sari, client_as):
    token, _raw = create_api_token(employee=sari, name="skrip")
    response = client_as(platform_admin).post(password_url(sari), password_body())
    assert response.status_code == 302
    assert response["Location"] == change_url(sari)
    sari.refresh_from_db()
    assert sari.check_password(NEW_PASSWORD)
    assert not ApiToken.objects.filter(employee=sari).exists()
    assert [(a, t, v) for a, t, v, _d in events("password.changed")] == [(platform_admin.pk, str(sari.pk), "admin")]
    assert [(a, t, v) for a, t, v, _d in events("api_token.revoked")] == [(platform_admin.pk, str(token.pk), "admin")]


def test_a_wrong_password_form_changes_nothing(platform_admin, sari, client_as, password):
    response = client_as(platform_admin).post(password_url(sari), password_body() | {"password2": "lain-sekali-99"})
    assert response.status_code == 200
    assert response.context["form"].errors["password2"]
    sari.refresh_from_db()
    assert sari.check_password(password)
    assert not AuditEvent.objects.filter(action="password.changed").exists()


# Scope: her agency's ordinary people only


@pytest.mark.parametrize("whose", ["platform_admin", "rina", "bayu", "citra"])
def test_service_admin_cannot_open_admins_or_people_of_another_agency(whose, request, rina, client_as):
    person = request.getfixturevalue(whose)
    client = client_as(rina)
    assert client.get(change_url(person)).status_code == 404
    before = Employee.objects.values().get(pk=person.pk)
    response = client.post(change_url(person), {"full_name": "Diambil alih", "is_superuser": "on", **NO_ROLE_ROWS})
    assert response.status_code == 404
    assert Employee.objects.values().get(pk=person.pk) == before


def test_service_admin_lists_only_her_agencys_ordinary_people(rina, budi, sari, wayan, dewi, citra, client_as):
    response = client_as(rina).get(reverse("admin:people_employee_changelist"))
    assert response.status_code == 200
    shown = sorted(person.full_name for person in response.context["cl"].result_list)
    assert shown == sorted(person.full_name for person in [budi, sari, wayan, dewi])


def test_choices_of_agency_unit_and_supervisor_are_her_agencys(
    rina, budi, wayan, unit, agency, other_agency, client_as
):
    UnitFactory(agency=other_agency, name="Bidang Lain")
    citra = EmployeeFactory(agency=other_agency)
    form = client_as(rina).get(change_url(budi)).context["adminform"].form
    assert list(form.fields["agency"].queryset) == [agency]
    assert set(form.fields["unit"].queryset) == set(agency.units.all())
    supervisors = set(form.fields["supervisor"].queryset)
    assert wayan in supervisors
    assert citra not in supervisors
    assert rina not in supervisors


def autocomplete(client, model_name: str, field_name: str, term: str = "") -> list[str]:
    params = {"app_label": "people", "model_name": model_name, "field_name": field_name, "term": term}
    response = client.get(reverse("admin:autocomplete"), params)
    assert response.status_code == 200
    return sorted(result["text"] for result in response.json()["results"])


def test_autocomplete_offers_only_her_agencys_people_and_units(rina, budi, wayan, unit, other_agency, client_as):
    UnitFactory(agency=other_agency, name="Bidang Lain")
    EmployeeFactory(agency=other_agency, full_name="Citra Dewanti")
    client = client_as(rina)
    assert autocomplete(client, "employee", "supervisor") == sorted([budi.full_name, wayan.full_name])
    babel_units = sorted(unit.agency.units.values_list("name", flat=True))
    assert autocomplete(client, "unit", "parent") == babel_units
    assert autocomplete(client, "employee", "unit") == babel_units
    assert "Bidang Lain" not in babel_units


def test_other_agencys_admin_sees_none_of_babel(bayu, citra, budi, unit, client_as):
    client = client_as(bayu)
    assert autocomplete(client, "employee", "supervisor") == [citra.full_name]
    assert unit.name not in autocomplete(client, "unit", "parent")
    response = client.get(reverse("admin:people_unit_changelist"))
    assert unit not in response.context["cl"].result_list


# Role grants


def role_row_errors(response) -> dict:
    """The errors of the first role-grant row on the page shown again."""
    return response.context["inline_admin_formsets"][0].formset.errors[0]


def test_service_admin_cannot_grant_service_admin(rina, budi, agency, client_as):
    client = client_as(rina)
    body = new_role_row(shown_form(client.get(change_url(budi))), role=Role.SERVICE_ADMIN, agency=agency)
    response = client.post(change_url(budi), body)
    assert response.status_code == 200
    assert list(role_row_errors(response)) == ["role"]
    assert not RoleGrant.objects.filter(employee=budi).exists()


def test_service_admin_cannot_grant_a_role_in_another_agency(rina, budi, other_agency, client_as):
    client = client_as(rina)
    body = new_role_row(shown_form(client.get(change_url(budi))), role=Role.COACH, agency=other_agency)
    response = client.post(change_url(budi), body)
    assert response.status_code == 200
    assert list(role_row_errors(response)) == ["agency"]
    assert not RoleGrant.objects.filter(employee=budi).exists()


def test_service_admin_cannot_give_herself_a_role(rina, other_agency, client_as):
    response = client_as(rina).post(
        change_url(rina), new_role_row(dict(NO_ROLE_ROWS), role=Role.SERVICE_ADMIN, agency=other_agency)
    )
    assert response.status_code == 404
    assert list(rina.role_grants.values_list("role", "agency")) == [(Role.SERVICE_ADMIN, rina.agency_id)]


def test_service_admin_grants_and_revokes_a_coach_role_and_it_is_audited(rina, budi, agency, client_as):
    client = client_as(rina)
    body = new_role_row(shown_form(client.get(change_url(budi))), role=Role.COACH, agency=agency)
    assert client.post(change_url(budi), body).status_code == 302
    grant = RoleGrant.objects.get(employee=budi)
    assert (grant.role, grant.agency) == (Role.COACH, agency)
    body = shown_form(client.get(change_url(budi))) | {"role_grants-0-DELETE": "on"}
    assert client.post(change_url(budi), body).status_code == 302
    assert not RoleGrant.objects.filter(employee=budi).exists()
    detail = f"coach @ {agency.pk} for {budi.pk}"
    assert events("role.granted") == [(rina.pk, str(grant.pk), "admin", detail)]
    assert events("role.revoked") == [(rina.pk, str(grant.pk), "admin", detail)]


def test_service_admin_does_not_see_grants_of_other_agencies(rina, budi, other_agency, client_as):
    RoleGrant.objects.create(employee=budi, role=Role.COACH, agency=other_agency)
    formset = client_as(rina).get(change_url(budi)).context["inline_admin_formsets"][0].formset
    assert list(formset.queryset) == []


def test_platform_admin_grants_service_admin_and_it_is_audited(platform_admin, budi, agency, client_as):
    client = client_as(platform_admin)
    body = new_role_row(shown_form(client.get(change_url(budi))), role=Role.SERVICE_ADMIN, agency=agency)
    assert client.post(change_url(budi), body).status_code == 302
    grant = RoleGrant.objects.get(employee=budi)
    assert events("role.granted") == [
        (platform_admin.pk, str(grant.pk), "admin", f"service_admin @ {agency.pk} for {budi.pk}")
    ]


# Tokens, agencies and the rest


def test_platform_admin_revokes_a_token_and_it_is_audited(platform_admin, budi, client_as):
    token, _raw = create_api_token(employee=budi, name="skrip")
    response = client_as(platform_admin).post(reverse("admin:people_apitoken_delete", args=[token.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert events("api_token.revoked") == [(platform_admin.pk, str(token.pk), "admin", "skrip")]


def test_service_admin_sees_her_agency_read_only(rina, agency, other_agency, client_as):
    client = client_as(rina)
    listing = client.get(reverse("admin:people_agency_changelist"))
    assert list(listing.context["cl"].result_list) == [agency]
    page = client.get(reverse("admin:people_agency_change", args=[agency.pk]))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    response = client.post(reverse("admin:people_agency_change", args=[agency.pk]), {"name": "Diganti"})
    assert response.status_code == 403
    agency.refresh_from_db()
    assert agency.name == "Pemerintah Provinsi Kepulauan Bangka Belitung"


def test_coach_of_another_agency_is_not_a_provider_choice(rina, client_as, other_agency):
    outsider = CoachFactory(agency=other_agency)
    form = client_as(rina).get(reverse("admin:service_providerprofile_add")).context["adminform"].form
    assert outsider not in set(form.fields["employee"].queryset)


def test_platform_admin_changing_a_groups_permissions_is_audited(platform_admin, client_as):
    group = Group.objects.create(name="Penguji")
    permission = Permission.objects.get(codename="change_employee")
    response = client_as(platform_admin).post(
        reverse("admin:auth_group_change", args=[group.pk]), {"name": "Penguji", "permissions": [permission.pk]}
    )
    assert response.status_code == 302
    assert list(group.permissions.all()) == [permission]
    assert events("group.changed") == [(platform_admin.pk, str(group.pk), "admin", "Penguji: 1 permissions")]


@pytest.mark.parametrize("items", [1, 3])
def test_employee_list_queries_do_not_grow_with_rows(rina, unit, items, client_as, django_assert_num_queries):
    EmployeeFactory.create_batch(items, agency=unit.agency, unit=unit)
    client = client_as(rina)
    client.get(reverse("admin:people_employee_changelist"))
    with django_assert_num_queries(QUERIES_FOR_THE_EMPLOYEE_LIST):
        response = client.get(reverse("admin:people_employee_changelist"))
    assert len(response.context["cl"].result_list) == items


def test_service_admin_cannot_hang_a_unit_under_another_agencys_unit(rina, agency, other_agency, client_as):
    theirs = UnitFactory(agency=other_agency, name="Bidang Lain")
    body = {"agency": agency.pk, "name": "Subbidang Baru", "parent": theirs.pk}
    response = client_as(rina).post(reverse("admin:people_unit_add"), body)
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    assert not Unit.objects.filter(name="Subbidang Baru").exists()


def test_service_admin_cannot_name_a_supervisor_of_another_agency(rina, budi, wayan, other_agency, client_as):
    outsider = EmployeeFactory(agency=other_agency)
    client = client_as(rina)
    response = client.post(change_url(budi), shown_form(client.get(change_url(budi))) | {"supervisor": outsider.pk})
    assert response.status_code == 200
    assert "supervisor" in response.context["adminform"].form.errors
    budi.refresh_from_db()
    assert budi.supervisor == wayan
