from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm

from ..models import Goal, GoalStatus
from . import DateInput


def _amount(label, help_text=""):
    return forms.DecimalField(label=label, help_text=help_text, max_digits=12, decimal_places=2, required=False)


class GoalForm(StyledForm):
    """A SMART goal; the page checks it while it is typed and shows hints beside it."""

    title = forms.CharField(
        label=_("Goal"),
        max_length=300,
        help_text=_("One sentence: what will be different, and by when."),
    )
    indicator = forms.CharField(
        label=_("Indicator"),
        max_length=200,
        required=False,
        help_text=_("What you will count or measure, for example “percentage of reports sent on time”."),
    )
    unit = forms.CharField(
        label=_("Unit of measure"), max_length=30, required=False, help_text=_("For example %, documents or days.")
    )
    baseline = _amount(_("Baseline"), _("The indicator's value today."))
    target = _amount(_("Target"), _("The value to reach by the deadline; it may be lower than the baseline."))
    target_date = forms.DateField(label=_("Deadline"), required=False, widget=DateInput())
    relevance = forms.CharField(
        label=_("Why it matters"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For your work, your team or your SKP."),
    )
    skp_reference = forms.CharField(
        label=_("Related SKP target"),
        max_length=300,
        required=False,
        help_text=_("Optional: the SKP target this goal supports."),
    )
    description = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class GoalEditForm(GoalForm):
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput())

    field_order = ["title", "status"]

    @classmethod
    def initial_of(cls, goal: Goal) -> dict:
        return {name: getattr(goal, name) for name in cls.base_fields}


class GoalProgressForm(StyledForm):
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2)
    recorded_on = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, goal: Goal, **kwargs):
        super().__init__(*args, **kwargs)
        if goal.measures_value:
            self.fields["value"].label = _("Value of “%(indicator)s”") % {"indicator": goal.indicator or goal.title}
            if goal.unit and goal.unit != "%":
                self.fields["value"].help_text = _("In %(unit)s.") % {"unit": goal.unit}
        else:
            self.fields["value"].label = _("Percentage done (0–100)")
        if not self.is_bound and "recorded_on" not in self.initial:
            self.initial["recorded_on"] = timezone.localdate()
