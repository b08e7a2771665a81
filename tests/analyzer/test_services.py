"""analyze_transcript and delete_transcript, called directly as the page and the API call them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.analyzer.factories import CONVERSATION, TranscriptFactory
from tests.factories import SessionFactory
from tests.helpers import in_indonesian
from tumbuh.analyzer.models import Transcript
from tumbuh.analyzer.services import (
    MAX_SENTENCES,
    MAX_TRANSCRIPT_BYTES,
    CoachSpeakerUnknown,
    analyze_transcript,
    delete_transcript,
    guess_coach_speaker,
    too_big_error,
)
from tumbuh.analyzer.transcript import MAX_SPEAKERS, MAX_UTTERANCES
from tumbuh.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(engagement):
    return SessionFactory(engagement=engagement)


def test_the_analysis_is_stored_with_its_report_once_complete(sari, session):
    transcript = analyze_transcript(session=session, by=sari, text="\ufeff" + CONVERSATION, source_name=" a.txt ")
    transcript.refresh_from_db()
    assert (transcript.coach_speaker, transcript.source_name, transcript.text) == (
        "Sari Wulandari",
        "a.txt",
        CONVERSATION,
    )
    assert transcript.report["tips"][0]["code"] == "talk_less"
    assert transcript.coach_share == 64


def test_the_coachee_may_not_analyse_even_through_the_service(budi, session):
    with pytest.raises(PermissionDenied):
        analyze_transcript(session=session, by=budi, text=CONVERSATION)
    assert Transcript.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "field", "code"),
    [
        ("", "text", "empty"),
        ("Sari: Halo\x00\nBudi: Hai\n", "text", "binary"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nSari: Halo\n", "text", "bad_timestamp"),
    ],
)
def test_unreadable_text_is_a_validation_error_and_nothing_is_stored(sari, session, text, field, code):
    with pytest.raises(ValidationError) as caught:
        analyze_transcript(session=session, by=sari, text=text)
    assert list(caught.value.message_dict) == [field]
    assert Transcript.objects.count() == 0


def test_text_of_the_limit_or_more_is_refused_before_parsing(sari, session):
    text = "Sari: á\n" * (MAX_TRANSCRIPT_BYTES // 9 + 1)  # "á" is two bytes: under the limit in characters
    assert len(text) < MAX_TRANSCRIPT_BYTES <= len(text.encode())
    with pytest.raises(ValidationError) as caught:
        analyze_transcript(session=session, by=sari, text=text)
    assert caught.value.message_dict == {"text": too_big_error(len(text.encode())).messages}
    assert Transcript.objects.count() == 0


def test_an_unknown_coach_must_choose_among_the_speakers_with_their_words(sari, session):
    with pytest.raises(CoachSpeakerUnknown) as caught:
        analyze_transcript(session=session, by=sari, text=CONVERSATION.replace("Sari Wulandari", "Fasilitator"))
    assert caught.value.speakers == [("Fasilitator", 30), ("Budi Santoso", 17)]
    assert caught.value.message_dict == {
        "coach_speaker": [
            in_indonesian("Which of the speakers is you? Choose one of: %(names)s.")
            % {"names": "Fasilitator, Budi Santoso"}
        ]
    }


@pytest.mark.parametrize(
    ("speakers", "coach", "expected"),
    [
        (["Sari Wulandari", "Budi Santoso"], "Sari Wulandari", "Sari Wulandari"),
        (["Dr. Sari W.", "Budi"], "Sari Wulandari", "Dr. Sari W."),
        (["sari wulandari (Coach)", "Budi"], "Sari Wulandari", "sari wulandari (Coach)"),
        (["Coach", "Budi"], "Sari Wulandari", None),
        (["Sari Wulandari", "Sari Rahma"], "Sari Wulandari", None),
        (["Pak Budi", "Bu Dewi"], "Ibu Sari", None),
    ],
)
def test_guessing_the_coach_by_shared_name_words(speakers, coach, expected):
    assert guess_coach_speaker(speakers, coach) == expected


def test_delete_removes_the_transcript_only_for_its_coach(sari, budi, session):
    transcript = TranscriptFactory(session=session)
    with pytest.raises(PermissionDenied):
        delete_transcript(transcript=transcript, by=budi)
    delete_transcript(transcript=transcript, by=sari)
    assert not Transcript.objects.exists()


def refusal(sari, session, text: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        analyze_transcript(session=session, by=sari, text=text)
    assert (Transcript.objects.count(), AuditEvent.objects.count()) == (0, 0)
    return caught.value.message_dict["text"]


def test_the_420_kb_paste_with_30000_speakers_is_refused_naming_the_limit(sari, session):
    text = "".join(f"Pak{i:05d}: Ya.\n" for i in range(30_000))
    assert len(text.encode()) == 420_000
    assert refusal(sari, session, text) == [
        in_indonesian(
            "The transcript names %(count)s speakers; Tumbuh analyses conversations of at most %(limit)s. "
            "Check that only a speaker's name is followed by a colon at the start of a line, or keep only the "
            "part of the transcript with your coaching conversation."
        )
        % {"count": "30000", "limit": MAX_SPEAKERS}
    ]


def test_more_lines_of_speech_than_the_limit_are_refused_naming_the_limit(sari, session):
    text = "Sari Wulandari: Apa kabar?\nBudi: Baik.\n" * (MAX_UTTERANCES // 2 + 1)
    assert refusal(sari, session, text) == [
        in_indonesian(
            "The transcript has %(count)s lines of speech; Tumbuh analyses at most %(limit)s at a time. "
            "Split it into parts, one per session, and analyse each part."
        )
        % {"count": MAX_UTTERANCES + 2, "limit": MAX_UTTERANCES}
    ]


def test_more_sentences_than_the_limit_are_refused_before_any_is_classified(sari, session):
    text = "Budi: Halo.\nSari Wulandari: " + "Ya? " * MAX_SENTENCES + "\n"
    assert refusal(sari, session, text) == [
        in_indonesian(
            "The transcript has %(count)s sentences; Tumbuh analyses at most %(limit)s at a time. "
            "Split it into parts, one per session, and analyse each part."
        )
        % {"count": MAX_SENTENCES + 1, "limit": MAX_SENTENCES}
    ]


def test_a_transcript_at_every_limit_is_analysed(sari, session):
    names = ["Sari Wulandari", *(f"Peserta {chr(65 + i)}" for i in range(MAX_SPEAKERS - 1))]
    per_line = MAX_SENTENCES // MAX_UTTERANCES
    text = "".join(f"{names[i % MAX_SPEAKERS]}: {'Ya? ' * per_line}\n" for i in range(MAX_UTTERANCES))
    transcript = analyze_transcript(session=session, by=sari, text=text)
    assert len(transcript.report["speakers"]) == MAX_SPEAKERS
    assert transcript.report["speakers"][0] == {"name": "Sari Wulandari", "words": 250 * per_line, "turns": 250}
    assert transcript.report["coach_sentences"] == MAX_SENTENCES // MAX_SPEAKERS
