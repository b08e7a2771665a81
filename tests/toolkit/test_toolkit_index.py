"""The toolkit's front page: every cheat sheet, the question bank and the printable templates, for everyone."""

import pytest

from tests.helpers import in_indonesian

pytestmark = pytest.mark.django_db

URL = "/toolkit/"


@pytest.mark.parametrize("person", ["budi", "sari", "wayan", "rina"])
def test_everyone_signed_in_finds_the_cheat_sheets_bank_and_templates(person, request, client_as):
    response = client_as(request.getfixturevalue(person)).get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    for slug in ["grow", "clear", "oscar", "micro", "smart", "sbi"]:
        assert f'href="/toolkit/cheatsheets/{slug}/"' in html
    assert 'href="/toolkit/questions/"' in html
    for slug in ["grow", "clear", "oscar", "micro"]:
        assert f'href="/toolkit/templates/{slug}.pdf"' in html


def test_the_menu_links_the_toolkit_after_my_engagements(client_as, budi):
    html = client_as(budi).get("/").content.decode()

    engagements = html.index(f'href="/coaching/">{in_indonesian("My engagements")}</a>')
    toolkit = html.index(f'href="/toolkit/">{in_indonesian("Toolkit")}</a>')
    service = html.index(f'href="/service/">{in_indonesian("Service")}</a>')
    assert engagements < toolkit < service


def test_the_page_costs_no_query_beyond_who_is_asking(client_as, budi, django_assert_num_queries):
    client = client_as(budi)
    with django_assert_num_queries(2):  # the session, the person
        client.get(URL)


def test_a_visitor_who_is_not_signed_in_is_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/toolkit/"
