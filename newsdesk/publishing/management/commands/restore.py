"""Restore the database and the media folder from an archive made by ``backup``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.backups import BackupError, read_manifest, restore
from newsdesk.publishing.security import record_restore


class Command(BaseCommand):
    help = (
        "Replace the database (and add the media files) with a backup's, then check its "
        "counts and revisions' hash. Stop the web server, scheduler and workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="do not ask: this replaces the current database"
        )
        parser.add_argument("--no-media", action="store_true", help="restore the database only")

    def handle(self, *args, archive: Path, yes: bool, no_media: bool, **options):
        try:
            manifest = read_manifest(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if not yes:
            answer = input(
                f"Replace this site's database with the backup of {manifest['created_at']}? [y/N] "
            )
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("Nothing restored.")
        try:
            found = restore(archive, media=not no_media)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        record_restore(str(archive), str(manifest["created_at"]))
        articles = found.counts["articles.Article"]
        revisions = found.counts["wagtailcore.Revision"]
        self.stdout.write(
            f"restored {archive}: {articles} articles, {revisions} revisions, "
            f"revisions hash {found.revisions_sha256[:12]} matches the backup"
        )
