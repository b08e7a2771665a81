"""Factories for every app's models. Valid NIPs are built from the person's own data."""

import datetime
import functools

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from tumbuh.coaching.models import ActionItem, Engagement, EngagementStatus, Goal, Session
from tumbuh.people.models import Agency, Employee, Role, RoleGrant, Unit

PASSWORD = "rahasia-Tumbuh-2026"


@functools.cache
def hashed_password() -> str:
    # One hash for every person (tests run with the fast hasher): set with the row, not by a second save.
    return make_password(PASSWORD)


def make_nip(n: int) -> str:
    """A valid NIP for the n-th person: birth 1970-1994, appointment 22-31 years later, sequence from n."""
    birth = datetime.date(1970 + n % 25, 1 + n % 12, 1 + n % 28)
    appointed = birth.year + 22 + n % 10
    sex = 1 + n % 2
    return f"{birth:%Y%m%d}{appointed:04d}{1 + n % 12:02d}{sex}{1 + n % 999:03d}"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ["name"]

    name = "Pemerintah Provinsi Kepulauan Bangka Belitung"
    short_name = "Pemprov Babel"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Bidang {n}")


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee
        skip_postgeneration_save = True

    nip = factory.Sequence(make_nip)
    email = factory.Sequence(lambda n: f"pegawai{n}@babelprov.go.id")
    full_name = factory.Sequence(lambda n: f"Pegawai {n}")
    agency = factory.SubFactory(AgencyFactory)
    unit = factory.SubFactory(UnitFactory, agency=factory.SelfAttribute("..agency"))
    position = "Analis SDM Aparatur"
    password = factory.LazyFunction(hashed_password)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            RoleGrant.objects.create(employee=self, role=role, agency=self.agency)


class CoachFactory(EmployeeFactory):
    is_widyaiswara = True
    position = "Widyaiswara Ahli Madya"

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or [Role.COACH]:
            RoleGrant.objects.create(employee=self, role=role, agency=self.agency)


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    coach = factory.SubFactory(CoachFactory)
    coachee = factory.SubFactory(EmployeeFactory)
    # As start_engagement does: where the coachee works when it starts.
    agency = factory.SelfAttribute("coachee.agency")
    unit = factory.SelfAttribute("coachee.unit")
    topic = factory.Sequence(lambda n: f"Pengembangan kepemimpinan {n}")
    status = EngagementStatus.ACTIVE
    started_at = factory.LazyFunction(timezone.now)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    engagement = factory.SubFactory(EngagementFactory)
    scheduled_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))
    duration_minutes = 60
    shared_notes = "Catatan bersama: fokus pada delegasi tugas."
    private_notes = "Catatan pribadi coach: coachee tampak ragu."


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    engagement = factory.SubFactory(EngagementFactory)
    title = factory.Sequence(lambda n: f"Tujuan {n}")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    engagement = factory.SubFactory(EngagementFactory)
    title = factory.Sequence(lambda n: f"Tindakan {n}")
    owner = factory.SelfAttribute("engagement.coachee")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))


# Coaching contracts and peer coaching (issue 4). Models by label, so this block needs no imports of its own.
class ContractFactory(factory.django.DjangoModelFactory):
    """A first contract version proposed by the coach, still waiting for the coachee's acceptance."""

    class Meta:
        model = "coaching.Contract"

    engagement = factory.SubFactory(EngagementFactory)
    version = 1
    topic_and_goal = "Mendelegasikan dua tugas rutin kepada tim dalam tiga bulan."
    sessions_planned = 6
    rhythm = "biweekly"
    session_minutes = 60
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
    channel = "online"
    confidentiality = "Isi percakapan hanya diketahui coach dan coachee."
    proposed_by = factory.SelfAttribute("engagement.coach")
    proposed_at = factory.LazyFunction(timezone.now)
    coach_accepted_at = factory.SelfAttribute("proposed_at")


class AcceptedContractFactory(ContractFactory):
    coachee_accepted_at = factory.LazyFunction(timezone.now)


class PeerInvitationFactory(factory.django.DjangoModelFactory):
    """A pending invitation: the inviter asks the invitee to coach them."""

    class Meta:
        model = "coaching.PeerInvitation"

    invited_by = factory.SubFactory(EmployeeFactory)
    invitee = factory.SubFactory(EmployeeFactory)
    inviter_role = "coachee"
    topic = factory.Sequence(lambda n: f"Menyusun SKP tim {n}")


# SMART goals and their progress (issue 4).
class GoalProgressFactory(factory.django.DjangoModelFactory):
    """A reading of a goal's indicator today, recorded by the coachee."""

    class Meta:
        model = "coaching.GoalProgress"

    goal = factory.SubFactory(GoalFactory)
    recorded_on = factory.LazyFunction(timezone.localdate)
    value = 50
    recorded_by = factory.SelfAttribute("goal.engagement.coachee")


# Session canvas and SBI feedback (issue 4).
class FeedbackFactory(factory.django.DjangoModelFactory):
    """SBI feedback the coach gave in a session."""

    class Meta:
        model = "coaching.Feedback"

    session = factory.SubFactory(SessionFactory)
    given_by = factory.SelfAttribute("session.engagement.coach")
    situation = "Dalam rapat staf hari Senin pagi."
    behaviour = "Anda memaparkan tiga pilihan jadwal beserta biayanya sebelum ada yang bertanya."
    impact = "Rapat selesai 20 menit lebih cepat dan tim langsung bisa memilih."
    reflective_question = factory.Sequence(lambda n: f"Apa yang membantu Anda menyiapkannya ({n})?")
