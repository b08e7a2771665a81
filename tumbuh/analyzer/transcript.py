"""Reading a coaching transcript into speaker turns. Pure Python: no Django, no network.

Two formats are accepted:

* WebVTT as Zoom, Google Meet (through its caption exporters) and Microsoft Teams write it: a
  ``WEBVTT`` header, then cues with a timing line ``00:00:01.000 --> 00:00:04.000``. The speaker
  is either the start of the cue text (Zoom: ``Sari Wulandari: Selamat pagi``) or a voice tag
  (Teams: ``<v Sari Wulandari>Selamat pagi</v>``).
* Plain text: ``Name: text`` lines; a line without a name continues the previous speaker's turn.
  Bare timestamps (Meet's transcript documents) are skipped, and Teams' copied transcripts
  (``Sari Wulandari   0:03`` on its own line, the words below) are understood.

Anything else is a ``ParseError`` with a code and, where it helps, the line number.
"""

import html
import re
from dataclasses import dataclass, field

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}"
TIMING = re.compile(rf"^\s*({_TIME})\s*-->\s*({_TIME})(?:\s+.*)?$")
ARROW = re.compile(r"-->")
VOICE = re.compile(r"<v(?:\.[\w.-]+)*\s+([^>]*)>", re.IGNORECASE)
TAG = re.compile(r"</?[^>\s][^>]*>")
# A plain line that is only a clock time: Meet writes one every few minutes.
BARE_TIME = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?\s*$")
# "[00:01:02] Sari: ..." or "00:01:02 Sari: ..." — a leading clock time before the name.
LEADING_TIME = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?\s*(?:-\s*)?")
# Teams' copied transcript: the name, some spaces, the time, nothing else on the line (so a short line).
TEAMS_HEADER = re.compile(r"^(?P<name>[^\d:\t][^:\t]{0,58}?)\s{2,}\d{1,2}:\d{2}(?::\d{2})?\s*$")
MAX_TEAMS_HEADER = 120
# "Name: text" — a space (or the end) after the colon, so "10:30" and "https://" are no labels.
LABEL = re.compile(r"^(?P<name>[^:]{1,60}?)\s*:(?:\s+|$)(?P<text>.*)$")
# Characters a name may hold: letters, digits, spaces and the punctuation of titles ("Dr. Sari, M.Psi").
NAME_CHARS = re.compile(r"^[^\W_][\w .,'’()/&-]*$")
MAX_NAME_WORDS = 6
# A coaching conversation has two speakers, a team session a handful; a one-hour session about 300 lines
# (a Zoom VTT about 1,500 captions). Beyond these it is no conversation to analyse (or a paste meant to
# hold a worker): refused after the linear parse, before any sentence is classified.
MAX_SPEAKERS = 20
MAX_UTTERANCES = 5000


class ParseError(ValueError):
    """The transcript cannot be read. ``code`` names the problem; ``line`` is 1-based or None."""

    def __init__(self, code: str, line: int | None = None, detail: str = "") -> None:
        self.code = code
        self.line = line
        self.detail = detail
        where = f" at line {line}" if line else ""
        super().__init__(f"{code}{where}{': ' + detail if detail else ''}")


@dataclass
class Turn:
    speaker: str
    text: str
    line: int
    # The speaker was named on this line (not carried over from an earlier one).
    labelled: bool = False


@dataclass
class Transcript:
    format: str  # "vtt" or "text"
    turns: list[Turn]
    # Words of captions or lines before any speaker was named: they belong to nobody.
    unattributed_words: int = 0
    speakers: list[str] = field(default_factory=list)

    def words_by_speaker(self) -> dict[str, int]:
        counts = dict.fromkeys(self.speakers, 0)
        for turn in self.turns:
            counts[turn.speaker] += count_words(turn.text)
        return counts


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def parse(text: str) -> Transcript:
    """Read TEXT (already decoded) as WebVTT or plain ``Name: text`` lines."""
    if "\x00" in text:
        raise ParseError("binary")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ParseError("empty")
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    if lines[first].strip().upper().startswith("WEBVTT"):
        header = lines[first].strip()
        if len(header) > 6 and not header[6].isspace():
            raise ParseError("missing_header", first + 1)
        transcript = _parse_vtt(lines, first + 1)
    else:
        arrow = next((i for i, line in enumerate(lines) if ARROW.search(line) and TIMING.match(line)), None)
        if arrow is not None:
            raise ParseError("missing_header", arrow + 1)
        transcript = _parse_text(lines)
    return _finish(transcript)


def _finish(transcript: Transcript) -> Transcript:
    """Merge the pieces into turns and check the limits. Every step is linear in the number of pieces."""
    pieces = [turn for turn in transcript.turns if turn.text]
    turns = _merge(_demote_stray_labels(pieces))
    if not turns:
        raise ParseError("no_speakers")
    # A dict keeps the order of first appearance; a list's "in" made 30,000 speakers quadratic.
    speakers = list(dict.fromkeys(turn.speaker for turn in turns))
    if len(speakers) < 2:
        raise ParseError("one_speaker", detail=speakers[0])
    if len(speakers) > MAX_SPEAKERS:
        raise ParseError("too_many_speakers", detail=str(len(speakers)))
    if len(pieces) > MAX_UTTERANCES:
        raise ParseError("too_many_utterances", detail=str(len(pieces)))
    transcript.turns = turns
    transcript.speakers = speakers
    return transcript


def _merge(turns: list[Turn]) -> list[Turn]:
    """Consecutive pieces by the same speaker form one turn (captions split sentences apart)."""
    merged: list[Turn] = []
    texts: list[list[str]] = []
    for turn in turns:
        if merged and merged[-1].speaker == turn.speaker:
            texts[-1].append(turn.text)  # joined once below: growing a string per piece is quadratic
        else:
            merged.append(Turn(turn.speaker, turn.text, turn.line, turn.labelled))
            texts.append([turn.text])
    for turn, parts in zip(merged, texts, strict=True):
        turn.text = " ".join(parts)
    return merged


def _clean(text: str) -> str:
    return " ".join(html.unescape(TAG.sub("", text)).replace("\u200e", "").replace("\u200f", "").split())


def _looks_like_name(name: str) -> bool:
    name = name.strip()
    return bool(name) and len(name.split()) <= MAX_NAME_WORDS and bool(NAME_CHARS.match(name))


def _blocks(lines: list[str], start: int) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks as (1-based line of the first line, lines)."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    begin = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if line.strip():
            if not current:
                begin = index + 1
            current.append(line)
        elif current:
            blocks.append((begin, current))
            current = []
    if current:
        blocks.append((begin, current))
    return blocks


def _parse_vtt(lines: list[str], start: int) -> Transcript:
    transcript = Transcript("vtt", [])
    # Lines right under the header (before the first blank line) are header metadata.
    body_start = start
    while body_start < len(lines) and lines[body_start].strip():
        if ARROW.search(lines[body_start]):
            break
        body_start += 1
    speaker: str | None = None
    cues = 0
    for begin, block in _blocks(lines, body_start):
        keyword = block[0].split(maxsplit=1)[0] if block[0].split() else ""
        if keyword in ("NOTE", "STYLE", "REGION") and not ARROW.search(block[0]):
            continue
        if ARROW.search(block[0]):
            timing_at = 0
        elif len(block) > 1 and ARROW.search(block[1]):
            timing_at = 1  # a cue identifier comes first
        else:
            raise ParseError("bad_cue", begin)
        if not TIMING.match(block[timing_at]):
            raise ParseError("bad_timestamp", begin + timing_at)
        cues += 1
        payload = block[timing_at + 1 :]
        for offset, raw in enumerate(payload):
            if ARROW.search(raw) and TIMING.match(raw):
                # Two timing lines in one block: a blank line between cues is missing.
                raise ParseError("bad_cue", begin + timing_at + 1 + offset)
        line_no = begin + timing_at + 1
        for name, text in _cue_pieces(payload):
            if name is not None:
                speaker = name
            if speaker is None:
                transcript.unattributed_words += count_words(text)
            else:
                transcript.turns.append(Turn(speaker, text, line_no, labelled=name is not None))
    if cues == 0:
        raise ParseError("no_cues")
    if not transcript.turns:
        raise ParseError("no_speakers")
    return transcript


def _cue_pieces(payload: list[str]) -> list[tuple[str | None, str]]:
    """A cue's text as (speaker or None, text) pieces: voice tags first, else a leading ``Name:``."""
    raw = "\n".join(payload)
    if VOICE.search(raw):
        pieces: list[tuple[str | None, str]] = []
        parts = VOICE.split(raw)
        if _clean(parts[0]):
            pieces.append((None, _clean(parts[0])))
        for name, text in zip(parts[1::2], parts[2::2], strict=True):
            pieces.append((_clean(name) or None, _clean(text)))
        return pieces
    text = _clean(raw.replace("\n", " "))
    match = LABEL.match(text)
    if match and _looks_like_name(match["name"]):
        return [(match["name"].strip(), match["text"].strip())]
    return [(None, text)]


def _parse_text(lines: list[str]) -> Transcript:
    transcript = Transcript("text", [])
    speaker: str | None = None
    for index, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or BARE_TIME.match(line):
            continue
        # A header is a name and a time; on a long line the regex would retry its spaces at every name length.
        header = TEAMS_HEADER.match(line) if len(line) <= MAX_TEAMS_HEADER else None
        if header and _looks_like_name(header["name"]):
            speaker = header["name"].strip()
            continue
        content = LEADING_TIME.sub("", line, count=1) if LEADING_TIME.match(line) else line
        match = LABEL.match(content)
        if match and _looks_like_name(match["name"]):
            speaker = match["name"].strip()
            transcript.turns.append(Turn(speaker, _clean(match["text"]), index, labelled=True))
        elif speaker is None:
            transcript.unattributed_words += count_words(line)
        else:
            transcript.turns.append(Turn(speaker, _clean(line), index))
    return transcript


def _demote_stray_labels(turns: list[Turn]) -> list[Turn]:
    """A one-off label with a lowercase word ("Saran saya: ...") is a sentence, not a speaker.

    Only when other labels recur: in a short two-line transcript every label counts.
    """
    labels: dict[str, int] = {}
    for turn in turns:
        if turn.labelled:
            labels[turn.speaker] = labels.get(turn.speaker, 0) + 1
    if max(labels.values(), default=0) < 2:
        return turns
    stray = {name for name, count in labels.items() if count == 1 and any(w[:1].islower() for w in name.split())}
    kept: list[Turn] = []
    for turn in turns:
        if turn.speaker in stray and kept:
            text = f"{turn.speaker}: {turn.text}" if turn.labelled else turn.text
            kept.append(Turn(kept[-1].speaker, text, turn.line))
        else:
            kept.append(turn)
    return kept
