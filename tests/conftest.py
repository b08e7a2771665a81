"""The named people every test can use, as healthchecks has Alice, Bob and Charlie.

Sari coaches Budi; Wayan is Budi's direct supervisor; Rina is the agency's service admin;
Dewi is a colleague with no part in Budi's coaching.
"""

import pytest
from django.test import Client

from tests.factories import PASSWORD, AgencyFactory, CoachFactory, EmployeeFactory, EngagementFactory, UnitFactory
from tumbuh.people.models import PositionType, Role


@pytest.fixture(autouse=True)
def _immediate_tasks_and_memory_mail(settings):
    # Tasks run inline (the test runner already puts mail in mail.outbox): real messages, no worker.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # Real hashing costs ~0.3 s per person; tests hash dozens of people.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def agency(db):
    return AgencyFactory()


@pytest.fixture
def unit(agency):
    return UnitFactory(agency=agency, name="Bidang Pengembangan Kompetensi")


@pytest.fixture
def wayan(unit):
    return EmployeeFactory(
        full_name="I Wayan Sudarta",
        email="wayan@babelprov.go.id",
        unit=unit,
        agency=unit.agency,
        position="Kepala Bidang Pengembangan Kompetensi",
        position_type=PositionType.STRUCTURAL_ADMINISTRATOR,
    )


@pytest.fixture
def budi(unit, wayan):
    return EmployeeFactory(
        full_name="Budi Santoso",
        email="budi@babelprov.go.id",
        unit=unit,
        agency=unit.agency,
        supervisor=wayan,
        position="Analis SDM Aparatur",
    )


@pytest.fixture
def sari(agency):
    return CoachFactory(
        full_name="Sari Wulandari", email="sari@babelprov.go.id", agency=agency, time_zone="Asia/Makassar"
    )


@pytest.fixture
def rina(agency):
    return EmployeeFactory(
        full_name="Rina Marlina",
        email="rina@babelprov.go.id",
        agency=agency,
        is_staff=True,
        roles=[Role.SERVICE_ADMIN],
    )


@pytest.fixture
def dewi(unit):
    return EmployeeFactory(full_name="Dewi Lestari", email="dewi@babelprov.go.id", unit=unit, agency=unit.agency)


@pytest.fixture
def engagement(sari, budi):
    return EngagementFactory(coach=sari, coachee=budi, topic="Delegasi tugas di tim baru")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def client_as():
    return client_for
