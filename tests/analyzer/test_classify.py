"""What the classifier makes of single sentences, the hard cases first. The measured quality is in test_evaluation."""

import pytest

from tumbuh.analyzer.classify import (
    CLOSED,
    DIRECTIVE,
    OPEN,
    OTHER,
    REFLECTIVE,
    classify_sentence,
    classify_utterance,
    split_sentences,
)


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # Disguised advice: a question in form, a suggestion in fact.
        ("Bagaimana kalau Anda mencoba rapat singkat setiap pagi?", DIRECTIVE),
        ("Kenapa tidak Anda serahkan saja ke Pak Joko?", DIRECTIVE),
        ("Apa Anda sudah mencoba bicara dengan beliau?", DIRECTIVE),
        ("Why don't you ask her directly?", DIRECTIVE),
        ("Shouldn't you talk to her first?", DIRECTIVE),
        # A hypothetical that asks for the coachee's own idea stays open.
        ("Jika Anda berhasil, apa yang akan berubah?", OPEN),
        # A proposal about the conversation asks for agreement.
        ("Bagaimana kalau kita mulai dari tujuan Anda?", CLOSED),
        # Someone's own duty or reported advice is no advice.
        ("Saya harus menyerahkan laporan hari Jumat.", OTHER),
        ("Kata atasan, sebaiknya saya ikut pelatihan.", OTHER),
        ("Menurut saya, Anda perlu istirahat dulu.", DIRECTIVE),
        ("Anda sebaiknya tidur cukup.", DIRECTIVE),
        # A modal inside a yes/no question asks about a duty.
        ("Apakah Anda harus menyelesaikannya hari ini?", CLOSED),
        ("Do you need to finish it today?", CLOSED),
        # "Apa" as "apakah" makes a closed question; "apa" with a noun an open one.
        ("Apa itu sudah dilaporkan ke Sekretaris?", CLOSED),
        ("Apa hambatan terbesarnya?", OPEN),
        # Questions without a question mark, as speech recognition writes them.
        ("kalau saya boleh tahu apa yang membuat Anda memilih jabatan ini", OPEN),
        ("menurut anda apakah target ini realistis", CLOSED),
        ("Selain itu?", OPEN),
        ("Terus gimana?", OPEN),
        # Tags: a checked feeling is a reflection, a checked fact a closed question.
        ("Sepertinya Anda lelah, ya?", REFLECTIVE),
        ("Drafnya sudah dikirim, kan?", CLOSED),
        # Reflections with and without the stock phrase.
        ("Kedengarannya minggu ini sangat padat.", REFLECTIVE),
        ("Anda tidak ingin mengecewakan tim.", REFLECTIVE),
        ("Kamu capek banget ya.", REFLECTIVE),
        ("You feel you have to prove yourself.", REFLECTIVE),
        # Requests to tell more are open questions, whatever "coba" suggests.
        ("Coba ceritakan bagaimana rapatnya berjalan.", OPEN),
        ("Can you say more about that?", OPEN),
        # Rhetorical questions and idioms.
        ("Mana mungkin saya menolak, Bu?", OTHER),
        ("Siapa sih yang tidak kesal kalau begitu?", OTHER),
        ("Bagaimanapun juga, saya tetap mencoba.", OTHER),
        # Everyday talk.
        ("Oke, terima kasih atas ceritanya.", OTHER),
        ("Saya rasa itu ide bagus.", OTHER),
    ],
)
def test_sentence_class(sentence, label):
    assert classify_sentence(sentence) == label


def test_sentences_split_at_stops_but_not_at_an_ellipsis_or_a_title():
    assert split_sentences("Baik. Jadi yang saya dengar... Anda ragu? Dr. Sari bilang begitu! ") == [
        "Baik.",
        "Jadi yang saya dengar... Anda ragu?",
        "Dr. Sari bilang begitu!",
    ]


def test_an_utterance_takes_its_strongest_move():
    assert classify_utterance("Baik. Sebaiknya Anda delegasikan. Apa pendapat Anda?") == DIRECTIVE
    assert classify_utterance("Terima kasih. Apa yang ingin Anda capai?") == OPEN
    assert classify_utterance("...") == OTHER


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # Once a RecursionError (a 500): every "mulai, " opened another level.
        ("mulai, " * 5000 + "kirim laporannya.", OTHER),
        ("Mulai besok, mulai pagi, biasakan menulis rencana.", DIRECTIVE),
        ("saya harus coba " * 2000, OTHER),
        ("ya " * 2000 + "apa yang Anda inginkan?", OPEN),
    ],
)
def test_long_pasted_sentences_are_classified_as_their_short_forms(sentence, label):
    assert classify_sentence(sentence) == label
