"""The question bank page: built-in and own-agency questions, filtered by model and stage; admins curate it."""

import pytest
from django.utils.translation import ngettext, override

from tests.factories import AgencyFactory
from tests.helpers import in_indonesian
from tests.toolkit.factories import QuestionFactory
from tumbuh.toolkit.question_bank import BUILTIN_QUESTIONS

pytestmark = pytest.mark.django_db

URL = "/toolkit/questions/"


def counted(number: int) -> str:
    with override("id"):
        return ngettext("%(counter)s question", "%(counter)s questions", number) % {"counter": number}


def item(text: str) -> str:
    return f"\n          {text}\n"


def test_everyone_sees_the_whole_built_in_bank_grouped_by_model_and_stage(client_as, budi, bank):
    response = client_as(budi).get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert counted(len(BUILTIN_QUESTIONS)) in html
    for question in BUILTIN_QUESTIONS:
        assert item(question.text) in html
    # Models in the order they are defined, stages in the order of the conversation.
    assert html.index('<h2 class="h5">GROW</h2>') < html.index('<h2 class="h5">CLEAR</h2>')
    assert html.index("Apa yang ingin Anda capai dari") < html.index("Apa yang sedang terjadi saat ini?")


def test_filter_by_model(client_as, budi, bank):
    html = client_as(budi).get(URL, {"framework": "oscar"}).content.decode()

    assert counted(22) in html
    assert item("Hasil jangka panjang apa yang Anda inginkan?") in html
    assert "Apa yang sedang terjadi saat ini?" not in html
    assert f'href="{URL}?framework=oscar&amp;stage=choices"' in html


def test_filter_by_model_and_stage(client_as, budi, bank):
    html = client_as(budi).get(URL, {"framework": "clear", "stage": "contract"}).content.decode()

    assert counted(5) in html
    assert item("Topik apa yang ingin Anda bahas hari ini?") in html
    assert "Apa yang Anda pelajari dari situasi ini sejauh ini?" not in html


def test_an_unknown_filter_value_is_ignored(client_as, budi, bank):
    html = client_as(budi).get(URL, {"framework": "swot", "stage": "will"}).content.decode()

    assert counted(6) in html
    assert item("Langkah pertama apa yang siap Anda ambil?") in html


def test_htmx_gets_only_the_bank_for_the_new_filter(client_as, budi, bank):
    response = client_as(budi).get(URL, {"framework": "micro", "stage": "insight"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.startswith('\n<div id="bank">')
    assert "<html" not in html
    assert counted(4) in html
    assert item("Apa yang sekarang Anda lihat secara berbeda?") in html


def test_english_readers_see_the_english_question_with_the_indonesian_beneath(client_as, budi, bank):
    budi.language = "en"
    budi.save()

    html = client_as(budi).get(URL, {"framework": "grow", "stage": "goal"}).content.decode()

    assert item("What would you like to get out of our conversation today?") in html
    original = "Apa yang ingin Anda capai dari percakapan kita hari ini?"
    assert f'<div class="small text-body-secondary" lang="id">{original}</div>' in html


def test_people_see_their_own_agencys_questions_and_no_other(client_as, budi, agency):
    QuestionFactory(agency=agency, text="Apa yang akan membuat Pak Wayan yakin?")
    QuestionFactory(agency=AgencyFactory(name="Badan Kepegawaian Negara"), text="Apa rahasia BKN?")
    QuestionFactory(agency=agency, text="Apa yang sudah tidak dipakai?", is_active=False)

    html = client_as(budi).get(URL).content.decode()

    assert item("Apa yang akan membuat Pak Wayan yakin?") in html
    assert in_indonesian("added by your agency") in html
    assert "Apa rahasia BKN?" not in html
    assert "Apa yang sudah tidak dipakai?" not in html


@pytest.mark.parametrize("person", ["budi", "sari", "wayan"])
def test_people_who_are_not_admins_get_neither_the_add_form_nor_retire_buttons(person, request, client_as, agency):
    QuestionFactory(agency=agency)

    html = client_as(request.getfixturevalue(person)).get(URL).content.decode()

    assert 'action="/toolkit/questions/new/"' not in html
    assert "/retire/" not in html


def test_the_agencys_admin_gets_the_add_form_and_may_retire_only_the_agencys_questions(client_as, rina, bank):
    own = QuestionFactory(agency=rina.agency)

    html = client_as(rina).get(URL).content.decode()

    assert 'action="/toolkit/questions/new/"' in html
    assert html.count("/retire/") == 2  # the form's action and its htmx twin, for the one own question
    assert f'action="/toolkit/questions/{own.pk}/retire/"' in html


def test_the_add_form_starts_at_the_stage_being_browsed(client_as, rina):
    html = client_as(rina).get(URL, {"framework": "oscar", "stage": "review"}).content.decode()

    assert '<option value="oscar:review" selected>' in html


def test_an_empty_filter_says_so(client_as, budi):
    html = client_as(budi).get(URL, {"framework": "micro"}).content.decode()

    assert in_indonesian("No questions match this filter.") in html


@pytest.mark.parametrize("rows", [1, 3])
def test_the_page_costs_the_same_number_of_queries_however_many_questions(
    rows, client_as, rina, django_assert_num_queries
):
    QuestionFactory.create_batch(rows, agency=rina.agency)
    client = client_as(rina)
    # The session, the person, the questions, the agencies Rina runs as service admin, her roles (for the menu).
    with django_assert_num_queries(5):
        response = client.get(URL)
    assert response.content.decode().count("/retire/") == 2 * rows
