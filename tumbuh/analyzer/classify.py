"""What a coach's sentence does: open question, closed question, advice, reflection, or something else.

Rules, not a model: transparent, deterministic, Indonesian first and English too, and nothing to
download. The order of the checks matters and is the heart of it:

1. rhetorical idioms ("mana mungkin…", "who wouldn't…") are not questions;
2. requests to tell more ("ceritakan…", "tell me more") are open questions, though imperative;
3. a stock paraphrase ("jadi yang saya dengar…", "it sounds like…") is a reflection;
4. advice, also disguised as a question ("bagaimana kalau Anda mencoba…?", "why don't you…?"),
   but not the speaker's own duty ("saya harus…") nor reported advice ("atasan bilang sebaiknya…");
5. questions — marked by "?", a question word or a tag ("…, kan?") — open or closed;
6. statements about the other person's feelings, wishes and views ("Anda merasa…") are reflections;
7. everything else.

docs/analyzer.md gives the labelling policy and the measured precision and recall.
"""

import re

OPEN = "open_question"
CLOSED = "closed_question"
DIRECTIVE = "directive"
REFLECTIVE = "reflective"
OTHER = "other"
CLASSES = (OPEN, CLOSED, DIRECTIVE, REFLECTIVE, OTHER)
# An utterance of several sentences is labelled by its strongest move.
PRIORITY = (DIRECTIVE, OPEN, CLOSED, REFLECTIVE)

TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
# A stop after these is no end of a sentence ("Dr. Sari").
ABBREVIATION = re.compile(r"\b(dr|drs|ir|prof|bpk|sdr|no|mr|mrs|ms|dll|dsb|st)\.", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

# Second person: whom a coach advises or reflects. Titles are how Indonesians say "you".
YOU_ID = {"anda", "kamu", "kau", "engkau", "bapak", "ibu", "pak", "bu", "saudara", "mas", "mbak"}
SELF_ID = {"saya", "aku", "kami", "kita", "gue", "gw"}
YOU_EN = {"you", "you're", "you've", "you'd", "you'll", "your"}
SELF_EN = {"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "my", "our"}
PEOPLE = YOU_ID | SELF_ID | YOU_EN | SELF_EN

FILLERS = {
    "oke", "ok", "okay", "baik", "baiklah", "nah", "jadi", "terus", "lalu", "kemudian", "hmm", "ya", "so",
    "and", "well", "then", "alright", "right", "now", "dan", "trus", "begitu", "gitu",
}  # fmt: skip

# --- 1. Rhetorical idioms: a question in form, a statement in fact.
RHETORICAL = re.compile(
    r"^(?:mana mungkin|apa boleh buat|siapa (?:sih )?yang (?:tidak|nggak|gak|enggak|mau)\b"
    r"|who (?:wouldn't|would not|doesn't|does not)\b|i wonder\b|kenapa ya\b.*\bsaya\b)"
)

# --- 2. Invitations to tell more.
TELL_MORE = re.compile(
    r"\b(?:ceritakan|diceritakan|jelaskan|dijelaskan|gambarkan|uraikan|sebutkan|ceritain)\b"
    r"|^(?:(?:can|could|would) you )?(?:tell me|describe|walk me through|explain|say more|share more)\b"
)

# --- 3. Stock paraphrases. Every phrase starts at a word boundary (those at ^ too, as each begins with a
# letter): the leading \b lets the search skip the middle of words instead of trying every phrase there.
REFLECT_PHRASE = re.compile(
    r"\b(?:\byang saya dengar\b|\bsaya dengar\b|\bkalau saya dengar\b|\bsaya mendengar\b"
    r"|\b(?:kalau|jika|kalo) (?:saya )?(?:tidak|nggak|gak) salah(?: (?:tangkap|dengar|paham|pahami))?\b"
    r"|\b(?:kalau|jika) saya (?:rangkum|simpulkan|pahami|tangkap)\b|\bdengan kata lain\b|\bintinya\b"
    r"|\byang saya tangkap\b|\bsaya menangkap\b|^kedengarannya\b|^terdengar\b|^sepertinya\b|^tampaknya\b"
    r"|^kelihatannya\b|^kesannya\b|^rupanya\b|^seolah(?:-olah)?\b|^rasanya (?:anda|bapak|ibu|kamu)\b"
    r"|\bsaya bisa merasakan\b|^(?:jadi )?(?:bagi|buat|untuk) (?:anda|bapak|ibu|kamu)\b,?"
    r"|^jadi (?:yang )?(?:anda|bapak|ibu|kamu) (?:maksud|rasakan|inginkan|harapkan)\b"
    r"|\bwhat i(?:'m| am)? hear(?:ing)?\b|\bso what i hear\b|\b(?:it )?sounds like\b|^you sound\b"
    r"|\bit seems (?:like |that )?you\b|^you seem\b|\bif i understand(?: you)?(?: correctly)?\b"
    r"|\bin other words\b|\blet me summari[sz]e\b|\bto summari[sz]e\b|\bwhat you(?:'re| are) saying\b"
    r"|^so (?:for you|the real)\b|\bthat must have been\b|\bit must (?:be|have been)\b"
    r"|^on the one hand\b|^di satu sisi\b|\bit's (?:really )?important (?:for|to) you\b)"
)

# --- 4. Advice (with a leading \b, as above).
ADVICE_PHRASE = re.compile(
    r"\b(?:\bsaran saya\b|\busul(?:an)? saya\b|\bsaya sarankan\b|\bsaya menyarankan\b|\bsaya usulkan\b"
    r"|\bkalau saya jadi (?:anda|bapak|ibu|kamu)\b|\b(?:kalau|jika) saya,\s*saya\b|\bpengalaman saya\b"
    r"|\bada baiknya\b|\byang (?:perlu|harus) (?:anda|bapak|ibu|kamu) lakukan\b|^solusinya\b|^caranya\b"
    r"|\bjangan lupa\b|^pokoknya\b|\bpertimbangkan\b"
    r"|\bi (?:would |'d )?(?:suggest|recommend|advise)\b|\bi'd (?:suggest|recommend)\b|\bmy (?:advice|suggestion)\b"
    r"|\bif i (?:were|was) you\b|\bwhy don't you\b|\bwhy not\b|\bhow about\b|\bwhat about (?:trying|asking)\b"
    r"|^have you (?:considered|thought about|tried)\b|\b(?:it )?(?:would|'d) be better\b|\bit'd be better\b"
    r"|\bwouldn't it be better\b|^shouldn't you\b|\bthe best thing (?:would be|is) to\b|\bwhat you need to do\b"
    r"|\bwhat worked for me\b|^consider\b|^make sure\b|^(?:do not|don't)\b|^try\b"
    r"|\byou (?:could|might) (?:try|ask|start|talk|consider|set|write|send)\b|\bmaybe you could\b)"
)
# "Bagaimana kalau Anda mencoba…?": a suggestion wearing a question mark.
HOW_ABOUT_ID = re.compile(
    r"^(?:bagaimana|gimana|gmn) (?:kalau|jika|kalo|bila|seandainya) (?!kita\b|kami\b|saya\b)[a-z]"
)
# "Bagaimana kalau kita mulai dari tujuan?": a proposal about the conversation, to agree or not.
PROPOSAL = re.compile(r"^(?:bagaimana|gimana) (?:kalau|jika|kalo) (?:kita|kami)\b|^(?:how about|shall) we\b")
# Questions that ask yes or no: a modal inside them asks about a duty, it does not impose one.
CLOSED_START = re.compile(
    r"^(?:apakah|adakah|haruskah|perlukah|bisakah|do|does|did|is|are|am|was|were|can|could|will|would|have|has"
    r"|had|may|might)\b"
)
# What a question may be prefaced with: "Menurut Anda, apakah…", "Kira-kira, apa…".
LEAD_IN = re.compile(
    r"^(?:menurut (?:anda|bapak|ibu|kamu),?|kira-kira,?|in your view,?|(?:kalau|kalo|jika) (?:saya )?boleh tahu,?"
    r"|boleh (?:saya )?tahu,?)\s*"
)
# A question word opening a later clause: "Pak Budi, apa yang…", "Kalau berhasil, apa yang berubah".
CLAUSE_QUESTION = re.compile(
    r",\s*(?:apa yang|apa saja|apakah|bagaimana|gimana|mengapa|kenapa|sejauh mana|seperti apa|what|how|why)\b"
)
# "Kenapa tidak …?", "Mengapa Anda tidak … saja?": why not do what I would do.
WHY_NOT_ID = re.compile(
    r"^(?:kenapa|mengapa) (?:tidak|nggak|gak)\b"
    r"|^(?:kenapa|mengapa) (?:anda|bapak|ibu|kamu) (?:tidak|nggak|gak)\b.*\b(?:saja|aja|dulu)\b"
)
TRIED_ID = re.compile(
    r"^(?:sudahkah|pernahkah|apakah|apa) (?:(?:sudah|pernah) )?(?:anda|bapak|ibu|kamu) (?:(?:sudah|pernah) )?"
    r"(?:mencoba|coba|mempertimbangkan|terpikir|kepikiran|memikirkan) (?:untuk )?[a-z]"
)
MODALS_ID = (
    "sebaiknya", "seharusnya", "harusnya", "mestinya", "semestinya", "harus", "perlu", "wajib", "lebih baik",
    "lebih bagus", "lebih efektif", "tidak boleh", "tidak usah", "tidak perlu", "nggak usah", "gak usah", "jangan",
)  # fmt: skip
MODALS_EN = (
    "should", "ought to", "need to", "have to", "has to", "must", "had better", "'d better", "got to", "gotta",
)  # fmt: skip
MODALS_BY_FIRST_WORD: dict[str, list[list[str]]] = {}
for _modal in (*MODALS_ID, *MODALS_EN):
    MODALS_BY_FIRST_WORD.setdefault(_modal.split()[0], []).append(_modal.split())
# A mental verb between the person and the modal makes it their thought, not the coach's advice.
FRAMES = {
    "merasa", "bingung", "ingin", "mau", "takut", "khawatir", "pikir", "rasa", "tahu", "bilang", "kata", "minta",
    "tanpa", "feel", "feels", "think", "thinks", "believe", "said", "says", "told", "tells", "wonder", "wish",
    "without", "sure", "menurut", "yakin", "ragu", "berpikir", "mengira",
}  # fmt: skip
# "Mulai besok, …" openings skipped before an instruction.
MAX_TIME_OPENINGS = 3
QUESTION_WORDS_OPEN = {"apa", "bagaimana", "gimana", "mengapa", "kenapa", "what", "how", "why", "seberapa"}
# Verbs coaches use in instructions, bare ("kirim") or with an imperative suffix ("kirimkan").
IMPERATIVE_VERBS = {
    "kirim", "kirimkan", "buat", "buatlah", "gunakan", "pakai", "ajak", "ajukan", "minta", "mintalah", "hubungi",
    "temui", "segera", "pastikan", "tolong", "biasakan", "mulailah", "lakukan", "kerjakan", "laporkan", "catat",
    "catatlah", "siapkan", "susun", "tulis", "tuliskan", "delegasikan", "fokuslah", "cobalah", "usahakan",
    "sampaikan", "bicarakan", "selesaikan", "ikuti", "atur", "aturlah", "tanyakan", "bagi", "bagilah", "periksa",
    "cek", "ingat", "ingatlah", "hindari", "tunda", "tolak", "coba",
    "send", "make", "use", "ask", "talk", "write", "call", "set", "stop", "start", "remember", "focus", "delegate",
    "block", "take", "avoid", "schedule", "prepare", "check", "go", "let's", "just", "keep",
}  # fmt: skip
# Bare verbs after "Anda" in a statement ("Besok Anda kirim laporannya, ya?"): an instruction.
BARE_AFTER_YOU = {
    "kirim", "buat", "atur", "bicarakan", "selesaikan", "hubungi", "temui", "tanyakan", "minta", "ajukan", "catat",
    "siapkan", "bagi", "delegasikan", "tulis", "laporkan", "cek", "periksa", "mulai", "ikuti", "pakai", "gunakan",
    "sampaikan", "coba",
}  # fmt: skip

# --- 5. Questions.
QUESTION_START_ID = re.compile(
    r"^(?:apa|apakah|bagaimana|gimana|mengapa|kenapa|siapa|kapan|berapa|di ?mana|ke ?mana|dari ?mana|mana"
    r"|seberapa|sejauh mana|seperti apa|yang mana|bisakah|dapatkah|maukah|sudahkah|pernahkah|bolehkah|adakah"
    r"|haruskah|perlukah|benarkah|betulkah|masihkah|apa saja)\b"
)
QUESTION_START_EN = re.compile(
    r"^(?:what|how|why|who|whom|whose|when|where|which|is|are|am|was|were|do|does|did|have|has|had|can|could"
    r"|will|would|shall|should|may|might|must|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|haven't|ready)\b"
)
TAG = re.compile(
    r"(?:^|[\s,])(?:ya|kan|bukan|betul|benar|ok|oke|right|correct|yes|no|isn't it|aren't you|don't you"
    r"|didn't you)\s*\??$"
)
OPEN_ID = re.compile(
    r"\bapa (?:yang|saja|lagi)\b|\b(?:bagaimana|gimana|mengapa|kenapa|seperti apa|sejauh mana)\b|\bsiapa saja\b"
    r"|\b[a-z]+ (?:apa|seperti apa)\b(?! (?:anda|bapak|ibu|kamu|sudah|belum|masih|ada|bisa|boleh|mau|benar))"
    r"|\bseberapa\b|^selain itu\b"
    r"|\bapa\b(?! (?:itu )?(?:anda|bapak|ibu|kamu|sudah|belum|masih|ada|benar|betul|bisa|boleh|mau|perlu|akan"
    r"|pernah|sedang|tidak|nggak|jadi)\b)"
)
CLOSED_ID = re.compile(
    r"\b(?:apakah|sudahkah|pernahkah|bisakah|bolehkah|dapatkah|maukah|adakah|kapan|berapa|di ?mana|skala)\b"
    r"|\bapa (?:itu )?(?:anda|bapak|ibu|kamu|sudah|belum|masih|ada|benar|betul|bisa|boleh|mau|perlu|akan|pernah"
    r"|sedang|tidak|nggak|jadi)\b|\batau\b"
)
OPEN_EN = re.compile(r"^(?:\w+,? )?(?:what|how|why|who else)\b(?! (?:many|much|long|often|old)\b)")
CLOSED_EN = re.compile(r"\bscale\b|\bhow (?:many|much|long|often|old)\b|\bor\b")

# --- 6. Statements about the other person's inner world.
STATE_ID = {
    "merasa", "ingin", "mau", "khawatir", "takut", "bingung", "sedih", "kecewa", "bangga", "lelah", "capek",
    "senang", "lega", "cemas", "menghargai", "butuh", "membutuhkan", "tampak", "terlihat", "sepertinya",
    "cukup", "peduli", "yakin", "ragu", "marah", "kesal", "frustrasi",
    "kewalahan", "tenang", "bersemangat", "antusias", "menginginkan", "berharap", "mencari", "berusaha",
}  # fmt: skip
STATE_EN = {
    "feel", "want", "'d", "seem", "sound", "are", "'re", "need", "worry", "care", "value", "hope", "wish", "wanted",
    "like", "prefer", "believe", "think",
}  # fmt: skip
EMOTIONS = {
    "lega", "bingung", "kecewa", "sedih", "senang", "marah", "kesal", "cemas", "khawatir", "takut", "lelah",
    "capek", "frustrasi", "kewalahan", "bangga", "tenang", "ragu", "bersalah", "terjebak", "sendirian", "antusias",
    "bersemangat", "tertekan", "stres", "semangat", "keraguan", "berat", "overwhelmed", "frustrated", "proud",
    "worried", "stuck", "exhausted", "disappointed", "relieved", "anxious", "tough", "hard",
}  # fmt: skip


def normalize(text: str) -> str:
    text = text.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\"()\[\]]", "", text)
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def split_sentences(text: str) -> list[str]:
    """Sentences of a turn. An ellipsis or an abbreviation does not end one."""
    protected = ABBREVIATION.sub("\\1\u2024", text.replace("...", "\ue000"))
    parts = SENTENCE_END.split(protected)
    sentences = [part.replace("\u2024", ".").replace("\ue000", "...").strip() for part in parts]
    return [sentence for sentence in sentences if TOKEN.search(sentence.lower())]


def classify_utterance(text: str) -> str:
    """The class of a whole utterance: its strongest move over its sentences."""
    found = {classify_sentence(sentence) for sentence in split_sentences(text)}
    return next((label for label in PRIORITY if label in found), OTHER)


def classify_sentence(sentence: str) -> str:
    """The class of one sentence."""
    text = normalize(sentence)
    words = tokens(text)
    if not words:
        return OTHER
    core = _strip_fillers(text)
    if RHETORICAL.search(core):
        return DIRECTIVE if _is_advice(core, words) else OTHER
    probe = LEAD_IN.sub("", core)
    is_question = (
        text.endswith("?")
        or bool(QUESTION_START_ID.match(probe) or QUESTION_START_EN.match(probe))
        or bool(CLAUSE_QUESTION.search(core))
    )
    wh_question = is_question and _is_open_form(core)
    if PROPOSAL.search(core):
        return CLOSED
    if TELL_MORE.search(core) and not _is_advice_imperative(core):
        return OPEN
    asked = wh_question and text.endswith("?")
    if REFLECT_PHRASE.search(core) and not asked and not _has_advice_modal(words, strong_only=True):
        return REFLECTIVE
    if _is_advice(core, words):
        return DIRECTIVE
    tagged = bool(TAG.search(text)) and text.endswith("?")
    if tagged and not QUESTION_START_ID.match(core) and not QUESTION_START_EN.match(core):
        bare = TAG.sub("", text)
        if _is_state_statement(_strip_fillers(bare), tokens(bare)):
            return REFLECTIVE
        return CLOSED
    if is_question:
        return OPEN if wh_question else CLOSED
    if _is_state_statement(core, words):
        return REFLECTIVE
    return OTHER


def _strip_fillers(text: str) -> str:
    words = text.split()
    # An index, not words[1:] in the loop: a pasted "ya ya ya …" must not cost a copy per word.
    start = 0
    while (
        len(words) - start > 1 and words[start].strip(",.") in FILLERS and not _keeps_filler(words[start : start + 2])
    ):
        start += 1
    return " ".join(words[start:]).lstrip(",. ")


def _keeps_filler(words: list[str]) -> bool:
    # "Jadi yang saya dengar", "Jadi Anda…", "So what I hear": the filler is part of a reflection.
    first = words[0].strip(",.")
    second = words[1].strip(",.") if len(words) > 1 else ""
    return first in ("jadi", "so") and second in YOU_ID | YOU_EN | {"yang", "what", "for", "the", "bagi", "buat"}


def _is_open_form(core: str) -> bool:
    if CLOSED_ID.search(core) and not re.search(r"\bapa (?:yang|saja|lagi)\b|\b(?:bagaimana|mengapa|kenapa)\b", core):
        return False
    if OPEN_ID.search(core):
        return True
    return bool(OPEN_EN.match(core)) and not CLOSED_EN.search(core)


def _has_advice_modal(words: list[str], *, strong_only: bool = False) -> bool:
    positions = [
        (index, length)
        for index, length in _modal_positions(words)
        if not (strong_only and words[index] in ("cukup", "tinggal"))
    ]
    if not positions:
        return False
    context = _ModalContext(words)
    return any(_modal_is_advice(words, index, length, context) for index, length in positions)


class _ModalContext:
    """What the modal checks look up before each modal, computed in one pass over the sentence.

    Scanning back from every modal would make a long pasted sentence full of modals quadratic.
    """

    def __init__(self, words: list[str]) -> None:
        # last_person[i]: the index of the nearest person word before i; frames[i]: frame words before i.
        self.last_person: list[int | None] = [None] * (len(words) + 1)
        self.frames = [0] * (len(words) + 1)
        self.first_question = len(words)
        for index, word in enumerate(words):
            self.last_person[index + 1] = index if word in PEOPLE else self.last_person[index]
            self.frames[index + 1] = self.frames[index] + (word in FRAMES)
            if word in QUESTION_WORDS_OPEN and self.first_question == len(words):
                self.first_question = index

    def frames_between(self, start: int, end: int) -> int:
        return self.frames[end] - self.frames[max(start, 0)]


def _is_advice(core: str, words: list[str]) -> bool:
    if ADVICE_PHRASE.search(core) or HOW_ABOUT_ID.search(core) or WHY_NOT_ID.search(core) or TRIED_ID.search(core):
        return not _asks_for_their_view(core)
    if re.search(r"\b(?:bukankah|apa(?:kah)? tidak) (?:lebih baik|sebaiknya|seharusnya)\b", core):
        return True
    if _is_advice_imperative(core):
        return True
    if not CLOSED_START.match(LEAD_IN.sub("", core)) and _has_advice_modal(words):
        return True
    return _you_could(core) or _you_bare_verb(core)


def _asks_for_their_view(core: str) -> bool:
    # "Menurut Anda, bagaimana kalau…?" asks the coachee; "Bagaimana jika …, apa yang akan Anda lakukan?" too.
    return bool(re.search(r"\bmenurut (?:anda|bapak|ibu|kamu)\b|\bapa yang\b|\bapa saja\b|\bin your view\b", core))


def _is_advice_imperative(core: str) -> bool:
    words = core.replace(",", " ").split()
    # "Mulai besok, biasakan…": the instruction follows the time. A few such openings at most: a pasted
    # "mulai, mulai, …" must neither recurse without end nor copy the rest once per comma.
    hops = 0
    while words and words[0] == "mulai" and len(words) > 2:
        rest = core.split(",", 1)
        if len(rest) < 2 or hops == MAX_TIME_OPENINGS:
            return False
        core = rest[1].strip()
        words = core.replace(",", " ").split()
        hops += 1
    if not words:
        return False
    first = words[0]
    if first in ("buat", "bagi", "untuk") and len(words) > 1 and words[1] in YOU_ID | SELF_ID:
        return False  # "Buat Anda, …" is "for you", not "make"
    if first in ("coba", "cobalah") and len(words) > 1 and words[1] in ("ceritakan", "jelaskan", "gambarkan"):
        return False
    if first in ("tell", "describe", "explain", "walk"):
        return False
    return first in IMPERATIVE_VERBS or bool(re.match(r"^(?:jangan|tidak usah|tidak perlu|nggak usah)\b", core))


def _modal_positions(words: list[str]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for index, word in enumerate(words):
        for parts in MODALS_BY_FIRST_WORD.get(word, ()):
            if words[index : index + len(parts)] == parts:
                found.append((index, len(parts)))
        if word in ("cukup", "tinggal") and index > 0 and words[index - 1] in YOU_ID:
            following = words[index + 1] if index + 1 < len(words) else ""
            if following.startswith(("me", "ber", "di")) or following in BARE_AFTER_YOU:
                found.append((index, 1))
    return sorted(found)


def _modal_is_advice(words: list[str], index: int, length: int, context: _ModalContext) -> bool:
    """Whether the modal at INDEX tells the listener what to do (not "saya harus", not "Anda merasa harus")."""
    if index and words[index - 1] in ("yang", "tanpa", "to", "what"):
        # "yang harus dilakukan?" inside a question, "tanpa harus": not an instruction.
        return False
    subject_at = context.last_person[index]
    # A thought or a report between the person and the modal ("Anda merasa harus", "atasan bilang
    # sebaiknya") makes it theirs, not the coach's advice.
    if context.frames_between(subject_at + 1 if subject_at is not None else index - 4, index):
        return False
    if subject_at is not None:
        if subject_at >= 2 and words[subject_at - 1] in FRAMES and words[subject_at - 2] in YOU_ID | YOU_EN:
            return False  # "You feel you have to…": their sense of duty, reflected
        if subject_at > 0 and words[subject_at - 1] == "menurut":
            return words[subject_at] in SELF_ID | SELF_EN  # "menurut saya, …" is advice, "menurut Anda" is theirs
        return words[subject_at] in YOU_ID | YOU_EN
    subject_after = next((w for w in words[index + length : index + length + 3] if w in PEOPLE), None)
    if subject_after is not None:
        return subject_after in YOU_ID | YOU_EN
    # No person at all: "Lebih baik selesaikan dulu…", "Pokoknya laporan harus beres": advice,
    # unless it is a question about what is needed ("Apa yang perlu terjadi…?").
    return context.first_question >= index


def _you_could(core: str) -> bool:
    # "Anda bisa mulai dengan…", "Mungkin Bapak bisa minta…": a suggestion unless asked.
    if core.endswith("?"):
        return False
    return bool(re.match(r"^(?:mungkin |nah |jadi )?(?:anda|bapak|ibu|kamu) (?:bisa|dapat|boleh) [a-z]", core))


def _you_bare_verb(core: str) -> bool:
    words = TAG.sub("", core).replace(",", " ").split()
    for index, word in enumerate(words[:-1]):
        if word in YOU_ID and words[index + 1] in BARE_AFTER_YOU:
            return index == 0 or words[index - 1] in ("besok", "nanti", "lusa", "sekarang", "segera", "deh", "coba")
    return False


def _is_state_statement(core: str, words: list[str]) -> bool:
    """ "Anda merasa…", "You're worried…", "Jadi Anda…": the coach voices the other person's inner world."""
    if not words or words[0] in SELF_ID | SELF_EN:
        return False
    if re.match(r"^jadi,? (?:anda|bapak|ibu|kamu)\b|^so,? you\b", core):
        return True
    if re.match(r"^(?:jadi,? )?menurut (?:anda|bapak|ibu|kamu)\b", core):
        return not QUESTION_START_ID.match(LEAD_IN.sub("", core.removeprefix("jadi").strip(", ")))
    # "Jadi hasil yang Anda inginkan adalah…": a summary in the other person's terms (a closing "…, Bu." is
    # only a form of address).
    if words[0] == "jadi" and any(word in ("anda", "bapak", "ibu", "kamu") for word in words[1:-1]):
        return True
    if re.match(r"^(?:jadi,? )?yang (?:anda|bapak|ibu|kamu) (?:inginkan|rasakan|maksud|butuhkan|harapkan)", core):
        return True
    for index, word in enumerate(words[:-1]):
        following = words[index + 1]
        if following in ("tidak", "belum", "sedang", "sudah", "masih") and index + 2 < len(words):
            following = words[index + 2]  # "Anda tidak ingin…", "Anda sedang mencari…"
        if word in YOU_ID and (following in STATE_ID or following.startswith("meras")):
            return index <= 2
        if word == "you're" or (word in ("you", "you'd") and (following in STATE_EN or following in EMOTIONS)):
            return index <= 2
    has_you = any(word in YOU_ID | YOU_EN for word in words)
    return has_you and any(word in EMOTIONS for word in words) and "membuat" in words
