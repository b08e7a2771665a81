"""The report page and its charts: for the coach alone, and every reading is audit-logged."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.analyzer.factories import TranscriptFactory
from tests.factories import SessionFactory
from tests.helpers import in_indonesian
from tumbuh.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def transcript(engagement):
    return TranscriptFactory(session=SessionFactory(engagement=engagement))


def reads(transcript) -> list:
    events = AuditEvent.objects.filter(action="transcript.read", target_id=str(transcript.pk))
    return list(events.values_list("actor", flat=True))


def test_coach_reads_the_report_with_shares_moves_stages_and_tips(client_as, sari, transcript):
    response = client_as(sari).get(reverse("analyzer:transcript-detail", args=[transcript.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert [(s.name, s.share, s.is_coach) for s in response.context["speakers"]] == [
        ("Sari Wulandari", 64, True),
        ("Budi Santoso", 36, False),
    ]
    assert [(m.code, m.count) for m in response.context["moves"]] == [
        ("open_question", 1),
        ("closed_question", 1),
        ("directive", 1),
        ("reflective", 1),
        ("other", 1),
    ]
    assert [t.title for t in response.context["tips"]] == [
        in_indonesian("Listen more, talk less"),
        in_indonesian("Close with a commitment"),
        in_indonesian("Review the session together"),
    ]
    assert escape(in_indonesian("Listen more, talk less")) in content
    assert "“Sebaiknya Anda delegasikan ke Andi.”" in content
    grow = response.context["frameworks"][0]
    assert (str(grow.label), grow.covered, [s.covered for s in grow.stages]) == ("GROW", 1, [True, False, False, False])
    assert f'src="{reverse("analyzer:transcript-chart", args=[transcript.pk])}?show=talk"' in content


def test_every_reading_of_a_report_is_audit_logged(client_as, sari, transcript):
    client = client_as(sari)
    url = reverse("analyzer:transcript-detail", args=[transcript.pk])
    client.get(url)
    client.get(url)
    assert reads(transcript) == [sari.pk, sari.pk]


def test_the_coachee_is_refused_it_is_the_coach_learning_material(client_as, budi, transcript):
    response = client_as(budi).get(reverse("analyzer:transcript-detail", args=[transcript.pk]))
    assert response.status_code == 403
    assert reads(transcript) == []


@pytest.mark.parametrize("who", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_do_not_learn_the_transcript_exists(request, client_as, transcript, who):
    client = client_as(request.getfixturevalue(who))
    assert client.get(reverse("analyzer:transcript-detail", args=[transcript.pk])).status_code == 404
    assert client.get(reverse("analyzer:transcript-chart", args=[transcript.pk])).status_code == 404
    assert reads(transcript) == []


def test_a_former_coach_of_the_engagement_no_longer_sees_their_transcript(client_as, sari, dewi, transcript):
    engagement = transcript.session.engagement
    engagement.coach = dewi
    engagement.save()
    assert client_as(sari).get(reverse("analyzer:transcript-detail", args=[transcript.pk])).status_code == 404
    assert client_as(dewi).get(reverse("analyzer:transcript-detail", args=[transcript.pk])).status_code == 403


@pytest.mark.parametrize(("show", "expected"), [("talk", "Sari Wulandari"), ("moves", "Sebaiknya")])
def test_charts_are_svg_images_without_scripts(client_as, sari, transcript, show, expected):
    response = client_as(sari).get(reverse("analyzer:transcript-chart", args=[transcript.pk]), {"show": show})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    svg = response.content.decode()
    assert svg.startswith("<svg") and "<script" not in svg
    if show == "talk":
        assert expected in svg and "Budi Santoso" in svg
    else:
        assert escape(in_indonesian("Advice and instructions")) in svg


def test_an_unknown_chart_is_404(client_as, sari, transcript):
    url = reverse("analyzer:transcript-chart", args=[transcript.pk])
    assert client_as(sari).get(url, {"show": "secrets"}).status_code == 404


def test_the_coachee_cannot_see_the_charts_either(client_as, budi, transcript):
    assert client_as(budi).get(reverse("analyzer:transcript-chart", args=[transcript.pk])).status_code == 403
