"""E-mail settings: a person turns each kind of e-mail off or on; in-app notices keep coming."""

import re

import pytest
from django.utils.translation import gettext, override

from tests.helpers import in_indonesian
from tumbuh.coaching.kinds import COACHING_UPDATES, SESSION_RECORDED
from tumbuh.notifications.kinds import CALENDAR_INVITATIONS, registered
from tumbuh.notifications.models import NotificationSetting
from tumbuh.notifications.services import email_enabled, set_email_enabled
from tumbuh.service.kinds import MESSAGES, REMINDER_24H

pytestmark = pytest.mark.django_db

URL = "/notifications/settings/"


def is_ticked(html, kind) -> bool:
    (tag,) = re.findall(rf'<input type="checkbox" name="{kind}"[^>]*>', html)
    return tag.endswith(" checked>")


def test_every_kind_is_on_until_turned_off(client_as, budi):
    response = client_as(budi).get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    for kind in registered():
        assert is_ticked(html, kind.value) is True
        with override("id"):
            assert str(kind.label) in html


def test_page_shows_what_the_person_turned_off(client_as, budi):
    set_email_enabled(employee=budi, kind=REMINDER_24H, enabled=False)

    html = client_as(budi).get(URL).content.decode()

    assert is_ticked(html, "reminder_24h") is False
    assert is_ticked(html, "reminder_1h") is True


def test_saving_turns_off_the_unticked_kinds(client_as, budi):
    ticked = {"request_updates": "on", "messages": "on", "reminder_1h": "on"}

    response = client_as(budi).post(URL, ticked, follow=True)

    assert response.redirect_chain == [(URL, 302)]
    assert in_indonesian("Your e-mail choices are saved.") in response.content.decode()
    assert {kind.value: email_enabled(employee=budi, kind=kind.value) for kind in registered()} == {
        "coaching_updates": False,
        "session_recorded": False,
        "invitations": False,
        "request_updates": True,
        "messages": True,
        "reminder_24h": False,
        "reminder_1h": True,
    }


def test_ticking_a_kind_again_turns_it_back_on(client_as, budi):
    set_email_enabled(employee=budi, kind=CALENDAR_INVITATIONS, enabled=False)

    client_as(budi).post(URL, dict.fromkeys((kind.value for kind in registered()), "on"))

    assert email_enabled(employee=budi, kind=CALENDAR_INVITATIONS) is True


def test_choices_are_kept_per_person(client_as, budi, dewi):
    client_as(budi).post(URL, {})

    assert NotificationSetting.objects.filter(employee=dewi).count() == 0
    assert email_enabled(employee=dewi, kind=MESSAGES) is True
    assert NotificationSetting.objects.filter(employee=budi, email_enabled=False).count() == 7


def test_the_page_lists_the_kinds_each_app_declared(client_as, budi):
    html = client_as(budi).get(URL).content.decode()

    names = re.findall(r'<input type="checkbox" name="([a-z0-9_]+)"', html)
    assert names == [kind.value for kind in registered()]
    assert names == [
        COACHING_UPDATES,
        SESSION_RECORDED,
        CALENDAR_INVITATIONS,
        "request_updates",
        "messages",
        "reminder_24h",
        "reminder_1h",
    ]
    with override("id"):
        help_text = gettext("This e-mail carries the calendar file (.ics) that puts the session in your calendar.")
    assert help_text in html
