"""The named people of tests/conftest.py as plain builders, and the way to build a world once per module.

The fixtures in conftest.py call these builders; a module that builds its world once (the access matrices)
calls them inside `built_once`, so both worlds hold the same people.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction

from tests.factories import AgencyFactory, CoachFactory, EmployeeFactory, EngagementFactory, UnitFactory
from tumbuh.people.models import PositionType, Role

# What every test and every module's world runs with (the session's autouse fixture in conftest.py).
IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Real hashing costs ~0.3 s per person; tests hash dozens of people.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def built_once(django_db_blocker) -> Iterator[None]:
    """For a module-scoped world: its rows live in a transaction rolled back when the module ends.

    Each test of the module still runs in its own savepoint (pytest-django's `db`), rolled back after it,
    so a write in one case never reaches another.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def new_unit(agency):
    return UnitFactory(agency=agency, name="Bidang Pengembangan Kompetensi")


def new_wayan(unit):
    return EmployeeFactory(
        full_name="I Wayan Sudarta",
        email="wayan@babelprov.go.id",
        unit=unit,
        agency=unit.agency,
        position="Kepala Bidang Pengembangan Kompetensi",
        position_type=PositionType.STRUCTURAL_ADMINISTRATOR,
    )


def new_budi(unit, wayan):
    return EmployeeFactory(
        full_name="Budi Santoso",
        email="budi@babelprov.go.id",
        unit=unit,
        agency=unit.agency,
        supervisor=wayan,
        position="Analis SDM Aparatur",
    )


def new_sari(agency):
    return CoachFactory(
        full_name="Sari Wulandari", email="sari@babelprov.go.id", agency=agency, time_zone="Asia/Makassar"
    )


def new_rina(agency):
    return EmployeeFactory(
        full_name="Rina Marlina",
        email="rina@babelprov.go.id",
        agency=agency,
        is_staff=True,
        roles=[Role.SERVICE_ADMIN],
    )


def new_dewi(unit):
    return EmployeeFactory(full_name="Dewi Lestari", email="dewi@babelprov.go.id", unit=unit, agency=unit.agency)


def new_engagement(sari, budi):
    return EngagementFactory(coach=sari, coachee=budi, topic="Delegasi tugas di tim baru")


def new_agency():
    return AgencyFactory()
