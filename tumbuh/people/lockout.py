"""django-axes hooks: failed logins counted per account however its login is typed, and per client address.

Settings name these (AXES_USERNAME_CALLABLE, AXES_FAILURE_LIMIT, AXES_COOLOFF_TIME, AXES_LOCKOUT_CALLABLE,
AXES_HANDLER); the limits come from LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_LIMIT_PER_ADDRESS and
LOGIN_FAILURE_WINDOW_MINUTES, read at each call so tests can change them.
"""

import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_parameters, get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .forms import LoginForm
from .models import Employee
from .nip import normalize_nip


def client_address(request: HttpRequest) -> str:
    """AXES_CLIENT_IP_CALLABLE: the address failures are counted for.

    REMOTE_ADDR, unless TRUSTED_PROXIES proxies of ours stand in front: each appends the address it got the
    request from to X-Forwarded-For, so the real client is the TRUSTED_PROXIES-th entry from the right.
    Entries further left were written by the client and can be forged; they are never read.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        # Not through our proxies (a direct request, or a misconfigured one): the peer is all we know.
        return remote
    return forwarded[-proxies]


def account_key(login: str) -> str:
    """One key per account: the e-mail of the employee LOGIN names (by NIP or e-mail), else LOGIN normalised."""
    login = login.strip()
    try:
        return Employee.objects.get_by_login(login).email.lower()
    except Employee.DoesNotExist:
        # An unknown login gets a key too, normalised the same way, so guessing it costs the same.
        return login.lower() if "@" in login else normalize_nip(login)


def login_key(request: HttpRequest | None, credentials: dict | None) -> str | None:
    """AXES_USERNAME_CALLABLE: the account key of what was typed (asked several times per login, looked up once)."""
    typed = (credentials or {}).get("username")
    if typed is None and request is not None:
        typed = request.POST.get("username")
    if not typed:
        return None
    known = request.__dict__.setdefault("_tumbuh_login_keys", {}) if request is not None else {}
    if typed not in known:
        known[typed] = account_key(typed)
    return known[typed]


def failure_limit(request: HttpRequest | None, credentials: dict | None) -> int:
    """AXES_FAILURE_LIMIT: failures per account; the address has its own limit (see LockoutHandler)."""
    return settings.LOGIN_FAILURE_LIMIT


def cool_off(request: HttpRequest | None) -> datetime.timedelta:
    """AXES_COOLOFF_TIME: how long failures count, and how long a lock lasts after the last one."""
    return datetime.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def lockout_message() -> str:
    return _("Too many failed attempts. Wait %(minutes)d minutes, or reset your password.") % {
        "minutes": settings.LOGIN_FAILURE_WINDOW_MINUTES
    }


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the login page again, saying why and what to do, instead of axes' own page."""
    typed = (credentials or {}).get("username") or request.POST.get("username", "")
    form = LoginForm(request, initial={"username": typed})
    context = {"form": form, "lockout_message": lockout_message(), "next": ""}
    return render(request, "registration/login.html", context, status=429)


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits: one per account, a higher one per client address.

    Axes compares one failure count with one limit, so ``get_failures`` reports the account's count,
    or the account limit itself once the address has reached its own limit.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        parameters = get_client_parameters(
            username, request.axes_ip_address, request.axes_user_agent, request, credentials
        )
        failures = 0
        for filter_kwargs, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            count = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            if "username" in filter_kwargs:
                failures = max(failures, count)
            elif count >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
                failures = max(failures, settings.LOGIN_FAILURE_LIMIT)
        return failures

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        # Only the account's own failures: were a success to clear its address too, an attacker could
        # reset the address limit by logging in to an account of their own between guesses.
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count
