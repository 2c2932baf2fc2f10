"""Find (and, unless --dry-run, repair) live articles left half-published."""

from django.core.management.base import BaseCommand

from newsdesk.publishing.reconcile import reconcile


class Command(BaseCommand):
    help = (
        "Find live articles without their publish audit entry, slug history or search "
        "document, and archive months out of step; repair them unless --dry-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")

    def handle(self, *args, dry_run: bool, **options):
        found = reconcile(repair=not dry_run)
        for finding in found:
            self.stdout.write(str(finding))
        verb = "found" if dry_run else "repaired"
        self.stdout.write(f"{verb} {len(found)}")
