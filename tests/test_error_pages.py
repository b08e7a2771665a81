"""Error pages are Tumbuh's own: in Indonesian by default, in the site's frame, with a way back."""

from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.translation import gettext, override
from django.views.defaults import bad_request, server_error


def _in_indonesian(text: str) -> str:
    with override("id"):
        return gettext(text)


def test_supervisor_opening_someone_elses_engagement_gets_an_indonesian_404_with_a_way_home(
    engagement, wayan, client_as
):
    response = client_as(wayan).get(reverse("coaching:engagement-detail", args=[engagement.pk]))
    html = response.content.decode()
    assert response.status_code == 404
    assert _in_indonesian("This page does not exist, or you do not have access to it") in html
    assert f'href="{reverse("home")}"' in html
    assert _in_indonesian("Back to the home page") in html
    assert "Not Found" not in html


def test_unknown_address_gets_the_same_page_even_before_login():
    response = Client().get("/tidak-ada/")
    html = response.content.decode()
    assert response.status_code == 404
    assert _in_indonesian("This page does not exist, or you do not have access to it") in html
    # Not logged in: the way on is the login page.
    assert f'href="{reverse("login")}"' in html


def test_refused_action_gets_an_indonesian_403(engagement, budi, client_as):
    response = client_as(budi).get(reverse("coaching:session-create", args=[engagement.pk]))
    html = response.content.decode()
    assert response.status_code == 403
    assert _in_indonesian("You may not do this") in html
    assert _in_indonesian("Back to the home page") in html


def test_error_pages_speak_english_to_someone_who_chose_it(engagement, wayan, client_as):
    wayan.language = "en"
    wayan.save(update_fields=["language"])
    response = client_as(wayan).get(reverse("coaching:engagement-detail", args=[engagement.pk]))
    assert "This page does not exist, or you do not have access to it" in response.content.decode()


def test_expired_form_says_what_to_do_instead_of_djangos_csrf_page(budi):
    client = Client(enforce_csrf_checks=True)
    client.force_login(budi)
    response = client.post(reverse("logout"))
    html = response.content.decode()
    assert response.status_code == 403
    assert _in_indonesian("The security check of this form failed") in html
    assert "CSRF verification failed" not in html


def test_server_error_page_needs_no_database_or_user_and_points_home(db):
    with override("id"):
        response = server_error(RequestFactory().get("/coaching/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert _in_indonesian("Something went wrong on our side") in html
    assert 'href="/"' in html


def test_bad_request_page_is_ours(db):
    with override("id"):
        response = bad_request(RequestFactory().get("/"), exception=None)
    assert response.status_code == 400
    assert _in_indonesian("This request could not be understood") in response.content.decode()
