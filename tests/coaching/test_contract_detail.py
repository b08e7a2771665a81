"""The contract page: the current version, who accepted it when, what the supervisor sees, and the history."""

import datetime

import pytest

from tests.factories import AcceptedContractFactory, ContractFactory
from tests.helpers import in_indonesian
from tumbuh.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

MARCH_2_0930_UTC = datetime.datetime(2026, 3, 2, 1, 30, tzinfo=datetime.UTC)
MARCH_3_0930_UTC = datetime.datetime(2026, 3, 3, 1, 30, tzinfo=datetime.UTC)


def url_of(engagement) -> str:
    return f"/coaching/engagements/{engagement.pk}/contract/"


@pytest.fixture
def in_force(engagement):
    """Version 1, proposed by Sari on 2 March and accepted by Budi on 3 March."""
    return AcceptedContractFactory(
        engagement=engagement,
        proposed_at=MARCH_2_0930_UTC,
        coach_accepted_at=MARCH_2_0930_UTC,
        coachee_accepted_at=MARCH_3_0930_UTC,
    )


@pytest.fixture
def change(engagement, budi, in_force):
    """Version 2, proposed by Budi: eight sessions instead of six, attendance shared with the supervisor."""
    return ContractFactory(
        engagement=engagement,
        version=2,
        sessions_planned=8,
        share_attendance=True,
        proposed_by=budi,
        proposed_at=MARCH_3_0930_UTC,
        coach_accepted_at=None,
        coachee_accepted_at=MARCH_3_0930_UTC,
    )


def test_both_acceptance_times_are_shown_in_each_viewers_own_zone(client_as, sari, budi, engagement, in_force):
    as_sari = client_as(sari).get(url_of(engagement)).content.decode()
    as_budi = client_as(budi).get(url_of(engagement)).content.decode()

    # Sari lives in WITA (UTC+8), Budi in WIB (UTC+7).
    assert '<dd class="col-sm-7">2 Maret 2026, 09:30 WITA</dd>' in as_sari
    assert '<dd class="col-sm-7 mb-0">3 Maret 2026, 09:30 WITA</dd>' in as_sari
    assert '<dd class="col-sm-7">2 Maret 2026, 08:30 WIB</dd>' in as_budi
    assert '<dd class="col-sm-7 mb-0">3 Maret 2026, 08:30 WIB</dd>' in as_budi


def test_contract_in_force_says_so_and_offers_no_accept_button(client_as, budi, engagement, in_force):
    html = client_as(budi).get(url_of(engagement)).content.decode()

    in_force_text = in_indonesian("Version %(version)s is in force: both of you accepted it on %(date)s.") % {
        "version": 1,
        "date": "3 Maret 2026",
    }
    assert in_force_text in html
    assert "/accept/" not in html


def test_the_party_who_must_accept_gets_the_accept_button(client_as, sari, engagement, change):
    html = client_as(sari).get(url_of(engagement)).content.decode()

    assert f'<form method="post" action="/coaching/contracts/{change.pk}/accept/">' in html
    assert (
        in_indonesian(
            "Version %(version)s, proposed by %(name)s, waits for your acceptance. Read it below; if you agree, "
            "accept it. If not, propose a change."
        )
        % {"version": 2, "name": "Budi Santoso"}
        in html
    )
    assert in_indonesian("Until then, version %(version)s stays in force.") % {"version": 1} in html


def test_the_proposer_sees_whom_the_proposal_waits_for_and_no_accept_button(client_as, budi, engagement, change):
    html = client_as(budi).get(url_of(engagement)).content.decode()

    assert "/accept/" not in html
    assert (
        in_indonesian("Version %(version)s waits for the acceptance of %(name)s.")
        % {"version": 2, "name": "Sari Wulandari"}
        in html
    )


def test_history_keeps_every_version_and_shows_what_changed(client_as, sari, engagement, change):
    html = client_as(sari).get(url_of(engagement)).content.decode()

    assert html.index('id="version-2"') < html.index('id="version-1"')
    sessions = in_indonesian("number of sessions").capitalize()
    attendance = in_indonesian("share attendance with the supervisor").capitalize()
    no, yes = in_indonesian("No"), in_indonesian("Yes")
    assert f"<li><strong>{sessions}:</strong> <del>6</del> → <ins>8</ins></li>" in html
    assert f"<li><strong>{attendance}:</strong> <del>{no}</del> → <ins>{yes}</ins></li>" in html
    assert html.count("<li><strong>") == 2  # nothing else changed
    assert in_indonesian("The first version.") in html


def test_superseded_version_is_listed_as_replaced(client_as, sari, engagement):
    ContractFactory(engagement=engagement, version=1, superseded_at=MARCH_3_0930_UTC)
    ContractFactory(engagement=engagement, version=2, rhythm="weekly")

    html = client_as(sari).get(url_of(engagement)).content.decode()

    replaced = in_indonesian("Replaced by a newer proposal before acceptance")
    assert f'<span class="small text-body-secondary">{replaced}</span>' in html


def test_supervisor_sees_nothing_by_default_and_the_page_says_so(client_as, budi, engagement, in_force):
    html = client_as(budi).get(url_of(engagement)).content.decode()

    for label in [
        "Attendance: the dates of the sessions held",
        "Goals and their progress",
        "Action items and whether they are done",
    ]:
        assert in_indonesian("Cannot see: %(label)s") % {"label": in_indonesian(label)} in html
    assert 'class="text-success">✓' not in html


def test_the_page_names_what_the_accepted_contract_lets_the_supervisor_see(client_as, budi, engagement):
    AcceptedContractFactory(engagement=engagement, share_progress=True)

    html = client_as(budi).get(url_of(engagement)).content.decode()

    can_see = in_indonesian("Can see: %(label)s") % {"label": in_indonesian("Goals and their progress")}
    assert f'<li class="text-success">✓ {can_see}</li>' in html
    assert html.count("✗") == 2


def test_a_pending_proposal_to_share_shares_nothing_yet(client_as, budi, engagement):
    ContractFactory(engagement=engagement, share_attendance=True, share_progress=True, share_actions=True)

    html = client_as(budi).get(url_of(engagement)).content.decode()

    assert in_indonesian("No contract is in force yet, so nothing is shared.") in html
    assert html.count("✗") == 3


def test_without_a_contract_the_page_asks_to_propose_one(client_as, budi, engagement):
    html = client_as(budi).get(url_of(engagement)).content.decode()

    assert in_indonesian("Contract pending.") in html
    assert f'<a class="btn btn-tumbuh" href="/coaching/engagements/{engagement.pk}/contract/propose/">' in html


def test_reading_the_contract_is_audited(client_as, budi, engagement, in_force):
    client_as(budi).get(url_of(engagement))

    assert list(AuditEvent.objects.values_list("actor", "action", "target_id")) == [
        (budi.pk, "contract.read", str(in_force.pk))
    ]


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, engagement, in_force, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(url_of(engagement))

    assert response.status_code == 404
    assert "Mendelegasikan dua tugas rutin" not in response.content.decode()


@pytest.mark.parametrize("version_count", [1, 3])
def test_contract_page_query_count_does_not_grow(
    client_as, sari, budi, engagement, version_count, django_assert_num_queries
):
    for version in range(1, version_count + 1):
        ContractFactory(engagement=engagement, version=version, sessions_planned=version, proposed_by=budi)
    client = client_as(sari)

    # Session, user, engagement, its contracts (with their proposers), the audit record.
    with django_assert_num_queries(5):
        response = client.get(url_of(engagement))

    assert response.content.decode().count('<li class="list-group-item" id="version-') == version_count
