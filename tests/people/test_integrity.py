"""The tree of units and the reporting line hold together: the database refuses what one row can show is wrong
(a unit its own parent, a person their own supervisor); the model's checks refuse what needs other rows (a
parent or a unit of another agency, a loop), and the back-office shows either as a form error, saving nothing.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.backoffice import shown_form
from tests.factories import EmployeeFactory, UnitFactory
from tumbuh.people.models import Employee, Unit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("back_office_in_english")]


@pytest.fixture
def tree(agency):
    """Bidang → Subbidang → Seksi, in Babel."""
    bidang = UnitFactory(agency=agency, name="Bidang Mutasi")
    subbidang = UnitFactory(agency=agency, name="Subbidang Pengadaan", parent=bidang)
    seksi = UnitFactory(agency=agency, name="Seksi Formasi", parent=subbidang)
    return bidang, subbidang, seksi


def unit_url(unit: Unit) -> str:
    return reverse("admin:people_unit_change", args=[unit.pk])


def employee_url(employee: Employee) -> str:
    return reverse("admin:people_employee_change", args=[employee.pk])


def post_admin(client, url: str, **changes):
    """Send the admin page's form back with CHANGES, as a person editing it in the browser would."""
    return client.post(url, shown_form(client.get(url)) | changes)


def form_errors(response) -> dict[str, list[str]]:
    return {name: list(errors) for name, errors in response.context["adminform"].form.errors.items()}


def messages_of(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


# A unit is not its own parent.


def test_database_refuses_a_unit_that_is_its_own_parent(tree):
    bidang, _subbidang, _seksi = tree
    bidang.parent = bidang
    with pytest.raises(IntegrityError), transaction.atomic():
        bidang.save()
    assert Unit.objects.get(pk=bidang.pk).parent_id is None


def test_unit_that_is_its_own_parent_is_refused_with_a_clear_message(tree):
    bidang, _subbidang, _seksi = tree
    bidang.parent = bidang
    with pytest.raises(ValidationError) as error:
        bidang.full_clean()
    assert messages_of(error) == {"__all__": ["A unit cannot be its own parent unit."]}


def test_back_office_shows_a_unit_as_its_own_parent_as_a_form_error(tree, platform_admin, client_as):
    bidang, _subbidang, _seksi = tree
    response = post_admin(client_as(platform_admin), unit_url(bidang), parent=bidang.pk)
    assert response.status_code == 200
    assert form_errors(response) == {"__all__": ["A unit cannot be its own parent unit."]}
    assert Unit.objects.get(pk=bidang.pk).parent_id is None


# A unit's parent is in the unit's agency.


def test_unit_under_another_agencys_unit_is_refused(agency, other_agency):
    theirs = UnitFactory(agency=other_agency, name="Bidang Lain")
    unit = Unit(agency=agency, name="Subbidang Baru", parent=theirs)
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert messages_of(error) == {"parent": ["The parent unit must belong to the same agency as this unit."]}


def test_platform_admin_cannot_hang_a_unit_under_another_agencys_unit(tree, other_agency, platform_admin, client_as):
    _bidang, subbidang, _seksi = tree
    theirs = UnitFactory(agency=other_agency, name="Bidang Lain")
    response = post_admin(client_as(platform_admin), unit_url(subbidang), parent=theirs.pk)
    assert response.status_code == 200
    assert form_errors(response) == {"parent": ["The parent unit must belong to the same agency as this unit."]}
    subbidang.refresh_from_db()
    assert (subbidang.agency, subbidang.parent.name) == (tree[0].agency, "Bidang Mutasi")


def test_unit_with_sub_units_cannot_move_to_another_agency_alone(tree, other_agency, platform_admin, client_as):
    bidang, _subbidang, _seksi = tree
    response = post_admin(client_as(platform_admin), unit_url(bidang), agency=other_agency.pk)
    assert response.status_code == 200
    assert form_errors(response) == {
        "agency": ["Sub-units or people of this unit belong to another agency; move them before moving the unit."]
    }
    assert Unit.objects.get(pk=bidang.pk).agency_id == bidang.agency_id


def test_a_leaf_unit_without_people_moves_to_another_agency(tree, other_agency):
    _bidang, _subbidang, seksi = tree
    seksi.agency, seksi.parent = other_agency, None
    seksi.full_clean()


# No loop in the tree of units.


def test_unit_cannot_hang_under_its_own_sub_unit(tree):
    bidang, _subbidang, seksi = tree
    bidang.parent = seksi
    with pytest.raises(ValidationError) as error:
        bidang.full_clean()
    assert messages_of(error) == {
        "parent": ["Seksi Formasi lies below this unit; a unit cannot hang under its own sub-unit."]
    }


def test_back_office_refuses_a_loop_in_the_tree_and_changes_nothing(tree, platform_admin, client_as):
    bidang, subbidang, seksi = tree
    units_before = list(Unit.objects.order_by("pk").values_list("name", "parent_id"))
    response = post_admin(client_as(platform_admin), unit_url(bidang), parent=seksi.pk)
    assert response.status_code == 200
    assert form_errors(response) == {
        "parent": ["Seksi Formasi lies below this unit; a unit cannot hang under its own sub-unit."]
    }
    assert list(Unit.objects.order_by("pk").values_list("name", "parent_id")) == units_before
    assert list(
        Unit.objects.filter(pk__in=[bidang.pk, subbidang.pk, seksi.pk]).order_by("pk").values_list("name", "parent_id")
    ) == [
        ("Bidang Mutasi", None),
        ("Subbidang Pengadaan", bidang.pk),
        ("Seksi Formasi", subbidang.pk),
    ]


def test_unit_moves_to_another_branch_of_its_agency(tree, agency):
    _bidang, _subbidang, seksi = tree
    other_branch = UnitFactory(agency=agency, name="Bidang Diklat")
    seksi.parent = other_branch
    seksi.full_clean()


# A person is not their own supervisor.


def test_database_refuses_a_person_who_is_their_own_supervisor(budi, wayan):
    budi.supervisor = budi
    with pytest.raises(IntegrityError), transaction.atomic():
        budi.save()
    assert Employee.objects.get(pk=budi.pk).supervisor_id == wayan.pk


def test_database_refuses_a_new_row_naming_itself_as_supervisor(agency):
    with pytest.raises(IntegrityError), transaction.atomic():
        Employee.objects.create(pk=9001, email="sendiri@babelprov.go.id", full_name="Sendiri", supervisor_id=9001)
    assert not Employee.objects.filter(pk=9001).exists()


def test_back_office_shows_self_supervision_as_a_form_error(budi, wayan, platform_admin, client_as):
    response = post_admin(client_as(platform_admin), employee_url(budi), supervisor=budi.pk)
    assert response.status_code == 200
    assert form_errors(response) == {"__all__": ["A person cannot be their own direct supervisor."]}
    assert Employee.objects.get(pk=budi.pk).supervisor_id == wayan.pk


# No loop in the reporting line.


def test_supervisor_cannot_report_to_their_own_report(budi, wayan):
    wayan.supervisor = budi
    with pytest.raises(ValidationError) as error:
        wayan.full_clean()
    assert messages_of(error) == {
        "supervisor": [
            "Budi Santoso reports to this person, directly or through others; choose someone higher up the line."
        ]
    }


def test_back_office_refuses_a_loop_through_several_people(budi, wayan, unit, rina, client_as):
    kepala = EmployeeFactory(full_name="Kepala Badan", agency=unit.agency, unit=unit)
    Employee.objects.filter(pk=wayan.pk).update(supervisor=kepala)
    response = post_admin(client_as(rina), employee_url(kepala), supervisor=budi.pk)
    assert response.status_code == 200
    assert form_errors(response) == {
        "supervisor": [
            "Budi Santoso reports to this person, directly or through others; choose someone higher up the line."
        ]
    }
    assert Employee.objects.get(pk=kepala.pk).supervisor_id is None


def test_a_new_supervisor_higher_up_is_accepted(budi, wayan, unit):
    kepala = EmployeeFactory(full_name="Kepala Badan", agency=unit.agency, unit=unit)
    budi.supervisor = kepala
    budi.full_clean(exclude=["password"])


# A person's unit is in the person's agency.


def test_unit_of_another_agency_is_refused(budi, other_agency):
    budi.unit = UnitFactory(agency=other_agency, name="Bidang Lain")
    with pytest.raises(ValidationError) as error:
        budi.full_clean(exclude=["password"])
    assert messages_of(error) == {
        "unit": ["The unit must belong to the person's agency; choose a unit of that agency."]
    }


def test_moving_a_person_to_another_agency_without_their_unit_is_refused(
    budi, unit, other_agency, platform_admin, client_as
):
    response = post_admin(client_as(platform_admin), employee_url(budi), agency=other_agency.pk)
    assert response.status_code == 200
    assert form_errors(response) == {
        "unit": ["The unit must belong to the person's agency; choose a unit of that agency."]
    }
    budi.refresh_from_db()
    assert (budi.agency_id, budi.unit_id) == (unit.agency_id, unit.pk)


def test_a_transfer_with_the_new_agencys_unit_is_accepted(budi, other_agency, platform_admin, client_as):
    theirs = UnitFactory(agency=other_agency, name="Bidang Lain")
    response = post_admin(client_as(platform_admin), employee_url(budi), agency=other_agency.pk, unit=theirs.pk)
    assert response.status_code == 302
    budi.refresh_from_db()
    assert (budi.agency_id, budi.unit_id) == (other_agency.pk, theirs.pk)
