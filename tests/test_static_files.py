"""The production static pipeline (manifest storage) collects every file the pages link to."""

from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings


def test_collectstatic_with_manifest_storage_succeeds_and_hashes_our_assets(tmp_path, settings):
    storages = {
        **settings.STORAGES,
        # The manifest half of production storage (compression is slow and not what can break).
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
        hashed = [
            static(name) for name in ("tumbuh/app.css", "vendor/htmx/htmx.min.js", "vendor/bootstrap/bootstrap.min.css")
        ]
    assert all(url.startswith("/static/") for url in hashed)
    # Manifest names carry a content hash: app.<hash>.css.
    assert [url.count(".") for url in hashed] == [2, 3, 3]
    assert (tmp_path / "tumbuh" / "app.css").exists()
