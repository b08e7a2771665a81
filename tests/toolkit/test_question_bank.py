"""The built-in question bank is good coaching material: open questions, for every stage, in both languages."""

import re
from collections import Counter

import pytest

from tumbuh.toolkit.frameworks import FRAMEWORKS
from tumbuh.toolkit.question_bank import BUILTIN_QUESTIONS

ALL_STAGES = {(framework.code, stage.code) for framework in FRAMEWORKS.values() for stage in framework.stages}
# Words that close a question (the answer is yes or no) or slip advice into it.
CLOSED = re.compile(
    r"\b(apa|bisa|sudah|ada|mau|benar|siap|perlu|harus|bukan|dapat|pernah|akan|boleh)kah\b", re.IGNORECASE
)
ADVICE = ("sebaiknya", "harus", "bagaimana kalau", "coba anda", "saran saya")


def test_the_bank_holds_more_than_sixty_questions():
    assert len(BUILTIN_QUESTIONS) == 84


def test_every_stage_code_is_a_stage_of_its_model():
    assert {(q.framework, q.stage) for q in BUILTIN_QUESTIONS} <= ALL_STAGES


def test_every_stage_of_every_model_has_at_least_three_questions():
    per_stage = Counter((q.framework, q.stage) for q in BUILTIN_QUESTIONS)
    assert {stage: count for stage, count in per_stage.items() if count < 3} == {}
    assert set(per_stage) == ALL_STAGES


@pytest.mark.parametrize("question", BUILTIN_QUESTIONS, ids=lambda q: f"{q.framework}-{q.stage}-{q.text[:30]}")
def test_each_question_is_open_and_gives_no_advice(question):
    assert question.text.endswith("?")
    assert question.text_en.endswith("?")
    assert not question.text.lower().startswith("apakah")
    assert CLOSED.search(question.text) is None
    assert [word for word in ADVICE if word in question.text.lower()] == []
    assert question.text == " ".join(question.text.split())
    assert len(question.text) <= 300 and len(question.text_en) <= 300


def test_no_question_appears_twice():
    texts = [q.text.lower() for q in BUILTIN_QUESTIONS]
    english = [q.text_en.lower() for q in BUILTIN_QUESTIONS]
    assert [text for text, count in Counter(texts).items() if count > 1] == []
    assert [text for text, count in Counter(english).items() if count > 1] == []


def test_the_coachee_is_addressed_formally():
    informal = [q.text for q in BUILTIN_QUESTIONS if re.search(r"\b(kamu|kau|engkau|dirimu|kalian)\b", q.text, re.I)]
    assert informal == []
