"""Peer coaching: any ASN invites a colleague by NIP or e-mail; accepted, a peer engagement opens for both."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import override

from tests.factories import EmployeeFactory, PeerInvitationFactory
from tests.helpers import in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import Engagement, PeerInvitation
from tumbuh.coaching.services.peer import (
    accept_peer_invitation,
    decline_peer_invitation,
    invite_peer,
    withdraw_peer_invitation,
)
from tumbuh.notifications.models import Notification

pytestmark = pytest.mark.django_db

TOPIC = "Menyusun SKP yang terukur"
UNKNOWN = (
    "No active colleague has that NIP or e-mail address. Check it, or ask your colleague for the NIP or address "
    "they log in with."
)


@pytest.fixture(autouse=True)
def _english():
    # Service messages are translated; in English the expected texts read as written in the code.
    with override("en"):
        yield


def test_invitee_is_found_by_email_in_any_case(budi, dewi):
    invitation = invite_peer(by=budi, invitee="  Dewi@BabelProv.go.id ", inviter_role="coachee", topic=TOPIC)

    invitation.refresh_from_db()
    assert (invitation.invited_by, invitation.invitee, invitation.status) == (budi, dewi, "pending")
    assert (invitation.topic, invitation.inviter_role, invitation.engagement) == (TOPIC, "coachee", None)


def test_invitee_is_found_by_nip_typed_with_spaces(budi, dewi):
    spaced = f"{dewi.nip[:8]} {dewi.nip[8:14]} {dewi.nip[14]} {dewi.nip[15:]}"

    invitation = invite_peer(by=budi, invitee=spaced, inviter_role="coach", topic=TOPIC, message="Mulai pekan depan?")

    assert (invitation.invitee, invitation.message) == (dewi, "Mulai pekan depan?")


@pytest.mark.parametrize("login", ["tidak.ada@babelprov.go.id", "199001012015011999", "Dewi"])
def test_unknown_nip_or_email_is_refused_and_nothing_is_saved(budi, dewi, login):
    with pytest.raises(ValidationError) as error:
        invite_peer(by=budi, invitee=login, inviter_role="coachee", topic=TOPIC)

    assert error.value.message_dict == {"invitee": [UNKNOWN]}
    assert not PeerInvitation.objects.exists()


def test_a_colleague_who_left_cannot_be_invited(budi):
    gone = EmployeeFactory(email="pensiun@babelprov.go.id", is_active=False)

    with pytest.raises(ValidationError) as error:
        invite_peer(by=budi, invitee=gone.email, inviter_role="coachee", topic=TOPIC)

    assert error.value.message_dict == {"invitee": [UNKNOWN]}


def test_empty_login_asks_for_one(budi):
    with pytest.raises(ValidationError) as error:
        invite_peer(by=budi, invitee=" ", inviter_role="coachee", topic=TOPIC)

    assert error.value.message_dict == {"invitee": ["Type your colleague's NIP or e-mail address."]}


def test_nobody_can_invite_themselves(budi):
    with pytest.raises(ValidationError) as error:
        invite_peer(by=budi, invitee=budi.email, inviter_role="coachee", topic=TOPIC)

    assert error.value.message_dict == {
        "invitee": ["You cannot invite yourself; type the NIP or e-mail of a colleague."]
    }
    assert not PeerInvitation.objects.exists()


def test_topic_and_role_are_required(budi, dewi):
    with pytest.raises(ValidationError) as error:
        invite_peer(by=budi, invitee=dewi.email, inviter_role="mentor", topic="  ")

    assert error.value.message_dict == {
        "inviter_role": ["Choose whether you offer to coach or ask to be coached."],
        "topic": ["Write the topic you would like to work on together."],
    }


def test_a_second_pending_invitation_to_the_same_colleague_is_refused(budi, dewi):
    invite_peer(by=budi, invitee=dewi.email, inviter_role="coachee", topic=TOPIC)

    with pytest.raises(ValidationError) as error:
        invite_peer(by=budi, invitee=dewi.email, inviter_role="coach", topic="Topik lain")

    assert error.value.message_dict == {
        "invitee": [
            "You already invited Dewi Lestari and are waiting for the answer. Wait for it, or withdraw that "
            "invitation first."
        ]
    }
    assert PeerInvitation.objects.count() == 1


def test_inviting_someone_who_already_invited_you_points_to_their_invitation(budi, dewi):
    invite_peer(by=dewi, invitee=budi.email, inviter_role="coachee", topic=TOPIC)

    with pytest.raises(ValidationError) as error:
        invite_peer(by=budi, invitee=dewi.email, inviter_role="coachee", topic=TOPIC)

    assert error.value.message_dict == {
        "invitee": [
            "Dewi Lestari has already invited you to peer coaching. Answer that invitation on your peer-coaching page."
        ]
    }


def test_after_an_answer_the_same_colleague_may_be_invited_again(budi, dewi):
    first = invite_peer(by=budi, invitee=dewi.email, inviter_role="coachee", topic=TOPIC)
    decline_peer_invitation(invitation=first, by=dewi)

    second = invite_peer(by=budi, invitee=dewi.email, inviter_role="coachee", topic=TOPIC)

    assert second.status == "pending"


def test_colleagues_with_an_open_peer_engagement_are_sent_back_to_it(budi, dewi):
    first = invite_peer(by=budi, invitee=dewi.email, inviter_role="coachee", topic=TOPIC)
    engagement = accept_peer_invitation(invitation=first, by=dewi)

    with pytest.raises(ValidationError) as error:
        invite_peer(by=dewi, invitee=budi.email, inviter_role="coach", topic="Presentasi di depan pimpinan")

    assert error.value.message_dict == {
        "invitee": [
            "You and Budi Santoso already have an open peer-coaching engagement (“Menyusun SKP yang terukur”). "
            "Continue there, or close it before starting another."
        ]
    }
    assert PeerInvitation.objects.count() == 1
    # Once it is closed, a new one may start.
    Engagement.objects.filter(pk=engagement.pk).update(status="completed")
    assert invite_peer(by=dewi, invitee=budi.email, inviter_role="coach", topic=TOPIC).status == "pending"


def test_the_database_keeps_one_pending_invitation_per_pair_in_either_direction(budi, dewi):
    PeerInvitationFactory(invited_by=budi, invitee=dewi)

    with pytest.raises(IntegrityError), transaction.atomic():
        PeerInvitationFactory(invited_by=dewi, invitee=budi)


def test_invitee_is_notified_in_their_language(budi, dewi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite_peer(by=budi, invitee=dewi.email, inviter_role="coachee", topic=TOPIC)

    text = in_indonesian("%(name)s invites you to peer coaching on “%(topic)s”. Accept or decline in Tumbuh.") % {
        "name": "Budi Santoso",
        "topic": TOPIC,
    }
    assert list(Notification.objects.values_list("recipient", "kind", "text", "url")) == [
        (dewi.pk, "coaching_updates", text, "/coaching/peer/")
    ]
    assert [message.to for message in mail.outbox] == [["dewi@babelprov.go.id"]]


@pytest.mark.parametrize(("inviter_role", "coach", "coachee"), [("coach", "budi", "dewi"), ("coachee", "dewi", "budi")])
def test_accepting_opens_an_active_peer_engagement_with_roles_as_the_inviter_proposed(
    budi, dewi, inviter_role, coach, coachee, request
):
    invitation = invite_peer(by=budi, invitee=dewi.email, inviter_role=inviter_role, topic=TOPIC)

    engagement = accept_peer_invitation(invitation=invitation, by=dewi)

    engagement.refresh_from_db()
    assert (engagement.kind, engagement.status, engagement.topic) == ("peer", "active", TOPIC)
    assert engagement.coach == request.getfixturevalue(coach)
    assert engagement.coachee == request.getfixturevalue(coachee)
    assert engagement.started_at is not None
    invitation.refresh_from_db()
    assert (invitation.status, invitation.engagement) == ("accepted", engagement)
    assert invitation.answered_at is not None


def test_the_inviter_is_told_of_the_acceptance_with_a_link_to_the_engagement(budi, dewi):
    invitation = invite_peer(by=budi, invitee=dewi.email, inviter_role="coachee", topic=TOPIC)

    engagement = accept_peer_invitation(invitation=invitation, by=dewi)

    notice = Notification.objects.get(recipient=budi)
    assert notice.text == in_indonesian("%(name)s accepted your peer-coaching invitation on “%(topic)s”.") % {
        "name": "Dewi Lestari",
        "topic": TOPIC,
    }
    assert notice.url == f"/coaching/engagements/{engagement.pk}/"


def test_only_the_invitee_can_accept_or_decline(budi, dewi, sari):
    invitation = PeerInvitationFactory(invited_by=budi, invitee=dewi)

    for person in (budi, sari):
        with pytest.raises(PermissionDenied) as accepting:
            accept_peer_invitation(invitation=invitation, by=person)
        with pytest.raises(PermissionDenied) as declining:
            decline_peer_invitation(invitation=invitation, by=person)
        assert str(accepting.value) == "Only the invited colleague can accept this invitation."
        assert str(declining.value) == "Only the invited colleague can decline this invitation."
    assert not Engagement.objects.exists()
    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_accepting_twice_opens_one_engagement(budi, dewi):
    invitation = PeerInvitationFactory(invited_by=budi, invitee=dewi)
    accept_peer_invitation(invitation=invitation, by=dewi)
    stale = PeerInvitation.objects.get(pk=invitation.pk)
    stale.status = "pending"  # as a second browser tab still shows it

    with pytest.raises(ValidationError) as error:
        accept_peer_invitation(invitation=stale, by=dewi)

    assert error.value.messages == ["This invitation was accepted already; the engagement is in your list."]
    assert Engagement.objects.count() == 1


def test_declining_tells_the_inviter_and_opens_nothing(budi, dewi):
    invitation = PeerInvitationFactory(invited_by=budi, invitee=dewi, topic=TOPIC)

    decline_peer_invitation(invitation=invitation, by=dewi)

    invitation.refresh_from_db()
    assert invitation.status == "declined"
    assert not Engagement.objects.exists()
    assert Notification.objects.get().recipient == budi
    with pytest.raises(ValidationError) as error:
        accept_peer_invitation(invitation=invitation, by=dewi)
    assert error.value.messages == ["This invitation was declined already; a new invitation is needed."]


def test_inviter_withdraws_and_the_invitee_can_no_longer_accept(budi, dewi):
    invitation = PeerInvitationFactory(invited_by=budi, invitee=dewi, topic=TOPIC)

    withdraw_peer_invitation(invitation=invitation, by=budi)

    invitation.refresh_from_db()
    assert invitation.status == "withdrawn"
    assert Notification.objects.get().recipient == dewi
    with pytest.raises(ValidationError) as error:
        accept_peer_invitation(invitation=invitation, by=dewi)
    assert error.value.messages == ["Budi Santoso withdrew this invitation; it can no longer be answered."]
    with pytest.raises(ValidationError) as again:
        withdraw_peer_invitation(invitation=invitation, by=budi)
    assert again.value.messages == ["You withdrew this invitation already."]


def test_only_the_inviter_can_withdraw(budi, dewi):
    invitation = PeerInvitationFactory(invited_by=budi, invitee=dewi)

    with pytest.raises(PermissionDenied) as error:
        withdraw_peer_invitation(invitation=invitation, by=dewi)

    assert str(error.value) == "Only the colleague who sent this invitation can withdraw it."


def test_invitations_and_answers_are_audited(budi, dewi):
    invitation = invite_peer(by=budi, invitee=dewi.email, inviter_role="coachee", topic=TOPIC)
    engagement = accept_peer_invitation(invitation=invitation, by=dewi)

    events = list(AuditEvent.objects.order_by("pk").values_list("actor", "action", "target_id"))
    assert events == [
        (budi.pk, "peer_invitation.sent", str(invitation.pk)),
        (dewi.pk, "engagement.started", str(engagement.pk)),
        (dewi.pk, "peer_invitation.accepted", str(invitation.pk)),
    ]
