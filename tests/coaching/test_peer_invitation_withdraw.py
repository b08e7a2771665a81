"""Withdrawing a peer invitation: the inviter only, while it is pending."""

import pytest

from tests.factories import PeerInvitationFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import PeerInvitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(budi, dewi):
    return PeerInvitationFactory(invited_by=budi, invitee=dewi)


def test_inviter_withdraws(client_as, budi, invitation):
    client = client_as(budi)

    response = client.post(f"/coaching/peer/{invitation.pk}/withdraw/")

    assert response["Location"] == "/coaching/peer/"
    assert PeerInvitation.objects.get().status == "withdrawn"
    page = client.get("/coaching/peer/").content.decode()
    assert (
        in_indonesian("You withdrew your invitation to %(invitee)s; they have been told.") % {"invitee": "Dewi Lestari"}
        in page
    )


def test_an_accepted_invitation_can_no_longer_be_withdrawn(client_as, budi, dewi, invitation):
    client_as(dewi).post(f"/coaching/peer/{invitation.pk}/accept/")
    client = client_as(budi)

    client.post(f"/coaching/peer/{invitation.pk}/withdraw/")

    assert PeerInvitation.objects.get().status == "accepted"
    page = client.get("/coaching/peer/").content.decode()
    assert in_indonesian("This invitation was accepted already; the engagement is in your list.") in page


def test_the_invitee_cannot_withdraw(client_as, dewi, invitation):
    response = client_as(dewi).post(f"/coaching/peer/{invitation.pk}/withdraw/")

    assert response.status_code == 403
    assert PeerInvitation.objects.get().status == "pending"


@pytest.mark.parametrize("outsider", ["sari", "wayan", "rina"])
def test_other_people_get_404(client_as, invitation, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).post(f"/coaching/peer/{invitation.pk}/withdraw/")

    assert response.status_code == 404
    assert PeerInvitation.objects.get().status == "pending"
