"""Writes about people: preferences, passwords, API tokens, password-reset mail."""

import datetime
import hashlib
import secrets
import unicodedata

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.template import loader
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tumbuh.access.policy import require
from tumbuh.audit.services import record_event

from .models import ApiToken, Employee


def update_preferences(*, employee: Employee, language: str, time_zone: str, phone: str) -> Employee:
    """Change a person's own language, time zone and WhatsApp number."""
    employee.language = language
    employee.time_zone = time_zone
    employee.phone = phone.strip()
    employee.full_clean(exclude=["password"])
    employee.save(update_fields=["language", "time_zone", "phone"])
    return employee


@transaction.atomic
def change_password(
    *,
    employee: Employee,
    password: str | None,
    by: Employee,
    request: HttpRequest | None = None,
) -> int:
    """Set EMPLOYEE's password (None: unusable) and revoke all their API tokens; return how many were revoked.

    BY is EMPLOYEE or a platform admin. Every other session of EMPLOYEE ends on its next request,
    because Django's session carries a hash of the password it was opened with.
    """
    require(by, "people.change_password", employee)
    employee.set_password(password)
    employee.save(update_fields=["password"])
    record_event(actor=by, action="password.changed", target=employee, request=request)
    return _revoke_all_tokens(employee=employee, by=by, request=request)


def _revoke_all_tokens(*, employee: Employee, by: Employee, request: HttpRequest | None) -> int:
    tokens = list(employee.api_tokens.order_by("pk"))
    for token in tokens:
        record_event(
            actor=by,
            action="api_token.revoked",
            target=token,
            detail=f"{token.name} (password changed)",
            request=request,
        )
    ApiToken.objects.filter(pk__in=[token.pk for token in tokens]).delete()
    return len(tokens)


def digest_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_api_token(
    *, employee: Employee, name: str, valid_for_days: int | None = None, now: datetime.datetime | None = None
) -> tuple[ApiToken, str]:
    """Make a token valid for VALID_FOR_DAYS (None: until revoked); the raw value is returned once, never stored."""
    now = now or timezone.now()
    raw = "tmb_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        employee=employee,
        name=name.strip() or "API",
        digest=digest_token(raw),
        created_at=now,
        expires_at=now + datetime.timedelta(days=valid_for_days) if valid_for_days else None,
    )
    return token, raw


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by: Employee | None = None, request: HttpRequest | None = None) -> None:
    """Delete TOKEN and record who did it (by default its owner)."""
    require(by or token.employee, "people.revoke_api_token", token)
    record_event(
        actor=by or token.employee,
        action="api_token.revoked",
        target=token,
        detail=token.name,
        request=request,
    )
    token.delete()


LAST_USE_PRECISION = datetime.timedelta(minutes=1)


def employee_for_token(raw: str, *, at: datetime.datetime | None = None) -> Employee | None:
    """The active employee a raw, unexpired token belongs to (at AT, default now), or None."""
    at = at or timezone.now()
    token = ApiToken.objects.select_related("employee").filter(digest=digest_token(raw)).first()
    if token is None or token.is_expired(at) or not token.employee.is_active:
        return None
    # "Last use" to the minute: a script calling every second must not cost a write per request.
    if token.last_used_at is None or at - token.last_used_at >= LAST_USE_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=at)
    return token.employee


def _same_address(one: str, other: str) -> bool:
    # As Django's reset form: compare case-folded NFKC forms, so look-alike Unicode addresses do not match.
    return unicodedata.normalize("NFKC", one).casefold() == unicodedata.normalize("NFKC", other).casefold()


def send_password_reset_email(*, email: str, domain: str, use_https: bool) -> int:
    """Mail a reset link to each active account with EMAIL and a usable password; return how many were sent.

    Runs as a task whether or not the address is known, so the web request is the same for both.
    """
    sent = 0
    for employee in Employee.objects.filter(email__iexact=email, is_active=True):
        if not employee.has_usable_password() or not _same_address(email, employee.email):
            continue
        context = {
            "email": employee.email,
            "domain": domain,
            "site_name": domain,
            "uid": urlsafe_base64_encode(force_bytes(employee.pk)),
            "user": employee,
            "token": default_token_generator.make_token(employee),
            "protocol": "https" if use_https else "http",
        }
        with translation.override(employee.language):
            subject = loader.render_to_string("registration/password_reset_subject.txt", context)
            body = loader.render_to_string("registration/password_reset_email.html", context)
        EmailMessage(subject="".join(subject.splitlines()), body=body, to=[employee.email]).send()
        sent += 1
    return sent
