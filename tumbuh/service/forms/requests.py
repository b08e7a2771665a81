"""Forms for filing and handling requests."""

import datetime
from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tumbuh.coaching.forms import DateInput
from tumbuh.common.forms import StyledForm, TimeInput
from tumbuh.people.models import Employee, Unit

from ..models import ServiceKind, Topic

WINDOW_ROWS = 3


class RequestForm(StyledForm):
    kind = forms.ChoiceField(label=_("Service"), choices=ServiceKind.choices, widget=forms.RadioSelect)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.none(), empty_label=_("Choose a topic"))
    need = forms.CharField(
        label=_("What do you need?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        help_text=_("The situation, what you have tried, and what you hope to take away."),
    )
    mode = forms.ChoiceField(label=_("Meet"), choices=[("online", _("Online")), ("offline", _("In person"))])
    preferred_provider = forms.ModelChoiceField(
        label=_("Preferred provider (optional)"),
        queryset=Employee.objects.none(),
        required=False,
        empty_label=_("No preference"),
    )
    on_behalf_of_unit = forms.ModelChoiceField(
        label=_("On behalf of a unit (consulting only, optional)"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("For myself"),
    )

    def __init__(self, *args, user: Employee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget.attrs["class"] = "form-check-input"
        agency = user.agency
        cast(forms.ModelChoiceField, self.fields["topic"]).queryset = Topic.objects.filter(
            agency=agency, is_active=True
        )
        cast(forms.ModelChoiceField, self.fields["preferred_provider"]).queryset = Employee.objects.filter(
            provider_profile__agency=agency, provider_profile__accepting_requests=True
        ).exclude(pk=user.pk)
        cast(forms.ModelChoiceField, self.fields["on_behalf_of_unit"]).queryset = Unit.objects.filter(agency=agency)
        for i in range(WINDOW_ROWS):
            self.fields[f"window_{i}_date"] = forms.DateField(label=_("Date"), required=False, widget=DateInput())
            self.fields[f"window_{i}_from"] = forms.TimeField(label=_("From"), required=False, widget=TimeInput())
            self.fields[f"window_{i}_until"] = forms.TimeField(label=_("Until"), required=False, widget=TimeInput())
            for name in ("date", "from", "until"):
                self.fields[f"window_{i}_{name}"].widget.attrs["class"] = "form-control"

    def window_rows(self):
        return [
            (self[f"window_{i}_date"], self[f"window_{i}_from"], self[f"window_{i}_until"]) for i in range(WINDOW_ROWS)
        ]

    def clean(self):
        data = super().clean()
        windows = []
        tz = timezone.get_current_timezone()
        for i in range(WINDOW_ROWS):
            names = [f"window_{i}_{n}" for n in ("date", "from", "until")]
            if any(name in self.errors for name in names):
                continue  # its own error (a date out of range, a time that is no time) says it already
            day, start, end = (data.get(name) for name in names)
            if not any((day, start, end)):
                continue
            if not all((day, start, end)):
                self.add_error(f"window_{i}_date", _("Give the date, the start and the end of this time window."))
                continue
            windows.append(
                (
                    datetime.datetime.combine(day, start, tzinfo=tz),
                    datetime.datetime.combine(day, end, tzinfo=tz),
                )
            )
        data["windows"] = windows
        return data


class DeclineForm(StyledForm):
    reason = forms.CharField(label=_("Why can you not take it?"), max_length=300)


class CloseForm(StyledForm):
    recommendation = forms.CharField(
        label=_("Written recommendation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Required for consulting: the requester can download it as a PDF."),
    )


class RateForm(StyledForm):
    rating = forms.TypedChoiceField(
        label=_("How helpful was it?"), coerce=int, choices=[(i, str(i)) for i in range(1, 6)], widget=forms.RadioSelect
    )
    feedback = forms.CharField(label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].widget.attrs["class"] = "form-check-input"
