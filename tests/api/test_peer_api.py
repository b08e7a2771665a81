"""The peer-coaching API: invite a colleague, answer or withdraw; an invitation is seen by its two people only."""

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client

from tests.factories import EmployeeFactory, PeerInvitationFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import Engagement, PeerInvitation
from tumbuh.people.services import create_api_token

pytestmark = pytest.mark.django_db

URL = "/api/v1/peer-invitations"
NOT_FOUND = {"message": in_indonesian("Not found, or you do not have access to it.")}
FORBIDDEN = {"message": in_indonesian("You do not have access to this.")}


def as_json(value) -> str | None:
    return None if value is None else DjangoJSONEncoder().default(value)


def bearer_client(user) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def person(employee) -> dict:
    return {"id": employee.pk, "full_name": employee.full_name}


def invitation_json(invitation) -> dict:
    return {
        "id": invitation.pk,
        "invited_by": person(invitation.invited_by),
        "invitee": person(invitation.invitee),
        "inviter_role": invitation.inviter_role,
        "topic": invitation.topic,
        "message": invitation.message,
        "status": invitation.status,
        "created_at": as_json(invitation.created_at),
        "answered_at": as_json(invitation.answered_at),
        "engagement_id": invitation.engagement_id,
    }


@pytest.fixture
def invitation(budi, dewi):
    """Budi asks Dewi to coach him."""
    return PeerInvitationFactory(invited_by=budi, invitee=dewi, topic="Menyusun SKP")


@pytest.mark.parametrize("who", ["budi", "dewi"])
def test_inviter_and_invitee_list_the_invitation(invitation, who, request):
    response = bearer_client(request.getfixturevalue(who)).get(URL)

    assert response.status_code == 200
    assert response.json() == {"items": [invitation_json(invitation)], "count": 1}


@pytest.mark.parametrize("outsider", ["sari", "wayan", "rina"])
def test_other_people_list_nothing_and_get_404_on_answers(invitation, outsider, request):
    client = bearer_client(request.getfixturevalue(outsider))

    listed = client.get(URL)
    accepted = client.post(f"{URL}/{invitation.pk}/accept")
    declined = client.post(f"{URL}/{invitation.pk}/decline")
    withdrawn = client.post(f"{URL}/{invitation.pk}/withdraw")

    assert listed.json() == {"items": [], "count": 0}
    assert [r.status_code for r in (accepted, declined, withdrawn)] == [404, 404, 404]
    assert [r.json() for r in (accepted, declined, withdrawn)] == [NOT_FOUND] * 3
    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_any_asn_invites_a_colleague_by_nip(wayan, budi):
    response = bearer_client(wayan).post(
        URL,
        {"invitee": budi.nip, "inviter_role": "coach", "topic": "Memimpin rapat", "message": "Mau?"},
        content_type="application/json",
    )

    assert response.status_code == 201
    invitation = PeerInvitation.objects.get()
    assert response.json() == invitation_json(invitation)
    assert (invitation.invited_by, invitation.invitee, invitation.inviter_role) == (wayan, budi, "coach")


def test_self_invitation_is_422_on_the_invitee_field(budi):
    response = bearer_client(budi).post(
        URL, {"invitee": budi.email, "inviter_role": "coach", "topic": "Apa saja"}, content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "invitee": [in_indonesian("You cannot invite yourself; type the NIP or e-mail of a colleague.")]
    }
    assert not PeerInvitation.objects.exists()


def test_invitee_accepts_and_gets_the_new_peer_engagement(budi, dewi, invitation):
    response = bearer_client(dewi).post(f"{URL}/{invitation.pk}/accept")

    assert response.status_code == 201
    engagement = Engagement.objects.get()
    assert (engagement.kind, engagement.coach, engagement.coachee) == ("peer", dewi, budi)
    body = response.json()
    assert (body["id"], body["kind"], body["status"], body["topic"]) == (
        engagement.pk,
        "peer",
        "active",
        "Menyusun SKP",
    )
    assert (body["coach"], body["coachee"]) == (person(dewi), person(budi))


def test_the_inviter_cannot_accept_and_gets_403(budi, invitation):
    response = bearer_client(budi).post(f"{URL}/{invitation.pk}/accept")

    assert response.status_code == 403
    assert response.json() == FORBIDDEN
    assert not Engagement.objects.exists()


def test_invitee_declines(dewi, invitation):
    response = bearer_client(dewi).post(f"{URL}/{invitation.pk}/decline")

    assert response.status_code == 200
    invitation.refresh_from_db()
    assert response.json() == invitation_json(invitation)
    assert invitation.status == "declined"


def test_inviter_withdraws_and_the_invitee_may_not(budi, dewi, invitation):
    refused = bearer_client(dewi).post(f"{URL}/{invitation.pk}/withdraw")
    withdrawn = bearer_client(budi).post(f"{URL}/{invitation.pk}/withdraw")

    assert refused.status_code == 403
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "withdrawn"


def test_answering_a_withdrawn_invitation_is_422(dewi, invitation):
    invitation.status = "withdrawn"
    invitation.save()

    response = bearer_client(dewi).post(f"{URL}/{invitation.pk}/accept")

    assert response.status_code == 422
    withdrawn = in_indonesian("%(name)s withdrew this invitation; it can no longer be answered.")
    assert response.json()["errors"] == {"__all__": [withdrawn % {"name": "Budi Santoso"}]}


@pytest.mark.parametrize("item_count", [1, 3])
def test_invitation_list_query_count_does_not_grow(budi, item_count, django_assert_num_queries):
    for _ in range(item_count):
        PeerInvitationFactory(invited_by=budi, invitee=EmployeeFactory())
    client = bearer_client(budi)

    # The token (read, then its last use), the count, the page of invitations with both people.
    with django_assert_num_queries(3):
        response = client.get(URL)

    assert response.json()["count"] == item_count
