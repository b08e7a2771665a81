"""A conversation belongs to the requester and one provider: after a decline and a new assignment, the new
provider starts with a clean thread (page and API), the requester still reads it all and is told."""

import pytest
from django.utils.html import escape
from django.utils.translation import ngettext, override

from tests.factories import CoachFactory
from tests.helpers import in_indonesian
from tests.service.factories import ProviderProfileFactory, TopicFactory
from tumbuh.notifications.models import Notification
from tumbuh.service.models import Message
from tumbuh.service.selectors.messaging import thread_for, unread_count_for
from tumbuh.service.services import requests as requests_services
from tumbuh.service.services.messaging import post_message

pytestmark = pytest.mark.django_db

TOLD = (
    "%(name)s now serves your request on %(topic)s. They do not see your earlier messages with the "
    "previous provider: tell them again what they need to know."
)
OLD = ["Saya sedang ada masalah dengan atasan saya.", "Baik, ceritakan lebih lanjut."]


@pytest.fixture
def yusuf(agency):
    return ProviderProfileFactory(employee=CoachFactory(full_name="Yusuf Hakim", agency=agency)).employee


@pytest.fixture
def reassigned(budi, sari, rina, yusuf, agency):
    """Budi wrote with Sari, who then declined; Rina offered the request to Yusuf."""
    ProviderProfileFactory(employee=sari)
    topic = TopicFactory(agency=agency, name="Manajemen kinerja")
    request = requests_services.submit_request(requester=budi, kind="coaching", topic=topic, need="Delegasi.")
    request = requests_services.assign_request(request=request, provider=sari, by=rina)
    post_message(request=request, sender=budi, body=OLD[0])
    post_message(request=request, sender=sari, body=OLD[1])
    request = requests_services.decline_request(request=request, by=sari, reason="Kapasitas penuh.")
    post_message(request=request, sender=budi, body="Untuk siapa pun yang berikutnya: saya bisa hari Selasa.")
    Notification.objects.all().delete()
    return requests_services.assign_request(request=request, provider=yusuf, by=rina)


def bodies(messages) -> list[str]:
    return [message.body for message in messages]


def test_the_new_provider_reads_only_what_was_written_while_nobody_served(reassigned, yusuf):
    assert bodies(thread_for(reassigned, viewer=yusuf)) == ["Untuk siapa pun yang berikutnya: saya bisa hari Selasa."]
    assert unread_count_for(yusuf) == 1


def test_the_requester_still_reads_the_whole_thread(reassigned, budi):
    assert bodies(thread_for(reassigned, viewer=budi)) == [
        *OLD,
        "Untuk siapa pun yang berikutnya: saya bisa hari Selasa.",
    ]


def test_the_requester_is_told_that_the_new_provider_does_not_see_the_earlier_messages(reassigned, budi):
    notice = Notification.objects.get(recipient=budi)
    assert notice.text == in_indonesian(TOLD) % {"name": "Yusuf Hakim", "topic": "Manajemen kinerja"}


def test_messages_written_now_belong_to_the_new_provider(reassigned, budi, yusuf):
    message = post_message(request=reassigned, sender=budi, body="Halo Pak Yusuf.")
    assert Message.objects.get(pk=message.pk).provider == yusuf


def test_a_first_assignment_tells_the_requester_nothing(budi, sari, rina, agency):
    ProviderProfileFactory(employee=sari)
    topic = TopicFactory(agency=agency, name="Manajemen kinerja")
    request = requests_services.submit_request(requester=budi, kind="coaching", topic=topic, need="Delegasi.")
    post_message(request=request, sender=budi, body="Saya bisa hari Selasa.")
    requests_services.assign_request(request=request, provider=sari, by=rina)
    assert not Notification.objects.filter(recipient=budi).exists()
    assert bodies(thread_for(request, viewer=sari)) == ["Saya bisa hari Selasa."]


def test_the_new_providers_thread_page_does_not_show_the_old_messages(client_as, reassigned, yusuf):
    html = client_as(yusuf).get(f"/service/requests/{reassigned.pk}/messages/").content.decode()
    assert "Untuk siapa pun yang berikutnya" in html
    assert all(old not in html for old in OLD)
    assert 'id="thread-notice"' not in html


def test_the_requesters_thread_page_shows_everything_and_says_what_the_provider_does_not_see(
    client_as, reassigned, budi
):
    response = client_as(budi).get(f"/service/requests/{reassigned.pk}/messages/")
    html = response.content.decode()
    assert all(old in html for old in OLD)
    with override("id"):
        notice = ngettext(
            "%(provider)s does not see the earlier message you exchanged with the previous provider. "
            "Tell %(provider)s again what they need to know.",
            "%(provider)s does not see the %(count)s earlier messages you exchanged with the previous provider. "
            "Tell %(provider)s again what they need to know.",
            2,
        ) % {"provider": "Yusuf Hakim", "count": 2}
    assert response.context["hidden_from_provider"] == 2
    assert escape(notice) in html


def test_the_new_providers_thread_in_the_api_does_not_hold_the_old_messages(client_as, reassigned, yusuf, budi):
    mine = client_as(yusuf).get(f"/api/v1/service/requests/{reassigned.pk}/messages").json()
    theirs = client_as(budi).get(f"/api/v1/service/requests/{reassigned.pk}/messages").json()
    assert [m["body"] for m in mine["items"]] == ["Untuk siapa pun yang berikutnya: saya bisa hari Selasa."]
    assert [m["body"] for m in theirs["items"]] == [*OLD, "Untuk siapa pun yang berikutnya: saya bisa hari Selasa."]
