"""Pages of the core coaching loop. Thin: parse, ask access, call a service or selector, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tumbuh.access.policy import can, fetch
from tumbuh.audit.services import record_event
from tumbuh.common.conflicts import EditConflict, form_after_conflict
from tumbuh.common.forms import add_service_errors
from tumbuh.notifications.links import meeting_link, whatsapp_url

from .. import selectors, services
from ..forms import ActionItemForm, ActionRowFormSet, SessionEditForm, SessionForm
from ..models import SessionCanvas
from . import canvas


def engagement_list(request):
    engagements = selectors.engagement_list_for(request.user)
    context = {
        "engagements": engagements,
        "peer_invitations": selectors.pending_peer_invitations_received(request.user),  # issue 4: peer coaching
    }
    return render(request, "coaching/engagement_list.html", context)


def engagement_detail(request, pk: int):
    engagement = fetch(request.user, "coaching.view_engagement", selectors.engagement_detail_for(request.user), pk=pk)
    contract = engagement.current_contract
    context = {
        "engagement": engagement,
        "contract": contract,
        "contract_awaits_me": contract is not None and contract.awaits(request.user.pk),
        "is_coach": request.user.pk == engagement.coach_id,
        "can_log_session": can(request.user, "coaching.log_session", engagement),
        "can_add": can(request.user, "coaching.add_action_item", engagement),
    }
    return render(request, "coaching/engagement_detail.html", context)


def session_create(request, pk: int):
    engagement = fetch(request.user, "coaching.log_session", selectors.engagements_visible_to(request.user), pk=pk)
    form = SessionForm(request.POST or None)
    actions = ActionRowFormSet(request.POST or None, form_kwargs={"engagement": engagement}, prefix="actions")
    if request.method == "POST" and form.is_valid() and actions.is_valid():
        drafts = [
            services.ActionDraft(row["title"], engagement.participant(row["owner"]), row["due_on"])
            for row in actions.cleaned_data
            if row.get("title")
        ]
        try:
            session = services.log_session(engagement=engagement, by=request.user, actions=drafts, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Session recorded."))
            if session.canvas != SessionCanvas.FREE:  # issue 4: a chosen model goes on to its canvas
                return redirect("coaching:session-canvas", pk=session.pk)
            return redirect("coaching:session-detail", pk=session.pk)
    return render(request, "coaching/session_form.html", {"engagement": engagement, "form": form, "actions": actions})


def session_detail(request, pk: int):
    session = fetch(request.user, "coaching.view_session", selectors.session_canvas_for(request.user), pk=pk)
    show_private = can(request.user, "coaching.view_private_notes", session)
    engagement = session.engagement
    other = engagement.other_party(request.user)
    record_event(
        actor=request.user,
        action="session.notes.read",
        target=session,
        request=request,
        detail="shared+private" if show_private else "shared",
    )
    context = {
        "session": session,
        "engagement": session.engagement,
        "show_private": show_private,
        "can_change": can(request.user, "coaching.change_session", session),
        "actions": session.action_items.all(),  # prefetched with their owners, by due date
        "whatsapp_url": whatsapp_url(other.phone),
        "whatsapp_name": other.full_name,
        "meeting_link": meeting_link(session),
        **canvas.session_detail_extras(request, session),  # issue 4: stage notes, follow-up, SBI feedback
    }
    return render(request, "coaching/session_detail.html", context)


def session_edit(request, pk: int):
    session = fetch(request.user, "coaching.change_session", selectors.sessions_visible_to(request.user), pk=pk)
    conflict = None
    if request.method == "POST":
        form = SessionEditForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            expected = data.pop("version")
            try:
                session = services.update_session(session=session, by=request.user, expected_version=expected, **data)
            except EditConflict as error:
                # Keep what the user typed; show the version saved by the other person beside it.
                conflict = error.current
                # The page shows the notes the other person saved: a read like any other.
                record_event(actor=request.user, action="session.notes.read", target=session, detail="conflict")
                form = form_after_conflict(error, make_form=SessionEditForm, data=request.POST)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Session saved."))
                return redirect("coaching:session-detail", pk=session.pk)
    else:
        record_event(actor=request.user, action="session.notes.read", target=session, request=request, detail="edit")
        form = SessionEditForm(
            initial={
                "scheduled_at": session.scheduled_at,
                "duration_minutes": session.duration_minutes,
                "mode": session.mode,
                "meeting_url": session.meeting_url,
                "location": session.location,
                "shared_notes": session.shared_notes,
                "private_notes": session.private_notes,
                "version": session.version,
            }
        )
    context = {"session": session, "engagement": session.engagement, "form": form, "conflict": conflict}
    return render(request, "coaching/session_edit.html", context)


def action_create(request, pk: int):
    engagement = fetch(request.user, "coaching.add_action_item", selectors.engagement_detail_for(request.user), pk=pk)
    form = ActionItemForm(request.POST or None, engagement=engagement)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        goal = next((g for g in engagement.goals.all() if g.pk == data["goal"]), None)
        try:
            services.add_action_item(
                engagement=engagement,
                by=request.user,
                title=data["title"],
                owner=engagement.participant(data["owner"]),
                due_on=data["due_on"],
                goal=goal,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Action added."))
            return redirect("coaching:engagement-detail", pk=engagement.pk)
    return render(request, "coaching/action_form.html", {"engagement": engagement, "form": form})


@require_POST
def action_toggle(request, pk: int):
    item = fetch(request.user, "coaching.tick_action_item", selectors.action_items_visible_to(request.user), pk=pk)
    item = services.set_action_item_done(item=item, by=request.user, done=request.POST.get("done") == "1")
    if request.htmx:
        return TemplateResponse(request, "coaching/engagement_detail.html#action-row", {"item": item})
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("coaching:engagement-detail", pk=item.engagement_id)
