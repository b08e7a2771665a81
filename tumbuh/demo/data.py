"""The demo data `seed_demo` writes: one provincial government, its OPD units, people and engagements.

Every name is fictional. Keys are the local part of the person's e-mail address (…@babelprov.go.id).
"""

from typing import NamedTuple

from tumbuh.coaching.models import EngagementKind, EngagementStatus, SessionMode
from tumbuh.people.models import PositionType, Role, TimeZone

AGENCY_NAME = "Pemerintah Provinsi Kepulauan Bangka Belitung"
AGENCY_SHORT_NAME = "Pemprov Babel"
EMAIL_DOMAIN = "babelprov.go.id"

ADMIN_EMAIL = "admin@tumbuh.local"
ADMIN_NAME = "Admin Tumbuh"


class UnitSpec(NamedTuple):
    code: str  # "opd" for an OPD, "opd.child" for a unit inside it
    name: str
    head_title: str | None = None  # "Kepala <name>" unless given


UNITS = [
    UnitSpec("setda", "Sekretariat Daerah", "Sekretaris Daerah"),
    UnitSpec("setda.pem", "Biro Pemerintahan dan Otonomi Daerah"),
    UnitSpec("setda.org", "Biro Organisasi"),
    UnitSpec("setda.umum", "Biro Umum"),
    UnitSpec("bkpsdmd", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah"),
    UnitSpec("bkpsdmd.umum", "Sub Bagian Umum dan Kepegawaian"),
    UnitSpec("bkpsdmd.pk", "Bidang Pengembangan Kompetensi"),
    UnitSpec("bkpsdmd.mutasi", "Bidang Mutasi dan Promosi"),
    UnitSpec("bappeda", "Badan Perencanaan Pembangunan Daerah"),
    UnitSpec("bappeda.pem", "Bidang Perencanaan Pemerintahan dan Pembangunan Manusia"),
    UnitSpec("bappeda.eko", "Bidang Perencanaan Perekonomian dan Sumber Daya Alam"),
    UnitSpec("bappeda.infra", "Bidang Perencanaan Infrastruktur dan Kewilayahan"),
    UnitSpec("disdik", "Dinas Pendidikan"),
    UnitSpec("disdik.sma", "Bidang Pembinaan SMA"),
    UnitSpec("disdik.smk", "Bidang Pembinaan SMK"),
    UnitSpec("disdik.gtk", "Bidang Guru dan Tenaga Kependidikan"),
    UnitSpec("dinkes", "Dinas Kesehatan"),
    UnitSpec("dinkes.yankes", "Bidang Pelayanan Kesehatan"),
    UnitSpec("dinkes.p2p", "Bidang Pencegahan dan Pengendalian Penyakit"),
    UnitSpec("dinkes.prog", "Sub Bagian Program dan Keuangan"),
    UnitSpec("diskominfo", "Dinas Komunikasi dan Informatika"),
    UnitSpec("diskominfo.aptika", "Bidang Aplikasi Informatika"),
    UnitSpec("diskominfo.ikp", "Bidang Informasi dan Komunikasi Publik"),
    UnitSpec("diskominfo.sandi", "Bidang Persandian dan Statistik"),
    UnitSpec("inspektorat", "Inspektorat", "Inspektur"),
    UnitSpec("inspektorat.sek", "Sekretariat Inspektorat", "Sekretaris Inspektorat"),
    UnitSpec("inspektorat.irban1", "Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah I"),
    UnitSpec("inspektorat.irban2", "Inspektur Pembantu Wilayah II", "Inspektur Pembantu Wilayah II"),
]

M, F = 1, 2
HIGH = PositionType.STRUCTURAL_HIGH
ADM = PositionType.STRUCTURAL_ADMINISTRATOR
SPV = PositionType.STRUCTURAL_SUPERVISOR
FUN = PositionType.FUNCTIONAL
EXE = PositionType.EXECUTOR
HEAD = None  # the position of a unit's head: the unit's head title

# Birth years by position type, and by level for functional posts, so heads and senior experts are older.
BIRTH_YEARS = {HIGH: (1966, 1975), ADM: (1970, 1983), SPV: (1975, 1988), FUN: (1972, 1996), EXE: (1978, 1999)}
FUNCTIONAL_LEVEL_BIRTH_YEARS = {
    "Ahli Utama": (1966, 1972),
    "Ahli Madya": (1970, 1980),
    "Ahli Muda": (1978, 1990),
    "Ahli Pertama": (1988, 1998),
}


class Person(NamedTuple):
    """One employee. The head of a unit reports to the head of the OPD above it; staff to their unit's head."""

    key: str
    name: str
    sex: int
    unit: str
    position: str | None
    position_type: str


PEOPLE = [
    # Sekretariat Daerah
    Person("ahmad.fauzi", "Drs. H. Ahmad Fauzi, M.Si.", M, "setda", HEAD, HIGH),
    Person("hasan.basri", "Hasan Basri, S.H., M.H.", M, "setda.pem", HEAD, HIGH),
    Person("dessy.ratnasari", "Dessy Ratnasari, S.IP., M.Si.", F, "setda.pem", "Analis Kebijakan Ahli Muda", FUN),
    Person("yuliana.siregar", "Yuliana Siregar, S.Sos., M.AP.", F, "setda.org", HEAD, HIGH),
    Person("rizky.ramadhan", "Rizky Ramadhan, S.AP.", M, "setda.org", "Analis Kebijakan Ahli Pertama", FUN),
    Person("sugeng.riyadi", "Sugeng Riyadi, S.E.", M, "setda.umum", HEAD, HIGH),
    Person("sri.wahyuni", "Sri Wahyuni", F, "setda.umum", "Pengadministrasi Umum", EXE),
    Person("rusdi", "Rusdi", M, "setda.umum", "Operator Layanan Operasional", EXE),
    # BKPSDMD
    Person("syahrial.effendi", "Dr. Syahrial Effendi, S.STP., M.Si.", M, "bkpsdmd", HEAD, HIGH),
    Person("sari", "Sari Wulandari, S.Psi., M.Si.", F, "bkpsdmd", "Widyaiswara Ahli Madya", FUN),
    Person("hendra.gunawan", "Drs. Hendra Gunawan, M.Pd.", M, "bkpsdmd", "Widyaiswara Ahli Utama", FUN),
    Person("ayu.pratiwi", "Ni Made Ayu Pratiwi, S.Pd., M.Pd.", F, "bkpsdmd", "Widyaiswara Ahli Muda", FUN),
    Person("erna.susanti", "Erna Susanti, S.E.", F, "bkpsdmd.umum", HEAD, SPV),
    Person("agus.salim", "Agus Salim", M, "bkpsdmd.umum", "Pengadministrasi Umum", EXE),
    Person("wayan", "I Wayan Sudarta, S.T., M.T.", M, "bkpsdmd.pk", HEAD, ADM),
    Person("budi", "Budi Santoso, S.E.", M, "bkpsdmd.pk", "Analis SDM Aparatur", FUN),
    Person("rina", "Rina Marlina, S.Sos.", F, "bkpsdmd.pk", "Analis SDM Aparatur Ahli Muda", FUN),
    Person("dimas.prasetyo", "Dimas Prasetyo, S.Kom.", M, "bkpsdmd.pk", "Pranata Komputer Ahli Pertama", FUN),
    Person("rosmawati.nasution", "Rosmawati Nasution, S.H., M.H.", F, "bkpsdmd.mutasi", HEAD, ADM),
    Person("fikri.maulana", "Fikri Maulana, S.Tr.IP.", M, "bkpsdmd.mutasi", "Analis SDM Aparatur Ahli Pertama", FUN),
    Person("nurul.hidayah", "Nurul Hidayah, A.Md.", F, "bkpsdmd.mutasi", "Pengadministrasi Perkantoran", EXE),
    # Bappeda
    Person("zulkarnain", "Ir. Zulkarnain, M.T.", M, "bappeda", HEAD, HIGH),
    Person("ratna.anggraini", "Dra. Ratna Dewi Anggraini, M.Si.", F, "bappeda.pem", HEAD, ADM),
    Person("fadli.rahman", "Fadli Rahman Chaniago, S.E., M.Ec.Dev.", M, "bappeda.pem", "Perencana Ahli Muda", FUN),
    Person("eka.suryani", "Ni Putu Eka Suryani, S.Si.", F, "bappeda.pem", "Perencana Ahli Pertama", FUN),
    Person("darmawan.hutapea", "Darmawan Hutapea, S.E., M.Si.", M, "bappeda.eko", HEAD, ADM),
    Person("siti.aisyah", "Siti Aisyah, S.P.", F, "bappeda.eko", "Perencana Ahli Muda", FUN),
    Person("andi.syahrir", "Andi Muhammad Syahrir, S.T., M.T.", M, "bappeda.infra", HEAD, ADM),
    Person("bayu.nugroho", "Bayu Aji Nugroho, S.T.", M, "bappeda.infra", "Perencana Ahli Pertama", FUN),
    # Dinas Pendidikan
    Person("marzuki", "Drs. Marzuki, M.Pd.", M, "disdik", HEAD, HIGH),
    Person("eko.susilo", "Eko Susilo, S.Pd., M.Pd.", M, "disdik.sma", HEAD, ADM),
    Person(
        "lestari.handayani",
        "Lestari Handayani, S.Pd.",
        F,
        "disdik.sma",
        "Pengembang Teknologi Pembelajaran Ahli Pertama",
        FUN,
    ),
    Person("yusuf.hamdani", "Yusuf Hamdani", M, "disdik.sma", "Pengadministrasi Umum", EXE),
    Person("wahyu.setiawan", "Wahyu Setiawan, S.T., M.Pd.", M, "disdik.smk", HEAD, ADM),
    Person("fitri.yanti", "Fitri Yanti, S.Pd.", F, "disdik.smk", "Analis Kebijakan Ahli Pertama", FUN),
    Person("nurhayati.lubis", "Nurhayati Lubis, S.Pd., M.M.", F, "disdik.gtk", HEAD, ADM),
    Person("rahmat.hidayat", "Rahmat Hidayat, S.Kom.", M, "disdik.gtk", "Pranata Komputer Ahli Pertama", FUN),
    # Dinas Kesehatan
    Person("andriani.kusumawati", "dr. Andriani Kusumawati, M.Kes.", F, "dinkes", HEAD, HIGH),
    Person("teguh.wibowo", "dr. Teguh Wibowo, M.P.H.", M, "dinkes.yankes", HEAD, ADM),
    Person(
        "desi.simbolon",
        "Ns. Desi Natalia Simbolon, S.Kep.",
        F,
        "dinkes.yankes",
        "Administrator Kesehatan Ahli Muda",
        FUN,
    ),
    Person("rudi.hartono", "Rudi Hartono, S.K.M.", M, "dinkes.yankes", "Administrator Kesehatan Ahli Pertama", FUN),
    Person("ngurah.wijaya", "I Gusti Ngurah Putra Wijaya, S.K.M., M.Kes.", M, "dinkes.p2p", HEAD, ADM),
    Person("yulia.rahmawati", "Yulia Rahmawati, S.K.M.", F, "dinkes.p2p", "Epidemiolog Kesehatan Ahli Pertama", FUN),
    Person("suryani.halim", "Suryani Halim, S.E.", F, "dinkes.prog", HEAD, SPV),
    Person("asep.saepudin", "Asep Saepudin, A.Md.", M, "dinkes.prog", "Pengadministrasi Keuangan", EXE),
    # Dinas Komunikasi dan Informatika
    Person("dedi.kurniawan", "Dedi Kurniawan, S.Kom., M.T.I.", M, "diskominfo", HEAD, HIGH),
    Person("arief.budiman", "Arief Budiman, S.T., M.Kom.", M, "diskominfo.aptika", HEAD, ADM),
    Person("cahya.permana", "Cahya Permana, S.Kom.", M, "diskominfo.aptika", "Pranata Komputer Ahli Muda", FUN),
    Person(
        "anisa.maharani", "Anisa Putri Maharani, S.Kom.", F, "diskominfo.aptika", "Pranata Komputer Ahli Pertama", FUN
    ),
    Person("tiurma.simanjuntak", "Tiurma Simanjuntak, S.Sos., M.I.Kom.", F, "diskominfo.ikp", HEAD, ADM),
    Person("gilang.ramadhan", "Gilang Ramadhan, S.I.Kom.", M, "diskominfo.ikp", "Pranata Humas Ahli Pertama", FUN),
    Person("iqbal", "Muhammad Iqbal, S.Si., M.Stat.", M, "diskominfo.sandi", HEAD, ADM),
    Person("yohana.rumbewas", "Yohana Rumbewas, S.Si.", F, "diskominfo.sandi", "Statistisi Ahli Pertama", FUN),
    # Inspektorat
    Person("syamsul.bahri", "Drs. Syamsul Bahri, M.Ak.", M, "inspektorat", HEAD, HIGH),
    Person("yenni.chaniago", "Yenni Chaniago, S.E., M.Si.", F, "inspektorat.sek", HEAD, ADM),
    Person("joko.purnomo", "Joko Purnomo", M, "inspektorat.sek", "Pengadministrasi Umum", EXE),
    Person("ketut.arsana", "I Ketut Arsana, S.E., Ak., M.Si.", M, "inspektorat.irban1", HEAD, ADM),
    Person("febrianti.azizah", "Febrianti Nur Azizah, S.Ak.", F, "inspektorat.irban1", "Auditor Ahli Pertama", FUN),
    Person("nurjanah", "Hj. Nurjanah, S.E., M.M.", F, "inspektorat.irban2", HEAD, ADM),
    Person("taufik.harahap", "Taufik Hidayat Harahap, S.E.", M, "inspektorat.irban2", "Auditor Ahli Muda", FUN),
    Person("made.suartini", "Ni Made Suartini, S.Ak.", F, "inspektorat.irban2", "Auditor Ahli Pertama", FUN),
]

# The named demo people keep these NIPs; everyone else's is built from their key.
FIXED_NIPS = {
    "sari": "198004152005012004",
    "wayan": "197808172003121001",
    "budi": "199003122015031002",
    "rina": "198511242010012003",
}

TIME_ZONES = {
    "sari": TimeZone.WITA,
    "ayu.pratiwi": TimeZone.WITA,
    "andi.syahrir": TimeZone.WITA,
    "ketut.arsana": TimeZone.WITA,
    "yohana.rumbewas": TimeZone.WIT,
}
ENGLISH_SPEAKERS = {"fadli.rahman", "anisa.maharani"}
WITH_PHONE = {"sari", "budi", "wayan", "rina", "syahrial.effendi", "arief.budiman"}  # others get one by chance

# key -> [(role, unit code or None for the whole agency)]
ROLES = {
    "sari": [(Role.COACH, None)],
    "hendra.gunawan": [(Role.COACH, None), (Role.CONSULTANT, None)],
    "ayu.pratiwi": [(Role.COACH, None)],
    "arief.budiman": [(Role.COACH, None), (Role.MENTOR, None)],
    "dessy.ratnasari": [(Role.COACH, None)],
    "rina": [(Role.SERVICE_ADMIN, None)],
    "syahrial.effendi": [(Role.LEADER, "bkpsdmd")],
}
WIDYAISWARA = {"sari", "hendra.gunawan", "ayu.pratiwi"}
BACK_OFFICE = {"rina"}  # is_staff: may use the Django admin

# The table of logins printed at the end: (role, key); None is the platform admin.
LOGINS = [
    ("platform admin", None),
    ("service admin", "rina"),
    ("coach", "sari"),
    ("coachee", "budi"),
    ("supervisor", "wayan"),
    ("leader", "syahrial.effendi"),
    ("mentor", "arief.budiman"),
]

COACHING, MENTORING, CONSULTING, PEER = (
    EngagementKind.COACHING,
    EngagementKind.MENTORING,
    EngagementKind.CONSULTING,
    EngagementKind.PEER,
)
ACTIVE, COMPLETED, REQUESTED = EngagementStatus.ACTIVE, EngagementStatus.COMPLETED, EngagementStatus.REQUESTED
ONLINE, OFFLINE = SessionMode.ONLINE, SessionMode.OFFLINE


class Action(NamedTuple):
    title: str
    by_coach: bool  # owned by the coach; otherwise by the coachee
    due_in_days: int  # relative to today; negative is past
    done: bool


class EngagementSpec(NamedTuple):
    coach: str
    coachee: str
    kind: str
    status: str
    topic: str
    sessions: list[tuple[int, str]]  # (days ago, mode)
    goals: list[str]
    actions: list[Action]
    location: str = "Ruang Rapat BKPSDMD"
    next_session_in_days: int | None = None  # an upcoming, scheduled session


ENGAGEMENTS = [
    EngagementSpec(
        "sari",
        "budi",
        COACHING,
        ACTIVE,
        "Delegasi tugas di tim baru",
        [(56, ONLINE), (42, OFFLINE), (21, ONLINE)],
        [
            "Mendelegasikan minimal tiga tugas rutin kepada anggota tim sebelum akhir triwulan",
            "Menyusun matriks pembagian tugas tim",
        ],
        [
            Action("Membuat daftar tugas rutin yang bisa didelegasikan", False, -14, True),
            Action("Membahas pembagian tugas dengan Pak Wayan", False, -3, False),
            Action("Mengirim contoh matriks RACI kepada Budi", True, 4, False),
        ],
        next_session_in_days=5,
    ),
    EngagementSpec(
        "sari",
        "rizky.ramadhan",
        COACHING,
        ACTIVE,
        "Menyusun SKP yang terukur",
        [(35, ONLINE), (14, ONLINE)],
        ["SKP tahun berjalan memuat indikator kinerja yang terukur dan disetujui atasan"],
        [
            Action("Merumuskan ulang tiga indikator kinerja dengan kriteria SMART", False, -5, True),
            Action("Membaca contoh SKP jabatan fungsional yang dibagikan coach", False, 2, False),
            Action("Mengonsultasikan draf SKP kepada Kepala Biro Organisasi", False, 6, False),
        ],
    ),
    EngagementSpec(
        "sari",
        "lestari.handayani",
        COACHING,
        COMPLETED,
        "Komunikasi dengan atasan",
        [(70, OFFLINE), (56, ONLINE), (42, ONLINE), (28, OFFLINE)],
        [
            "Menyampaikan laporan kemajuan kepada atasan setiap dua minggu secara terjadwal",
            "Berani menyampaikan kendala pekerjaan dalam rapat bidang",
        ],
        [
            Action("Menjadwalkan pertemuan rutin dua mingguan dengan Kepala Bidang", False, -60, True),
            Action("Menyiapkan ringkasan satu halaman sebelum setiap pertemuan", False, -45, True),
            Action("Mencoba pola umpan balik SBI dalam rapat bidang", False, -32, True),
        ],
        location="Ruang Rapat Dinas Pendidikan",
    ),
    EngagementSpec(
        "hendra.gunawan",
        "yenni.chaniago",
        CONSULTING,
        ACTIVE,
        "Penyusunan peta proses bisnis Inspektorat",
        [(30, OFFLINE), (16, ONLINE)],
        ["Peta proses bisnis Inspektorat tersusun dan disahkan Inspektur"],
        [
            Action("Mengirim templat peta proses bisnis level 0 sampai 2", True, -12, True),
            Action("Mengumpulkan SOP yang berlaku di setiap Inspektur Pembantu", False, -10, True),
            Action("Menyusun draf peta proses bisnis untuk ditinjau", False, 10, False),
        ],
        location="Ruang Rapat Inspektorat",
    ),
    EngagementSpec(
        "hendra.gunawan",
        "cahya.permana",
        COACHING,
        COMPLETED,
        "Mengelola waktu dan prioritas kerja",
        [(66, ONLINE), (52, ONLINE), (38, ONLINE)],
        ["Menyelesaikan pekerjaan prioritas tanpa lembur lebih dari sekali seminggu"],
        [
            Action("Mencatat penggunaan waktu selama satu minggu", False, -59, True),
            Action("Menerapkan matriks Eisenhower untuk tugas harian", False, -45, True),
        ],
    ),
    EngagementSpec(
        "ayu.pratiwi",
        "desi.simbolon",
        COACHING,
        ACTIVE,
        "Membangun kepercayaan diri saat presentasi",
        [(24, OFFLINE), (10, ONLINE)],
        ["Mempresentasikan laporan triwulan di depan pimpinan dengan persiapan yang matang"],
        [
            Action("Berlatih presentasi 10 menit di depan rekan satu bidang", False, -2, True),
            Action("Merekam latihan presentasi dan menilainya dengan daftar periksa", False, 3, False),
            Action("Memberi masukan tertulis atas rekaman presentasi", True, 7, False),
        ],
        location="Ruang Rapat Dinas Kesehatan",
        next_session_in_days=9,
    ),
    EngagementSpec(
        "ayu.pratiwi",
        "gilang.ramadhan",
        COACHING,
        REQUESTED,
        "Menyeimbangkan pekerjaan dan keluarga",
        [],
        [],
        [],
    ),
    EngagementSpec(
        "arief.budiman",
        "erna.susanti",
        MENTORING,
        ACTIVE,
        "Aksi Perubahan: digitalisasi arsip",
        [(45, OFFLINE), (31, ONLINE), (17, OFFLINE), (3, ONLINE)],
        [
            "Arsip kepegawaian 2015–2020 terdigitalisasi dan dapat dicari melalui aplikasi",
            "Aksi Perubahan tercantum dalam SKP tahun depan",
        ],
        [
            Action("Membentuk Tim Efektif dan menerbitkan SK tim", False, -35, True),
            Action("Memindai 500 berkas arsip sebagai uji coba", False, -7, True),
            Action("Menyusun laporan tonggak jangka pendek", False, 5, False),
        ],
        next_session_in_days=11,
    ),
    EngagementSpec(
        "arief.budiman",
        "suryani.halim",
        MENTORING,
        COMPLETED,
        "Aksi Perubahan: aplikasi pelaporan keuangan puskesmas",
        [(68, ONLINE), (54, OFFLINE), (40, ONLINE)],
        ["Seluruh puskesmas melaporkan realisasi anggaran melalui aplikasi"],
        [
            Action("Menyusun rancangan formulir laporan bersama Tim Efektif", False, -60, True),
            Action("Melatih operator puskesmas menggunakan aplikasi", False, -45, True),
        ],
        location="Ruang Rapat Diskominfo",
    ),
    EngagementSpec(
        "dessy.ratnasari",
        "febrianti.azizah",
        PEER,
        ACTIVE,
        "Memberi umpan balik kepada rekan kerja",
        [(20, ONLINE)],
        ["Memberi umpan balik dengan pola SBI kepada rekan auditor setelah setiap penugasan"],
        [
            Action("Menulis tiga contoh umpan balik SBI dari penugasan terakhir", False, -1, False),
            Action("Berbagi pengalaman di klub coaching bulanan", False, 9, False),
        ],
    ),
    EngagementSpec(
        "hendra.gunawan",
        "wahyu.setiawan",
        CONSULTING,
        COMPLETED,
        "Analisis kebutuhan pengembangan kompetensi guru SMK",
        [(63, OFFLINE), (49, ONLINE)],
        ["Dokumen analisis kebutuhan pelatihan guru SMK tersusun"],
        [
            Action("Menyebarkan kuesioner kebutuhan pelatihan ke SMK negeri", False, -55, True),
            Action("Menyusun rekomendasi program pelatihan prioritas", True, -45, True),
        ],
    ),
    EngagementSpec(
        "dessy.ratnasari",
        "dimas.prasetyo",
        PEER,
        ACTIVE,
        "Mengelola beban kerja saat transisi ke aplikasi baru",
        [(12, ONLINE), (5, OFFLINE)],
        ["Menyusun jadwal migrasi SIMDIKLAT yang disepakati tim"],
        [
            Action("Membuat daftar pekerjaan migrasi beserta perkiraan waktunya", False, 1, False),
            Action("Meminta satu rekan dari bidang lain membantu pengujian", False, 8, False),
        ],
        location="Ruang Rapat Sekretariat Daerah",
    ),
]

# Shared notes by engagement kind, one per session in order; {coachee} is the first name, {topic} the topic.
SHARED_NOTES = {
    COACHING: [
        'Kontrak coaching disepakati: topik "{topic}", sesi setiap dua minggu, isi percakapan bersifat rahasia. '
        "Tujuan dirumuskan dengan model GROW dan dibuat SMART. {coachee} menceritakan situasi saat ini dan "
        "harapannya dari proses ini.",
        "Tahap Reality: {coachee} memetakan apa yang sudah berjalan dan apa yang belum, dengan contoh dari pekerjaan "
        "sehari-hari. Hambatan utama: waktu yang terbatas dan kebiasaan lama di tim. Disepakati dua langkah kecil "
        "sampai sesi berikutnya.",
        "Tahap Options dan Will: {coachee} menyusun tiga pilihan langkah dan memilih yang paling realistis. Umpan "
        "balik dengan pola SBI (Situasi–Perilaku–Dampak) dilatih lewat bermain peran. Rencana aksi dan tenggatnya "
        "dicatat.",
        "Tinjauan kemajuan: sebagian besar rencana aksi sudah berjalan. {coachee} menilai kemajuan tujuannya 8 dari "
        "10 dan ingin mempertahankan kebiasaan baru. Kontrak coaching ditutup dengan evaluasi bersama.",
    ],
    MENTORING: [
        'Mentoring Aksi Perubahan "{topic}": membahas fokus masalah dan data pendukungnya, keselarasan dengan '
        "Renstra, serta susunan Tim Efektif. Disepakati pertemuan dua mingguan.",
        "Meninjau tonggak jangka pendek: {coachee} melaporkan kemajuan Tim Efektif. Kendala utama adalah waktu "
        "anggota tim yang terbagi dengan tugas rutin; disepakati pembagian peran yang lebih jelas.",
        "Membahas keberlanjutan setelah pelatihan: tonggak jangka menengah dan panjang, kebutuhan anggaran, serta "
        "pencantuman Aksi Perubahan dalam SKP tahun depan.",
        "Evaluasi tonggak: hasil uji coba dipaparkan dan masukan pengguna dicatat. {coachee} menyiapkan laporan "
        "kemajuan untuk pimpinan.",
    ],
    CONSULTING: [
        'Konsultasi awal: {coachee} menjelaskan kebutuhan terkait "{topic}". Diagnosis awal dilakukan bersama dan '
        "disepakati data apa saja yang perlu disiapkan sebelum pertemuan berikutnya.",
        "Membahas data yang sudah dikumpulkan. Dua alternatif pendekatan dibandingkan beserta risikonya; "
        "rekomendasi tertulis akan dikirim setelah sesi.",
        "Rekomendasi dibahas butir demi butir. {coachee} menyusun langkah penerapan dan menentukan penanggung jawab "
        "tiap langkah.",
        "Tindak lanjut penerapan rekomendasi: sebagian langkah sudah berjalan, sisanya dijadwalkan ulang.",
    ],
    PEER: [
        'Peer coaching: {coachee} dan rekan menyepakati topik "{topic}" dan aturan main, termasuk kerahasiaan. '
        "Percakapan memakai pertanyaan terbuka dari bank pertanyaan GROW.",
        "Sesi singkat (micro-coaching): meninjau langkah yang sudah dicoba dan apa yang dipelajari. {coachee} "
        "memilih satu kebiasaan baru untuk dua minggu ke depan.",
        "Refleksi bersama: apa yang berubah dalam cara kerja tim dan apa yang perlu dilanjutkan.",
        "Penutupan: {coachee} merangkum pelajaran utama dan akan membagikannya di klub coaching bulanan.",
    ],
}

PRIVATE_NOTES = [
    "Coachee terbuka dan cukup reflektif, tetapi cenderung menyalahkan keadaan. Perlu lebih banyak pertanyaan "
    "tentang perannya sendiri.",
    "Tampak ragu saat membahas atasan; jangan didorong terlalu cepat. Cek lagi motivasinya di sesi berikutnya.",
    "Energi lebih baik dibanding sesi lalu. Coba pertanyaan skala (1–10) untuk menguji komitmen.",
    "Sudah mampu menyusun langkah sendiri. Siapkan penutupan kontrak dan evaluasi.",
    "Beban kerja tinggi menjelang akhir tahun anggaran; sesi berikutnya dibuat lebih singkat.",
]
