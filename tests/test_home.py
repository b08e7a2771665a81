"""The start page: my open actions and my open engagements, in my language."""

import datetime

import pytest
from django.utils import timezone
from django.utils.translation import gettext, override

from tests.factories import ActionItemFactory, EngagementFactory
from tumbuh.coaching.models import EngagementStatus

pytestmark = pytest.mark.django_db


def in_indonesian(msgid: str, **values) -> str:
    """MSGID as the page shows it to these people, whose profile language is Indonesian."""
    with override("id"):
        return gettext(msgid) % values if values else gettext(msgid)


@pytest.fixture
def actions(engagement, sari, budi):
    today = timezone.localdate()
    return {
        "budi": ActionItemFactory(
            engagement=engagement,
            title="Serahkan laporan bulanan kepada Andi",
            owner=budi,
            due_on=today + datetime.timedelta(days=3),
        ),
        "budi_done": ActionItemFactory(
            engagement=engagement, title="Baca buku delegasi", owner=budi, done_at=timezone.now(), done_by=budi
        ),
        "sari": ActionItemFactory(
            engagement=engagement,
            title="Kirim bacaan tentang delegasi",
            owner=sari,
            due_on=today + datetime.timedelta(days=5),
        ),
    }


def test_coachee_sees_their_own_open_actions_and_their_coach(client_as, budi, engagement, actions):
    response = client_as(budi).get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="h3 mb-3">{in_indonesian("Hello, %(name)s", name="Budi")}</h1>' in html
    assert f'<a href="/coaching/engagements/{engagement.pk}/">Serahkan laporan bulanan kepada Andi</a>' in html
    assert "Baca buku delegasi" not in html
    assert "Kirim bacaan tentang delegasi" not in html
    assert f'<a href="/coaching/engagements/{engagement.pk}/">Delegasi tugas di tim baru</a>' in html
    assert in_indonesian("with %(name)s", name="Sari Wulandari") in html


def test_coach_sees_her_own_open_actions_and_whom_she_coaches(client_as, sari, engagement, actions):
    html = client_as(sari).get("/").content.decode()

    assert f'<a href="/coaching/engagements/{engagement.pk}/">Kirim bacaan tentang delegasi</a>' in html
    assert "Serahkan laporan bulanan kepada Andi" not in html
    assert f'<a href="/coaching/engagements/{engagement.pk}/">Delegasi tugas di tim baru</a>' in html
    assert in_indonesian("you accompany %(name)s", name="Budi Santoso") in html


def test_overdue_action_is_marked(client_as, budi, engagement):
    ActionItemFactory(
        engagement=engagement, owner=budi, title="Isi formulir", due_on=timezone.localdate() - datetime.timedelta(2)
    )

    html = client_as(budi).get("/").content.decode()

    assert '<span class="text-nowrap small text-danger fw-semibold">' in html


def test_closed_engagements_are_not_on_the_start_page(client_as, sari, budi, engagement):
    EngagementFactory(coach=sari, coachee=budi, topic="Pendampingan tahun lalu", status=EngagementStatus.COMPLETED)

    html = client_as(budi).get("/").content.decode()

    assert "Delegasi tugas di tim baru" in html
    assert "Pendampingan tahun lalu" not in html


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_see_none_of_it(client_as, engagement, actions, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Delegasi tugas di tim baru" not in html
    assert "Serahkan laporan bulanan kepada Andi" not in html
    assert in_indonesian("No open actions. Well done.") in html
    assert in_indonesian("You have no active coaching, mentoring or consulting yet.") in html


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_page_is_in_indonesian_by_default(client_as, budi):
    html = client_as(budi).get("/").content.decode()

    assert '<html lang="id">' in html
    assert in_indonesian("My open actions") in html
    assert "My open actions" not in html


def test_page_is_in_english_after_switching_language(client_as, budi):
    client = client_as(budi)

    switch = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()

    assert switch.status_code == 302
    assert switch["Location"] == "/"
    assert '<html lang="en">' in html
    assert "My open actions" in html
    assert '<h1 class="h3 mb-3">Hello, Budi</h1>' in html


def test_page_is_in_english_for_someone_whose_profile_says_english(client_as, budi):
    budi.language = "en"
    budi.save(update_fields=["language"])

    html = client_as(budi).get("/").content.decode()

    assert '<html lang="en">' in html
    assert "My open actions" in html


@pytest.mark.parametrize("item_count", [1, 3])
def test_home_query_count_does_not_grow(client_as, sari, budi, dewi, wayan, item_count, django_assert_num_queries):
    for coachee in [budi, dewi, wayan][:item_count]:
        engagement = EngagementFactory(coach=sari, coachee=coachee)
        ActionItemFactory(engagement=engagement, owner=sari)
    client = client_as(sari)

    with django_assert_num_queries(4):
        response = client.get("/")

    html = response.content.decode()
    assert html.count('<li class="list-group-item px-0 d-flex') == item_count
    assert html.count('<li class="list-group-item px-0">') == item_count
