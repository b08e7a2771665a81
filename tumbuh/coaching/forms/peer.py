from django import forms
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm

from ..models import PeerRole


class PeerInvitationForm(StyledForm):
    invitee = forms.CharField(
        label=_("Your colleague's NIP or e-mail address"),
        max_length=254,
        help_text=_("The NIP or address your colleague logs in to Tumbuh with."),
    )
    inviter_role = forms.ChoiceField(label=_("What you propose"), choices=PeerRole.choices, initial=PeerRole.COACHEE)
    topic = forms.CharField(label=_("Topic"), max_length=200)
    message = forms.CharField(
        label=_("Message to your colleague"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: why you ask them, and when you would like to start."),
    )
