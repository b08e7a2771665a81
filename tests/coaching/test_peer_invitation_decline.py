"""Declining a peer invitation: the invitee only; nothing opens, the inviter is told."""

import pytest

from tests.factories import PeerInvitationFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import Engagement, PeerInvitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(budi, dewi):
    return PeerInvitationFactory(invited_by=budi, invitee=dewi)


def test_invitee_declines(client_as, dewi, invitation):
    client = client_as(dewi)

    response = client.post(f"/coaching/peer/{invitation.pk}/decline/")

    assert response["Location"] == "/coaching/peer/"
    assert PeerInvitation.objects.get().status == "declined"
    assert not Engagement.objects.exists()
    page = client.get("/coaching/peer/").content.decode()
    assert (
        in_indonesian("You declined the invitation of %(inviter)s; they have been told.") % {"inviter": "Budi Santoso"}
        in page
    )


def test_the_inviter_cannot_decline(client_as, budi, invitation):
    response = client_as(budi).post(f"/coaching/peer/{invitation.pk}/decline/")

    assert response.status_code == 403
    assert PeerInvitation.objects.get().status == "pending"


@pytest.mark.parametrize("outsider", ["sari", "wayan", "rina"])
def test_other_people_get_404(client_as, invitation, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).post(f"/coaching/peer/{invitation.pk}/decline/")

    assert response.status_code == 404
    assert PeerInvitation.objects.get().status == "pending"
