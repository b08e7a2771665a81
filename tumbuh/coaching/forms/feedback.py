"""The SBI feedback composer: situation, behaviour, impact, and an optional reflective question."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm


class FeedbackForm(StyledForm):
    situation = forms.CharField(
        label=_("Situation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("When and where did it happen? For example “In Monday's staff meeting”."),
        error_messages={"required": _("Describe the situation: when and where it happened.")},
    )
    behaviour = forms.CharField(
        label=_("Behaviour"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What did the person do or say, as a camera would have recorded it? No judgement of character."),
        error_messages={"required": _("Describe the behaviour: what the person did or said.")},
    )
    impact = forms.CharField(
        label=_("Impact"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What did it lead to, for you, the team or the work?"),
        error_messages={
            "required": _("Describe the impact: what the behaviour led to, for you, the team or the work.")
        },
    )
    reflective_question = forms.CharField(
        label=_("Reflective question (optional)"),
        required=False,
        max_length=500,
        help_text=_("An open question that invites the coachee to reflect, for example “What do you make of this?”"),
    )
    confirm_observable = forms.BooleanField(label=_("I checked: this describes what I saw or heard"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # the confirmation box reads as a sentence
        super().__init__(*args, **kwargs)
