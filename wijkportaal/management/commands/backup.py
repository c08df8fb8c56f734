from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wijkportaal.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "Write a consistent copy of the database and the media into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default="backups", type=Path)

    def handle(self, *args, directory, **options):
        try:
            target = backup_create(directory=directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(target))
