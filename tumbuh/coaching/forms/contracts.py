import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm

from ..models import Contract, ContractChannel, ContractRhythm, Engagement, SupervisorShare
from ..models.contracts import DEFAULT_CONFIDENTIALITY, SESSION_MINUTES_RANGE, SESSIONS_PLANNED_RANGE
from . import DateInput


class ContractForm(StyledForm):
    """A proposal for the engagement's contract, prefilled from the latest version or the engagement's topic."""

    topic_and_goal = forms.CharField(
        label=_("Topic and goal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In the coachee's words: what they want to work on, and what will be different at the end."),
    )
    sessions_planned = forms.IntegerField(
        label=_("Number of sessions"), min_value=SESSIONS_PLANNED_RANGE[0], max_value=SESSIONS_PLANNED_RANGE[1]
    )
    rhythm = forms.ChoiceField(label=_("Rhythm"), choices=ContractRhythm.choices)
    session_minutes = forms.IntegerField(
        label=_("Minutes per session"),
        min_value=SESSION_MINUTES_RANGE[0],
        max_value=SESSION_MINUTES_RANGE[1],
        help_text=_("Usually 45 to 60; micro-coaching takes 10 to 15."),
    )
    ends_on = forms.DateField(label=_("Planned end of the engagement"), widget=DateInput())
    channel = forms.ChoiceField(label=_("Channel"), choices=ContractChannel.choices)
    confidentiality = forms.CharField(label=_("Confidentiality terms"), widget=forms.Textarea(attrs={"rows": 4}))
    share_attendance = forms.BooleanField(label=SupervisorShare.ATTENDANCE.label, required=False)
    share_progress = forms.BooleanField(label=SupervisorShare.PROGRESS.label, required=False)
    share_actions = forms.BooleanField(label=SupervisorShare.ACTIONS.label, required=False)
    # The version the proposer was looking at; a newer one makes the proposal a conflict, not an overwrite.
    base_version = forms.IntegerField(widget=forms.HiddenInput(), min_value=0)

    SHARE_FIELDS = ("share_attendance", "share_progress", "share_actions")

    def __init__(self, *args, engagement: Engagement, latest: Contract | None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            return
        if latest is not None:
            self.initial.update(latest.terms())
        else:
            self.initial.update(
                {
                    "topic_and_goal": engagement.topic,
                    "sessions_planned": 6,
                    "rhythm": ContractRhythm.BIWEEKLY,
                    "session_minutes": 60,
                    "ends_on": timezone.localdate() + datetime.timedelta(days=90),
                    "channel": ContractChannel.ONLINE,
                    "confidentiality": str(DEFAULT_CONFIDENTIALITY),
                }
            )
        self.initial["base_version"] = latest.version if latest is not None else 0

    def share_fields(self):
        return [self[name] for name in self.SHARE_FIELDS]
