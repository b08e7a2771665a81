"""The in-app notification list: a person's own notices, newest first, the unread ones marked."""

import datetime

import pytest
from django.utils import timezone

from tests.helpers import in_indonesian
from tumbuh.notifications.kinds import CALENDAR_INVITATIONS
from tumbuh.notifications.models import Notification
from tumbuh.service.kinds import MESSAGES

pytestmark = pytest.mark.django_db

URL = "/notifications/"


def notice(recipient, text, *, minutes_ago=0, read=False, kind=MESSAGES):
    at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    return Notification.objects.create(
        recipient=recipient, kind=kind, text=text, url="/coaching/", created_at=at, read_at=at if read else None
    )


def test_person_sees_their_own_notices_newest_first(client_as, budi):
    older = notice(budi, "Pesan baru dari Sari", minutes_ago=30, read=True)
    newer = notice(budi, "Sesi dipesan: Coaching dengan Sari", minutes_ago=5, kind=CALENDAR_INVITATIONS)

    response = client_as(budi).get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert [n.pk for n in response.context["page"].object_list] == [newer.pk, older.pk]
    assert html.index("Sesi dipesan: Coaching dengan Sari") < html.index("Pesan baru dari Sari")
    assert f'<a class="text-break" href="/notifications/{newer.pk}/">Sesi dipesan: Coaching dengan Sari</a>' in html
    assert html.count(f'<span class="badge text-bg-primary">{in_indonesian("new")}</span>') == 1


def test_opening_the_list_does_not_mark_the_notices_read(client_as, budi):
    unread = notice(budi, "Pesan baru dari Sari")

    client_as(budi).get(URL)

    unread.refresh_from_db()
    assert unread.read_at is None


def test_notices_of_other_people_are_not_listed(client_as, budi, dewi):
    notice(dewi, "Pesan untuk Dewi")

    html = client_as(budi).get(URL).content.decode()

    assert "Pesan untuk Dewi" not in html
    assert (
        in_indonesian(
            "No notifications yet. When something needs your attention (a request, a message, a booked session), "
            "it appears here."
        )
        in html
    )


def test_list_links_to_the_email_settings(client_as, budi):
    html = client_as(budi).get(URL).content.decode()

    assert f'href="/notifications/settings/">{in_indonesian("E-mail settings")}</a>' in html


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_does_not_grow_with_the_notices(client_as, budi, count, django_assert_num_queries):
    for i in range(count):
        notice(budi, f"Pemberitahuan {i}", minutes_ago=i)
    client = client_as(budi)

    with django_assert_num_queries(4):
        response = client.get(URL)

    assert len(response.context["page"].object_list) == count
