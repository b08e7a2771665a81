"""Pages of SMART goals: add or change a goal with live SMART hints; its page with progress and chart."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tumbuh.access.policy import can, fetch
from tumbuh.common.charts import svg_response
from tumbuh.common.conflicts import EditConflict, form_after_conflict
from tumbuh.common.forms import add_service_errors

from .. import selectors
from ..charts import goal_chart as draw_goal_chart
from ..forms.goals import GoalEditForm, GoalForm, GoalProgressForm
from ..models import GoalStatus
from ..services import goals as services

TEXT_FIELDS = ("title", "indicator", "unit", "relevance", "skp_reference")
TYPED_FIELDS = ("baseline", "target", "target_date")


def _draft(form: GoalForm) -> dict:
    """The goal as typed so far, even when the form is not valid yet: what the SMART check looks at."""
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    draft = {name: str(form.data.get(name, "")) for name in TEXT_FIELDS}
    draft.update({name: cleaned.get(name) for name in TYPED_FIELDS})
    return draft


def goal_create(request, pk: int):
    engagement = fetch(request.user, "coaching.add_goal", selectors.engagements_visible_to(request.user), pk=pk)
    form = GoalForm(request.POST or None)
    hints = None
    if request.method == "POST":
        # The hints of what was typed, before the service's errors take fields out of cleaned_data.
        hints = selectors.draft_hints(engagement=engagement, **_draft(form))
        if form.is_valid():
            try:
                goal = services.add_goal(engagement=engagement, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Goal added."))
                return redirect("coaching:goal-detail", pk=goal.pk)
    return render(request, "coaching/goal_form.html", {"engagement": engagement, "form": form, "hints": hints})


@require_POST
def goal_check(request, pk: int):
    """The SMART hints for the goal being typed (htmx, while typing in the add and edit forms)."""
    engagement = fetch(request.user, "coaching.check_goal", selectors.engagements_visible_to(request.user), pk=pk)
    hints = selectors.draft_hints(engagement=engagement, **_draft(GoalForm(request.POST)))
    return TemplateResponse(request, "coaching/goal_form.html#smart-hints", {"hints": hints})


def _detail_context(request, goal, progress_form=None) -> dict:
    entries = list(goal.progress.all())
    latest = entries[-1] if entries else None
    may_record = can(request.user, "coaching.record_goal_progress", goal)
    if may_record and progress_form is None:
        progress_form = GoalProgressForm(goal=goal)
    return {
        "goal": goal,
        "engagement": goal.engagement,
        "hints": selectors.goal_hints(goal),
        "entries": entries,
        "latest": latest,
        "target_reached": latest is not None and latest.percent >= 100 and goal.status == GoalStatus.OPEN,
        "can_change": can(request.user, "coaching.change_goal", goal),
        "progress_form": progress_form if may_record else None,
    }


def goal_detail(request, pk: int):
    goal = fetch(request.user, "coaching.view_goal", selectors.goal_detail_for(request.user), pk=pk)
    return render(request, "coaching/goal_detail.html", _detail_context(request, goal))


@require_POST
def goal_progress_create(request, pk: int):
    goal = fetch(request.user, "coaching.record_goal_progress", selectors.goal_detail_for(request.user), pk=pk)
    form = GoalProgressForm(request.POST, goal=goal)
    if form.is_valid():
        try:
            entry = services.record_progress(goal=goal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Progress recorded."))
            if entry.percent >= 100:
                messages.info(request, _("The target is reached; mark the goal as achieved when you both agree."))
            return redirect("coaching:goal-detail", pk=goal.pk)
    return render(request, "coaching/goal_detail.html", _detail_context(request, goal, form))


def goal_edit(request, pk: int):
    goal = fetch(request.user, "coaching.change_goal", selectors.goals_visible_to(request.user), pk=pk)
    conflict = None
    if request.method == "POST":
        form = GoalEditForm(request.POST)
        hints = selectors.draft_hints(engagement=goal.engagement, **_draft(form))
        if form.is_valid():
            data = dict(form.cleaned_data)
            expected = data.pop("version")
            try:
                goal = services.update_goal(goal=goal, by=request.user, expected_version=expected, **data)
            except EditConflict as error:
                # Keep what the user typed; show the version saved by the other person beside it.
                conflict = error.current
                form = form_after_conflict(error, make_form=GoalEditForm, data=request.POST)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Goal saved."))
                return redirect("coaching:goal-detail", pk=goal.pk)
    else:
        form = GoalEditForm(initial=GoalEditForm.initial_of(goal))
        hints = selectors.goal_hints(goal)
    context = {"goal": goal, "engagement": goal.engagement, "form": form, "conflict": conflict, "hints": hints}
    return render(request, "coaching/goal_edit.html", context)


def goal_chart(request, pk: int):
    goal = fetch(request.user, "coaching.view_goal", selectors.goal_detail_for(request.user), pk=pk)
    return svg_response(draw_goal_chart(goal, list(goal.progress.all())))
