"""The peer-coaching page: invitations sent and received, seen only by their inviter and invitee."""

import pytest

from tests.factories import EmployeeFactory, PeerInvitationFactory
from tests.helpers import in_indonesian

pytestmark = pytest.mark.django_db

URL = "/coaching/peer/"


def test_invitee_sees_a_received_invitation_with_accept_and_decline(client_as, budi, dewi):
    invitation = PeerInvitationFactory(invited_by=budi, invitee=dewi, topic="Menyusun SKP", message="Bisa Kamis?")

    html = client_as(dewi).get(URL).content.decode()

    assert in_indonesian("%(name)s asks you to be their coach") % {"name": "Budi Santoso"} in html
    assert '<div class="small notes mt-1">Bisa Kamis?</div>' in html
    assert f'action="/coaching/peer/{invitation.pk}/accept/"' in html
    assert f'action="/coaching/peer/{invitation.pk}/decline/"' in html
    assert "/withdraw/" not in html


def test_inviter_sees_the_sent_invitation_with_withdraw(client_as, budi, dewi):
    invitation = PeerInvitationFactory(invited_by=budi, invitee=dewi, inviter_role="coach")

    html = client_as(budi).get(URL).content.decode()

    assert in_indonesian("You offered to coach %(name)s") % {"name": "Dewi Lestari"} in html
    assert f'action="/coaching/peer/{invitation.pk}/withdraw/"' in html
    assert "/accept/" not in html


def test_an_accepted_invitation_links_to_its_engagement(client_as, budi, dewi, engagement):
    PeerInvitationFactory(invited_by=budi, invitee=dewi, status="accepted", engagement=engagement)

    html = client_as(budi).get(URL).content.decode()

    assert f'<a class="small" href="/coaching/engagements/{engagement.pk}/">' in html


@pytest.mark.parametrize("outsider", ["sari", "wayan", "rina"])
def test_other_people_do_not_see_the_invitation(client_as, budi, dewi, outsider, request):
    PeerInvitationFactory(invited_by=budi, invitee=dewi, topic="Rahasia kecil kami")

    html = client_as(request.getfixturevalue(outsider)).get(URL).content.decode()

    assert "Rahasia kecil kami" not in html
    assert in_indonesian("No invitations received.") in html
    assert in_indonesian("No invitations sent.") in html


@pytest.mark.parametrize("item_count", [1, 3])
def test_invitation_list_query_count_does_not_grow(client_as, budi, item_count, django_assert_num_queries):
    for _ in range(item_count):
        PeerInvitationFactory(invited_by=budi, invitee=EmployeeFactory())
        PeerInvitationFactory(invited_by=EmployeeFactory(), invitee=budi)
    client = client_as(budi)

    # Session, user, the invitations with both people.
    with django_assert_num_queries(3):
        response = client.get(URL)

    assert response.content.decode().count('class="list-group-item" id="invitation-') == 2 * item_count
