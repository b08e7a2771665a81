import datetime

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tumbuh.access.roles import Role

from .nip import AsnType, Nip, NipField, normalize_nip, parse_nip


class Agency(models.Model):
    """An instansi: a ministry, a provincial or regency government, an agency like LAN."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class Unit(models.Model):
    """A unit kerja / OPD inside an agency; units form a tree."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="units", verbose_name=_("agency"))
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("parent unit")
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["agency__name", "name"]
        # Two constraints because NULL parents never collide in a plain unique index.
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "parent", "name"],
                condition=Q(parent__isnull=False),
                name="unit_unique_name_in_parent",
                violation_error_message=_("This parent unit already has a sub-unit with this name."),
            ),
            models.UniqueConstraint(
                fields=["agency", "name"],
                condition=Q(parent__isnull=True),
                name="unit_unique_top_level_name",
                violation_error_message=_("This agency already has a top-level unit with this name."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="unit_is_not_its_own_parent",
                violation_error_message=_("A unit cannot be its own parent unit."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def validate_constraints(self, exclude=None) -> None:
        super().validate_constraints(exclude=_with_own_id(exclude))

    def clean(self) -> None:
        # A row cannot see other rows: the same agency along the tree, and a tree without loops, are checked here.
        super().clean()
        errors: dict[str, object] = {}
        # The parent's own id is the database's check (unit_is_not_its_own_parent); an unknown id is a field error.
        parent = Unit.objects.filter(pk=self.parent_id).first() if self.parent_id not in (None, self.pk) else None
        if parent is not None:
            if parent.agency_id != self.agency_id:
                errors["parent"] = _("The parent unit must belong to the same agency as this unit.")
            elif self.pk is not None and _chain_reaches(Unit, "parent_id", start=parent.pk, target=self.pk):
                errors["parent"] = _("%(parent)s lies below this unit; a unit cannot hang under its own sub-unit.") % {
                    "parent": parent.name
                }
        if self.pk is not None and self.agency_id is not None:
            children = Unit.objects.filter(parent_id=self.pk).exclude(agency_id=self.agency_id)
            staff = Employee.objects.filter(unit_id=self.pk).exclude(agency_id=self.agency_id)
            if children.exists() or staff.exists():
                errors["agency"] = _(
                    "Sub-units or people of this unit belong to another agency; move them before moving the unit."
                )
        if errors:
            raise ValidationError(errors)


def _with_own_id(exclude) -> set[str] | None:
    # A model form leaves the row's own id out of validation, which would skip every check against it.
    return None if exclude is None else set(exclude) - {"id"}


def _chain_reaches(model: type[models.Model], link: str, *, start: int, target: int) -> bool:
    """Whether following LINK (a parent or supervisor id) up from START arrives at TARGET: one query per step."""
    seen: set[int] = set()
    current: int | None = start
    while current is not None and current not in seen:
        if current == target:
            return True
        seen.add(current)
        current = model._default_manager.filter(pk=current).values_list(link, flat=True).first()
    return False


class PositionType(models.TextChoices):
    STRUCTURAL_ADMINISTRATOR = "administrator", _("Structural – administrator")
    STRUCTURAL_SUPERVISOR = "supervisor", _("Structural – supervisor")
    STRUCTURAL_HIGH = "high_leader", _("Structural – high leader (JPT)")
    FUNCTIONAL = "functional", _("Functional")
    EXECUTOR = "executor", _("Executor (pelaksana)")


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (Western Indonesia, UTC+7)")
    WITA = "Asia/Makassar", _("WITA (Central Indonesia, UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (Eastern Indonesia, UTC+9)")


class Language(models.TextChoices):
    INDONESIAN = "id", _("Bahasa Indonesia")
    ENGLISH = "en", _("English")


class EmployeeManager(BaseUserManager["Employee"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("An employee needs an e-mail address.")
        if fields.get("nip"):
            fields["nip"] = parse_nip(fields["nip"], asn_type=fields.get("asn_type", AsnType.PNS)).value
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        fields.setdefault("full_name", email)
        return self.create_user(email, password, **fields)

    def get_by_login(self, login: str) -> "Employee":
        """Find the employee by NIP (spaces allowed) or by e-mail, case-insensitively."""
        login = login.strip()
        if "@" in login:
            return self.get(email__iexact=login)
        return self.get(nip=normalize_nip(login))


class Employee(AbstractBaseUser, PermissionsMixin):
    """A person who uses Tumbuh: almost always an ASN with a NIP; logs in with NIP or e-mail."""

    nip = NipField(
        "NIP",
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "18 digits. PNS: birth date, appointment month, sex, sequence. "
            "PPPK: birth date, year of first appointment, code, sex, sequence."
        ),
    )
    asn_type = models.CharField(_("ASN type"), max_length=4, choices=AsnType.choices, default=AsnType.PNS)
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("mobile number (WhatsApp)"), max_length=20, blank=True)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="employees", verbose_name=_("agency")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="employees", verbose_name=_("unit")
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    position_type = models.CharField(
        _("position type"), max_length=20, choices=PositionType.choices, default=PositionType.EXECUTOR
    )
    supervisor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team",
        verbose_name=_("direct supervisor"),
    )
    is_widyaiswara = models.BooleanField(_("widyaiswara"), default=False)
    time_zone = models.CharField(_("time zone"), max_length=32, choices=TimeZone.choices, default=TimeZone.WIB)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.INDONESIAN)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("back-office access"), default=False, help_text=_("May log in to the back-office (Django admin).")
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = EmployeeManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="employee_unique_email_ci",
                violation_error_message=_("Someone already uses this e-mail address."),
            ),
            models.CheckConstraint(
                condition=~Q(supervisor=F("pk")),
                name="employee_is_not_own_supervisor",
                violation_error_message=_("A person cannot be their own direct supervisor."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean_fields(self, exclude=None) -> None:
        # A NIP's structure depends on the ASN type (PNS or PPPK), which a field validator cannot see.
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.error_dict
        else:
            errors = {}
        if self.nip and "nip" not in (exclude or ()) and not errors.keys() & {"nip", "asn_type"}:
            try:
                parse_nip(self.nip, asn_type=self.asn_type)
            except ValidationError as error:
                errors["nip"] = [error]
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None) -> None:
        super().validate_constraints(exclude=_with_own_id(exclude))

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()
        if self.nip:
            self.nip = normalize_nip(self.nip)
        # A row cannot see other rows: the unit's agency and the reporting line are checked here.
        errors: dict[str, object] = {}
        unit_agency = (
            Unit.objects.filter(pk=self.unit_id).values_list("agency_id", flat=True) if self.unit_id is not None else []
        )
        if any(agency_id != self.agency_id for agency_id in unit_agency):
            errors["unit"] = _("The unit must belong to the person's agency; choose a unit of that agency.")
        # Being one's own supervisor is the database's check (employee_is_not_own_supervisor).
        supervisor = None
        if self.supervisor_id is not None and self.supervisor_id != self.pk:
            supervisor = Employee.objects.filter(pk=self.supervisor_id).first()
        if (
            self.pk is not None
            and supervisor is not None
            and _chain_reaches(Employee, "supervisor_id", start=supervisor.pk, target=self.pk)
        ):
            errors["supervisor"] = _(
                "%(name)s reports to this person, directly or through others; choose someone higher up the line."
            ) % {"name": supervisor.full_name}
        if errors:
            raise ValidationError(errors)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0]

    @property
    def parsed_nip(self) -> Nip | None:
        return parse_nip(self.nip, asn_type=self.asn_type) if self.nip else None

    def has_role(self, role: str) -> bool:
        """Whether this person holds ROLE; cached per request on the instance."""
        if not hasattr(self, "_role_cache"):
            self._role_cache = set(self.role_grants.values_list("role", flat=True))
        return role in self._role_cache


class RoleGrant(models.Model):
    """A role one person holds, within an agency (and optionally one unit of it).

    Coachee and supervisor are not granted: every ASN is a coachee, and whoever has a team is a supervisor.
    """

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="role_grants", verbose_name=_("agency"))
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="role_grants", verbose_name=_("unit")
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [
            models.UniqueConstraint(fields=["employee", "role", "agency"], name="rolegrant_unique_role_per_agency"),
        ]

    def __str__(self) -> str:
        return f"{self.employee} – {self.get_role_display()}"


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 digest is stored."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    # None: valid until revoked (or until the password changes).
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return self.name

    def is_expired(self, at: datetime.datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (at or timezone.now())
