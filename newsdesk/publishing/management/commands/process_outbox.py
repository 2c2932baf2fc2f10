"""Deliver what publishing still owes the outputs (search, archive months, purges)."""

import time

from django.core.management.base import BaseCommand

from newsdesk.publishing.events import process_outbox


class Command(BaseCommand):
    help = "Deliver the outbox: derived work of committed changes that was not done yet."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep delivering until stopped")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between runs")

    def handle(self, *args, loop: bool, interval: float, **options):
        while True:
            delivered, failed = process_outbox()
            if delivered or failed or not loop:
                self.stdout.write(f"delivered {delivered}, not delivered {failed}")
            if not loop:
                return
            time.sleep(interval)
