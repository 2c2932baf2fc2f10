"""Recount the per-month archive summary the sitemap index reads."""

from django.core.management.base import BaseCommand

from newsdesk.syndication import archive


class Command(BaseCommand):
    help = (
        "Recount published articles per edition and month for the sitemap index. Publishing "
        "keeps the counts current; run this after a bulk import that bypassed it."
    )

    def handle(self, *args, **options):
        months = archive.rebuild()
        if options["verbosity"] > 0:
            self.stdout.write(f"Recounted {months} archive months across both editions.")
