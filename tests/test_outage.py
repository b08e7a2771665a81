"""Issue 15, item 4: while the database is down, the API answers its JSON error with 503 and Retry-After, the
pages a 503 that says so in Indonesian, /healthz names the database; once it is back, everything answers again.

The outage is real: the connection is pointed at a database that cannot be reached (a closed port on
PostgreSQL, a file in a folder that does not exist on SQLite), so the driver itself fails to connect.
"""

import pytest
from django.db import connection
from django.test import Client
from django.utils.translation import gettext, override

from tumbuh.common.outage import RETRY_AFTER_SECONDS
from tumbuh.people.services import create_api_token

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database(transactional_db):
    """Call .down() to cut the database off and .up() to bring it back (also done after the test)."""

    class Switch:
        saved = dict(connection.settings_dict)

        def down(self):
            connection.close()
            if connection.vendor == "sqlite":
                connection.settings_dict["NAME"] = "/nonexistent-folder/tumbuh.sqlite3"
            else:
                connection.settings_dict["HOST"], connection.settings_dict["PORT"] = "127.0.0.1", "1"

        def up(self):
            connection.close()
            connection.settings_dict.update(self.saved)

    switch = Switch()
    yield switch
    switch.up()


def outage_text() -> str:
    with override("id"):
        return gettext("Tumbuh is having a disruption")


def test_the_api_answers_503_json_with_retry_after_and_recovers(database, budi):
    _token, raw = create_api_token(employee=budi, name="uji")
    client = Client(headers={"Authorization": f"Bearer {raw}"}, raise_request_exception=False)

    database.down()
    response = client.get("/api/v1/engagements")

    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response.json()["message"]

    database.up()
    assert client.get("/api/v1/engagements").status_code == 200


def test_a_page_says_in_indonesian_that_there_is_a_disruption_and_recovers(database, client_as, budi):
    client = client_as(budi)
    client.raise_request_exception = False

    database.down()
    response = client.get("/", headers={"Accept-Language": "id"})

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert outage_text() in response.content.decode()

    database.up()
    assert client.get("/").status_code == 200


def test_healthz_names_the_database_as_down_and_then_as_ok(database):
    client = Client(raise_request_exception=False)

    database.down()
    down = client.get("/healthz")
    database.up()
    up = client.get("/healthz")

    assert (down.status_code, down.json()) == (503, {"status": "down", "database": "down"})
    assert (up.status_code, up.json()) == (200, {"status": "ok", "database": "ok"})
