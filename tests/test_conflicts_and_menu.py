"""Two shared pieces: the form shown again after an edit conflict, and the menu that asks the rules."""

import pytest
from django import forms
from django.http import QueryDict
from django.test import RequestFactory
from django.utils.translation import override

from tests.factories import EmployeeFactory
from tumbuh.access.context_processors import navigation
from tumbuh.api import api
from tumbuh.common.conflicts import EditConflict, form_after_conflict
from tumbuh.people.models import Role


class NoteForm(forms.Form):
    text = forms.CharField()
    version = forms.IntegerField(widget=forms.HiddenInput)


class Saved:
    version = 7


def test_the_form_comes_back_with_what_was_typed_the_saved_version_and_the_reason():
    typed = QueryDict("text=Catatan%20saya&version=6")

    with override("en"):
        form = form_after_conflict(EditConflict(Saved()), make_form=NoteForm, data=typed)

    assert (form.data["text"], form.data["version"]) == ("Catatan saya", "7")
    assert form.non_field_errors() == [
        "Someone else saved this in the meantime. Review their version and apply your change again."
    ]
    assert typed["version"] == "6"  # the request's own data is left as posted


def test_a_prefixed_form_names_its_version_field():
    typed = QueryDict("stage-text=Tujuan&stage-version=2")

    form = form_after_conflict(
        EditConflict(Saved()),
        make_form=lambda data: NoteForm(data, prefix="stage"),
        data=typed,
        version_field="stage-version",
    )

    assert (form.data["stage-text"], form.data["stage-version"]) == ("Tujuan", "7")


def test_the_api_answers_a_conflict_from_common_with_409():
    assert EditConflict in api._exception_handlers


def menu_keys(user):
    request = RequestFactory().get("/")
    request.user = user
    return [item["key"] for item in navigation(request)["nav_items"]]


@pytest.mark.django_db
def test_the_queue_is_in_the_menu_of_a_staff_service_admin_only(rina, agency, budi):
    not_staff = EmployeeFactory(agency=agency, is_staff=False, roles=[Role.SERVICE_ADMIN])

    assert "dashboard" in menu_keys(rina)
    assert "dashboard" not in menu_keys(not_staff)
    assert "dashboard" not in menu_keys(budi)


@pytest.mark.django_db
def test_the_menu_of_someone_who_is_not_staff_costs_no_query(budi, django_assert_num_queries):
    with django_assert_num_queries(0):
        menu_keys(budi)
