"""The canvas services: stage notes with the version check, the Will/Action stage, the one follow-up per session."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import override

from tests.factories import EmployeeFactory, SessionFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import ActionItem, Session
from tumbuh.coaching.services import ActionDraft
from tumbuh.coaching.services.canvas import (
    FollowUpDraft,
    choose_canvas,
    commit_will,
    save_canvas,
    update_stage_notes,
)
from tumbuh.common.conflicts import EditConflict

pytestmark = pytest.mark.django_db

MAKASSAR = zoneinfo.ZoneInfo("Asia/Makassar")


@pytest.fixture(autouse=True)
def sari_clock():
    # The services read local dates on the active clock: Sari's, as the middleware would set it.
    with timezone.override(MAKASSAR):
        yield


@pytest.fixture
def session(engagement):
    return SessionFactory(
        engagement=engagement,
        canvas="grow",
        scheduled_at=datetime.datetime.combine(
            timezone.localdate() - datetime.timedelta(days=1), datetime.time(9, 0), tzinfo=MAKASSAR
        ),
    )


@pytest.fixture
def next_week():
    return timezone.localdate() + datetime.timedelta(days=7)


def messages_of(error: ValidationError) -> dict:
    return error.value.message_dict


def test_stage_notes_replace_the_old_ones_and_blank_stages_are_dropped(sari, session):
    fresh = update_stage_notes(
        session=session, by=sari, expected_version=1, stage_notes={"goal": "  Tujuan jelas.  ", "reality": " "}
    )

    assert (fresh.stage_notes, fresh.version) == ({"goal": "Tujuan jelas."}, 2)


def test_a_stage_the_model_does_not_have_is_refused(sari, session):
    with pytest.raises(ValidationError) as error:
        update_stage_notes(session=session, by=sari, expected_version=1, stage_notes={"contract": "Kontrak."})

    message = in_indonesian("%(stages)s is not a stage of this session's model; use one of: %(codes)s.") % {
        "stages": "contract",
        "codes": "goal, reality, options, will",
    }
    assert messages_of(error) == {"stage_notes": [message]}
    session.refresh_from_db()
    assert (session.stage_notes, session.version) == ({}, 1)


def test_notes_longer_than_the_limit_are_refused(sari, session):
    with pytest.raises(ValidationError) as error:
        update_stage_notes(session=session, by=sari, expected_version=1, stage_notes={"goal": "x" * 5001})

    assert list(messages_of(error)) == ["stage_notes"]
    session.refresh_from_db()
    assert session.stage_notes == {}


def test_an_edit_from_an_older_version_raises_a_conflict_with_the_saved_one(sari, session):
    update_stage_notes(session=session, by=sari, expected_version=1, stage_notes={"goal": "Versi pertama."})

    with pytest.raises(EditConflict) as conflict:
        update_stage_notes(session=session, by=sari, expected_version=1, stage_notes={"goal": "Versi kedua."})

    assert (conflict.value.current.version, conflict.value.current.stage_notes) == (2, {"goal": "Versi pertama."})


@pytest.mark.parametrize("service", ["update_stage_notes", "commit_will", "save_canvas", "choose_canvas"])
def test_only_the_coach_writes_the_canvas(budi, session, service):
    calls = {
        "update_stage_notes": lambda: update_stage_notes(
            session=session, by=budi, expected_version=1, stage_notes={"goal": "Coachee."}
        ),
        "commit_will": lambda: commit_will(session=session, by=budi, follow_up=FollowUpDraft()),
        "save_canvas": lambda: save_canvas(session=session, by=budi, expected_version=1, stage_notes={}),
        "choose_canvas": lambda: choose_canvas(session=session, by=budi, canvas="clear", expected_version=1),
    }

    with pytest.raises(PermissionDenied):
        calls[service]()

    session.refresh_from_db()
    assert (session.version, session.canvas, Session.objects.count()) == (1, "grow", 1)


def test_will_errors_name_the_action_and_the_field(sari, budi, session, next_week):
    stranger = EmployeeFactory()
    drafts = [
        ActionDraft("Bicara dengan Andi", budi, next_week),
        ActionDraft("Minta bantuan", stranger, next_week),
        ActionDraft(" ", budi, timezone.localdate() - datetime.timedelta(days=1)),
    ]

    with pytest.raises(ValidationError) as error:
        commit_will(session=session, by=sari, actions=drafts, follow_up=FollowUpDraft(days_after=20))

    assert messages_of(error) == {
        "actions.1.owner": [
            in_indonesian("The owner of an action must be the coach or the coachee of this engagement.")
        ],
        "actions.2.title": [in_indonesian("Describe the action in a few words.")],
        "actions.2.due_on": [
            in_indonesian("The due date %(date)s is in the past; pick today or a later date.")
            % {"date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat()}
        ],
        "follow_up.days_after": [
            in_indonesian("The follow-up comes 7 to 14 days after this session; pick a number of days in that range.")
        ],
    }
    assert (ActionItem.objects.count(), Session.objects.count()) == (0, 1)


def test_will_refuses_a_second_follow_up(sari, session):
    first = commit_will(session=session, by=sari, follow_up=FollowUpDraft()).follow_up

    with pytest.raises(ValidationError) as error:
        commit_will(session=session, by=sari, follow_up=FollowUpDraft(days_after=7))

    with override("id"):
        day = formats.date_format(first.scheduled_at.astimezone(MAKASSAR), "j F Y")
    assert messages_of(error) == {
        "follow_up": [
            in_indonesian("A follow-up is already planned for %(date)s; open that session to change it.")
            % {"date": day}
        ]
    }
    assert list(Session.objects.filter(follow_up_of=session)) == [first]


def test_the_database_holds_one_planned_follow_up_per_session(session):
    SessionFactory(engagement=session.engagement, follow_up_of=session, status="scheduled")
    SessionFactory(engagement=session.engagement, follow_up_of=session, status="cancelled")

    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(engagement=session.engagement, follow_up_of=session, status="scheduled")


def test_save_canvas_writes_notes_actions_and_follow_up_together(sari, budi, session, next_week):
    result = save_canvas(
        session=session,
        by=sari,
        expected_version=1,
        stage_notes={"will": "Dua langkah."},
        actions=[ActionDraft("Bicara dengan Andi", budi, next_week)],
        follow_up=FollowUpDraft(days_after=10, at=datetime.time(13, 0), canvas="clear"),
    )

    assert (result.session.stage_notes, result.session.version) == ({"will": "Dua langkah."}, 2)
    assert [(a.title, a.session_id) for a in result.actions] == [("Bicara dengan Andi", session.pk)]
    expected = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=9), datetime.time(13, 0), tzinfo=MAKASSAR
    )
    assert (result.follow_up.scheduled_at, result.follow_up.canvas) == (expected, "clear")


def test_save_canvas_with_a_stale_version_saves_no_actions(sari, budi, session, next_week):
    update_stage_notes(session=session, by=sari, expected_version=1, stage_notes={"goal": "Tab lain."})

    with pytest.raises(EditConflict):
        save_canvas(
            session=session,
            by=sari,
            expected_version=1,
            stage_notes={"will": "Tab ini."},
            actions=[ActionDraft("Bicara dengan Andi", budi, next_week)],
            follow_up=FollowUpDraft(),
        )

    assert (ActionItem.objects.count(), Session.objects.count()) == (0, 1)


def test_a_model_is_chosen_only_from_the_version_read(sari, session):
    free = SessionFactory(engagement=session.engagement)
    choose_canvas(session=free, by=sari, canvas="oscar", expected_version=1)

    with pytest.raises(EditConflict):
        choose_canvas(session=free, by=sari, canvas="clear", expected_version=1)

    free.refresh_from_db()
    assert (free.canvas, free.version) == ("oscar", 2)
