"""Analyzer endpoints: a coach analyses a transcript of their session and reads the report. Coach only."""

import datetime
from typing import Any

import pydantic
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from tumbuh.audit.services import record_event
from tumbuh.common.api import LIST, READ, WRITE, InputSchema, Pages, form_limit, schema_errors

from . import selectors, services
from .forms import SpeakerForm
from .models import Transcript

router = Router(tags=["analyzer"])


class TranscriptIn(InputSchema):
    text: str = Field(description="WebVTT (Zoom, Google Meet, Teams) or plain 'Name: text' lines, under 1 MB.")
    coach_speaker: str = Field(
        "",
        description="Your name as it appears in the transcript; needed only when Tumbuh cannot tell.",
        max_length=form_limit(SpeakerForm, "coach_speaker"),
    )
    source_name: str = Field(
        "", description="The file name, if any, to recognise the transcript later.", max_length=200
    )


class TranscriptOut(Schema):
    id: int
    session_id: int
    source_format: str
    source_name: str
    coach_speaker: str
    word_count: int
    coach_word_count: int
    created_at: datetime.datetime


class TranscriptDetailOut(TranscriptOut):
    text: str
    report: dict[str, Any] = Field(
        description="Words per speaker, the coach's sentences by kind with examples, stages covered, tips."
    )


_BODY_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": TranscriptIn.model_json_schema()}},
    }
}


def _payload(request: HttpRequest) -> TranscriptIn:
    # Read here, not by ninja: a body over Django's upload limit must be a 422 with the limit, not a bare 400.
    try:
        body = request.body
    except RequestDataTooBig:
        raise ValidationError(
            {"text": services.too_big_error(int(request.META.get("CONTENT_LENGTH") or 0)).messages}
        ) from None
    try:
        return TranscriptIn.model_validate_json(body or b"{}")
    except pydantic.ValidationError as error:
        errors = schema_errors(error.errors(), skip=0)
        raise ValidationError(errors or {"__all__": [_("Send a JSON object with the transcript in “text”.")]}) from None


@router.post(
    "/sessions/{session_id}/transcripts",
    response={201: TranscriptDetailOut, **WRITE},
    summary="Analyse a transcript of my session (coach only); 422 tells what is wrong with it",
    openapi_extra=_BODY_SCHEMA,
)
def analyze_transcript(request, session_id: int):
    session = selectors.session_to_analyse(request.user, session_id)
    payload = _payload(request)
    transcript = services.analyze_transcript(
        session=session,
        by=request.user,
        text=payload.text,
        coach_speaker=payload.coach_speaker,
        source_name=payload.source_name,
    )
    return Status(201, transcript)


@router.get(
    "/transcripts", response={200: list[TranscriptOut], **LIST}, summary="My analysed transcripts, newest first"
)
@paginate(Pages)
def list_transcripts(request):
    return selectors.transcripts_of_coach(request.user)


@router.get(
    "/transcripts/{pk}",
    response={200: TranscriptDetailOut, **READ},
    summary="A transcript with its report (audit-logged)",
)
def get_transcript(request, pk: int) -> Transcript:
    transcript = selectors.transcript_for(request.user, "analyzer.view_transcript", pk)
    record_event(actor=request.user, action="transcript.read", target=transcript, request=request)
    return transcript


@router.delete("/transcripts/{pk}", response={204: None, **WRITE}, summary="Delete a transcript and its report")
def delete_transcript(request, pk: int):
    transcript = selectors.transcript_for(request.user, "analyzer.delete_transcript", pk, with_text=False)
    services.delete_transcript(transcript=transcript, by=request.user)
    return Status(204, None)
