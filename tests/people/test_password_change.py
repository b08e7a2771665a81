"""A changed or reset password revokes the person's API tokens and ends their other sessions, and says so."""

import re

import pytest
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.translation import gettext, ngettext, override

from tests.factories import PASSWORD, EmployeeFactory
from tumbuh.audit.models import AuditEvent
from tumbuh.people.models import ApiToken
from tumbuh.people.services import change_password, create_api_token

NEW = "Baru-dan-Panjang-2026"


def logged_in(person) -> Client:
    client = Client()
    assert client.post(reverse("login"), {"username": person.email, "password": PASSWORD}).status_code == 302
    return client


def changed_message(count: int) -> str:
    with override("id"):
        if count == 0:
            return gettext("Your password is changed. Every other session of yours has been logged out.")
        return ngettext(
            "Your password is changed. %(count)d API token was revoked and every other session of yours has been logged out.",  # noqa: E501
            "Your password is changed. %(count)d API tokens were revoked and every other session of yours has been logged out.",  # noqa: E501
            count,
        ) % {"count": count}


def change_own_password(client, old=PASSWORD, new=NEW):
    return client.post(
        reverse("password_change"), {"old_password": old, "new_password1": new, "new_password2": new}, follow=True
    )


def test_changing_ones_password_revokes_every_token_and_says_how_many(budi, dewi):
    _first, first_raw = create_api_token(employee=budi, name="laporan")
    create_api_token(employee=budi, name="integrasi")
    _other, other_raw = create_api_token(employee=dewi, name="milik dewi")

    response = change_own_password(logged_in(budi))

    assert response.redirect_chain == [(reverse("people:profile"), 302)]
    assert [str(message) for message in response.context["messages"]] == [changed_message(2)]
    assert changed_message(2) in response.content.decode()
    assert list(ApiToken.objects.values_list("employee", "name")) == [(dewi.pk, "milik dewi")]
    assert Client(headers={"Authorization": f"Bearer {first_raw}"}).get("/api/v1/me").status_code == 401
    assert Client(headers={"Authorization": f"Bearer {other_raw}"}).get("/api/v1/me").status_code == 200
    budi.refresh_from_db()
    assert budi.check_password(NEW)


def test_changing_ones_password_is_audited_with_each_revoked_token(budi):
    first, _raw = create_api_token(employee=budi, name="laporan")
    second, _raw = create_api_token(employee=budi, name="integrasi")

    change_own_password(logged_in(budi))

    assert list(
        AuditEvent.objects.order_by("pk").values_list("actor", "action", "target_type", "target_id", "via")
    ) == [
        (budi.pk, "password.changed", "people.employee", str(budi.pk), "web"),
        (budi.pk, "api_token.revoked", "people.apitoken", str(first.pk), "web"),
        (budi.pk, "api_token.revoked", "people.apitoken", str(second.pk), "web"),
    ]


def test_without_tokens_the_page_still_says_other_sessions_ended(budi):
    response = change_own_password(logged_in(budi))

    assert [str(message) for message in response.context["messages"]] == [changed_message(0)]


def test_changing_ones_password_ends_the_other_sessions_but_keeps_this_one(budi):
    here, elsewhere = logged_in(budi), logged_in(budi)
    assert elsewhere.get(reverse("people:profile")).status_code == 200

    change_own_password(here)

    assert here.get(reverse("people:profile")).status_code == 200
    assert elsewhere.get(reverse("people:profile"))["Location"] == f"{reverse('login')}?next=/people/profile/"


def test_a_wrong_old_password_changes_nothing(budi):
    token, _raw = create_api_token(employee=budi, name="laporan")
    elsewhere = logged_in(budi)

    response = change_own_password(logged_in(budi), old="bukan-sandi-lama")

    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    assert list(ApiToken.objects.values_list("pk", flat=True)) == [token.pk]
    assert AuditEvent.objects.count() == 0
    assert elsewhere.get(reverse("people:profile")).status_code == 200
    budi.refresh_from_db()
    assert budi.check_password(PASSWORD)


def test_a_reset_revokes_tokens_ends_every_session_and_says_so(budi):
    create_api_token(employee=budi, name="laporan")
    session = logged_in(budi)
    client = Client()
    client.post(reverse("password_reset"), {"email": budi.email})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]

    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW}, follow=True)

    assert done.redirect_chain == [(reverse("password_reset_complete"), 302)]
    assert changed_message(1) in done.content.decode()
    assert ApiToken.objects.filter(employee=budi).count() == 0
    assert session.get(reverse("people:profile")).status_code == 302
    assert list(AuditEvent.objects.order_by("pk").values_list("actor", "action")) == [
        (budi.pk, "password.changed"),
        (budi.pk, "api_token.revoked"),
    ]


def test_an_admin_setting_a_password_is_recorded_as_the_admin_through_the_back_office(budi):
    admin = EmployeeFactory(is_staff=True, is_superuser=True)
    token, _raw = create_api_token(employee=budi, name="laporan")
    session = logged_in(budi)

    on_back_office = RequestFactory().post(f"/admin/people/employee/{budi.pk}/password/")
    revoked = change_password(employee=budi, password=NEW, by=admin, request=on_back_office)

    assert revoked == 1
    assert list(AuditEvent.objects.order_by("pk").values_list("actor", "action", "target_id", "via")) == [
        (admin.pk, "password.changed", str(budi.pk), "admin"),
        (admin.pk, "api_token.revoked", str(token.pk), "admin"),
    ]
    assert session.get(reverse("people:profile")).status_code == 302
    budi.refresh_from_db()
    assert budi.check_password(NEW)


@pytest.mark.django_db
def test_no_password_makes_the_account_unusable_and_still_revokes_tokens(budi):
    create_api_token(employee=budi, name="laporan")

    assert change_password(employee=budi, password=None, by=budi) == 1

    budi.refresh_from_db()
    assert budi.has_usable_password() is False
    assert ApiToken.objects.filter(employee=budi).count() == 0
