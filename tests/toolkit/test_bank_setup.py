"""The built-in bank reaches every database: by the data migration, and in the demo by seed_demo."""

import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from tumbuh.toolkit.models import Question
from tumbuh.toolkit.question_bank import BUILTIN_QUESTIONS

pytestmark = pytest.mark.django_db

migration = importlib.import_module("tumbuh.toolkit.migrations.0002_builtin_questions")


def test_the_data_migration_installs_the_bank_and_its_reverse_removes_it_again(agency):
    own = Question.objects.create(framework="grow", stage="goal", text="Apa yang ingin Anda capai?", agency=agency)

    migration.install(apps, None)
    migration.install(apps, None)

    assert Question.objects.filter(agency__isnull=True).count() == len(BUILTIN_QUESTIONS)
    migration.uninstall(apps, None)
    assert list(Question.objects.all()) == [own]


def test_the_demo_has_the_question_bank():
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    assert Question.objects.filter(agency__isnull=True, is_active=True).count() == len(BUILTIN_QUESTIONS)
