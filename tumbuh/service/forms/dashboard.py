"""Filters of the service admin's pages: which agency, which period, which requests."""

import datetime

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tumbuh.coaching.forms import DateInput
from tumbuh.common.forms import StyledForm
from tumbuh.people.models import Agency

from ..models import RequestStatus, ServiceKind
from ..models.requests import OPEN_STATUSES
from ..selectors.figures import default_period

MAX_PERIOD_DAYS = 731


class AgencyChoiceForm(StyledForm):
    """A form with an agency choice, offered only to people who run the service of more than one agency."""

    def __init__(self, data, *, agencies: QuerySet[Agency], several_agencies: bool, **kwargs):
        super().__init__(data, **kwargs)
        if several_agencies:
            self.fields["agency"] = forms.ModelChoiceField(
                label=_("Agency"), queryset=agencies, required=False, empty_label=_("All my agencies")
            )
            self.fields["agency"].widget.attrs["class"] = "form-select"

    def chosen_agency(self) -> Agency | None:
        return self.cleaned_data.get("agency") if self.is_valid() else None


class PeriodForm(AgencyChoiceForm):
    """The period of the figures: GET ?from=YYYY-MM-DD&to=YYYY-MM-DD, the last 90 days when not given."""

    def __init__(self, data, *, today: datetime.date, **kwargs):
        first_day, last_day = default_period(today)
        data = {"from": first_day.isoformat(), "to": last_day.isoformat(), **{k: v for k, v in data.items() if v}}
        super().__init__(data, **kwargs)
        self.fields["from"] = forms.DateField(label=_("From"), widget=DateInput(attrs={"class": "form-control"}))
        self.fields["to"] = forms.DateField(label=_("Until"), widget=DateInput(attrs={"class": "form-control"}))
        self.order_fields(["from", "to", "agency"])

    def clean(self):
        data = super().clean()
        first_day, last_day = data.get("from"), data.get("to")
        if first_day and last_day:
            if first_day > last_day:
                self.add_error("to", _("The end date is before the start date; pick an end on or after the start."))
            elif (last_day - first_day).days + 1 > MAX_PERIOD_DAYS:
                self.add_error(
                    "to", _("Pick a period of at most %(days)d days (two years).") % {"days": MAX_PERIOD_DAYS}
                )
        return data

    def query(self) -> dict[str, str]:
        """The filter as GET parameters, for chart images and the export form."""
        params = {"from": self.cleaned_data["from"].isoformat(), "to": self.cleaned_data["to"].isoformat()}
        if self.cleaned_data.get("agency"):
            params["agency"] = str(self.cleaned_data["agency"].pk)
        return params


class QueueFilterForm(AgencyChoiceForm):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Every open status")), *[(s.value, s.label) for s in RequestStatus if s in OPEN_STATUSES]],
    )
    kind = forms.ChoiceField(
        label=_("Service"), required=False, choices=[("", _("Every service")), *ServiceKind.choices]
    )
