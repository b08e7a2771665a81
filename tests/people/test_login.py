"""Logging in: NIP or e-mail, failures counted per account and per client address (django-axes)."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from tests.factories import EmployeeFactory


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def lockout_text(minutes: int) -> str:
    with override("id"):
        return gettext("Too many failed attempts. Wait %(minutes)d minutes, or reset your password.") % {
            "minutes": minutes
        }


def without_csrf_token(html: str) -> str:
    # Each page masks the CSRF token (64 letters and digits) afresh, in the form and in htmx's headers.
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "CSRF", html)


class CountingHasher(MD5PasswordHasher):
    """Counts every password hash computed, to show known and unknown logins do the same work."""

    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


@pytest.fixture
def limits(settings):
    settings.LOGIN_FAILURE_LIMIT = 4
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 6
    settings.LOGIN_FAILURE_WINDOW_MINUTES = 15
    return settings


def test_employee_logs_in_with_nip_typed_with_spaces(budi, password):
    client = Client()
    spaced = f"{budi.nip[:8]} {budi.nip[8:14]} {budi.nip[14]} {budi.nip[15:]}"
    response = login(client, spaced, password)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).context["user"] == budi


def test_employee_logs_in_with_email_in_any_case(budi, password):
    client = Client()
    response = login(client, "BUDI@BabelProv.go.id", password)
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == budi


def test_wrong_password_says_so_in_indonesian_and_keeps_the_login_name(budi):
    response = login(Client(), "budi@babelprov.go.id", "salah")
    assert response.status_code == 200
    with override("id"):
        expected = gettext("The NIP/e-mail or the password is wrong. Check them and try again.")
    assert expected in response.content.decode()
    assert 'value="budi@babelprov.go.id"' in response.content.decode()


def test_repeated_failures_lock_the_login_even_with_the_right_password(budi, password, limits):
    client = Client()
    for _ in range(3):
        assert login(client, budi.email, "salah").status_code == 200
    fourth = login(client, budi.email, "salah")
    assert fourth.status_code == 429
    response = login(client, budi.email, password)
    assert response.status_code == 429
    assert lockout_text(15) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_the_login_page_with_a_way_forward(budi, limits):
    for _ in range(4):
        response = login(Client(), budi.email, "salah")

    html = response.content.decode()
    assert response.status_code == 429
    assert response.templates[0].name == "registration/login.html"
    assert lockout_text(15) in html
    assert f'href="{reverse("password_reset")}"' in html
    assert 'name="password"' in html
    assert 'value="budi@babelprov.go.id"' in html


@pytest.mark.parametrize(
    "spell",
    [
        lambda p: p.nip,
        lambda p: f"{p.nip[:8]}.{p.nip[8:]}",
        lambda p: f"{p.nip[:8]}-{p.nip[8:]}",
        lambda p: f"{p.nip[:8]}\t{p.nip[8:14]} {p.nip[14]}.{p.nip[15:]}",
        lambda p: p.email.upper(),
    ],
    ids=["plain", "dot", "dash", "tab", "email"],
)
def test_every_spelling_of_one_account_is_refused_once_it_is_locked(spell, budi, password, limits):
    # One failure with each of four spellings, each from its own address, reaches the account's limit of 4.
    spellings = [f"{budi.nip[:8]}.{budi.nip[8:]}", f"{budi.nip[:8]}-{budi.nip[8:]}", f"{budi.nip[:8]}\t{budi.nip[8:]}"]
    for number, typed in enumerate([*spellings, budi.email]):
        login(Client(REMOTE_ADDR=f"10.0.0.{number}"), typed, "salah")

    client = Client(REMOTE_ADDR="10.9.9.9")
    response = login(client, spell(budi), password)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_all_spellings_count_on_the_account_not_on_what_was_typed(budi, limits):
    for typed in [
        f"{budi.nip[:8]}.{budi.nip[8:]}",
        f"{budi.nip[:8]}-{budi.nip[8:]}",
        f"{budi.nip[:8]}\t{budi.nip[8:]}",
    ]:
        login(Client(), typed, "salah")
    login(Client(), "Budi@BabelProv.go.id", "salah")

    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [("budi@babelprov.go.id", 4)]


def test_unknown_logins_are_normalised_the_same_way(db, limits):
    for typed in ["19660720.1989081563", "19660720-1989081563", "19660720\t1989081563", " 19660720 198908 1 563"]:
        login(Client(), typed, "salah")

    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [("196607201989081563", 4)]


def test_many_accounts_from_one_address_lock_that_address(budi, dewi, wayan, sari, password, limits):
    from_there = Client(REMOTE_ADDR="10.0.0.7")
    for person in [budi, dewi, wayan]:
        login(from_there, person.email, "salah")
        login(from_there, person.nip, "salah")

    refused = login(from_there, sari.email, password)
    elsewhere = Client(REMOTE_ADDR="10.0.0.8")
    allowed = login(elsewhere, sari.email, password)

    assert refused.status_code == 429
    assert lockout_text(15) in refused.content.decode()
    assert "_auth_user_id" not in from_there.session
    assert allowed.status_code == 302
    assert elsewhere.session["_auth_user_id"] == str(sari.pk)


def test_address_stays_below_its_limit_with_fewer_failures(budi, dewi, sari, password, limits):
    from_there = Client(REMOTE_ADDR="10.0.0.7")
    for _ in range(5):
        login(from_there, EmployeeFactory().email, "salah")

    assert login(from_there, sari.email, password).status_code == 302


def test_logging_in_to_ones_own_account_does_not_clear_the_address_count(budi, dewi, wayan, sari, password, limits):
    from_there = Client(REMOTE_ADDR="10.0.0.7")
    for person in [dewi, wayan, dewi]:
        login(from_there, person.email, "salah")
    assert login(from_there, budi.email, password).status_code == 302
    from_there.logout()
    for person in [wayan, dewi, wayan]:
        login(from_there, person.email, "salah")

    assert login(from_there, sari.email, password).status_code == 429


def test_a_successful_login_clears_earlier_failures_of_that_account(budi, password, limits):
    client = Client()
    for _ in range(3):
        login(client, budi.email, "salah")
    assert login(client, budi.nip, password).status_code == 302
    client.logout()
    for _ in range(3):
        login(client, budi.email, "salah")
    assert login(client, budi.email, password).status_code == 302


def test_the_lock_lifts_when_the_window_has_passed_since_the_last_failure(budi, password, limits):
    for _ in range(4):
        login(Client(), budi.email, "salah")
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=15, seconds=1))

    assert login(Client(), budi.email, password).status_code == 302


def test_unknown_and_known_logins_get_the_same_answer(budi, limits):
    known = login(Client(), budi.email, "salah")
    unknown = login(Client(), "siapa@babelprov.go.id", "salah")

    assert known.status_code == unknown.status_code == 200
    assert without_csrf_token(known.content.decode()).replace(budi.email, "LOGIN") == without_csrf_token(
        unknown.content.decode()
    ).replace("siapa@babelprov.go.id", "LOGIN")


def test_unknown_and_known_logins_are_locked_alike(budi, limits):
    for _ in range(4):
        known = login(Client(REMOTE_ADDR="10.0.0.1"), budi.email, "salah")
        unknown = login(Client(REMOTE_ADDR="10.0.0.2"), "siapa@babelprov.go.id", "salah")

    assert known.status_code == unknown.status_code == 429
    assert without_csrf_token(known.content.decode()).replace(budi.email, "LOGIN") == without_csrf_token(
        unknown.content.decode()
    ).replace("siapa@babelprov.go.id", "LOGIN")


def test_unknown_and_known_logins_hash_one_password_each(budi, settings):
    settings.PASSWORD_HASHERS = ["tests.people.test_login.CountingHasher"]
    CountingHasher.calls = 0
    login(Client(), budi.email, "salah")
    known = CountingHasher.calls

    CountingHasher.calls = 0
    login(Client(), "siapa@babelprov.go.id", "salah")
    unknown = CountingHasher.calls

    CountingHasher.calls = 0
    login(Client(), "198001012005011999", "salah")
    unknown_nip = CountingHasher.calls

    assert (known, unknown, unknown_nip) == (1, 1, 1)


def test_inactive_employee_cannot_log_in(budi, password):
    budi.is_active = False
    budi.save()
    response = login(Client(), budi.email, password)
    assert response.status_code == 200
    assert response.context["form"].errors


def test_logout_is_a_post_and_ends_the_session(client_as, budi):
    client = client_as(budi)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home"))["Location"].startswith("/accounts/login/")


def test_login_page_sends_strict_security_headers(db):
    response = Client().get(reverse("login"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url", ["/", "/coaching/", "/people/profile/"])
def test_session_cookie_is_http_only(url, budi, password):
    client = Client()
    login(client, budi.email, password)
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert client.get(url).status_code == 200


def through_proxy(client_address: str, forged: str = "") -> Client:
    """A client behind our nginx: it appends the address it saw to whatever X-Forwarded-For the client sent."""
    forwarded = f"{forged}, {client_address}" if forged else client_address
    return Client(REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR=forwarded)


def test_behind_the_proxy_each_client_is_counted_at_its_own_address(budi, dewi, wayan, sari, password, limits):
    limits.TRUSTED_PROXIES = 1
    for person in [budi, dewi, wayan]:
        login(through_proxy("203.0.113.5"), person.email, "salah")
        login(through_proxy("203.0.113.5"), person.nip, "salah")

    assert login(through_proxy("203.0.113.5"), sari.email, password).status_code == 429
    assert login(through_proxy("198.51.100.9"), sari.email, password).status_code == 302


def test_a_client_cannot_escape_its_count_by_writing_x_forwarded_for(budi, dewi, wayan, sari, password, limits):
    limits.TRUSTED_PROXIES = 1
    for number, person in enumerate([budi, dewi, wayan]):
        login(through_proxy("203.0.113.5", forged=f"192.0.2.{number}"), person.email, "salah")
        login(through_proxy("203.0.113.5", forged=f"192.0.2.{number + 10}"), person.nip, "salah")

    assert login(through_proxy("203.0.113.5", forged="192.0.2.99"), sari.email, password).status_code == 429


def test_without_trusted_proxies_the_header_is_ignored(budi, dewi, wayan, sari, password, limits):
    # The default: X-Forwarded-For is whatever a client wrote, so only the peer's address counts.
    for number, person in enumerate([budi, dewi, wayan]):
        login(Client(REMOTE_ADDR="10.0.0.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"), person.email, "salah")
        login(Client(REMOTE_ADDR="10.0.0.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{number + 10}"), person.nip, "salah")

    assert login(Client(REMOTE_ADDR="10.0.0.7"), sari.email, password).status_code == 429
