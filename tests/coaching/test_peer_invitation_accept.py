"""Accepting a peer invitation opens a peer engagement that both colleagues then see, with the contract first."""

import pytest

from tests.factories import PeerInvitationFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import Engagement

pytestmark = pytest.mark.django_db


def url_of(invitation) -> str:
    return f"/coaching/peer/{invitation.pk}/accept/"


@pytest.fixture
def invitation(budi, dewi):
    """Budi asks Dewi to coach him."""
    return PeerInvitationFactory(invited_by=budi, invitee=dewi, inviter_role="coachee", topic="Menyusun SKP")


def test_invitee_accepts_and_lands_on_the_new_peer_engagement(client_as, budi, dewi, invitation):
    client = client_as(dewi)

    response = client.post(url_of(invitation))

    engagement = Engagement.objects.get()
    assert (engagement.kind, engagement.status, engagement.coach, engagement.coachee) == ("peer", "active", dewi, budi)
    assert response.status_code == 302
    assert response["Location"] == f"/coaching/engagements/{engagement.pk}/"
    page = client.get(response["Location"]).content.decode()
    started = in_indonesian(
        "You and %(inviter)s are now in a peer-coaching engagement. Start by agreeing on a contract."
    ) % {"inviter": "Budi Santoso"}
    assert started in page
    assert f'href="/coaching/engagements/{engagement.pk}/contract/propose/"' in page


def test_the_peer_engagement_is_in_both_colleagues_lists(client_as, budi, dewi, invitation):
    client_as(dewi).post(url_of(invitation))
    engagement = Engagement.objects.get()

    for person in (budi, dewi):
        html = client_as(person).get("/coaching/").content.decode()
        assert f'<a href="/coaching/engagements/{engagement.pk}/">Menyusun SKP</a>' in html
        assert in_indonesian("Peer coaching") in html


def test_the_inviter_cannot_accept_their_own_invitation(client_as, budi, invitation):
    response = client_as(budi).post(url_of(invitation))

    assert response.status_code == 403
    assert not Engagement.objects.exists()


@pytest.mark.parametrize("outsider", ["sari", "wayan", "rina"])
def test_other_people_get_404(client_as, invitation, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).post(url_of(invitation))

    assert response.status_code == 404
    assert not Engagement.objects.exists()


def test_a_withdrawn_invitation_cannot_be_accepted(client_as, dewi, invitation):
    invitation.status = "withdrawn"
    invitation.save()
    client = client_as(dewi)

    response = client.post(url_of(invitation))

    assert response["Location"] == "/coaching/peer/"
    page = client.get("/coaching/peer/").content.decode()
    withdrawn = in_indonesian("%(name)s withdrew this invitation; it can no longer be answered.") % {
        "name": "Budi Santoso"
    }
    assert withdrawn in page
    assert not Engagement.objects.exists()
