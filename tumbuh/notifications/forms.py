from django import forms

from tumbuh.common.forms import StyledForm, style_widgets

from .kinds import registered


class EmailChoicesForm(StyledForm):
    """One checkbox per declared kind of notice: ticked, it also comes by e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in registered():
            self.fields[kind.value] = forms.BooleanField(label=kind.label, required=False, help_text=kind.help_text)
        style_widgets(self)  # the kinds' fields are added after StyledForm styled the (then empty) form
