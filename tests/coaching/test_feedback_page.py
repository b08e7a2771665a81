"""The SBI composer page, and the feedback on the session page: the coach writes, the coachee reads, nobody else."""

import pytest

from tests.factories import FeedbackFactory, SessionFactory
from tests.helpers import PRIVATE_NOTES, in_indonesian
from tumbuh.coaching.models import Feedback
from tumbuh.coaching.sbi import check_behaviour

pytestmark = pytest.mark.django_db

SITUATION = "Dalam rapat staf hari Senin pagi."
OBSERVED = "Anda memaparkan tiga pilihan jadwal beserta biayanya sebelum ada yang bertanya."
JUDGEMENT = "Anda orang yang tidak peduli pada tim."
IMPACT = "Rapat selesai 20 menit lebih cepat dan tim langsung bisa memilih."
QUESTION = "Apa yang membantu Anda menyiapkannya?"
CONFIRM = "I checked: this describes what I saw or heard"


@pytest.fixture
def session(engagement):
    return SessionFactory(engagement=engagement, private_notes=PRIVATE_NOTES)


def url_of(session) -> str:
    return f"/coaching/sessions/{session.pk}/feedback/new/"


def form_data(**changes) -> dict:
    return {"situation": SITUATION, "behaviour": OBSERVED, "impact": IMPACT, "reflective_question": QUESTION} | changes


def test_coach_gets_the_composer_with_labelled_fields(client_as, sari, session):
    html = client_as(sari).get(url_of(session)).content.decode()

    for field, label in [
        ("situation", "Situation"),
        ("behaviour", "Behaviour"),
        ("impact", "Impact"),
        ("reflective_question", "Reflective question (optional)"),
    ]:
        assert f'<label class="form-label" for="id_{field}">{in_indonesian(label)}' in html
    assert 'name="confirm_observable"' not in html
    assert in_indonesian("Save feedback") in html


def test_coach_saves_observable_feedback_and_returns_to_the_session(client_as, sari, session):
    response = client_as(sari).post(url_of(session), form_data())

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/sessions/{session.pk}/"
    feedback = Feedback.objects.get()
    assert (feedback.session, feedback.given_by, feedback.behaviour, feedback.reflective_question) == (
        session,
        sari,
        OBSERVED,
        QUESTION,
    )


def test_a_judgement_shows_its_hints_keeps_the_text_and_offers_the_check(client_as, sari, session):
    response = client_as(sari).post(url_of(session), form_data(behaviour=JUDGEMENT))

    html = response.content.decode()
    assert response.status_code == 200
    for hint in check_behaviour(JUDGEMENT, "id"):
        assert f'<div class="invalid-feedback d-block">{hint}</div>' in html
    assert f">\n{JUDGEMENT}</textarea>" in html
    assert f">\n{IMPACT}</textarea>" in html
    assert f'<label for="id_confirm_observable">{in_indonesian(CONFIRM)}</label>' in html
    assert Feedback.objects.count() == 0


def test_a_false_alarm_never_blocks_the_coach(client_as, sari, session):
    response = client_as(sari).post(url_of(session), form_data(behaviour=JUDGEMENT, confirm_observable="on"))

    assert response.status_code == 302
    assert Feedback.objects.get().behaviour == JUDGEMENT


def test_missing_situation_and_impact_are_named(client_as, sari, session):
    response = client_as(sari).post(url_of(session), form_data(situation="", impact=""))

    html = response.content.decode()
    assert in_indonesian("Describe the situation: when and where it happened.") in html
    assert in_indonesian("Describe the impact: what the behaviour led to, for you, the team or the work.") in html
    assert f">\n{OBSERVED}</textarea>" in html
    assert Feedback.objects.count() == 0


def test_coachee_reads_the_feedback_on_the_session_page(client_as, budi, session):
    FeedbackFactory(
        session=session, situation=SITUATION, behaviour=OBSERVED, impact=IMPACT, reflective_question=QUESTION
    )

    html = client_as(budi).get(f"/coaching/sessions/{session.pk}/").content.decode()

    assert f'<dt>{in_indonesian("Situation")}</dt><dd class="notes">{SITUATION}</dd>' in html
    assert f'<dt>{in_indonesian("Behaviour")}</dt><dd class="notes">{OBSERVED}</dd>' in html
    assert f'<dt>{in_indonesian("Impact")}</dt><dd class="notes">{IMPACT}</dd>' in html
    assert f'<dt>{in_indonesian("Question to reflect on")}</dt><dd class="notes">{QUESTION}</dd>' in html
    assert PRIVATE_NOTES not in html


def test_a_session_without_feedback_says_so(client_as, budi, session):
    html = client_as(budi).get(f"/coaching/sessions/{session.pk}/").content.decode()

    assert in_indonesian("No feedback in this session.") in html


def test_coachee_cannot_give_feedback(client_as, budi, session):
    get = client_as(budi).get(url_of(session))
    post = client_as(budi).post(url_of(session), form_data())

    assert (get.status_code, post.status_code) == (403, 403)
    assert Feedback.objects.count() == 0


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_and_see_no_feedback(client_as, session, outsider, request):
    FeedbackFactory(session=session, behaviour=OBSERVED)
    client = client_as(request.getfixturevalue(outsider))

    composer = client.post(url_of(session), form_data())
    page = client.get(f"/coaching/sessions/{session.pk}/")

    assert (composer.status_code, page.status_code) == (404, 404)
    assert OBSERVED not in page.content.decode()
    assert Feedback.objects.count() == 1


def test_anonymous_visitor_is_sent_to_log_in(client, session):
    response = client.get(url_of(session))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/sessions/{session.pk}/feedback/new/"


@pytest.mark.parametrize("item_count", [1, 3])
def test_session_page_query_count_does_not_grow_with_feedback(
    client_as, budi, session, item_count, django_assert_num_queries
):
    FeedbackFactory.create_batch(item_count, session=session)
    session.stage_notes = {"goal": "Tujuan."}
    session.canvas = "grow"
    session.save()
    client = client_as(budi)

    # Login session and user, the session with its people, its actions, follow-ups and feedback, the audit record.
    with django_assert_num_queries(7):
        response = client.get(f"/coaching/sessions/{session.pk}/")

    assert response.content.decode().count('<article class="card mb-2 feedback-item">') == item_count
