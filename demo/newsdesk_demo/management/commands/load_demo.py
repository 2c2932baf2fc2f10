"""Top the demo archive up to N live articles in both editions (idempotent per seed)."""

from django.core.management.base import BaseCommand, CommandError

from newsdesk.search.index import rebuild as rebuild_search_index
from newsdesk_demo.builder import load_demo


class Command(BaseCommand):
    help = (
        "Create demo sections, tags, authors, images and articles in both editions, topping "
        "the archive up to --articles live articles. Running it again adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=240,
            help="live articles to have in total, both editions (default 240)",
        )
        parser.add_argument(
            "--days",
            type=int,
            default=12,
            help="spread new articles over this many days back (default 12)",
        )
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    def handle(self, *args, articles: int, days: int, seed: int, **options):
        if articles < 1:
            raise CommandError(f"--articles must be a positive number, not {articles}.")
        if days < 1:
            raise CommandError(f"--days must be a positive number of days, not {days}.")
        report = load_demo(articles=articles, days=days, seed=seed)
        # The loader publishes in one transaction, whose on-commit index updates never
        # run inside a test; indexing here leaves the demo searchable either way.
        rebuild_search_index()
        if options["verbosity"] > 0:
            self.stdout.write(report.summary())
