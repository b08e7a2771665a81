"""Reading transcripts: Zoom, Teams and Meet WebVTT, plain "Name: text" lines, and every way they go wrong."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tumbuh.analyzer.transcript import MAX_SPEAKERS, MAX_UTTERANCES, ParseError, parse

FILES = Path(__file__).parent / "data" / "transcripts"


def read(name: str) -> str:
    return (FILES / name).read_bytes().decode("utf-8")


def turns(transcript) -> list[tuple[str, str]]:
    return [(turn.speaker, turn.text) for turn in transcript.turns]


def test_zoom_vtt_with_bom_crlf_cue_numbers_and_a_caption_over_two_lines():
    transcript = parse(read("zoom.vtt"))
    assert transcript.format == "vtt"
    assert transcript.speakers == ["Sari Wulandari", "Budi Santoso"]
    assert turns(transcript) == [
        ("Sari Wulandari", "Selamat pagi, Pak Budi. Apa yang ingin Anda capai dari sesi hari ini?"),
        ("Budi Santoso", "Saya ingin belajar mendelegasikan laporan bulanan kepada staf."),
        ("Sari Wulandari", "Apa saja yang sudah Anda coba sejauh ini?"),
        ("Budi Santoso", "Saya sudah bicara dengan Andi, tapi saya masih ragu."),
    ]
    assert transcript.words_by_speaker() == {"Sari Wulandari": 21, "Budi Santoso": 17}


def test_teams_vtt_with_voice_tags_note_block_and_uuid_cue_ids():
    transcript = parse(read("teams.vtt"))
    assert turns(transcript) == [
        ("Sari Wulandari", "Kalau saya tidak salah tangkap, Anda ingin tim lebih mandiri."),
        ("Budi Santoso", "Iya, Bu. Itu tujuan saya tahun ini."),
        ("Sari Wulandari", "Langkah pertama apa yang akan Anda lakukan, dan kapan?"),
    ]


def test_meet_style_vtt_with_header_metadata_short_times_cue_settings_classes_and_entities():
    transcript = parse(read("meet.vtt"))
    assert turns(transcript) == [
        ("Sari Wulandari", "Bagaimana perasaan Anda & tim minggu ini?"),
        ("Budi Santoso", "Capek, tapi lega."),
    ]


def test_plain_lines_skip_bare_times_and_carry_on_lines_without_a_name():
    transcript = parse(read("plain.txt"))
    assert transcript.format == "text"
    assert transcript.unattributed_words == 3  # "Transkrip sesi coaching" comes before any name
    assert turns(transcript) == [
        ("Sari Wulandari", "Selamat pagi, Pak Budi."),
        ("Budi Santoso", "Pagi, Bu Sari."),
        ("Sari Wulandari", "Apa yang ingin Anda bahas hari ini?"),
        ("Budi Santoso", "Soal delegasi. Saya selalu mengerjakan semuanya sendiri."),
        # A one-off "Saran saya:" is part of Sari's turn, not a third speaker.
        ("Sari Wulandari", "Jadi yang saya dengar, Anda kewalahan. Saran saya: coba bagi tugasnya dulu."),
        ("Budi Santoso", "Baik, Bu."),
    ]


def test_consecutive_captions_of_one_speaker_become_one_turn():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nSari: Apa yang\n\n00:02.000 --> 00:03.000\nterjadi?\n\n"
    text += "00:03.000 --> 00:04.000\nBudi: Rapatnya batal.\n"
    assert turns(parse(text)) == [("Sari", "Apa yang terjadi?"), ("Budi", "Rapatnya batal.")]


def test_teams_copied_transcript_with_name_and_time_on_their_own_line():
    text = "Sari Wulandari   0:03\nApa tujuan Anda?\nBudi Santoso   0:10\nMenyelesaikan SOP.\n"
    assert turns(parse(text)) == [("Sari Wulandari", "Apa tujuan Anda?"), ("Budi Santoso", "Menyelesaikan SOP.")]


def test_a_clock_time_inside_a_sentence_is_no_speaker_name():
    text = "Sari: Kita bertemu lagi jam\n10:30 besok?\nBudi: Bisa.\n"
    assert turns(parse(text)) == [("Sari", "Kita bertemu lagi jam 10:30 besok?"), ("Budi", "Bisa.")]


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", "empty", None),
        ("\ufeff \r\n\t\n", "empty", None),
        ("WEBVTT\n\n", "no_cues", None),
        ("WEBVTT\n\nNOTE only a note\n", "no_cues", None),
        ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\nSari: Halo\n", "bad_timestamp", 4),
        ("WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nSari: Halo\n", "bad_cue", 3),
        ("WEBVTT\n\nSari: Halo\nBudi: Hai\n", "bad_cue", 3),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nSari: Halo\n00:02.000 --> 00:03.000\nBudi: Hai\n", "bad_cue", 5),
        ("WEBVTTX\n\n00:01.000 --> 00:02.000\nSari: Halo\n", "missing_header", 1),
        ("1\n00:00:01.000 --> 00:00:02.000\nSari: Halo\n", "missing_header", 2),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nSelamat pagi semua\n", "no_speakers", None),
        ("halo semua\napa kabar\n", "no_speakers", None),
        ("Sari: Halo, ada orang?\nSari: Sepertinya tidak.\n", "one_speaker", None),
        ("Sari: Halo\x00\nBudi: Hai\n", "binary", None),
    ],
)
def test_bad_input_raises_a_parse_error_with_its_code_and_line(text, code, line):
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert (caught.value.code, caught.value.line) == (code, line)


def test_one_speaker_error_names_the_speaker():
    with pytest.raises(ParseError) as caught:
        parse("Sari Wulandari: Halo?\n")
    assert caught.value.detail == "Sari Wulandari"


# No NUL: PostgreSQL refuses it in text, and the parser refuses it first (tested above).
TEXT = st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=400)
LINE = st.one_of(
    TEXT,
    st.sampled_from(["WEBVTT", "", "NOTE x", "00:00:01.000 --> 00:00:02.000", "1", "<v Budi>hai</v>", "Sari: apa?"]),
    st.builds(lambda name, text: f"{name}: {text}", st.text(min_size=1, max_size=20), TEXT),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=30), st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_text_either_parses_into_speaker_turns_or_raises_parse_error(lines, newline):
    text = newline.join(lines)
    try:
        transcript = parse(text)
    except ParseError as error:
        assert error.code
        return
    assert len(transcript.speakers) >= 2
    assert all(turn.text and turn.speaker in transcript.speakers for turn in transcript.turns)
    assert sum(transcript.words_by_speaker().values()) >= 1


def test_more_speakers_than_the_limit_is_a_parse_error_with_their_number():
    text = "".join(f"P{i:05d}: Ya.\n" for i in range(MAX_SPEAKERS + 1))
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert (caught.value.code, caught.value.detail) == ("too_many_speakers", "21")


def test_more_lines_of_speech_than_the_limit_is_a_parse_error_with_their_number():
    text = "Sari: Halo.\nBudi: Hai.\n" + "Ya.\n" * (MAX_UTTERANCES - 1)
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert (caught.value.code, caught.value.detail) == ("too_many_utterances", "5001")


def test_the_limits_themselves_are_accepted_and_lines_without_a_name_join_the_turn_in_order():
    names = [f"Peserta {chr(65 + i)}" for i in range(MAX_SPEAKERS)]
    text = "".join(f"{name}: Halo.\n" for name in names) + "".join(f"baris {i}\n" for i in range(MAX_UTTERANCES - 20))
    transcript = parse(text)
    assert transcript.speakers == names
    assert len(transcript.turns) == MAX_SPEAKERS
    assert transcript.turns[-1].text == "Halo. " + " ".join(f"baris {i}" for i in range(MAX_UTTERANCES - 20))
