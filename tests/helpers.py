"""Small helpers shared by test modules."""

from django.utils.translation import gettext, override

SHARED_NOTES = "Budi akan mendelegasikan laporan bulanan kepada Andi."
PRIVATE_NOTES = "Budi tampak ragu memberi kepercayaan kepada timnya."


def in_indonesian(msgid: str) -> str:
    """MSGID as the named people (whose profile language is Indonesian) see it."""
    with override("id"):
        return gettext(msgid)
