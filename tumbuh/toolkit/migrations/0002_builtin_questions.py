"""Puts the built-in question bank into the database (tests call install_builtin_questions instead)."""

from django.db import migrations

from tumbuh.toolkit import question_bank
from tumbuh.toolkit.question_bank import BUILTIN_QUESTIONS


def install(apps, schema_editor):
    question_bank.install(apps.get_model("toolkit", "Question"))


def uninstall(apps, schema_editor):
    Question = apps.get_model("toolkit", "Question")
    for q in BUILTIN_QUESTIONS:
        Question.objects.filter(agency__isnull=True, framework=q.framework, stage=q.stage, text=q.text).delete()


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
