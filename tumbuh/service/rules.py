"""Who may do what in the service. A request's conversation belongs to requester and provider;
service admins of the agency run the queue and read figures, not the conversation."""

import rules

from tumbuh.access.predicates import is_platform_admin, is_service_admin
from tumbuh.people.models import Role

from .models import RequestStatus, ServiceRequest
from .models.requests import OPEN_STATUSES
from .selectors.booking import policy_of


def _request_of(obj) -> ServiceRequest | None:
    if isinstance(obj, ServiceRequest):
        return obj
    return getattr(obj, "request", None)


@rules.predicate
def is_requester(user, obj) -> bool:
    request = _request_of(obj)
    return request is not None and request.requester_id == user.pk


@rules.predicate
def is_assigned_provider(user, obj) -> bool:
    request = _request_of(obj)
    return request is not None and request.provider_id is not None and request.provider_id == user.pk


@rules.predicate
def is_service_admin_of_agency(user, obj) -> bool:
    if not user.is_authenticated:
        return False
    agency_id = getattr(_request_of(obj), "agency_id", None) if obj is not None else None
    grants = user.role_grants.filter(role=Role.SERVICE_ADMIN)
    return grants.filter(agency_id=agency_id).exists() if agency_id else grants.exists()


@rules.predicate
def is_provider(user) -> bool:
    return user.is_authenticated and hasattr(user, "provider_profile")


def _status_in(*statuses):
    @rules.predicate(name=f"status_in:{','.join(statuses)}")
    def predicate(user, obj) -> bool:
        request = _request_of(obj)
        return request is not None and request.status in statuses

    return predicate


@rules.predicate
def agency_allows_self_pick(user, obj) -> bool:
    request = _request_of(obj)
    return request is not None and policy_of(request.agency_id).allow_self_pick


is_admin = is_service_admin_of_agency | is_platform_admin
is_party = is_requester | is_assigned_provider
open_for_assignment = _status_in(RequestStatus.SUBMITTED, RequestStatus.DECLINED, RequestStatus.ASSIGNED)

rules.add_perm("service.file_request", rules.is_authenticated)
rules.add_perm("service.view_request", is_party | is_admin)
rules.add_perm("service.view_conversation", is_party)
rules.add_perm("service.post_message", is_party & _status_in(*[s for s in RequestStatus.values if s != "cancelled"]))
rules.add_perm("service.see_matches", (is_admin | (is_requester & agency_allows_self_pick)) & open_for_assignment)
rules.add_perm("service.assign_request", is_admin & open_for_assignment)
rules.add_perm("service.pick_provider", is_requester & agency_allows_self_pick & open_for_assignment)
rules.add_perm("service.respond_to_offer", is_assigned_provider & _status_in(RequestStatus.ASSIGNED))
rules.add_perm("service.cancel_request", is_requester & _status_in(*OPEN_STATUSES))
rules.add_perm("service.book_session", is_requester & _status_in(RequestStatus.ACCEPTED, RequestStatus.SCHEDULED))
rules.add_perm("service.change_booking", is_party & _status_in(RequestStatus.SCHEDULED))
rules.add_perm(
    "service.close_request", is_assigned_provider & _status_in(RequestStatus.ACCEPTED, RequestStatus.SCHEDULED)
)
rules.add_perm("service.rate_request", is_requester & _status_in(RequestStatus.CLOSED))
rules.add_perm("service.download_recommendation", is_party & _status_in(RequestStatus.CLOSED))
rules.add_perm("service.manage_own_availability", is_provider)
# Agency-wide pages: their selectors keep each admin to the agencies they run.
rules.add_perm("service.view_queue", is_service_admin | is_platform_admin)
rules.add_perm("service.view_figures", is_service_admin | is_platform_admin)
