"""Writes about people: preferences, API tokens, failed-login bookkeeping."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.utils import timezone

from .models import ApiToken, Employee, FailedLogin


def _window_start() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def _login_key(login: str) -> str:
    return login.strip().lower().replace(" ", "")[:254]


def login_is_throttled(*, login: str) -> bool:
    """Whether LOGIN has failed too often within the window."""
    recent = FailedLogin.objects.filter(login=_login_key(login), at__gte=_window_start()).count()
    return recent >= settings.LOGIN_FAILURE_LIMIT


def record_failed_login(*, login: str, ip_address: str | None) -> None:
    FailedLogin.objects.create(login=_login_key(login), ip_address=ip_address)
    FailedLogin.objects.filter(at__lt=timezone.now() - datetime.timedelta(days=1)).delete()


def clear_failed_logins(*, login: str) -> None:
    FailedLogin.objects.filter(login=_login_key(login)).delete()


def update_preferences(*, employee: Employee, language: str, time_zone: str, phone: str) -> Employee:
    """Change a person's own language, time zone and WhatsApp number."""
    employee.language = language
    employee.time_zone = time_zone
    employee.phone = phone.strip()
    employee.full_clean(exclude=["password"])
    employee.save(update_fields=["language", "time_zone", "phone"])
    return employee


def digest_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_api_token(*, employee: Employee, name: str) -> tuple[ApiToken, str]:
    """Make a token; the raw value is returned once and never stored."""
    raw = "tmb_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(employee=employee, name=name.strip() or "API", digest=digest_token(raw))
    return token, raw


def revoke_api_token(*, token: ApiToken) -> None:
    token.delete()


def employee_for_token(raw: str) -> Employee | None:
    """The active employee a raw token belongs to, or None."""
    token = ApiToken.objects.select_related("employee").filter(digest=digest_token(raw)).first()
    if token is None or not token.employee.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.employee
