"""Coaching's own notices: the "session recorded" notice goes through notify (in-app, and e-mail unless turned off);
contracts, feedback and peer invitations share coaching's kind."""

import datetime

import pytest
from django.core import mail
from django.utils.translation import gettext, override

from tumbuh.coaching.kinds import COACHING_UPDATES, SESSION_RECORDED
from tumbuh.coaching.services import log_session
from tumbuh.notifications.kinds import registered
from tumbuh.notifications.models import Notification
from tumbuh.notifications.services import set_email_enabled

pytestmark = pytest.mark.django_db

HELD_AT = datetime.datetime(2026, 3, 10, 2, 0, tzinfo=datetime.UTC)


def test_a_recorded_session_leaves_the_other_person_an_in_app_notice_in_their_language(
    sari, budi, engagement, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session = log_session(engagement=engagement, by=sari, scheduled_at=HELD_AT)

    with override("id"):
        subject = gettext("Session recorded: %(topic)s") % {"topic": "Delegasi tugas di tim baru"}
    notice = Notification.objects.get()
    assert (notice.recipient, notice.kind, notice.text, notice.url) == (
        budi,
        SESSION_RECORDED,
        subject,
        f"/coaching/sessions/{session.pk}/",
    )
    assert [(message.to, message.subject) for message in mail.outbox] == [(["budi@babelprov.go.id"], subject)]


def test_a_person_who_turned_recorded_sessions_off_gets_the_notice_but_no_mail(
    sari, budi, engagement, django_capture_on_commit_callbacks
):
    set_email_enabled(employee=budi, kind=SESSION_RECORDED, enabled=False)

    with django_capture_on_commit_callbacks(execute=True):
        log_session(engagement=engagement, by=sari, scheduled_at=HELD_AT)

    assert mail.outbox == []
    assert list(Notification.objects.values_list("recipient", "kind")) == [(budi.pk, SESSION_RECORDED)]


def test_coaching_declares_its_kinds_for_the_settings_page():
    labels = {kind.value: kind.label for kind in registered()}

    with override("en"):
        assert str(labels[COACHING_UPDATES]) == "Contracts, feedback and peer invitations in my coaching"
        assert str(labels[SESSION_RECORDED]) == "A session I take part in was recorded"
