"""Puts the built-in question bank into the database (tests call install_builtin_questions instead)."""

from django.db import migrations

from tumbuh.toolkit.question_bank import BUILTIN_QUESTIONS


def install(apps, schema_editor):
    Question = apps.get_model("toolkit", "Question")
    present = set(Question.objects.filter(agency__isnull=True).values_list("framework", "stage", "text"))
    Question.objects.bulk_create(
        Question(framework=q.framework, stage=q.stage, text=q.text, text_en=q.text_en)
        for q in BUILTIN_QUESTIONS
        if (q.framework, q.stage, q.text) not in present
    )


def uninstall(apps, schema_editor):
    Question = apps.get_model("toolkit", "Question")
    for q in BUILTIN_QUESTIONS:
        Question.objects.filter(agency__isnull=True, framework=q.framework, stage=q.stage, text=q.text).delete()


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
