"""Mark all as read: every unread notice of the person, and nobody else's."""

import pytest

from tests.helpers import in_indonesian
from tumbuh.notifications.models import Notification
from tumbuh.service.kinds import MESSAGES

pytestmark = pytest.mark.django_db

URL = "/notifications/read-all/"


def notice(recipient):
    return Notification.objects.create(recipient=recipient, kind=MESSAGES, text="Pesan baru", url="/coaching/")


def test_marks_every_own_notice_read_and_returns_to_the_list(client_as, budi, dewi):
    notice(budi), notice(budi)
    dewis = notice(dewi)

    response = client_as(budi).post(URL, follow=True)

    dewis.refresh_from_db()
    assert response.redirect_chain == [("/notifications/", 302)]
    assert Notification.objects.filter(recipient=budi, read_at__isnull=True).count() == 0
    assert dewis.read_at is None
    assert in_indonesian("All notifications are marked as read.") in response.content.decode()


def test_only_a_post_marks_them_read(client_as, budi):
    unread = notice(budi)

    response = client_as(budi).get(URL)

    unread.refresh_from_db()
    assert response.status_code == 405
    assert unread.read_at is None
