"""The back-office (Django admin): every registered model opens, and confidential text never shows."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import EmployeeFactory, SessionFactory
from tumbuh.people.models import Employee

# The add page carries the role-grant inline; an empty one still sends its management form.
NO_ROLE_ROWS = {"role_grants-TOTAL_FORMS": "0", "role_grants-INITIAL_FORMS": "0"}
MODELS = sorted(f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry)


@pytest.fixture
def platform_admin(db):
    return EmployeeFactory(full_name="Admin Tumbuh", nip=None, is_staff=True, is_superuser=True)


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


def test_admin_is_told_in_indonesian_what_is_wrong_with_a_nip(platform_admin, client_as, agency):
    response = client_as(platform_admin).post(
        reverse("admin:people_employee_add"),
        {
            "nip": "19850230 201001 1 003",
            "email": "ani@babelprov.go.id",
            "full_name": "Ani Rahmawati",
            "agency": agency.pk,
            "password1": "kata-sandi-Panjang-77",
            "password2": "kata-sandi-Panjang-77",
            **NO_ROLE_ROWS,
        },
    )
    assert response.status_code == 200
    assert "19850230" in response.context["adminform"].form.errors["nip"][0]
    assert not Employee.objects.filter(email="ani@babelprov.go.id").exists()
