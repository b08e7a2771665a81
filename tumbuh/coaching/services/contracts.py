"""The coaching contract: either party proposes a version, the other accepts it; every version is kept."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tumbuh.access.policy import can, require
from tumbuh.audit.services import record_event
from tumbuh.common.conflicts import EditConflict
from tumbuh.notifications.services import notify
from tumbuh.people.models import Employee

from ..kinds import COACHING_UPDATES
from ..models import Contract, Engagement
from ..models.contracts import SESSION_MINUTES_RANGE, SESSIONS_PLANNED_RANGE


class ContractConflict(EditConflict):
    """Someone proposed a newer version of the contract after this proposal was started."""

    def __init__(self, current: Contract):
        # EditConflict's own message speaks of "this" object; a contract needs to name the newest version.
        Exception.__init__(
            self,
            _(
                "Someone else changed the contract in the meantime. Review the newest version (version "
                "%(version)s) and propose again if you still want a change."
            )
            % {"version": current.version},
        )
        self.current = current


def _latest(engagement: Engagement) -> Contract | None:
    return Contract.objects.filter(engagement=engagement).order_by("-version").first()


def _check_party(engagement: Engagement, by: Employee) -> None:
    require(
        by,
        "coaching.act_as_party",
        engagement,
        message=_("Only the coach and the coachee of this engagement can agree on its contract."),
    )
    if not engagement.is_open:
        raise ValidationError(_("This engagement is closed; its contract can no longer be changed."))


def _check_terms(
    *,
    topic_and_goal: str,
    sessions_planned: int,
    session_minutes: int,
    ends_on: datetime.date | None,
    confidentiality: str,
) -> None:
    errors = {}
    if not topic_and_goal.strip():
        errors["topic_and_goal"] = _("Write the topic and the goal the coaching works towards.")
    low, high = SESSIONS_PLANNED_RANGE
    if not low <= sessions_planned <= high:
        errors["sessions_planned"] = _("Plan between %(low)d and %(high)d sessions.") % {"low": low, "high": high}
    low, high = SESSION_MINUTES_RANGE
    if not low <= session_minutes <= high:
        errors["session_minutes"] = _(
            "A session lasts between %(low)d and %(high)d minutes (micro-coaching: 10 to 15)."
        ) % {"low": low, "high": high}
    if ends_on is None:
        errors["ends_on"] = _("Give the date by which the engagement is planned to end.")
    elif ends_on <= timezone.localdate():
        errors["ends_on"] = _("The planned end %(date)s is not in the future; pick a date after today.") % {
            "date": date_format(ends_on, "j F Y")
        }
    if not confidentiality.strip():
        errors["confidentiality"] = _("Write the confidentiality terms; the suggested text is a good start.")
    if errors:
        raise ValidationError(errors)


def propose_contract(
    *,
    engagement: Engagement,
    by: Employee,
    topic_and_goal: str,
    sessions_planned: int,
    rhythm: str,
    session_minutes: int,
    ends_on: datetime.date | None,
    channel: str,
    confidentiality: str,
    share_attendance: bool = False,
    share_progress: bool = False,
    share_actions: bool = False,
    base_version: int | None = None,
) -> Contract:
    """Propose the next version of the contract; the proposer accepts it at once, the other party must too.

    BASE_VERSION is the version the proposer was looking at (0 for none); if a newer one exists, or another
    proposal lands at the same moment, ContractConflict is raised and nothing is saved.
    """
    _check_party(engagement, by)
    _check_terms(
        topic_and_goal=topic_and_goal,
        sessions_planned=sessions_planned,
        session_minutes=session_minutes,
        ends_on=ends_on,
        confidentiality=confidentiality,
    )
    latest = _latest(engagement)
    if latest is not None and base_version is not None and base_version != latest.version:
        raise ContractConflict(latest)
    now = timezone.now()
    contract = Contract(
        engagement=engagement,
        version=latest.version + 1 if latest else 1,
        topic_and_goal=topic_and_goal.strip(),
        sessions_planned=sessions_planned,
        rhythm=rhythm,
        session_minutes=session_minutes,
        ends_on=ends_on,
        channel=channel,
        confidentiality=confidentiality.strip(),
        share_attendance=share_attendance,
        share_progress=share_progress,
        share_actions=share_actions,
        proposed_by=by,
        proposed_at=now,
    )
    if latest is not None and latest.terms() == contract.terms():
        raise ValidationError(
            _(
                "These terms are the same as version %(version)s. Change at least one term, or accept "
                "version %(version)s if it is waiting for you."
            )
            % {"version": latest.version}
        )
    # Proposing is agreeing: the proposer's acceptance is recorded with the proposal.
    if can(by, "coaching.act_as_coach", engagement):
        contract.coach_accepted_at = now
    else:
        contract.coachee_accepted_at = now
    # The (engagement, version) constraint is checked by the database on save, where a race is decided.
    contract.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            # A version still waiting for acceptance is replaced by this one; accepted versions stay as history.
            Contract.objects.filter(engagement=engagement, superseded_at__isnull=True).filter(
                Q(coach_accepted_at__isnull=True) | Q(coachee_accepted_at__isnull=True)
            ).update(superseded_at=now)
            contract.save()
            record_event(actor=by, action="contract.proposed", target=contract, detail=f"v{contract.version}")
            _tell_other_party(contract, by=by, accepted=False)
    except IntegrityError:
        newest = _latest(engagement)
        if newest is None:
            raise
        raise ContractConflict(newest) from None
    return contract


@transaction.atomic
def accept_contract(*, contract: Contract, by: Employee) -> Contract:
    """Record BY's acceptance of CONTRACT; only the latest version can be accepted, once per party."""
    engagement = contract.engagement
    _check_party(engagement, by)
    # Locked so that an acceptance and a newer proposal never pass each other unseen.
    locked = Contract.objects.select_for_update().get(pk=contract.pk)
    locked.engagement = engagement
    newest = Contract.objects.filter(engagement=engagement).aggregate(newest=Max("version"))["newest"]
    if locked.version != newest:
        raise ValidationError(
            _(
                "Version %(version)s is no longer the current proposal: version %(newest)s replaced it. "
                "Review version %(newest)s and accept that one."
            )
            % {"version": locked.version, "newest": newest}
        )
    field = "coach_accepted_at" if can(by, "coaching.act_as_coach", engagement) else "coachee_accepted_at"
    accepted_at = getattr(locked, field)
    if accepted_at is not None:
        raise ValidationError(
            _("You already accepted version %(version)s on %(date)s; nothing more to do.")
            % {"version": locked.version, "date": date_format(timezone.localtime(accepted_at), "j F Y H:i")}
        )
    setattr(locked, field, timezone.now())
    locked.save(update_fields=[field])
    record_event(actor=by, action="contract.accepted", target=locked, detail=f"v{locked.version}")
    _tell_other_party(locked, by=by, accepted=True)
    return locked


# Rendered in the recipient's language when the notice is written.
PROPOSED_NOTICE = gettext_lazy(
    "%(name)s proposed version %(version)s of the coaching contract for “%(topic)s”. Review it, "
    "and accept it if you agree."
)
ACCEPTED_NOTICE = gettext_lazy(
    "%(name)s accepted version %(version)s of the coaching contract for “%(topic)s”. It is now in force."
)


def _tell_other_party(contract: Contract, *, by: Employee, accepted: bool) -> None:
    engagement = contract.engagement
    names = {"name": by.full_name, "version": contract.version, "topic": engagement.topic}
    notice = ACCEPTED_NOTICE if accepted else PROPOSED_NOTICE
    notify(
        recipient=engagement.other_party(by),
        kind=COACHING_UPDATES,
        text=lambda: str(notice) % names,
        url=reverse("coaching:contract-detail", args=[engagement.pk]),
    )
