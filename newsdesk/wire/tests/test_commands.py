"""`ingest_ninjs` and `wire_partner` on the command line."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.images import get_image_model

from newsdesk.articles.models import Article
from newsdesk.testing import factories
from newsdesk.wire import tokens
from newsdesk.wire.models import Partner, WireItem

from .documents import FIXTURES, story
from .pictures import association, png

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    """The command's output, in English (the test settings' language is Ukrainian)."""
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_folder_is_ingested_file_by_file_past_the_bad_ones(partner, tmp_path):
    for name in ("valid/shelling-uk.json", "invalid/no-uri.json", "invalid/ninjs-2-names.json"):
        shutil.copy(FIXTURES / name, tmp_path / name.replace("/", "-"))
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    out, err = run("ingest_ninjs", str(tmp_path), "--partner", "Agency")
    assert "valid-shelling-uk.json: queued" in out
    assert "1 documents taken, 3 refused." in out
    assert "invalid-no-uri.json: /: Required property missing: uri." in err
    assert "invalid-ninjs-2-names.json: /: Property not defined by ninjs: versioncreated." in err
    assert "broken.json: not JSON in UTF-8" in err
    assert Article.objects.count() == 1


def test_a_file_may_hold_a_list_of_documents(partner, tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([story("urn:1"), story("urn:2"), story("urn:1")]), "utf-8")
    out, _err = run("ingest_ninjs", str(path))
    assert "batch.json #3: duplicate" in out
    assert WireItem.objects.count() == 2


def test_the_partner_must_be_named_when_there_are_several(partner, trusted, tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(story()), "utf-8")
    with pytest.raises(CommandError, match="--partner"):
        run("ingest_ninjs", str(path))
    with pytest.raises(CommandError, match="No wire partner named Nobody"):
        run("ingest_ninjs", str(path), "--partner", "Nobody")
    with pytest.raises(CommandError, match="No such file"):
        run("ingest_ninjs", str(tmp_path / "absent.json"), "--partner", "Agency")


def test_a_partner_is_created_and_given_a_token_shown_once(db):
    factories.section("en", "world")
    out, _err = run("wire_partner", "create", "Wire One", "--edition", "en", "--section", "world")
    partner = Partner.objects.get(name="Wire One")
    assert (partner.edition, partner.section.slug, partner.trusted) == ("en", "world", False)
    token = out.rsplit(" ", 1)[1].strip()
    assert tokens.authenticate(token) == partner
    assert token not in json.dumps(list(Partner.objects.values()), default=str)
    out, _err = run("wire_partner", "revoke", "Wire One")
    assert tokens.authenticate(token) is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create", "X", "--edition", "fr", "--section", "war"], "Unknown edition fr"),
        (["create", "X", "--edition", "uk", "--section", "nowhere"], "No section nowhere"),
        (["create", "Agency", "--edition", "uk", "--section", "war"], "exists already"),
        (["token", "Nobody"], "No wire partner named Nobody"),
    ],
)
def test_wire_partner_refuses_bad_input(partner, args, message):
    with pytest.raises(CommandError, match=message):
        run("wire_partner", *args)


def test_a_pictures_file_is_read_from_beside_the_document(trusted, tmp_path):
    document = story(associations=[association("main", "photo.png")])
    (tmp_path / "item.json").write_text(json.dumps(document), encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(png())
    out, err = run("ingest_ninjs", str(tmp_path / "item.json"))
    assert "item.json: published" in out, err
    assert Article.objects.get().hero_image.title == "Фото main"


@pytest.mark.parametrize("part", ["../photo.png", "/etc/hostname", "sub/photo.png"])
def test_a_picture_may_not_name_a_file_outside_the_documents_folder(trusted, tmp_path, part: str):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (tmp_path / "photo.png").write_bytes(png())
    (folder / "sub" / "photo.png").write_bytes(png())
    document = story(associations=[association("main", part)])
    (folder / "item.json").write_text(json.dumps(document), encoding="utf-8")
    out, err = run("ingest_ninjs", str(folder / "item.json"))
    assert f"No file named {part} came with the document." in err
    assert "0 documents taken, 1 refused." in out
    assert not Article.objects.exists() and not get_image_model().objects.exists()
