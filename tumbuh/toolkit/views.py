"""Pages of the toolkit: cheat sheets, the question bank, printable session templates. Thin, as everywhere."""

import io
from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tumbuh.access.policy import can, fetch, require
from tumbuh.common.forms import add_service_errors

from . import pdf, selectors, services
from .cheatsheets import CHEATSHEETS
from .forms import QuestionFilterForm, QuestionForm
from .frameworks import FRAMEWORKS, GROW


def toolkit_index(request):
    require(request.user, "toolkit.view_toolkit")
    return render(
        request, "toolkit/toolkit_index.html", {"sheets": CHEATSHEETS.values(), "frameworks": FRAMEWORKS.values()}
    )


def cheatsheet(request, slug: str):
    require(request.user, "toolkit.view_toolkit")
    # The URLconf has one pattern per sheet, so SLUG is always a known one.
    sheet = CHEATSHEETS[slug]
    context: dict = {"sheet": sheet, "sheets": CHEATSHEETS.values()}
    # A cheat sheet shows a stage's key questions; the bank has them all.
    if sheet.framework is not None:
        questions = selectors.key_questions(sheet.framework.code, agency_id=request.user.agency_id)
        context["stages"] = [(stage, questions.get(stage.code, [])) for stage in sheet.framework.stages]
    elif slug == "smart":
        # A SMART goal is made in GROW's Goal stage; its questions sharpen one.
        questions = selectors.key_questions(GROW.code, agency_id=request.user.agency_id)
        context["goal_questions"] = questions.get("goal", [])
    return render(request, "toolkit/cheatsheet_detail.html", context)


def _sections(questions) -> list[dict]:
    """Questions grouped by model and stage, in the order the models define them."""
    by_stage = defaultdict(list)
    for question in questions:
        by_stage[(question.framework, question.stage)].append(question)
    sections = []
    for framework in FRAMEWORKS.values():
        stages = [
            (stage, by_stage[(framework.code, stage.code)])
            for stage in framework.stages
            if (framework.code, stage.code) in by_stage
        ]
        if stages:
            sections.append({"framework": framework, "stages": stages})
    return sections


def _bank_context(request) -> dict:
    filters = QuestionFilterForm(request.GET)
    filters.is_valid()  # An unknown value is dropped from cleaned_data, the other filter still applies.
    framework = filters.cleaned_data.get("framework", "")
    stage = filters.cleaned_data.get("stage", "")
    questions = list(selectors.question_list_for(request.user, framework=framework, stage=stage))
    return {
        "framework": FRAMEWORKS.get(framework),
        "stage": stage,
        "frameworks": FRAMEWORKS.values(),
        "count": len(questions),
        "sections": _sections(questions),
        # Every question a person sees is built in or their own agency's; of those, whoever may add
        # questions may retire the agency's ones (toolkit.rules), so one check serves the whole list.
        "can_curate": can(request.user, "toolkit.add_question"),
    }


def _render_bank(request, *, form: QuestionForm | None = None):
    context = _bank_context(request)
    if request.htmx:
        return render(request, "toolkit/question_list.html#bank", context)
    if context["can_curate"] and form is None:
        chosen = context["framework"] and context["stage"]
        form = QuestionForm(initial={"stage": f"{context['framework'].code}:{context['stage']}" if chosen else ""})
    context["form"] = form
    return render(request, "toolkit/question_list.html", context)


def question_list(request):
    require(request.user, "toolkit.view_toolkit")
    return _render_bank(request)


@require_POST
def question_create(request):
    require(request.user, "toolkit.add_question")
    form = QuestionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            question = services.add_question(
                by=request.user,
                framework=data["framework"],
                stage=data["stage"],
                text=data["text"],
                text_en=data["text_en"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Question added to your agency's bank."))
            query = urlencode({"framework": question.framework, "stage": question.stage})
            return redirect(f"{reverse('toolkit:question-list')}?{query}")
    return _render_bank(request, form=form)


@require_POST
def question_retire(request, pk: int):
    question = fetch(request.user, "toolkit.retire_question", selectors.questions_visible_to(request.user), pk=pk)
    services.retire_question(question=question, by=request.user)
    if request.htmx:
        # The row is swapped for nothing: the question is gone from the list.
        return HttpResponse("")
    messages.success(request, _("Question retired; it no longer appears in your agency's bank."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("toolkit:question-list")


def template_pdf(request, slug: str):
    require(request.user, "toolkit.view_toolkit")
    # The URLconf has one pattern per model, so SLUG is always a known one.
    content = pdf.session_template_pdf(framework=FRAMEWORKS[slug], agency_id=request.user.agency_id)
    filename = _("session-template-%(model)s.pdf") % {"model": slug}
    # Inline: it opens in the browser, ready to print.
    return FileResponse(io.BytesIO(content), filename=filename, content_type="application/pdf")
