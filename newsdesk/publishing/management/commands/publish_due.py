"""Publish what is due and expire what is past expiry. `--loop` makes it the scheduler:
each tick also delivers what is left in the outbox, deletes what has outlived the trash's
retention period and writes the scheduler's heartbeat."""

import time

from django.core.management.base import BaseCommand

from newsdesk.publishing.actions import publish_due, purge_trash
from newsdesk.publishing.events import process_outbox
from newsdesk.publishing.heartbeat import beat


class Command(BaseCommand):
    help = (
        "Publish scheduled items that are due (and report late ones); expire what is past expiry."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep ticking until stopped")
        parser.add_argument("--interval", type=float, default=15.0, help="seconds between ticks")

    def handle(self, *args, loop: bool, interval: float, **options):
        while True:
            report = publish_due()
            delivered, _failed = process_outbox()
            purged = purge_trash()
            if loop:
                beat(interval=interval)
            if report.published or report.expired or delivered or purged or not loop:
                self.stdout.write(
                    f"published {len(report.published)} (late {len(report.late)}), "
                    f"expired {len(report.expired)}, outbox delivered {delivered}, "
                    f"purged from the trash {purged}"
                )
            if not loop:
                return
            time.sleep(interval)
