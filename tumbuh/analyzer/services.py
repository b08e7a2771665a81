"""Writes of the analyzer: analysing a transcript (stored only once the analysis is complete) and deleting one."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from tumbuh.access.policy import require
from tumbuh.audit.services import record_event
from tumbuh.coaching.models import Session
from tumbuh.people.models import Employee

from .classify import split_sentences
from .models import SourceFormat, Transcript
from .report import build_report
from .selectors import coach_only_message
from .transcript import MAX_SPEAKERS, MAX_UTTERANCES, ParseError, parse

# Refused from this size on: a one-hour conversation is about 60 KB of text, a VTT of it about 150 KB.
MAX_TRANSCRIPT_BYTES = 1024 * 1024
# A one-hour session holds about 1,000 sentences. Classifying is linear but not free (a 1 MB paste of
# "Ya? " is 260,000 sentences, seconds of work), so more than this is refused before any is classified.
MAX_SENTENCES = 10_000
# Words in names that say nothing about who is who ("Dr. Sari", "Coach Sari", "Pak Budi").
TITLES = {"dr", "drs", "ir", "prof", "pak", "bu", "bapak", "ibu", "coach", "mas", "mbak", "hj", "h", "s", "m"}


class CoachSpeakerUnknown(ValidationError):
    """The coach must say which speaker is them. ``speakers`` lists (name, words) to choose from."""

    def __init__(self, message: str, speakers: list[tuple[str, int]]) -> None:
        super().__init__({"coach_speaker": message}, code="choose_speaker")
        self.speakers = speakers


def too_big_error(size: int) -> ValidationError:
    return ValidationError(
        _(
            "The transcript is %(size)s; Tumbuh accepts transcripts under %(limit)s. Split it into parts "
            "(one per session), or remove the timing lines and save it as plain text, then try again."
        )
        % {"size": filesizeformat(size), "limit": filesizeformat(MAX_TRANSCRIPT_BYTES)},
        code="too_big",
    )


def check_size(size: int) -> None:
    """Refuse SIZE bytes or more before anything is read or parsed."""
    if size >= MAX_TRANSCRIPT_BYTES:
        raise too_big_error(size)


def text_size(text: str) -> int:
    """TEXT's size in UTF-8 bytes; a text with as many characters as the limit is not even encoded to find out."""
    return len(text) if len(text) >= MAX_TRANSCRIPT_BYTES else len(text.encode("utf-8"))


def parse_error_message(error: ParseError) -> str:
    """What went wrong, in the reader's language, and what to do about it."""
    line = {"line": error.line}
    messages = {
        "empty": _(
            "The transcript is empty. Upload the .vtt file exported from Zoom, Google Meet or Teams, "
            "or paste the conversation as lines such as “Sari: Apa yang ingin Anda capai?”."
        ),
        "binary": _(
            "This file holds binary data, not text. Export the transcript again as .vtt or .txt, "
            "or paste the conversation as text."
        ),
        "no_speakers": _(
            "No speaker names were found. Each line or caption must start with the speaker's name and a colon, "
            "such as “Sari: Selamat pagi”. Turn on speaker names when you export the transcript."
        ),
        "one_speaker": _(
            "Only one speaker, “%(name)s”, was found. The analysis needs both the coach and the coachee: "
            "check that every line starts with the name of whoever is speaking."
        )
        % {"name": error.detail},
        "missing_header": _(
            "Line %(line)s has a timing, like a WebVTT file, but the file does not start with the line WEBVTT. "
            "Export the transcript again from Zoom, Google Meet or Teams, or add WEBVTT as the first line."
        )
        % line,
        "no_cues": _(
            "This WebVTT file has no captions. Export the transcript again once the recording has been processed."
        ),
        "bad_timestamp": _(
            "Line %(line)s: the timing is broken. It must look like 00:01:02.000 --> 00:01:05.000. "
            "Export the file again, or paste the conversation without the timings."
        )
        % line,
        "too_many_speakers": _(
            "The transcript names %(count)s speakers; Tumbuh analyses conversations of at most %(limit)s. "
            "Check that only a speaker's name is followed by a colon at the start of a line, or keep only the "
            "part of the transcript with your coaching conversation."
        )
        % {"count": error.detail, "limit": MAX_SPEAKERS},
        "too_many_utterances": _(
            "The transcript has %(count)s lines of speech; Tumbuh analyses at most %(limit)s at a time. "
            "Split it into parts, one per session, and analyse each part."
        )
        % {"count": error.detail, "limit": MAX_UTTERANCES},
        "bad_cue": _(
            "Line %(line)s: this caption has no timing line above it, or the empty line between two captions is "
            "missing. Export the file again, or paste the conversation without the timings."
        )
        % line,
    }
    return messages.get(error.code, messages["no_speakers"])


def too_many_sentences_error(count: int) -> ValidationError:
    return ValidationError(
        _(
            "The transcript has %(count)s sentences; Tumbuh analyses at most %(limit)s at a time. "
            "Split it into parts, one per session, and analyse each part."
        )
        % {"count": count, "limit": MAX_SENTENCES},
        code="too_many_sentences",
    )


def _name_words(name: str) -> set[str]:
    return {word for word in re.findall(r"[^\W\d_]+", name.lower()) if len(word) > 1 and word not in TITLES}


def guess_coach_speaker(speakers: list[str], coach_name: str) -> str | None:
    """The one speaker whose name shares a word with the coach's, or None if none or several do."""
    coach_words = _name_words(coach_name)
    matches = [speaker for speaker in speakers if _name_words(speaker) & coach_words]
    return matches[0] if len(matches) == 1 else None


def analyze_transcript(
    *, session: Session, by: Employee, text: str, coach_speaker: str = "", source_name: str = ""
) -> Transcript:
    """Analyse TEXT, a transcript of SESSION, for its coach BY, and keep it with its report.

    Raises ValidationError (CoachSpeakerUnknown when BY must say which speaker they are); nothing is
    stored unless the whole analysis succeeded.
    """
    require(by, "analyzer.add_transcript", session, message=coach_only_message())
    if text_size(text) >= MAX_TRANSCRIPT_BYTES:
        raise ValidationError({"text": too_big_error(text_size(text))})
    try:
        parsed = parse(text)
    except ParseError as error:
        raise ValidationError({"text": parse_error_message(error)}, code=error.code) from None
    sentences = sum(len(split_sentences(turn.text)) for turn in parsed.turns)
    if sentences > MAX_SENTENCES:
        raise ValidationError({"text": too_many_sentences_error(sentences)})
    words = parsed.words_by_speaker()
    choices = [(name, words[name]) for name in parsed.speakers]
    coach_speaker = coach_speaker.strip()
    if coach_speaker and coach_speaker not in parsed.speakers:
        raise CoachSpeakerUnknown(
            _("“%(name)s” does not speak in this transcript. Choose one of: %(names)s.")
            % {"name": coach_speaker, "names": ", ".join(parsed.speakers)},
            choices,
        )
    coach_speaker = coach_speaker or guess_coach_speaker(parsed.speakers, by.full_name) or ""
    if not coach_speaker:
        raise CoachSpeakerUnknown(
            _("Which of the speakers is you? Choose one of: %(names)s.") % {"names": ", ".join(parsed.speakers)},
            choices,
        )
    report = build_report(parsed, coach_speaker)
    transcript = Transcript(
        session=session,
        uploaded_by=by,
        source_format=SourceFormat.VTT if parsed.format == "vtt" else SourceFormat.TEXT,
        source_name=source_name.strip()[:200],
        coach_speaker=coach_speaker,
        text=text.lstrip("\ufeff"),
        report=report,
        word_count=report["total_words"],
        coach_word_count=report["coach_words"],
    )
    with transaction.atomic():
        transcript.full_clean()
        transcript.save()
        record_event(actor=by, action="transcript.analysed", target=transcript)
    return transcript


def delete_transcript(*, transcript: Transcript, by: Employee) -> None:
    """Delete a transcript and its report for good; only the coach who analysed it may."""
    require(by, "analyzer.delete_transcript", transcript, message=coach_only_message())
    with transaction.atomic():
        record_event(actor=by, action="transcript.deleted", target=transcript)
        transcript.delete()
