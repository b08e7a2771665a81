"""The coaching contract: both parties accept it, a change needs both again, and every version is kept."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import override

from tests.factories import AcceptedContractFactory, ContractFactory, EngagementFactory
from tests.helpers import in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import Contract, EngagementStatus
from tumbuh.coaching.selectors import engagement_detail_for, shared_with_supervisor
from tumbuh.coaching.services.contracts import (
    ContractConflict,
    accept_contract,
    propose_contract,
)
from tumbuh.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Service messages are translated; in English the expected texts read as written in the code.
    with override("en"):
        yield


@pytest.fixture
def in_three_months():
    return timezone.localdate() + datetime.timedelta(days=90)


@pytest.fixture
def terms(in_three_months):
    return {
        "topic_and_goal": "Budi mendelegasikan dua tugas rutin kepada timnya dalam tiga bulan.",
        "sessions_planned": 6,
        "rhythm": "biweekly",
        "session_minutes": 60,
        "ends_on": in_three_months,
        "channel": "online",
        "confidentiality": "Isi percakapan hanya diketahui coach dan coachee.",
    }


def fresh(engagement):
    """The engagement as the pages load it: contracts prefetched."""
    return engagement_detail_for(engagement.coach).get(pk=engagement.pk)


def test_coachs_proposal_is_version_1_accepted_by_the_coach_and_pending_for_the_coachee(engagement, sari, terms):
    contract = propose_contract(engagement=engagement, by=sari, **terms)

    contract.refresh_from_db()
    assert contract.version == 1
    assert contract.proposed_by == sari
    assert contract.coach_accepted_at == contract.proposed_at
    assert contract.coachee_accepted_at is None
    assert contract.state == "pending"
    assert (contract.share_attendance, contract.share_progress, contract.share_actions) == (False, False, False)
    assert fresh(engagement).contract_state == "pending"


def test_coachee_may_propose_and_is_recorded_as_accepting_it(engagement, budi, terms):
    contract = propose_contract(engagement=engagement, by=budi, **terms)

    assert contract.coachee_accepted_at == contract.proposed_at
    assert contract.coach_accepted_at is None


def test_contract_is_in_force_once_the_other_party_accepts(engagement, sari, budi, terms):
    proposed = propose_contract(engagement=engagement, by=sari, **terms)

    accepted = accept_contract(contract=proposed, by=budi)

    accepted.refresh_from_db()
    assert accepted.is_accepted
    assert accepted.accepted_at == accepted.coachee_accepted_at
    assert accepted.state == "accepted"
    loaded = fresh(engagement)
    assert loaded.contract_state == "accepted"
    assert loaded.contract_in_force == accepted


def test_engagement_without_a_contract_has_state_none(engagement):
    loaded = fresh(engagement)

    assert loaded.contract_state == "none"
    assert loaded.current_contract is None
    assert loaded.contract_in_force is None


def test_proposer_cannot_accept_their_own_proposal_a_second_time(engagement, sari, terms):
    contract = propose_contract(engagement=engagement, by=sari, **terms)

    with pytest.raises(ValidationError) as error:
        accept_contract(contract=contract, by=sari)

    when = timezone.localtime(contract.proposed_at)
    assert error.value.messages == [f"You already accepted version 1 on {when:%-d %B %Y %H:%M}; nothing more to do."]


def test_accepting_twice_is_refused_with_the_same_message(engagement, sari, budi, terms):
    contract = accept_contract(contract=propose_contract(engagement=engagement, by=sari, **terms), by=budi)

    with pytest.raises(ValidationError) as error:
        accept_contract(contract=contract, by=budi)

    when = timezone.localtime(contract.coachee_accepted_at)
    assert error.value.messages == [f"You already accepted version 1 on {when:%-d %B %Y %H:%M}; nothing more to do."]


def test_a_change_needs_both_to_accept_again_and_the_old_version_stays_in_force_meanwhile(
    engagement, sari, budi, terms
):
    first = accept_contract(contract=propose_contract(engagement=engagement, by=sari, **terms), by=budi)

    change = propose_contract(engagement=engagement, by=budi, base_version=1, **{**terms, "sessions_planned": 8})

    assert change.version == 2
    assert (change.coach_accepted_at, change.coachee_accepted_at) == (None, change.proposed_at)
    loaded = fresh(engagement)
    assert loaded.contract_state == "pending"
    assert loaded.contract_in_force == first
    assert loaded.current_contract == change

    accept_contract(contract=change, by=sari)

    loaded = fresh(engagement)
    assert loaded.contract_state == "accepted"
    assert loaded.contract_in_force == change
    first.refresh_from_db()
    assert first.state == "accepted"  # history: version 1 was accepted and stays so
    assert list(Contract.objects.filter(engagement=engagement).values_list("version", "sessions_planned")) == [
        (2, 8),
        (1, 6),
    ]


def test_proposing_while_a_version_is_pending_supersedes_it_and_keeps_it(engagement, sari, budi, terms):
    first = propose_contract(engagement=engagement, by=sari, **terms)

    second = propose_contract(engagement=engagement, by=budi, base_version=1, **{**terms, "rhythm": "weekly"})

    first.refresh_from_db()
    assert first.state == "superseded"
    assert first.superseded_at == second.proposed_at
    assert second.state == "pending"
    assert Contract.objects.filter(engagement=engagement).count() == 2


def test_only_the_latest_version_can_be_accepted(engagement, sari, budi, terms):
    first = propose_contract(engagement=engagement, by=sari, **terms)
    propose_contract(engagement=engagement, by=sari, base_version=1, **{**terms, "session_minutes": 45})

    with pytest.raises(ValidationError) as error:
        accept_contract(contract=first, by=budi)

    assert error.value.messages == [
        "Version 1 is no longer the current proposal: version 2 replaced it. Review version 2 and accept that one."
    ]
    first.refresh_from_db()
    assert first.coachee_accepted_at is None


def test_end_date_in_the_past_is_refused_and_nothing_is_saved(engagement, sari, terms):
    last_week = timezone.localdate() - datetime.timedelta(days=7)

    with pytest.raises(ValidationError) as error:
        propose_contract(engagement=engagement, by=sari, **{**terms, "ends_on": last_week})

    assert error.value.message_dict == {
        "ends_on": [f"The planned end {last_week:%-d %B %Y} is not in the future; pick a date after today."]
    }
    assert not Contract.objects.exists()
    assert not Notification.objects.exists()


def test_end_date_today_is_refused(engagement, sari, terms):
    today = timezone.localdate()

    with pytest.raises(ValidationError) as error:
        propose_contract(engagement=engagement, by=sari, **{**terms, "ends_on": today})

    assert list(error.value.message_dict) == ["ends_on"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"sessions_planned": 0}, "sessions_planned", "Plan between 1 and 24 sessions."),
        ({"sessions_planned": 25}, "sessions_planned", "Plan between 1 and 24 sessions."),
        (
            {"session_minutes": 9},
            "session_minutes",
            "A session lasts between 10 and 180 minutes (micro-coaching: 10 to 15).",
        ),
        (
            {"session_minutes": 181},
            "session_minutes",
            "A session lasts between 10 and 180 minutes (micro-coaching: 10 to 15).",
        ),
        ({"topic_and_goal": "  "}, "topic_and_goal", "Write the topic and the goal the coaching works towards."),
        ({"ends_on": None}, "ends_on", "Give the date by which the engagement is planned to end."),
        (
            {"confidentiality": ""},
            "confidentiality",
            "Write the confidentiality terms; the suggested text is a good start.",
        ),
    ],
)
def test_terms_out_of_range_are_refused_and_nothing_is_saved(engagement, sari, terms, change, field, message):
    with pytest.raises(ValidationError) as error:
        propose_contract(engagement=engagement, by=sari, **{**terms, **change})

    assert error.value.message_dict == {field: [message]}
    assert not Contract.objects.exists()


def test_micro_coaching_sessions_of_ten_minutes_are_allowed(engagement, sari, terms):
    contract = propose_contract(engagement=engagement, by=sari, **{**terms, "session_minutes": 10})

    assert contract.session_minutes == 10


def test_proposing_the_same_terms_again_is_refused(engagement, sari, budi, terms):
    propose_contract(engagement=engagement, by=sari, **terms)

    with pytest.raises(ValidationError) as error:
        propose_contract(engagement=engagement, by=budi, base_version=1, **terms)

    assert error.value.messages == [
        "These terms are the same as version 1. Change at least one term, or accept version 1 if it is waiting for you."
    ]
    assert Contract.objects.count() == 1


def test_two_proposals_based_on_the_same_version_cannot_both_win(engagement, sari, budi, terms):
    propose_contract(engagement=engagement, by=sari, base_version=0, **terms)

    with pytest.raises(ContractConflict) as error:
        propose_contract(engagement=engagement, by=budi, base_version=0, **{**terms, "rhythm": "monthly"})

    assert str(error.value) == (
        "Someone else changed the contract in the meantime. Review the newest version (version 1) and propose "
        "again if you still want a change."
    )
    assert error.value.current.version == 1
    assert list(Contract.objects.values_list("version", "rhythm", "proposed_by")) == [(1, "biweekly", sari.pk)]


def test_the_database_refuses_a_second_contract_with_the_same_version(engagement):
    ContractFactory(engagement=engagement, version=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        ContractFactory(engagement=engagement, version=1)


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_can_neither_propose_nor_accept(engagement, terms, outsider, request):
    person = request.getfixturevalue(outsider)
    contract = ContractFactory(engagement=engagement)
    refusal = "Only the coach and the coachee of this engagement can agree on its contract."

    with pytest.raises(PermissionDenied) as proposing:
        propose_contract(engagement=engagement, by=person, **{**terms, "rhythm": "weekly"})
    with pytest.raises(PermissionDenied) as accepting:
        accept_contract(contract=contract, by=person)

    assert str(proposing.value) == refusal
    assert str(accepting.value) == refusal
    assert Contract.objects.count() == 1


def test_the_contract_of_a_closed_engagement_can_no_longer_change(sari, budi, terms):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)
    contract = ContractFactory(engagement=closed)

    with pytest.raises(ValidationError) as proposing:
        propose_contract(engagement=closed, by=sari, **terms)
    with pytest.raises(ValidationError) as accepting:
        accept_contract(contract=contract, by=budi)

    closed_message = ["This engagement is closed; its contract can no longer be changed."]
    assert proposing.value.messages == closed_message
    assert accepting.value.messages == closed_message


def test_the_other_party_is_told_of_a_proposal_and_of_the_acceptance(
    engagement, sari, budi, terms, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        contract = propose_contract(engagement=engagement, by=sari, **terms)
        accept_contract(contract=contract, by=budi)

    notices = list(Notification.objects.order_by("pk").values_list("recipient", "kind", "text", "url"))
    url = f"/coaching/engagements/{engagement.pk}/contract/"
    # Budi and Sari read Tumbuh in Indonesian: the notices are written in their language.
    proposed = in_indonesian(
        "%(name)s proposed version %(version)s of the coaching contract for “%(topic)s”. Review it, "
        "and accept it if you agree."
    ) % {"name": "Sari Wulandari", "version": 1, "topic": "Delegasi tugas di tim baru"}
    accepted = in_indonesian(
        "%(name)s accepted version %(version)s of the coaching contract for “%(topic)s”. It is now in force."
    ) % {"name": "Budi Santoso", "version": 1, "topic": "Delegasi tugas di tim baru"}
    assert notices == [
        (budi.pk, "coaching_updates", proposed, url),
        (sari.pk, "coaching_updates", accepted, url),
    ]
    assert [message.to for message in mail.outbox] == [["budi@babelprov.go.id"], ["sari@babelprov.go.id"]]
    # The terms stay in Tumbuh: the e-mail only says there is something to look at.
    assert terms["topic_and_goal"] not in mail.outbox[0].body


def test_proposals_and_acceptances_are_audited(engagement, sari, budi, terms):
    contract = propose_contract(engagement=engagement, by=sari, **terms)
    accept_contract(contract=contract, by=budi)

    events = AuditEvent.objects.order_by("pk").values_list("actor", "action", "target_type", "target_id", "detail")
    assert list(events) == [
        (sari.pk, "contract.proposed", "coaching.contract", str(contract.pk), "v1"),
        (budi.pk, "contract.accepted", "coaching.contract", str(contract.pk), "v1"),
    ]


def test_supervisor_sees_nothing_by_default(engagement):
    AcceptedContractFactory(engagement=engagement)

    assert shared_with_supervisor(fresh(engagement)) == frozenset()


def test_supervisor_sees_nothing_until_both_accept_what_may_be_shared(engagement, sari, budi, terms):
    contract = propose_contract(engagement=engagement, by=sari, share_attendance=True, share_actions=True, **terms)

    assert shared_with_supervisor(fresh(engagement)) == frozenset()

    accept_contract(contract=contract, by=budi)

    assert shared_with_supervisor(fresh(engagement)) == {"attendance", "actions"}
