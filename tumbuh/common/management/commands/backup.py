from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from tumbuh.common.backup import make_backup


class Command(BaseCommand):
    help = "Back up the database, the media files and the secret key into a new folder (docs/operations.md)."

    def add_arguments(self, parser):
        parser.add_argument("into", nargs="?", default=str(Path(settings.BASE_DIR) / "var" / "backups"))

    def handle(self, *args, into, **options):
        folder = make_backup(Path(into))
        self.stdout.write(f"Backup written: {folder}")
