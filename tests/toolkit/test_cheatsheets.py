"""Cheat sheets for GROW, CLEAR, OSCAR, micro-coaching, SMART and SBI: stages, key questions, pitfalls."""

import pytest

from tests.helpers import in_indonesian
from tests.toolkit.factories import QuestionFactory
from tumbuh.toolkit.frameworks import FRAMEWORKS
from tumbuh.toolkit.question_bank import BUILTIN_QUESTIONS

pytestmark = pytest.mark.django_db

PITFALLS = "What goes wrong, and what to do instead"
# What seed 003 saw coaches do: skip the contract, set the agenda, solve the problem, voice their opinion.
PITFALL_WARNINGS = [
    "<strong>Skipping the contract.</strong> Agree the topic, the goal, the time and confidentiality first; "
    "without it the session feels like an assessment by a superior.",
    "<strong>Setting the agenda yourself.</strong> The topic and the goal are the coachee's: ask, do not assign.",
    "<strong>Solving the problem for the coachee.</strong> When you catch yourself offering a solution "
    "(“You should…”, “Try…”), turn it into a question: “What options do you see?”",
    "<strong>Not holding back your own opinion.</strong> When the coachee's account seems wrong to you, ask "
    "what it rests on instead of correcting it.",
]


def url(slug: str) -> str:
    return f"/toolkit/cheatsheets/{slug}/"


@pytest.mark.parametrize("slug", ["grow", "clear", "oscar", "micro"])
def test_a_model_sheet_shows_each_stage_with_its_purpose_and_three_key_questions(slug, client_as, budi, bank):
    response = client_as(budi).get(url(slug))

    html = response.content.decode()
    assert response.status_code == 200
    for stage in FRAMEWORKS[slug].stages:
        assert str(stage.label) in html
        assert str(stage.purpose) in html
        assert f'href="/toolkit/questions/?framework={slug}&amp;stage={stage.code}"' in html
        key_questions = [q.text for q in BUILTIN_QUESTIONS if (q.framework, q.stage) == (slug, stage.code)][:3]
        assert [text for text in key_questions if f"<li>{text}</li>" in html] == key_questions
    assert f'href="/toolkit/templates/{slug}.pdf"' in html


def test_the_grow_sheet_shows_the_first_key_questions_of_each_stage(client_as, budi, bank):
    html = client_as(budi).get(url("grow")).content.decode()

    assert "<li>Apa yang ingin Anda capai dari percakapan kita hari ini?</li>" in html
    assert "<li>Apa yang sedang terjadi saat ini?</li>" in html
    assert "<li>Pilihan apa saja yang Anda lihat?</li>" in html
    assert "<li>Langkah pertama apa yang siap Anda ambil?</li>" in html
    # Only three per stage: the fourth Goal question is in the bank, not on the sheet.
    assert "Apa yang ingin Anda ubah dalam pekerjaan Anda dalam satu bulan ke depan?" not in html


def test_a_reader_who_chose_english_sees_the_questions_in_english(client_as, budi, bank):
    budi.language = "en"
    budi.save()

    html = client_as(budi).get(url("grow")).content.decode()

    assert "<li>What would you like to get out of our conversation today?</li>" in html
    assert "Apa yang ingin Anda capai dari percakapan kita hari ini?" not in html


@pytest.mark.parametrize("slug", ["grow", "clear", "oscar", "micro"])
def test_every_model_sheet_warns_against_what_goes_wrong_in_practice(slug, client_as, sari):
    html = client_as(sari).get(url(slug)).content.decode()

    assert in_indonesian(PITFALLS) in html
    for warning in PITFALL_WARNINGS:
        assert in_indonesian(warning) in html


def test_the_action_stage_reminds_of_owners_dates_and_the_follow_up(client_as, sari):
    html = client_as(sari).get(url("grow")).content.decode()

    assert (
        in_indonesian(
            "The coachee chooses 2–3 actions; each gets an owner and a due date. "
            "Schedule the follow-up one to two weeks later."
        )
        in html
    )


def test_a_sheet_shows_the_readers_agency_questions_but_not_other_agencies(client_as, budi):
    QuestionFactory(agency=budi.agency, framework="micro", stage="focus", text="Apa satu hal yang Anda bawa hari ini?")
    QuestionFactory(framework="micro", stage="insight", text="Apa yang berubah?", agency__name="BKN")

    html = client_as(budi).get(url("micro")).content.decode()

    assert "<li>Apa satu hal yang Anda bawa hari ini?</li>" in html
    assert "Apa yang berubah?" not in html


def test_smart_sheet_explains_each_letter_with_a_vague_and_a_smart_example(client_as, budi, bank):
    response = client_as(budi).get(url("smart"))

    html = response.content.decode()
    assert response.status_code == 200
    for letter, name in [("S", "Specific"), ("M", "Measurable"), ("A", "Achievable"), ("R", "Relevant")]:
        assert f'<span class="badge text-bg-success me-1">{letter}</span> {in_indonesian(name)}' in html
    assert f'<span class="badge text-bg-success me-1">T</span> {in_indonesian("Time-bound")}' in html
    assert html.count(f">{in_indonesian('Vague')}</div>") == 5
    assert in_indonesian("“Answer 9 in 10 complaints on SP4N-LAPOR! within 3 working days (today: 6 in 10).”") in html
    assert (
        in_indonesian(
            "<strong>Writing the goal for the coachee.</strong> A goal you formulate is your goal: keep asking until "
            "the coachee's own words are SMART."
        )
        in html
    )
    # The GROW Goal questions that sharpen a goal.
    assert "<li>Bagaimana Anda akan tahu bahwa tujuan itu sudah tercapai?</li>" in html


def test_sbi_sheet_contrasts_an_observable_behaviour_with_a_judgement(client_as, budi):
    response = client_as(budi).get(url("sbi"))

    html = response.content.decode()
    assert response.status_code == 200
    for part in ["Situation", "Behaviour", "Impact"]:
        assert in_indonesian(part) in html
    assert in_indonesian("“You are careless.”") in html
    assert in_indonesian("“The report you sent on Friday had three tables without a source.”") in html
    assert in_indonesian("Then ask, and listen (optional)") in html
    assert in_indonesian("What would you like to do differently next time?") in html


@pytest.mark.parametrize("slug", ["swot", "GROW", "pitfalls"])
def test_an_unknown_sheet_is_not_found(slug, client_as, budi):
    assert client_as(budi).get(url(slug)).status_code == 404


def test_a_sheet_costs_one_query_for_its_questions(client_as, budi, bank, django_assert_num_queries):
    client = client_as(budi)
    with django_assert_num_queries(3):  # the session, the person, the model's questions
        client.get(url("clear"))
