"""Import a WordPress export (WXR) into one edition. `--dry-run` first: it writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.table import Table

from newsdesk.editions import EDITIONS
from newsdesk.transfer import terminal, wordpress


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts become articles, categories sections, tags "
        "tags, authors bylines; images from a local copy of wp-content/uploads. Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the WXR file WordPress exported")
        parser.add_argument("--edition", default="uk", help="the edition to import into: uk or en")
        parser.add_argument(
            "--media-dir", type=Path, help="a copy of the site's wp-content/uploads folder"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would be done, write nothing"
        )
        parser.add_argument(
            "--report", type=Path, help="the JSON report (default: import-<file>.report.json)"
        )

    def handle(self, *args, file: Path, edition: str, media_dir, dry_run, report, **options):
        if edition not in EDITIONS:
            raise CommandError(
                _("Unknown edition %(edition)s: choose one of %(choices)s.")
                % {"edition": edition, "choices": ", ".join(EDITIONS)}
            )
        if not file.is_file():
            raise CommandError(_("No such file: %(path)s.") % {"path": file})
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(_("No such folder: %(path)s.") % {"path": media_dir})
        console = terminal.console(self.stdout)
        importer = wordpress.Importer(file, edition=edition, media_dir=media_dir, dry_run=dry_run)
        total = importer.survey()
        progress = terminal.progress_bar(console)
        with progress:
            task = progress.add_task(_("Importing"), total=total)
            importer.progress = lambda: progress.advance(task)
            result = importer.run()
        table = Table(title=_("Dry run: nothing was written") if dry_run else _("Imported"))
        table.add_column(_("type"))
        for label in (_("created"), _("updated"), _("skipped"), _("failed")):
            table.add_column(label, justify="right")
        for kind, counts in result.rows():
            table.add_row(kind, *(str(counts[outcome]) for outcome in wordpress.OUTCOMES))
        console.print(table)
        path = report or wordpress.default_report_path(file)
        path.write_text(
            json.dumps(result.as_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        warnings = sum(1 for note in result.notes if note.level == "warning")
        failures = len(result.notes) - warnings
        console.print(
            _("%(warnings)d warnings, %(failures)d failures: %(path)s")
            % {"warnings": warnings, "failures": failures, "path": path}
        )
