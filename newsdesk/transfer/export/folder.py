"""The folder an export goes into: refused when it cannot take one."""

from __future__ import annotations

import shutil
from pathlib import Path

MANIFEST = "manifest.json"
UPLOADS = "uploads"
# What an export writes: --force clears these, and nothing else, from the folder.
WRITTEN = ("ninjs", "newsroom", UPLOADS, MANIFEST)


class ExportRefused(Exception):
    """The folder cannot take an export; the message says why."""


def check_folder(folder: Path, *, force: bool) -> None:
    """Refuse a folder the export cannot write, or one holding something else (unless
    ``force``, which clears a previous export's files, never anything else)."""
    if folder.exists() and not folder.is_dir():
        raise ExportRefused("not-a-folder")
    if folder.is_dir() and any(folder.iterdir()):
        if not force:
            raise ExportRefused("not-empty")
        for name in (*WRITTEN, *(p.name for p in folder.glob("wordpress-*.xml"))):
            target = folder / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".newsdesk-export-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ExportRefused("unwritable") from exc
