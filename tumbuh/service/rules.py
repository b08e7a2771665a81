"""Who may do what in the service. A request's conversation belongs to requester and provider;
service admins of the agency run the queue and read figures, not the conversation."""

import rules

from tumbuh.access.predicates import is_platform_admin, is_service_admin
from tumbuh.people.models import Role

from .models import ProviderProfile, RequestStatus, ServiceRequest
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


@rules.predicate
def owns_profile(user, profile) -> bool:
    """PROFILE (a provider profile, or a window or leave of one) is USER's own."""
    profile = getattr(profile, "provider", profile)
    return isinstance(profile, ProviderProfile) and profile.employee_id == user.pk


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
# Serving the request now: a provider's message is an answer, and they are named as "the provider" to the other.
rules.add_perm("service.serve_request", is_assigned_provider)
rules.add_perm(
    "service.post_message",
    is_party & _status_in(*[s for s in RequestStatus.values if s != RequestStatus.CANCELLED]),
)
rules.add_perm("service.see_matches", (is_admin | (is_requester & agency_allows_self_pick)) & open_for_assignment)
can_assign = is_admin & open_for_assignment
can_pick = is_requester & agency_allows_self_pick & open_for_assignment
rules.add_perm("service.assign_request", can_assign)
rules.add_perm("service.pick_provider", can_pick)
# Offering the request to a provider: the admin assigns, or the requester picks where the agency allows it.
rules.add_perm("service.offer_request", can_assign | can_pick)
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
rules.add_perm("service.manage_availability", owns_profile)
# Agency-wide pages: their selectors keep each admin to the agencies they run.
rules.add_perm("service.view_queue", is_service_admin | is_platform_admin)
rules.add_perm("service.view_figures", is_service_admin | is_platform_admin)
# The menu entry to the queue: staff first, so that for everyone else the menu costs no query.
rules.add_perm("service.see_admin_menu", rules.is_staff & (is_service_admin | is_platform_admin))
