"""The built-in question bank: open questions for every stage of GROW, CLEAR, OSCAR and micro-coaching.

Plain data and one installer that takes the model class, so the data migration can use them with its
historical model. Questions are grouped by (model code, stage code), the codes
of ``frameworks.py``; each is (Indonesian, English). What makes a good entry: it is open (no yes/no answer,
nothing that starts with "Apakah" or uses a "-kah" word), it carries no advice in disguise ("sebaiknya",
"harus", "Bagaimana kalau Anda..."), it asks one thing, and it speaks to the coachee as "Anda".
"""

from typing import NamedTuple


class BankQuestion(NamedTuple):
    framework: str
    stage: str
    text: str
    text_en: str


# A table is easier to review than what the formatter would make of it.
# fmt: off
_BY_STAGE: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("grow", "goal"): (
        ("Apa yang ingin Anda capai dari percakapan kita hari ini?",
         "What would you like to get out of our conversation today?"),
        ("Jika sesi ini sangat berguna bagi Anda, apa yang akan berbeda saat kita selesai?",
         "If this session turned out really useful to you, what would be different when we finish?"),
        ("Bagaimana Anda akan tahu bahwa tujuan itu sudah tercapai?",
         "How will you know that the goal has been reached?"),
        ("Apa yang ingin Anda ubah dalam pekerjaan Anda dalam satu bulan ke depan?",
         "What would you like to change in your work over the coming month?"),
        ("Apa yang membuat tujuan ini penting bagi Anda saat ini?",
         "What makes this goal important to you right now?"),
        ("Bagaimana tujuan ini terkait dengan sasaran kinerja (SKP) Anda?",
         "How does this goal relate to your performance targets (SKP)?"),
    ),
    ("grow", "reality"): (
        ("Apa yang sedang terjadi saat ini?",
         "What is happening at the moment?"),
        ("Apa saja yang sudah Anda coba sejauh ini, dan apa hasilnya?",
         "What have you tried so far, and what came of it?"),
        ("Apa yang membuat hal ini sulit bagi Anda?",
         "What makes this difficult for you?"),
        ("Siapa saja yang terlibat atau terdampak oleh situasi ini?",
         "Who is involved in or affected by this situation?"),
        ("Pada skala 1 sampai 10, di mana posisi Anda sekarang terhadap tujuan itu?",
         "On a scale of 1 to 10, where are you now in relation to that goal?"),
        ("Apa yang sudah berjalan baik, sekecil apa pun itu?",
         "What is already going well, however small?"),
    ),
    ("grow", "options"): (
        ("Pilihan apa saja yang Anda lihat?",
         "What options can you see?"),
        ("Apa lagi yang bisa Anda lakukan?",
         "What else could you do?"),
        ("Jika tidak ada batasan waktu atau anggaran, apa yang akan Anda lakukan?",
         "If there were no limits of time or budget, what would you do?"),
        ("Apa yang akan dilakukan oleh orang yang Anda kagumi dalam situasi ini?",
         "What would someone you admire do in this situation?"),
        ("Apa kelebihan dan kekurangan dari setiap pilihan tersebut?",
         "What are the advantages and drawbacks of each of these options?"),
        ("Dukungan atau sumber daya apa yang bisa Anda manfaatkan?",
         "What support or resources could you draw on?"),
    ),
    ("grow", "will"): (
        ("Langkah pertama apa yang siap Anda ambil?",
         "What first step are you ready to take?"),
        ("Apa yang akan Anda lakukan, dan kapan?",
         "What will you do, and when?"),
        ("Pada skala 1 sampai 10, seberapa kuat komitmen Anda untuk melakukannya?",
         "On a scale of 1 to 10, how committed are you to doing it?"),
        ("Apa yang mungkin menghalangi Anda, dan bagaimana Anda akan menghadapinya?",
         "What might get in your way, and how will you deal with it?"),
        ("Dukungan apa yang Anda perlukan, dan dari siapa?",
         "What support do you need, and from whom?"),
        ("Kapan kita bertemu lagi untuk melihat perkembangannya?",
         "When shall we meet again to look at your progress?"),
    ),
    ("clear", "contract"): (
        ("Topik apa yang ingin Anda bahas hari ini?",
         "What topic would you like to discuss today?"),
        ("Hasil apa yang Anda harapkan di akhir sesi ini?",
         "What outcome do you hope for at the end of this session?"),
        ("Bagaimana Anda ingin kita bekerja bersama dalam sesi ini?",
         "How would you like us to work together in this session?"),
        ("Dengan waktu yang kita miliki, bagian mana dari persoalan ini yang ingin Anda dahulukan?",
         "With the time we have, which part of this would you like to start with?"),
        ("Apa yang perlu kita sepakati tentang kerahasiaan percakapan ini?",
         "What do we need to agree on about keeping this conversation confidential?"),
    ),
    ("clear", "listen"): (
        ("Apa lagi yang perlu saya ketahui tentang situasi ini?",
         "What else should I know about this situation?"),
        ("Bagaimana perasaan Anda tentang hal ini?",
         "How do you feel about this?"),
        ("Dari yang baru saja Anda ceritakan, bagian mana yang paling penting bagi Anda?",
         "Of what you have just told me, which part matters most to you?"),
        ("Ketika Anda mengatakan hal itu sulit, seperti apa sulitnya?",
         "When you say it is difficult, what does the difficulty look like?"),
        ("Apa yang belum sempat Anda ceritakan kepada siapa pun tentang hal ini?",
         "What have you not yet had the chance to tell anyone about this?"),
    ),
    ("clear", "explore"): (
        ("Apa yang akan terjadi jika situasi ini tidak berubah?",
         "What will happen if this situation does not change?"),
        ("Bagaimana situasi ini terlihat dari sudut pandang atasan atau rekan kerja Anda?",
         "How does this look from the point of view of your supervisor or colleagues?"),
        ("Apa yang membuat Anda yakin bahwa hal itu benar?",
         "What makes you sure that this is true?"),
        ("Apa yang sebenarnya Anda inginkan dari situasi ini?",
         "What do you really want from this situation?"),
        ("Kekuatan apa yang Anda miliki yang bisa membantu di sini?",
         "What strengths do you have that could help here?"),
        ("Apa yang Anda pelajari dari situasi ini sejauh ini?",
         "What have you learned from this situation so far?"),
    ),
    ("clear", "action"): (
        ("Langkah nyata apa yang akan Anda ambil setelah sesi ini?",
         "What concrete steps will you take after this session?"),
        ("Sumber daya apa yang Anda butuhkan untuk melakukannya?",
         "What resources do you need to do it?"),
        ("Kapan Anda bisa melakukan langkah pertama ini?",
         "When can you take this first step?"),
        ("Bagaimana Anda akan mengukur bahwa langkah itu berhasil?",
         "How will you measure whether the step has worked?"),
        ("Siapa yang perlu Anda libatkan atau beri tahu?",
         "Whom do you need to involve or inform?"),
    ),
    ("clear", "review"): (
        ("Apa yang paling berguna dari sesi ini bagi Anda?",
         "What was most useful to you in this session?"),
        ("Apa yang Anda sadari sekarang yang belum Anda sadari di awal sesi?",
         "What do you realise now that you had not realised at the start of the session?"),
        ("Apa yang perlu kita ubah dari cara kita bekerja di sesi berikutnya?",
         "What should we change about the way we work in the next session?"),
        ("Bagaimana perasaan Anda setelah sesi ini?",
         "How do you feel after this session?"),
        ("Kapan dan bagaimana kita akan meninjau kemajuan Anda?",
         "When and how shall we review your progress?"),
    ),
    ("oscar", "outcome"): (
        ("Hasil jangka panjang apa yang Anda inginkan?",
         "What long-term result do you want?"),
        ("Apa yang ingin Anda bawa pulang dari percakapan hari ini?",
         "What would you like to take away from today's conversation?"),
        ("Seperti apa keberhasilan itu bagi Anda dan tim Anda?",
         "What would success look like for you and your team?"),
        ("Bagaimana hasil itu mendukung target kinerja unit Anda?",
         "How would that result support your unit's performance targets?"),
    ),
    ("oscar", "situation"): (
        ("Bagaimana Anda melihat situasinya saat ini?",
         "How do you see the situation now?"),
        ("Apa yang sudah Anda lakukan untuk menangani hal ini?",
         "What have you done so far to address this?"),
        ("Data atau fakta apa yang Anda miliki tentang situasi ini?",
         "What data or facts do you have about this situation?"),
        ("Apa dampak situasi ini terhadap Anda dan pekerjaan tim?",
         "What impact does this situation have on you and on the team's work?"),
        ("Seberapa jauh posisi Anda sekarang dari hasil yang Anda inginkan?",
         "How far are you now from the result you want?"),
    ),
    ("oscar", "choices"): (
        ("Pilihan apa saja yang Anda miliki?",
         "What choices do you have?"),
        ("Apa konsekuensi dari masing-masing pilihan itu?",
         "What are the consequences of each of those choices?"),
        ("Pilihan mana yang paling sesuai dengan hasil yang Anda inginkan, dan mengapa?",
         "Which choice fits the outcome you want best, and why?"),
        ("Apa yang akan terjadi jika Anda tidak memilih satu pun?",
         "What would happen if you chose none of them?"),
        ("Pilihan apa yang belum Anda pertimbangkan?",
         "Which choices have you not yet considered?"),
    ),
    ("oscar", "actions"): (
        ("Tindakan apa yang akan Anda lakukan, dan kapan tenggatnya?",
         "What actions will you take, and by when?"),
        ("Apa yang akan Anda lakukan dalam 24 jam ke depan?",
         "What will you do in the next 24 hours?"),
        ("Siapa yang bertanggung jawab atas setiap langkah?",
         "Who is responsible for each step?"),
        ("Hambatan apa yang mungkin muncul, dan apa rencana Anda untuk menghadapinya?",
         "What obstacles might come up, and what is your plan for dealing with them?"),
    ),
    ("oscar", "review"): (
        ("Kapan kita akan meninjau kemajuan ini bersama?",
         "When shall we review this progress together?"),
        ("Bagaimana Anda akan memantau kemajuan Anda sendiri?",
         "How will you keep track of your own progress?"),
        ("Apa tanda pertama yang akan menunjukkan bahwa Anda berada di jalur yang tepat?",
         "What would be the first sign that you are on the right track?"),
        ("Apa yang akan Anda lakukan jika rencana ini tidak berjalan sesuai harapan?",
         "What will you do if this plan does not go as hoped?"),
    ),
    ("micro", "focus"): (
        ("Dalam sepuluh menit ini, satu hal apa yang paling ingin Anda selesaikan?",
         "In these ten minutes, what is the one thing you would most like to resolve?"),
        ("Apa yang paling mengganjal dalam pekerjaan Anda minggu ini?",
         "What is bothering you most in your work this week?"),
        ("Jika kita hanya bisa membahas satu hal, hal apa itu?",
         "If we could discuss only one thing, what would it be?"),
        ("Apa yang ingin Anda peroleh dari obrolan singkat ini?",
         "What would you like to get from this short talk?"),
    ),
    ("micro", "insight"): (
        ("Apa yang sekarang Anda lihat secara berbeda?",
         "What do you now see differently?"),
        ("Apa yang baru Anda sadari dari percakapan ini?",
         "What have you just realised from this conversation?"),
        ("Satu pelajaran apa yang akan Anda ingat dari sini?",
         "What one lesson will you remember from this?"),
        ("Apa yang mengejutkan Anda dari jawaban Anda sendiri?",
         "What surprised you in your own answers?"),
    ),
    ("micro", "action"): (
        ("Satu langkah apa yang akan Anda lakukan sebelum kita bertemu lagi?",
         "What one step will you take before we meet again?"),
        ("Kapan tepatnya Anda akan memulainya?",
         "When exactly will you start?"),
        ("Apa yang Anda komitmenkan minggu ini, dan bagaimana saya bisa mendukung Anda?",
         "What are you committing to this week, and how can I support you?"),
        ("Bagaimana kita berdua akan tahu bahwa langkah itu sudah Anda lakukan?",
         "How will we both know that you have taken that step?"),
    ),
}
# fmt: on

BUILTIN_QUESTIONS: tuple[BankQuestion, ...] = tuple(
    BankQuestion(framework, stage, text, text_en)
    for (framework, stage), questions in _BY_STAGE.items()
    for text, text_en in questions
)


def install(question_model) -> int:
    """Add the built-in questions missing from the bank and return how many were added; running it again adds 0.

    QUESTION_MODEL is ``Question``, or the historical model a migration gets from ``apps.get_model``.
    """
    present = set(question_model.objects.filter(agency__isnull=True).values_list("framework", "stage", "text"))
    missing = [
        question_model(framework=q.framework, stage=q.stage, text=q.text, text_en=q.text_en)
        for q in BUILTIN_QUESTIONS
        if (q.framework, q.stage, q.text) not in present
    ]
    question_model.objects.bulk_create(missing)
    return len(missing)
