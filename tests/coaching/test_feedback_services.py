"""Giving SBI feedback: the coach only, every part filled, judgements confirmed, the coachee told."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import formats, timezone
from django.utils.translation import override

from tests.factories import EngagementFactory, SessionFactory
from tests.helpers import in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import Feedback
from tumbuh.coaching.sbi import check_behaviour
from tumbuh.coaching.services.feedback import give_feedback
from tumbuh.notifications.models import Notification

pytestmark = pytest.mark.django_db

SITUATION = "Dalam rapat staf hari Senin pagi."
OBSERVED = "Anda memaparkan tiga pilihan jadwal beserta biayanya sebelum ada yang bertanya."
IMPACT = "Rapat selesai 20 menit lebih cepat dan tim langsung bisa memilih."


@pytest.fixture
def session(engagement):
    return SessionFactory(engagement=engagement, scheduled_at=datetime.datetime(2026, 3, 10, 2, 0, tzinfo=datetime.UTC))


def test_coach_gives_feedback_and_the_coachee_is_told(sari, budi, session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        feedback = give_feedback(
            session=session,
            by=sari,
            situation=f"  {SITUATION} ",
            behaviour=OBSERVED,
            impact=IMPACT,
            reflective_question="Apa yang membantu Anda menyiapkannya?",
        )

    stored = Feedback.objects.get()
    assert stored == feedback
    assert (stored.session, stored.given_by, stored.situation, stored.behaviour, stored.impact) == (
        session,
        sari,
        SITUATION,
        OBSERVED,
        IMPACT,
    )
    assert stored.reflective_question == "Apa yang membantu Anda menyiapkannya?"
    notice = Notification.objects.get()
    with override("id"):
        day = formats.date_format(datetime.date(2026, 3, 10), "j F Y")
    assert (notice.recipient, notice.kind, notice.url) == (
        budi,
        "coaching_updates",
        f"/coaching/sessions/{session.pk}/",
    )
    assert notice.text == in_indonesian("%(name)s gave you feedback on the session of %(date)s.") % {
        "name": "Sari Wulandari",
        "date": day,
    }
    assert [message.to for message in mail.outbox] == [["budi@babelprov.go.id"]]
    assert list(AuditEvent.objects.values_list("actor", "action", "target_type", "target_id")) == [
        (sari.pk, "session.feedback.given", "coaching.feedback", str(stored.pk))
    ]


def test_a_judgement_is_refused_with_its_hints_until_the_coach_confirms(sari, session):
    behaviour = "Anda malas dan selalu terlambat."

    with pytest.raises(ValidationError) as error:
        give_feedback(session=session, by=sari, situation=SITUATION, behaviour=behaviour, impact=IMPACT)

    assert error.value.message_dict == {"behaviour": check_behaviour(behaviour, "id")}
    assert Feedback.objects.count() == 0

    give_feedback(
        session=session, by=sari, situation=SITUATION, behaviour=behaviour, impact=IMPACT, confirm_observable=True
    )

    assert Feedback.objects.get().behaviour == behaviour


def test_situation_behaviour_and_impact_are_required(sari, session):
    with pytest.raises(ValidationError) as error:
        give_feedback(session=session, by=sari, situation=" ", behaviour="", impact="")

    assert error.value.message_dict == {
        "situation": [in_indonesian("Describe the situation: when and where it happened.")],
        "behaviour": [in_indonesian("Describe the behaviour: what the person did or said.")],
        "impact": [in_indonesian("Describe the impact: what the behaviour led to, for you, the team or the work.")],
    }
    assert Feedback.objects.count() == 0


def test_coachee_cannot_give_feedback(budi, session):
    with pytest.raises(PermissionDenied):
        give_feedback(session=session, by=budi, situation=SITUATION, behaviour=OBSERVED, impact=IMPACT)

    assert Feedback.objects.count() == 0


def test_in_a_peer_engagement_the_peer_coach_gives_feedback(budi, dewi):
    peer = EngagementFactory(coach=dewi, coachee=budi, kind="peer")
    session = SessionFactory(engagement=peer)

    give_feedback(session=session, by=dewi, situation=SITUATION, behaviour=OBSERVED, impact=IMPACT)
    with pytest.raises(PermissionDenied):
        give_feedback(session=session, by=budi, situation=SITUATION, behaviour=OBSERVED, impact=IMPACT)

    assert list(Feedback.objects.values_list("given_by", flat=True)) == [dewi.pk]


def test_the_notice_follows_the_coachees_clock(sari, budi, engagement):
    # 16:30 UTC is 23:30 on the 10th for Budi (WIB), already 00:30 on the 11th for Sari (WITA).
    late = SessionFactory(
        engagement=engagement, scheduled_at=datetime.datetime(2026, 3, 10, 16, 30, tzinfo=datetime.UTC)
    )

    with timezone.override(zoneinfo.ZoneInfo("Asia/Makassar")):
        give_feedback(session=late, by=sari, situation=SITUATION, behaviour=OBSERVED, impact=IMPACT)

    assert Notification.objects.get().text == in_indonesian(
        "%(name)s gave you feedback on the session of %(date)s."
    ) % {"name": "Sari Wulandari", "date": "10 Maret 2026"}
