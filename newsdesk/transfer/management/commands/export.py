"""Export the whole newsroom into a folder: IPTC ninjs 3.1 and a WordPress export (WXR)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.table import Table

from newsdesk.editions import EDITIONS
from newsdesk.transfer import export, terminal

ALL = "all"


class Command(BaseCommand):
    help = (
        "Export the whole newsroom in open formats: each article as IPTC ninjs 3.1, each "
        "edition as a WordPress export (WXR) with its images, and a manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="an empty folder to write into")
        parser.add_argument("--edition", default=ALL, help="uk, en or all (the default)")
        parser.add_argument("--format", default=ALL, help="ninjs, wxr or all (the default)")
        parser.add_argument(
            "--force", action="store_true", help="replace a previous export in the folder"
        )

    def handle(self, *args, folder: Path, edition: str, format: str, force: bool, **options):
        if edition != ALL and edition not in EDITIONS:
            raise CommandError(
                _("Unknown edition %(edition)s: choose one of %(choices)s.")
                % {"edition": edition, "choices": ", ".join((*EDITIONS, ALL))}
            )
        if format != ALL and format not in export.FORMATS:
            raise CommandError(
                _("Unknown format %(format)s: choose one of %(choices)s.")
                % {"format": format, "choices": ", ".join((*export.FORMATS, ALL))}
            )
        try:
            export.check_folder(folder, force=force)
        except export.ExportRefused as exc:
            raise CommandError(self._refusal(str(exc), folder)) from exc
        console = terminal.console(self.stdout)
        exporter = export.Exporter(
            folder,
            editions=list(EDITIONS) if edition == ALL else [edition],
            formats=export.FORMATS if format == ALL else (format,),
        )
        progress = terminal.progress_bar(console)
        with progress:
            task = progress.add_task(_("Exporting"), total=exporter.total())
            exporter.progress = lambda: progress.advance(task)
            counts = exporter.run()
        table = Table(title=_("Exported"))
        table.add_column(_("what"))
        table.add_column(_("count"), justify="right")
        for name, number in sorted(counts.items()):
            table.add_row(name, str(number))
        console.print(table)
        console.print(_("Written to %(path)s") % {"path": folder / export.MANIFEST})

    @staticmethod
    def _refusal(reason: str, folder: Path) -> str:
        messages = {
            "not-a-folder": _("%(path)s is a file, not a folder."),
            "not-empty": _(
                "%(path)s is not empty: choose an empty folder, or give --force to replace "
                "a previous export in it."
            ),
            "unwritable": _("Cannot write to %(path)s."),
        }
        return messages[reason] % {"path": folder}
