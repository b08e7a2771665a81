"""The SMART checker: what keeps a goal from being Specific, Measurable, Achievable, Relevant, Time-bound.

Pure: it reads only its arguments (no database, no clock), so the form's live check, the goal page
and the API give the same hints. Each hint says what to do next; only a deadline in the past blocks
saving (the goal service refuses it), the rest is advice.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CRITERIA = {
    "S": ("specific", gettext_lazy("Specific")),
    "M": ("measurable", gettext_lazy("Measurable")),
    "A": ("achievable", gettext_lazy("Achievable")),
    "R": ("relevant", gettext_lazy("Relevant")),
    "T": ("time_bound", gettext_lazy("Time-bound")),
}

MAX_WORDS = 35
MIN_WORDS = 3

# Verbs that name an effort, not a result. Vague only when nothing in the goal can be counted.
VAGUE_PHRASES = (
    "meningkatkan",
    "peningkatan",
    "memperbaiki",
    "perbaikan",
    "memahami",
    "pemahaman",
    "mengetahui",
    "mempelajari",
    "belajar",
    "berusaha",
    "mencoba",
    "mengoptimalkan",
    "optimalisasi",
    "memaksimalkan",
    "memperkuat",
    "memperdalam",
    "lebih baik",
    "lebih efektif",
    "lebih efisien",
    "lebih optimal",
    "semaksimal mungkin",
    "improve",
    "improving",
    "improvement",
    "understand",
    "learn about",
    "learn more",
    "try to",
    "better",
    "optimise",
    "optimize",
    "maximise",
    "maximize",
    "enhance",
    "work on",
)
_VAGUE = re.compile(r"\b(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in VAGUE_PHRASES) + r")\b", re.I)

_MONTHS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
    "january|february|march|may|june|july|august|october|december|"
    "jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec"
)
# Dates and time spans say when, not how much: they do not make a goal measurable.
_DATES = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+\d{{2,4}})?\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b(?:19|20)\d{2}\b"
    r"|\b(?:dalam|within|selama|in|for)\s+\d+\s+(?:hari|minggu|pekan|bulan|tahun|days?|weeks?|months?|years?)\b",
    re.I,
)
_NUMBER_WORDS = re.compile(
    r"\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|setengah|separuh"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|twice|half)\b",
    re.I,
)


@dataclass(frozen=True)
class Hint:
    """One way in which a goal is not SMART yet, and what to do about it."""

    code: str  # "<criterion>.<problem>", e.g. "measurable.no_number"
    letter: str  # S, M, A, R or T
    criterion: str  # the letter's word in the reader's language
    message: str
    blocking: bool = False  # the goal cannot be saved like this


def has_number(text: str) -> bool:
    """Whether TEXT names an amount (digits or a number word), leaving dates and time spans aside."""
    rest = _DATES.sub(" ", text)
    return bool(re.search(r"\d", rest) or _NUMBER_WORDS.search(rest))


def format_amount(value: Decimal | int | None, unit: str = "") -> str:
    """60 → "60%", 7.5 days → "7,5 hari" in Indonesian: no trailing zeros, the reader's decimal sign."""
    if value is None:
        return "—"
    number = Decimal(value)
    number = number.quantize(Decimal(1)) if number == number.to_integral() else number.normalize()
    text = formats.number_format(number, use_l10n=True)
    unit = unit.strip()
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def _date(value: datetime.date) -> str:
    return formats.date_format(value, "j F Y")


def check_goal(
    *,
    statement: str,
    indicator: str,
    baseline: Decimal | None,
    target: Decimal | None,
    unit: str,
    deadline: datetime.date | None,
    today: datetime.date,
    engagement_ends_on: datetime.date | None,
    relevance: str = "",
    skp_reference: str = "",
    language: str = "id",
) -> list[Hint]:
    """Hints, S to T, on what keeps the goal from being SMART; an empty list for a SMART goal."""
    with translation.override(language):
        found: list[tuple[str, str, str, bool]] = []

        def hint(letter: str, problem: str, message: str, blocking: bool = False) -> None:
            found.append((letter, problem, message, blocking))

        statement = " ".join(statement.split())
        indicator = indicator.strip()
        counted = has_number(statement) or (bool(indicator) and target is not None)

        # S: one sentence that names a result.
        words = len(statement.split())
        if not statement:
            hint("S", "empty", _("Write the goal as one sentence: what will be different, and by when."))
        elif words < MIN_WORDS:
            hint("S", "too_short", _("Say more precisely what will be different, for whom, and how you will see it."))
        elif words > MAX_WORDS:
            hint(
                "S",
                "too_long",
                _(
                    "This goal has %(count)s words. Keep one goal to one sentence of at most %(max)s words; "
                    "make the rest a goal of its own."
                )
                % {"count": words, "max": MAX_WORDS},
            )
        vague = _VAGUE.search(statement)
        if vague and not counted:
            hint(
                "S",
                "vague_verb",
                _(
                    "“%(phrase)s” names an effort, not a result. Describe what others will be able to see "
                    "when it is done, for example “the monthly report is sent by the 5th of each month”."
                )
                % {"phrase": " ".join(vague.group(1).split())},
            )

        # M: something to count, from where it stands today to where it should be.
        if target is None:
            if indicator:
                hint(
                    "M",
                    "no_target",
                    _("Give “%(indicator)s” a target value to reach, and write its value today as the baseline.")
                    % {"indicator": indicator},
                )
            elif not has_number(statement):
                hint(
                    "M",
                    "no_number",
                    _(
                        "There is no number to measure. Add an indicator with a baseline and a target, for example "
                        "“reports sent on time: from 60% to 90%”."
                    ),
                )
        else:
            if not indicator:
                hint(
                    "M",
                    "no_indicator",
                    _("Say what the target of %(target)s measures, for example “percentage of reports sent on time”.")
                    % {"target": format_amount(target, unit)},
                )
            if baseline is None:
                hint(
                    "M",
                    "no_baseline",
                    _("Write the indicator's value today (the baseline), so that progress can be measured from it."),
                )

        # A: a change that can happen.
        if target is not None and baseline is not None and target == baseline:
            hint(
                "A",
                "target_equals_baseline",
                _(
                    "The target %(target)s equals the baseline, so nothing would change. "
                    "Set a target a realistic step away from today's value."
                )
                % {"target": format_amount(target, unit)},
            )
        if unit.strip() == "%" and any(v is not None and not 0 <= v <= 100 for v in (baseline, target)):
            hint("A", "percent_out_of_range", _("A percentage lies between 0 and 100; correct the baseline or target."))

        # R: why it matters for the work.
        if not relevance.strip() and not skp_reference.strip():
            hint(
                "R",
                "no_relevance",
                _("Write why this goal matters for your work or your SKP, so that both of you keep it in view."),
            )

        # T: a deadline inside the engagement.
        if deadline is None:
            if engagement_ends_on is not None:
                hint(
                    "T",
                    "no_deadline",
                    _("Set a deadline, at the latest %(end)s, when the engagement ends.")
                    % {"end": _date(engagement_ends_on)},
                )
            else:
                hint("T", "no_deadline", _("Set a deadline, for example the end of this quarter."))
        elif deadline < today:
            hint(
                "T",
                "deadline_past",
                _("The deadline %(date)s is in the past; pick today or a later date.") % {"date": _date(deadline)},
                blocking=True,
            )
        elif engagement_ends_on is not None and deadline > engagement_ends_on:
            hint(
                "T",
                "deadline_beyond_engagement",
                _(
                    "The deadline %(date)s falls after the engagement ends on %(end)s. "
                    "Pick a date up to %(end)s, or agree a longer engagement first."
                )
                % {"date": _date(deadline), "end": _date(engagement_ends_on)},
            )

        return [
            Hint(
                code=f"{CRITERIA[letter][0]}.{problem}",
                letter=letter,
                criterion=str(CRITERIA[letter][1]),
                message=message,
                blocking=blocking,
            )
            for letter, problem, message, blocking in found
        ]
