"""Coaching contracts (history, propose, accept) and peer-coaching invitations.

Contracts are seen by the engagement's coach and coachee only; an invitation by its inviter and invitee only.
"""

import datetime

from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from tumbuh.access.policy import fetch, require
from tumbuh.audit.services import record_event
from tumbuh.common.api import LIST, READ, VERSIONED_WRITE, WRITE, InputSchema, Pages, check_with_form, form_limit

from .. import selectors
from ..forms.contracts import ContractForm
from ..forms.peer import PeerInvitationForm
from ..models import Contract, ContractChannel, ContractRhythm, PeerInvitation, PeerRole, SupervisorShare
from ..services import contracts as contract_services
from ..services import peer as peer_services
from . import EngagementOut, PersonOut

# Annotated: the package imports this router back, and mypy cannot infer a type inside that import cycle.
router: Router = Router(tags=["coaching"])


class ContractOut(Schema):
    id: int
    engagement_id: int
    version: int
    state: str = Field(description="pending, accepted or superseded (replaced before acceptance)")
    topic_and_goal: str
    sessions_planned: int
    rhythm: str
    session_minutes: int
    ends_on: datetime.date | None
    channel: str
    confidentiality: str
    shared_with_supervisor: list[str] = Field(description="What the supervisor may see; empty means nothing.")
    proposed_by: PersonOut
    proposed_at: datetime.datetime
    coach_accepted_at: datetime.datetime | None
    coachee_accepted_at: datetime.datetime | None
    superseded_at: datetime.datetime | None

    @staticmethod
    def resolve_shared_with_supervisor(obj: Contract) -> list[str]:
        return sorted(obj.shared_with_supervisor)


class ContractIn(InputSchema):
    topic_and_goal: str
    sessions_planned: int
    rhythm: ContractRhythm
    session_minutes: int
    ends_on: datetime.date
    channel: ContractChannel
    confidentiality: str
    share_with_supervisor: list[SupervisorShare] = Field([], description="Empty (the default) shares nothing.")
    base_version: int | None = Field(
        None, description="The latest version you read (0 for none); 409 if a newer one exists."
    )


class PeerInvitationOut(Schema):
    id: int
    invited_by: PersonOut
    invitee: PersonOut
    inviter_role: str = Field(description="coach: the inviter offers to coach; coachee: asks to be coached")
    topic: str
    message: str
    status: str
    created_at: datetime.datetime
    answered_at: datetime.datetime | None
    engagement_id: int | None


class PeerInvitationIn(InputSchema):
    invitee: str = Field(
        description="The colleague's NIP or e-mail address.",
        max_length=form_limit(PeerInvitationForm, "invitee"),
    )
    inviter_role: PeerRole
    topic: str = Field(max_length=form_limit(PeerInvitationForm, "topic"))
    message: str = ""


@router.get(
    "/engagements/{engagement_id}/contracts", response={200: list[ContractOut], **READ}, summary="Contract versions"
)
@paginate(Pages)
def list_contracts(request, engagement_id: int):
    engagement = fetch(
        request.user,
        "coaching.view_contract",
        selectors.engagement_contracts_for(request.user),
        pk=engagement_id,
    )
    versions = list(engagement.contracts.all())
    if versions:
        record_event(actor=request.user, action="contract.read", target=versions[0], request=request)
    return versions


@router.post(
    "/engagements/{engagement_id}/contracts",
    response={201: ContractOut, **VERSIONED_WRITE},
    summary="Propose the next contract version (you accept it by proposing; 409 if someone proposed meanwhile)",
)
def propose_contract(request, engagement_id: int, payload: ContractIn):
    engagement = fetch(
        request.user, "coaching.propose_contract", selectors.engagements_visible_to(request.user), pk=engagement_id
    )
    data = payload.dict()
    shared = set(data.pop("share_with_supervisor"))
    # The base version is the service's to check (a newer one is a 409); the form checks the terms.
    terms = {name: value for name, value in data.items() if name != "base_version"}
    check_with_form(ContractForm(data={**terms, "base_version": 0}, engagement=engagement, latest=None))
    contract = contract_services.propose_contract(
        engagement=engagement,
        by=request.user,
        share_attendance=SupervisorShare.ATTENDANCE in shared,
        share_progress=SupervisorShare.PROGRESS in shared,
        share_actions=SupervisorShare.ACTIONS in shared,
        **data,
    )
    return Status(201, contract)


@router.post(
    "/contracts/{contract_id}/accept", response={200: ContractOut, **WRITE}, summary="Accept a contract version"
)
def accept_contract(request, contract_id: int):
    contract = fetch(
        request.user, "coaching.accept_contract", selectors.contracts_visible_to(request.user), pk=contract_id
    )
    return contract_services.accept_contract(contract=contract, by=request.user)


@router.get(
    "/peer-invitations", response={200: list[PeerInvitationOut], **LIST}, summary="Peer invitations I sent or received"
)
@paginate(Pages)
def list_peer_invitations(request):
    return selectors.peer_invitations_for(request.user).order_by("-created_at", "-pk")


@router.post(
    "/peer-invitations", response={201: PeerInvitationOut, **WRITE}, summary="Invite a colleague to peer coaching"
)
def invite_peer(request, payload: PeerInvitationIn):
    require(request.user, "coaching.invite_peer")
    check_with_form(PeerInvitationForm(data=payload.dict()))
    return Status(201, peer_services.invite_peer(by=request.user, **payload.dict()))


def _invitation(request, invitation_id: int, perm: str) -> PeerInvitation:
    return fetch(request.user, perm, selectors.peer_invitations_for(request.user), pk=invitation_id)


@router.post(
    "/peer-invitations/{invitation_id}/accept",
    response={201: EngagementOut, **WRITE},
    summary="Accept an invitation: opens the peer engagement",
)
def accept_peer_invitation(request, invitation_id: int):
    invitation = _invitation(request, invitation_id, "coaching.answer_peer_invitation")
    return Status(201, peer_services.accept_peer_invitation(invitation=invitation, by=request.user))


@router.post("/peer-invitations/{invitation_id}/decline", response={200: PeerInvitationOut, **WRITE})
def decline_peer_invitation(request, invitation_id: int):
    invitation = _invitation(request, invitation_id, "coaching.answer_peer_invitation")
    return peer_services.decline_peer_invitation(invitation=invitation, by=request.user)


@router.post("/peer-invitations/{invitation_id}/withdraw", response={200: PeerInvitationOut, **WRITE})
def withdraw_peer_invitation(request, invitation_id: int):
    invitation = _invitation(request, invitation_id, "coaching.withdraw_peer_invitation")
    return peer_services.withdraw_peer_invitation(invitation=invitation, by=request.user)
