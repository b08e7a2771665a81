from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tumbuh.access.policy import fetch, require
from tumbuh.common.forms import add_service_errors

from . import services
from .forms import ApiTokenForm, LoginForm, PasswordResetForm, PreferencesForm
from .models import ApiToken


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm


def _password_changed_message(revoked: int) -> str:
    if not revoked:
        return _("Your password is changed. Every other session of yours has been logged out.")
    return ngettext(
        "Your password is changed. %(count)d API token was revoked and every other session of yours has been logged out.",  # noqa: E501
        "Your password is changed. %(count)d API tokens were revoked and every other session of yours has been logged out.",  # noqa: E501
        revoked,
    ) % {"count": revoked}


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        revoked = services.change_password(
            employee=form.user, password=form.cleaned_data["new_password1"], by=form.user, request=self.request
        )
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, _password_changed_message(revoked))
        return HttpResponseRedirect(self.get_success_url())


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("people:profile")

    def form_valid(self, form):
        revoked = services.change_password(
            employee=form.user, password=form.cleaned_data["new_password1"], by=self.request.user, request=self.request
        )
        # Keep this session: it is the one that just proved the old password.
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _password_changed_message(revoked))
        return HttpResponseRedirect(self.get_success_url())


def profile(request):
    require(request.user, "people.view_own_profile")
    user = request.user
    form = PreferencesForm(
        request.POST or None, initial={"language": user.language, "time_zone": user.time_zone, "phone": user.phone}
    )
    if request.method == "POST" and form.is_valid():
        require(user, "people.change_own_profile")
        try:
            services.update_preferences(employee=user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your preferences are saved."))
            response = redirect("people:profile")
            # The switch's cookie would otherwise override the language just chosen.
            response.delete_cookie("django_language")
            return response
    context = {
        "form": form,
        "token_form": ApiTokenForm(),
        "tokens": user.api_tokens.order_by("-created_at"),
        "new_token": request.session.pop("new_api_token", None),
    }
    return render(request, "people/profile.html", context)


@require_POST
def token_create(request):
    require(request.user, "people.manage_own_api_tokens")
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        _token, raw = services.create_api_token(
            employee=request.user, name=form.cleaned_data["name"], valid_for_days=form.cleaned_data["valid_for"]
        )
        # Shown once on the next page, then gone: only its digest is kept.
        request.session["new_api_token"] = raw
    elif "name" in form.errors:
        messages.error(request, _("Give the token a name."))
    else:
        messages.error(request, _("Choose how long the token stays valid."))
    return redirect("people:profile")


@require_POST
def token_revoke(request, pk: int):
    token = fetch(request.user, "people.manage_own_api_tokens", ApiToken.objects.filter(employee=request.user), pk=pk)
    services.revoke_api_token(token=token, by=request.user, request=request)
    messages.success(request, _("Token revoked."))
    return redirect("people:profile")
