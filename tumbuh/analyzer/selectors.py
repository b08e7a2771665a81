"""Reads of transcripts, scoped to the person asking."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from tumbuh.access.policy import fetch
from tumbuh.coaching.models import Session
from tumbuh.coaching.selectors import sessions_visible_to
from tumbuh.people.models import Employee

from .models import Transcript


def coach_only_message() -> str:
    return _("Transcripts and their analysis are the coach's own learning material; only the coach can open them.")


def transcripts_visible_to(user: Employee) -> QuerySet[Transcript]:
    """Transcripts of sessions USER takes part in: whether they may open one is then the rules' call."""
    if not user.is_authenticated:
        return Transcript.objects.none()
    return Transcript.objects.filter(
        Q(session__engagement__coach=user) | Q(session__engagement__coachee=user)
    ).select_related("session__engagement__coach", "session__engagement__coachee", "uploaded_by")


def transcripts_of_coach(user: Employee) -> QuerySet[Transcript]:
    """USER's own analyses for the list pages, newest first, without the text and the report."""
    if not user.is_authenticated:
        return Transcript.objects.none()
    return (
        Transcript.objects.filter(uploaded_by=user, session__engagement__coach=user)
        .select_related("session__engagement__coachee")
        .defer("text", "report")
        .order_by("-created_at", "-pk")
    )


def transcript_for(user: Employee, perm: str, pk: int, *, with_text: bool = True) -> Transcript:
    """The transcript PK if USER may PERM it: 404 if USER is not in its session, 403 for the coachee."""
    visible = transcripts_visible_to(user)
    try:
        return fetch(user, perm, visible if with_text else visible.defer("text"), pk=pk)
    except PermissionDenied:
        raise PermissionDenied(coach_only_message()) from None


def session_to_analyse(user: Employee, pk: int) -> Session:
    """The session PK if USER is its coach: 404 if USER is not in it, 403 for the coachee."""
    try:
        return fetch(user, "analyzer.add_transcript", sessions_visible_to(user), pk=pk)
    except PermissionDenied:
        raise PermissionDenied(coach_only_message()) from None
