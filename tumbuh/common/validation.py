"""The bounds every input meets where it enters, for the pages' forms and the API's schemas alike.

Dates and times: an absolute range, 2000-01-01 to 2100-12-31. Anything far outside it (year 1, year 9999)
overflows later, when a time is moved into a viewer's zone or a follow-up is computed, so it is refused at
the door. A fixed range, not "N years from today": it is the same in every test and never turns yesterday's
valid record invalid; nobody plans a coaching session before 2000 or after 2100.

Text: no NUL character (PostgreSQL cannot store it in text, SQLite would) and no lone UTF-16 surrogate
(JSON can spell one, "\\ud800", but no database can store it).
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils import formats
from django.utils.translation import gettext as _

FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2100, 12, 31)

# The code points that only a broken UTF-16 pair leaves in a Python string.
_SURROGATE = re.compile("[\ud800-\udfff]")


def date_range_message() -> str:
    return _("Pick a date between %(first)s and %(last)s.") % {
        "first": formats.date_format(FIRST_DAY, "j F Y"),
        "last": formats.date_format(LAST_DAY, "j F Y"),
    }


def validate_date_in_range(value: datetime.date | datetime.datetime) -> None:
    """Refuse a date, or a moment, outside FIRST_DAY..LAST_DAY."""
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError(date_range_message(), code="date_out_of_range")


_NO_NUL = ProhibitNullCharactersValidator()


def validate_storable_text(value: str) -> None:
    """Refuse text a database cannot store: NUL characters (Django's own check and message) and lone surrogates."""
    _NO_NUL(value)
    if _SURROGATE.search(value):
        raise ValidationError(
            _("The text contains a broken character (a lone UTF-16 surrogate); remove it and send it again."),
            code="unstorable_text",
        )
