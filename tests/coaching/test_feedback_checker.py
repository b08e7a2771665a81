"""The SBI check: behaviour must be something seen or heard, not a judgement of the person's character."""

import pytest

from tests.helpers import in_indonesian
from tumbuh.coaching.sbi import check_behaviour

JUDGES = "“{}” judges the person instead of describing what they did. Describe the behaviour you saw or heard, for example “handed in the report two days after the deadline”."  # noqa: E501
PRAISES = "“{}” praises the person instead of describing what they did. Say what you saw or heard, so they know what to repeat."  # noqa: E501
GENERALISES = "“{}” generalises. Describe one particular moment: when it happened and what was done or said."
MIND_READS = "“{}” guesses at intentions nobody can see. Describe only what the person did or said."
LABELS = "“{}” describes who the person is, not what they did. Describe an action you saw or heard."
TOO_SHORT = "Describe what you saw or heard in a few more words: what the person did or said, and when."
NOTHING_SEEN = "Add something you saw or heard: an action, a moment or a number, for example “in Monday's meeting you presented three options”."  # noqa: E501


@pytest.mark.parametrize(
    "behaviour",
    [
        "Dalam rapat Senin pagi, Anda menyela Ibu Rina tiga kali saat beliau memaparkan anggaran.",
        "Laporan bulanan Anda serahkan pada tanggal 12, dua hari setelah tenggat.",
        "Anda menyerahkan laporan kepada Andi tanpa catatan.",
        "In Tuesday's meeting you presented three options with their costs.",
        "You sent the draft to the team at 9 am before anyone asked.",
        "He came in at 10.15 and left the meeting after five minutes.",
    ],
)
def test_observable_behaviour_gets_no_hints(behaviour):
    assert check_behaviour(behaviour, "en") == []


@pytest.mark.parametrize(
    ("behaviour", "hints"),
    [
        ("Anda malas dalam bekerja.", [JUDGES.format("malas")]),
        ("Budi tidak disiplin.", [JUDGES.format("tidak disiplin"), TOO_SHORT]),
        ("Anda bekerja dengan ceroboh dan tidak profesional.", [JUDGES.format("ceroboh, tidak profesional")]),
        ("Anda selalu terlambat datang ke rapat.", [GENERALISES.format("selalu")]),
        (
            "Anda adalah orang yang tidak peduli pada tim.",
            [LABELS.format("Anda adalah orang yang"), JUDGES.format("tidak peduli")],
        ),
        ("Sifat Anda terlalu sombong.", [LABELS.format("Sifat"), JUDGES.format("sombong")]),
        ("Dia sengaja tidak mengirim laporan agar saya repot.", [MIND_READS.format("sengaja")]),
        ("Anda tidak mau mendengarkan masukan tim.", [MIND_READS.format("tidak mau")]),
        ("Anda rajin sekali.", [PRAISES.format("rajin"), TOO_SHORT]),
        ("You are always careless with the figures.", [JUDGES.format("careless"), GENERALISES.format("always")]),
        ("You're a very lazy person.", [LABELS.format("You're a very lazy person"), JUDGES.format("lazy")]),
        ("He never listens in meetings.", [GENERALISES.format("never")]),
        ("She doesn’t care about the deadline.", [MIND_READS.format("doesn't care")]),
        ("She deliberately ignored my email.", [MIND_READS.format("deliberately")]),
        ("Your presentation was arrogant and rude.", [JUDGES.format("arrogant, rude")]),
    ],
)
def test_judgement_generalisation_and_mind_reading_get_their_hint(behaviour, hints):
    assert check_behaviour(behaviour, "en") == hints


@pytest.mark.parametrize("behaviour", ["Terlambat.", "Bagus sekali", "Good job."])
def test_a_few_words_are_not_enough(behaviour):
    assert check_behaviour(behaviour, "en") == [TOO_SHORT]


@pytest.mark.parametrize("behaviour", ["Presentasi Anda bagus dan rapi sekali.", "Your work is really good."])
def test_praise_without_anything_seen_or_heard_asks_for_it(behaviour):
    assert check_behaviour(behaviour, "en") == [NOTHING_SEEN]


def test_hints_are_in_the_language_asked_for():
    judges = in_indonesian(JUDGES.format("%(words)s")) % {"words": "malas"}

    assert check_behaviour("Anda malas.", "id") == [judges, in_indonesian(TOO_SHORT)]
