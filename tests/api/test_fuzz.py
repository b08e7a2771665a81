"""schemathesis over every operation of /api/v1/openapi.json, in-process, as a coachee and as a coach.

Each operation gets generated requests (valid and invalid ones) against a small world of real objects: the
path's ids are either generated or those of the world, so the fuzzer reaches past the 404s. Every answer
must be a documented status (never a 5xx), with a body that matches its declared schema and content type,
and a request the document forbids must be refused.
Bounded: FUZZ_EXAMPLES examples per operation and role (25 in CI, fewer locally), derandomized, so a run is
reproducible and takes a couple of minutes on a 2-core machine.
"""

import datetime
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from ninja.responses import NinjaJSONEncoder
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.analyzer.factories import TranscriptFactory
from tests.factories import (
    ActionItemFactory,
    ContractFactory,
    FeedbackFactory,
    GoalFactory,
    GoalProgressFactory,
    PeerInvitationFactory,
    SessionFactory,
)
from tests.service.factories import (
    AcceptedRequestFactory,
    ProviderProfileFactory,
    TopicFactory,
    WeeklyAvailabilityFactory,
)
from tests.toolkit.factories import QuestionFactory
from tumbuh.api import api
from tumbuh.people.services import create_api_token

pytestmark = pytest.mark.django_db

# The hypothesis profile decides (tests/conftest.py loads it): 25 per operation and role in CI, a quick 8 locally.
FUZZ_EXAMPLES = 25 if settings.get_current_profile_name() == "ci" else 8
# No 5xx; status, content type and body as documented; and what the document forbids is refused (4xx).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]

# The document as /api/v1/openapi.json serves it (tests/api/test_openapi.py checks that they are the same).
DOCUMENT = json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))
schema = schemathesis.openapi.from_dict(DOCUMENT)
schema.app = get_wsgi_application()

# The ids of the current test's world, read by the hooks below; set by the `world` fixture.
WORLD: dict[str, int] = {}


def _with_world_ids(generated):
    """The generated ids swapped for the world's, or (as hypothesis draws it) kept as generated."""

    def choose(drawn):
        value, keep_generated = drawn
        if keep_generated or not isinstance(value, dict):
            return value
        return {name: WORLD.get(name, item) for name, item in value.items()}

    # One strategy built per operation (a flatmap would build one for every example drawn); two draws in three
    # take the world's ids, to reach past the 404s.
    return st.tuples(generated, st.sampled_from((False, False, True))).map(choose)


@schema.hook
def before_generate_path_parameters(context, strategy):
    return _with_world_ids(strategy)


@schema.hook
def before_generate_body(context, strategy):
    return _with_world_ids(strategy)


@pytest.fixture(autouse=True)
def _one_connection():
    # The WSGI handler closes the connection after each request; the test's transaction must outlive it.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(budi, sari, dewi, engagement):
    """One of everything the API can address, between coachee Budi and coach Sari."""
    session = SessionFactory(engagement=engagement, canvas="grow")
    goal = GoalFactory(engagement=engagement, target_date=timezone.localdate() + datetime.timedelta(days=60))
    GoalProgressFactory(goal=goal)
    profile = ProviderProfileFactory(employee=sari)
    WeeklyAvailabilityFactory(provider=profile)
    topic = TopicFactory(agency=budi.agency)
    service_request = AcceptedRequestFactory(requester=budi, provider=sari, topic=topic)
    WORLD.clear()
    WORLD.update(
        engagement_id=engagement.pk,
        session_id=session.pk,
        goal_id=goal.pk,
        action_id=ActionItemFactory(engagement=engagement).pk,
        contract_id=ContractFactory(engagement=engagement).pk,
        invitation_id=PeerInvitationFactory(invited_by=dewi, invitee=budi).pk,
        request_id=service_request.pk,
        profile_id=profile.pk,
        question_id=QuestionFactory(agency=budi.agency).pk,
        pk=TranscriptFactory(session=session).pk,
        topic_id=topic.pk,
        owner_id=budi.pk,
        provider_id=sari.pk,
        # Sessions and goals start at version 1: the versioned writes get past their conflict check.
        version=1,
    )
    FeedbackFactory(session=session)
    yield WORLD
    WORLD.clear()


@pytest.fixture(params=["coachee", "coach"])
def token(request, world, budi, sari):
    person = {"coachee": budi, "coach": sari}[request.param]
    return create_api_token(employee=person, name="fuzz")[1]


@schema.parametrize()
@settings(
    max_examples=FUZZ_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
