"""The observable-behaviour check of SBI feedback (Situation, Behaviour, Impact), as smart.py checks goals.

The check is a heuristic on words, in Indonesian and English (people mix both): it finds judgements of
character, praise of the person, generalisations, guesses at intentions, and behaviour with nothing seen or
heard in it. A false alarm never blocks the coach: they confirm and save.
"""

import re
from collections.abc import Iterable

from django.utils import translation
from django.utils.translation import gettext as _

MIN_WORDS = 4

# Labels for who the person is, not what they did.
JUDGEMENTS = (
    "malas", "pemalas", "malas-malasan", "kemalasan", "tidak disiplin", "kurang disiplin", "ketidakdisiplinan",
    "arogan", "egois", "keegoisan", "ceroboh", "kecerobohan", "tidak peduli", "ketidakpedulian", "cuek",
    "tidak profesional", "kurang profesional", "kurang inisiatif", "tidak punya inisiatif", "tidak berinisiatif",
    "bodoh", "lamban", "lelet", "sombong", "kesombongan", "tidak becus", "tidak kompeten", "kurang kompeten",
    "tidak bertanggung jawab", "kasar", "keras kepala", "manja", "pemarah", "tidak sopan", "kurang ajar", "lalai",
    "teledor", "pasif", "tidak serius", "kurang serius", "tidak jujur", "pembohong", "licik", "payah",
    "tidak kooperatif", "sikap buruk", "sikap negatif",
    "lazy", "careless", "arrogant", "rude", "unprofessional", "selfish", "stupid", "incompetent", "sloppy",
    "irresponsible", "disrespectful", "undisciplined", "unreliable", "stubborn", "lacks initiative",
    "lack of initiative", "unmotivated", "dishonest", "bossy", "passive", "aggressive", "bad attitude",
    "negative attitude",
)  # fmt: skip
# Praise of the person: kind, but it does not say what to repeat.
PRAISE = (
    "rajin", "pintar", "cerdas", "hebat", "luar biasa", "berbakat", "teladan", "jenius",
    "hardworking", "hard-working", "smart", "brilliant", "talented", "amazing", "a natural",
)  # fmt: skip
GENERALISATIONS = (
    "selalu", "tidak pernah", "tak pernah", "gak pernah", "nggak pernah", "enggak pernah", "setiap kali",
    "terus-menerus", "melulu", "always", "never", "every time", "constantly", "all the time",
)  # fmt: skip
# Guesses at what goes on inside the person.
MIND_READING = (
    "tidak mau", "tak mau", "ogah", "sengaja", "pura-pura", "tidak niat", "meremehkan", "tidak menghargai",
    "doesn't care", "does not care", "didn't care", "don't care", "doesn't want", "does not want", "on purpose",
    "deliberately", "intentionally",
)  # fmt: skip
# Statements about the person's nature.
LABELS = (
    r"(?:anda|kamu|dia|beliau|ia)\s+(?:adalah\s+)?(?:seorang\s+)?orang\s+yang",
    r"sifat(?:nya)?",
    r"karakter(?:nya)?",
    r"kepribadian(?:nya)?",
    r"watak(?:nya)?",
    r"(?:you(?:'re|\s+are)|(?:he|she)(?:'s|\s+is))\s+(?:a|an|such\s+an?|the\s+kind\s+of)\s+(?:\w+\s+){0,3}person",
    r"personality",
)

NUMBER_WORDS = (
    "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
    "belas", "puluh", "ratus", "setengah", "pertama", "kedua", "ketiga",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third",
    "once", "twice", "half",
)  # fmt: skip
MOMENTS = (
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "kemarin", "tadi", "pagi", "siang", "sore",
    "malam", "pukul", "jam", "rapat", "hari ini", "minggu lalu", "pekan lalu", "bulan lalu", "saat", "ketika",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    "this morning", "meeting", "when", "during", "last week", "o'clock",
)  # fmt: skip
# Everyday verbs without a prefix (prefixed ones are found by their form).
VERBS = (
    "datang", "pulang", "tiba", "hadir", "bilang", "bicara", "tanya", "jawab", "kirim", "tulis", "baca", "lapor",
    "telat", "pergi", "masuk", "keluar", "pakai", "bantu", "ubah", "buat", "tunjuk", "serahkan", "sampaikan",
    "said", "told", "sent", "wrote", "came", "left", "gave", "spoke", "made", "took", "brought", "went", "showed",
    "did", "ran", "began", "met", "put", "spent", "kept", "held", "led", "read",
)  # fmt: skip
# Words that look like prefixed verbs but are not something one sees someone do.
NOT_ACTIONS = frozenset(
    (
        "memang", "meski", "meskipun", "menurut", "mereka", "melalui", "menjadi", "merasa", "memiliki",
        "mempunyai", "menyenangkan", "membosankan", "mengecewakan", "menarik", "terlalu", "tertentu", "terhadap",
        "termasuk", "terutama", "tersebut", "terus", "bersama", "berbagai", "beberapa", "bersikap", "berarti",
        "bersifat", "berbakat", "dirinya", "diri", "tertarik", "terbaik", "terburuk",
    )
)  # fmt: skip
PREFIXED_VERB = re.compile(r"^(?:me|mem|men|meng|meny|ber|di|ter)[a-z]{3,}$")
ENGLISH_PAST = re.compile(r"^[a-z]{3,}ed$")


def _pattern(phrases: Iterable[str], *, regex: bool = False) -> re.Pattern[str]:
    parts = [phrase if regex else r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases]
    # Whole words only, with the common suffixes (malasnya, carelessly, rudeness).
    return re.compile(
        r"(?<![\w'-])(?:" + "|".join(parts) + r")(?:nya|lah|ly|ness)?(?![\w'-])", re.IGNORECASE | re.UNICODE
    )


JUDGEMENT_RE = _pattern(JUDGEMENTS)
PRAISE_RE = _pattern(PRAISE)
GENERALISATION_RE = _pattern(GENERALISATIONS)
MIND_READING_RE = _pattern(MIND_READING)
LABEL_RE = _pattern(LABELS, regex=True)
MOMENT_RE = _pattern(NUMBER_WORDS + MOMENTS + VERBS)


def _found(pattern: re.Pattern[str], text: str) -> str:
    """The distinct matches of PATTERN in TEXT as written, in order, joined for a hint."""
    seen: dict[str, str] = {}
    for match in pattern.finditer(text):
        written = " ".join(match.group(0).split())
        seen.setdefault(written.lower(), written)
    return ", ".join(seen.values())


def _has_something_seen_or_heard(text: str) -> bool:
    if re.search(r"\d", text) or MOMENT_RE.search(text):
        return True
    for word in re.findall(r"[a-z']+", text.lower()):
        if word in NOT_ACTIONS:
            continue
        if PREFIXED_VERB.match(word) or ENGLISH_PAST.match(word):
            return True
    return False


def check_behaviour(text: str, language: str | None = None) -> list[str]:
    """Hints when TEXT judges the person instead of describing what was seen or heard; [] when it is observable.

    The hints are in LANGUAGE (default: the active language).
    """
    with translation.override(language or translation.get_language()):
        return _hints(text)


def _hints(text: str) -> list[str]:
    text = text.replace("\u2019", "'")
    hints = []
    checks = (
        (
            LABEL_RE,
            _("“%(words)s” describes who the person is, not what they did. Describe an action you saw or heard."),
        ),
        (
            JUDGEMENT_RE,
            _(
                "“%(words)s” judges the person instead of describing what they did. Describe the behaviour you saw "
                "or heard, for example “handed in the report two days after the deadline”."
            ),
        ),
        (
            PRAISE_RE,
            _(
                "“%(words)s” praises the person instead of describing what they did. Say what you saw or heard, "
                "so they know what to repeat."
            ),
        ),
        (
            GENERALISATION_RE,
            _("“%(words)s” generalises. Describe one particular moment: when it happened and what was done or said."),
        ),
        (
            MIND_READING_RE,
            _("“%(words)s” guesses at intentions nobody can see. Describe only what the person did or said."),
        ),
    )
    for pattern, message in checks:
        words = _found(pattern, text)
        if words:
            hints.append(message % {"words": words})
    if len(text.split()) < MIN_WORDS:
        hints.append(_("Describe what you saw or heard in a few more words: what the person did or said, and when."))
    elif not hints and not _has_something_seen_or_heard(text):
        hints.append(
            _(
                "Add something you saw or heard: an action, a moment or a number, for example “in Monday's "
                "meeting you presented three options”."
            )
        )
    return hints
