"""bench_seed on a database it did not fill, or filled before: it replaces only its own data, unless told to wipe.

Apart from tests/bench/test_seed.py, whose module-wide world would be in the way of an empty database.
"""

import json
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, RequestFactory

from tests.factories import EmployeeFactory
from tumbuh.bench.plan import AT_SCALE_ONE
from tumbuh.bench.world import FILLED
from tumbuh.coaching.models import Session
from tumbuh.people.models import Agency, ApiToken, Employee

TINY = 0.001
pytestmark = pytest.mark.django_db


def seed(path, *extra: str) -> dict:
    call_command("bench_seed", f"--scale={TINY}", f"--out={path}", *extra, stdout=StringIO())
    return json.loads(path.read_text())


def expected(name: str) -> int:
    return max(1, round(AT_SCALE_ONE[name] * TINY))


def api_status(token: str) -> int:
    return Client(headers={"Authorization": f"Bearer {token}"}).get("/api/v1/engagements").status_code


def logs_in(world, role: str) -> bool:
    login = world["people"][role]
    user = authenticate(RequestFactory().post("/accounts/login/"), username=login["login"], password=world["password"])
    return user is not None and user.pk == login["id"]


def test_a_second_run_on_its_own_data_regenerates_it(tmp_path):
    first = seed(tmp_path / "first.json")
    second = seed(tmp_path / "second.json")
    assert Employee.objects.count() == expected("employees")
    assert Session.objects.count() == expected("sessions")
    assert ApiToken.objects.count() == 7
    assert first["people"]["coachee"]["id"] == second["people"]["coachee"]["id"]
    assert logs_in(second, "coachee")
    # The first run's tokens went with its rows.
    assert api_status(first["people"]["coachee"]["token"]) == 401
    assert api_status(second["people"]["coachee"]["token"]) == 200
    # The sequences moved past the written ids: the ORM adds rows after them.
    assert Agency.objects.create(name="Bench Instansi baru").pk == expected("agencies") + 1


def test_it_refuses_a_database_holding_other_data(tmp_path):
    stranger = EmployeeFactory(email="someone@babelprov.go.id")
    with pytest.raises(CommandError, match="did not make"):
        seed(tmp_path / "world.json")
    assert list(Employee.objects.all()) == [stranger]
    assert not (tmp_path / "world.json").exists()


def test_wipe_replaces_other_data(tmp_path):
    EmployeeFactory(email="someone@babelprov.go.id")
    seed(tmp_path / "world.json", "--wipe")
    assert not Employee.objects.filter(email="someone@babelprov.go.id").exists()
    assert Employee.objects.count() == expected("employees")


def test_it_refuses_a_scale_too_small_for_the_named_people(tmp_path):
    with pytest.raises(CommandError, match="at least"):
        call_command("bench_seed", "--scale=0.0001", f"--out={tmp_path / 'world.json'}", stdout=StringIO())


def schema() -> dict:
    with connection.cursor() as cursor:
        return {
            model._meta.db_table: connection.introspection.get_constraints(cursor, model._meta.db_table)
            for model in FILLED
        }


def test_it_leaves_every_index_and_constraint_as_it_found_them(tmp_path):
    # On PostgreSQL the load drops the foreign keys and plain indexes and builds them again afterwards.
    before = schema()
    seed(tmp_path / "world.json")
    assert schema() == before
