"""The words the benchmark rows are made of: plausible Indonesian text of realistic length, never shown to users."""

FIRST_NAMES = (
    "Budi",
    "Siti",
    "Agus",
    "Dewi",
    "Made",
    "Rina",
    "Andi",
    "Nur",
    "Yusuf",
    "Ayu",
    "Hendra",
    "Lestari",
    "Wayan",
    "Fitri",
    "Rahmat",
    "Putri",
    "Dedi",
    "Sri",
    "Joko",
    "Maria",
)
LAST_NAMES = (
    "Santoso",
    "Rahayu",
    "Wijaya",
    "Lestari",
    "Saputra",
    "Hidayat",
    "Pratama",
    "Kusuma",
    "Nugroho",
    "Siregar",
    "Simanjuntak",
    "Sudarta",
    "Wibowo",
    "Harahap",
    "Setiawan",
    "Purba",
    "Gunawan",
    "Maharani",
    "Tanjung",
    "Pangaribuan",
)
POSITIONS = (
    "Analis Kebijakan",
    "Pranata Komputer",
    "Analis SDM Aparatur",
    "Perencana",
    "Auditor",
    "Pengelola Keuangan",
    "Arsiparis",
    "Widyaiswara",
)
TOPICS = (
    "Kepemimpinan",
    "Manajemen kinerja",
    "Pengembangan karier",
    "Komunikasi efektif",
    "Transformasi digital",
    "Pelayanan publik",
    "Perencanaan anggaran",
    "Manajemen perubahan",
    "Kolaborasi tim",
    "Keseimbangan kerja",
)
ENGAGEMENT_TOPICS = (
    "Menyiapkan diri untuk jabatan administrator",
    "Memimpin tim baru setelah mutasi",
    "Menyusun SKP yang terukur",
    "Mendelegasikan pekerjaan",
    "Memperbaiki layanan perizinan",
    "Membangun kebiasaan belajar",
)
ACTIONS = (
    "Menyusun draf rencana kerja triwulan",
    "Berdiskusi dengan atasan tentang target SKP",
    "Mencatat tiga keberhasilan kecil setiap minggu",
    "Meminta umpan balik dari dua rekan kerja",
    "Membaca satu bab buku kepemimpinan",
    "Membuat daftar tugas yang bisa didelegasikan",
    "Menghadiri rapat koordinasi dengan peran yang jelas",
    "Menyiapkan presentasi untuk kepala bidang",
)
# Shared notes: a first sentence naming the session, then one of these (about 450 characters each).
NOTES = (
    "Coachee menceritakan perkembangan sejak pertemuan terakhir: rencana kerja triwulan sudah disusun, tetapi "
    "koordinasi dengan bidang lain masih tersendat karena jadwal rapat sering bergeser. Kami membahas apa yang "
    "sebenarnya ingin dicapai, pilihan yang tersedia, dan siapa yang perlu dilibatkan. Coachee memutuskan untuk "
    "mengajukan rapat singkat mingguan dan menyiapkan ringkasan satu halaman untuk atasan sebelum akhir bulan.",
    "Fokus sesi ini adalah cara memberi umpan balik kepada anggota tim tanpa membuat mereka defensif. Coachee "
    "mencoba kerangka situasi, perilaku, dan dampak dengan contoh nyata dari minggu lalu. Ia menyadari bahwa "
    "selama ini umpan balik diberikan terlalu lambat dan terlalu umum. Langkah berikutnya adalah mempraktikkan "
    "satu percakapan umpan balik yang spesifik dan mencatat bagaimana tanggapan rekan kerjanya setelah itu.",
    "Kami meninjau target SKP yang sedang disusun. Beberapa indikator masih berupa kegiatan, belum hasil, "
    "sehingga sulit diukur di akhir tahun. Coachee menulis ulang dua indikator menjadi angka yang jelas beserta "
    "batas waktunya, lalu memeriksa apakah target itu selaras dengan rencana strategis unit. Ia akan membawa "
    "draf baru ke pertemuan dengan kepala bidang dan meminta masukan sebelum target ditetapkan secara resmi.",
    "Coachee merasa kewalahan dengan banyaknya tugas tambahan setelah mutasi ke unit baru. Kami memetakan tugas "
    "yang mendesak, yang penting, dan yang bisa dialihkan kepada orang lain. Dari pemetaan itu terlihat bahwa "
    "sebagian besar waktu habis untuk pekerjaan administratif yang sebenarnya bisa didelegasikan. Coachee akan "
    "membicarakan pembagian tugas dengan timnya dan menjaga dua jam setiap pagi untuk pekerjaan yang penting.",
)
STAGE_NOTE = "Catatan tahap ini: apa yang dibahas, apa yang disadari coachee, dan apa yang akan dicoba berikutnya."
PRIVATE_NOTE = "Perhatikan pola menunda keputusan; tanyakan lagi di sesi berikutnya."
NEED = (
    "Saya baru dipercaya memimpin tim dan ingin belajar cara membagi pekerjaan serta memberi umpan balik yang "
    "membangun. Saya berharap bisa bertemu beberapa kali dalam tiga bulan ke depan."
)
RECOMMENDATION = "Susun peta proses layanan, tetapkan standar waktu tiap tahap, dan tinjau bersama tim setiap bulan."
MESSAGES = (
    "Selamat pagi, apakah jadwal hari Kamis masih bisa?",
    "Bisa, saya kirimkan tautan pertemuannya sebelum sesi.",
    "Terima kasih. Saya akan menyiapkan ringkasan masalahnya terlebih dahulu.",
    "Baik, bawa juga data layanan tiga bulan terakhir kalau ada.",
)
NOTICE_TEXTS = (
    "Sesi coaching Anda telah dicatat.",
    "Ada pesan baru dalam percakapan permintaan Anda.",
    "Status permintaan layanan Anda berubah.",
    "Pengingat: sesi Anda dimulai besok.",
)
GOAL = "Meningkatkan ketepatan waktu penyelesaian laporan unit"
CONTRACT_TOPIC = "Memperkuat kepemimpinan dan pencapaian target kinerja unit"
