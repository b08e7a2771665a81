"""Engagements opened before they kept their own agency and unit: take the coachee's current ones.

The best guess there is; from now on an engagement is given them when it starts, and a transfer no longer moves it.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill_from_coachee(apps, schema_editor):
    Engagement = apps.get_model("coaching", "Engagement")
    Employee = apps.get_model("people", "Employee")
    coachee = Employee.objects.filter(pk=OuterRef("coachee_id"))
    Engagement.objects.filter(agency__isnull=True, unit__isnull=True).update(
        agency_id=Subquery(coachee.values("agency_id")[:1]), unit_id=Subquery(coachee.values("unit_id")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0004_engagement_agency_unit_and_constraint_messages"),
        ("people", "0005_unit_parent_and_supervisor_checks"),
    ]

    operations = [migrations.RunPython(fill_from_coachee, migrations.RunPython.noop, elidable=True)]
