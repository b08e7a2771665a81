"""NIP: the 18-digit number of a civil servant (PNS), and the NI PPPK of a PPPK employee.

PNS:  birth date YYYYMMDD (8) + appointment YYYYMM (6) + sex 1/2 (1) + sequence 001-999 (3).
PPPK: birth date YYYYMMDD (8) + year of first appointment YYYY (4) + a two-digit code, not a month (2)
      + sex 1/2 (1) + sequence 001-999 (3).
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class AsnType(models.TextChoices):
    PNS = "PNS", gettext_lazy("PNS (civil servant)")
    PPPK = "PPPK", gettext_lazy("PPPK (government employee with a work agreement)")


MALE, FEMALE = 1, 2
# The youngest age at which a person can be appointed a civil servant (CPNS) or a PPPK.
MIN_APPOINTMENT_AGE = 18


@dataclass(frozen=True)
class Nip:
    value: str
    birth_date: datetime.date
    appointment_year: int
    # None for a PPPK: their number carries only the year of first appointment.
    appointment_month: int | None
    sex: int
    sequence: int
    asn_type: str = AsnType.PNS
    # PPPK only: digits 13-14.
    pppk_code: str | None = None

    @property
    def appointment(self) -> datetime.date:
        return datetime.date(self.appointment_year, self.appointment_month or 1, 1)

    @property
    def is_female(self) -> bool:
        return self.sex == FEMALE

    def formatted(self) -> str:
        """The usual printed form, for both kinds: 19850312 201001 1 003."""
        v = self.value
        return f"{v[:8]} {v[8:14]} {v[14]} {v[15:]}"


def normalize_nip(raw: str) -> str:
    """Drop the spaces, dots, dashes and tabs people type between the NIP's groups."""
    return "".join(ch for ch in str(raw) if ch not in " .-\t")


def _check_shape(value: str) -> None:
    """What every NIP and NI PPPK shares: 18 ASCII digits."""
    if not value.isascii() or not value.isdigit():
        raise ValidationError(_("A NIP contains digits only; remove the letters or symbols."), code="nip_digits")
    if len(value) != 18:
        raise ValidationError(
            _("A NIP has 18 digits; this one has %(count)d. Check it against your SK.") % {"count": len(value)},
            code="nip_length",
        )


def _birth_date(value: str, today: datetime.date) -> datetime.date:
    try:
        birth_date = datetime.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise ValidationError(
            _("Digits 1-8 of a NIP are the birth date (YYYYMMDD); %(part)s is not a real date.") % {"part": value[0:8]},
            code="nip_birth_date",
        ) from None
    if birth_date > today:
        raise ValidationError(
            _("The birth date in this NIP (%(date)s) is in the future.") % {"date": birth_date.isoformat()},
            code="nip_birth_future",
        )
    return birth_date


def _check_pns_appointment(value: str, birth_date: datetime.date, today: datetime.date) -> tuple[int, int]:
    year, month = int(value[8:12]), int(value[12:14])
    if not 1 <= month <= 12 or year < 1900:
        raise ValidationError(
            _("Digits 9-14 of a NIP are the appointment month (YYYYMM); %(part)s is not a real month.")
            % {"part": value[8:14]},
            code="nip_appointment",
        )
    if datetime.date(year, month, 1) > today:
        raise ValidationError(
            _("The appointment month in this NIP (%(part)s) is in the future.") % {"part": value[8:14]},
            code="nip_appointment_future",
        )
    if datetime.date(year, month, 1) <= birth_date.replace(day=1):
        raise ValidationError(
            _("The appointment month in this NIP comes before the birth date; check digits 1-14."),
            code="nip_appointment_before_birth",
        )
    if (year - birth_date.year) * 12 + (month - birth_date.month) < MIN_APPOINTMENT_AGE * 12:
        raise ValidationError(
            _("By this NIP the person was appointed before the age of %(age)d; check digits 1-14.")
            % {"age": MIN_APPOINTMENT_AGE},
            code="nip_appointment_too_young",
        )
    return year, month


def _check_pppk_appointment(value: str, birth_date: datetime.date, today: datetime.date) -> int:
    year = int(value[8:12])
    if year < 1900:
        raise ValidationError(
            _("Digits 9-12 of an NI PPPK are the year of first appointment (YYYY); %(part)s is not a real year.")
            % {"part": value[8:12]},
            code="nip_appointment",
        )
    if year > today.year:
        raise ValidationError(
            _("The year of first appointment in this NI PPPK (%(part)s) is in the future.") % {"part": value[8:12]},
            code="nip_appointment_future",
        )
    if year <= birth_date.year:
        raise ValidationError(
            _("The year of first appointment in this NI PPPK comes before the birth date; check digits 1-12."),
            code="nip_appointment_before_birth",
        )
    # Only the year is known, so a person appointed in the year they turned 18 passes.
    if year - birth_date.year < MIN_APPOINTMENT_AGE:
        raise ValidationError(
            _("By this NI PPPK the person was appointed before the age of %(age)d; check digits 1-12.")
            % {"age": MIN_APPOINTMENT_AGE},
            code="nip_appointment_too_young",
        )
    return year


def parse_nip(raw: str, *, asn_type: str = AsnType.PNS, today: datetime.date | None = None) -> Nip:
    """Parse and check a PNS NIP or an NI PPPK (by ASN_TYPE); raise ValidationError saying what to fix."""
    kind = AsnType(asn_type)
    value = normalize_nip(raw)
    today = today or timezone.localdate()
    _check_shape(value)
    birth_date = _birth_date(value, today)
    if kind == AsnType.PPPK:
        year, month, code = _check_pppk_appointment(value, birth_date, today), None, value[12:14]
    else:
        (year, month), code = _check_pns_appointment(value, birth_date, today), None
    sex = int(value[14])
    if sex not in (MALE, FEMALE):
        raise ValidationError(
            _("Digit 15 of a NIP is the sex code, 1 (male) or 2 (female); it is %(digit)s here.")
            % {"digit": value[14]},
            code="nip_sex",
        )
    sequence = int(value[15:18])
    if sequence == 0:
        raise ValidationError(
            _("The last three digits of a NIP are a sequence from 001 to 999; 000 is not valid."),
            code="nip_sequence",
        )
    return Nip(value, birth_date, year, month, sex, sequence, kind, code)


def validate_nip(raw: str) -> None:
    """Model-field validator: the shape both kinds share. The rest needs the ASN type (Employee.clean_fields)."""
    _check_shape(normalize_nip(raw))


class NipFormField(forms.CharField):
    """Accepts the NIP as people type it (19850312 201001 1 003) and cleans it to 18 digits."""

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        super().__init__(max_length=24, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_nip(value) if value else value


class NipField(models.CharField):
    """An 18-digit NIP or NI PPPK stored without separators; its shape is checked here.

    Its structure depends on the ASN type, so the model checks that (``Employee.clean_fields``).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 18)
        kwargs.setdefault("validators", [validate_nip])
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_nip(value) if value else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": NipFormField, **kwargs})
