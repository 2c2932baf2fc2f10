"""Delete for good what has been in the trash longer than the retention period."""

from django.core.management.base import BaseCommand

from newsdesk.publishing.actions import purge_trash, trash_retention_days


class Command(BaseCommand):
    help = "Delete articles that have been in the trash longer than NEWSDESK_TRASH_RETENTION_DAYS."

    def handle(self, *args, **options):
        purged = purge_trash()
        self.stdout.write(f"purged {purged} (retention {trash_retention_days()} days)")
