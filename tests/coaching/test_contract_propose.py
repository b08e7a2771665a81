"""Proposing a contract: prefilled, either party may propose, bad input keeps what was typed and saves nothing."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import AcceptedContractFactory, EngagementFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import Contract, EngagementStatus
from tumbuh.coaching.models.contracts import DEFAULT_CONFIDENTIALITY

pytestmark = pytest.mark.django_db


def url_of(engagement) -> str:
    return f"/coaching/engagements/{engagement.pk}/contract/propose/"


@pytest.fixture
def in_two_months():
    return timezone.localdate() + datetime.timedelta(days=60)


@pytest.fixture
def form_data(in_two_months):
    return {
        "topic_and_goal": "Budi mendelegasikan laporan bulanan kepada Andi.",
        "sessions_planned": "4",
        "rhythm": "weekly",
        "session_minutes": "45",
        "ends_on": in_two_months.isoformat(),
        "channel": "mixed",
        "confidentiality": "Hanya coach dan coachee yang tahu isi sesi.",
        "share_attendance": "on",
        "base_version": "0",
    }


def test_first_proposal_is_prefilled_with_the_topic_and_the_suggested_confidentiality_terms(
    client_as, sari, engagement
):
    html = client_as(sari).get(url_of(engagement)).content.decode()

    assert ">\nDelegasi tugas di tim baru</textarea>" in html
    assert in_indonesian(str(DEFAULT_CONFIDENTIALITY)).replace("'", "&#x27;") + "</textarea>" in html
    assert '<input type="hidden" name="base_version" value="0"' in html
    assert 'name="share_attendance"' in html
    assert 'name="share_attendance" class="form-check-input" id="id_share_attendance" checked' not in html


def test_a_change_is_prefilled_from_the_latest_version(client_as, budi, engagement):
    AcceptedContractFactory(engagement=engagement, sessions_planned=9, session_minutes=15, share_progress=True)

    html = client_as(budi).get(url_of(engagement)).content.decode()

    assert 'name="sessions_planned" value="9"' in html
    assert 'name="session_minutes" value="15"' in html
    assert '<input type="hidden" name="base_version" value="1"' in html
    assert 'id="id_share_progress" checked' in html


def test_coachee_proposes_and_the_contract_waits_for_the_coach(client_as, budi, sari, engagement, form_data):
    client = client_as(budi)

    response = client.post(url_of(engagement), form_data)

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/engagements/{engagement.pk}/contract/"
    contract = Contract.objects.get()
    assert contract.terms() == {
        "topic_and_goal": "Budi mendelegasikan laporan bulanan kepada Andi.",
        "sessions_planned": 4,
        "rhythm": "weekly",
        "session_minutes": 45,
        "ends_on": timezone.localdate() + datetime.timedelta(days=60),
        "channel": "mixed",
        "confidentiality": "Hanya coach dan coachee yang tahu isi sesi.",
        "share_attendance": True,
        "share_progress": False,
        "share_actions": False,
    }
    assert (contract.proposed_by, contract.coach_accepted_at) == (budi, None)
    assert contract.coachee_accepted_at is not None
    page = client.get(response["Location"]).content.decode()
    proposed = in_indonesian("Contract proposed. %(name)s is asked to accept it.") % {"name": "Sari Wulandari"}
    assert proposed in page


def test_end_date_in_the_past_shows_the_message_in_indonesian_keeps_the_input_and_saves_nothing(
    client_as, sari, engagement, form_data
):
    last_week = timezone.localdate() - datetime.timedelta(days=7)

    response = client_as(sari).post(url_of(engagement), {**form_data, "ends_on": last_week.isoformat()})

    html = response.content.decode()
    assert response.status_code == 200
    message = in_indonesian("The planned end %(date)s is not in the future; pick a date after today.")
    months = [in_indonesian(m) for m in ["January", "February", "March", "April", "May", "June", "July"]]
    months += [in_indonesian(m) for m in ["August", "September", "October", "November", "December"]]
    date = f"{last_week.day} {months[last_week.month - 1]} {last_week.year}"
    assert f'<div class="invalid-feedback d-block">{message % {"date": date}}</div>' in html
    assert f'name="ends_on" value="{last_week.isoformat()}"' in html
    assert ">\nBudi mendelegasikan laporan bulanan kepada Andi.</textarea>" in html
    assert 'name="session_minutes" value="45"' in html
    assert not Contract.objects.exists()


def test_a_proposal_made_on_an_outdated_version_shows_the_newest_and_keeps_the_input(
    client_as, sari, budi, engagement, form_data
):
    newest = AcceptedContractFactory(engagement=engagement, proposed_by=budi, sessions_planned=12)

    response = client_as(sari).post(url_of(engagement), form_data)  # based on "no contract yet"

    html = response.content.decode()
    assert response.status_code == 200
    conflict = in_indonesian(
        "Someone else changed the contract in the meantime. Review the newest version (version %(version)s) "
        "and propose again if you still want a change."
    ) % {"version": 1}
    assert conflict in html
    assert '<div class="alert alert-warning" id="contract-conflict">' in html
    assert '<dd class="col-sm-7 notes">12</dd>' in html
    assert 'name="session_minutes" value="45"' in html  # what Sari typed
    assert '<input type="hidden" name="base_version" value="1"' in html  # the next submit is based on the newest
    assert list(Contract.objects.all()) == [newest]


def test_resubmitting_after_a_conflict_proposes_the_next_version(client_as, sari, budi, engagement, form_data):
    AcceptedContractFactory(engagement=engagement, proposed_by=budi)

    client_as(sari).post(url_of(engagement), form_data)
    response = client_as(sari).post(url_of(engagement), {**form_data, "base_version": "1"})

    assert response.status_code == 302
    assert list(Contract.objects.values_list("version", "proposed_by")) == [(2, sari.pk), (1, budi.pk)]


def test_closed_engagement_contract_cannot_be_proposed(client_as, sari, budi, form_data):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)

    response = client_as(sari).post(url_of(closed), form_data)

    assert response.status_code == 403
    assert not Contract.objects.exists()


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_and_nothing_is_saved(
    client_as, engagement, form_data, outsider, request
):
    client = client_as(request.getfixturevalue(outsider))

    assert client.get(url_of(engagement)).status_code == 404
    assert client.post(url_of(engagement), form_data).status_code == 404
    assert not Contract.objects.exists()
