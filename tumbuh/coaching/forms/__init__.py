from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm

from ..models import Engagement, SessionCanvas, SessionMode
from ..models.sessions import full_session_canvas_choices


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def participant_choices(engagement: Engagement) -> list[tuple[int, str]]:
    return [
        (engagement.coachee_id, _("%(name)s (coachee)") % {"name": engagement.coachee.full_name}),
        (engagement.coach_id, _("%(name)s (coach)") % {"name": engagement.coach.full_name}),
    ]


class SessionForm(StyledForm):
    scheduled_at = forms.DateTimeField(label=_("Date and time"), widget=DateTimeInput())
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=5, max_value=480, initial=60)
    mode = forms.ChoiceField(label=_("Mode"), choices=SessionMode.choices, initial=SessionMode.ONLINE)
    meeting_url = forms.URLField(label=_("Meeting link"), required=False, assume_scheme="https")
    location = forms.CharField(label=_("Place"), required=False, max_length=200)
    shared_notes = forms.CharField(
        label=_("Shared notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Seen by you and the coachee only."),
    )
    private_notes = forms.CharField(
        label=_("Private notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Seen by the coach only; never by the coachee, supervisor or admins."),
    )
    # Session canvas (issue 4): a model chosen here opens its canvas after saving. Micro-coaching has its own page.
    canvas = forms.ChoiceField(
        label=_("Conversation model"),
        required=False,
        choices=full_session_canvas_choices,
        initial=SessionCanvas.FREE,
        help_text=_("With GROW, CLEAR or OSCAR the session canvas opens next: notes per stage and key questions."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and "scheduled_at" not in self.initial:
            self.initial["scheduled_at"] = timezone.localtime().replace(second=0, microsecond=0)

    def clean_canvas(self) -> str:
        return self.cleaned_data.get("canvas") or SessionCanvas.FREE


class SessionEditForm(SessionForm):
    version = forms.IntegerField(widget=forms.HiddenInput())
    canvas = None  # type: ignore[assignment]  # chosen when the session is logged, or on its canvas page


class ActionRowForm(StyledForm):
    """One optional action row on the session form; an empty row is ignored."""

    title = forms.CharField(label=_("Action"), required=False, max_length=300)
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int, required=False)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, engagement: Engagement, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["owner"]).choices = participant_choices(engagement)

    def clean(self):
        data = super().clean()
        if data.get("title") and not data.get("due_on"):
            self.add_error("due_on", _("Give the action a due date."))
        if data.get("title") and not data.get("owner"):
            self.add_error("owner", _("Choose who owns the action."))
        if data.get("due_on") and not data.get("title"):
            self.add_error("title", _("Describe the action, or clear its due date."))
        return data


ActionRowFormSet = forms.formset_factory(ActionRowForm, extra=3, max_num=5)


class ActionItemForm(StyledForm):
    title = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int)
    due_on = forms.DateField(label=_("Due date"), widget=DateInput())
    goal = forms.TypedChoiceField(label=_("For goal"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, engagement: Engagement, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["owner"]).choices = participant_choices(engagement)
        goals = [(g.pk, g.title) for g in engagement.goals.all()]
        cast(forms.ChoiceField, self.fields["goal"]).choices = [("", "—"), *goals]
