"""The "My engagements" page offers peer coaching to everyone and shows the invitations waiting for an answer."""

import pytest

from tests.factories import EmployeeFactory, EngagementFactory, PeerInvitationFactory
from tests.helpers import in_indonesian

pytestmark = pytest.mark.django_db

URL = "/coaching/"


@pytest.mark.parametrize("person", ["budi", "sari", "wayan", "rina", "dewi"])
def test_everyone_may_invite_a_colleague_to_peer_coaching(client_as, person, request):
    html = client_as(request.getfixturevalue(person)).get(URL).content.decode()

    invite = in_indonesian("Invite a colleague to peer coaching")
    assert f'<a class="btn btn-outline-secondary" href="/coaching/peer/invite/">{invite}</a>' in html


def test_pending_invitations_received_are_shown_with_accept_and_decline(client_as, budi, dewi):
    pending = PeerInvitationFactory(invited_by=dewi, invitee=budi, topic="Menyusun SKP")
    PeerInvitationFactory(invited_by=EmployeeFactory(), invitee=budi, status="declined", topic="Sudah ditolak")
    PeerInvitationFactory(invited_by=budi, invitee=EmployeeFactory(), topic="Yang saya kirim")

    html = client_as(budi).get(URL).content.decode()

    assert in_indonesian("Peer-coaching invitations waiting for your answer") in html
    assert f'action="/coaching/peer/{pending.pk}/accept/"' in html
    assert f'action="/coaching/peer/{pending.pk}/decline/"' in html
    assert "Sudah ditolak" not in html
    assert "Yang saya kirim" not in html


def test_without_pending_invitations_there_is_no_invitation_section(client_as, budi):
    html = client_as(budi).get(URL).content.decode()

    assert in_indonesian("Peer-coaching invitations waiting for your answer") not in html


@pytest.mark.parametrize("item_count", [1, 3])
def test_engagement_list_with_invitations_query_count_does_not_grow(
    client_as, sari, item_count, django_assert_num_queries
):
    for _ in range(item_count):
        EngagementFactory(coach=sari)
        PeerInvitationFactory(invited_by=EmployeeFactory(), invitee=sari)
    client = client_as(sari)

    # Session, user, engagements with their counts, pending invitations with their inviters.
    with django_assert_num_queries(4):
        response = client.get(URL)

    html = response.content.decode()
    assert html.count('<a href="/coaching/engagements/') == item_count
    assert html.count('/decline/"') == item_count
