"""`manage.py analyzer_eval` prints the Markdown tables docs/analyzer.md shows."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def test_the_command_prints_both_sets_with_scores_and_confusion_matrices():
    out = StringIO()
    call_command("analyzer_eval", stdout=out)
    text = out.getvalue()
    assert "#### Tuning set: 460 utterances" in text
    assert "#### Held-out set: 200 utterances" in text
    assert text.count("| class | precision | recall | F1 | utterances |") == 2
    assert text.count("| true \\ predicted | open_question | closed_question | directive | reflective | other |") == 2


def test_a_missing_data_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No labelled set"):
        call_command("analyzer_eval", data=tmp_path)
