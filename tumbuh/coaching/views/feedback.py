"""The SBI feedback composer. The coach gives feedback in a session; the coachee reads it on the session page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tumbuh.access.policy import fetch
from tumbuh.common.forms import add_service_errors

from .. import selectors
from ..forms.feedback import FeedbackForm
from ..services import feedback as feedback_services


def feedback_create(request, pk: int):
    session = fetch(request.user, "coaching.give_feedback", selectors.sessions_visible_to(request.user), pk=pk)
    form = FeedbackForm(request.POST or None)
    needs_confirming = False
    if request.method == "POST" and form.is_valid():
        try:
            feedback_services.give_feedback(session=session, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            needs_confirming = "behaviour" in getattr(error, "error_dict", {}) and bool(
                form.cleaned_data.get("behaviour")
            )
            add_service_errors(form, error)
        else:
            messages.success(request, _("Feedback saved; the coachee can read it on the session page."))
            return redirect("coaching:session-detail", pk=session.pk)
    context = {
        "session": session,
        "engagement": session.engagement,
        "form": form,
        "needs_confirming": needs_confirming or bool(form.data.get("confirm_observable")),
    }
    return render(request, "coaching/feedback_form.html", context)
