"""The session canvas (GROW, CLEAR, OSCAR or free) and micro-coaching. The coach writes; the coachee reads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from tumbuh.access.policy import can, fetch
from tumbuh.audit.services import record_event
from tumbuh.common.conflicts import EditConflict, form_after_conflict
from tumbuh.common.forms import add_service_errors
from tumbuh.toolkit.frameworks import Framework

from .. import selectors
from ..forms.canvas import (
    CanvasNotesForm,
    ChooseCanvasForm,
    FollowUpForm,
    MicroSessionForm,
    WillActionFormSet,
    show_canvas_errors,
)
from ..models import Session, SessionStatus
from ..models.sessions import full_session_canvas_choices
from ..services import ActionDraft
from ..services import canvas as canvas_services


def planned_follow_up(session: Session) -> Session | None:
    """The follow-up planned from SESSION, from the prefetched follow-ups."""
    return next((s for s in session.follow_ups.all() if s.status != SessionStatus.CANCELLED), None)


def stage_notes_of(session: Session) -> list[dict]:
    """The stages of the session's model that have notes, in order, for read-only display."""
    framework = selectors.framework_of(session)
    if framework is None:
        return []
    notes = session.stage_notes or {}
    return [{"stage": stage, "notes": notes[stage.code]} for stage in framework.stages if notes.get(stage.code)]


def session_detail_extras(request, session: Session) -> dict:
    """What the session page shows of the canvas and the SBI feedback (SESSION from selectors.session_canvas_for)."""
    return {
        "framework": selectors.framework_of(session),
        "stage_notes": stage_notes_of(session),
        "follow_up": planned_follow_up(session),
        "feedback_items": session.feedback.all(),
        "can_use_canvas": can(request.user, "coaching.change_canvas", session),
        "can_give_feedback": can(request.user, "coaching.give_feedback", session),
    }


def _stage_cards(framework: Framework | None, session: Session, form: CanvasNotesForm | None, conflict) -> list[dict]:
    if framework is None:
        return []
    questions = selectors.stage_questions(session, translation.get_language() or "id")
    notes = session.stage_notes or {}
    theirs = (conflict.stage_notes or {}) if conflict is not None else {}
    return [
        {
            "stage": stage,
            "number": number,
            "notes": notes.get(stage.code, ""),
            "theirs": theirs.get(stage.code, ""),
            "questions": questions.get(stage.code, []),
            "field": form[stage.code] if form is not None else None,
        }
        for number, stage in enumerate(framework.stages, start=1)
    ]


def session_canvas(request, pk: int):
    writing = request.method == "POST"
    session = fetch(
        request.user,
        "coaching.change_canvas" if writing else "coaching.view_canvas",
        selectors.session_canvas_for(request.user),
        pk=pk,
    )
    if writing and request.POST.get("intent") == "choose":
        return _choose(request, session)
    engagement = session.engagement
    framework = selectors.framework_of(session)
    can_edit = can(request.user, "coaching.change_canvas", session)
    can_commit = can(request.user, "coaching.commit_will", session)
    follow_up = planned_follow_up(session)
    scheduling = writing and can_commit and follow_up is None and request.POST.get("intent") == "follow_up"
    data = request.POST if writing else None
    notes_form = rows = follow_up_form = None
    conflict = None
    if can_edit:
        initial = {"version": session.version, **(session.stage_notes or {})}
        notes_form = CanvasNotesForm(data, framework=framework, prefix="stage", initial=initial)
    if can_commit:
        rows = WillActionFormSet(data, prefix="actions", form_kwargs={"engagement": engagement})
        follow_up_form = FollowUpForm(data if scheduling else None, session=session, prefix="follow_up")

    if writing and notes_form is not None:
        # Validate every part, so all mistakes show at once.
        valid = [notes_form.is_valid(), rows is None or rows.is_valid()]
        if scheduling and follow_up_form is not None:
            valid.append(follow_up_form.is_valid())
        if all(valid):
            drafts, row_of_draft = rows.drafts(engagement) if rows is not None else ([], [])
            try:
                result = canvas_services.save_canvas(
                    session=session,
                    by=request.user,
                    expected_version=notes_form.cleaned_data["version"],
                    stage_notes=notes_form.stage_notes(),
                    actions=drafts,
                    follow_up=follow_up_form.draft() if scheduling and follow_up_form is not None else None,
                )
            except EditConflict as error:
                # Keep what the coach typed; show the version saved meanwhile beside each stage.
                conflict = error.current
                # Each stage card shows the notes saved meanwhile: a read like any other.
                record_event(actor=request.user, action="session.notes.read", target=session, detail="canvas conflict")
                notes_form = form_after_conflict(
                    error,
                    make_form=lambda data: CanvasNotesForm(data, framework=framework, prefix="stage"),
                    data=request.POST,
                    version_field="stage-version",
                )
            except ValidationError as error:
                show_canvas_errors(
                    error,
                    notes=notes_form,
                    rows=rows,
                    row_of_draft=row_of_draft,
                    follow_up=follow_up_form if scheduling else None,
                )
            else:
                return _saved(request, result)
    else:
        record_event(actor=request.user, action="session.notes.read", target=session, request=request, detail="canvas")
    context = {
        "session": session,
        "engagement": engagement,
        "framework": framework,
        "cards": _stage_cards(framework, session, notes_form, conflict),
        "notes_form": notes_form,
        "rows": rows,
        "follow_up_form": follow_up_form,
        "follow_up": follow_up,
        "can_edit": can_edit,
        "can_commit": can_commit,
        "can_choose": can_edit and not session.stage_notes,
        "choices": full_session_canvas_choices(),
        "actions": session.action_items.all(),
        "conflict": conflict,
        "nothing_saved": writing,
    }
    return render(request, "coaching/session_canvas.html", context)


def _saved(request, result: canvas_services.CanvasResult):
    if result.follow_up is not None:
        messages.success(request, _("Canvas saved and the follow-up scheduled; the coachee has been told."))
        return redirect("coaching:session-detail", pk=result.session.pk)
    if result.actions:
        messages.success(request, _("Canvas saved with its new actions."))
    else:
        messages.success(request, _("Canvas saved."))
    return redirect("coaching:session-canvas", pk=result.session.pk)


def _choose(request, session: Session):
    form = ChooseCanvasForm(request.POST)
    if form.is_valid():
        try:
            canvas_services.choose_canvas(
                session=session,
                by=request.user,
                canvas=form.cleaned_data["canvas"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as error:
            messages.error(request, str(error))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
    else:
        messages.error(request, _("Choose free, GROW, CLEAR or OSCAR."))
    return redirect("coaching:session-canvas", pk=session.pk)


def session_micro(request, pk: int):
    engagement = fetch(
        request.user, "coaching.run_micro_session", selectors.engagements_visible_to(request.user), pk=pk
    )
    form = MicroSessionForm(request.POST or None, engagement=engagement)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = canvas_services.log_micro_session(
                engagement=engagement,
                by=request.user,
                focus=data["focus"],
                insight=data["insight"],
                action=ActionDraft(data["title"], engagement.participant(data["owner"]), data["due_on"]),
                scheduled_at=data["scheduled_at"],
                duration_minutes=data["duration_minutes"],
                mode=data["mode"],
                location=data["location"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Micro-coaching session recorded with its action."))
            return redirect("coaching:session-detail", pk=session.pk)
    return render(request, "coaching/session_micro.html", {"engagement": engagement, "form": form})
