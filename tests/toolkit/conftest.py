import pytest

from tumbuh.toolkit.models import Question
from tumbuh.toolkit.services import install_builtin_questions


@pytest.fixture(autouse=True)
def _start_without_the_bank(db):
    """Each test starts with an empty bank, with or without migrations (the data migration fills it)."""
    Question.objects.all().delete()


@pytest.fixture
def bank(_start_without_the_bank):
    """The built-in question bank."""
    return install_builtin_questions()
