"""Helpers for back-office tests: send an admin form back as the page shows it, with a few values changed."""

import datetime

from django import forms
from django.db.models import Model

# An employee's add page carries the role-grant inline; an empty one still sends its management form.
NO_ROLE_ROWS = {"role_grants-TOTAL_FORMS": "0", "role_grants-INITIAL_FORMS": "0"}


def _post_value(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, (list, tuple)):
        return [_post_value(item) for item in value]
    return "" if value is None else value


def _fields_of(form) -> dict:
    data: dict = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        key = form.add_prefix(name)
        value = form[name].value()
        if isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)):
            data[key] = _post_value(value or [])
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, datetime.datetime):
            data[f"{key}_0"], data[f"{key}_1"] = value.date().isoformat(), value.time().isoformat()
        else:
            data[key] = _post_value(value)
    return data


def shown_form(response) -> dict:
    """What the admin page's form sends back untouched: every editable field and every inline's rows."""
    context = response.context
    data = _fields_of(context["adminform"].form)
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(name): value for name, value in management.initial.items()})
        for form in formset.forms:
            data.update(_fields_of(form))
    return data


def new_role_row(data: dict, **values) -> dict:
    """DATA with one more role-grant row holding VALUES (role, agency, unit)."""
    index = int(data.get("role_grants-TOTAL_FORMS", 0))
    # The grant date is shown read-only; it is sent anyway, as a form that still took it would need it.
    values = {"granted_at_0": "2026-01-05", "granted_at_1": "08:00:00", **values}
    row = {f"role_grants-{index}-{name}": _post_value(value) for name, value in values.items()}
    return {**data, **row, "role_grants-TOTAL_FORMS": str(index + 1)}
