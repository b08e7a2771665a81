from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.template import loader
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm, style_widgets

from . import services
from .models import Language, TimeZone


class LoginForm(auth_forms.AuthenticationForm):
    """Log in with NIP or e-mail; too many failures for one login name lock it for a while."""

    username = forms.CharField(
        label=_("NIP or e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}),
    )
    error_messages = {
        "invalid_login": _("The NIP/e-mail or the password is wrong. Check them and try again."),
        "inactive": _("This account is not active. Ask your agency's admin to activate it."),
        "throttled": _("Too many failed attempts. Wait %(minutes)d minutes, or reset your password."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def clean(self):
        login = self.cleaned_data.get("username") or ""
        if login and services.login_is_throttled(login=login):
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": settings.LOGIN_FAILURE_WINDOW_MINUTES},
            )
        try:
            data = super().clean()
        except forms.ValidationError:
            if login:
                ip = self.request.META.get("REMOTE_ADDR") if self.request else None
                services.record_failed_login(login=login, ip_address=ip)
            raise
        services.clear_failed_logins(login=login)
        return data


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, but the mail goes out through a background task."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        from tumbuh.notifications.tasks import send_email

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_email.enqueue(subject, body, [to_email])


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
    name = forms.CharField(label=_("Token name"), max_length=100, help_text=_("E.g. the script or app that uses it."))
