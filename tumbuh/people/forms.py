from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm, style_widgets

from . import tasks
from .models import Language, TimeZone


class LoginForm(auth_forms.AuthenticationForm):
    """Log in with NIP or e-mail. Too many failures lock the account and the address (django-axes, see lockout.py)."""

    username = forms.CharField(
        label=_("NIP or e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}),
    )
    error_messages = {
        "invalid_login": _("The NIP/e-mail or the password is wrong. Check them and try again."),
        "inactive": _("This account is not active. Ask your agency's admin to activate it."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, but the look-up and the mail happen in one background task.

    The task is queued whether or not the address belongs to anyone, so the answer and its timing
    do not reveal who has an account.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def save(self, domain_override=None, use_https=False, request=None, **kwargs):
        domain = domain_override or get_current_site(request).domain
        tasks.send_password_reset_email.enqueue(self.cleaned_data["email"], domain, use_https)


class PreferencesForm(StyledForm):
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TimeZone.choices)
    phone = forms.RegexField(
        label=_("Mobile number (WhatsApp)"),
        required=False,
        regex=r"^\+?[0-9 ]{8,20}$",
        error_messages={
            "invalid": _(
                "Write the number in digits (spaces and a leading + are fine), e.g. 0812 3456 7890 or +62 812 3456 7890."  # noqa: E501
            )
        },
    )


class ApiTokenForm(StyledForm):
    NEVER = "never"
    DEFAULT_DAYS = 90

    name = forms.CharField(label=_("Token name"), max_length=100, help_text=_("E.g. the script or app that uses it."))
    valid_for = forms.ChoiceField(
        label=_("Valid for"),
        choices=[("30", _("30 days")), ("90", _("90 days")), ("365", _("1 year")), (NEVER, _("Until revoked"))],
        initial=str(DEFAULT_DAYS),
        required=False,
        help_text=_("Every token also stops working when your password changes."),
    )

    def clean_valid_for(self) -> int | None:
        value = self.cleaned_data["valid_for"]
        if not value:
            return self.DEFAULT_DAYS
        return None if value == self.NEVER else int(value)
