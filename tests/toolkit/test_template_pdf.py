"""Printable session templates: an A4 PDF per model, with blanks, stages, key questions and the follow-up line."""

import io

import pypdf
import pytest

from tests.helpers import in_indonesian
from tests.toolkit.factories import QuestionFactory
from tumbuh.toolkit.frameworks import FRAMEWORKS

pytestmark = pytest.mark.django_db

A4 = (595, 842)  # points, rounded


def url(slug: str) -> str:
    return f"/toolkit/templates/{slug}.pdf"


def read(response) -> pypdf.PdfReader:
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(content))


def text_of(reader: pypdf.PdfReader) -> str:
    # Words wrap across lines in the PDF; compare with single spaces.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize(("slug", "pages"), [("grow", 2), ("clear", 2), ("oscar", 2), ("micro", 1)])
def test_each_model_prints_on_a4_with_every_stage(slug, pages, client_as, budi, bank):
    response = client_as(budi).get(url(slug))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    filename = in_indonesian("session-template-%(model)s.pdf") % {"model": slug}
    assert response["Content-Disposition"] == f'inline; filename="{filename}"'
    reader = read(response)
    assert len(reader.pages) == pages
    assert {(round(page.mediabox.width), round(page.mediabox.height)) for page in reader.pages} == {A4}
    text = text_of(reader)
    for number, stage in enumerate(FRAMEWORKS[slug].stages, start=1):
        assert f"{number}. {stage.label}" in text
        assert str(stage.purpose) in text


def test_the_grow_template_has_blanks_questions_an_action_table_and_the_follow_up(client_as, budi, bank):
    text = text_of(read(client_as(budi).get(url("grow"))))

    for label in ["Coach", "Coachee", "Date", "Topic"]:
        assert in_indonesian(label) in text
    assert "Apa yang ingin Anda capai dari percakapan kita hari ini?" in text
    assert "Langkah pertama apa yang siap Anda ambil?" in text
    # Three key questions per stage, not the whole bank.
    assert "Apa yang ingin Anda ubah dalam pekerjaan Anda dalam satu bulan ke depan?" not in text
    assert f"{in_indonesian('Action')} {in_indonesian('Owner')} {in_indonesian('Due date')}" in text
    assert in_indonesian("Follow-up session (7–14 days later):") in text
    contract = "Contract agreed for today: topic and goal chosen by the coachee, time, confidentiality."
    assert in_indonesian(contract) in text


def test_the_template_is_written_in_the_readers_language(client_as, budi, bank):
    budi.language = "en"
    budi.save()

    text = text_of(read(client_as(budi).get(url("micro"))))

    assert "Micro-coaching session template" in text
    assert "1. Focus" in text
    assert "In these ten minutes, what is the one thing you would most like to resolve?" in text
    assert "Dalam sepuluh menit ini" not in text


def test_the_agencys_own_questions_can_appear_among_the_key_questions(client_as, budi):
    QuestionFactory(agency=budi.agency, framework="clear", stage="review", text="Apa yang akan Anda ceritakan?")

    text = text_of(read(client_as(budi).get(url("clear"))))

    assert "Apa yang akan Anda ceritakan?" in text


@pytest.mark.parametrize("slug", ["smart", "sbi", "free"])
def test_there_is_no_template_for_anything_but_a_conversation_model(slug, client_as, budi):
    assert client_as(budi).get(url(slug)).status_code == 404
