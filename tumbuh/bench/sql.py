"""Set-based inserts for the benchmark data: one INSERT ... SELECT over a number series per batch of rows.

PostgreSQL draws the series from generate_series, SQLite from a recursive CTE (slow, for the tests' tiny
scales); the SQL around it is the same for both. Table and column names come from the models' _meta.
Every value is written into the SQL as a literal built here from numbers and our own constants: no
parameters, so `%` stays the modulo operator on both drivers.
"""

import datetime
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.models import Field, Model


def quote(text: str) -> str:
    """TEXT as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def pick(index: str, options: list[str] | tuple[str, ...]) -> str:
    """The option at position INDEX (an SQL integer expression, 0-based, taken modulo the number of options)."""
    whens = " ".join(f"WHEN {number} THEN {quote(str(option))}" for number, option in enumerate(options))
    return f"(CASE ({index}) % {len(options)} {whens} END)"


class Dialect:
    """The few expressions PostgreSQL and SQLite spell differently."""

    def __init__(self, vendor: str, base: datetime.datetime):
        if vendor not in ("postgresql", "sqlite"):
            raise ValueError(f"bench_seed runs on PostgreSQL or SQLite, not {vendor}.")
        self.postgres = vendor == "postgresql"
        # Stored as Django stores it: UTC, naive on SQLite.
        self.base_text = base.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
        self.today_text = base.astimezone(datetime.UTC).strftime("%Y-%m-%d")

    def series(self, count: int) -> str:
        """The body of a CTE `series(i)` holding 1..COUNT."""
        if self.postgres:
            return f"SELECT g FROM generate_series(CAST(1 AS bigint), {int(count)}) AS g"  # noqa: S608
        return f"SELECT 1 UNION ALL SELECT i + 1 FROM series WHERE i < {int(count)}"  # noqa: S608

    @property
    def now(self) -> str:
        """The seed's reference moment as a timestamp expression."""
        return f"CAST('{self.base_text}+00' AS timestamptz)" if self.postgres else f"'{self.base_text}'"

    def at(self, seconds: str, start: str | None = None) -> str:
        """The moment SECONDS (an SQL expression, may be negative) after START (default: the reference moment)."""
        start = start or self.now
        if self.postgres:
            return f"({start} + ({seconds}) * INTERVAL '1 second')"
        return f"datetime({start}, ({seconds}) || ' seconds')"

    def day(self, days: str) -> str:
        """The date DAYS (an SQL expression) after the reference day."""
        if self.postgres:
            return f"(CAST('{self.today_text}' AS date) + CAST({days} AS integer))"
        return f"date('{self.today_text}', ({days}) || ' days')"

    def clock(self, hours: str) -> str:
        """A time of day, HOURS (an SQL expression) after midnight."""
        if self.postgres:
            return f"(CAST('00:00' AS time) + ({hours}) * INTERVAL '1 hour')"
        return f"time('00:00', ({hours}) || ' hours')"

    def pad(self, number: str, width: int) -> str:
        """NUMBER as text, zero-padded to WIDTH digits."""
        if self.postgres:
            return f"lpad(CAST({number} AS text), {width}, '0')"
        return f"substr('{'0' * width}' || ({number}), -{width})"

    def json(self, text: str) -> str:
        return f"CAST({quote(text)} AS jsonb)" if self.postgres else quote(text)


def table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def column(model: type[Model], field: str) -> str:
    found = model._meta.get_field(field)
    if not isinstance(found, Field) or found.column is None:
        raise ValueError(f"{model.__name__}.{field} is not a column")
    return connection.ops.quote_name(found.column)


class Loader:
    """Runs the inserts and keeps the rows and seconds per table."""

    def __init__(self, dialect: Dialect):
        self.dialect = dialect
        self.rows: dict[str, int] = defaultdict(int)
        self.seconds: dict[str, float] = defaultdict(float)
        # Work that belongs to no one table: emptying, rebuilding indexes, statistics.
        self.phases: dict[str, float] = defaultdict(float)

    def fill(self, model: type[Model], count: int, values: dict[str, str], *, joins: str = "", where: str = "") -> int:
        """Insert one row per number i in 1..COUNT; VALUES maps field names to SQL expressions over `i`.

        Every field that cannot be NULL must be given, so a new required field fails here rather than in the
        database. JOINS may bring in rows of earlier tables (each under its own alias), WHERE skip numbers.
        """
        fields = {f.name: f for f in model._meta.concrete_fields}
        unknown = values.keys() - fields.keys()
        missing = {name for name, f in fields.items() if not f.null and name not in values and not f.primary_key}
        if unknown or missing:
            raise ValueError(f"{model.__name__}: unknown fields {sorted(unknown)}, missing fields {sorted(missing)}")
        columns = ", ".join(column(model, name) for name in values)
        sql = (
            f"WITH RECURSIVE series(i) AS ({self.dialect.series(count)}) "  # noqa: S608
            f"INSERT INTO {table(model)} ({columns}) "
            f"SELECT {', '.join(values.values())} FROM series {joins} {'WHERE ' + where if where else ''}"
        )
        return self.run(model, sql)

    def run(self, model: type[Model], sql: str, *, adds_rows: bool = True) -> int:
        """Execute SQL, its time counted against MODEL's table (and its rows, unless it only changes them)."""
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(sql)
            done = cursor.rowcount
            if connection.vendor == "sqlite":
                # sqlite3 does not count the rows of an INSERT that starts with WITH.
                cursor.execute("SELECT changes()")
                done = cursor.fetchone()[0]
        if adds_rows:
            self.rows[model._meta.db_table] += done
        self.seconds[model._meta.db_table] += time.perf_counter() - started
        return done

    def note(self, model: type[Model], rows: int, seconds: float) -> None:
        """Count rows written some other way (the ORM, for the handful of named people's tokens)."""
        self.rows[model._meta.db_table] += rows
        self.seconds[model._meta.db_table] += seconds


@contextmanager
def without_checks_while_loading(loader: Loader, models: list[type[Model]]) -> Iterator[None]:
    """PostgreSQL: drop MODELS' foreign keys and plain indexes for the load, then put the same definitions back.

    As pg_restore does: one validating pass per foreign key and one sorted build per index instead of a check
    and an index insert per row, several times faster on a million rows. The definitions are read from the
    catalogue, so indexes added by later migrations come back as they were; primary keys and unique constraints
    stay throughout. On SQLite (tiny scales) nothing changes.
    """
    if not loader.dialect.postgres:
        yield
        return
    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid = ANY(CAST(%s AS regclass[]))",
            [tables],
        )
        keys = cursor.fetchall()
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
            "WHERE indrelid = ANY(CAST(%s AS regclass[])) AND NOT indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = indexrelid)",
            [tables],
        )
        indexes = cursor.fetchall()
        for owner, name, _definition in keys:
            cursor.execute(f"ALTER TABLE {owner} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)
        for owner, name, definition in keys:
            cursor.execute(f"ALTER TABLE {owner} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
    loader.phases["indexes and foreign keys"] += time.perf_counter() - started
