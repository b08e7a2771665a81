"""The contract API: history, proposing and accepting; the coach and the coachee only."""

import datetime

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from tests.factories import AcceptedContractFactory, ContractFactory
from tests.helpers import in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import Contract
from tumbuh.people.services import create_api_token

pytestmark = pytest.mark.django_db


def as_json(value) -> str | None:
    return None if value is None else DjangoJSONEncoder().default(value)


def bearer_client(user) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def contract_json(contract, shared=()) -> dict:
    return {
        "id": contract.pk,
        "engagement_id": contract.engagement_id,
        "version": contract.version,
        "state": contract.state,
        "topic_and_goal": contract.topic_and_goal,
        "sessions_planned": contract.sessions_planned,
        "rhythm": contract.rhythm,
        "session_minutes": contract.session_minutes,
        "ends_on": as_json(contract.ends_on),
        "channel": contract.channel,
        "confidentiality": contract.confidentiality,
        "shared_with_supervisor": list(shared),
        "proposed_by": {"id": contract.proposed_by.pk, "full_name": contract.proposed_by.full_name},
        "proposed_at": as_json(contract.proposed_at),
        "coach_accepted_at": as_json(contract.coach_accepted_at),
        "coachee_accepted_at": as_json(contract.coachee_accepted_at),
        "superseded_at": as_json(contract.superseded_at),
    }


@pytest.fixture
def payload():
    return {
        "topic_and_goal": "Budi mendelegasikan dua tugas rutin.",
        "sessions_planned": 5,
        "rhythm": "weekly",
        "session_minutes": 15,
        "ends_on": (timezone.localdate() + datetime.timedelta(days=45)).isoformat(),
        "channel": "in_person",
        "confidentiality": "Isi sesi hanya untuk coach dan coachee.",
        "share_with_supervisor": ["attendance", "progress"],
        "base_version": 0,
    }


def contracts_url(engagement) -> str:
    return f"/api/v1/engagements/{engagement.pk}/contracts"


@pytest.mark.parametrize("person", ["sari", "budi"])
def test_both_parties_list_the_versions_newest_first(engagement, person, request):
    first = AcceptedContractFactory(engagement=engagement, share_actions=True)
    second = ContractFactory(engagement=engagement, version=2, rhythm="weekly")

    response = bearer_client(request.getfixturevalue(person)).get(contracts_url(engagement))

    assert response.status_code == 200
    assert response.json() == {"items": [contract_json(second), contract_json(first, ["actions"])], "count": 2}


def test_listing_the_contract_is_audited_as_a_token_read(budi, engagement):
    contract = ContractFactory(engagement=engagement)

    bearer_client(budi).get(contracts_url(engagement))

    assert list(AuditEvent.objects.values_list("actor", "action", "target_id", "via")) == [
        (budi.pk, "contract.read", str(contract.pk), "token")
    ]


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_for_everything(engagement, payload, outsider, request):
    contract = ContractFactory(engagement=engagement)
    client = bearer_client(request.getfixturevalue(outsider))

    listed = client.get(contracts_url(engagement))
    proposed = client.post(contracts_url(engagement), payload, content_type="application/json")
    accepted = client.post(f"/api/v1/contracts/{contract.pk}/accept")

    not_found = {"message": in_indonesian("Not found, or you do not have access to it.")}
    assert [r.status_code for r in (listed, proposed, accepted)] == [404, 404, 404]
    assert [r.json() for r in (listed, proposed, accepted)] == [not_found] * 3
    assert Contract.objects.count() == 1


def test_coachee_proposes_and_is_recorded_as_accepting(budi, engagement, payload):
    response = bearer_client(budi).post(contracts_url(engagement), payload, content_type="application/json")

    assert response.status_code == 201
    contract = Contract.objects.get()
    assert response.json() == contract_json(contract, ["attendance", "progress"])
    assert (contract.version, contract.state, contract.proposed_by) == (1, "pending", budi)
    assert contract.coach_accepted_at is None
    assert (contract.share_attendance, contract.share_progress, contract.share_actions) == (True, True, False)


def test_coach_accepts_and_the_contract_is_in_force(sari, budi, engagement):
    contract = ContractFactory(engagement=engagement, proposed_by=budi, coach_accepted_at=None)
    contract.coachee_accepted_at = contract.proposed_at
    contract.save()

    response = bearer_client(sari).post(f"/api/v1/contracts/{contract.pk}/accept")

    assert response.status_code == 200
    contract.refresh_from_db()
    assert contract.state == "accepted"
    assert response.json() == contract_json(contract)


def test_proposer_accepting_again_is_422(sari, engagement):
    contract = ContractFactory(engagement=engagement)

    response = bearer_client(sari).post(f"/api/v1/contracts/{contract.pk}/accept")

    assert response.status_code == 422
    assert response.json()["message"] == in_indonesian("Some fields need fixing.")
    assert list(response.json()["errors"]) == ["__all__"]
    contract.refresh_from_db()
    assert contract.coachee_accepted_at is None


def test_end_date_in_the_past_is_422_with_the_message_and_saves_nothing(sari, engagement, payload):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = bearer_client(sari).post(
        contracts_url(engagement), {**payload, "ends_on": yesterday.isoformat()}, content_type="application/json"
    )

    assert response.status_code == 422
    with override("id"):  # Sari's language, which the token activates
        date = date_format(yesterday, "j F Y")
    message = in_indonesian("The planned end %(date)s is not in the future; pick a date after today.")
    assert response.json()["errors"] == {"ends_on": [message % {"date": date}]}
    assert not Contract.objects.exists()


def test_proposal_on_an_outdated_version_is_409_with_the_newest_version(sari, budi, engagement, payload):
    AcceptedContractFactory(engagement=engagement, proposed_by=budi)

    response = bearer_client(sari).post(contracts_url(engagement), payload, content_type="application/json")

    assert response.status_code == 409
    message = in_indonesian(
        "Someone else changed the contract in the meantime. Review the newest version (version %(version)s) "
        "and propose again if you still want a change."
    ) % {"version": 1}
    assert response.json() == {"message": message, "errors": {"version": ["1"]}}
    assert Contract.objects.count() == 1


def test_unknown_sharing_category_is_422(sari, engagement, payload):
    response = bearer_client(sari).post(
        contracts_url(engagement), {**payload, "share_with_supervisor": ["notes"]}, content_type="application/json"
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["share_with_supervisor.0"]
    assert not Contract.objects.exists()


@pytest.mark.parametrize("version_count", [1, 3])
def test_contract_list_query_count_does_not_grow(sari, engagement, version_count, django_assert_num_queries):
    for version in range(1, version_count + 1):
        ContractFactory(engagement=engagement, version=version, sessions_planned=version)
    client = bearer_client(sari)

    # The token (read, then its last use), engagement, contracts with their proposers, the audit record.
    with django_assert_num_queries(5):
        response = client.get(contracts_url(engagement))

    assert response.json()["count"] == version_count
