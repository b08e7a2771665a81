"""The report on a fixed conversation: exact word shares, counts, examples, stages and tips."""

import json

import pytest

from tests.analyzer.factories import CONVERSATION
from tumbuh.analyzer.report import build_report, share_percent
from tumbuh.analyzer.transcript import parse

SARI = "Sari Wulandari"


def report_of(text: str, coach: str = SARI) -> dict:
    return build_report(parse(text), coach)


def stage_counts(report: dict, framework: str) -> dict[str, int]:
    return {row["stage"]: row["count"] for row in report["stages"][framework]}


def test_words_per_speaker_and_the_coach_share():
    report = report_of(CONVERSATION)
    assert report["speakers"] == [
        {"name": SARI, "words": 30, "turns": 3},
        {"name": "Budi Santoso", "words": 17, "turns": 3},
    ]
    assert (report["coach_words"], report["total_words"]) == (30, 47)
    assert share_percent(30, 47) == 64


def test_the_coach_sentences_by_kind_with_examples_and_only_the_coach_counted():
    report = report_of(CONVERSATION)
    assert report["coach_sentences"] == 5
    assert report["counts"] == {
        "open_question": 1,
        "closed_question": 1,
        "directive": 1,
        "reflective": 1,
        "other": 1,
    }
    assert report["examples"] == {
        "open_question": ["Apa yang ingin Anda capai dari sesi ini?"],
        "closed_question": ["Apakah Andi sudah siap?"],
        "directive": ["Sebaiknya Anda delegasikan ke Andi."],
        "reflective": ["Jadi yang saya dengar, Anda ragu pada kemampuan Andi."],
        "other": ["Selamat pagi, Pak Budi."],
    }


def test_stages_covered_in_grow_clear_and_oscar():
    report = report_of(CONVERSATION)
    assert stage_counts(report, "grow") == {"goal": 1, "reality": 0, "options": 0, "will": 0}
    assert stage_counts(report, "clear") == {"contract": 0, "listen": 1, "explore": 0, "action": 0, "review": 0}
    assert stage_counts(report, "oscar") == {"outcome": 1, "situation": 0, "choices": 0, "actions": 0, "review": 0}
    assert report["stages"]["grow"][0]["example"] == "Apa yang ingin Anda capai dari sesi ini?"


def test_tips_for_a_coach_who_talks_most_and_never_reaches_a_commitment():
    report = report_of(CONVERSATION)
    assert report["tips"] == [
        {"code": "talk_less", "params": {"coach_words": 30, "total_words": 47}},
        {"code": "commit", "params": {"question": "Apa langkah pertama yang akan Anda lakukan, dan kapan?"}},
        {"code": "review", "params": {"question": "Apa yang paling berguna dari percakapan kita hari ini?"}},
    ]


ADVISING = """Sari: Sebaiknya Anda bicara dengan kepala bidang. Anda harus tegas. Apakah Anda siap?
Budi: Saya tidak tahu. Rasanya berat sekali karena tim saya baru dan beban kerja kami sudah menumpuk sejak Januari.
Sari: Coba Anda buat daftar tugas. Sudah dicatat? Kapan rapatnya?
Budi: Besok pagi. Saya akan mencoba membuat daftar itu malam ini dan membagikannya kepada tim besok pagi.
"""


def test_advice_and_closed_questions_get_rewrites_in_the_conversation_language():
    report = report_of(ADVISING, "Sari")
    assert report["counts"]["directive"] == 3
    assert report["counts"]["closed_question"] == 3
    assert report["counts"]["open_question"] == 0
    assert [tip["code"] for tip in report["tips"]] == ["advice_to_questions", "open_up", "reflect"]
    assert report["tips"][0]["params"] == {
        "directive": 3,
        "open": 0,
        "example": "Sebaiknya Anda bicara dengan kepala bidang.",
        "rewrite": "Apa saja pilihan yang Anda lihat?",
    }
    assert report["tips"][1]["params"]["example"] == "Apakah Anda siap?"
    assert report["stacked_question_turns"] == 1


LISTENING = """Coach: So what would you like to get out of today's session?
Dina: I want a plan for handing the monthly report over to my team.
I do it myself every month, and it eats my weekends and my evenings.
Coach: It sounds like the report costs you more than time. What have you tried so far?
Dina: I asked Andi once, but I took it back when he was late, and since then I have not asked anyone again.
Coach: What options do you see now? What will you do first, and by when?
Dina: I will show Andi the steps on Monday and let him do the April report on his own, with me checking only the totals.
Coach: What was most useful for you today?
Dina: Seeing that I took the work back myself.
"""


def test_a_listening_english_conversation_gets_english_suggestions_and_what_to_keep_doing():
    report = report_of(LISTENING, "Coach")
    assert report["language"] == "en"
    assert report["counts"]["open_question"] == 5
    assert report["counts"]["reflective"] == 1
    assert report["counts"]["directive"] == 0
    assert share_percent(report["coach_words"], report["total_words"]) < 40
    assert all(row["count"] for row in report["stages"]["grow"])
    assert [tip["code"] for tip in report["tips"]] == ["keep_open", "keep_listening"]


def test_stacked_questions_in_two_turns_get_the_one_question_tip():
    text = "Sari: Apa tujuan Anda? Kapan mulai?\nBudi: Belum tahu.\nSari: Apa lagi? Siapa yang membantu?\nBudi: Andi.\n"
    report = report_of(text, "Sari")
    assert report["stacked_question_turns"] == 2
    tip = next(tip for tip in report["tips"] if tip["code"] == "one_question")
    assert tip["params"] == {"turns": 2, "example": "Apa tujuan Anda? Kapan mulai?"}


def test_the_report_is_plain_json_and_the_same_every_time():
    first = report_of(CONVERSATION)
    assert json.loads(json.dumps(first)) == first
    assert report_of(CONVERSATION) == first


def test_there_are_always_two_or_three_tips():
    for text, coach in ((CONVERSATION, SARI), (ADVISING, "Sari"), (LISTENING, "Coach")):
        assert 2 <= len(report_of(text, coach)["tips"]) <= 3


def test_the_coach_must_be_one_of_the_speakers():
    with pytest.raises(ValueError, match="not a speaker"):
        report_of(CONVERSATION, "Dewi")


def test_share_percent_rounds_half_up_and_survives_zero():
    assert [share_percent(1, 8), share_percent(1, 3), share_percent(2, 3), share_percent(0, 0)] == [13, 33, 67, 0]
