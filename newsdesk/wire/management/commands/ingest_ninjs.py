"""Ingest ninjs documents from a file or a folder of them, as a partner would send them."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from newsdesk.wire.ingest import Refused, ingest
from newsdesk.wire.models import Partner


class Command(BaseCommand):
    help = (
        "Ingest IPTC ninjs 3.x documents (a .json file holding one document or a list, or "
        "a folder of them) for a wire partner. Each document is taken whole or not at all; "
        "a bad one is reported and the run goes on. A picture's rendition cid:NAME is the "
        "file NAME in the document's folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="a .json file or a folder of .json files")
        parser.add_argument(
            "--partner", help="the partner's name (needed when there is more than one)"
        )

    def handle(self, *args, path: Path, partner: str | None, **options):
        sender = _partner(partner)
        if path.is_dir():
            files = sorted(path.glob("*.json"))
        elif path.is_file():
            files = [path]
        else:
            raise CommandError(_("No such file or folder: %(path)s.") % {"path": path})
        taken = refused = 0
        for file in files:
            try:
                loaded = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                self.stderr.write(
                    _("%(file)s: not JSON in UTF-8: %(error)s") % {"file": file.name, "error": exc}
                )
                refused += 1
                continue
            documents = loaded if isinstance(loaded, list) else [loaded]
            for number, document in enumerate(documents, start=1):
                name = file.name if len(documents) == 1 else f"{file.name} #{number}"
                try:
                    with FolderFiles(file.parent) as attachments:
                        result = ingest(
                            document, partner=sender, via="command", attachments=attachments
                        )
                except Refused as exc:
                    refused += 1
                    for problem in exc.problems:
                        self.stderr.write(f"{name}: {problem.path or '/'}: {problem.message}")
                    continue
                taken += 1
                self.stdout.write(f"{name}: {result.outcome}: {result.message}")
                for warning in result.warnings:
                    self.stdout.write(
                        _("%(file)s: warning: %(warning)s") % {"file": name, "warning": warning}
                    )
        self.stdout.write(
            _("%(taken)d documents taken, %(refused)d refused.")
            % {"taken": taken, "refused": refused}
        )


class FolderFiles(Mapping[str, File]):
    """The files beside a document, by name, opened when a picture names one; a name that
    leaves the folder (a path, ``..``) names nothing."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.opened: list[File] = []

    def __enter__(self) -> FolderFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        for file in self.opened:
            file.close()

    def __getitem__(self, name: str) -> File:
        path = (self.folder / name).resolve()
        if "/" in name or "\\" in name or path.parent != self.folder or not path.is_file():
            raise KeyError(name)
        file = File(path.open("rb"), name=path.name)
        self.opened.append(file)
        return file

    def __iter__(self) -> Iterator[str]:
        return (path.name for path in self.folder.iterdir() if path.is_file())

    def __len__(self) -> int:
        return sum(1 for _name in self)


def _partner(name: str | None) -> Partner:
    if name:
        found = Partner.objects.select_related("section").filter(name=name).first()
        if found is None:
            raise CommandError(_("No wire partner named %(name)s.") % {"name": name})
        return found
    partners = list(Partner.objects.select_related("section")[:2])
    if len(partners) != 1:
        raise CommandError(_("Name the partner with --partner: there is not exactly one."))
    return partners[0]
