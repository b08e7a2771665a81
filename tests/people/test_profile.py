import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext, override

from tumbuh.audit.models import AuditEvent
from tumbuh.people.models import ApiToken
from tumbuh.people.services import create_api_token, employee_for_token

MADE = datetime.datetime(2026, 3, 1, 2, 0, tzinfo=datetime.UTC)


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
    assert list(AuditEvent.objects.values_list("actor", "action")) == [(budi.pk, "api_token.revoked")]


def test_token_form_sets_the_chosen_validity(client_as, budi):
    client = client_as(budi)
    for name, valid_for in [("sebulan", "30"), ("setahun", "365"), ("selamanya", "never")]:
        client.post(reverse("people:token-create"), {"name": name, "valid_for": valid_for})

    lifetimes = {
        token.name: token.expires_at and (token.expires_at - token.created_at).days
        for token in ApiToken.objects.filter(employee=budi)
    }
    assert lifetimes == {"sebulan": 30, "setahun": 365, "selamanya": None}


def test_token_form_refuses_an_unknown_validity_and_makes_nothing(client_as, budi):
    response = client_as(budi).post(reverse("people:token-create"), {"name": "skrip", "valid_for": "9999"}, follow=True)

    with override("id"):
        expected = gettext("Choose how long the token stays valid.")
    assert [str(message) for message in response.context["messages"]] == [expected]
    assert ApiToken.objects.count() == 0


def test_profile_lists_tokens_with_made_last_use_and_expiry(client_as, budi):
    create_api_token(employee=budi, name="lama", valid_for_days=30, now=MADE)
    used, raw = create_api_token(employee=budi, name="dipakai", valid_for_days=365, now=MADE)
    employee_for_token(raw, at=MADE + datetime.timedelta(days=2, hours=3))
    # Fixed moments: one long past, one far ahead, whatever day the suite runs.
    ApiToken.objects.filter(pk=used.pk).update(expires_at=datetime.datetime(2099, 3, 1, tzinfo=datetime.UTC))
    create_api_token(employee=budi, name="abadi", now=MADE)

    html = client_as(budi).get(reverse("people:profile")).content.decode()

    cells = {}
    for token in ApiToken.objects.all():
        row = re.search(rf'<tr id="token-{token.pk}">(.*?)</tr>', html, re.S).group(1)
        texts = [re.sub(r"<[^>]+>|\s+", " ", cell).split() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        cells[token.name] = [" ".join(words) for words in texts[:4]]
    with override("id"):
        never, expired, when_revoked = gettext("never"), gettext("expired"), gettext("when revoked")
    # Times show in Budi's zone (WIB): the use at 05:00 UTC is 12:00.
    assert cells == {
        "lama": ["lama", "1 Mar 2026", never, f"{expired} 31 Mar 2026"],
        "dipakai": ["dipakai", "1 Mar 2026", "3 Mar 2026 12:00", "1 Mar 2099"],
        "abadi": ["abadi", "1 Mar 2026", never, when_revoked],
    }


def test_profile_reads_the_same_number_of_queries_for_one_or_three_tokens(client_as, budi):
    client = client_as(budi)
    counts = []
    for _ in range(2):
        create_api_token(employee=budi, name="skrip")
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("people:profile"))
        counts.append(len(queries))
        create_api_token(employee=budi, name="skrip")

    assert ApiToken.objects.count() == 4
    assert counts[0] == counts[1]


def test_revoking_ones_own_token_is_audited(client_as, budi):
    token, _raw = create_api_token(employee=budi, name="skrip")

    client_as(budi).post(reverse("people:token-revoke", args=[token.pk]))

    assert list(AuditEvent.objects.values_list("actor", "action", "target_id", "via")) == [
        (budi.pk, "api_token.revoked", str(token.pk), "web")
    ]


def test_profile_shows_the_asn_type(client_as, budi):
    with override("id"):
        label = gettext("PNS (civil servant)")
    assert label in client_as(budi).get(reverse("people:profile")).content.decode()
