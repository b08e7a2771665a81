"""Fill the database with a demo agency, its people and their coaching; running it again changes nothing."""

import datetime
import functools
import random

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from tumbuh.coaching.models import (
    ActionItem,
    Engagement,
    EngagementKind,
    EngagementStatus,
    Goal,
    GoalStatus,
    Session,
    SessionMode,
    SessionStatus,
)
from tumbuh.coaching.services import start_engagement
from tumbuh.demo import data
from tumbuh.demo.coaching import seed_practice
from tumbuh.demo.service import seed_service
from tumbuh.people.models import Agency, Employee, Language, RoleGrant, TimeZone, Unit
from tumbuh.people.nip import parse_nip
from tumbuh.toolkit.services import install_builtin_questions

DEMO_PASSWORD = "tumbuh-demo-2026"  # noqa: S105 -- printed for everyone to use, by design

# Generated NIPs never carry a later appointment month, so they stay valid whatever day the seed runs.
LATEST_APPOINTMENT_YEAR = 2024
SESSION_TIMES = [datetime.time(9, 0), datetime.time(13, 30), datetime.time(10, 0), datetime.time(14, 0)]
SESSION_MINUTES = {
    EngagementKind.COACHING: 60,
    EngagementKind.MENTORING: 90,
    EngagementKind.CONSULTING: 60,
    EngagementKind.PEER: 45,
}
PHONE_PREFIXES = ("0812", "0813", "0821", "0852")


UNITS_BY_CODE = {spec.code: spec for spec in data.UNITS}
HEADS_BY_UNIT = {person.unit: person.key for person in data.PEOPLE if person.position is data.HEAD}


def position_of(person: data.Person) -> str:
    if person.position is not data.HEAD:
        return person.position
    unit = UNITS_BY_CODE[person.unit]
    return unit.head_title or f"Kepala {unit.name}"


def supervisor_of(person: data.Person) -> str | None:
    """The key of the person's direct supervisor: OPD head -> heads of its units -> their staff."""
    opd, _, child = person.unit.partition(".")
    if person.position is data.HEAD:
        return HEADS_BY_UNIT.get(opd) if child else None
    return HEADS_BY_UNIT.get(person.unit)


def rank(person: data.Person) -> int:
    """0 for an OPD head, 1 for a unit head, 2 for staff: supervisors are created before their team."""
    if person.position is not data.HEAD:
        return 2
    return 1 if "." in person.unit else 0


def birth_years(person: data.Person) -> tuple[int, int]:
    for level, years in data.FUNCTIONAL_LEVEL_BIRTH_YEARS.items():
        if position_of(person).endswith(level):
            return years
    return data.BIRTH_YEARS[person.position_type]


def build_nip(person: data.Person) -> str:
    """The person's fixed NIP, or one derived from their key alone so it is the same on every run."""
    value = data.FIXED_NIPS.get(person.key)
    if value is None:
        rng = random.Random(f"tumbuh-demo-nip:{person.key}")
        first, last = birth_years(person)
        birth = datetime.date(rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28))
        appointed = min(birth.year + rng.randint(22, 30), LATEST_APPOINTMENT_YEAR)
        value = f"{birth:%Y%m%d}{appointed}{rng.randint(1, 12):02d}{person.sex}{rng.randint(1, 999):03d}"
    nip = parse_nip(value)
    adult_from = nip.birth_date.replace(year=nip.birth_date.year + 18, day=1)
    if nip.sex != person.sex or nip.appointment <= adult_from:
        raise CommandError(f"The demo NIP {value} of {person.name} does not fit the person.")
    return value


def build_phone(person: data.Person) -> str:
    rng = random.Random(f"tumbuh-demo-phone:{person.key}")
    if person.key not in data.WITH_PHONE and rng.random() < 0.4:
        return ""
    return f"{rng.choice(PHONE_PREFIXES)}{rng.randint(0, 99_999_999):08d}"


class DemoSeeder:
    """Writes the demo data; each object is looked up on its natural key first and only created when missing."""

    def __init__(self, *, today: datetime.date, now: datetime.datetime) -> None:
        self.today = today
        self.now = now
        self.units: dict[str, Unit] = {}
        self.people: dict[str, Employee] = {}

    @functools.cached_property
    def password_hash(self) -> str:
        # One hash for every new account: hashing sixty passwords one by one takes more than a minute.
        return make_password(DEMO_PASSWORD)

    def run(self) -> None:
        self.agency, _ = Agency.objects.get_or_create(
            name=data.AGENCY_NAME, defaults={"short_name": data.AGENCY_SHORT_NAME}
        )
        self.seed_units()
        self.seed_people()
        self.seed_roles()
        self.admin = self.seed_platform_admin()
        for index, spec in enumerate(data.ENGAGEMENTS):
            self.seed_engagement(index, spec)
        seed_service(agency=self.agency, people=self.people, now=self.now)
        install_builtin_questions()
        seed_practice(people=self.people, now=self.now)

    # People and the organisation

    def seed_units(self) -> None:
        for spec in data.UNITS:
            opd, _, child = spec.code.partition(".")
            parent = self.units[opd] if child else None
            self.units[spec.code], _ = Unit.objects.get_or_create(agency=self.agency, parent=parent, name=spec.name)

    def seed_people(self) -> None:
        nips: set[str] = set()
        for person in sorted(data.PEOPLE, key=rank):
            nip = build_nip(person)
            if nip in nips:
                raise CommandError(f"Two demo people share the NIP {nip}; change the key of {person.name}.")
            nips.add(nip)
            email = f"{person.key}@{data.EMAIL_DOMAIN}"
            employee = Employee.objects.filter(nip=nip).first() or Employee.objects.filter(email__iexact=email).first()
            self.people[person.key] = employee or self.create_employee(person, nip=nip, email=email)

    def create_employee(self, person: data.Person, *, nip: str, email: str) -> Employee:
        employee = Employee(
            nip=nip,
            email=email,
            full_name=person.name,
            phone=build_phone(person),
            agency=self.agency,
            unit=self.units[person.unit],
            position=position_of(person),
            position_type=person.position_type,
            supervisor=self.people.get(supervisor_of(person)),
            is_widyaiswara=person.key in data.WIDYAISWARA,
            time_zone=data.TIME_ZONES.get(person.key, TimeZone.WIB),
            language=Language.ENGLISH if person.key in data.ENGLISH_SPEAKERS else Language.INDONESIAN,
            is_staff=person.key in data.BACK_OFFICE,
            password=self.password_hash,
        )
        employee.full_clean()
        employee.save()
        return employee

    def seed_roles(self) -> None:
        for key, grants in data.ROLES.items():
            for role, unit_code in grants:
                RoleGrant.objects.get_or_create(
                    employee=self.people[key],
                    role=role,
                    agency=self.agency,
                    defaults={"unit": self.units[unit_code] if unit_code else None},
                )

    def seed_platform_admin(self) -> Employee:
        admin = Employee.objects.filter(email__iexact=data.ADMIN_EMAIL).first()
        if admin is None:
            admin = Employee(
                email=data.ADMIN_EMAIL,
                full_name=data.ADMIN_NAME,
                is_staff=True,
                is_superuser=True,
                password=self.password_hash,
            )
            admin.full_clean()
            admin.save()
        return admin

    # Engagements and what happened in them

    def seed_engagement(self, index: int, spec: data.EngagementSpec) -> None:
        coach, coachee = self.people[spec.coach], self.people[spec.coachee]
        if coachee.supervisor_id == coach.pk or coach.supervisor_id == coachee.pk:
            raise CommandError(f"{coach} cannot coach {coachee}: one is the other's direct supervisor.")
        engagement = Engagement.objects.filter(coach=coach, coachee=coachee, topic=spec.topic).first()
        if engagement is None:
            engagement = start_engagement(coach=coach, coachee=coachee, topic=spec.topic, kind=spec.kind)
            self.backdate(engagement, index, spec)
        # Sessions, goals and actions sit at dates relative to the day of the first run; never add a second set.
        if engagement.sessions.exists() or engagement.goals.exists() or engagement.action_items.exists():
            return
        held = self.seed_sessions(engagement, index, spec)
        goals = self.seed_goals(engagement, spec, held)
        self.seed_actions(engagement, spec, held, goals)

    def session_start(self, day: datetime.date, slot: int) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, SESSION_TIMES[slot % len(SESSION_TIMES)]))

    def backdate(self, engagement: Engagement, index: int, spec: data.EngagementSpec) -> None:
        if spec.status == EngagementStatus.REQUESTED:
            fields = {"status": spec.status, "created_at": self.now - datetime.timedelta(days=2), "started_at": None}
        else:
            first_day = self.today - datetime.timedelta(days=spec.sessions[0][0] + 7)
            started = self.session_start(first_day, index)
            fields = {"status": spec.status, "created_at": started, "started_at": started}
            if spec.status == EngagementStatus.COMPLETED:
                last_day = self.today - datetime.timedelta(days=spec.sessions[-1][0] - 2)
                fields["ended_at"] = self.session_start(last_day, index + 1)
        Engagement.objects.filter(pk=engagement.pk).update(**fields)
        engagement.refresh_from_db()

    def seed_sessions(self, engagement: Engagement, index: int, spec: data.EngagementSpec) -> list[Session]:
        notes = data.SHARED_NOTES[spec.kind]
        first_name = spec.coachee.split(".")[0].capitalize()
        held = []
        for number, (days_ago, mode) in enumerate(spec.sessions, start=1):
            stage = number - 1
            if spec.status == EngagementStatus.COMPLETED and number == len(spec.sessions):
                stage = len(notes) - 1
            held.append(
                self.add_session(
                    engagement,
                    spec,
                    number,
                    start=self.session_start(self.today - datetime.timedelta(days=days_ago), index + number),
                    mode=mode,
                    shared_notes=notes[min(stage, len(notes) - 1)].format(coachee=first_name, topic=spec.topic),
                    private_notes=data.PRIVATE_NOTES[(index + number) % len(data.PRIVATE_NOTES)],
                )
            )
        if spec.next_session_in_days is not None:
            self.add_session(
                engagement,
                spec,
                len(spec.sessions) + 1,
                start=self.session_start(self.today + datetime.timedelta(days=spec.next_session_in_days), index),
                mode=SessionMode.ONLINE,
            )
        return held

    def add_session(
        self,
        engagement: Engagement,
        spec: data.EngagementSpec,
        number: int,
        *,
        start: datetime.datetime,
        mode: str,
        shared_notes: str = "",
        private_notes: str = "",
    ) -> Session:
        minutes = SESSION_MINUTES[spec.kind]
        written = min(start + datetime.timedelta(minutes=minutes), self.now)
        session, _ = Session.objects.get_or_create(
            engagement=engagement,
            scheduled_at=start,
            defaults={
                "duration_minutes": minutes,
                "mode": mode,
                "meeting_url": (
                    f"https://meet.jit.si/tumbuh-{spec.coachee.replace('.', '-')}-sesi-{number}"
                    if mode == SessionMode.ONLINE
                    else ""
                ),
                "location": spec.location if mode == SessionMode.OFFLINE else "",
                "status": SessionStatus.SCHEDULED if start > self.now else SessionStatus.HELD,
                "shared_notes": shared_notes,
                "private_notes": private_notes,
                "created_at": written,
                "updated_at": written,
            },
        )
        return session

    def seed_goals(self, engagement: Engagement, spec: data.EngagementSpec, held: list[Session]) -> list[Goal]:
        completed = spec.status == EngagementStatus.COMPLETED
        goals = []
        for number, title in enumerate(spec.goals):
            target = (
                held[-1].scheduled_at.date() if completed else self.today + datetime.timedelta(days=45 + 15 * number)
            )
            goal, _ = Goal.objects.get_or_create(
                engagement=engagement,
                title=title,
                defaults={
                    "target_date": target,
                    "status": GoalStatus.ACHIEVED if completed else GoalStatus.OPEN,
                    "created_at": held[0].scheduled_at,
                },
            )
            goals.append(goal)
        return goals

    def seed_actions(
        self, engagement: Engagement, spec: data.EngagementSpec, held: list[Session], goals: list[Goal]
    ) -> None:
        for number, action in enumerate(spec.actions):
            owner = engagement.coach if action.by_coach else engagement.coachee
            due = self.today + datetime.timedelta(days=action.due_in_days)
            # The action was agreed in the last session held before it fell due.
            agreed_in = [s for s in held if s.scheduled_at.date() < due] or held[:1]
            done_at = None
            if action.done:
                done_at = min(self.session_start(due - datetime.timedelta(days=1), number + 1), self.now)
            ActionItem.objects.get_or_create(
                engagement=engagement,
                title=action.title,
                defaults={
                    "session": agreed_in[-1],
                    "goal": goals[number % len(goals)] if goals else None,
                    "owner": owner,
                    "due_on": due,
                    "done_at": done_at,
                    "done_by": owner if action.done else None,
                    "created_at": agreed_in[-1].scheduled_at,
                },
            )


class Command(BaseCommand):
    help = "Create a demo agency (Pemprov Babel) with its units, people, roles and coaching. Safe to run again."

    def handle(self, *args, **options) -> None:
        seeder = DemoSeeder(today=timezone.localdate(), now=timezone.now())
        with transaction.atomic():
            seeder.run()
        self.write_summary()
        self.write_logins(seeder)

    def write_summary(self) -> None:
        counts = [
            (Employee.objects.count(), "people"),
            (Unit.objects.count(), "units"),
            (Engagement.objects.count(), "engagements"),
            (Session.objects.count(), "sessions"),
            (Goal.objects.count(), "goals"),
            (ActionItem.objects.count(), "action items"),
        ]
        self.stdout.write("Demo data ready. In the database: " + ", ".join(f"{n} {noun}" for n, noun in counts) + ".")

    def write_logins(self, seeder: DemoSeeder) -> None:
        rows = [("Role", "Name", "NIP", "E-mail", "Password")]
        for role, key in data.LOGINS:
            person = seeder.admin if key is None else seeder.people[key]
            rows.append((role, person.full_name, person.nip or "-", person.email, DEMO_PASSWORD))
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
        lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
        lines.insert(1, "  ".join("-" * width for width in widths))
        self.stdout.write("\nDemo logins (e-mail or NIP; the password is the demo one unless its owner changed it):")
        self.stdout.write("\n".join(lines))
