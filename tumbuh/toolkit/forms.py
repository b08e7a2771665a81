from django import forms
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm

from .frameworks import FRAMEWORKS, stage_choices


def _stage_codes() -> list[tuple[str, str]]:
    codes: dict[str, str] = {}
    for framework in FRAMEWORKS.values():
        for stage in framework.stages:
            codes.setdefault(stage.code, str(stage.label))
    return list(codes.items())


def _model_stage_choices() -> list[tuple[str, str]]:
    # Built per form, so the labels are in the reader's language.
    return [("", "—"), *stage_choices()]


class QuestionFilterForm(forms.Form):
    """The bank's filters, read from the query string; anything unknown is ignored."""

    framework = forms.ChoiceField(required=False, choices=[(code, f.label) for code, f in FRAMEWORKS.items()])
    stage = forms.ChoiceField(required=False, choices=_stage_codes)


class QuestionForm(StyledForm):
    stage = forms.ChoiceField(
        label=_("Model and stage"),
        choices=_model_stage_choices,
        help_text=_("The stage of the conversation where the question helps."),
    )
    text = forms.CharField(
        label=_("Question in Indonesian"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("An open question the coachee cannot answer with yes or no, ending with a question mark."),
    )
    text_en = forms.CharField(
        label=_("Question in English"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("stage"):
            data["framework"], data["stage"] = data["stage"].split(":")
        return data
