"""/api/v1/me: who the API thinks you are, by browser session or by bearer token."""

import pytest
from django.test import Client

from tests.helpers import in_indonesian
from tumbuh.people.models import ApiToken
from tumbuh.people.services import create_api_token, revoke_api_token

pytestmark = pytest.mark.django_db


def bearer_client(user) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_me_with_session_login_describes_the_employee(client_as, budi):
    response = client_as(budi).get("/api/v1/me")

    assert response.status_code == 200
    assert response.json() == {
        "id": budi.pk,
        "nip": budi.nip,
        "full_name": "Budi Santoso",
        "email": "budi@babelprov.go.id",
        "time_zone": "Asia/Jakarta",
        "language": "id",
        "roles": [],
    }


def test_me_with_bearer_token_describes_the_token_owner(sari):
    response = bearer_client(sari).get("/api/v1/me")

    assert response.status_code == 200
    assert response.json() == {
        "id": sari.pk,
        "nip": sari.nip,
        "full_name": "Sari Wulandari",
        "email": "sari@babelprov.go.id",
        "time_zone": "Asia/Makassar",
        "language": "id",
        "roles": ["coach"],
    }


def test_me_with_bearer_token_marks_the_token_used(sari):
    token, raw = create_api_token(employee=sari, name="tes")

    Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/me")

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_me_without_login_is_401_with_a_message(db):
    response = Client().get("/api/v1/me")

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {
        "message": in_indonesian("Log in, or send a valid token in the Authorization header."),
    }


def test_me_with_unknown_token_is_401(budi):
    response = Client(headers={"Authorization": "Bearer tmb_bukan-token-yang-benar"}).get("/api/v1/me")

    assert response.status_code == 401
    assert response.json() == {
        "message": in_indonesian("Log in, or send a valid token in the Authorization header."),
    }


def test_me_with_revoked_token_is_401(budi):
    token, raw = create_api_token(employee=budi, name="tes")
    revoke_api_token(token=token)

    response = Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/me")

    assert response.status_code == 401
    assert ApiToken.objects.count() == 0


def test_me_with_token_of_inactive_employee_is_401(budi):
    client = bearer_client(budi)
    budi.is_active = False
    budi.save(update_fields=["is_active"])

    response = client.get("/api/v1/me")

    assert response.status_code == 401
    assert response.json() == {
        "message": in_indonesian("Log in, or send a valid token in the Authorization header."),
    }
