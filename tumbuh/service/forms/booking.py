"""Forms of the service pages."""

import datetime
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from tumbuh.coaching.forms import DateInput
from tumbuh.common.forms import StyledForm, TimeInput

from ..models import WeeklyAvailability

# Availability and booking


class SlotForm(StyledForm):
    """One slot button on the booking page: the slot's start as ISO 8601 with its offset."""

    starts_at = forms.DateTimeField(widget=forms.HiddenInput())


class WeeklyWindowForm(StyledForm):
    weekday = forms.TypedChoiceField(
        label=_("Day"), coerce=int, choices=WeeklyAvailability._meta.get_field("weekday").choices or ()
    )
    start_time = forms.TimeField(label=_("From"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Until"), widget=TimeInput())


class AvailabilityExceptionForm(StyledForm):
    """A period the provider cannot meet, on their own clock: whole days unless times are given."""

    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    from_time = forms.TimeField(
        label=_("From (optional)"), required=False, widget=TimeInput(), help_text=_("Empty: from the start of the day.")
    )
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())
    until_time = forms.TimeField(
        label=_("Until (optional)"), required=False, widget=TimeInput(), help_text=_("Empty: to the end of the day.")
    )
    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, max_length=120, help_text=_("E.g. annual leave, a holiday.")
    )

    def __init__(self, *args, zone: zoneinfo.ZoneInfo, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone

    def period(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The period as aware times; call after is_valid()."""
        data = self.cleaned_data
        starts_at = datetime.datetime.combine(data["starts_on"], data["from_time"] or datetime.time.min, self.zone)
        if data["until_time"] is not None:
            ends_at = datetime.datetime.combine(data["ends_on"], data["until_time"], self.zone)
        else:
            next_day = data["ends_on"] + datetime.timedelta(days=1)
            ends_at = datetime.datetime.combine(next_day, datetime.time.min, self.zone)
        return starts_at, ends_at
