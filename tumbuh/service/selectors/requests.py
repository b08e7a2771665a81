"""Reads about requests and the provider pool, scoped to the viewer."""

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from tumbuh.coaching.models import EngagementStatus
from tumbuh.people.models import Employee, Role

from ..models import Booking, ProviderProfile, RequestEvent, ServiceKind, ServiceRequest
from ..models.booking import BookingStatus


def admin_agency_ids(user: Employee) -> list[int]:
    """Agencies in which USER is a service admin."""
    if not user.is_authenticated:
        return []
    return list(user.role_grants.filter(role=Role.SERVICE_ADMIN).values_list("agency_id", flat=True))


ADMINISTERED = "_service_admin_agency_ids"


def _administered_by(user: Employee) -> list[int]:
    """admin_agency_ids, looked up once per user object (a page may ask for several lists of requests)."""
    if not hasattr(user, ADMINISTERED):
        setattr(user, ADMINISTERED, admin_agency_ids(user))
    return getattr(user, ADMINISTERED)


def requests_visible_to(user: Employee) -> QuerySet[ServiceRequest]:
    """Requests USER filed or serves, every request of agencies USER administers, all for a platform admin."""
    if not user.is_authenticated:
        return ServiceRequest.objects.none()
    base = ServiceRequest.objects.select_related("requester", "provider", "topic", "agency", "engagement")
    if user.is_superuser:
        return base
    own = Q(requester=user) | Q(provider=user)
    administered = _administered_by(user)
    if not administered:
        return base.filter(own)
    # Each branch on its own index: OR-ing the agencies with a subquery made every read scan the table.
    # USER's own requests outside those agencies are few (usually none), so they are named by id.
    own_elsewhere = list(
        ServiceRequest.objects.filter(own).exclude(agency_id__in=administered).values_list("pk", flat=True)
    )
    in_agencies = Q(agency_id__in=administered)
    return base.filter(in_agencies | Q(pk__in=own_elsewhere) if own_elsewhere else in_agencies)


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


def active_bookings_of(request: ServiceRequest) -> QuerySet[Booking]:
    """The sessions booked for REQUEST and not cancelled, soonest first."""
    return request.bookings.filter(status=BookingStatus.ACTIVE).select_related("session").order_by("starts_at")


def events_of(request: ServiceRequest) -> QuerySet[RequestEvent]:
    return request.events.select_related("actor").order_by("at", "pk")


def providers_visible_to(user: Employee) -> QuerySet[ProviderProfile]:
    """The provider pool of USER's agency (every agency for a platform admin)."""
    qs = ProviderProfile.objects.select_related("employee", "employee__unit").prefetch_related("topics")
    if user.is_superuser:
        return qs
    if user.agency_id is None:
        return qs.none()
    # A provider transferred out (mutasi) whose profile still names this agency is no longer in its pool.
    return qs.filter(agency_id=user.agency_id, employee__agency_id=user.agency_id)


def pool_member(agency_id: int, employee_id: object) -> Employee | None:
    """The active employee with that id in AGENCY_ID's provider pool, or None (unknown and outsiders alike)."""
    try:
        pk = int(str(employee_id))
    except ValueError:
        return None
    return Employee.objects.filter(
        pk=pk, is_active=True, agency_id=agency_id, provider_profile__agency_id=agency_id
    ).first()


def request_url(request: ServiceRequest) -> str:
    """Where a notice about REQUEST points."""
    return reverse("service:request-detail", args=[request.pk])


def service_admins_of(agency_id: int) -> QuerySet[Employee]:
    """The service admins of AGENCY_ID, who are told of new and declined requests."""
    return Employee.objects.filter(role_grants__role=Role.SERVICE_ADMIN, role_grants__agency_id=agency_id).distinct()


def provider_problem(*, provider: Employee, kind: str, requester: Employee, agency_id: int | None) -> str | None:
    """Why PROVIDER cannot take a KIND request from REQUESTER in AGENCY_ID's service, or None when they can."""
    profile = ProviderProfile.objects.filter(employee=provider).first()
    # A profile serves only the provider's own agency: after a transfer (mutasi) the old pool no longer has them.
    if profile is not None and profile.agency_id != provider.agency_id:
        profile = None
    # Agencies are walls: only the request's own pool serves it. Whoever is outside is answered as an
    # unknown choice is, without their name.
    pool_agency = profile.agency_id if profile is not None else provider.agency_id
    if agency_id is None or pool_agency != agency_id:
        return _("Choose a provider from the list.")
    if profile is None:
        return _("%(name)s is not in the provider pool.") % {"name": provider.full_name}
    if provider.pk == requester.pk:
        return _("Nobody can serve their own request.")
    if requester.supervisor_id == provider.pk:
        return _("%(name)s is the requester's direct supervisor; choose someone outside the reporting line.") % {
            "name": provider.full_name
        }
    if not profile.offers(kind):
        return _("%(name)s does not offer %(service)s; choose a provider who does.") % {
            "name": provider.full_name,
            "service": ServiceKind(kind).label.lower(),
        }
    if not profile.accepting_requests:
        return _("%(name)s is not taking new requests at the moment.") % {"name": provider.full_name}
    if active_engagement_count(provider) >= profile.capacity:
        return _("%(name)s has no capacity left (%(count)d active engagements).") % {
            "name": provider.full_name,
            "count": profile.capacity,
        }
    return None


def active_engagement_count(provider: Employee) -> int:
    return provider.engagements_as_coach.filter(
        status__in=[EngagementStatus.REQUESTED, EngagementStatus.ACTIVE]
    ).count()
