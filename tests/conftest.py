"""The named people every test can use, as healthchecks has Alice, Bob and Charlie.

Sari coaches Budi; Wayan is Budi's direct supervisor; Rina is the agency's service admin;
Dewi is a colleague with no part in Budi's coaching. (tests/cast.py builds them.)
"""

import os
from importlib import import_module

import pytest
from django.conf import settings as django_settings
from django.contrib import auth
from django.db import connections
from django.test import Client, override_settings
from django.utils.translation import override
from hypothesis import settings as hypothesis_settings

from tests import cast
from tests.factories import PASSWORD, AgencyFactory, EmployeeFactory

# Property tests: a quick pass locally, the full count in CI (.ci/run exports CI=true); tests/api/test_fuzz.py
# reads the profile's name too. No deadline in CI: a loaded machine must not fail a test on time (conventions).
hypothesis_settings.register_profile("dev", max_examples=20)
hypothesis_settings.register_profile("ci", max_examples=100, deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


@pytest.fixture(scope="session", autouse=True)
def _immediate_tasks_and_memory_mail():
    # Tasks run inline (the test runner already puts mail in mail.outbox): real messages, no worker.
    # Once for the session, before any world is built: per test, the three changes cost ~2 s over the suite.
    storages = {
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(TASKS=cast.IMMEDIATE_TASKS, PASSWORD_HASHERS=cast.FAST_HASHERS, STORAGES=storages):
        yield


def pytest_sessionfinish(session):
    # A pytest-xdist worker's SQLite test database (var/test-<pid>.sqlite3_gw<n>) is gone by now, but a
    # connection the live server held can leave its -wal and -shm files behind: remove them with it.
    connection = connections["default"]
    name = str(connection.settings_dict.get("TEST", {}).get("NAME") or "")
    if connection.vendor == "sqlite" and name and not os.path.exists(name):
        for leftover in (f"{name}-wal", f"{name}-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def agency(db):
    return cast.new_agency()


@pytest.fixture
def unit(agency):
    return cast.new_unit(agency)


@pytest.fixture
def wayan(unit):
    return cast.new_wayan(unit)


@pytest.fixture
def budi(unit, wayan):
    return cast.new_budi(unit, wayan)


@pytest.fixture
def sari(agency):
    return cast.new_sari(agency)


@pytest.fixture
def rina(agency):
    return cast.new_rina(agency)


@pytest.fixture
def dewi(unit):
    return cast.new_dewi(unit)


@pytest.fixture
def engagement(sari, budi):
    return cast.new_engagement(sari, budi)


@pytest.fixture
def platform_admin(db):
    """A platform admin, of no agency."""
    return EmployeeFactory(full_name="Admin Tumbuh", nip=None, agency=None, unit=None, is_staff=True, is_superuser=True)


@pytest.fixture
def other_agency(db):
    """A second agency, whose people and records Rina never sees."""
    return AgencyFactory(name="Pemerintah Kabupaten Bangka", short_name="Pemkab Bangka")


@pytest.fixture
def back_office_in_english(rina, platform_admin):
    """The test and the back-office (as Rina and the platform admin read it) in English: messages match their msgids."""
    for person in (rina, platform_admin):
        person.language = "en"
        person.save(update_fields=["language"])
    with override("en"):
        yield


def client_for(user) -> Client:
    """A client signed in as USER: the session Django's login() would write, without the login's side effects.

    force_login() sends user_logged_in, on which django-axes writes an access log and clears failed attempts
    (~4 ms a client, over a thousand clients). tests/people/test_login.py goes through the real login page.
    """
    client = Client()
    session = import_module(django_settings.SESSION_ENGINE).SessionStore()
    session[auth.SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[auth.BACKEND_SESSION_KEY] = "tumbuh.people.backends.NipOrEmailBackend"
    session[auth.HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = session.session_key
    return client


@pytest.fixture
def client_as():
    return client_for
