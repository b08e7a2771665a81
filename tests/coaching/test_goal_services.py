"""The goal services: SMART goals added and changed, their hints, and progress recorded over time."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, override

from tests.factories import AcceptedContractFactory, EngagementFactory, GoalFactory, GoalProgressFactory
from tests.helpers import in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import EngagementStatus, Goal, GoalProgress, GoalStatus
from tumbuh.coaching.selectors import goal_hints
from tumbuh.coaching.services import add_goal as add_goal_from_the_package
from tumbuh.coaching.services.goals import add_goal, record_progress, update_goal
from tumbuh.common.conflicts import EditConflict

pytestmark = pytest.mark.django_db

STATEMENT = "Menaikkan laporan bulanan yang terkirim tepat waktu dari 60% menjadi 90%"


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def smart_fields(today):
    return {
        "title": STATEMENT,
        "indicator": "persentase laporan terkirim tepat waktu",
        "unit": "%",
        "baseline": Decimal(60),
        "target": Decimal(90),
        "target_date": today + datetime.timedelta(days=60),
        "relevance": "Target SKP tahun ini.",
        "skp_reference": "SKP 2026 butir 3",
    }


@pytest.fixture
def goal(engagement):
    """Set two months ago: 60% of reports on time, to reach 90%."""
    return GoalFactory(
        engagement=engagement,
        title=STATEMENT,
        indicator="persentase laporan terkirim tepat waktu",
        unit="%",
        baseline=Decimal(60),
        target=Decimal(90),
        created_at=timezone.now() - datetime.timedelta(days=60),
    )


def test_add_goal_is_still_importable_from_the_services_package():
    assert add_goal_from_the_package is add_goal


def test_a_smart_goal_is_saved_with_its_indicator_and_audited(budi, engagement, smart_fields):
    goal = add_goal(engagement=engagement, by=budi, description="Mulai dari laporan keuangan.", **smart_fields)

    goal.refresh_from_db()
    assert (
        goal.title,
        goal.indicator,
        goal.unit,
        goal.baseline,
        goal.target,
        goal.target_date,
        goal.relevance,
        goal.skp_reference,
        goal.description,
        goal.status,
        goal.version,
    ) == (
        STATEMENT,
        "persentase laporan terkirim tepat waktu",
        "%",
        Decimal("60.00"),
        Decimal("90.00"),
        smart_fields["target_date"],
        "Target SKP tahun ini.",
        "SKP 2026 butir 3",
        "Mulai dari laporan keuangan.",
        "open",
        1,
    )
    assert list(AuditEvent.objects.values_list("action", "actor", "target_id")) == [
        ("goal.added", budi.pk, str(goal.pk))
    ]


def test_a_goal_with_a_deadline_in_the_past_is_refused_and_nothing_is_saved(budi, engagement, smart_fields, today):
    smart_fields["target_date"] = today - datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as error:
        add_goal(engagement=engagement, by=budi, **smart_fields)

    assert error.value.message_dict == {
        "target_date": [in_indonesian("The target date is in the past; pick a future date.")]
    }
    assert Goal.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_a_vague_goal_is_saved_and_its_hints_are_advice(budi, engagement):
    goal = add_goal(engagement=engagement, by=budi, title="Memperbaiki komunikasi dengan tim")

    assert Goal.objects.get().pk == goal.pk
    assert [hint.code for hint in goal_hints(goal)] == [
        "specific.vague_verb",
        "measurable.no_number",
        "relevant.no_relevance",
        "time_bound.no_deadline",
    ]


def test_a_closed_engagement_takes_no_goals(budi, sari, smart_fields):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)

    with pytest.raises(ValidationError) as error:
        add_goal(engagement=closed, by=budi, **smart_fields)

    assert error.value.messages == [in_indonesian("This engagement is closed; goals can no longer be added.")]
    assert Goal.objects.count() == 0


def test_too_many_decimals_are_refused(budi, engagement, smart_fields):
    smart_fields["target"] = Decimal("90.125")

    with pytest.raises(ValidationError) as error:
        add_goal(engagement=engagement, by=budi, **smart_fields)

    assert list(error.value.message_dict) == ["target"]
    assert Goal.objects.count() == 0


def test_a_deadline_after_the_contracts_planned_end_gets_a_hint(budi, engagement, smart_fields, today):
    AcceptedContractFactory(engagement=engagement, ends_on=today + datetime.timedelta(days=30))
    smart_fields["target_date"] = today + datetime.timedelta(days=45)

    goal = add_goal(engagement=engagement, by=budi, **smart_fields)

    assert [(hint.code, hint.blocking) for hint in goal_hints(goal)] == [
        ("time_bound.deadline_beyond_engagement", False)
    ]


def test_without_a_planned_end_any_future_deadline_is_within_the_engagement(budi, engagement, smart_fields):
    goal = add_goal(engagement=engagement, by=budi, **smart_fields)

    assert goal_hints(goal) == []


def test_an_achieved_goal_gets_no_more_hints(engagement):
    goal = GoalFactory(engagement=engagement, title="Memperbaiki komunikasi", status=GoalStatus.ACHIEVED)

    assert goal_hints(goal) == []


def edit(goal, by, **changes):
    fields = {
        "title": goal.title,
        "status": goal.status,
        "description": goal.description,
        "target_date": goal.target_date,
        "indicator": goal.indicator,
        "unit": goal.unit,
        "baseline": goal.baseline,
        "target": goal.target,
        "relevance": goal.relevance,
        "skp_reference": goal.skp_reference,
        "expected_version": goal.version,
    }
    return update_goal(goal=goal, by=by, **{**fields, **changes})


def test_a_goal_is_changed_its_version_bumped_and_the_change_audited(sari, goal, today):
    changed = edit(goal, sari, target=Decimal(95), target_date=today + datetime.timedelta(days=10))

    goal.refresh_from_db()
    assert (goal.target, goal.target_date, goal.version) == (
        Decimal("95.00"),
        today + datetime.timedelta(days=10),
        2,
    )
    assert changed.version == 2
    assert list(AuditEvent.objects.values_list("action", "actor")) == [("goal.changed", sari.pk)]


def test_an_edit_based_on_a_stale_version_is_a_conflict_and_changes_nothing(sari, budi, goal):
    edit(goal, budi, target=Decimal(85))

    with pytest.raises(EditConflict) as conflict:
        edit(goal, sari, target=Decimal(95), expected_version=1)

    assert (conflict.value.current.version, conflict.value.current.target) == (2, Decimal("85.00"))
    goal.refresh_from_db()
    assert (goal.version, goal.target) == (2, Decimal("85.00"))


def test_a_deadline_that_has_passed_may_stay_but_a_new_one_must_lie_ahead(budi, goal, today):
    Goal.objects.filter(pk=goal.pk).update(target_date=today - datetime.timedelta(days=3))
    goal.refresh_from_db()

    edit(goal, budi, relevance="Tetap penting.")
    goal.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        edit(goal, budi, target_date=today - datetime.timedelta(days=1))

    assert error.value.message_dict == {
        "target_date": [in_indonesian("The target date is in the past; pick a future date.")]
    }
    goal.refresh_from_db()
    assert (goal.target_date, goal.relevance, goal.version) == (today - datetime.timedelta(days=3), "Tetap penting.", 2)


def test_goals_of_a_closed_engagement_cannot_be_changed(budi, goal):
    goal.engagement.status = EngagementStatus.COMPLETED
    goal.engagement.save()

    with pytest.raises(ValidationError) as error:
        edit(goal, budi, status=GoalStatus.ACHIEVED)

    assert error.value.messages == [in_indonesian("This engagement is closed; its goals can no longer be changed.")]
    assert Goal.objects.get().status == "open"


def test_progress_is_recorded_with_who_and_when(budi, goal, today):
    entry = record_progress(goal=goal, by=budi, value=Decimal(75), note="  Laporan Maret tepat waktu. ")

    entry.refresh_from_db()
    assert (entry.goal, entry.value, entry.recorded_on, entry.note, entry.recorded_by) == (
        goal,
        Decimal("75.00"),
        today,
        "Laporan Maret tepat waktu.",
        budi,
    )
    assert list(AuditEvent.objects.values_list("action", "target_id")) == [("goal.progress.recorded", str(goal.pk))]


@pytest.mark.parametrize(
    ("baseline", "target", "value", "percent"),
    [
        (60, 90, 75, 50),  # halfway from 60% to 90%
        (60, 90, 60, 0),
        (60, 90, 95, 100),  # beyond the target: done
        (60, 90, 50, 0),  # fell below the baseline
        (10, 5, 7, 60),  # days to finish, going down: 3 of 5 days gained
        (10, 5, 5, 100),
        (10, 5, 12, 0),
        (None, 20, 5, 25),  # no baseline: counted from zero
    ],
)
def test_percent_is_the_way_from_baseline_to_target(budi, goal, baseline, target, value, percent):
    Goal.objects.filter(pk=goal.pk).update(baseline=baseline, target=target)
    goal.refresh_from_db()

    entry = record_progress(goal=goal, by=budi, value=Decimal(value))

    assert entry.percent == percent


def test_a_goal_without_a_target_records_a_percentage(budi, engagement):
    goal = GoalFactory(engagement=engagement, title="Mendelegasikan dua tugas rutin")

    entry = record_progress(goal=goal, by=budi, value=Decimal(40))

    assert (entry.value, entry.percent) == (Decimal(40), 40)


@pytest.mark.parametrize("value", [Decimal(-5), Decimal("100.5")])
def test_a_percentage_outside_0_to_100_is_refused(budi, engagement, value):
    goal = GoalFactory(engagement=engagement, title="Mendelegasikan dua tugas rutin")

    with pytest.raises(ValidationError) as error:
        record_progress(goal=goal, by=budi, value=value)

    assert error.value.message_dict == {
        "value": [
            in_indonesian(
                "This goal has no indicator target, so progress is a percentage; enter a number from 0 to 100."
            )
        ]
    }
    assert GoalProgress.objects.count() == 0


def test_an_indicator_value_may_exceed_100(budi, goal):
    Goal.objects.filter(pk=goal.pk).update(unit="dokumen", baseline=100, target=250)
    goal.refresh_from_db()

    assert record_progress(goal=goal, by=budi, value=Decimal(175)).percent == 50


def test_progress_for_a_future_date_is_refused(budi, goal, today):
    with pytest.raises(ValidationError) as error:
        record_progress(goal=goal, by=budi, value=Decimal(70), recorded_on=today + datetime.timedelta(days=1))

    assert error.value.message_dict == {
        "recorded_on": [in_indonesian("Progress cannot be recorded for a future date; pick today or an earlier date.")]
    }
    assert GoalProgress.objects.count() == 0


def test_progress_from_before_the_goal_was_set_is_refused(budi, goal):
    set_on = timezone.localdate(goal.created_at)

    with pytest.raises(ValidationError) as error:
        record_progress(goal=goal, by=budi, value=Decimal(70), recorded_on=set_on - datetime.timedelta(days=1))

    with override("id"):
        expected = gettext("The goal was set on %(date)s; pick that day or a later one.") % {
            "date": date_format(set_on, "j F Y")
        }
    assert error.value.message_dict == {"recorded_on": [expected]}
    assert GoalProgress.objects.count() == 0
    assert record_progress(goal=goal, by=budi, value=Decimal(70), recorded_on=set_on).recorded_on == set_on


@pytest.mark.parametrize("status", [GoalStatus.ACHIEVED, GoalStatus.DROPPED])
def test_a_closed_goal_takes_no_progress(budi, goal, status):
    Goal.objects.filter(pk=goal.pk).update(status=status)

    with pytest.raises(ValidationError) as error:
        record_progress(goal=goal, by=budi, value=Decimal(80))

    assert error.value.messages == [
        in_indonesian(
            "This goal is no longer open (achieved or dropped); set its status back to Open to record progress."
        )
    ]
    assert GoalProgress.objects.count() == 0


def test_a_closed_engagement_takes_no_progress(budi, goal):
    goal.engagement.status = EngagementStatus.CANCELLED
    goal.engagement.save()

    with pytest.raises(ValidationError) as error:
        record_progress(goal=goal, by=budi, value=Decimal(80))

    assert error.value.messages == [in_indonesian("This engagement is closed; progress can no longer be recorded.")]
    assert GoalProgress.objects.count() == 0


def test_the_latest_progress_is_the_newest_by_date(goal, budi, today):
    GoalProgressFactory(goal=goal, value=80, recorded_on=today)
    GoalProgressFactory(goal=goal, value=70, recorded_on=today - datetime.timedelta(days=14))

    assert goal.latest_progress.value == Decimal(80)


def test_people_outside_the_engagement_neither_add_change_nor_measure_goals(
    wayan, rina, engagement, goal, smart_fields
):
    for outsider in (wayan, rina):
        with pytest.raises(PermissionDenied):
            add_goal(engagement=engagement, by=outsider, **smart_fields)
        with pytest.raises(PermissionDenied):
            edit(goal, outsider, target=Decimal(95))
        with pytest.raises(PermissionDenied):
            record_progress(goal=goal, by=outsider, value=Decimal(75))
    goal.refresh_from_db()
    assert (Goal.objects.count(), goal.version, goal.target, GoalProgress.objects.count()) == (1, 1, Decimal(90), 0)
    assert not AuditEvent.objects.exists()
