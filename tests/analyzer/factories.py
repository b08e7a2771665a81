"""Transcripts for tests, analysed exactly as the service would analyse them."""

import factory

from tests.factories import SessionFactory
from tumbuh.analyzer.models import SourceFormat, Transcript
from tumbuh.analyzer.report import build_report
from tumbuh.analyzer.transcript import parse

CONVERSATION = """Sari Wulandari: Selamat pagi, Pak Budi. Apa yang ingin Anda capai dari sesi ini?
Budi Santoso: Saya ingin belajar mendelegasikan laporan bulanan kepada staf.
Sari Wulandari: Sebaiknya Anda delegasikan ke Andi. Apakah Andi sudah siap?
Budi Santoso: Mungkin, tapi saya belum yakin dia bisa.
Sari Wulandari: Jadi yang saya dengar, Anda ragu pada kemampuan Andi.
Budi Santoso: Betul, Bu.
"""


class TranscriptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transcript

    session = factory.SubFactory(SessionFactory)
    uploaded_by = factory.SelfAttribute("session.engagement.coach")
    source_format = SourceFormat.TEXT
    source_name = "sesi.txt"
    coach_speaker = "Sari Wulandari"
    text = CONVERSATION
    report = factory.LazyAttribute(lambda t: build_report(parse(t.text), t.coach_speaker))
    word_count = factory.LazyAttribute(lambda t: t.report["total_words"])
    coach_word_count = factory.LazyAttribute(lambda t: t.report["coach_words"])
