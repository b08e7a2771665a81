from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

from .validation import validate_date_in_range, validate_storable_text


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the named fields where the form has them."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def style_widgets(form: forms.BaseForm) -> None:
    """Give every widget Bootstrap's classes, so templates render fields with one include."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


def guard_fields(form: forms.BaseForm) -> None:
    """Give every text and date field the bounds of tumbuh.common.validation (the API's schemas use the same)."""
    validator: Callable[[Any], None]
    for field in form.fields.values():
        if isinstance(field, forms.CharField):
            validator = validate_storable_text
            # Ours says the same as Django's NUL check, and the API's schemas say it too: one message.
            field.validators = [v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)]
        elif isinstance(field, forms.DateField | forms.DateTimeField):
            validator = validate_date_in_range
        else:
            continue
        if validator not in field.validators:
            field.validators.append(validator)


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def full_clean(self):
        # Here, not in __init__: some forms add fields after it (time windows, canvas stages).
        guard_fields(self)
        super().full_clean()


class TimeInput(forms.TimeInput):
    """The browser's own time picker, sent as HH:MM."""

    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)
