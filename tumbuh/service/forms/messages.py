"""The form of the conversation page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm

from ..services.messaging import MAX_MESSAGE_LENGTH


class MessageForm(StyledForm):
    # Empty and overlong messages are refused by the service, which says what to do.
    body = forms.CharField(
        label=_("Your message"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_MESSAGE_LENGTH}),
    )
