import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext, override


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


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


def test_repeated_failures_lock_the_login_even_with_the_right_password(budi, password, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(3):
        login(client, budi.email, "salah")
    response = login(client, budi.email, password)
    assert response.status_code == 200
    with override("id"):
        expected = gettext("Too many failed attempts. Wait %(minutes)d minutes, or reset your password.") % {
            "minutes": settings.LOGIN_FAILURE_WINDOW_MINUTES
        }
    assert expected in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_login_clears_earlier_failures(budi, password, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    client = Client()
    login(client, budi.email, "salah")
    login(client, budi.email, "salah")
    assert login(client, budi.email, password).status_code == 302
    client.logout()
    login(client, budi.email, "salah")
    login(client, budi.email, "salah")
    assert login(client, budi.email, password).status_code == 302


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
