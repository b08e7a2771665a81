"""Analysing a transcript: upload or paste, choosing one's speaker when Tumbuh cannot tell, and every bad input
answered with a clear Indonesian message while nothing is stored."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import override

from tests.analyzer.factories import CONVERSATION
from tests.factories import SessionFactory
from tests.helpers import in_indonesian
from tumbuh.analyzer.models import Transcript
from tumbuh.analyzer.services import MAX_TRANSCRIPT_BYTES, too_big_error
from tumbuh.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "data" / "transcripts"
MB = 1024 * 1024


@pytest.fixture
def session(engagement):
    return SessionFactory(engagement=engagement)


@pytest.fixture
def url(session):
    return reverse("analyzer:transcript-create", args=[session.pk])


def upload(name: str, data: bytes, content_type: str = "text/vtt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def too_big_message(size: int) -> str:
    with override("id"):
        return escape(too_big_error(size).messages[0])


def assert_shows(response, msgid: str, **params) -> None:
    text = in_indonesian(msgid) % params if params else in_indonesian(msgid)
    assert escape(text) in response.content.decode()


def test_coach_sees_the_form_with_upload_and_paste(client_as, sari, url):
    response = client_as(sari).get(url)
    assert response.status_code == 200
    assert response.templates[0].name == "analyzer/transcript_form.html"
    content = response.content.decode()
    assert 'enctype="multipart/form-data"' in content
    assert 'name="upload"' in content and 'name="text"' in content


def test_zoom_file_whose_speaker_has_the_coach_name_is_analysed_at_once(client_as, sari, session, url):
    data = (FILES / "zoom.vtt").read_bytes()
    response = client_as(sari).post(url, {"upload": upload("sesi-3.vtt", data)})
    transcript = Transcript.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("analyzer:transcript-detail", args=[transcript.pk])
    assert (transcript.session, transcript.uploaded_by, transcript.coach_speaker) == (session, sari, "Sari Wulandari")
    assert (transcript.source_format, transcript.source_name) == ("vtt", "sesi-3.vtt")
    assert (transcript.word_count, transcript.coach_word_count) == (38, 21)
    assert transcript.text == data.decode("utf-8-sig")
    assert transcript.report["counts"]["open_question"] == 2
    assert (
        AuditEvent.objects.filter(actor=sari, action="transcript.analysed", target_id=str(transcript.pk)).count() == 1
    )


def test_pasted_text_is_analysed(client_as, sari, url):
    response = client_as(sari).post(url, {"text": CONVERSATION})
    transcript = Transcript.objects.get()
    assert response.status_code == 302
    assert (transcript.source_format, transcript.source_name, transcript.coach_speaker) == (
        "text",
        "",
        "Sari Wulandari",
    )
    assert transcript.report["coach_words"] == 30


def test_utf16_file_from_windows_notepad_is_read(client_as, sari, url):
    data = CONVERSATION.encode("utf-16")
    assert data[:2] == b"\xff\xfe"
    client_as(sari).post(url, {"upload": upload("sesi.txt", data, "text/plain")})
    assert Transcript.objects.get().text == CONVERSATION


def test_when_no_speaker_has_the_coach_name_the_coach_chooses_and_the_text_travels_along(client_as, sari, url):
    text = CONVERSATION.replace("Sari Wulandari:", "Coach:")
    client = client_as(sari)
    response = client.post(url, {"text": text})
    assert response.status_code == 200
    assert Transcript.objects.count() == 0
    content = response.content.decode()
    assert_shows(response, "Which speaker are you?")
    assert 'value="Coach"' in content and 'value="Budi Santoso"' in content
    assert response.context["speakers"] == [("Coach", 30), ("Budi Santoso", 17)]
    step = response.context["speaker_form"]
    assert step.initial["text"] == text

    response = client.post(url, {"step": "speaker", "text": text, "source_name": "", "coach_speaker": "Coach"})
    transcript = Transcript.objects.get()
    assert response.status_code == 302
    assert (transcript.coach_speaker, transcript.coach_word_count, transcript.text) == ("Coach", 30, text)


def test_two_speakers_sharing_the_coach_first_name_make_the_coach_choose(client_as, sari, url):
    text = "Sari Wulandari: Apa tujuan Anda?\nSari Rahma: Menyelesaikan SOP.\n"
    response = client_as(sari).post(url, {"text": text})
    assert response.context["speakers"] == [("Sari Wulandari", 3), ("Sari Rahma", 2)]
    assert Transcript.objects.count() == 0


def test_choosing_no_speaker_asks_again_and_stores_nothing(client_as, sari, url):
    text = CONVERSATION.replace("Sari Wulandari:", "Coach:")
    response = client_as(sari).post(url, {"step": "speaker", "text": text, "source_name": ""})
    assert response.status_code == 200
    assert response.context["speakers"] == [("Coach", 30), ("Budi Santoso", 17)]
    assert_shows(response, "Which of the speakers is you? Choose one of: %(names)s.", names="Coach, Budi Santoso")
    assert Transcript.objects.count() == 0


def test_a_speaker_not_in_the_transcript_is_refused(client_as, sari, url):
    text = CONVERSATION.replace("Sari Wulandari:", "Coach:")
    response = client_as(sari).post(url, {"step": "speaker", "text": text, "coach_speaker": "Dewi"})
    assert_shows(
        response,
        "“%(name)s” does not speak in this transcript. Choose one of: %(names)s.",
        name="Dewi",
        names="Coach, Budi Santoso",
    )
    assert Transcript.objects.count() == 0


def test_speaker_step_without_the_text_asks_for_the_transcript_again(client_as, sari, url):
    response = client_as(sari).post(url, {"step": "speaker", "coach_speaker": "Coach"})
    assert_shows(response, "The transcript did not come through; upload or paste it again.")
    assert Transcript.objects.count() == 0


def test_a_5_mb_file_is_refused_by_its_size_with_the_limit_and_what_to_do(client_as, sari, url):
    data = b"WEBVTT\n\n" + b"00:00:01.000 --> 00:00:02.000\nSari: Apa yang Anda pikirkan?\n\n" * 90_000
    assert len(data) > 5 * MB
    response = client_as(sari).post(url, {"upload": upload("besar.vtt", data)})
    assert response.status_code == 200
    assert too_big_message(len(data)) in response.content.decode()
    assert Transcript.objects.count() == 0


def test_a_5_mb_paste_beyond_djangos_body_limit_gets_the_same_clear_message_even_with_csrf_checks(sari, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sari)
    text = "Sari: Apa yang Anda pikirkan?\nBudi: Banyak hal.\n" * 110_000
    assert len(text) > 5 * MB
    response = client.post(url, {"text": text})
    assert response.status_code == 413
    assert too_big_message(int(response.wsgi_request.META["CONTENT_LENGTH"])) in response.content.decode()
    assert text[:200] not in response.content.decode()
    assert Transcript.objects.count() == 0


def test_the_csrf_check_still_guards_a_normal_post(sari, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sari)
    response = client.post(url, {"text": CONVERSATION})
    assert response.status_code == 403
    assert Transcript.objects.count() == 0


def test_a_paste_just_over_1_mb_is_refused_and_not_sent_back(client_as, sari, url):
    text = "Sari: Apa yang Anda pikirkan?\nBudi: Banyak hal.\n" * 25_000
    assert MAX_TRANSCRIPT_BYTES <= len(text.encode()) < 2 * MB
    response = client_as(sari).post(url, {"text": text})
    assert response.status_code == 200
    with override("id"):
        assert response.context["problems"] == too_big_error(len(text.encode())).messages
    assert response.context["form"]["text"].value() == ""
    assert escape(in_indonesian("The transcript is empty. Upload the .vtt file or paste the conversation.")) not in (
        response.content.decode()
    )
    assert Transcript.objects.count() == 0


def test_a_paste_with_30000_speakers_is_refused_with_the_limit_and_nothing_is_stored(client_as, sari, url):
    text = "".join(f"Pak{i:05d}: Ya.\n" for i in range(30_000))
    response = client_as(sari).post(url, {"text": text})
    assert response.status_code == 200
    assert_shows(
        response,
        "The transcript names %(count)s speakers; Tumbuh analyses conversations of at most %(limit)s. "
        "Check that only a speaker's name is followed by a colon at the start of a line, or keep only the "
        "part of the transcript with your coaching conversation.",
        count="30000",
        limit=20,
    )
    assert (Transcript.objects.count(), AuditEvent.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("data", "msgid", "params"),
    [
        (
            b"",
            "The transcript is empty. Upload the .vtt file or paste the conversation.",
            {},
        ),
        (
            b"WEBVTT\n\n",
            "This WebVTT file has no captions. Export the transcript again once the recording has been processed.",
            {},
        ),
        (
            b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\nSari: Halo\n",
            "Line %(line)s: the timing is broken. It must look like 00:01:02.000 --> 00:01:05.000. "
            "Export the file again, or paste the conversation without the timings.",
            {"line": 4},
        ),
        (
            b"1\n00:00:01.000 --> 00:00:02.000\nSari: Halo\n",
            "Line %(line)s has a timing, like a WebVTT file, but the file does not start with the line WEBVTT. "
            "Export the transcript again from Zoom, Google Meet or Teams, or add WEBVTT as the first line.",
            {"line": 2},
        ),
        (
            b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nSelamat pagi semua\n",
            "No speaker names were found. Each line or caption must start with the speaker's name and a colon, "
            "such as “Sari: Selamat pagi”. Turn on speaker names when you export the transcript.",
            {},
        ),
        (
            "Sari: Halo\n".encode("latin-1") + b"\xe9\xff\n",
            "The file is not UTF-8 text. Open it in a text editor, save it with the UTF-8 encoding and upload it "
            "again.",
            {},
        ),
    ],
)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_is_stored(client_as, sari, url, data, msgid, params):
    response = client_as(sari).post(url, {"upload": upload("sesi.vtt", data)})
    assert response.status_code == 200
    assert_shows(response, msgid, **params)
    assert Transcript.objects.count() == 0


def test_a_fixable_uploaded_text_comes_back_in_the_paste_box(client_as, sari, url):
    data = b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\nSari: Halo\n"
    response = client_as(sari).post(url, {"upload": upload("sesi.vtt", data)})
    assert response.context["form"]["text"].value() == data.decode()


def test_a_pasted_nul_character_is_refused(client_as, sari, url):
    response = client_as(sari).post(url, {"text": CONVERSATION + "Budi: \x00\n"})
    assert_shows(response, "Null characters are not allowed.")
    assert Transcript.objects.count() == 0


def test_file_and_pasted_text_together_are_refused(client_as, sari, url):
    data = (FILES / "zoom.vtt").read_bytes()
    response = client_as(sari).post(url, {"upload": upload("a.vtt", data), "text": CONVERSATION})
    assert_shows(response, "Upload a file or paste the text, not both.")
    assert Transcript.objects.count() == 0


@pytest.mark.parametrize(("who", "status"), [("budi", 403), ("wayan", 404), ("rina", 404), ("dewi", 404)])
def test_only_the_coach_may_analyse_a_transcript_of_the_session(request, client_as, url, who, status):
    client = client_as(request.getfixturevalue(who))
    assert client.get(url).status_code == status
    assert client.post(url, {"text": CONVERSATION}).status_code == status
    assert Transcript.objects.count() == 0


def test_the_session_page_links_the_coach_and_only_the_coach_to_the_analyzer(client_as, sari, budi, session, url):
    page = reverse("coaching:session-detail", args=[session.pk])
    label = escape(in_indonesian("Analyse a transcript"))
    assert f'href="{url}">{label}</a>' in client_as(sari).get(page).content.decode()
    assert url not in client_as(budi).get(page).content.decode()
