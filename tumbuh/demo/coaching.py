"""Demo data for good coaching practice: contracts, SMART goals, a GROW session, SBI feedback, peer coaching.

Called by `seed_demo` after the engagements exist; idempotent like it (each part is skipped once it is there).
"""

import datetime
from decimal import Decimal

from django.utils import timezone, translation

from tumbuh.coaching.models import (
    Contract,
    ContractChannel,
    ContractRhythm,
    Engagement,
    EngagementStatus,
    Feedback,
    Goal,
    GoalProgress,
    PeerInvitation,
    PeerRole,
    Session,
    SessionStatus,
)
from tumbuh.coaching.models.contracts import DEFAULT_CONFIDENTIALITY
from tumbuh.people.models import Employee

# Engagement topic -> whose acceptance is still missing ("coachee"), or None when both accepted.
PENDING_CONTRACTS = {"Membangun kepercayaan diri saat presentasi": "coachee"}

# Goal title -> (indicator, unit, baseline, target, relevance, progress values oldest first)
SMART_GOALS = {
    "Mendelegasikan minimal tiga tugas rutin kepada anggota tim sebelum akhir triwulan": (
        "Jumlah tugas rutin yang sudah didelegasikan dan berjalan tanpa campur tangan langsung",
        "tugas",
        Decimal(0),
        Decimal(3),
        "Waktu Budi sebagai ketua tim baru habis untuk tugas rutin; SKP menuntut penyelesaian kajian kebijakan.",
        [Decimal(0), Decimal(1), Decimal(2)],
    ),
    "SKP tahun berjalan memuat indikator kinerja yang terukur dan disetujui atasan": (
        "Persentase indikator kinerja SKP yang memenuhi kriteria SMART",
        "%",
        Decimal(20),
        Decimal(100),
        "Dialog kinerja triwulanan memakai indikator SKP sebagai dasar penilaian.",
        [Decimal(20), Decimal(60)],
    ),
}

GROW_NOTES = {
    "goal": "Budi ingin tiga tugas rutin tim berjalan tanpa dia dalam sebulan.",
    "reality": (
        "Laporan mingguan dan rekap absensi masih dikerjakan Budi sendiri; dua staf baru belum pernah diberi tugas itu."
    ),
    "options": "Melatih satu staf per tugas; membuat SOP singkat; meminta Pak Wayan mengumumkan pembagian tugas.",
    "will": "Membuat SOP laporan mingguan dan menyerahkannya kepada Rizky minggu ini.",
}

FEEDBACK = {
    "situation": "Rapat tim Senin lalu, saat membahas jadwal laporan triwulan.",
    "behaviour": (
        "Anda meminta setiap anggota tim menyebutkan satu tugas yang siap mereka ambil alih, lalu mencatatnya di papan."
    ),
    "impact": (
        "Dua staf langsung mengajukan diri, dan rapat selesai 15 menit lebih cepat dengan pembagian tugas yang jelas."
    ),
    "reflective_question": "Apa yang membuat cara itu berhasil, dan di rapat mana lagi Anda bisa memakainya?",
}


def seed_practice(*, people: dict[str, Employee], now: datetime.datetime) -> None:
    """Contracts for started engagements, SMART goals with progress, a GROW session with feedback, a peer invitation."""
    # Stored texts (the contract's confidentiality terms) are written in Indonesian, the demo's language.
    with translation.override("id"):
        engagements = Engagement.objects.exclude(status=EngagementStatus.REQUESTED).select_related("coach", "coachee")
        for engagement in engagements:
            _seed_contract(engagement)
    _seed_smart_goals(now=now)
    _seed_grow_session()
    _seed_peer_invitation(people)


def _seed_contract(engagement: Engagement) -> None:
    if engagement.contracts.exists():
        return
    proposed = engagement.started_at or engagement.created_at
    missing = PENDING_CONTRACTS.get(engagement.topic)
    accepted = proposed + datetime.timedelta(days=1)
    ends_on = engagement.ended_at.date() if engagement.ended_at else timezone.localdate() + datetime.timedelta(days=90)
    Contract.objects.create(
        engagement=engagement,
        version=1,
        topic_and_goal=engagement.topic,
        sessions_planned=6,
        rhythm=ContractRhythm.BIWEEKLY,
        session_minutes=60,
        ends_on=ends_on,
        channel=ContractChannel.MIXED,
        confidentiality=str(DEFAULT_CONFIDENTIALITY),
        proposed_by=engagement.coach,
        proposed_at=proposed,
        coach_accepted_at=proposed,
        coachee_accepted_at=None if missing == "coachee" else accepted,
    )


def _seed_smart_goals(*, now: datetime.datetime) -> None:
    for goal in Goal.objects.filter(title__in=SMART_GOALS, indicator="").select_related("engagement__coachee"):
        indicator, unit, baseline, target, relevance, values = SMART_GOALS[goal.title]
        Goal.objects.filter(pk=goal.pk).update(
            indicator=indicator, unit=unit, baseline=baseline, target=target, relevance=relevance
        )
        start = goal.created_at.date()
        # Spread the entries from the goal's creation to a few days ago.
        span = timezone.localdate(now) - datetime.timedelta(days=3) - start
        for number, value in enumerate(values):
            day = start + span * number / max(len(values) - 1, 1)
            GoalProgress.objects.create(
                goal=goal, recorded_on=day, value=value, recorded_by=goal.engagement.coachee, created_at=now
            )


def _seed_grow_session() -> None:
    sessions = Session.objects.filter(engagement__topic="Delegasi tugas di tim baru", status=SessionStatus.HELD)
    if sessions.filter(canvas="grow").exists():
        return
    session = sessions.select_related("engagement__coach").order_by("-scheduled_at").first()
    if session is None:
        return
    Session.objects.filter(pk=session.pk).update(canvas="grow", stage_notes=GROW_NOTES)
    Feedback.objects.create(session=session, given_by=session.engagement.coach, created_at=session.ends_at, **FEEDBACK)


def _seed_peer_invitation(people: dict[str, Employee]) -> None:
    inviter, invitee = people.get("rizky.ramadhan"), people.get("budi")
    if inviter is None or invitee is None:
        return
    PeerInvitation.objects.get_or_create(
        invited_by=inviter,
        invitee=invitee,
        defaults={
            "inviter_role": PeerRole.COACHEE,
            "topic": "Menyusun laporan triwulan yang ringkas",
            "message": "Mas Budi, boleh saya belajar cara Mas menyusun laporan? 30 menit tiap dua minggu.",
        },
    )
