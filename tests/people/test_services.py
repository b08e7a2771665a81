"""People services: API tokens, preferences, and logging in with NIP or e-mail."""

import datetime
import hashlib

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client, RequestFactory

from tests.factories import PASSWORD
from tumbuh.audit.models import AuditEvent
from tumbuh.people.models import ApiToken, Employee
from tumbuh.people.services import (
    change_password,
    create_api_token,
    employee_for_token,
    revoke_api_token,
    update_preferences,
)

pytestmark = pytest.mark.django_db


def check_login(username: str, password: str) -> Employee | None:
    """authenticate() as the login page calls it: with the request, which axes needs to count failures."""
    return authenticate(RequestFactory().post("/accounts/login/"), username=username, password=password)


def test_api_token_is_returned_raw_once_and_stored_as_digest(budi):
    token, raw = create_api_token(employee=budi, name="  Integrasi SIMPEG  ")

    assert raw.startswith("tmb_")
    assert len(raw) > 40
    token.refresh_from_db()
    assert token.employee == budi
    assert token.name == "Integrasi SIMPEG"
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert token.last_used_at is None
    assert ApiToken.objects.filter(digest=raw).exists() is False


def test_api_token_without_a_name_is_called_api(budi):
    token, _raw = create_api_token(employee=budi, name="   ")

    assert token.name == "API"


def test_each_api_token_is_different(budi):
    _first, first_raw = create_api_token(employee=budi, name="satu")
    _second, second_raw = create_api_token(employee=budi, name="dua")

    assert first_raw != second_raw


def test_token_finds_its_employee_and_marks_it_used(budi):
    token, raw = create_api_token(employee=budi, name="Integrasi")

    assert employee_for_token(raw) == budi
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_unknown_token_finds_nobody(budi):
    create_api_token(employee=budi, name="Integrasi")

    assert employee_for_token("tmb_bukan-token-yang-benar") is None


def test_token_of_an_inactive_employee_finds_nobody(budi):
    token, raw = create_api_token(employee=budi, name="Integrasi")
    budi.is_active = False
    budi.save(update_fields=["is_active"])

    assert employee_for_token(raw) is None
    token.refresh_from_db()
    assert token.last_used_at is None


def test_revoked_token_finds_nobody(budi):
    token, raw = create_api_token(employee=budi, name="Integrasi")

    revoke_api_token(token=token)

    assert employee_for_token(raw) is None
    assert ApiToken.objects.filter(employee=budi).count() == 0


def test_revoking_a_token_is_audited_naming_who_did_it(budi):
    token, _raw = create_api_token(employee=budi, name="Integrasi")
    token_pk = token.pk

    revoke_api_token(token=token, by=budi)

    assert list(AuditEvent.objects.values_list("actor", "action", "target_type", "target_id", "detail", "via")) == [
        (budi.pk, "api_token.revoked", "people.apitoken", str(token_pk), "Integrasi", "web")
    ]


MADE = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)


def test_token_valid_for_30_days_expires_30_days_after_it_was_made(budi):
    token, _raw = create_api_token(employee=budi, name="Integrasi", valid_for_days=30, now=MADE)

    token.refresh_from_db()
    assert (token.created_at, token.expires_at) == (MADE, datetime.datetime(2026, 3, 31, 9, 0, tzinfo=datetime.UTC))


def test_token_without_a_validity_never_expires(budi):
    token, raw = create_api_token(employee=budi, name="Integrasi", now=MADE)

    assert token.expires_at is None
    assert employee_for_token(raw, at=MADE + datetime.timedelta(days=3650)) == budi


def test_token_works_until_the_moment_it_expires_and_not_from_then(budi):
    token, raw = create_api_token(employee=budi, name="Integrasi", valid_for_days=30, now=MADE)
    last_moment = token.expires_at - datetime.timedelta(seconds=1)

    assert employee_for_token(raw, at=last_moment) == budi
    assert employee_for_token(raw, at=token.expires_at) is None
    token.refresh_from_db()
    assert token.last_used_at == last_moment


def test_last_use_is_kept_to_the_minute_without_a_write_per_request(budi, django_assert_num_queries):
    token, raw = create_api_token(employee=budi, name="Integrasi", now=MADE)
    employee_for_token(raw, at=MADE)

    with django_assert_num_queries(1):  # the look-up only
        assert employee_for_token(raw, at=MADE + datetime.timedelta(seconds=59)) == budi
    token.refresh_from_db()
    assert token.last_used_at == MADE

    employee_for_token(raw, at=MADE + datetime.timedelta(minutes=1))
    token.refresh_from_db()
    assert token.last_used_at == MADE + datetime.timedelta(minutes=1)


def test_expired_token_is_refused_by_the_api(budi):
    token, raw = create_api_token(employee=budi, name="Integrasi", valid_for_days=30, now=MADE)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))

    response = Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/me")

    assert response.status_code == 401
    token.refresh_from_db()
    assert token.last_used_at is None


def test_update_preferences_saves_language_time_zone_and_phone(budi):
    update_preferences(employee=budi, language="en", time_zone="Asia/Jayapura", phone="  0812 3456 7890  ")

    budi.refresh_from_db()
    assert (budi.language, budi.time_zone, budi.phone) == ("en", "Asia/Jayapura", "0812 3456 7890")


def test_update_preferences_refuses_an_unknown_time_zone(budi):
    with pytest.raises(ValidationError) as caught:
        update_preferences(employee=budi, language="en", time_zone="Europe/Berlin", phone="")

    assert list(caught.value.message_dict) == ["time_zone"]
    budi.refresh_from_db()
    assert (budi.language, budi.time_zone) == ("id", "Asia/Jakarta")


def test_update_preferences_refuses_an_unknown_language(budi):
    with pytest.raises(ValidationError) as caught:
        update_preferences(employee=budi, language="fr", time_zone="Asia/Jakarta", phone="")

    assert list(caught.value.message_dict) == ["language"]
    budi.refresh_from_db()
    assert budi.language == "id"


def test_employee_is_found_by_nip_typed_with_spaces(budi):
    nip = budi.nip
    typed = f"  {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]} "

    assert Employee.objects.get_by_login(typed) == budi


def test_employee_is_found_by_email_in_another_case(budi):
    assert Employee.objects.get_by_login(" Budi@BabelProv.GO.ID ") == budi


def test_unknown_login_finds_nobody(budi):
    with pytest.raises(Employee.DoesNotExist):
        Employee.objects.get_by_login("nobody@babelprov.go.id")


def test_employee_logs_in_with_nip(budi):
    nip = budi.nip

    assert check_login(f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}", PASSWORD) == budi


def test_employee_logs_in_with_email(budi):
    assert check_login("BUDI@babelprov.go.id", PASSWORD) == budi


def test_wrong_password_does_not_log_in(budi):
    assert check_login(budi.nip, "salah-Tumbuh-2026") is None


def test_unknown_login_does_not_log_in(budi):
    assert check_login("198001012005011999", PASSWORD) is None


def test_inactive_employee_cannot_log_in(budi):
    budi.is_active = False
    budi.save(update_fields=["is_active"])

    assert check_login(budi.email, PASSWORD) is None


def test_nobody_but_the_owner_or_a_platform_admin_revokes_a_token_or_sets_a_password(budi, dewi, rina):
    token, raw = create_api_token(employee=budi, name="skrip")
    for other in (dewi, rina):  # a colleague, and the agency's service admin
        with pytest.raises(PermissionDenied):
            revoke_api_token(token=token, by=other)
        with pytest.raises(PermissionDenied):
            change_password(employee=budi, password="kata-sandi-baru-123", by=other)
    budi.refresh_from_db()
    assert (employee_for_token(raw), budi.check_password(PASSWORD)) == (budi, True)
    assert not AuditEvent.objects.exists()
