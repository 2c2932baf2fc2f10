"""Build a benchmark archive in bulk: by default a million articles over ten years."""

import sys

from django.core.management.base import BaseCommand, CommandError

from newsdesk_demo.archive import ArchiveError, build_archive, check


class Command(BaseCommand):
    help = (
        "Add a realistic archive to the database, written in bulk: articles in both "
        "editions (most with a translation), over sections, long-tail tags and authors. "
        "Adds to what is there; run it again to add more."
    )

    def add_arguments(self, parser):
        for name, default, text in (
            ("articles", 1_000_000, "articles to add, both editions together"),
            ("years", 10, "spread them over this many years up to now"),
            ("sections", 50, "sections per edition"),
            ("tags", 20_000, "tags per edition"),
            ("authors", 500, "authors per edition"),
            ("seed", 1, "random seed"),
            ("batch", 5000, "articles per transaction"),
        ):
            parser.add_argument(f"--{name}", type=int, default=default, help=f"{text} ({default})")
        parser.add_argument(
            "--no-derived",
            action="store_true",
            help="skip rebuilding the search index and syndication summaries afterwards",
        )

    def handle(self, *args, no_derived: bool, verbosity: int, **options):
        sizes = {name: options[name] for name in ("articles", "years", "sections", "tags")}
        sizes.update(authors=options["authors"], batch=options["batch"])
        try:
            check(**sizes)
            report = build_archive(
                **sizes,
                seed=options["seed"],
                derived=not no_derived,
                # The progress line redraws itself, so it needs the raw stream.
                progress=sys.stderr if verbosity > 0 else None,
            )
        except ArchiveError as exc:
            raise CommandError(str(exc)) from exc
        if verbosity > 0:
            self.stdout.write(report.summary())
