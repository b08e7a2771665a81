"""The SMART checker: specific, Indonesian (or English) hints on what keeps a goal from being SMART."""

import datetime
from decimal import Decimal

import pytest
from django.utils.translation import gettext, override

from tests.helpers import in_indonesian
from tumbuh.coaching.smart import check_goal, format_amount, has_number

TODAY = datetime.date(2026, 3, 2)
ENGAGEMENT_ENDS = datetime.date(2026, 9, 30)

SMART_GOAL = {
    "statement": "Meningkatkan ketepatan waktu laporan bulanan dari 60% menjadi 90% paling lambat 30 Juni 2026",
    "indicator": "persentase laporan bulanan terkirim tepat waktu",
    "baseline": Decimal(60),
    "target": Decimal(90),
    "unit": "%",
    "deadline": datetime.date(2026, 6, 30),
    "today": TODAY,
    "engagement_ends_on": ENGAGEMENT_ENDS,
    "relevance": "Ketepatan waktu laporan adalah salah satu target SKP saya tahun ini.",
}
UNMEASURED = {"indicator": "", "baseline": None, "target": None, "unit": ""}


def check(language="id", **changes):
    return check_goal(**{**SMART_GOAL, **changes}, language=language)


def codes(hints) -> list[str]:
    return [hint.code for hint in hints]


def test_a_smart_goal_gets_no_hints():
    assert check() == []


def test_a_vague_verb_is_fine_when_the_statement_counts_something():
    hints = check(
        statement="Meningkatkan ketepatan waktu laporan dari 60 % menjadi 90 % paling lambat 31 Maret 2027",
        **UNMEASURED,
    )

    assert codes(hints) == []


def test_an_empty_statement_asks_for_one_sentence():
    hints = check(statement="   ")

    assert [(h.code, h.letter, h.message) for h in hints] == [
        (
            "specific.empty",
            "S",
            in_indonesian("Write the goal as one sentence: what will be different, and by when."),
        )
    ]


def test_a_one_word_goal_is_not_specific():
    assert codes(check(statement="Delegasi")) == ["specific.too_short"]


def test_a_long_goal_is_asked_to_be_split_and_the_words_are_counted():
    statement = " ".join(["Menyusun"] + ["laporan"] * 38 + ["90%"])

    hints = check(statement=statement)

    assert codes(hints) == ["specific.too_long"]
    assert hints[0].message == in_indonesian(
        "This goal has %(count)s words. Keep one goal to one sentence of at most %(max)s words; "
        "make the rest a goal of its own."
    ) % {"count": 40, "max": 35}


def test_an_indonesian_vague_verb_without_any_number_is_named_in_the_hint():
    hints = check(statement="Meningkatkan kemampuan komunikasi dengan tim", **UNMEASURED)

    assert codes(hints) == ["specific.vague_verb", "measurable.no_number"]
    assert hints[0].message == in_indonesian(
        "“%(phrase)s” names an effort, not a result. Describe what others will be able to see "
        "when it is done, for example “the monthly report is sent by the 5th of each month”."
    ) % {"phrase": "Meningkatkan"}
    assert hints[1].message == in_indonesian(
        "There is no number to measure. Add an indicator with a baseline and a target, for example "
        "“reports sent on time: from 60% to 90%”."
    )


@pytest.mark.parametrize(
    ("statement", "phrase"),
    [
        ("Menjadi pemimpin yang lebih baik bagi tim", "lebih baik"),
        ("Mempelajari aturan baru tentang jabatan fungsional", "Mempelajari"),
        ("Berusaha hadir tepat waktu di rapat pagi", "Berusaha"),
        ("Mengoptimalkan   pemanfaatan aplikasi kepegawaian", "Mengoptimalkan"),
    ],
)
def test_other_indonesian_vague_verbs_are_found(statement, phrase):
    hints = check(statement=statement, **UNMEASURED)

    assert hints[0].code == "specific.vague_verb"
    assert f"“{phrase}”" in hints[0].message


@pytest.mark.parametrize(
    ("statement", "phrase"),
    [
        ("Improve my presentation skills", "Improve"),
        ("Try to delegate more work to the team", "Try to"),
        ("Understand the new performance rules", "Understand"),
        ("Learn about   coaching for my team", "Learn about"),
        ("Become a better listener in meetings", "better"),
    ],
)
def test_english_vague_verbs_get_an_english_hint(statement, phrase):
    hints = check(language="en", statement=statement, **UNMEASURED)

    assert codes(hints)[:2] == ["specific.vague_verb", "measurable.no_number"]
    assert hints[0].message == (
        f"“{phrase}” names an effort, not a result. Describe what others will be able to see when it is done, "
        "for example “the monthly report is sent by the 5th of each month”."
    )
    assert (hints[0].letter, hints[0].criterion) == ("S", "Specific")


def test_a_vague_verb_with_an_indicator_and_target_is_fine():
    assert codes(check(statement="Meningkatkan ketepatan waktu laporan bulanan")) == []


def test_dates_and_time_spans_do_not_make_a_goal_measurable():
    hints = check(statement="Memahami aturan SKP yang baru sebelum 31 Maret 2027", **UNMEASURED)
    spans = check(statement="Menyelesaikan template laporan mingguan dalam 2 minggu", **UNMEASURED)

    assert codes(hints) == ["specific.vague_verb", "measurable.no_number"]
    assert codes(spans) == ["measurable.no_number"]


def test_numbers_written_as_words_count():
    assert has_number("Mendelegasikan dua tugas rutin kepada staf")
    assert has_number("Delegate three routine tasks")
    assert not has_number("Menyelesaikan laporan sebelum 5 Mei 2026")
    assert codes(check(statement="Mendelegasikan dua tugas rutin kepada staf", **UNMEASURED)) == []


def test_an_indicator_without_a_target_asks_for_the_target():
    hints = check(target=None, baseline=None)

    assert codes(hints) == ["measurable.no_target"]
    assert hints[0].message == in_indonesian(
        "Give “%(indicator)s” a target value to reach, and write its value today as the baseline."
    ) % {"indicator": "persentase laporan bulanan terkirim tepat waktu"}


def test_a_target_without_an_indicator_asks_what_it_measures():
    hints = check(indicator="  ")

    assert codes(hints) == ["measurable.no_indicator"]
    assert hints[0].message == in_indonesian(
        "Say what the target of %(target)s measures, for example “percentage of reports sent on time”."
    ) % {"target": "90%"}


def test_a_target_without_a_baseline_asks_for_todays_value():
    assert codes(check(baseline=None)) == ["measurable.no_baseline"]


def test_a_target_equal_to_the_baseline_is_not_a_change():
    hints = check(baseline=Decimal("7.50"), target=Decimal("7.5"), unit="hari", indicator="lama penyelesaian SKP")

    assert codes(hints) == ["achievable.target_equals_baseline"]
    with override("id"):
        expected = gettext(
            "The target %(target)s equals the baseline, so nothing would change. "
            "Set a target a realistic step away from today's value."
        ) % {"target": "7,5 hari"}
    assert hints[0].message == expected
    assert hints[0].letter == "A"


def test_a_percentage_above_100_is_not_achievable():
    assert codes(check(target=Decimal(120))) == ["achievable.percent_out_of_range"]


def test_a_lower_target_is_a_valid_goal():
    days = {"indicator": "hari kerja untuk memverifikasi SKP", "unit": "hari"}

    assert check(baseline=Decimal(10), target=Decimal(5), **days) == []


def test_a_goal_without_relevance_asks_why_it_matters_unless_an_skp_target_is_named():
    hints = check(relevance="")

    assert [(h.code, h.letter) for h in hints] == [("relevant.no_relevance", "R")]
    assert hints[0].message == in_indonesian(
        "Write why this goal matters for your work or your SKP, so that both of you keep it in view."
    )
    assert check(relevance="", skp_reference="SKP 2026 butir 3: laporan bulanan tepat waktu") == []


def test_a_goal_without_a_deadline_is_offered_the_end_of_the_engagement():
    hints = check(deadline=None)

    assert [(h.code, h.letter, h.blocking) for h in hints] == [("time_bound.no_deadline", "T", False)]
    assert hints[0].message == in_indonesian("Set a deadline, at the latest %(end)s, when the engagement ends.") % {
        "end": "30 September 2026"
    }


def test_a_goal_without_a_deadline_or_a_planned_end_is_told_to_set_one():
    hints = check(deadline=None, engagement_ends_on=None)

    assert [h.message for h in hints] == [in_indonesian("Set a deadline, for example the end of this quarter.")]


def test_a_deadline_in_the_past_blocks_and_names_the_date_in_indonesian():
    hints = check(deadline=datetime.date(2026, 3, 1))

    assert [(h.code, h.letter, h.blocking) for h in hints] == [("time_bound.deadline_past", "T", True)]
    assert hints[0].message == in_indonesian("The deadline %(date)s is in the past; pick today or a later date.") % {
        "date": "1 Maret 2026"
    }


def test_a_deadline_today_or_on_the_engagements_last_day_is_fine():
    assert check(deadline=TODAY) == []
    assert check(deadline=ENGAGEMENT_ENDS) == []


def test_a_deadline_beyond_the_engagement_is_pointed_out():
    hints = check(deadline=datetime.date(2026, 10, 1))

    assert [(h.code, h.blocking) for h in hints] == [("time_bound.deadline_beyond_engagement", False)]
    assert hints[0].message == in_indonesian(
        "The deadline %(date)s falls after the engagement ends on %(end)s. "
        "Pick a date up to %(end)s, or agree a longer engagement first."
    ) % {"date": "1 Oktober 2026", "end": "30 September 2026"}


def test_a_bare_goal_gets_its_hints_in_smart_order():
    hints = check(statement="Memperbaiki komunikasi", relevance="", deadline=None, **UNMEASURED)

    assert [(h.letter, h.code) for h in hints] == [
        ("S", "specific.too_short"),
        ("S", "specific.vague_verb"),
        ("M", "measurable.no_number"),
        ("R", "relevant.no_relevance"),
        ("T", "time_bound.no_deadline"),
    ]
    assert [h.criterion for h in hints] == [
        in_indonesian(word) for word in ("Specific", "Specific", "Measurable", "Relevant", "Time-bound")
    ]


def test_amounts_are_written_as_the_reader_writes_numbers():
    with override("id"):
        assert [format_amount(Decimal("7.50"), "hari"), format_amount(Decimal("60.00"), "%")] == ["7,5 hari", "60%"]
    with override("en"):
        assert format_amount(Decimal("7.50"), "days") == "7.5 days"
    assert format_amount(None, "%") == "—"
