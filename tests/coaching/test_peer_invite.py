"""The invitation form: any signed-in ASN invites a colleague by NIP or e-mail, no admin needed."""

import pytest

from tests.helpers import in_indonesian
from tumbuh.coaching.models import PeerInvitation

pytestmark = pytest.mark.django_db

URL = "/coaching/peer/invite/"


@pytest.fixture
def form_data(dewi):
    return {"invitee": dewi.nip, "inviter_role": "coachee", "topic": "Menyusun SKP yang terukur", "message": "Bisa?"}


def error_of(html: str, message: str) -> bool:
    return f'<div class="invalid-feedback d-block">{message}</div>' in html


def test_form_asks_for_the_colleagues_nip_or_email(client_as, wayan):
    html = client_as(wayan).get(URL).content.decode()

    assert 'name="invitee"' in html
    assert '<option value="coachee" selected>' in html


def test_a_colleague_is_invited_and_the_inviter_sees_the_invitation(client_as, budi, dewi, form_data):
    client = client_as(budi)

    response = client.post(URL, form_data)

    assert response.status_code == 302
    assert response["Location"] == "/coaching/peer/"
    invitation = PeerInvitation.objects.get()
    assert (invitation.invited_by, invitation.invitee, invitation.message) == (budi, dewi, "Bisa?")
    page = client.get("/coaching/peer/").content.decode()
    assert in_indonesian("Invitation sent to %(name)s.") % {"name": "Dewi Lestari"} in page


def test_unknown_email_is_shown_on_the_field_in_indonesian_and_nothing_is_saved(client_as, budi, form_data):
    response = client_as(budi).post(URL, {**form_data, "invitee": "siapa@babelprov.go.id"})

    html = response.content.decode()
    assert response.status_code == 200
    unknown = in_indonesian(
        "No active colleague has that NIP or e-mail address. Check it, or ask your colleague for the NIP or "
        "address they log in with."
    )
    assert error_of(html, unknown)
    assert 'value="siapa@babelprov.go.id"' in html
    assert ">\nBisa?</textarea>" in html
    assert not PeerInvitation.objects.exists()


def test_inviting_oneself_is_refused(client_as, budi, form_data):
    html = client_as(budi).post(URL, {**form_data, "invitee": budi.email}).content.decode()

    assert error_of(html, in_indonesian("You cannot invite yourself; type the NIP or e-mail of a colleague."))
    assert not PeerInvitation.objects.exists()


def test_a_duplicate_pending_invitation_is_refused(client_as, budi, form_data):
    client = client_as(budi)
    client.post(URL, form_data)

    html = client.post(URL, form_data).content.decode()

    duplicate = in_indonesian(
        "You already invited %(name)s and are waiting for the answer. Wait for it, or withdraw that invitation first."
    ) % {"name": "Dewi Lestari"}
    assert error_of(html, duplicate)
    assert PeerInvitation.objects.count() == 1
