"""Reindex every published article and drop what is no longer published."""

import os
import time

from django.core.management.base import BaseCommand, CommandError

from newsdesk.search.index import BATCH_SIZE, rebuild


class Command(BaseCommand):
    help = "Rebuild the site's search index from the published articles, in batches."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"articles per batch (default {BATCH_SIZE})",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help=(
                "worker processes making the batches' keys side by side (default: one "
                "per core); they write them too on PostgreSQL, while on SQLite this "
                "process writes what they make"
            ),
        )

    def handle(self, *args, batch_size: int, jobs: int, **options):
        if batch_size < 1:
            raise CommandError(f"--batch-size must be a positive number, not {batch_size}.")
        if jobs < 1:
            raise CommandError(f"--jobs must be a positive number, not {jobs}.")
        started = time.perf_counter()
        report = rebuild(batch_size=batch_size, jobs=jobs)
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Indexed {report.indexed} published articles; removed {report.removed} "
                f"stale entries ({time.perf_counter() - started:.1f} s)."
            )
