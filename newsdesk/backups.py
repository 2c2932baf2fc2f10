"""Backups: the database and the media folder in one archive, and back (decision 0035).

SQLite is copied with its online backup API, page by page under a read lock, so the site
keeps serving and the copy is consistent. PostgreSQL is dumped with ``pg_dump -Fc`` (one
consistent snapshot) and restored with ``pg_restore --clean --single-transaction``.
Point-in-time recovery for PostgreSQL is WAL archiving (docs/operations.md); a dump is
the portable copy beside it.

An archive is a gzipped tar of ``manifest.json``, ``database.sqlite3`` or
``database.pgdump``, and ``media/``. The manifest holds the row counts and a hash of the
current revisions at the time of the backup; a restore checks them against what it loaded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connections

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
MEDIA = "media"

# What a restore must give back, counted. Revisions are what editors must never lose.
COUNTED = (
    "articles.Article",
    "articles.UpdateLogEntry",
    "stories.Story",
    "stories.TimelineEntry",
    "live.LiveUpdate",
    "wagtailcore.Revision",
    "wagtailcore.ModelLogEntry",
    "wagtailimages.Image",
    "auth.User",
)
# The models whose current revision the hash covers.
REVISED = ("articles.Article", "stories.Story", "stories.TimelineEntry", "live.LiveUpdate")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


@dataclass(frozen=True)
class Fingerprint:
    counts: dict[str, int]
    revisions_sha256: str

    def as_json(self) -> dict[str, Any]:
        return {"counts": self.counts, "revisions_sha256": self.revisions_sha256}


def fingerprint(using: str = "default") -> Fingerprint:
    """Row counts and a SHA-256 over the content of every item's current revision."""
    # The base manager: what is in the trash is backed up and counted too.
    counts = {label: apps.get_model(label)._base_manager.using(using).count() for label in COUNTED}
    digest = hashlib.sha256()
    revision_model = apps.get_model("wagtailcore.Revision")
    for label in REVISED:
        model = apps.get_model(label)
        current = (
            model._base_manager.using(using)
            .exclude(latest_revision__isnull=True)
            .order_by("pk")
            .values_list("pk", "latest_revision_id")
        )
        for start_pk, revision_id in current.iterator(chunk_size=2000):
            content = (
                revision_model.objects.using(using)
                .filter(pk=revision_id)
                .values_list("content", flat=True)
                .first()
            )
            digest.update(f"{label}:{start_pk}:{revision_id}:".encode())
            digest.update(json.dumps(content, sort_keys=True, default=str).encode())
    return Fingerprint(counts=counts, revisions_sha256=digest.hexdigest())


def _engine(using: str) -> str:
    vendor = connections[using].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"No backup method for a {vendor} database.")
    return vendor


def _pg_env(using: str) -> tuple[dict[str, str], str]:
    db = connections[using].settings_dict
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])  # to the child process only, never printed
    return env, str(db["NAME"])


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        # pg_dump / pg_restore with arguments built here, never from a request.
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as exc:
        raise BackupError(f"{command[0]} is not installed on this machine.") from exc
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


def _dump_database(using: str, folder: Path) -> str:
    if _engine(using) == "sqlite":
        connection = connections[using]
        connection.ensure_connection()
        target = sqlite3.connect(folder / SQLITE_FILE)
        try:
            with target:
                connection.connection.backup(target)  # the online backup API
        finally:
            target.close()
        return SQLITE_FILE
    env, name = _pg_env(using)
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={folder / PG_FILE}", name], env)
    return PG_FILE


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def backup(destination: Path, *, using: str = "default", now: dt.datetime | None = None) -> Path:
    """Write one archive of the database and the media folder to ``destination`` (a file,
    or a folder to name it in). Returns the archive's path."""
    now = now or dt.datetime.now(dt.UTC)
    if destination.is_dir():
        destination = destination / f"newsdesk-{now:%Y%m%dT%H%M%SZ}.tar.gz"
    engine = _engine(using)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        database_file = _dump_database(using, folder)
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "created_at": now.isoformat(),
            "database": database_file,
            **fingerprint(using).as_json(),
        }
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(now.timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(folder / database_file, arcname=database_file)
            media = _media_root()
            if media.is_dir():
                archive.add(media, arcname=MEDIA)
        # Only a complete archive gets the name: a backup killed half-way leaves a
        # ``.partial`` file that no restore would pick up by mistake.
        partial.replace(destination)
    return destination


def read_manifest(source: Path) -> dict[str, Any]:
    try:
        with tarfile.open(source, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest: dict[str, Any] = json.load(member)
    except (OSError, tarfile.TarError, KeyError, ValueError) as exc:
        raise BackupError(f"{source} is not a Newsdesk backup: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{source} has backup format {manifest.get('format')}, not {FORMAT}.")
    return manifest


def _load_sqlite(using: str, dump: Path) -> None:
    connection = connections[using]
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        # Into the open connection, so that a file database, WAL and all, is replaced as one
        # (and so that the test suite's in-memory database can be restored too).
        source.backup(connection.connection)
    finally:
        source.close()


def _load_postgresql(using: str, dump: Path) -> None:
    env, name = _pg_env(using)
    connections[using].close()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={name}",
            str(dump),
        ],
        env,
    )


def restore(source: Path, *, using: str = "default", media: bool = True) -> Fingerprint:
    """Load the archive's database over the current one, put its media files in place,
    and check the counts and the revisions' hash against the manifest. Stop the web
    server, the scheduler and the workers first."""
    manifest = read_manifest(source)
    engine = _engine(using)
    if manifest["engine"] != engine:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; this site uses {engine}."
        )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with tarfile.open(source, "r:gz") as archive:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(folder, filter="data")
        dump = folder / manifest["database"]
        if engine == "sqlite":
            _load_sqlite(using, dump)
        else:
            _load_postgresql(using, dump)
        if media and (folder / MEDIA).is_dir():
            shutil.copytree(folder / MEDIA, _media_root(), dirs_exist_ok=True)
    found = fingerprint(using)
    want = Fingerprint(manifest["counts"], manifest["revisions_sha256"])
    if found != want:
        raise BackupError(
            "The restored database does not match the backup's manifest: "
            f"expected {want.as_json()}, found {found.as_json()}."
        )
    return found
