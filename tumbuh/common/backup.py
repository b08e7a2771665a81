"""Backup and restore: the database, the files under MEDIA_ROOT (exports, uploads) and the secret key.

A backup is a folder: `database.dump` (PostgreSQL's pg_dump custom format) or `database.sqlite3` (SQLite's
online backup), `media.tar.gz`, `secret-key` (mode 0600: whoever holds the backup can forge sessions, so keep
it as safe as the key) and `manifest.json`. docs/operations.md says how often and where.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"


class RestoreRefused(Exception):
    """The target is not fit to restore into; nothing was changed."""


def _postgres_args(settings_dict: dict) -> tuple[list[str], dict]:
    args = ["--host", settings_dict.get("HOST") or "localhost", "--port", str(settings_dict.get("PORT") or 5432)]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    env = {**os.environ, "PGPASSWORD": settings_dict.get("PASSWORD") or ""}
    return args, env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RestoreRefused(f"{name} is not installed (Debian: postgresql-client)")
    return path


def make_backup(into: Path) -> Path:
    """Write a backup of the current database, media and key to a new folder under INTO; return that folder."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = Path(into) / f"tumbuh-{stamp}"
    folder.mkdir(parents=True)
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        args, env = _postgres_args(db)
        dump = folder / "database.dump"
        command = [_tool("pg_dump"), "--format=custom", "--no-owner", *args, "--file", str(dump), db["NAME"]]
        subprocess.run(command, env=env, check=True)  # noqa: S603 (our settings' database, not user input)
    else:
        source, target = sqlite3.connect(db["NAME"]), sqlite3.connect(folder / "database.sqlite3")
        with target:
            source.backup(target)
        source.close()
        target.close()
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname=".")
    key = folder / "secret-key"
    key.write_text(settings.SECRET_KEY)
    key.chmod(0o600)
    manifest = {"made_at": stamp, "engine": connection.vendor, "database": db["NAME"]}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return folder


def restore_backup(folder: Path) -> None:
    """Restore FOLDER into the current (empty) database and MEDIA_ROOT; refuse a database that holds tables."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    if manifest["engine"] != connection.vendor:
        raise RestoreRefused(f"the backup is of {manifest['engine']}, this database is {connection.vendor}")
    if connection.introspection.table_names():
        raise RestoreRefused("the database is not empty: restore into a new, empty database")
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        args, env = _postgres_args(db)
        dump = str(folder / "database.dump")
        command = [_tool("pg_restore"), "--no-owner", "--exit-on-error", *args, "--dbname", db["NAME"], dump]
        subprocess.run(command, env=env, check=True)  # noqa: S603 (our settings' database, not user input)
    else:
        connection.close()
        source, target = sqlite3.connect(folder / "database.sqlite3"), sqlite3.connect(db["NAME"])
        with target:
            source.backup(target)
        source.close()
        target.close()
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "media.tar.gz") as archive:
        archive.extractall(media, filter="data")
