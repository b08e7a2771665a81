"""Reads about requests and the provider pool, scoped to the viewer."""

from django.db.models import Q, QuerySet

from tumbuh.people.models import Employee, Role

from ..models import ProviderProfile, RequestEvent, ServiceRequest


def admin_agency_ids(user: Employee) -> list[int]:
    """Agencies in which USER is a service admin."""
    if not user.is_authenticated:
        return []
    return list(user.role_grants.filter(role=Role.SERVICE_ADMIN).values_list("agency_id", flat=True))


def requests_visible_to(user: Employee) -> QuerySet[ServiceRequest]:
    """Requests USER filed or serves, every request of agencies USER administers, all for a platform admin."""
    if not user.is_authenticated:
        return ServiceRequest.objects.none()
    base = ServiceRequest.objects.select_related("requester", "provider", "topic", "agency", "engagement")
    if user.is_superuser:
        return base
    administered = user.role_grants.filter(role=Role.SERVICE_ADMIN).values("agency_id")
    return base.filter(Q(requester=user) | Q(provider=user) | Q(agency_id__in=administered))


def my_requests(user: Employee) -> QuerySet[ServiceRequest]:
    return requests_visible_to(user).filter(requester=user).order_by("-created_at")


def offers_to(user: Employee) -> QuerySet[ServiceRequest]:
    """Requests offered to or served by USER as provider."""
    return requests_visible_to(user).filter(provider=user).order_by("-created_at")


def request_detail_for(user: Employee) -> QuerySet[ServiceRequest]:
    return (
        requests_visible_to(user)
        .select_related("on_behalf_of_unit", "preferred_provider")
        .prefetch_related("preferred_windows")
    )


def events_of(request: ServiceRequest) -> QuerySet[RequestEvent]:
    return request.events.select_related("actor").order_by("at", "pk")


def providers_visible_to(user: Employee) -> QuerySet[ProviderProfile]:
    """The provider pool of USER's agency (every agency for a platform admin)."""
    qs = ProviderProfile.objects.select_related("employee", "employee__unit").prefetch_related("topics")
    if user.is_superuser:
        return qs
    if user.agency_id is None:
        return qs.none()
    return qs.filter(agency_id=user.agency_id)


def pool_member(agency_id: int, employee_id: object) -> Employee | None:
    """The active employee with that id in AGENCY_ID's provider pool, or None (unknown and outsiders alike)."""
    try:
        pk = int(str(employee_id))
    except ValueError:
        return None
    return Employee.objects.filter(pk=pk, is_active=True, provider_profile__agency_id=agency_id).first()
