"""The conversation service: posting, read state, notices without the text, and the provider's response times."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import CoachFactory
from tests.helpers import in_indonesian
from tests.service.factories import AcceptedRequestFactory, ServiceRequestFactory, TopicFactory
from tumbuh.notifications.models import Notification
from tumbuh.notifications.services import set_email_enabled
from tumbuh.people.models import Agency
from tumbuh.service.kinds import MESSAGES
from tumbuh.service.models import Message, RequestStatus, ResponseSample, ServiceRequest, ThreadRead
from tumbuh.service.selectors.messaging import (
    provider_response_stats,
    response_stats_by_provider,
    thread_for,
    unread_by_request,
    unread_count_for,
)
from tumbuh.service.services.messaging import MAX_MESSAGE_LENGTH, mark_thread_read, post_message

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
QUESTION = "Bagaimana cara saya membagi laporan bulanan kepada tim?"


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja")


@pytest.fixture
def accepted(budi, sari, topic):
    """Sari took Budi's request a day ago."""
    return AcceptedRequestFactory(
        requester=budi, provider=sari, topic=topic, assigned_at=timezone.now() - 24 * HOUR, first_response_at=None
    )


@pytest.fixture
def offered(budi, sari, topic):
    """Budi's request was offered to Sari two hours ago; she has not accepted yet."""
    return ServiceRequestFactory(
        requester=budi, provider=sari, topic=topic, status=RequestStatus.ASSIGNED, assigned_at=timezone.now() - 2 * HOUR
    )


def written(request, sender, at, body=QUESTION) -> Message:
    """A message written at a past moment AT (no waiting in tests)."""
    return Message.objects.create(request=request, sender=sender, body=body, created_at=at)


# Posting


def test_message_is_saved_trimmed_and_the_thread_is_read_by_its_sender(accepted, budi):
    message = post_message(request=accepted, sender=budi, body=f"  {QUESTION}\n")
    assert list(thread_for(accepted, viewer=budi)) == [message]
    assert message.body == QUESTION
    assert message.sender == budi
    assert ThreadRead.objects.get(request=accepted, reader=budi).read_at == message.created_at


def test_empty_message_is_refused_with_what_to_do(accepted, budi):
    with pytest.raises(ValidationError) as error:
        post_message(request=accepted, sender=budi, body="   \n ")
    assert error.value.message_dict == {"body": [in_indonesian("Write a message before sending it.")]}
    assert Message.objects.count() == 0


def test_message_longer_than_5000_characters_is_refused_and_5000_is_fine(accepted, budi):
    with pytest.raises(ValidationError) as error:
        post_message(request=accepted, sender=budi, body="a" * (MAX_MESSAGE_LENGTH + 1))
    assert error.value.message_dict == {
        "body": [
            in_indonesian(
                "A message can have at most %(limit)d characters; this one has %(count)d. "
                "Shorten it or send it in parts."
            )
            % {"limit": 5000, "count": 5001}
        ]
    }
    assert Message.objects.count() == 0
    assert len(post_message(request=accepted, sender=budi, body="a" * 5000).body) == 5000


def test_line_breaks_from_a_browser_count_as_one_character(accepted, budi):
    message = post_message(request=accepted, sender=budi, body="a\r\n" * 2500)
    assert message.body == "a\n" * 2499 + "a"


def test_nobody_outside_the_request_can_write_in_it(accepted, dewi, rina):
    for outsider in (dewi, rina):
        with pytest.raises(PermissionDenied) as error:
            post_message(request=accepted, sender=outsider, body=QUESTION)
        assert str(error.value) == in_indonesian(
            "Only the requester and the provider of this request can write in its conversation."
        )
    assert Message.objects.count() == 0


def test_a_cancelled_request_takes_no_more_messages(accepted, budi):
    ServiceRequest.objects.filter(pk=accepted.pk).update(status=RequestStatus.CANCELLED)
    accepted.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        post_message(request=accepted, sender=budi, body=QUESTION)
    assert error.value.messages == [
        in_indonesian("This request was cancelled, so its conversation is closed. File a new request to talk again.")
    ]


# Notices


def test_the_provider_is_told_of_a_new_message_without_its_text(
    accepted, budi, sari, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_message(request=accepted, sender=budi, body=QUESTION)
    notice = Notification.objects.get()
    expected = in_indonesian("New message from %(name)s about %(topic)s") % {
        "name": "Budi Santoso",
        "topic": "Manajemen kinerja",
    }
    assert (notice.recipient, notice.kind, notice.text) == (sari, MESSAGES, expected)
    assert notice.url == f"/service/requests/{accepted.pk}/messages/"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["sari@babelprov.go.id"]
    assert email.subject == expected
    assert f"/service/requests/{accepted.pk}/messages/" in email.body
    assert QUESTION not in email.body
    assert QUESTION not in email.subject


def test_the_requester_is_told_of_the_providers_answer(accepted, budi, sari, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_message(request=accepted, sender=sari, body="Mari kita bahas pada sesi pertama.")
    assert list(Notification.objects.values_list("recipient__email", "kind")) == [("budi@babelprov.go.id", MESSAGES)]
    assert [email.to for email in mail.outbox] == [["budi@babelprov.go.id"]]
    assert "Mari kita bahas" not in mail.outbox[0].body


def test_message_mail_can_be_turned_off_but_the_in_app_notice_stays(
    accepted, budi, sari, django_capture_on_commit_callbacks
):
    set_email_enabled(employee=sari, kind=MESSAGES, enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        post_message(request=accepted, sender=budi, body=QUESTION)
    assert Notification.objects.filter(recipient=sari).count() == 1
    assert mail.outbox == []


def test_before_any_provider_takes_the_request_nobody_is_notified(budi, topic, django_capture_on_commit_callbacks):
    request = ServiceRequestFactory(requester=budi, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        post_message(request=request, sender=budi, body=QUESTION)
    assert Notification.objects.count() == 0
    assert mail.outbox == []


# Read state


def test_unread_counts_follow_what_each_person_has_read(accepted, budi, sari, topic):
    other = AcceptedRequestFactory(requester=budi, provider=sari, topic=topic)
    post_message(request=accepted, sender=budi, body=QUESTION)
    post_message(request=accepted, sender=budi, body="Satu lagi: kapan kita bisa bertemu?")
    post_message(request=other, sender=budi, body="Permintaan kedua.")
    assert unread_count_for(sari) == 3
    assert unread_count_for(budi) == 0
    assert unread_by_request(sari, [accepted.pk, other.pk]) == {accepted.pk: 2, other.pk: 1}

    mark_thread_read(request=accepted, reader=sari)
    assert unread_count_for(sari) == 1
    assert unread_by_request(sari, [accepted.pk, other.pk]) == {accepted.pk: 0, other.pk: 1}
    assert ThreadRead.objects.filter(request=accepted, reader=sari).count() == 1


def test_a_message_after_reading_is_unread_again(accepted, budi, sari):
    written(accepted, budi, timezone.now() - 2 * HOUR)
    mark_thread_read(request=accepted, reader=sari, at=timezone.now() - HOUR)
    assert unread_count_for(sari) == 0
    post_message(request=accepted, sender=budi, body="Ada kabar?")
    assert unread_count_for(sari) == 1


def test_unread_counts_take_one_query_each(accepted, budi, sari, django_assert_num_queries):
    post_message(request=accepted, sender=budi, body=QUESTION)
    with django_assert_num_queries(1):
        assert unread_count_for(sari) == 1
    with django_assert_num_queries(1):
        assert unread_by_request(sari, [accepted.pk]) == {accepted.pk: 1}


def test_a_service_admin_has_nothing_unread_in_conversations_of_the_agency(accepted, budi, rina):
    post_message(request=accepted, sender=budi, body=QUESTION)
    assert unread_count_for(rina) == 0
    assert unread_by_request(rina, [accepted.pk]) == {accepted.pk: 0}


# Responsiveness


def test_the_provider_answer_is_timed_from_the_first_unanswered_question(accepted, budi, sari):
    t0 = timezone.now() - 3 * HOUR
    written(accepted, budi, t0)
    written(accepted, budi, t0 + HOUR, body="Saya tambahkan: tim saya lima orang.")

    reply = post_message(request=accepted, sender=sari, body="Baik, kita mulai dari daftar tugas.")

    sample = ResponseSample.objects.get()
    assert (sample.provider, sample.request, sample.asked_at, sample.answered_at) == (
        sari,
        accepted,
        t0,
        reply.created_at,
    )
    assert sample.seconds == int((reply.created_at - t0).total_seconds())
    assert sample.seconds // 60 == 180


def test_writing_again_without_a_new_question_is_no_new_sample(accepted, budi, sari):
    written(accepted, budi, timezone.now() - 3 * HOUR)
    post_message(request=accepted, sender=sari, body="Baik, kita mulai dari daftar tugas.")
    post_message(request=accepted, sender=sari, body="Satu tambahan: bawa struktur tim Anda.")
    assert ResponseSample.objects.count() == 1


def test_a_new_question_after_the_answer_earns_its_own_sample(accepted, budi, sari):
    now = timezone.now()
    written(accepted, budi, now - 5 * HOUR)
    written(accepted, sari, now - 4 * HOUR, body="Baik.")
    asked = now - 2 * HOUR
    written(accepted, budi, asked, body="Apakah Jumat bisa?")

    reply = post_message(request=accepted, sender=sari, body="Bisa, pukul 09.00.")

    assert list(ResponseSample.objects.values_list("asked_at", "answered_at")) == [(asked, reply.created_at)]


def test_the_requester_writing_is_no_sample(accepted, budi, sari):
    written(accepted, sari, timezone.now() - HOUR, body="Silakan ceritakan.")
    post_message(request=accepted, sender=budi, body=QUESTION)
    assert ResponseSample.objects.count() == 0


def test_messages_from_before_the_offer_are_timed_by_accepting_not_by_the_thread(budi, sari, topic):
    request = ServiceRequestFactory(
        requester=budi, provider=sari, topic=topic, status=RequestStatus.ASSIGNED, assigned_at=timezone.now() - HOUR
    )
    written(request, budi, timezone.now() - 3 * HOUR)
    post_message(request=request, sender=sari, body="Saya sudah membaca permintaan Anda.")
    assert ResponseSample.objects.count() == 0


def test_a_provider_writing_before_accepting_is_the_first_response(offered, budi, sari):
    message = post_message(request=offered, sender=sari, body="Boleh saya tanya dulu tentang tim Anda?")
    offered.refresh_from_db()
    assert offered.first_response_at == message.created_at
    assert offered.status == RequestStatus.ASSIGNED

    post_message(request=offered, sender=sari, body="Satu lagi.")
    offered.refresh_from_db()
    assert offered.first_response_at == message.created_at


def test_the_requester_writing_is_not_a_first_response(offered, budi):
    post_message(request=offered, sender=budi, body=QUESTION)
    offered.refresh_from_db()
    assert offered.first_response_at is None


# Response figures


def test_provider_median_response_time(accepted, sari):
    now = timezone.now()
    for seconds in (600, 60, 120):
        ResponseSample.objects.create(provider=sari, request=accepted, asked_at=now, answered_at=now, seconds=seconds)
    assert provider_response_stats(sari) == {"median_seconds": 120, "samples": 3}


def test_provider_without_samples_has_no_median(sari):
    assert provider_response_stats(sari) == {"median_seconds": None, "samples": 0}


def test_response_figures_per_provider_of_one_agency_in_one_query(
    accepted, sari, budi, agency, topic, django_assert_num_queries
):
    joko = CoachFactory(full_name="Joko Purnomo", agency=agency)
    elsewhere = Agency.objects.create(name="Pemerintah Kabupaten Bangka", short_name="Pemkab Bangka")
    outsider = CoachFactory(agency=elsewhere)
    joko_request = AcceptedRequestFactory(requester=budi, provider=joko, topic=topic)
    other_request = AcceptedRequestFactory(
        requester__agency=elsewhere, provider=outsider, topic=TopicFactory(agency=elsewhere)
    )
    now = timezone.now()
    for provider, request, seconds in [
        (sari, accepted, 100),
        (sari, accepted, 300),
        (joko, joko_request, 3600),
        (outsider, other_request, 5),
    ]:
        ResponseSample.objects.create(
            provider=provider, request=request, asked_at=now, answered_at=now, seconds=seconds
        )
    with django_assert_num_queries(1):
        figures = response_stats_by_provider(agency)
    assert figures == {sari.pk: (200, 2), joko.pk: (3600, 1)}


def test_nobody_outside_the_request_marks_its_conversation_read(accepted, dewi, rina):
    for outsider in (dewi, rina):
        with pytest.raises(PermissionDenied):
            mark_thread_read(request=accepted, reader=outsider)
    assert not ThreadRead.objects.exists()
