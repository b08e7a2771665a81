"""The analyzer API: a coach posts a transcript of their session and reads the report; nobody else can."""

import json

import pytest
from django.conf import settings
from django.test import Client
from django.utils.translation import override

from tests.analyzer.factories import CONVERSATION, TranscriptFactory
from tests.factories import EngagementFactory, SessionFactory
from tests.helpers import in_indonesian
from tumbuh.analyzer.models import Transcript
from tumbuh.analyzer.services import too_big_error
from tumbuh.audit.models import AuditEvent
from tumbuh.people.services import create_api_token

pytestmark = pytest.mark.django_db

FIELDS_NEED_FIXING = "Some fields need fixing."


def bearer_client(user) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def session(engagement):
    return SessionFactory(engagement=engagement)


def post(client: Client, session, body) -> tuple[int, dict]:
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    response = client.post(f"/api/v1/sessions/{session.pk}/transcripts", data, content_type="application/json")
    return response.status_code, response.json()


def test_coach_posts_a_transcript_with_a_token_and_gets_the_report(sari, session):
    status, body = post(bearer_client(sari), session, {"text": CONVERSATION, "source_name": "sesi.txt"})
    transcript = Transcript.objects.get()
    assert status == 201
    assert {key: body[key] for key in ("id", "session_id", "source_format", "source_name", "coach_speaker")} == {
        "id": transcript.pk,
        "session_id": session.pk,
        "source_format": "text",
        "source_name": "sesi.txt",
        "coach_speaker": "Sari Wulandari",
    }
    assert (body["word_count"], body["coach_word_count"]) == (47, 30)
    assert body["report"]["counts"] == {
        "open_question": 1,
        "closed_question": 1,
        "directive": 1,
        "reflective": 1,
        "other": 1,
    }
    assert [tip["code"] for tip in body["report"]["tips"]] == ["talk_less", "commit", "review"]
    assert body["text"] == CONVERSATION


def test_an_unknown_coach_speaker_is_a_422_naming_the_speakers_then_a_second_post_with_it_works(sari, session):
    client = bearer_client(sari)
    text = CONVERSATION.replace("Sari Wulandari", "Coach")
    status, body = post(client, session, {"text": text})
    assert status == 422
    assert body == {
        "message": in_indonesian(FIELDS_NEED_FIXING),
        "errors": {
            "coach_speaker": [
                in_indonesian("Which of the speakers is you? Choose one of: %(names)s.")
                % {"names": "Coach, Budi Santoso"}
            ]
        },
    }
    assert Transcript.objects.count() == 0
    status, body = post(client, session, {"text": text, "coach_speaker": "Coach"})
    assert (status, body["coach_speaker"]) == (201, "Coach")


def test_a_malformed_vtt_is_a_422_with_the_line_to_fix(sari, session):
    status, body = post(bearer_client(sari), session, {"text": "WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x\nSari: Hi\n"})
    assert status == 422
    assert body["errors"] == {
        "text": [
            in_indonesian(
                "Line %(line)s: the timing is broken. It must look like 00:01:02.000 --> 00:01:05.000. "
                "Export the file again, or paste the conversation without the timings."
            )
            % {"line": 4}
        ]
    }
    assert Transcript.objects.count() == 0


def test_a_nul_character_which_postgresql_cannot_store_is_a_422_as_on_the_page(sari, session):
    status, body = post(bearer_client(sari), session, {"text": CONVERSATION + "Budi: \u0000\n"})
    assert status == 422
    # The same words as the page's paste box (tests/analyzer/test_transcript_create.py).
    assert body["errors"] == {"text": [in_indonesian("Null characters are not allowed.")]}
    assert Transcript.objects.count() == 0


def test_a_body_without_text_is_a_422(sari, session):
    status, body = post(bearer_client(sari), session, {"coach_speaker": "Sari"})
    assert status == 422
    assert list(body["errors"]) == ["text"]
    status, body = post(bearer_client(sari), session, "not json")
    assert status == 422


@pytest.mark.parametrize("megabytes", [1.5, 5])
def test_a_transcript_of_1_5_or_5_mb_is_a_422_with_the_limit_and_nothing_is_stored(sari, session, megabytes):
    text = "Sari: Apa yang Anda pikirkan?\nBudi: Banyak hal.\n" * int(megabytes * 1024 * 1024 / 47)
    body = json.dumps({"text": text})
    status, answer = post(bearer_client(sari), session, body)
    assert status == 422
    # Under Django's body limit the service measures the text; over it, the request is refused by its length.
    size = len(text.encode()) if len(body) <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE else len(body)
    with override("id"):
        assert answer["errors"] == {"text": too_big_error(size).messages}
    assert Transcript.objects.count() == 0


@pytest.mark.parametrize(("who", "status"), [("budi", 403), ("wayan", 404), ("rina", 404)])
def test_only_the_coach_may_post_a_transcript(request, session, who, status):
    code, body = post(bearer_client(request.getfixturevalue(who)), session, {"text": CONVERSATION})
    assert code == status
    assert Transcript.objects.count() == 0


def test_a_session_login_needs_the_csrf_token_to_post(sari, session):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sari)
    status, _body = post(client, session, {"text": CONVERSATION})
    assert status == 403
    assert Transcript.objects.count() == 0


def test_the_coach_reads_a_transcript_and_the_reading_is_audit_logged_as_api(sari, engagement):
    transcript = TranscriptFactory(session=SessionFactory(engagement=engagement))
    response = bearer_client(sari).get(f"/api/v1/transcripts/{transcript.pk}")
    assert response.status_code == 200
    assert response.json()["report"] == transcript.report
    event = AuditEvent.objects.get(action="transcript.read")
    assert (event.actor, event.target_id, event.via) == (sari, str(transcript.pk), "token")


@pytest.mark.parametrize(("who", "status"), [("budi", 403), ("wayan", 404), ("rina", 404), ("dewi", 404)])
def test_nobody_else_reads_it(request, engagement, who, status):
    transcript = TranscriptFactory(session=SessionFactory(engagement=engagement))
    response = bearer_client(request.getfixturevalue(who)).get(f"/api/v1/transcripts/{transcript.pk}")
    assert response.status_code == status
    assert "report" not in response.json()
    assert not AuditEvent.objects.filter(action="transcript.read").exists()


def test_the_coachee_is_told_why(budi, engagement):
    transcript = TranscriptFactory(session=SessionFactory(engagement=engagement))
    response = bearer_client(budi).get(f"/api/v1/transcripts/{transcript.pk}")
    assert response.json() == {
        "message": in_indonesian(
            "Transcripts and their analysis are the coach's own learning material; only the coach can open them."
        )
    }


def test_the_list_holds_only_my_own_analyses_without_text_or_report(sari, engagement):
    mine = TranscriptFactory(session=SessionFactory(engagement=engagement))
    TranscriptFactory(session=SessionFactory(engagement=EngagementFactory()))
    body = bearer_client(sari).get("/api/v1/transcripts").json()
    assert body["count"] == 1
    assert [item["id"] for item in body["items"]] == [mine.pk]
    assert "text" not in body["items"][0] and "report" not in body["items"][0]


def test_the_coach_deletes_a_transcript_and_others_cannot(sari, budi, engagement):
    transcript = TranscriptFactory(session=SessionFactory(engagement=engagement))
    url = f"/api/v1/transcripts/{transcript.pk}"
    assert bearer_client(budi).delete(url).status_code == 403
    assert bearer_client(sari).delete(url).status_code == 204
    assert not Transcript.objects.exists()
