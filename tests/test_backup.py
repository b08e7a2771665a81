"""Issue 15, item 5: a backup restores into a fresh database, and a person logs in there with their password.

Real tools end to end: pg_dump/pg_restore on PostgreSQL, SQLite's online backup; the restore and the login run
as separate `manage.py` processes against the new database, as an operator would run them.
"""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connection

from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "pulih-dari-cadangan-2026"
LOGIN = """
from django.contrib.auth import authenticate
from django.test import RequestFactory
person = authenticate(RequestFactory().post("/accounts/login/"), username="{login}", password="{password}")
print("LOGGED IN" if person else "REFUSED")
"""


@pytest.fixture
def fresh_database(tmp_path):
    """The URL of a new, empty database of the same engine, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    db = connection.settings_dict
    name = f"{db['NAME']}_restored"
    server = f"postgresql://{db.get('USER') or 'postgres'}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, database_url, var_dir):
    env = {**os.environ, "DATABASE_URL": database_url, "TUMBUH_VAR_DIR": str(var_dir)}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )


def test_a_backup_restores_into_a_fresh_database_with_its_files_and_people_log_in(fresh_database, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media-before"
    (settings.MEDIA_ROOT / "exports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "exports" / "laporan.xlsx").write_bytes(b"isi ekspor")
    person = EmployeeFactory(
        email="pulih@babelprov.go.id",
        password=PBKDF2PasswordHasher().encode(PASSWORD, "garam-uji-2026", iterations=1000),
    )

    call_command("backup", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    restored_var = tmp_path / "var-after"

    restore = manage("restore", str(folder), database_url=fresh_database, var_dir=restored_var)
    login = manage(
        "shell",
        "-c",
        LOGIN.format(login=person.nip, password=PASSWORD),
        database_url=fresh_database,
        var_dir=restored_var,
    )
    wrong = manage(
        "shell",
        "-c",
        LOGIN.format(login=person.nip, password="salah"),
        database_url=fresh_database,
        var_dir=restored_var,
    )

    assert restore.returncode == 0, restore.stderr
    assert "LOGGED IN" in login.stdout, login.stderr
    assert "REFUSED" in wrong.stdout, wrong.stderr
    assert (restored_var / "media" / "exports" / "laporan.xlsx").read_bytes() == b"isi ekspor"
    assert (folder / "secret-key").read_text() == settings.SECRET_KEY
    assert oct((folder / "secret-key").stat().st_mode & 0o777) == "0o600"


def test_a_restore_refuses_a_database_that_holds_tables_and_changes_nothing(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    EmployeeFactory(email="tetap@babelprov.go.id")
    call_command("backup", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()

    with pytest.raises(Exception, match="not empty"):
        call_command("restore", str(folder))

    assert connection.introspection.table_names()
