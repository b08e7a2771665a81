"""Factories for the service app."""

import datetime

import factory
from django.utils import timezone

from tests.factories import AgencyFactory, CoachFactory, EmployeeFactory, EngagementFactory
from tumbuh.service.models import (
    AvailabilityException,
    Certification,
    PreferredWindow,
    ProviderProfile,
    RequestStatus,
    ServiceRequest,
    Topic,
    WeeklyAvailability,
)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["agency", "name"]

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Topik {n}")


class ProviderProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderProfile
        django_get_or_create = ["employee"]

    employee = factory.SubFactory(CoachFactory)
    agency = factory.SelfAttribute("employee.agency")
    offers_coaching = True
    offers_mentoring = True
    offers_consulting = True
    capacity = 5


class WeeklyAvailabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WeeklyAvailability

    provider = factory.SubFactory(ProviderProfileFactory)
    weekday = 1
    start_time = datetime.time(9, 0)
    end_time = datetime.time(12, 0)


class ServiceRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceRequest

    requester = factory.SubFactory(EmployeeFactory)
    agency = factory.SelfAttribute("requester.agency")
    kind = "coaching"
    topic = factory.SubFactory(TopicFactory, agency=factory.SelfAttribute("..agency"))
    need = "Saya ingin belajar mendelegasikan tugas kepada tim."


class AcceptedRequestFactory(ServiceRequestFactory):
    """A request its provider has accepted: the engagement between the two is open, a session can be booked."""

    provider = factory.SubFactory(CoachFactory, agency=factory.SelfAttribute("..agency"))
    status = RequestStatus.ACCEPTED
    engagement = factory.SubFactory(
        EngagementFactory,
        coach=factory.SelfAttribute("..provider"),
        coachee=factory.SelfAttribute("..requester"),
        kind=factory.SelfAttribute("..kind"),
    )


class AvailabilityExceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AvailabilityException

    provider = factory.SubFactory(ProviderProfileFactory)
    reason = "Cuti tahunan"


def day_next_week(weekday: int, zone: datetime.tzinfo, *, weeks: int = 1) -> datetime.date:
    """The date of WEEKDAY (0 = Monday) in the week after this one on ZONE's clock: 7 to 13 days ahead."""
    today = timezone.now().astimezone(zone).date()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification

    provider = factory.SubFactory(ProviderProfileFactory)
    name = "ICF ACC"
    issuer = "International Coaching Federation"
    valid_until = None


class PreferredWindowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PreferredWindow

    request = factory.SubFactory(ServiceRequestFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda window: window.starts_at + datetime.timedelta(hours=2))
