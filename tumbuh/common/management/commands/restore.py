from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tumbuh.common.backup import RestoreRefused, restore_backup


class Command(BaseCommand):
    help = "Restore a backup folder into the configured, empty database and MEDIA_ROOT (docs/operations.md)."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        try:
            restore_backup(Path(folder))
        except RestoreRefused as refusal:
            raise CommandError(f"Not restored: {refusal}.") from refusal
        self.stdout.write(
            f"Restored {folder}. Its secret key is {Path(folder) / 'secret-key'}: serve with it "
            "(SECRET_KEY_FILE) so sessions and reset links made before stay valid."
        )
