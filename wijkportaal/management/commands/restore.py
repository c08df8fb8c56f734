from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wijkportaal.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup folder (`manage.py backup`) into a fresh database and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)
        parser.add_argument(
            "--replace", action="store_true", help="Replace what a non-empty database holds."
        )

    def handle(self, *args, source, replace, **options):
        try:
            manifest = backup_restore(source=source, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored the backup of {manifest['created']}.")
