"""The NIP parser: what a valid 18-digit NIP means, and what each rejection says."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override
from hypothesis import given
from hypothesis import strategies as st

from tumbuh.people.nip import FEMALE, MALE, AsnType, Nip, parse_nip

TODAY = datetime.date(2026, 1, 15)


def rejection(
    raw: str, *, language: str = "en", today: datetime.date = TODAY, asn_type: str = AsnType.PNS
) -> ValidationError:
    """The ValidationError parse_nip raises for RAW, with its message rendered in LANGUAGE."""
    with override(language), pytest.raises(ValidationError) as caught:
        parse_nip(raw, asn_type=asn_type, today=today)
    return caught.value


def test_valid_nip_parses_into_its_parts():
    nip = parse_nip("198503122010011003", today=TODAY)

    assert nip == Nip(
        value="198503122010011003",
        birth_date=datetime.date(1985, 3, 12),
        appointment_year=2010,
        appointment_month=1,
        sex=MALE,
        sequence=3,
    )
    assert nip.appointment == datetime.date(2010, 1, 1)
    assert nip.is_female is False


def test_spaces_between_groups_are_allowed():
    nip = parse_nip("19850312 201001 1 003", today=TODAY)

    assert nip.value == "198503122010011003"
    assert nip.birth_date == datetime.date(1985, 3, 12)
    assert nip.sequence == 3


def test_dots_between_groups_are_allowed():
    assert parse_nip("19850312.201001.1.003", today=TODAY).value == "198503122010011003"


def test_formatted_prints_the_usual_grouping():
    assert parse_nip("198503122010011003", today=TODAY).formatted() == "19850312 201001 1 003"


def test_sex_code_2_is_female():
    nip = parse_nip("199007212015032001", today=TODAY)

    assert nip.sex == FEMALE
    assert nip.is_female is True
    assert nip.birth_date == datetime.date(1990, 7, 21)
    assert nip.appointment == datetime.date(2015, 3, 1)
    assert nip.sequence == 1


def test_letters_are_rejected():
    error = rejection("19850312201001100A")

    assert error.code == "nip_digits"
    assert error.messages == ["A NIP contains digits only; remove the letters or symbols."]


def test_17_digits_are_rejected():
    error = rejection("19850312201001100")

    assert error.code == "nip_length"
    assert error.messages == ["A NIP has 18 digits; this one has 17. Check it against your SK."]


def test_19_digits_are_rejected():
    error = rejection("1985031220100110031")

    assert error.code == "nip_length"
    assert error.messages == ["A NIP has 18 digits; this one has 19. Check it against your SK."]


def test_impossible_birth_date_is_rejected():
    error = rejection("198502302010011003")

    assert error.code == "nip_birth_date"
    assert error.messages == ["Digits 1-8 of a NIP are the birth date (YYYYMMDD); 19850230 is not a real date."]


def test_month_13_in_appointment_is_rejected():
    error = rejection("198503122010131003")

    assert error.code == "nip_appointment"
    assert error.messages == ["Digits 9-14 of a NIP are the appointment month (YYYYMM); 201013 is not a real month."]


def test_appointment_before_birth_is_rejected():
    error = rejection("198503121980011003")

    assert error.code == "nip_appointment_before_birth"
    assert error.messages == ["The appointment month in this NIP comes before the birth date; check digits 1-14."]


def test_appointment_in_the_future_is_rejected():
    error = rejection("198503122026021003", today=datetime.date(2026, 1, 31))

    assert error.code == "nip_appointment_future"
    assert error.messages == ["The appointment month in this NIP (202602) is in the future."]


def test_appointment_in_the_current_month_is_accepted():
    nip = parse_nip("198503122026011003", today=datetime.date(2026, 1, 1))

    assert nip.appointment == datetime.date(2026, 1, 1)


def test_birth_in_the_future_is_rejected():
    error = rejection("202601162026011003", today=TODAY)

    assert error.code == "nip_birth_future"
    assert error.messages == ["The birth date in this NIP (2026-01-16) is in the future."]


@pytest.mark.parametrize("digit", ["3", "0"])
def test_sex_code_other_than_1_or_2_is_rejected(digit):
    error = rejection(f"19850312201001{digit}003")

    assert error.code == "nip_sex"
    assert error.messages == [f"Digit 15 of a NIP is the sex code, 1 (male) or 2 (female); it is {digit} here."]


def test_sequence_000_is_rejected():
    error = rejection("198503122010011000")

    assert error.code == "nip_sequence"
    assert error.messages == ["The last three digits of a NIP are a sequence from 001 to 999; 000 is not valid."]


def test_rejection_is_explained_in_indonesian():
    english = rejection("19850312201001100", language="en")
    indonesian = rejection("19850312201001100", language="id")

    assert indonesian.code == "nip_length"
    assert indonesian.messages != english.messages


@st.composite
def valid_nips(draw) -> tuple[str, datetime.date, int, int, int, int]:
    """A NIP of someone born 1940-2005, appointed at 18 or later and not after TODAY, with its parts."""
    birth = draw(st.dates(datetime.date(1940, 1, 1), datetime.date(2005, 12, 31)))
    first_month = (birth.year + 18) * 12 + birth.month - 1
    last_month = TODAY.year * 12 + TODAY.month - 1
    appointed = draw(st.integers(first_month, last_month))
    year, month = divmod(appointed, 12)
    month += 1
    sex = draw(st.sampled_from([MALE, FEMALE]))
    sequence = draw(st.integers(1, 999))
    value = f"{birth:%Y%m%d}{year:04d}{month:02d}{sex}{sequence:03d}"
    return value, birth, year, month, sex, sequence


@given(valid_nips())
def test_every_well_formed_nip_parses_and_round_trips(case):
    value, birth, year, month, sex, sequence = case

    nip = parse_nip(value, today=TODAY)

    assert nip == Nip(value, birth, year, month, sex, sequence)
    assert parse_nip(nip.formatted(), today=TODAY) == nip


@given(st.text(alphabet="0123456789", min_size=18, max_size=18))
def test_any_18_digits_either_parse_or_raise_validation_error(value):
    try:
        nip = parse_nip(value, today=TODAY)
    except ValidationError as error:
        assert error.code.startswith("nip_")
    else:
        assert nip.value == value


@given(st.text(alphabet=st.characters(exclude_characters="\x00")))
def test_arbitrary_text_only_ever_raises_validation_error(text):
    try:
        parse_nip(text, today=TODAY)
    except ValidationError as error:
        assert error.code.startswith("nip_")


# NI PPPK: birth date, year of first appointment, a two-digit code (not a month), sex, sequence.


def test_valid_pppk_number_with_code_21_parses_into_its_parts():
    nip = parse_nip("19900315 202121 2 004", asn_type=AsnType.PPPK, today=TODAY)

    assert nip == Nip(
        value="199003152021212004",
        birth_date=datetime.date(1990, 3, 15),
        appointment_year=2021,
        appointment_month=None,
        sex=FEMALE,
        sequence=4,
        asn_type=AsnType.PPPK,
        pppk_code="21",
    )
    assert nip.formatted() == "19900315 202121 2 004"


def test_the_same_pppk_number_read_as_a_pns_nip_has_no_real_month():
    error = rejection("199003152021212004")

    assert error.code == "nip_appointment"
    assert error.messages == ["Digits 9-14 of a NIP are the appointment month (YYYYMM); 202121 is not a real month."]


@pytest.mark.parametrize("code", ["00", "13", "21", "99"])
def test_pppk_code_is_not_checked_as_a_month(code):
    assert parse_nip(f"19900315 2021{code} 1 004", asn_type=AsnType.PPPK, today=TODAY).pppk_code == code


def test_pppk_appointment_in_the_current_year_is_accepted():
    assert parse_nip("199003152026211004", asn_type=AsnType.PPPK, today=TODAY).appointment_year == 2026


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("19900315202121100A", "nip_digits", "A NIP contains digits only; remove the letters or symbols."),
        ("19900315202121100", "nip_length", "A NIP has 18 digits; this one has 17. Check it against your SK."),
        (
            "199002302021211004",
            "nip_birth_date",
            "Digits 1-8 of a NIP are the birth date (YYYYMMDD); 19900230 is not a real date.",
        ),
        ("202602012026211004", "nip_birth_future", "The birth date in this NIP (2026-02-01) is in the future."),
        (
            "199003151899211004",
            "nip_appointment",
            "Digits 9-12 of an NI PPPK are the year of first appointment (YYYY); 1899 is not a real year.",
        ),
        (
            "199003152027211004",
            "nip_appointment_future",
            "The year of first appointment in this NI PPPK (2027) is in the future.",
        ),
        (
            "199003151990211004",
            "nip_appointment_before_birth",
            "The year of first appointment in this NI PPPK comes before the birth date; check digits 1-12.",
        ),
        (
            "199003152007211004",
            "nip_appointment_too_young",
            "By this NI PPPK the person was appointed before the age of 18; check digits 1-12.",
        ),
        (
            "199003152021213004",
            "nip_sex",
            "Digit 15 of a NIP is the sex code, 1 (male) or 2 (female); it is 3 here.",
        ),
        (
            "199003152021211000",
            "nip_sequence",
            "The last three digits of a NIP are a sequence from 001 to 999; 000 is not valid.",
        ),
    ],
)
def test_each_pppk_error_has_one_precise_message(raw, code, message):
    error = rejection(raw, asn_type=AsnType.PPPK)

    assert error.code == code
    assert error.messages == [message]


@st.composite
def valid_pppk_numbers(draw) -> tuple[str, datetime.date, int, str, int, int]:
    """An NI PPPK of someone born 1960-2005, first appointed in a year from 18 years on, up to TODAY's year."""
    birth = draw(st.dates(datetime.date(1960, 1, 1), datetime.date(2005, 12, 31)))
    year = draw(st.integers(birth.year + 18, TODAY.year))
    code = draw(st.text(alphabet="0123456789", min_size=2, max_size=2))
    sex = draw(st.sampled_from([MALE, FEMALE]))
    sequence = draw(st.integers(1, 999))
    return f"{birth:%Y%m%d}{year:04d}{code}{sex}{sequence:03d}", birth, year, code, sex, sequence


@given(valid_pppk_numbers())
def test_every_well_formed_pppk_number_parses_and_round_trips(case):
    value, birth, year, code, sex, sequence = case

    nip = parse_nip(value, asn_type=AsnType.PPPK, today=TODAY)

    assert nip == Nip(value, birth, year, None, sex, sequence, AsnType.PPPK, code)
    assert parse_nip(nip.formatted(), asn_type=AsnType.PPPK, today=TODAY) == nip
