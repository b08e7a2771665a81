from django.urls import reverse
from django.utils.translation import gettext, override

from tumbuh.people.models import ApiToken


def test_profile_shows_the_formatted_nip_and_supervisor(client_as, budi, wayan):
    html = client_as(budi).get(reverse("people:profile")).content.decode()
    assert f"{budi.nip[:8]} {budi.nip[8:14]} {budi.nip[14]} {budi.nip[15:]}" in html
    assert "I Wayan Sudarta" in html


def test_employee_changes_language_time_zone_and_phone(client_as, budi):
    client = client_as(budi)
    response = client.post(
        reverse("people:profile"), {"language": "en", "time_zone": "Asia/Jayapura", "phone": "0812 3456 7890"}
    )
    assert response["Location"] == reverse("people:profile")
    budi.refresh_from_db()
    assert (budi.language, budi.time_zone, budi.phone) == ("en", "Asia/Jayapura", "0812 3456 7890")
    assert "My profile" in client.get(reverse("people:profile")).content.decode()


def test_bad_phone_number_is_explained_and_nothing_changes(client_as, budi):
    response = client_as(budi).post(
        reverse("people:profile"), {"language": "en", "time_zone": "Asia/Jayapura", "phone": "telepon saya"}
    )
    assert response.status_code == 200
    with override("id"):
        expected = gettext(
            "Write the number in digits (spaces and a leading + are fine), e.g. 0812 3456 7890 or +62 812 3456 7890."
        )
    assert response.context["form"].errors["phone"] == [expected]
    assert 'value="telepon saya"' in response.content.decode()
    budi.refresh_from_db()
    assert (budi.language, budi.phone) == ("id", "")


def test_token_is_shown_once_and_stored_only_as_a_digest(client_as, budi):
    client = client_as(budi)
    client.post(reverse("people:token-create"), {"name": "skrip laporan"})
    first = client.get(reverse("people:profile")).context["new_token"]
    assert first.startswith("tmb_")
    assert client.get(reverse("people:profile")).context["new_token"] is None
    token = ApiToken.objects.get(employee=budi)
    assert token.name == "skrip laporan"
    assert first not in token.digest
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {first}"})
    assert response.json()["full_name"] == "Budi Santoso"


def test_nobody_revokes_another_persons_token(client_as, budi, dewi):
    client_as(budi).post(reverse("people:token-create"), {"name": "skrip"})
    token = ApiToken.objects.get(employee=budi)
    response = client_as(dewi).post(reverse("people:token-revoke", args=[token.pk]))
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    client_as(budi).post(reverse("people:token-revoke", args=[token.pk]))
    assert not ApiToken.objects.filter(pk=token.pk).exists()
