"""PNS and PPPK employees: the model checks the number by the person's ASN type, and the back-office adds both."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext, override

from tests.factories import EmployeeFactory
from tumbuh.people.models import Employee
from tumbuh.people.nip import AsnType

PPPK_NUMBER = "199003152021212004"
# The add page carries the role-grant inline; an empty one still sends its management form.
NO_ROLE_ROWS = {"role_grants-TOTAL_FORMS": "0", "role_grants-INITIAL_FORMS": "0"}


@pytest.fixture
def platform_admin(db):
    return EmployeeFactory(full_name="Admin Tumbuh", nip=None, is_staff=True, is_superuser=True)


def add_employee(client, agency, **fields):
    data = {
        "email": "ani@babelprov.go.id",
        "full_name": "Ani Rahmawati",
        "agency": agency.pk,
        "password1": "kata-sandi-Panjang-77",
        "password2": "kata-sandi-Panjang-77",
        **NO_ROLE_ROWS,
        **fields,
    }
    return client.post(reverse("admin:people_employee_add"), data)


def test_a_pppk_employee_with_an_ni_pppk_is_valid(agency):
    person = Employee(email="ani@babelprov.go.id", full_name="Ani", nip=PPPK_NUMBER, asn_type=AsnType.PPPK)

    person.full_clean(exclude=["password"])

    assert person.parsed_nip.pppk_code == "21"


def test_the_same_number_for_a_pns_employee_is_refused_with_the_month_message(agency):
    person = Employee(email="ani@babelprov.go.id", full_name="Ani", nip=PPPK_NUMBER, asn_type=AsnType.PNS)

    with override("en"), pytest.raises(ValidationError) as caught:
        person.full_clean(exclude=["password"])

    assert caught.value.message_dict == {
        "nip": ["Digits 9-14 of a NIP are the appointment month (YYYYMM); 202121 is not a real month."]
    }


def test_a_malformed_number_gets_one_message_not_two(agency):
    person = Employee(email="ani@babelprov.go.id", full_name="Ani", nip="19900315A", asn_type=AsnType.PPPK)

    with override("en"), pytest.raises(ValidationError) as caught:
        person.full_clean(exclude=["password"])

    assert caught.value.message_dict == {"nip": ["A NIP contains digits only; remove the letters or symbols."]}


def test_new_employees_are_pns_unless_said_otherwise(budi):
    assert budi.asn_type == AsnType.PNS
    assert budi.parsed_nip.appointment_month is not None


def test_create_user_checks_the_number_by_asn_type(db):
    ani = Employee.objects.create_user(
        "ani@babelprov.go.id", "kata-sandi-Panjang-77", full_name="Ani", nip="19900315 202121 2 004", asn_type="PPPK"
    )

    assert (ani.nip, ani.asn_type) == (PPPK_NUMBER, "PPPK")
    with pytest.raises(ValidationError):
        Employee.objects.create_user("eko@babelprov.go.id", "kata-sandi-Panjang-77", full_name="Eko", nip=PPPK_NUMBER)
    assert not Employee.objects.filter(email="eko@babelprov.go.id").exists()


def test_admin_adds_a_pppk_employee(platform_admin, client_as, agency):
    response = add_employee(client_as(platform_admin), agency, asn_type="PPPK", nip="19900315 202121 2 004")

    assert response.status_code == 302, response.content.decode()[:2000]
    ani = Employee.objects.get(email="ani@babelprov.go.id")
    assert (ani.nip, ani.asn_type) == (PPPK_NUMBER, "PPPK")


def test_admin_is_told_precisely_what_is_wrong_with_an_ni_pppk(platform_admin, client_as, agency):
    response = add_employee(client_as(platform_admin), agency, asn_type="PPPK", nip="19900315 202721 2 004")

    assert response.status_code == 200
    with override("id"):
        expected = gettext("The year of first appointment in this NI PPPK (%(part)s) is in the future.") % {
            "part": "2027"
        }
    assert response.context["adminform"].form.errors["nip"] == [expected]
    assert not Employee.objects.filter(email="ani@babelprov.go.id").exists()


def test_admin_adding_a_pppk_number_as_pns_is_told_it_is_not_a_month(platform_admin, client_as, agency):
    response = add_employee(client_as(platform_admin), agency, asn_type="PNS", nip=PPPK_NUMBER)

    assert response.status_code == 200
    with override("id"):
        expected = gettext("Digits 9-14 of a NIP are the appointment month (YYYYMM); %(part)s is not a real month.") % {
            "part": "202121"
        }
    assert response.context["adminform"].form.errors["nip"] == [expected]
    assert not Employee.objects.filter(email="ani@babelprov.go.id").exists()


def test_profile_of_a_pppk_employee_names_the_number_and_the_type(client_as, agency):
    ani = EmployeeFactory(email="ani@babelprov.go.id", nip=PPPK_NUMBER, asn_type=AsnType.PPPK, agency=agency)

    html = client_as(ani).get(reverse("people:profile")).content.decode()

    with override("id"):
        label = gettext("PPPK (government employee with a work agreement)")
    assert label in html
    assert "NI PPPK" in html
    assert "19900315 202121 2 004" in html
