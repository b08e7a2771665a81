"""The provider pool: who offers which service, on which topics, with which certifications."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tumbuh.people.models import Agency, Employee


class Topic(models.Model):
    """An entry of the agency's topic catalogue (managed by the service admin)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="topics", verbose_name=_("agency"))
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="topic_unique_name_per_agency")]

    def __str__(self) -> str:
        return self.name


class ProviderProfile(models.Model):
    """A coach, mentor or consultant in the agency's pool."""

    employee = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_profile", verbose_name=_("employee")
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="providers", verbose_name=_("agency"))
    offers_consulting = models.BooleanField(_("offers consulting"), default=False)
    offers_coaching = models.BooleanField(_("offers coaching"), default=True)
    offers_mentoring = models.BooleanField(_("offers mentoring"), default=False)
    topics = models.ManyToManyField(Topic, blank=True, related_name="providers", verbose_name=_("expertise topics"))
    bio = models.TextField(_("short biography"), blank=True)
    languages = models.CharField(
        _("languages"), max_length=60, default="id", help_text=_("Language codes, comma-separated, e.g. id,en.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=5, help_text=_("The most active engagements this person takes at once.")
    )
    accepting_requests = models.BooleanField(_("accepting new requests"), default=True)
    meeting_url = models.URLField(
        _("own meeting link"), blank=True, help_text=_("Used for online sessions; if empty, a Jitsi room is made.")
    )
    slot_minutes = models.PositiveSmallIntegerField(_("session length (minutes)"), default=60)

    class Meta:
        verbose_name = _("provider profile")
        verbose_name_plural = _("provider profiles")
        ordering = ["employee__full_name"]

    def __str__(self) -> str:
        return str(self.employee)

    def clean(self) -> None:
        # A row cannot see the person's row: the pool is the provider's own agency, checked here.
        super().clean()
        employee = Employee.objects.filter(pk=self.employee_id).select_related("agency").first()
        if employee is None or self.agency_id is None or employee.agency_id == self.agency_id:
            return
        if employee.agency is None:
            message = _("%(name)s has no agency; set the person's agency before adding them to a pool.")
        else:
            message = _("%(name)s works at %(agency)s; a provider profile belongs to the provider's own agency.")
        raise ValidationError({"agency": message % {"name": employee.full_name, "agency": employee.agency}})

    def offers(self, kind: str) -> bool:
        return bool(getattr(self, f"offers_{kind}", False))


class Certification(models.Model):
    provider = models.ForeignKey(ProviderProfile, on_delete=models.CASCADE, related_name="certifications")
    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. LAN coaching training, ICF ACC, ICF PCC."))
    issuer = models.CharField(_("issuer"), max_length=200)
    number = models.CharField(_("certificate number"), max_length=100, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Empty: does not expire."))

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["-valid_until"]

    def __str__(self) -> str:
        return self.name

    def is_valid(self, on: datetime.date | None = None) -> bool:
        return self.valid_until is None or self.valid_until >= (on or timezone.localdate())


class ServicePolicy(models.Model):
    """How an agency runs its service."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="service_policy")
    allow_self_pick = models.BooleanField(
        _("requesters may pick their provider"),
        default=False,
        help_text=_("If off, a service admin assigns every request."),
    )
    min_notice_hours = models.PositiveSmallIntegerField(_("minimum notice to reschedule or cancel (hours)"), default=24)
    min_raters_for_rating = models.PositiveSmallIntegerField(_("ratings needed before a rating is shown"), default=3)
    booking_horizon_days = models.PositiveSmallIntegerField(_("how far ahead one can book (days)"), default=28)

    class Meta:
        verbose_name = _("service policy")
        verbose_name_plural = _("service policies")

    def __str__(self) -> str:
        return str(self.agency)
