"""Indexes for the lockout's reads of django-axes' table (tumbuh.people.lockout.LockoutHandler.get_failures).

Axes counts an account's failures, and an address's, since the cool-off threshold:
``WHERE username = %s AND attempt_time >= %s`` and ``WHERE ip_address = %s AND attempt_time >= %s``.
Its own single-column indexes leave the time to be filtered row by row. The table is axes', so the indexes
are plain SQL that PostgreSQL and SQLite both accept.
"""

from django.db import migrations

INDEXES = {
    "people_axes_username_time": "username, attempt_time",
    "people_axes_address_time": "ip_address, attempt_time",
}


class Migration(migrations.Migration):
    dependencies = [
        ("axes", "0010_accessattemptexpiration"),
        ("people", "0005_unit_parent_and_supervisor_checks"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON axes_accessattempt ({columns})",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
