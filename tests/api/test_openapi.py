"""The OpenAPI document tells the truth: error answers documented, formats as sent (issue 8, item 11)."""

import json
import re

import pytest
from django.test import Client
from ninja.responses import NinjaJSONEncoder

from tests.analyzer.factories import TranscriptFactory
from tests.factories import SessionFactory
from tests.helpers import in_indonesian
from tests.service.factories import ProviderProfileFactory
from tumbuh.api import api
from tumbuh.people.services import create_api_token

pytestmark = pytest.mark.django_db

DOCUMENT = json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))
ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}


def bearer_client(user) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_the_served_document_is_the_one_the_fuzzer_reads(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response.json() == DOCUMENT


def test_every_operation_documents_its_error_answers_with_the_error_body():
    operations = [(path, method, op) for path, item in DOCUMENT["paths"].items() for method, op in item.items()]

    assert len(operations) == 55
    for path, method, operation in operations:
        for status in ("401", "403", "422"):
            assert operation["responses"][status]["content"] == ERROR, (method, path, status)
        if "{" in path:
            assert operation["responses"]["404"]["content"] == ERROR, (method, path)
        if method in ("post", "put", "patch", "delete"):
            assert operation["responses"]["400"]["content"] == ERROR, (method, path)


def test_the_error_body_is_a_message_and_errors_per_field():
    assert DOCUMENT["components"]["schemas"]["ErrorOut"] == {
        "title": "ErrorOut",
        "description": "Every error the API sends: a message in the caller's language, and per field what to fix.",
        "type": "object",
        "properties": {
            "message": {"title": "Message", "type": "string"},
            "errors": {
                "anyOf": [
                    {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
                    {"type": "null"},
                ],
                "title": "Errors",
                "description": "Per field (dotted path for nested ones; __all__ for the whole input), what to fix.",
            },
        },
        "required": ["message"],
    }


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("put", "/api/v1/sessions/{session_id}"),
        ("put", "/api/v1/sessions/{session_id}/canvas"),
        ("put", "/api/v1/goals/{goal_id}"),
        ("post", "/api/v1/engagements/{engagement_id}/contracts"),
    ],
)
def test_writes_that_send_a_version_document_the_409_conflict(method, path):
    assert DOCUMENT["paths"][path][method]["responses"]["409"]["content"] == ERROR


def test_a_weekly_windows_times_are_sent_as_the_document_declares_them(sari):
    ProviderProfileFactory(employee=sari)
    declared = DOCUMENT["components"]["schemas"]["WeeklyWindowOut"]["properties"]["start_time"]

    response = bearer_client(sari).post(
        "/api/v1/service/availability", {"weekday": 1, "start_time": "09:00", "end_time": "12:00"}, "application/json"
    )

    assert response.status_code == 201
    assert response.json()["start_time"] == "09:00:00"
    assert "format" not in declared  # JSON Schema's "time" demands an offset, which a wall-clock time has not
    assert re.match(declared["pattern"], "09:00:00")


def test_a_transcript_id_that_is_not_a_number_is_a_json_422_not_an_html_404(sari, engagement):
    TranscriptFactory(session=SessionFactory(engagement=engagement))

    response = bearer_client(sari).get("/api/v1/transcripts/null,null")

    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {
        "message": in_indonesian("Some fields need fixing."),
        "errors": {"pk": [in_indonesian("Enter a whole number.")]},
    }
