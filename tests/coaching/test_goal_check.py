"""The live SMART check: the add and edit forms post what is typed and get the hints back (htmx)."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, override

from tests.factories import AcceptedContractFactory, EngagementFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import EngagementStatus, Goal

pytestmark = pytest.mark.django_db


def url_of(engagement) -> str:
    return f"/coaching/engagements/{engagement.pk}/goals/check/"


def in_the(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


SMART = {
    "title": "Menaikkan laporan terkirim tepat waktu dari 60% menjadi 90%",
    "indicator": "persentase laporan tepat waktu",
    "unit": "%",
    "baseline": "60",
    "target": "90",
    "relevance": "Target SKP tahun ini.",
}


def test_a_vague_draft_gets_its_hints_as_a_fragment(client_as, budi, engagement):
    response = client_as(budi).post(
        url_of(engagement), {"title": "Memperbaiki komunikasi dengan tim"}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert re.findall(r'data-hint="([a-z_.]+)"', html) == [
        "specific.vague_verb",
        "measurable.no_number",
        "relevant.no_relevance",
        "time_bound.no_deadline",
    ]
    assert in_indonesian("Specific") in html
    assert Goal.objects.count() == 0


def test_a_smart_draft_is_confirmed(client_as, sari, engagement):
    response = client_as(sari).post(url_of(engagement), {**SMART, "target_date": in_the(30)})

    assert in_indonesian("This goal is SMART: specific, measurable, achievable, relevant and time-bound.") in (
        response.content.decode()
    )


def test_a_past_deadline_is_marked_as_blocking(client_as, budi, engagement):
    response = client_as(budi).post(url_of(engagement), {**SMART, "target_date": in_the(-1)})

    html = response.content.decode()
    assert 'data-hint="time_bound.deadline_past"' in html
    assert '<span class="badge text-bg-danger align-self-start" aria-hidden="true">T</span>' in html


def test_a_deadline_after_the_contracts_end_is_pointed_out(client_as, budi, engagement):
    AcceptedContractFactory(engagement=engagement, ends_on=in_the(60))

    response = client_as(budi).post(url_of(engagement), {**SMART, "target_date": in_the(90)})

    with override("id"):
        expected = gettext(
            "The deadline %(date)s falls after the engagement ends on %(end)s. "
            "Pick a date up to %(end)s, or agree a longer engagement first."
        ) % {"date": date_format(in_the(90), "j F Y"), "end": date_format(in_the(60), "j F Y")}
    assert expected in response.content.decode()


def test_unreadable_numbers_are_left_out_of_the_check(client_as, budi, engagement):
    response = client_as(budi).post(url_of(engagement), {**SMART, "target": "sembilan puluh", "target_date": in_the(9)})

    assert 'data-hint="measurable.no_target"' in response.content.decode()


def test_a_closed_engagement_may_still_be_checked(client_as, sari, budi):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)

    assert client_as(budi).post(url_of(closed), SMART).status_code == 200


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, engagement, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).post(url_of(engagement), SMART)

    assert response.status_code == 404
    assert "data-hint" not in response.content.decode()


def test_the_check_is_only_posted(client_as, budi, engagement):
    assert client_as(budi).get(url_of(engagement)).status_code == 405
