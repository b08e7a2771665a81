"""Optimistic locking: an edit started on an old version is refused, and the form comes back to be redone."""

from collections.abc import Callable

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _


class EditConflict(Exception):
    """Someone else saved the same object after this edit was started."""

    def __init__(self, current):
        self.current = current
        super().__init__(
            _("Someone else saved this in the meantime. Review their version and apply your change again.")
        )


def form_after_conflict[F: forms.BaseForm](
    conflict: EditConflict, *, make_form: Callable[[QueryDict], F], data: QueryDict, version_field: str = "version"
) -> F:
    """The form again, with what the user typed and the saved version's number, so the next save can win.

    The conflict's message stands above the fields; the page shows the saved version beside them.
    """
    typed = data.copy()
    typed[version_field] = str(conflict.current.version)
    form = make_form(typed)
    form.is_valid()
    form.add_error(None, str(conflict))
    return form
