from django import forms
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm, style_widgets

from .models import NotificationKind


class EmailChoicesForm(StyledForm):
    """One checkbox per kind of notice: ticked, it also comes by e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NotificationKind:
            self.fields[kind.value] = forms.BooleanField(label=kind.label, required=False)
        self.fields[NotificationKind.INVITATIONS.value].help_text = _(
            "This e-mail carries the calendar file (.ics) that puts the session in your calendar."
        )
        style_widgets(self)  # the kinds' fields are added after StyledForm styled the (then empty) form
