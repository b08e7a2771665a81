"""The coaching services: logging and editing sessions, goals, actions, and opening engagements."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext, override

from tests.factories import ActionItemFactory, EngagementFactory, SessionFactory
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import ActionItem, Engagement, EngagementStatus, Goal, Session, SessionMode, SessionStatus
from tumbuh.coaching.services import (
    ActionDraft,
    add_action_item,
    add_goal,
    log_session,
    set_action_item_done,
    start_engagement,
    update_session,
)
from tumbuh.common.conflicts import EditConflict

pytestmark = pytest.mark.django_db

SHARED_NOTES = "Budi akan mendelegasikan laporan bulanan kepada Andi."
PRIVATE_NOTES = "Budi tampak ragu memberi kepercayaan kepada timnya."


@pytest.fixture(autouse=True)
def _english():
    # Service messages are translated; in English the expected texts read as written in the code.
    with override("en"):
        yield


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def yesterday(today):
    return today - datetime.timedelta(days=1)


@pytest.fixture
def next_week(today):
    return today + datetime.timedelta(days=7)


@pytest.fixture
def last_tuesday():
    return timezone.now().replace(microsecond=0) - datetime.timedelta(days=3)


@pytest.fixture
def closed_engagement(sari, budi):
    return EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED, topic="Selesai")


def counts() -> tuple[int, int]:
    return Session.objects.count(), ActionItem.objects.count()


def test_past_session_is_logged_as_held_with_its_actions(sari, budi, engagement, last_tuesday, next_week):
    session = log_session(
        engagement=engagement,
        by=sari,
        scheduled_at=last_tuesday,
        duration_minutes=45,
        mode=SessionMode.ONLINE,
        meeting_url="https://meet.example.id/delegasi",
        shared_notes=SHARED_NOTES,
        private_notes=PRIVATE_NOTES,
        actions=[
            ActionDraft("Serahkan laporan bulanan kepada Andi", budi, next_week),
            ActionDraft("  Kirim bacaan tentang delegasi  ", sari, next_week),
        ],
    )

    session.refresh_from_db()
    assert session.engagement == engagement
    assert session.status == SessionStatus.HELD
    assert session.scheduled_at == last_tuesday
    assert session.duration_minutes == 45
    assert session.meeting_url == "https://meet.example.id/delegasi"
    assert session.location == ""
    assert session.shared_notes == SHARED_NOTES
    assert session.private_notes == PRIVATE_NOTES
    assert session.version == 1
    actions = list(session.action_items.order_by("pk").values_list("title", "owner", "due_on", "engagement"))
    assert actions == [
        ("Serahkan laporan bulanan kepada Andi", budi.pk, next_week, engagement.pk),
        ("Kirim bacaan tentang delegasi", sari.pk, next_week, engagement.pk),
    ]


def test_future_session_is_logged_as_scheduled(sari, engagement):
    next_monday = timezone.now() + datetime.timedelta(days=4)

    session = log_session(engagement=engagement, by=sari, scheduled_at=next_monday)

    assert Session.objects.get(pk=session.pk).status == SessionStatus.SCHEDULED


def test_offline_session_keeps_the_place_and_drops_the_meeting_link(sari, engagement, last_tuesday):
    session = log_session(
        engagement=engagement,
        by=sari,
        scheduled_at=last_tuesday,
        mode=SessionMode.OFFLINE,
        location="Ruang Rapat BKPSDMD Lt. 2",
        meeting_url="https://meet.example.id/lupa-dihapus",
    )

    session.refresh_from_db()
    assert (session.mode, session.location, session.meeting_url) == ("offline", "Ruang Rapat BKPSDMD Lt. 2", "")


def test_logging_a_session_records_an_audit_event(sari, engagement, last_tuesday):
    session = log_session(engagement=engagement, by=sari, scheduled_at=last_tuesday)

    event = AuditEvent.objects.get(action="session.logged")
    assert (event.actor, event.target_type, event.target_id) == (sari, "coaching.session", str(session.pk))


def test_logging_a_session_mails_the_coachee_in_indonesian(
    sari, budi, engagement, last_tuesday, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session = log_session(engagement=engagement, by=sari, scheduled_at=last_tuesday)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["budi@babelprov.go.id"]
    with override("id"):
        expected_subject = gettext("Session recorded: %(topic)s") % {"topic": "Delegasi tugas di tim baru"}
        greeting = gettext("Hello %(name)s,") % {"name": "Budi Santoso"}
        invitation = gettext("Open it to read the shared notes and your actions:")
    assert message.subject == expected_subject
    assert message.subject != "Session recorded: Delegasi tugas di tim baru"
    assert message.body.startswith(greeting + "\n")
    assert invitation in message.body
    assert f"/coaching/sessions/{session.pk}/" in message.body


def test_session_mail_is_in_english_for_a_coachee_who_chose_english(
    sari, budi, engagement, last_tuesday, django_capture_on_commit_callbacks
):
    budi.language = "en"
    budi.save(update_fields=["language"])

    with django_capture_on_commit_callbacks(execute=True):
        log_session(engagement=engagement, by=sari, scheduled_at=last_tuesday)

    message = mail.outbox[0]
    assert message.subject == "Session recorded: Delegasi tugas di tim baru"
    assert message.body.startswith("Hello Budi Santoso,\n")
    assert "Open it to read the shared notes and your actions:" in message.body


def test_session_mail_carries_no_notes(sari, engagement, last_tuesday, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        log_session(
            engagement=engagement,
            by=sari,
            scheduled_at=last_tuesday,
            shared_notes=SHARED_NOTES,
            private_notes=PRIVATE_NOTES,
        )

    message = mail.outbox[0]
    for text in (SHARED_NOTES, PRIVATE_NOTES, "mendelegasikan", "ragu"):
        assert text not in message.subject
        assert text not in message.body


def test_session_mail_gives_the_time_in_the_recipients_time_zone(
    sari, budi, engagement, django_capture_on_commit_callbacks
):
    # Sari works in WITA, Budi in WIB: he reads the hour on his own clock.
    held_at = datetime.datetime(2026, 3, 10, 9, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Makassar"))

    with django_capture_on_commit_callbacks(execute=True):
        log_session(engagement=engagement, by=sari, scheduled_at=held_at)

    assert "10 Maret 2026, 8.30" in mail.outbox[0].body
    assert "9.30" not in mail.outbox[0].body


def test_session_mail_shows_the_topic_and_name_as_typed(sari, budi, last_tuesday, django_capture_on_commit_callbacks):
    # A plain-text mail must not carry HTML escapes such as &amp; or &#x27;.
    budi.full_name = "Budi Ma'ruf"
    budi.language = "en"
    budi.save(update_fields=["full_name", "language"])
    engagement = EngagementFactory(coach=sari, coachee=budi, topic="Delegasi & kepercayaan")

    with django_capture_on_commit_callbacks(execute=True):
        log_session(engagement=engagement, by=sari, scheduled_at=last_tuesday)

    message = mail.outbox[0]
    assert message.subject == "Session recorded: Delegasi & kepercayaan"
    assert message.body.startswith("Hello Budi Ma'ruf,\n")
    assert 'A session of "Delegasi & kepercayaan" on ' in message.body


def test_session_logged_by_the_coachee_mails_the_coach(
    sari, budi, engagement, last_tuesday, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        log_session(engagement=engagement, by=budi, scheduled_at=last_tuesday)

    assert [message.to for message in mail.outbox] == [["sari@babelprov.go.id"]]


def test_offline_session_without_a_place_is_refused_and_saves_nothing(
    sari, budi, engagement, last_tuesday, next_week, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as error:
        log_session(
            engagement=engagement,
            by=sari,
            scheduled_at=last_tuesday,
            mode=SessionMode.OFFLINE,
            location="   ",
            actions=[ActionDraft("Serahkan laporan bulanan", budi, next_week)],
        )

    assert error.value.message_dict == {"location": ["An in-person session needs a place; write where you meet."]}
    assert counts() == (0, 0)
    assert AuditEvent.objects.count() == 0
    assert mail.outbox == []


def test_action_due_in_the_past_is_refused_and_the_session_is_not_created(
    sari, budi, engagement, last_tuesday, yesterday, next_week
):
    with pytest.raises(ValidationError) as error:
        log_session(
            engagement=engagement,
            by=sari,
            scheduled_at=last_tuesday,
            shared_notes=SHARED_NOTES,
            actions=[
                ActionDraft("Serahkan laporan bulanan", budi, next_week),
                ActionDraft("Baca buku delegasi", budi, yesterday),
            ],
        )

    assert error.value.message_dict == {
        "due_on": [f"The due date {yesterday.isoformat()} is in the past; pick today or a later date."]
    }
    assert counts() == (0, 0)


def test_action_owned_by_someone_outside_the_engagement_is_refused(sari, wayan, engagement, last_tuesday, next_week):
    with pytest.raises(ValidationError) as error:
        log_session(
            engagement=engagement,
            by=sari,
            scheduled_at=last_tuesday,
            actions=[ActionDraft("Setujui rencana delegasi", wayan, next_week)],
        )

    assert error.value.message_dict == {
        "owner": ["The owner of an action must be the coach or the coachee of this engagement."]
    }
    assert counts() == (0, 0)


def test_action_added_for_someone_outside_the_engagement_is_refused(sari, dewi, engagement, next_week):
    with pytest.raises(ValidationError) as error:
        add_action_item(engagement=engagement, by=sari, title="Bantu Budi", owner=dewi, due_on=next_week)

    assert list(error.value.message_dict) == ["owner"]
    assert ActionItem.objects.count() == 0


def test_closed_engagement_refuses_sessions(sari, closed_engagement, last_tuesday):
    with pytest.raises(ValidationError) as error:
        log_session(engagement=closed_engagement, by=sari, scheduled_at=last_tuesday)

    assert error.value.messages == ["This engagement is closed; sessions can no longer be added."]
    assert counts() == (0, 0)


def test_closed_engagement_refuses_goals(budi, closed_engagement):
    with pytest.raises(ValidationError) as error:
        add_goal(engagement=closed_engagement, by=budi, title="Mendelegasikan dua tugas rutin")

    assert error.value.messages == ["This engagement is closed; goals can no longer be added."]
    assert Goal.objects.count() == 0


def test_closed_engagement_refuses_actions(budi, closed_engagement, next_week):
    with pytest.raises(ValidationError) as error:
        add_action_item(engagement=closed_engagement, by=budi, title="Serahkan laporan", owner=budi, due_on=next_week)

    assert error.value.messages == ["This engagement is closed; actions can no longer be added."]
    assert ActionItem.objects.count() == 0


def test_requested_engagement_becomes_active_with_its_first_session(sari, budi, last_tuesday):
    requested = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.REQUESTED, started_at=None)

    log_session(engagement=requested, by=sari, scheduled_at=last_tuesday)

    requested.refresh_from_db()
    assert requested.status == EngagementStatus.ACTIVE
    assert requested.started_at is not None


def test_update_with_the_current_version_saves_and_bumps_the_version(sari, engagement):
    session = SessionFactory(engagement=engagement)
    new_time = session.scheduled_at + datetime.timedelta(hours=2)

    saved = update_session(
        session=session,
        by=sari,
        expected_version=1,
        scheduled_at=new_time,
        duration_minutes=90,
        mode=SessionMode.OFFLINE,
        location="Aula Widyaiswara",
        shared_notes="Catatan bersama yang baru.",
        private_notes="Catatan pribadi yang baru.",
    )

    assert saved.version == 2
    session.refresh_from_db()
    assert session.version == 2
    assert session.scheduled_at == new_time
    assert (session.duration_minutes, session.mode, session.location) == (90, "offline", "Aula Widyaiswara")
    assert (session.shared_notes, session.private_notes) == ("Catatan bersama yang baru.", "Catatan pribadi yang baru.")
    event = AuditEvent.objects.get(action="session.changed")
    assert (event.actor, event.target_id) == (sari, str(session.pk))


def test_update_based_on_a_stale_version_raises_a_conflict_and_changes_nothing(sari, engagement):
    session = SessionFactory(engagement=engagement)
    fields = {"scheduled_at": session.scheduled_at, "duration_minutes": 60, "mode": SessionMode.ONLINE}
    update_session(session=session, by=sari, expected_version=1, shared_notes="Versi tab pertama.", **fields)

    with pytest.raises(EditConflict) as conflict:
        update_session(session=session, by=sari, expected_version=1, shared_notes="Versi tab kedua.", **fields)

    assert conflict.value.current.pk == session.pk
    assert conflict.value.current.version == 2
    assert conflict.value.current.shared_notes == "Versi tab pertama."
    session.refresh_from_db()
    assert (session.version, session.shared_notes) == (2, "Versi tab pertama.")
    assert AuditEvent.objects.filter(action="session.changed").count() == 1


def test_goal_with_a_target_date_in_the_past_is_refused(budi, engagement, yesterday):
    with pytest.raises(ValidationError) as error:
        add_goal(engagement=engagement, by=budi, title="Mendelegasikan dua tugas rutin", target_date=yesterday)

    assert error.value.message_dict == {"target_date": ["The target date is in the past; pick a future date."]}
    assert Goal.objects.count() == 0


def test_goal_is_added_to_an_open_engagement(budi, engagement, next_week):
    goal = add_goal(engagement=engagement, by=budi, title="  Mendelegasikan dua tugas rutin  ", target_date=next_week)

    goal.refresh_from_db()
    assert (goal.engagement, goal.title, goal.target_date, goal.status) == (
        engagement,
        "Mendelegasikan dua tugas rutin",
        next_week,
        "open",
    )


def test_marking_an_action_done_records_when_and_by_whom(budi, engagement):
    item = ActionItemFactory(engagement=engagement)
    before = timezone.now()

    set_action_item_done(item=item, by=budi, done=True)

    item.refresh_from_db()
    assert before <= item.done_at <= timezone.now()
    assert item.done_by == budi


def test_reopening_an_action_clears_when_and_by_whom(budi, engagement):
    item = ActionItemFactory(engagement=engagement, done_at=timezone.now(), done_by=budi)

    set_action_item_done(item=item, by=budi, done=False)

    item.refresh_from_db()
    assert (item.done_at, item.done_by) == (None, None)


def test_starting_an_engagement_opens_it_as_active(sari, budi):
    engagement = start_engagement(coach=sari, coachee=budi, topic="  Komunikasi dengan atasan ")

    engagement.refresh_from_db()
    assert (engagement.coach, engagement.coachee, engagement.topic) == (sari, budi, "Komunikasi dengan atasan")
    assert (engagement.status, engagement.kind) == (EngagementStatus.ACTIVE, "coaching")
    assert engagement.started_at is not None


def test_a_person_cannot_coach_themselves(sari):
    with pytest.raises(ValidationError) as error:
        start_engagement(coach=sari, coachee=sari, topic="Refleksi diri")

    assert error.value.message_dict == {"coach": ["A person cannot coach themselves; choose another coach."]}
    assert Engagement.objects.count() == 0


# Who may act: the services ask the same rules as the pages.


def test_people_outside_the_engagement_can_neither_log_nor_add_nor_tick(
    wayan, rina, engagement, last_tuesday, next_week
):
    item = ActionItemFactory(engagement=engagement)
    for outsider in (wayan, rina):
        with pytest.raises(PermissionDenied):
            log_session(engagement=engagement, by=outsider, scheduled_at=last_tuesday)
        with pytest.raises(PermissionDenied):
            add_action_item(
                engagement=engagement, by=outsider, title="Rapat", owner=engagement.coachee, due_on=next_week
            )
        with pytest.raises(PermissionDenied):
            set_action_item_done(item=item, by=outsider, done=True)
    item.refresh_from_db()
    assert (counts(), item.done_at) == ((0, 1), None)


def test_only_the_coach_changes_a_session(budi, wayan, engagement):
    session = SessionFactory(engagement=engagement, shared_notes="Asli.")
    for other in (budi, wayan):
        with pytest.raises(PermissionDenied):
            update_session(
                session=session,
                by=other,
                expected_version=1,
                scheduled_at=session.scheduled_at,
                duration_minutes=60,
                mode=SessionMode.ONLINE,
                shared_notes="Diubah.",
            )
    session.refresh_from_db()
    assert (session.version, session.shared_notes) == (1, "Asli.")
