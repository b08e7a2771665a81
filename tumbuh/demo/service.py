"""Demo data for the service: the topic catalogue, the provider pool with weekly hours, and a few requests.

Called by `seed_demo`; idempotent like it (every object is looked up on a natural key first).
"""

import datetime

from tumbuh.people.models import Agency, Employee
from tumbuh.service.models import (
    Certification,
    PreferredWindow,
    ProviderProfile,
    RequestEvent,
    RequestStatus,
    ServicePolicy,
    ServiceRequest,
    Topic,
    WeeklyAvailability,
)

TOPICS = [
    "Manajemen kinerja dan SKP",
    "Kepemimpinan dan delegasi",
    "Komunikasi efektif",
    "Inovasi dan Aksi Perubahan",
    "Manajemen ASN dan karier",
    "Pelayanan publik",
    "Transformasi digital",
    "Keseimbangan kerja dan kesejahteraan",
]

# key -> (consulting, coaching, mentoring, topics, capacity, weekly hours [(weekday, start, end)], bio)
PROVIDERS = {
    "sari": (
        False,
        True,
        True,
        [0, 1, 2],
        6,
        [(1, 9, 12), (3, 13, 16)],
        "Widyaiswara Ahli Madya; coach bersertifikat. Mendampingi pejabat administrator dan pengawas.",
    ),
    "hendra.gunawan": (
        True,
        True,
        False,
        [3, 6, 0],
        5,
        [(0, 8, 11), (2, 9, 12)],
        "Widyaiswara bidang inovasi dan transformasi digital; konsultan Aksi Perubahan.",
    ),
    "ayu.pratiwi": (
        True,
        True,
        False,
        [2, 5, 7],
        4,
        [(2, 13, 16), (4, 9, 11)],
        "Widyaiswara bidang pelayanan publik dan komunikasi.",
    ),
    "arief.budiman": (
        False,
        False,
        True,
        [1, 6],
        3,
        [(3, 9, 12)],
        "Kepala bidang; mentor bagi ASN muda di bidang teknologi informasi.",
    ),
    "dessy.ratnasari": (
        False,
        True,
        False,
        [4, 7],
        4,
        [(1, 13, 15), (4, 13, 15)],
        "Peer coach; analis SDM aparatur.",
    ),
}

CERTIFICATIONS = {
    "sari": [
        ("Pelatihan Coaching bagi Widyaiswara", "LAN RI", "LAN-CO-2021-0412", 2027),
        ("ICF ACC", "ICF", "ACC-884213", 2027),
    ],
    "hendra.gunawan": [("Pelatihan Coaching bagi Widyaiswara", "LAN RI", "LAN-CO-2019-0133", 2025)],
    "ayu.pratiwi": [("ICF PCC", "ICF", "PCC-552190", 2028)],
    "dessy.ratnasari": [("Coaching untuk Pengembangan Kompetensi", "BKPSDMD Babel", "BKPSDMD-23-07", None)],
}

# (requester key, kind, topic index, need, status, provider key or None, recommendation, rating)
REQUESTS = [
    (
        "budi",
        "coaching",
        1,
        "Saya baru memimpin tim enam orang dan sulit melepas pekerjaan. Saya ingin belajar "
        "mendelegasikan tanpa kehilangan kendali atas mutu.",
        RequestStatus.SUBMITTED,
        None,
        "",
        None,
    ),
    (
        "fadli.rahman",
        "consulting",
        3,
        "Unit kami ingin mengusulkan aplikasi antrean daring sebagai Aksi Perubahan. "
        "Kami butuh masukan tentang kelayakan dan keselarasan dengan Renstra.",
        RequestStatus.CLOSED,
        "hendra.gunawan",
        "1. Petakan masalah antrean dengan data tiga bulan terakhir.\n2. Selaraskan dengan sasaran "
        "strategis Renstra 2024-2026 butir 2.3.\n3. Mulai dengan uji coba di satu loket selama satu bulan.\n4. Bentuk "
        "Tim Efektif: pengembang, petugas loket, dan perwakilan pengguna.",
        5,
    ),
    (
        "anisa.maharani",
        "mentoring",
        6,
        "Saya ingin belajar dari pengalaman senior dalam memimpin proyek digitalisasi arsip.",
        RequestStatus.ASSIGNED,
        "arief.budiman",
        "",
        None,
    ),
]


def seed_service(*, agency: Agency, people: dict[str, Employee], now: datetime.datetime) -> None:
    ServicePolicy.objects.get_or_create(agency=agency)
    topics = [Topic.objects.get_or_create(agency=agency, name=name)[0] for name in TOPICS]
    for key, (consulting, coaching, mentoring, topic_ids, capacity, hours, bio) in PROVIDERS.items():
        profile, created = ProviderProfile.objects.get_or_create(
            employee=people[key],
            defaults={
                "agency": agency,
                "offers_consulting": consulting,
                "offers_coaching": coaching,
                "offers_mentoring": mentoring,
                "capacity": capacity,
                "bio": bio,
            },
        )
        if not created:
            continue
        profile.topics.set(topics[i] for i in topic_ids)
        for weekday, start, end in hours:
            WeeklyAvailability.objects.create(
                provider=profile, weekday=weekday, start_time=datetime.time(start), end_time=datetime.time(end)
            )
        for name, issuer, number, year in CERTIFICATIONS.get(key, []):
            valid = datetime.date(year, 12, 31) if year else None
            Certification.objects.create(provider=profile, name=name, issuer=issuer, number=number, valid_until=valid)
    for days_ago, (who, kind, topic_index, need, status, provider_key, recommendation, rating) in enumerate(REQUESTS):
        requester = people[who]
        if ServiceRequest.objects.filter(requester=requester, topic=topics[topic_index], kind=kind).exists():
            continue
        created_at = now - datetime.timedelta(days=2 + 5 * days_ago)
        request = ServiceRequest.objects.create(
            requester=requester,
            agency=agency,
            kind=kind,
            topic=topics[topic_index],
            need=need,
            status=status,
            provider=people[provider_key] if provider_key else None,
            recommendation=recommendation,
            rating=rating,
            created_at=created_at,
            assigned_at=created_at + datetime.timedelta(hours=3) if provider_key else None,
            first_response_at=created_at + datetime.timedelta(hours=7) if status == RequestStatus.CLOSED else None,
            closed_at=created_at + datetime.timedelta(days=4) if status == RequestStatus.CLOSED else None,
        )
        PreferredWindow.objects.create(
            request=request,
            starts_at=now + datetime.timedelta(days=3, hours=2),
            ends_at=now + datetime.timedelta(days=3, hours=5),
        )
        RequestEvent.objects.create(request=request, actor=requester, to_status=RequestStatus.SUBMITTED, at=created_at)
        if status != RequestStatus.SUBMITTED:
            RequestEvent.objects.create(
                request=request,
                actor=None,
                from_status=RequestStatus.SUBMITTED,
                to_status=status,
                at=created_at + datetime.timedelta(hours=3),
            )
