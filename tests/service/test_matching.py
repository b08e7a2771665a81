"""Matching: which providers suit a request, in which order, and why (tumbuh.service.matching)."""

import datetime
import zoneinfo

import pytest
from django.db import transaction
from django.utils.translation import ngettext, override
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.factories import CoachFactory, EmployeeFactory, EngagementFactory
from tests.helpers import in_indonesian
from tests.service.factories import (
    AvailabilityExceptionFactory,
    CertificationFactory,
    PreferredWindowFactory,
    ProviderProfileFactory,
    ServiceRequestFactory,
    TopicFactory,
    WeeklyAvailabilityFactory,
)
from tumbuh.coaching.models import EngagementStatus
from tumbuh.service.matching import rank_providers
from tumbuh.service.models import RequestStatus, ResponseSample, ServicePolicy, ServiceRequest

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
WITA = zoneinfo.ZoneInfo("Asia/Makassar")
# 12 March 2026, 10:00 WIB: the "today" of these tests.
NOW = datetime.datetime(2026, 3, 12, 10, 0, tzinfo=WIB)
# A Tuesday.
TUESDAY = datetime.date(2026, 3, 17)


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja")


@pytest.fixture
def request_for_coaching(budi, topic):
    return ServiceRequestFactory(requester=budi, topic=topic, kind="coaching")


@pytest.fixture
def baseline(dewi):
    """A provider with nothing in their favour: no matching topic, certification, widyaiswara title or rating."""
    return ProviderProfileFactory(employee=dewi)


def provider(name, agency, **profile):
    employee = EmployeeFactory(full_name=name, agency=agency)
    return ProviderProfileFactory(employee=employee, **profile)


def ranked(request, now=NOW):
    """The matches by provider name."""
    return {match.provider.full_name: match for match in rank_providers(request=request, now=now)}


def texts(match):
    with override("en"):
        return [str(reason) for reason in match.reasons]


def excluded_text(match):
    with override("en"):
        return str(match.excluded)


def engage(profile, count, status=EngagementStatus.ACTIVE):
    for _ in range(count):
        EngagementFactory(coach=profile.employee, status=status)


def rate(profile, *ratings, status=RequestStatus.CLOSED):
    for rating in ratings:
        ServiceRequestFactory(provider=profile.employee, status=status, rating=rating)


BASELINE_REASONS = ["Offers coaching", "Capacity left: 5 of 5", "Not enough ratings yet to show one"]


def test_baseline_provider_scores_only_for_free_capacity(request_for_coaching, baseline):
    [match] = rank_providers(request=request_for_coaching, now=NOW)
    assert match.provider == baseline.employee
    assert match.profile == baseline
    assert match.score == 15
    assert texts(match) == BASELINE_REASONS
    assert match.excluded is None


# Who is never suggested, and why


def test_requester_is_never_suggested_to_serve_themself(request_for_coaching, budi, baseline):
    ProviderProfileFactory(employee=budi)
    match = ranked(request_for_coaching)["Budi Santoso"]
    assert excluded_text(match) == "Nobody can serve their own request."
    assert (match.score, match.reasons) == (0, [])


@pytest.mark.parametrize("kind", ["coaching", "mentoring", "consulting"])
def test_requesters_direct_supervisor_is_never_suggested(budi, wayan, topic, kind):
    ProviderProfileFactory(employee=wayan)
    request = ServiceRequestFactory(requester=budi, topic=topic, kind=kind)
    [match] = rank_providers(request=request, now=NOW)
    assert match.provider == wayan
    assert excluded_text(match) == "I Wayan Sudarta is the requester's direct supervisor."


def test_provider_who_does_not_offer_the_service_is_not_suggested(request_for_coaching, sari):
    ProviderProfileFactory(employee=sari, offers_coaching=False)
    [match] = rank_providers(request=request_for_coaching, now=NOW)
    assert excluded_text(match) == "Sari Wulandari does not offer coaching; choose a provider who does."


def test_provider_not_taking_requests_is_not_suggested(request_for_coaching, sari):
    ProviderProfileFactory(employee=sari, accepting_requests=False)
    [match] = rank_providers(request=request_for_coaching, now=NOW)
    assert excluded_text(match) == "Sari Wulandari is not taking new requests at the moment."


def test_provider_at_capacity_is_not_suggested_counting_requested_and_active_engagements(request_for_coaching, sari):
    profile = ProviderProfileFactory(employee=sari, capacity=2)
    engage(profile, 1, EngagementStatus.ACTIVE)
    engage(profile, 1, EngagementStatus.REQUESTED)
    engage(profile, 3, EngagementStatus.COMPLETED)
    [match] = rank_providers(request=request_for_coaching, now=NOW)
    assert excluded_text(match) == "Sari Wulandari has no capacity left (2 active engagements)."


def test_inactive_accounts_and_other_agencies_providers_are_not_candidates(request_for_coaching, baseline):
    gone = provider("Pegawai Pensiun", baseline.agency)
    gone.employee.is_active = False
    gone.employee.save()
    elsewhere = ProviderProfileFactory(employee=EmployeeFactory(agency__name="Kabupaten Bangka"))
    assert elsewhere.agency != baseline.agency
    assert [match.profile for match in rank_providers(request=request_for_coaching, now=NOW)] == [baseline]


# Each part of the score, against the baseline


def test_topic_match_adds_40(request_for_coaching, baseline, agency, topic):
    expert = provider("Andi Pratama", agency)
    expert.topics.add(topic, TopicFactory(agency=agency, name="Pelayanan publik"))
    match = ranked(request_for_coaching)["Andi Pratama"]
    assert match.score == 15 + 40
    assert texts(match) == [
        "Offers coaching",
        "Topic match: Manajemen kinerja",
        "Capacity left: 5 of 5",
        "Not enough ratings yet to show one",
    ]


def test_valid_certification_adds_20_and_names_the_longest_lasting_one(request_for_coaching, baseline, agency):
    certified = provider("Andi Pratama", agency)
    CertificationFactory(provider=certified, name="LAN coaching", valid_until=datetime.date(2026, 3, 12))
    CertificationFactory(provider=certified, name="ICF ACC", valid_until=datetime.date(2027, 3, 12))
    CertificationFactory(provider=certified, name="ICF PCC", valid_until=datetime.date(2026, 3, 11))
    match = ranked(request_for_coaching)["Andi Pratama"]
    assert match.score == 15 + 20
    assert texts(match)[1] == "Valid certification: ICF ACC (until 12 Mar 2027)"


def test_certification_that_never_expires_is_named_first(request_for_coaching, agency):
    certified = provider("Andi Pratama", agency)
    CertificationFactory(provider=certified, name="ICF ACC", valid_until=datetime.date(2030, 1, 1))
    CertificationFactory(provider=certified, name="LAN coaching", valid_until=None)
    match = ranked(request_for_coaching)["Andi Pratama"]
    assert match.score == 15 + 20
    assert texts(match)[1] == "Valid certification: LAN coaching (does not expire)"


def test_expired_certification_adds_nothing(request_for_coaching, baseline, agency):
    lapsed = provider("Andi Pratama", agency)
    CertificationFactory(provider=lapsed, name="ICF ACC", valid_until=datetime.date(2026, 3, 11))
    match = ranked(request_for_coaching)["Andi Pratama"]
    assert (match.score, texts(match)) == (15, BASELINE_REASONS)


def test_certification_date_shows_as_indonesians_write_it(request_for_coaching, agency):
    certified = provider("Andi Pratama", agency)
    CertificationFactory(provider=certified, name="ICF ACC", valid_until=datetime.date(2027, 8, 17))
    with override("en"):
        match = ranked(request_for_coaching)["Andi Pratama"]
    with override("id"):
        shown = str(match.reasons[1])
    assert shown == in_indonesian("Valid certification: %(name)s (until %(date)s)") % {
        "name": "ICF ACC",
        "date": "17 Agu 2027",
    }


def test_widyaiswara_adds_5(request_for_coaching, baseline, sari):
    ProviderProfileFactory(employee=sari)
    match = ranked(request_for_coaching)["Sari Wulandari"]
    assert match.score == 15 + 5
    assert texts(match) == [
        "Offers coaching",
        "Widyaiswara",
        "Capacity left: 5 of 5",
        "Not enough ratings yet to show one",
    ]


@pytest.mark.parametrize(
    ("capacity", "active", "points", "reason"),
    [(5, 0, 15, "Capacity left: 5 of 5"), (5, 2, 9, "Capacity left: 3 of 5"), (3, 2, 5, "Capacity left: 1 of 3")],
)
def test_capacity_left_adds_up_to_15(request_for_coaching, agency, capacity, active, points, reason):
    busy = provider("Andi Pratama", agency, capacity=capacity)
    engage(busy, active)
    match = ranked(request_for_coaching)["Andi Pratama"]
    assert match.score == points
    assert texts(match)[1] == reason


def test_preferred_provider_adds_10_and_says_so_first(budi, topic, baseline, agency):
    chosen = provider("Andi Pratama", agency)
    request = ServiceRequestFactory(requester=budi, topic=topic, preferred_provider=chosen.employee)
    match = ranked(request)["Andi Pratama"]
    assert match.score == 15 + 10
    assert texts(match) == ["Chosen by the requester", *BASELINE_REASONS]


def test_quick_answers_add_5(request_for_coaching, baseline, agency):
    quick = provider("Andi Pratama", agency)
    slow = provider("Citra Dewi", agency)
    for profile, hours in ((quick, [1, 2, 30]), (slow, [1, 5, 30])):
        served = ServiceRequestFactory(provider=profile.employee)
        for count in hours:
            ResponseSample.objects.create(
                provider=profile.employee,
                request=served,
                asked_at=NOW,
                answered_at=NOW + datetime.timedelta(hours=count),
                seconds=count * 3600,
            )
    matches = ranked(request_for_coaching)
    assert matches["Andi Pratama"].score == 15 + 5
    assert texts(matches["Andi Pratama"]) == [*BASELINE_REASONS, "Usually answers within 4 hours"]
    assert (matches["Citra Dewi"].score, texts(matches["Citra Dewi"])) == (15, BASELINE_REASONS)


# Ratings, only once enough people have rated


def test_rating_counts_once_enough_people_rated(request_for_coaching, agency):
    rated = provider("Andi Pratama", agency)
    rate(rated, 5, 5, 5, 4, 4)
    match = ranked(request_for_coaching)["Andi Pratama"]
    assert match.score == 15 + 8
    assert texts(match)[-1] == "Rating 4.6 from 5 ratings"


def test_poor_rating_lowers_the_score(request_for_coaching, agency):
    rated = provider("Andi Pratama", agency)
    rate(rated, 1, 2, 2)
    match = ranked(request_for_coaching)["Andi Pratama"]
    assert match.score == 15 - 7
    assert texts(match)[-1] == "Rating 1.7 from 3 ratings"


def test_rating_below_the_agencys_threshold_is_not_shown(request_for_coaching, agency):
    ServicePolicy.objects.create(agency=agency, min_raters_for_rating=5)
    few = provider("Andi Pratama", agency)
    rate(few, 5, 5, 5, 5)
    enough = provider("Citra Dewi", agency)
    rate(enough, 5, 5, 5, 5, 5)
    matches = ranked(request_for_coaching)
    assert (matches["Andi Pratama"].score, texts(matches["Andi Pratama"])) == (15, BASELINE_REASONS)
    assert matches["Citra Dewi"].score == 15 + 10
    assert texts(matches["Citra Dewi"])[-1] == "Rating 5.0 from 5 ratings"


def test_only_ratings_of_closed_requests_count(request_for_coaching, agency):
    rated = provider("Andi Pratama", agency)
    rate(rated, 5, 5)
    rate(rated, 1, 1, status=RequestStatus.SCHEDULED)
    match = ranked(request_for_coaching)["Andi Pratama"]
    assert (match.score, texts(match)) == (15, BASELINE_REASONS)


def test_rating_shows_with_the_indonesian_decimal_comma(request_for_coaching, agency):
    rated = provider("Andi Pratama", agency)
    rate(rated, 5, 5, 5, 4, 4)
    with override("id"):
        match = ranked(request_for_coaching)["Andi Pratama"]
        assert str(match.reasons[-1]) == ngettext(
            "Rating %(average)s from %(count)d rating", "Rating %(average)s from %(count)d ratings", 5
        ) % {"average": "4,6", "count": 5}


# Overlap of availability, on each person's own clock


def window(request, day, start, end, zone=WIB):
    return PreferredWindowFactory(
        request=request,
        starts_at=datetime.datetime.combine(day, start, tzinfo=zone),
        ends_at=datetime.datetime.combine(day, end, tzinfo=zone),
    )


@pytest.fixture
def sari_on_tuesday_mornings(sari):
    """Sari, in WITA, is free on Tuesdays 09:00–12:00 WITA, that is 08:00–11:00 WIB."""
    profile = ProviderProfileFactory(employee=sari)
    WeeklyAvailabilityFactory(provider=profile, weekday=1, start_time=datetime.time(9), end_time=datetime.time(12))
    return profile


def test_availability_is_read_on_the_providers_clock(request_for_coaching, sari_on_tuesday_mornings):
    window(request_for_coaching, TUESDAY, datetime.time(10), datetime.time(12))
    match = ranked(request_for_coaching)["Sari Wulandari"]
    # 10:00–12:00 WIB asked, 08:00–11:00 WIB free: 1 of 2 hours, so 20 × 1/2.
    assert match.score == 5 + 15 + 10
    assert texts(match) == [
        "Offers coaching",
        "Widyaiswara",
        "Capacity left: 5 of 5",
        "1 of the 2 preferred hours fit their schedule",
        "Not enough ratings yet to show one",
    ]


def test_full_overlap_adds_20_and_no_overlap_adds_nothing(request_for_coaching, sari_on_tuesday_mornings, baseline):
    window(request_for_coaching, TUESDAY, datetime.time(8), datetime.time(11))
    matches = ranked(request_for_coaching)
    assert matches["Sari Wulandari"].score == 5 + 15 + 20
    assert texts(matches["Sari Wulandari"])[3] == "3 of the 3 preferred hours fit their schedule"
    assert matches["Dewi Lestari"].score == 15
    assert texts(matches["Dewi Lestari"])[2] == "Not available at any of the preferred times"


def test_overlapping_windows_count_once_and_other_days_do_not_fit(request_for_coaching, sari_on_tuesday_mornings):
    window(request_for_coaching, TUESDAY, datetime.time(8), datetime.time(10))
    window(request_for_coaching, TUESDAY, datetime.time(9), datetime.time(10))
    window(request_for_coaching, TUESDAY + datetime.timedelta(days=1), datetime.time(8), datetime.time(10))
    match = ranked(request_for_coaching)["Sari Wulandari"]
    assert match.score == 5 + 15 + 10
    assert texts(match)[3] == "2 of the 4 preferred hours fit their schedule"


def test_leave_is_taken_out_of_the_overlap(request_for_coaching, sari_on_tuesday_mornings):
    window(request_for_coaching, TUESDAY, datetime.time(10), datetime.time(12))
    AvailabilityExceptionFactory(
        provider=sari_on_tuesday_mornings,
        starts_at=datetime.datetime.combine(TUESDAY, datetime.time(11, 30), tzinfo=WITA),
        ends_at=datetime.datetime.combine(TUESDAY, datetime.time(14), tzinfo=WITA),
    )
    match = ranked(request_for_coaching)["Sari Wulandari"]
    # Free 10:00–10:30 WIB only: half an hour of two, so 20 × 1/4.
    assert match.score == 5 + 15 + 5
    assert texts(match)[3] == "0.5 of the 2 preferred hours fit their schedule"


def test_window_across_midnight_meets_availability_on_both_days(request_for_coaching, agency):
    night_owl = provider("Andi Pratama", agency)
    night_owl.employee.time_zone = "Asia/Jayapura"
    night_owl.employee.save()
    for weekday in (1, 2):
        WeeklyAvailabilityFactory(
            provider=night_owl, weekday=weekday, start_time=datetime.time(0), end_time=datetime.time(23, 59)
        )
    # Tuesday 20:00 WIB to Wednesday 04:00 WIB is Tuesday 22:00 to Wednesday 06:00 WIT.
    PreferredWindowFactory(
        request=request_for_coaching,
        starts_at=datetime.datetime.combine(TUESDAY, datetime.time(20), tzinfo=WIB),
        ends_at=datetime.datetime.combine(TUESDAY, datetime.time(20), tzinfo=WIB) + datetime.timedelta(hours=8),
    )
    match = ranked(request_for_coaching)["Andi Pratama"]
    # All but Tuesday 23:59–24:00 WIT fits: 479 of 480 minutes, shown to the tenth of an hour.
    assert match.score == 15 + 19
    assert texts(match)[2] == "8 of the 8 preferred hours fit their schedule"


# Order


def test_best_score_first_then_fewer_engagements_then_name_and_the_excluded_last(
    request_for_coaching, agency, topic, wayan
):
    provider("Zainal Abidin", agency).topics.add(topic)
    ProviderProfileFactory(employee=CoachFactory(full_name="Bambang Irawan", agency=agency), capacity=3)
    # 15 like the two below (10 for one place in three, 5 as widyaiswara), but with an engagement running.
    busy = ProviderProfileFactory(employee=CoachFactory(full_name="Agus Salim", agency=agency), capacity=3)
    engage(busy, 1)
    provider("Citra Dewi", agency)
    provider("Bella Safitri", agency)
    ProviderProfileFactory(employee=wayan)
    provider("Yuni Kartika", agency, offers_coaching=False)
    provider("Ahmad Fauzi", agency, accepting_requests=False)
    matches = rank_providers(request=request_for_coaching, now=NOW)
    assert [(match.provider.full_name, match.score, match.excluded is None) for match in matches] == [
        ("Zainal Abidin", 55, True),
        ("Bambang Irawan", 20, True),
        ("Bella Safitri", 15, True),
        ("Citra Dewi", 15, True),
        ("Agus Salim", 15, True),
        ("Ahmad Fauzi", 0, False),
        ("I Wayan Sudarta", 0, False),
        ("Yuni Kartika", 0, False),
    ]


# A fixed number of queries, however large the pool


@pytest.mark.parametrize("size", [3, 10])
def test_ranking_takes_the_same_queries_for_3_or_10_providers(django_assert_num_queries, budi, topic, agency, size):
    request = ServiceRequestFactory(requester=budi, topic=topic)
    window(request, TUESDAY, datetime.time(8), datetime.time(12))
    for number in range(size):
        profile = ProviderProfileFactory(employee=CoachFactory(full_name=f"Penyedia {number:02d}", agency=agency))
        profile.topics.add(topic)
        CertificationFactory(provider=profile, valid_until=datetime.date(2027, 1, 1))
        WeeklyAvailabilityFactory(provider=profile)
        AvailabilityExceptionFactory(
            provider=profile,
            starts_at=datetime.datetime.combine(TUESDAY, datetime.time(9), tzinfo=WIB),
            ends_at=datetime.datetime.combine(TUESDAY, datetime.time(10), tzinfo=WIB),
        )
        engage(profile, 1)
        rate(profile, 4, 5, 5)
        ResponseSample.objects.create(
            provider=profile.employee, request=request, asked_at=NOW, answered_at=NOW, seconds=60
        )
    ProviderProfileFactory(employee=budi)
    request = ServiceRequest.objects.get(pk=request.pk)
    # Policy, requester, topic, windows, the pool, certifications, weekly hours, leave, ratings, answer times.
    with django_assert_num_queries(10):
        matches = rank_providers(request=request, now=NOW)
        shown = [str(text) for match in matches for text in [*match.reasons, match.excluded or ""]]
    assert [match.score for match in matches[:size]] == [40 + 20 + 5 + 12 + 10 + 8 + 5] * size
    assert [match.provider for match in matches if match.excluded] == [budi]
    assert len(shown) == size * 9 + 1


# Whatever the pool, the list is a proper ranking


# Mostly suggestible providers, so most examples rank several of them.
LIKELY = st.sampled_from([True, True, True, False])
PROVIDER_SPECS = st.fixed_dictionaries(
    {
        "offers_coaching": LIKELY,
        "offers_mentoring": LIKELY,
        "offers_consulting": LIKELY,
        "accepting": LIKELY,
        "capacity": st.integers(min_value=0, max_value=4),
        "active": st.integers(min_value=0, max_value=2),
        "has_topic": st.booleans(),
        "widyaiswara": st.booleans(),
        "certification": st.sampled_from([None, datetime.date(2026, 3, 11), datetime.date(2027, 1, 1)]),
        "ratings": st.lists(st.integers(min_value=1, max_value=5), max_size=4),
        "time_zone": st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
        "weekday": st.none() | st.integers(min_value=0, max_value=6),
    }
)


@hypothesis_settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    specs=st.lists(PROVIDER_SPECS, max_size=6),
    kind=st.sampled_from(["coaching", "mentoring", "consulting"]),
    supervisor_in_pool=st.booleans(),
    requester_in_pool=st.booleans(),
    with_window=st.booleans(),
)
def test_ranking_is_a_permutation_with_suggested_first_by_score_and_never_the_supervisor(
    budi, wayan, dewi, topic, agency, unit, specs, kind, supervisor_in_pool, requester_in_pool, with_window
):
    with transaction.atomic():
        request = ServiceRequestFactory(requester=budi, topic=topic, kind=kind)
        if with_window:
            window(request, TUESDAY, datetime.time(7), datetime.time(13))
        candidates = {ProviderProfileFactory(employee=wayan).pk} if supervisor_in_pool else set()
        if requester_in_pool:
            candidates.add(ProviderProfileFactory(employee=budi).pk)
        for spec in specs:
            employee = EmployeeFactory(
                agency=agency, unit=unit, is_widyaiswara=spec["widyaiswara"], time_zone=spec["time_zone"]
            )
            profile = ProviderProfileFactory(
                employee=employee,
                offers_coaching=spec["offers_coaching"],
                offers_mentoring=spec["offers_mentoring"],
                offers_consulting=spec["offers_consulting"],
                accepting_requests=spec["accepting"],
                capacity=spec["capacity"],
            )
            candidates.add(profile.pk)
            if spec["has_topic"]:
                profile.topics.add(topic)
            if spec["certification"]:
                CertificationFactory(provider=profile, valid_until=spec["certification"])
            if spec["weekday"] is not None:
                WeeklyAvailabilityFactory(provider=profile, weekday=spec["weekday"])
            for _ in range(spec["active"]):
                EngagementFactory(coach=employee, coachee=dewi)
            for rating in spec["ratings"]:
                ServiceRequestFactory(requester=dewi, topic=topic, provider=employee, status="closed", rating=rating)

        matches = rank_providers(request=request, now=NOW)

        assert sorted(match.profile.pk for match in matches) == sorted(candidates)
        suggested = [match for match in matches if match.excluded is None]
        assert matches[: len(suggested)] == suggested
        assert [match.score for match in suggested] == sorted((match.score for match in suggested), reverse=True)
        assert wayan not in [match.provider for match in suggested]
        assert budi not in [match.provider for match in suggested]
        transaction.set_rollback(True)
