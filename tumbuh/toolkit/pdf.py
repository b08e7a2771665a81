"""A printable session template (A4 PDF) for one conversation model, in the reader's language."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from .frameworks import Framework
from .selectors import key_questions

# Rows for actions: the guide's 2–3 actions, or micro-coaching's one (with a spare line).
ACTION_ROWS = {"micro": 2}
DEFAULT_ACTION_ROWS = 3


def session_template_pdf(*, framework: Framework, agency_id: int | None) -> bytes:
    """Blanks for who and when, each stage with its purpose, key questions and room for notes, as PDF bytes.

    The action stage gets a table of action, owner and due date; the last line asks for the follow-up date.
    """
    # WeasyPrint is slow to import; only the templates need it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    language = get_language()
    questions = key_questions(framework.code, agency_id=agency_id)
    stages = [
        {"stage": stage, "questions": [q.text_in(language) for q in questions.get(stage.code, [])]}
        for stage in framework.stages
    ]
    html = render_to_string(
        "toolkit/template_pdf.html",
        {
            "framework": framework,
            "stages": stages,
            "action_rows": range(ACTION_ROWS.get(framework.code, DEFAULT_ACTION_ROWS)),
        },
    )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
