"""Pages of the conversation analyzer. Only the engagement's coach reaches them (see rules.py)."""

from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from tumbuh.audit.services import record_event
from tumbuh.common.charts import svg_response

from . import selectors, services
from .charts import CHARTS
from .forms import SpeakerForm, TranscriptForm
from .presentation import moves_of, speakers_of, stages_of, tips_of

PAGE_SIZE = 20


def transcript_list(request):
    page = Paginator(selectors.transcripts_of_coach(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "analyzer/transcript_list.html", {"page": page})


# The CSRF check reads the whole form before any view runs, and a body over Django's
# DATA_UPLOAD_MAX_MEMORY_SIZE (a 5 MB paste) then ends in a bare "400 Bad Request". This view looks
# at the body first: too big, it answers with the form and the limit (no write happens on that
# path); otherwise the usual CSRF check runs before anything else.
@csrf_exempt
def transcript_create(request, pk: int):
    session = selectors.session_to_analyse(request.user, pk)
    if request.method == "POST":
        try:
            request.POST  # noqa: B018 — parsing it is the check
        except RequestDataTooBig:
            error = services.too_big_error(int(request.META.get("CONTENT_LENGTH") or 0))
            return _render_form(request, session, TranscriptForm(), problems=error.messages, status=413)
    return _transcript_create(request, session)


@csrf_protect
def _transcript_create(request, session):
    if request.method != "POST":
        return _render_form(request, session, TranscriptForm())
    form, submission = _submission(request)
    if submission is None:
        lost = request.POST.get("step") == "speaker"
        problems = [_("The transcript did not come through; upload or paste it again.")] if lost else []
        return _render_form(request, session, form, problems=problems)
    try:
        transcript = services.analyze_transcript(session=session, by=request.user, **submission)
    except services.CoachSpeakerUnknown as error:
        # Step 2: the coach says which speaker they are; the text goes along in the form, nothing is stored.
        step = SpeakerForm(initial={"text": submission["text"], "source_name": submission["source_name"]})
        asked = bool(submission["coach_speaker"]) or request.POST.get("step") == "speaker"
        return _render_form(
            request, session, form, speaker_form=step, speakers=error.speakers, problems=error.messages if asked else []
        )
    except ValidationError as error:
        # Keep what can be fixed, also an uploaded file's text; not a text too long to send back.
        too_big = services.text_size(submission["text"]) >= services.MAX_TRANSCRIPT_BYTES
        form = TranscriptForm(initial={"text": "" if too_big else submission["text"]})
        return _render_form(request, session, form, problems=error.messages)
    messages.success(request, _("Transcript analysed. Only you can see this report."))
    return redirect("analyzer:transcript-detail", pk=transcript.pk)


def _submission(request) -> tuple[TranscriptForm, dict | None]:
    """The step-1 form to show again, and what to analyse when the request holds a transcript."""
    if request.POST.get("step") == "speaker":
        step = SpeakerForm(request.POST)
        if not step.is_valid():
            return TranscriptForm(), None
        data = step.cleaned_data
        return TranscriptForm(), {key: data[key] for key in ("text", "source_name", "coach_speaker")}
    form = TranscriptForm(request.POST, request.FILES)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, {"text": data["transcript"], "source_name": data["source_name"], "coach_speaker": ""}


def _render_form(request, session, form, *, status: int = 200, **extra):
    context = {
        "session": session,
        "engagement": session.engagement,
        "form": form,
        "earlier": selectors.transcripts_of_coach(request.user).filter(session=session),
        **extra,
    }
    return render(request, "analyzer/transcript_form.html", context, status=status)


def transcript_detail(request, pk: int):
    transcript = selectors.transcript_for(request.user, "analyzer.view_transcript", pk)
    record_event(actor=request.user, action="transcript.read", target=transcript, request=request)
    report = transcript.report
    context = {
        "transcript": transcript,
        "session": transcript.session,
        "engagement": transcript.session.engagement,
        "report": report,
        "speakers": speakers_of(report),
        "moves": moves_of(report),
        "frameworks": stages_of(report),
        "tips": tips_of(report),
    }
    return render(request, "analyzer/transcript_detail.html", context)


def transcript_chart(request, pk: int):
    transcript = selectors.transcript_for(request.user, "analyzer.view_transcript", pk, with_text=False)
    draw = CHARTS.get(request.GET.get("show", "talk"))
    if draw is None:
        raise Http404(_("There is no such chart."))
    return svg_response(draw(transcript.report))


@require_POST
def transcript_delete(request, pk: int):
    transcript = selectors.transcript_for(request.user, "analyzer.delete_transcript", pk, with_text=False)
    session_pk = transcript.session_id
    services.delete_transcript(transcript=transcript, by=request.user)
    messages.success(request, _("Transcript and report deleted."))
    return redirect("coaching:session-detail", pk=session_pk)
