"""Opening a notice marks it read and follows its link."""

import datetime

import pytest
from django.utils import timezone

from tumbuh.notifications.kinds import CALENDAR_INVITATIONS
from tumbuh.notifications.models import Notification

pytestmark = pytest.mark.django_db


def notice(recipient, url="/coaching/sessions/7/", read_at=None):
    return Notification.objects.create(
        recipient=recipient, kind=CALENDAR_INVITATIONS, text="Sesi dipesan", url=url, read_at=read_at
    )


def test_opening_marks_the_notice_read_and_goes_where_it_points(client_as, budi):
    unread = notice(budi)

    response = client_as(budi).get(f"/notifications/{unread.pk}/")

    unread.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/coaching/sessions/7/"
    assert unread.read_at is not None


def test_opening_again_keeps_when_it_was_first_read(client_as, budi):
    first_read = timezone.now() - datetime.timedelta(days=2)
    read = notice(budi, read_at=first_read)

    client_as(budi).get(f"/notifications/{read.pk}/")

    read.refresh_from_db()
    assert read.read_at == first_read


def test_a_notice_pointing_off_site_leads_back_to_the_list(client_as, budi):
    odd = notice(budi, url="https://example.com/phish")

    response = client_as(budi).get(f"/notifications/{odd.pk}/")

    assert response["Location"] == "/notifications/"


@pytest.mark.parametrize("other", ["sari", "dewi", "rina"])
def test_another_persons_notice_is_not_found_and_stays_unread(client_as, budi, other, request):
    budis = notice(budi)

    response = client_as(request.getfixturevalue(other)).get(f"/notifications/{budis.pk}/")

    budis.refresh_from_db()
    assert response.status_code == 404
    assert budis.read_at is None
