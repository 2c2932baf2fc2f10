"""Backup and restore round trip: counts and the current revisions' hash come back
(decision 0035). Runs on the suite's database: SQLite, or PostgreSQL when DATABASE_URL
names one (CI runs both)."""

from __future__ import annotations

import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from newsdesk import backups
from newsdesk.accounts.models import SecurityEvent
from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.publishing.security import BACKUP_RESTORED, BACKUP_WRITTEN
from newsdesk.stories.models import TimelineEntry
from newsdesk.testing import factories

# pg_dump and the SQLite backup API read committed rows only.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module", autouse=True)
def _migrated_rows_back(django_db_blocker):
    """Each test here ends with a flush, which empties the database; the transactional tests
    that run after this module (the browser tests) read what the migrations made (editions,
    roles). Put it back once the module is done."""
    yield
    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture
def media(tmp_path: Path, settings) -> Path:
    folder = tmp_path / "media"
    (folder / "original_images").mkdir(parents=True)
    (folder / "original_images" / "kharkiv.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    settings.MEDIA_ROOT = str(folder)
    return folder


def newsroom() -> Article:
    article = factories.published("uk", "grid-repairs", body=["First version."])
    article.lead = "A second revision."
    actions.publish(article=article)
    factories.draft("en", "draft-only")
    story = factories.story("uk", "energy")
    factories.timeline_entry(story)
    return article


def test_backup_and_restore_round_trip(tmp_path, media):
    article = newsroom()
    before = backups.fingerprint()
    assert before.counts["wagtailcore.Revision"] == 3  # two of the article, one draft

    out = io.StringIO()
    call_command("backup", str(tmp_path), stdout=out)
    archive = next(tmp_path.glob("newsdesk-*.tar.gz"))
    assert out.getvalue().startswith(f"backup written: {archive}")
    [written] = SecurityEvent.objects.filter(event=BACKUP_WRITTEN)
    assert written.details["archive"] == str(archive)
    manifest = backups.read_manifest(archive)
    assert manifest["engine"] == connection.vendor
    assert manifest["revisions_sha256"] == before.revisions_sha256

    # What a bad day does: an article deleted, a timeline gone, a new revision, media lost.
    actions.publish(article=Article.objects.get(pk=article.pk), update_note="Changed after.")
    Article.objects.filter(slug="draft-only").delete()
    TimelineEntry.objects.all().delete()
    shutil.rmtree(media)
    assert backups.fingerprint() != before

    out = io.StringIO()
    call_command("restore", str(archive), "--yes", stdout=out)

    assert backups.fingerprint() == before
    assert "matches the backup" in out.getvalue()
    # The restored database has its own log, taken before the backup was recorded, and the
    # restore itself.
    restored = SecurityEvent.objects.filter(event__in=[BACKUP_WRITTEN, BACKUP_RESTORED])
    assert [event.event for event in restored] == [BACKUP_RESTORED]
    assert (media / "original_images" / "kharkiv.jpg").read_bytes() == b"\xff\xd8 not really a jpeg"
    assert Article.objects.get(pk=article.pk).lead == "A second revision."


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="is not a Newsdesk backup"):
        call_command("restore", str(bogus), "--yes")


def test_restore_refuses_a_backup_of_another_database_engine(tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    archive = tmp_path / "other.tar.gz"
    data = json.dumps(
        {"format": backups.FORMAT, "engine": other, "created_at": "x", "database": "db"}
    ).encode()
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo(backups.MANIFEST)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match=f"This backup is of a {other} database"):
        call_command("restore", str(archive), "--yes")


def test_restore_asks_first_and_a_no_changes_nothing(tmp_path, media, monkeypatch):
    newsroom()
    call_command("backup", str(tmp_path / "b.tar.gz"), stdout=io.StringIO())
    factories.published("uk", "after-the-backup")
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    with pytest.raises(CommandError, match="Nothing restored"):
        call_command("restore", str(tmp_path / "b.tar.gz"))
    assert Article.objects.filter(slug="after-the-backup").exists()


def test_a_backup_cut_short_never_takes_the_archive_name(tmp_path, media, monkeypatch):
    def dying(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(backups.tarfile.TarFile, "add", dying)
    with pytest.raises(OSError, match="disk full"):
        backups.backup(tmp_path / "b.tar.gz")
    assert not (tmp_path / "b.tar.gz").exists()
