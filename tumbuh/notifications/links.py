"""Links to services outside Tumbuh: WhatsApp click-to-chat and Jitsi meeting rooms."""

import re

from django.conf import settings
from django.utils.crypto import salted_hmac

INDONESIA = "62"
JITSI_DEFAULT_BASE_URL = "https://meet.jit.si"


def whatsapp_url(phone: str) -> str | None:
    """A wa.me link for a phone number as people write it (0812…, +62 812-…, 62812…), or None if it is not one.

    wa.me wants the full international number in digits only; a leading 0 is the Indonesian trunk prefix.
    """
    raw = (phone or "").strip()
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        number = digits
    elif digits.startswith("00"):  # international call prefix
        number = digits[2:]
    elif digits.startswith("0"):
        number = INDONESIA + digits[1:]
    elif digits.startswith("8"):  # a mobile number written without its 0
        number = INDONESIA + digits
    else:
        number = digits
    if not 10 <= len(number) <= 15:  # E.164 allows at most 15 digits; shorter ones are typos
        return None
    return f"https://wa.me/{number}"


def jitsi_url(session_id: int) -> str:
    """A Jitsi room for one session: stable, and not guessable from the session number."""
    base = getattr(settings, "JITSI_BASE_URL", JITSI_DEFAULT_BASE_URL).rstrip("/")
    room = salted_hmac("tumbuh.notifications.jitsi", str(session_id), algorithm="sha256").hexdigest()[:20]
    return f"{base}/Tumbuh-{room}"


def meeting_link(session) -> str:
    """Where an online session meets: its own link, else its Jitsi room; empty for an in-person session."""
    if session.meeting_url:
        return session.meeting_url
    return jitsi_url(session.pk) if session.mode == "online" else ""
