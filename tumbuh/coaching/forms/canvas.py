"""Forms of the session canvas: notes per stage, the Will/Action rows, the follow-up, micro-coaching."""

from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm, TimeInput
from tumbuh.toolkit.frameworks import Framework

from .. import selectors
from ..models import Engagement, Session, SessionMode
from ..models.sessions import full_session_canvas_choices
from ..services import ActionDraft
from ..services import canvas as canvas_services
from . import ActionRowForm, DateInput, DateTimeInput, participant_choices

DAYS_OUT_OF_RANGE = _("The follow-up comes 7 to 14 days after this session; pick a number of days in that range.")


class CanvasNotesForm(StyledForm):
    """One notes field per stage of the session's model, and the version the coach started from."""

    version = forms.IntegerField(widget=forms.HiddenInput())

    def __init__(self, *args, framework: Framework | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stage_codes = [stage.code for stage in framework.stages] if framework else []
        for stage in framework.stages if framework else ():
            self.fields[stage.code] = forms.CharField(
                label=_("Notes for %(stage)s") % {"stage": stage.label},
                required=False,
                max_length=canvas_services.STAGE_NOTES_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
            )

    def stage_notes(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(code, "") for code in self.stage_codes}


class WillActionRowForm(ActionRowForm):
    """An action row of the Will/Action stage, numbered so each field has its own label."""

    def __init__(self, *args, number: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Action %(number)s") % {"number": number}
        self.fields["owner"].label = _("Owner of action %(number)s") % {"number": number}
        self.fields["due_on"].label = _("Due date of action %(number)s") % {"number": number}


class BaseWillActionFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "number": (index or 0) + 1}

    def drafts(self, engagement: Engagement) -> tuple[list[ActionDraft], list[int]]:
        """The filled rows as drafts, and for each draft the number of its row (blank rows are skipped)."""
        drafts, rows = [], []
        for index, row in enumerate(self.cleaned_data):
            if row.get("title"):
                # The owner's choices are the coach and the coachee only.
                owner = engagement.participant(row["owner"])
                assert owner is not None
                drafts.append(ActionDraft(row["title"], owner, row["due_on"]))
                rows.append(index)
        return drafts, rows


WillActionFormSet = forms.formset_factory(WillActionRowForm, formset=BaseWillActionFormSet, extra=3, max_num=5)


class FollowUpForm(StyledForm):
    days_after = forms.TypedChoiceField(
        label=_("Follow-up after"), coerce=int, error_messages={"invalid_choice": DAYS_OUT_OF_RANGE}
    )
    at = forms.TimeField(label=_("Follow-up time"), widget=TimeInput())
    mode = forms.ChoiceField(label=_("Follow-up mode"), choices=SessionMode.choices)
    location = forms.CharField(label=_("Follow-up place"), required=False, max_length=200)
    canvas = forms.ChoiceField(label=_("Model for the follow-up"), choices=full_session_canvas_choices)

    def __init__(self, *args, session: Session, **kwargs):
        # Only the "schedule" button sends these fields; the browser must not demand them for a plain save.
        kwargs.setdefault("use_required_attribute", False)
        super().__init__(*args, **kwargs)
        defaults = selectors.follow_up_defaults(session)
        at = defaults.at
        cast(forms.ChoiceField, self.fields["days_after"]).choices = [
            (
                days,
                gettext("%(days)s days later: %(date)s")
                % {
                    "days": days,
                    "date": formats.date_format(
                        selectors.follow_up_moment(session, days_after=days, at=at), "l, j F Y"
                    ),
                },
            )
            for days in canvas_services.FOLLOW_UP_DAYS
        ]
        for name, value in (
            ("days_after", defaults.days_after),
            ("at", at),
            ("mode", defaults.mode),
            ("location", defaults.location),
            ("canvas", defaults.canvas),
        ):
            self.initial.setdefault(name, value)

    def draft(self) -> selectors.FollowUpDraft:
        data = self.cleaned_data
        return selectors.FollowUpDraft(
            days_after=data["days_after"],
            at=data["at"],
            mode=data["mode"],
            location=data["location"],
            canvas=data["canvas"],
        )


class ChooseCanvasForm(forms.Form):
    canvas = forms.ChoiceField(choices=full_session_canvas_choices)
    version = forms.IntegerField()


def show_canvas_errors(
    error: ValidationError,
    *,
    notes: forms.Form,
    rows: BaseWillActionFormSet | None,
    row_of_draft: list[int],
    follow_up: forms.Form | None,
) -> None:
    """Put each of a canvas service's errors next to the field it is about (see services.canvas)."""
    for key, messages in error.message_dict.items():
        part, _dot, rest = key.partition(".")
        if part == "actions" and rows is not None:
            number, _dot, name = rest.partition(".")
            form = rows.forms[row_of_draft[int(number)]]
            form.add_error(name if name in form.fields else None, messages)
        elif part == "follow_up" and follow_up is not None:
            follow_up.add_error(rest if rest in follow_up.fields else None, messages)
        else:
            # The notes, a closed engagement, a follow-up planned already: about the canvas as a whole.
            notes.add_error(None, messages)


class MicroSessionForm(StyledForm):
    """One screen, 10 to 15 minutes: one focus, one insight, one action."""

    focus = forms.CharField(
        label=_("Focus"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The one thing to work on in these few minutes."),
        error_messages={"required": _("Write the one thing the coachee wanted to work on.")},
    )
    insight = forms.CharField(
        label=_("Insight"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What the coachee now sees differently."),
        error_messages={"required": _("Write the one insight the coachee takes away.")},
    )
    title = forms.CharField(
        label=_("One action"),
        max_length=300,
        error_messages={"required": _("Describe the action in a few words.")},
    )
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int)
    due_on = forms.DateField(
        label=_("Due date"), widget=DateInput(), error_messages={"required": _("Give the action a due date.")}
    )
    scheduled_at = forms.DateTimeField(label=_("Started at"), widget=DateTimeInput())
    duration_minutes = forms.TypedChoiceField(
        label=_("Duration (minutes)"),
        coerce=int,
        choices=[(minutes, str(minutes)) for minutes in canvas_services.MICRO_MINUTES],
        initial=canvas_services.MICRO_DEFAULT_MINUTES,
        error_messages={"invalid_choice": _("A micro-coaching session lasts 10 to 15 minutes.")},
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=SessionMode.choices, initial=SessionMode.ONLINE)
    location = forms.CharField(label=_("Place"), required=False, max_length=200)

    def __init__(self, *args, engagement: Engagement, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["owner"]).choices = participant_choices(engagement)
        if not self.is_bound:
            self.initial.setdefault("scheduled_at", timezone.localtime().replace(second=0, microsecond=0))
