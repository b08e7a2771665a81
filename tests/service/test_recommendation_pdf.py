"""The written recommendation of a closed consulting request, as a PDF for its requester and provider."""

import datetime
import io
import zoneinfo

import pypdf
import pytest

from tests.helpers import in_indonesian
from tests.service.factories import AcceptedRequestFactory, ProviderProfileFactory, TopicFactory
from tumbuh.audit.models import AuditEvent
from tumbuh.service.models import Certification, RequestStatus

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
RECOMMENDATION = "Susun peta proses layanan perizinan dan tetapkan standar waktu tiap tahap."


@pytest.fixture
def consulting(budi, sari, agency):
    profile = ProviderProfileFactory(employee=sari)
    Certification.objects.create(
        provider=profile,
        name="ICF Associate Certified Coach",
        issuer="International Coaching Federation",
        number="ACC-2024-118",
        valid_until=datetime.date(2027, 6, 30),
    )
    return AcceptedRequestFactory(
        requester=budi,
        provider=sari,
        engagement__coach=sari,
        kind="consulting",
        topic=TopicFactory(agency=agency, name="Tata kelola perizinan"),
        status=RequestStatus.CLOSED,
        recommendation=RECOMMENDATION,
        created_at=datetime.datetime(2026, 3, 2, 9, 0, tzinfo=WIB),
        closed_at=datetime.datetime(2026, 3, 20, 16, 0, tzinfo=WIB),
    )


def url(request) -> str:
    return f"/service/requests/{request.pk}/recommendation.pdf"


def text_of(response) -> str:
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(content))
    # Words wrap across lines in the PDF; compare with single spaces.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_requester_downloads_the_recommendation_with_who_gave_it(client_as, budi, consulting):
    response = client_as(budi).get(url(consulting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    filename = in_indonesian("recommendation-%(number)d.pdf") % {"number": consulting.pk}
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    text = text_of(response)
    assert RECOMMENDATION in text
    assert "Pemerintah Provinsi Kepulauan Bangka Belitung" in text
    assert "Tata kelola perizinan" in text
    assert "Budi Santoso" in text
    assert "Sari Wulandari" in text
    assert "ICF Associate Certified Coach — International Coaching Federation (ACC-2024-118)" in text
    assert "30 Juni 2027" in text
    assert "2 Maret 2026" in text and "20 Maret 2026" in text


def test_provider_downloads_it_too(client_as, sari, consulting):
    response = client_as(sari).get(url(consulting))
    assert response.status_code == 200
    assert RECOMMENDATION in text_of(response)


def test_every_download_is_recorded(client_as, budi, consulting):
    client_as(budi).get(url(consulting))
    event = AuditEvent.objects.get(action="request.recommendation.read")
    assert (event.actor, event.target_type, event.target_id) == (budi, "service.servicerequest", str(consulting.pk))


def test_service_admin_sees_the_request_but_not_its_recommendation(client_as, rina, consulting):
    assert client_as(rina).get(url(consulting)).status_code == 403


@pytest.mark.parametrize("person", ["dewi", "wayan"])
def test_others_do_not_learn_the_request_exists(client_as, person, request, consulting):
    assert client_as(request.getfixturevalue(person)).get(url(consulting)).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, consulting):
    response = client.get(url(consulting))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_no_pdf_before_the_request_is_closed(client_as, budi, consulting):
    type(consulting).objects.filter(pk=consulting.pk).update(status=RequestStatus.ACCEPTED)
    assert client_as(budi).get(url(consulting)).status_code == 403


def test_no_pdf_for_a_request_closed_without_a_recommendation(client_as, budi, consulting):
    type(consulting).objects.filter(pk=consulting.pk).update(kind="coaching", recommendation="")
    assert client_as(budi).get(url(consulting)).status_code == 404
