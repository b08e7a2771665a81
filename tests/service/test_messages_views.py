"""The conversation pages of a request: who may read and write, htmx and plain posts, read state, clocks."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import EmployeeFactory
from tests.helpers import in_indonesian
from tests.service.factories import AcceptedRequestFactory, TopicFactory
from tumbuh.service.models import Message, RequestStatus, ServiceRequest, ThreadRead

pytestmark = pytest.mark.django_db

QUESTION = "Bagaimana cara saya membagi laporan bulanan kepada tim?"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def accepted(budi, sari, agency):
    return AcceptedRequestFactory(
        requester=budi,
        provider=sari,
        topic=TopicFactory(agency=agency, name="Manajemen kinerja"),
        assigned_at=timezone.now() - datetime.timedelta(days=1),
    )


def thread(pk: int) -> str:
    return f"/service/requests/{pk}/messages/"


def new(pk: int) -> str:
    return f"/service/requests/{pk}/messages/new/"


def written(request, sender, at=None, body=QUESTION) -> Message:
    return Message.objects.create(request=request, sender=sender, body=body, created_at=at or timezone.now())


# Who may open and write


def test_anonymous_is_sent_to_log_in(client, accepted):
    for response in (client.get(thread(accepted.pk)), client.post(new(accepted.pk), {"body": QUESTION})):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    assert Message.objects.count() == 0


@pytest.mark.parametrize("party", ["budi", "sari"])
def test_requester_and_provider_read_the_conversation(request, client_as, accepted, budi, party):
    written(accepted, budi)
    response = client_as(request.getfixturevalue(party)).get(thread(accepted.pk))
    assert response.status_code == 200
    assert QUESTION in response.content.decode()
    assert [message.body for message in response.context["thread"]] == [QUESTION]


@pytest.mark.parametrize("outsider", ["dewi", "wayan"])
def test_other_employees_do_not_even_learn_the_conversation_exists(request, client_as, accepted, outsider):
    client = client_as(request.getfixturevalue(outsider))
    assert client.get(thread(accepted.pk)).status_code == 404
    assert client.post(new(accepted.pk), {"body": QUESTION}).status_code == 404
    assert Message.objects.count() == 0


def test_the_service_admin_sees_the_request_but_not_its_conversation(client_as, accepted, budi, rina):
    written(accepted, budi)
    client = client_as(rina)
    assert client.get(f"/service/requests/{accepted.pk}/").status_code == 200
    response = client.get(thread(accepted.pk))
    assert response.status_code == 403
    assert QUESTION not in response.content.decode()
    assert client.post(new(accepted.pk), {"body": "Dari admin."}).status_code == 403
    assert Message.objects.count() == 1
    assert not ThreadRead.objects.filter(reader=rina).exists()


def test_a_platform_admin_does_not_read_conversations_either(client_as, accepted):
    root = EmployeeFactory(is_superuser=True, is_staff=True)
    assert client_as(root).get(thread(accepted.pk)).status_code == 403


def test_a_cancelled_request_keeps_its_conversation_readable_but_closed(client_as, accepted, budi):
    written(accepted, budi)
    ServiceRequest.objects.filter(pk=accepted.pk).update(status=RequestStatus.CANCELLED)
    client = client_as(budi)
    response = client.get(thread(accepted.pk))
    assert response.status_code == 200
    assert response.context["can_post"] is False
    assert in_indonesian("This conversation is closed: the request was cancelled.") in response.content.decode()
    assert client.post(new(accepted.pk), {"body": "Masih bisa?"}).status_code == 403
    assert Message.objects.count() == 1


# Writing


def test_posting_without_htmx_goes_back_to_the_thread(client_as, accepted, budi):
    response = client_as(budi).post(new(accepted.pk), {"body": QUESTION})
    assert response.status_code == 302
    assert response["Location"] == thread(accepted.pk) + "#message-form"
    assert list(Message.objects.values_list("sender", "body")) == [(budi.pk, QUESTION)]


def test_posting_with_htmx_returns_the_refreshed_thread_and_an_empty_form(client_as, accepted, budi, sari):
    written(accepted, budi, timezone.now() - datetime.timedelta(hours=1))
    response = client_as(sari).post(new(accepted.pk), {"body": "Baik, kita mulai Jumat."}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="thread"')
    assert "<html" not in html
    assert html.index(QUESTION) < html.index("Baik, kita mulai Jumat.")
    assert response.context["form"]["body"].value() is None
    assert Message.objects.count() == 2


def test_empty_message_shows_the_error(client_as, accepted, budi):
    response = client_as(budi).post(new(accepted.pk), {"body": "   "})
    assert response.status_code == 200
    assert in_indonesian("Write a message before sending it.") in response.content.decode()
    assert Message.objects.count() == 0


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_too_long_message_keeps_what_was_typed_and_says_what_to_fix(client_as, accepted, budi, headers):
    typed = "Panjang sekali. " * 320  # 5,120 characters
    response = client_as(budi).post(new(accepted.pk), {"body": typed}, **headers)
    assert response.status_code == 200
    html = response.content.decode()
    assert typed.strip() in html
    error = in_indonesian(
        "A message can have at most %(limit)d characters; this one has %(count)d. Shorten it or send it in parts."
    ) % {"limit": 5000, "count": len(typed.strip())}
    assert error in html
    assert ("<html" in html) is not bool(headers)
    assert Message.objects.count() == 0


def test_get_on_the_post_address_is_refused(client_as, accepted, budi):
    assert client_as(budi).get(new(accepted.pk)).status_code == 405


# Reading


def test_opening_the_thread_marks_it_read(client_as, accepted, budi, sari):
    written(accepted, budi, timezone.now() - datetime.timedelta(minutes=5))
    before = timezone.now()
    client_as(sari).get(thread(accepted.pk))
    assert ThreadRead.objects.get(request=accepted, reader=sari).read_at >= before


def test_my_last_message_shows_seen_once_the_other_party_opened_the_thread(client_as, accepted, budi, sari):
    client_budi = client_as(budi)
    client_budi.post(new(accepted.pk), {"body": "Pesan pertama."})
    client_budi.post(new(accepted.pk), {"body": "Pesan kedua."})
    last = Message.objects.get(body="Pesan kedua.")
    seen = in_indonesian("Seen")

    response = client_budi.get(thread(accepted.pk))
    assert response.context["seen_id"] is None
    assert "message-seen" not in response.content.decode()

    client_as(sari).get(thread(accepted.pk))
    response = client_budi.get(thread(accepted.pk))
    assert response.context["seen_id"] == last.pk
    html = response.content.decode()
    assert html.count("message-seen") == 1
    assert html.index("Pesan kedua.") < html.index(f'message-seen">{seen}<')

    client_budi.post(new(accepted.pk), {"body": "Pesan ketiga."})
    assert client_budi.get(thread(accepted.pk)).context["seen_id"] is None


def test_each_person_sees_the_time_on_their_own_clock(client_as, accepted, budi, sari):
    # 02:00 UTC is 09:00 in Jakarta (WIB, Budi) and 10:00 in Makassar (WITA, Sari).
    written(accepted, budi, datetime.datetime(2026, 3, 10, 2, 0, tzinfo=datetime.UTC))
    assert "2026 09:00 WIB" in client_as(budi).get(thread(accepted.pk)).content.decode()
    assert "2026 10:00 WITA" in client_as(sari).get(thread(accepted.pk)).content.decode()


def test_the_thread_runs_oldest_first_with_sender_names(client_as, accepted, budi, sari):
    now = timezone.now()
    written(accepted, sari, now - datetime.timedelta(hours=2), body="Silakan ceritakan kebutuhan Anda.")
    written(accepted, budi, now - datetime.timedelta(hours=1), body=QUESTION)
    html = client_as(budi).get(thread(accepted.pk)).content.decode()
    assert html.index("Silakan ceritakan kebutuhan Anda.") < html.index(QUESTION)
    assert "Sari Wulandari" in html


@pytest.mark.parametrize("count", [1, 3])
def test_thread_page_query_count_does_not_grow_with_messages(
    client_as, accepted, budi, sari, count, django_assert_num_queries
):
    for n in range(count):
        written(accepted, budi if n % 2 else sari, timezone.now() - datetime.timedelta(minutes=10 - n), body=f"#{n}")
    client = client_as(budi)
    client.get(thread(accepted.pk))  # the first visit creates the read mark
    with django_assert_num_queries(8):
        response = client.get(thread(accepted.pk))
    assert len(response.context["thread"]) == count
