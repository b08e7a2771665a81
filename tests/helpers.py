"""Small helpers shared by test modules."""

from django.utils.translation import gettext, override, pgettext

SHARED_NOTES = "Budi akan mendelegasikan laporan bulanan kepada Andi."
PRIVATE_NOTES = "Budi tampak ragu memberi kepercayaan kepada timnya."


def in_indonesian(msgid: str) -> str:
    """MSGID as the named people (whose profile language is Indonesian) see it."""
    with override("id"):
        return gettext(msgid)


def stage_in_indonesian(label: str) -> str:
    """The name of a conversation model's stage (GROW's "Will", …) as the named people see it."""
    with override("id"):
        return pgettext("model stage", label)
