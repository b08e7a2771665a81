"""People services: the failed-login throttle, API tokens, preferences, and logging in with NIP or e-mail."""

import datetime
import hashlib

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import PASSWORD
from tumbuh.people.models import ApiToken, Employee, FailedLogin
from tumbuh.people.services import (
    clear_failed_logins,
    create_api_token,
    employee_for_token,
    login_is_throttled,
    record_failed_login,
    revoke_api_token,
    update_preferences,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def failure_limit(settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_FAILURE_WINDOW_MINUTES = 15
    return 3


def test_login_is_not_throttled_below_the_limit(failure_limit):
    for _ in range(failure_limit - 1):
        record_failed_login(login="budi@babelprov.go.id", ip_address="10.0.0.7")

    assert login_is_throttled(login="budi@babelprov.go.id") is False


def test_login_is_throttled_at_the_limit(failure_limit):
    for _ in range(failure_limit):
        record_failed_login(login="budi@babelprov.go.id", ip_address="10.0.0.7")

    assert login_is_throttled(login="budi@babelprov.go.id") is True


def test_throttle_counts_one_login_however_it_is_typed(failure_limit):
    record_failed_login(login="Budi@BabelProv.go.id", ip_address=None)
    record_failed_login(login=" budi@babelprov.go.id ", ip_address=None)
    record_failed_login(login="BUDI@BABELPROV.GO.ID", ip_address=None)

    assert login_is_throttled(login="budi@babelprov.go.id") is True
    assert FailedLogin.objects.filter(login="budi@babelprov.go.id").count() == 3


def test_throttle_treats_nip_with_and_without_spaces_alike(failure_limit):
    for _ in range(failure_limit):
        record_failed_login(login="19850312 201001 1 003", ip_address="10.0.0.7")

    assert login_is_throttled(login="198503122010011003") is True


def test_failures_of_another_login_do_not_throttle(failure_limit):
    for _ in range(failure_limit):
        record_failed_login(login="dewi@babelprov.go.id", ip_address="10.0.0.7")

    assert login_is_throttled(login="budi@babelprov.go.id") is False


def test_failures_older_than_the_window_do_not_count(failure_limit):
    long_ago = timezone.now() - datetime.timedelta(minutes=16)
    FailedLogin.objects.bulk_create(FailedLogin(login="budi@babelprov.go.id", at=long_ago) for _ in range(5))
    record_failed_login(login="budi@babelprov.go.id", ip_address="10.0.0.7")

    assert login_is_throttled(login="budi@babelprov.go.id") is False


def test_recording_a_failure_forgets_failures_older_than_a_day(failure_limit):
    FailedLogin.objects.create(login="old@babelprov.go.id", at=timezone.now() - datetime.timedelta(days=2))

    record_failed_login(login="budi@babelprov.go.id", ip_address="10.0.0.7")

    assert list(FailedLogin.objects.values_list("login", "ip_address")) == [("budi@babelprov.go.id", "10.0.0.7")]


def test_clearing_failed_logins_lifts_the_throttle(failure_limit):
    for _ in range(failure_limit):
        record_failed_login(login="budi@babelprov.go.id", ip_address="10.0.0.7")
        record_failed_login(login="dewi@babelprov.go.id", ip_address="10.0.0.7")

    clear_failed_logins(login="Budi@babelprov.go.id")

    assert login_is_throttled(login="budi@babelprov.go.id") is False
    assert login_is_throttled(login="dewi@babelprov.go.id") is True


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

    assert authenticate(username=f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}", password=PASSWORD) == budi


def test_employee_logs_in_with_email(budi):
    assert authenticate(username="BUDI@babelprov.go.id", password=PASSWORD) == budi


def test_wrong_password_does_not_log_in(budi):
    assert authenticate(username=budi.nip, password="salah-Tumbuh-2026") is None


def test_unknown_login_does_not_log_in(budi):
    assert authenticate(username="198001012005011999", password=PASSWORD) is None


def test_inactive_employee_cannot_log_in(budi):
    budi.is_active = False
    budi.save(update_fields=["is_active"])

    assert authenticate(username=budi.email, password=PASSWORD) is None
