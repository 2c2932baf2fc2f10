"""Move the view counts held in the cache into the database (hourly rows)."""

from __future__ import annotations

import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsdesk.readership.counting import flush
from newsdesk.ticker import run

INTERVAL = 60.0


class Command(BaseCommand):
    help = "Write the cached view counts to the database; --loop keeps doing it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="run until stopped")
        parser.add_argument(
            "--interval", type=float, default=INTERVAL, help="seconds between flushes (--loop)"
        )

    def handle(self, *args: Any, loop: bool, interval: float, **options: Any) -> None:
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds.")
        if loop:
            run(flush, interval=interval, stop=threading.Event(), report=self._report)
        else:
            self._report(flush())

    def _report(self, written: int) -> None:
        self.stdout.write(f"Flushed view counts: {written} hourly rows written.")
