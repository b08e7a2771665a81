"""WhatsApp click-to-chat and Jitsi room links."""

import re

import pytest

from tests.factories import SessionFactory
from tumbuh.notifications.links import jitsi_url, meeting_link, whatsapp_url


@pytest.mark.parametrize(
    ("phone", "url"),
    [
        ("081270001234", "https://wa.me/6281270001234"),
        ("0812-7000-1234", "https://wa.me/6281270001234"),
        ("0812 7000 1234", "https://wa.me/6281270001234"),
        ("+62 812-7000-1234", "https://wa.me/6281270001234"),
        ("6281270001234", "https://wa.me/6281270001234"),
        ("81270001234", "https://wa.me/6281270001234"),
        ("0062 812 7000 1234", "https://wa.me/6281270001234"),
        ("+60 12-345 6789", "https://wa.me/60123456789"),
    ],
)
def test_whatsapp_link_has_the_number_with_its_country_code(phone, url):
    assert whatsapp_url(phone) == url


@pytest.mark.parametrize("phone", ["", "   ", "-", "0812", "12345", "0812700012345678901"])
def test_no_whatsapp_link_for_something_that_is_not_a_phone_number(phone):
    assert whatsapp_url(phone) is None


def test_jitsi_room_is_stable_per_session_and_differs_between_sessions():
    assert jitsi_url(7) == jitsi_url(7)
    assert jitsi_url(7) != jitsi_url(8)
    assert re.fullmatch(r"https://meet\.jit\.si/Tumbuh-[0-9a-f]{20}", jitsi_url(7))


def test_jitsi_server_can_be_the_agencys_own(settings):
    settings.JITSI_BASE_URL = "https://rapat.babelprov.go.id/"

    assert jitsi_url(7).startswith("https://rapat.babelprov.go.id/Tumbuh-")


@pytest.mark.django_db
def test_meeting_link_is_the_sessions_own_link_else_its_jitsi_room_and_none_in_person():
    own = SessionFactory(mode="online", meeting_url="https://zoom.us/j/123")
    generated = SessionFactory(mode="online", meeting_url="")
    in_person = SessionFactory(mode="offline", meeting_url="", location="Aula")

    assert meeting_link(own) == "https://zoom.us/j/123"
    assert meeting_link(generated) == jitsi_url(generated.pk)
    assert meeting_link(in_person) == ""
