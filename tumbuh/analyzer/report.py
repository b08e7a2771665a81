"""The report on one conversation: who talked how much, what the coach's sentences did, which stages
of GROW, CLEAR and OSCAR the conversation touched, and two or three tips. Pure and deterministic:
the same transcript and coach always give the same report.

The report is plain JSON (stored with the transcript). Tips are codes with parameters; their words
are chosen at display time in the reader's language (``presentation.py``). Example sentences and suggested
questions stay in the language of the conversation.
"""

import re
from collections import Counter

from .classify import CLASSES, CLOSED, DIRECTIVE, OPEN, REFLECTIVE, classify_sentence, normalize, split_sentences
from .transcript import Transcript

REPORT_VERSION = 1
EXAMPLES_PER_CLASS = 3
EXAMPLE_LENGTH = 240
MAX_TIPS = 3
MIN_TIPS = 2
# Above this share of the words, the coach is doing the coachee's thinking.
TALK_SHARE_LIMIT = 40

ID_WORDS = {
    "yang", "dan", "saya", "anda", "apa", "ini", "itu", "tidak", "dengan", "untuk", "di", "ke", "dari", "ada",
    "bagaimana", "sudah", "akan", "bisa", "kita", "jadi", "ya", "pak", "bu", "karena", "kalau", "juga",
}  # fmt: skip
EN_WORDS = {
    "the", "and", "you", "i", "what", "is", "to", "of", "a", "that", "it", "in", "for", "how", "do", "this",
    "have", "be", "with", "your", "so", "we", "are", "would", "can",
}  # fmt: skip


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b{pattern}\b" for pattern in patterns))


# Signs of each move of a coaching conversation, in both languages. A stage counts as covered when at
# least one sentence (by either person) shows one of its signs.
MOVES: dict[str, re.Pattern[str]] = {
    "goal": _cues(
        r"ingin (?:anda )?(?:capai|dicapai)", r"mau (?:anda )?capai", r"tujuan", r"sasaran", r"target",
        r"harapkan dari (?:sesi|pertemuan)", r"ingin (?:anda )?bahas", r"mau (?:anda )?bahas", r"fokus hari ini",
        r"hasil (?:yang|seperti apa)", r"keberhasilan", r"goal", r"achieve", r"get out of", r"focus on today",
        r"want to focus", r"success look", r"outcome", r"want from",
    ),
    "reality": _cues(
        r"saat ini", r"selama ini", r"sejauh ini", r"sudah (?:anda )?(?:coba|dicoba|lakukan|dilakukan)",
        r"kendala", r"hambatan", r"menghambat", r"situasi", r"kondisi", r"yang terjadi", r"fakta", r"sekarang ini",
        r"currently", r"right now", r"so far", r"tried", r"happening", r"getting in the way", r"obstacles?",
        r"situation", r"what happened",
    ),
    "options": _cues(
        r"pilihan", r"alternatif", r"opsi", r"kemungkinan", r"cara lain", r"apa lagi", r"ide", r"selain itu",
        r"options?", r"alternatives?", r"what else", r"possibilit(?:y|ies)", r"ideas?", r"choices?",
    ),
    "will": _cues(
        r"akan (?:anda )?(?:lakukan|kerjakan|mulai)", r"langkah (?:pertama|berikutnya|selanjutnya|apa)",
        r"kapan (?:anda )?(?:akan )?mulai", r"komitmen", r"tenggat", r"batas waktu", r"rencana (?:aksi|tindak)",
        r"seberapa yakin", r"skala", r"will you do", r"first step", r"next steps?", r"by when", r"commit(?:ment)?",
        r"action plan", r"on a scale", r"how confident",
    ),
    "contract": _cues(
        r"sepakat", r"sepakati", r"kesepakatan", r"kerahasiaan", r"rahasia", r"waktu kita", r"menit",
        r"fokus hari ini", r"topik", r"bahas hari ini", r"agree", r"confidential", r"minutes", r"agenda",
        r"focus on today",
    ),
    "explore": _cues(
        r"bagaimana jika", r"seandainya", r"sudut pandang", r"dari sisi", r"perspektif", r"apa yang membuat",
        r"apa lagi", r"mengapa", r"kenapa", r"what if", r"perspective", r"what makes", r"why", r"how might",
        r"what else",
    ),
    "review": _cues(
        r"berguna", r"bermanfaat", r"manfaat", r"apa yang anda (?:dapat|dapatkan|pelajari|bawa)", r"pelajaran",
        r"refleksi", r"sesi berikutnya", r"tindak lanjut", r"bertemu lagi", r"useful", r"learn(?:ed|t)?",
        r"takeaway", r"follow(?:-| )up", r"meet again", r"next session", r"review", r"what did you get",
    ),
}  # fmt: skip

# Each framework's stages (codes as in tumbuh/toolkit/frameworks.py) and the move that shows each.
# CLEAR's "Listen" shows in the coach's reflections, not in keywords.
STAGE_MOVES: dict[str, tuple[tuple[str, str], ...]] = {
    "grow": (("goal", "goal"), ("reality", "reality"), ("options", "options"), ("will", "will")),
    "clear": (
        ("contract", "contract"),
        ("listen", "listen"),
        ("explore", "explore"),
        ("action", "will"),
        ("review", "review"),
    ),
    "oscar": (
        ("outcome", "goal"),
        ("situation", "reality"),
        ("choices", "options"),
        ("actions", "will"),
        ("review", "review"),
    ),
}

# Suggested wording, in the conversation's language.
SUGGESTIONS = {
    "id": {
        "open": "Apa saja pilihan yang Anda lihat?",
        "open_alt": "Bagaimana Anda melihat situasi ini?",
        "reflect": "Jadi yang saya dengar, …",
        "commit": "Apa langkah pertama yang akan Anda lakukan, dan kapan?",
        "goal": "Apa yang ingin Anda capai dari sesi ini?",
        "review": "Apa yang paling berguna dari percakapan kita hari ini?",
    },
    "en": {
        "open": "What options do you see?",
        "open_alt": "How do you see this situation?",
        "reflect": "So what I hear is …",
        "commit": "What is your first step, and by when?",
        "goal": "What would you like to get out of this session?",
        "review": "What was most useful in our conversation today?",
    },
}


def language_of(text: str) -> str:
    """'id' or 'en', by which language's most common words the text uses more."""
    words = re.findall(r"[a-z']+", text.lower())
    indonesian = sum(1 for word in words if word in ID_WORDS)
    english = sum(1 for word in words if word in EN_WORDS)
    return "en" if english > indonesian else "id"


def _example(sentence: str) -> str:
    return sentence if len(sentence) <= EXAMPLE_LENGTH else sentence[: EXAMPLE_LENGTH - 1].rstrip() + "…"


def build_report(transcript: Transcript, coach: str) -> dict:
    """The report on TRANSCRIPT, with COACH (one of its speakers) as the coach."""
    if coach not in transcript.speakers:
        raise ValueError(f"{coach!r} is not a speaker of this transcript")
    words = transcript.words_by_speaker()
    turns = Counter(turn.speaker for turn in transcript.turns)
    all_text = " ".join(turn.text for turn in transcript.turns)
    language = language_of(all_text)
    counts = dict.fromkeys(CLASSES, 0)
    examples: dict[str, list[str]] = {label: [] for label in CLASSES}
    evidence: dict[str, list[str]] = {move: [] for move in MOVES}
    evidence["listen"] = []
    stacked_turns = 0
    stacked_example = ""
    for turn in transcript.turns:
        questions_in_turn = 0
        for sentence in split_sentences(turn.text):
            normalized = normalize(sentence)
            for move, pattern in MOVES.items():
                if pattern.search(normalized):
                    evidence[move].append(sentence)
            if turn.speaker != coach:
                continue
            label = classify_sentence(sentence)
            counts[label] += 1
            if len(examples[label]) < EXAMPLES_PER_CLASS:
                examples[label].append(_example(sentence))
            if label == REFLECTIVE:
                evidence["listen"].append(sentence)
            if label in (OPEN, CLOSED):
                questions_in_turn += 1
        if turn.speaker == coach and questions_in_turn >= 2:
            stacked_turns += 1
            stacked_example = stacked_example or _example(turn.text)
    stages = {
        framework: [
            {
                "stage": stage,
                "count": len(evidence[move]),
                "example": _example(evidence[move][0]) if evidence[move] else "",
            }
            for stage, move in moves
        ]
        for framework, moves in STAGE_MOVES.items()
    }
    report = {
        "version": REPORT_VERSION,
        "language": language,
        "coach": coach,
        "speakers": [{"name": name, "words": words[name], "turns": turns[name]} for name in transcript.speakers],
        "total_words": sum(words.values()),
        "coach_words": words[coach],
        "unattributed_words": transcript.unattributed_words,
        "coach_sentences": sum(counts.values()),
        "counts": counts,
        "examples": examples,
        "stacked_question_turns": stacked_turns,
        "stages": stages,
    }
    report["tips"] = choose_tips(report, stacked_example=stacked_example)
    return report


def _covered(report: dict, framework: str, stage: str) -> bool:
    return any(row["count"] for row in report["stages"][framework] if row["stage"] == stage)


def choose_tips(report: dict, *, stacked_example: str = "") -> list[dict]:
    """Two or three tips, the most useful first, each a code with the figures and examples it quotes."""
    counts = report["counts"]
    suggestions = SUGGESTIONS[report["language"]]
    tips: list[dict] = []
    total, coach_words = report["total_words"], report["coach_words"]
    if total and coach_words * 100 > TALK_SHARE_LIMIT * total:
        tips.append({"code": "talk_less", "params": {"coach_words": coach_words, "total_words": total}})
    if counts[DIRECTIVE] > counts[OPEN]:
        tips.append(
            {
                "code": "advice_to_questions",
                "params": {
                    "directive": counts[DIRECTIVE],
                    "open": counts[OPEN],
                    "example": report["examples"][DIRECTIVE][0],
                    "rewrite": suggestions["open"],
                },
            }
        )
    if counts[CLOSED] > counts[OPEN]:
        tips.append(
            {
                "code": "open_up",
                "params": {
                    "closed": counts[CLOSED],
                    "open": counts[OPEN],
                    "example": report["examples"][CLOSED][0],
                    "rewrite": suggestions["open_alt"],
                },
            }
        )
    if not counts[REFLECTIVE]:
        tips.append({"code": "reflect", "params": {"phrase": suggestions["reflect"]}})
    if not _covered(report, "grow", "will"):
        tips.append({"code": "commit", "params": {"question": suggestions["commit"]}})
    if report["stacked_question_turns"] >= 2:
        tips.append(
            {
                "code": "one_question",
                "params": {"turns": report["stacked_question_turns"], "example": stacked_example},
            }
        )
    if not _covered(report, "grow", "goal"):
        tips.append({"code": "agree_goal", "params": {"question": suggestions["goal"]}})
    if not _covered(report, "clear", "review"):
        tips.append({"code": "review", "params": {"question": suggestions["review"]}})
    # A good conversation still gets two tips: what to keep doing, then how to prepare the next one.
    if counts[OPEN] > counts[DIRECTIVE] + counts[CLOSED]:
        tips.append({"code": "keep_open", "params": {"open": counts[OPEN]}})
    if not any(tip["code"] == "talk_less" for tip in tips):
        tips.append({"code": "keep_listening", "params": {"coach_words": coach_words, "total_words": total}})
    tips.append({"code": "prepare_questions", "params": {}})
    return tips[: max(MIN_TIPS, min(MAX_TIPS, _problems(tips)))]


def _problems(tips: list[dict]) -> int:
    return sum(1 for tip in tips if tip["code"] not in ("keep_open", "keep_listening", "prepare_questions"))


def share_percent(part: int, whole: int) -> int:
    """PART of WHOLE in whole percent, rounded half up."""
    return (part * 200 + whole) // (2 * whole) if whole else 0
