"""Back up the database and the media folder into one archive (newsdesk.backups)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.backups import BackupError, backup
from newsdesk.publishing.security import record_backup


class Command(BaseCommand):
    help = "Write the database (SQLite online backup or pg_dump -Fc) and media into one archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "destination", type=Path, help="an archive file name, or a folder to write it in"
        )

    def handle(self, *args, destination: Path, **options):
        try:
            written = backup(destination)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        record_backup(str(written), written.stat().st_size)
        self.stdout.write(f"backup written: {written} ({written.stat().st_size} bytes)")
