"""The kinds of notice, declared by the apps that send them; each person turns the e-mail of a kind on or off.

notifications knows no domain: every app lists its own kinds (its `kinds.py`) and registers them in its
`AppConfig.ready()`. The stored value is the kind's string, so rows keep their meaning when a kind moves.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    value: str
    label: str | Promise
    help_text: str | Promise = ""


# A calendar file is notifications' own tool, so the kind that carries one is declared here: every app that
# sends an .ics (bookings in service, follow-ups in coaching) shares one choice.
CALENDAR_INVITATIONS = "invitations"
OWN_KINDS = (
    Kind(
        CALENDAR_INVITATIONS,
        _("Calendar invitations"),
        _("This e-mail carries the calendar file (.ics) that puts the session in your calendar."),
    ),
)

_registry: dict[str, Kind] = {}


def register(*kinds: Kind) -> None:
    """Declare KINDS; declaring one again the same way changes nothing, declaring it differently is an error."""
    for kind in kinds:
        known = _registry.get(kind.value)
        if known is not None and known != kind:
            raise ImproperlyConfigured(f"The notice kind {kind.value!r} is declared twice, differently.")
        _registry[kind.value] = kind


def registered() -> tuple[Kind, ...]:
    """Every declared kind, in the order the apps declared them."""
    return tuple(_registry.values())


def choices() -> list[tuple[str, str | Promise]]:
    """The kinds as model field choices (a callable, so the field follows the registry)."""
    return [(kind.value, kind.label) for kind in _registry.values()]
