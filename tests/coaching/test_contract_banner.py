"""The engagement page puts the contract first: "Contract pending" in view of both until both accepted it."""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, override

from tests.factories import AcceptedContractFactory, ContractFactory, EngagementFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import EngagementStatus

pytestmark = pytest.mark.django_db

PENDING = in_indonesian("Contract pending.")


def banner_of(client, engagement) -> str:
    html = client.get(f"/coaching/engagements/{engagement.pk}/").content.decode()
    start = html.index('id="contract-banner"')
    return html[start : html.index("\n</div>", start)]


@pytest.mark.parametrize("person", ["sari", "budi"])
def test_without_a_contract_both_are_asked_to_propose_one(client_as, engagement, person, request):
    banner = banner_of(client_as(request.getfixturevalue(person)), engagement)

    assert f"<strong>{PENDING}</strong>" in banner
    assert f'href="/coaching/engagements/{engagement.pk}/contract/propose/"' in banner


def test_the_party_who_must_accept_is_asked_to_review_and_accept(client_as, budi, engagement):
    ContractFactory(engagement=engagement)

    banner = banner_of(client_as(budi), engagement)

    assert f"<strong>{PENDING}</strong>" in banner
    assert in_indonesian("Version %(version)s of the contract waits for your acceptance.") % {"version": 1} in banner
    assert f'<a class="btn btn-tumbuh" href="/coaching/engagements/{engagement.pk}/contract/">' in banner


def test_the_proposer_sees_the_contract_is_still_pending(client_as, sari, engagement):
    ContractFactory(engagement=engagement)

    banner = banner_of(client_as(sari), engagement)

    assert f"<strong>{PENDING}</strong>" in banner
    waiting = in_indonesian(
        "You proposed version %(version)s of the contract; it waits for the other party's acceptance."
    ) % {"version": 1}
    assert waiting in banner


def test_a_proposed_change_makes_the_contract_pending_again_for_both(client_as, sari, budi, engagement):
    AcceptedContractFactory(engagement=engagement, version=1)
    ContractFactory(engagement=engagement, version=2, rhythm="weekly")

    assert f"<strong>{PENDING}</strong>" in banner_of(client_as(sari), engagement)
    assert f"<strong>{PENDING}</strong>" in banner_of(client_as(budi), engagement)


@pytest.mark.parametrize("person", ["sari", "budi"])
def test_an_accepted_contract_is_summed_up_for_both(client_as, engagement, person, request):
    ends_on = timezone.localdate() + datetime.timedelta(days=90)
    AcceptedContractFactory(engagement=engagement, sessions_planned=6, ends_on=ends_on)

    banner = banner_of(client_as(request.getfixturevalue(person)), engagement)

    with override("id"):
        summary = ngettext(
            "Contract in force (version %(version)s): %(sessions)s session, %(rhythm)s, until %(date)s.",
            "Contract in force (version %(version)s): %(sessions)s sessions, %(rhythm)s, until %(date)s.",
            6,
        ) % {
            "version": 1,
            "sessions": 6,
            "rhythm": gettext("Every two weeks").lower(),
            "date": date_format(ends_on, "j F Y"),
        }
    assert PENDING not in banner
    assert f'<div class="small">{summary}</div>' in banner
    assert f'<a class="small" href="/coaching/engagements/{engagement.pk}/contract/">' in banner


def test_a_closed_engagement_without_contract_offers_no_proposal(client_as, sari, budi):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)

    banner = banner_of(client_as(sari), closed)

    assert "/contract/propose/" not in banner
