"""Bahasa Indonesia first: the catalogue covers every string in the code, and the compiled file matches it."""

import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES"


def test_indonesian_catalogue_translates_every_entry():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    untranslated = [entry.msgid for entry in po if not entry.translated()]
    fuzzy = [entry.msgid for entry in po if "fuzzy" in entry.flags]
    assert untranslated == []
    assert fuzzy == []
    assert len(po) > 200


def test_catalogue_holds_every_string_in_the_code(tmp_path, monkeypatch):
    # Extract afresh inside a scratch copy of the sources (makemessages also writes to ./locale),
    # then compare: a string added without `make messages` fails here.
    root = Path(settings.BASE_DIR)
    shutil.copytree(root / "tumbuh", tmp_path / "tumbuh", ignore=shutil.ignore_patterns("static", "__pycache__"))
    shutil.copytree(root / "locale", tmp_path / "locale")
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["id"], no_obsolete=True, verbosity=0)
    fresh = {entry.msgid for entry in polib.pofile(str(tmp_path / "locale" / "id" / "LC_MESSAGES" / "django.po"))}
    committed = {entry.msgid for entry in polib.pofile(str(CATALOGUE / "django.po"))}
    assert sorted(fresh - committed) == [], "run `make messages` and translate the new strings"
    assert sorted(committed - fresh) == [], "run `make messages` to drop strings the code no longer has"


def test_compiled_catalogue_matches_the_source():
    po = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGUE / "django.po")) if e.msgstr}
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(CATALOGUE / "django.mo")) if e.msgstr}
    assert mo == po, "run `make messages` to compile the catalogue"


def test_pages_speak_indonesian_by_default_and_english_on_request():
    with translation.override("id"):
        assert translation.gettext("My engagements") == "Pendampingan saya"
    with translation.override("en"):
        assert translation.gettext("My engagements") == "My engagements"
