"""Publish what is due and expire what is past expiry. `--loop` makes it the scheduler."""

import time

from django.core.management.base import BaseCommand

from newsdesk.publishing.actions import publish_due


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
            if report.published or report.expired or not loop:
                self.stdout.write(
                    f"published {len(report.published)} (late {len(report.late)}), "
                    f"expired {len(report.expired)}"
                )
            if not loop:
                return
            time.sleep(interval)
