"""Both UI catalogues are complete and cover every string the code and templates use.

A page that shows an untranslated string or a raw key is a failed build (DESIGN.md).
The rendered-page side of that rule is tested in newsdesk/site/tests; this file checks the
catalogues themselves.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation.template import templatize

PACKAGE = Path(settings.PACKAGE_DIR)
CATALOGUES = {
    code: PACKAGE / "locale" / code / "LC_MESSAGES" / "django.po" for code, _ in settings.LANGUAGES
}
XGETTEXT_KEYWORDS = [
    "gettext_noop",
    "gettext_lazy",
    "ngettext_lazy:1,2",
    "pgettext:1c,2",
    "npgettext:1c,2,3",
    "pgettext_lazy:1c,2",
    "npgettext_lazy:1c,2,3",
    "ngettext:1,2",
    "_",
    "gettext",
]


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_catalogue_is_complete(code):
    catalogue = polib.pofile(str(CATALOGUES[code]))
    assert len(catalogue) > 0
    untranslated = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    assert untranslated == [], f"{code}: untranslated strings"
    assert fuzzy == [], f"{code}: fuzzy strings"


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_compiled_catalogue_matches_source(code):
    source = {
        _key(e): e.msgstr or e.msgstr_plural
        for e in polib.pofile(str(CATALOGUES[code]))
        if not e.obsolete
    }
    compiled = {
        _key(e): e.msgstr or e.msgstr_plural
        for e in polib.mofile(str(CATALOGUES[code].with_suffix(".mo")))
        if e.msgid
    }
    assert compiled == source, f"run `bash scripts/messages` to recompile the {code} catalogue"


def _extract(tmp_path: Path) -> set[tuple[str | None, str]]:
    sources: list[Path] = []
    for path in sorted(PACKAGE.rglob("*")):
        if "migrations" in path.parts or "tests" in path.parts:
            continue
        if path.suffix == ".py":
            sources.append(path)
        elif path.suffix in (".html", ".txt") and "templates" in path.parts:
            text = templatize(path.read_text(encoding="utf-8"), origin=str(path))
            converted = tmp_path / (str(path.relative_to(PACKAGE)).replace("/", "__") + ".py")
            converted.write_text(text, encoding="utf-8")
            sources.append(converted)
    pot = tmp_path / "messages.pot"
    subprocess.run(  # noqa: S603 - GNU xgettext over our own files
        [
            str(shutil.which("xgettext")),
            "--language=Python",
            "--from-code=UTF-8",
            "--output",
            str(pot),
            *[f"--keyword={k}" for k in XGETTEXT_KEYWORDS],
            *map(str, sources),
        ],
        check=True,
    )
    return {_key(e) for e in polib.pofile(str(pot))}


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed"
)
@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_every_string_in_code_and_templates_is_in_the_catalogue(code, tmp_path):
    used = _extract(tmp_path)
    known = {_key(e) for e in polib.pofile(str(CATALOGUES[code])) if not e.obsolete}
    missing = sorted(msgid for _ctx, msgid in used - known)
    assert missing == [], f"not in the {code} catalogue; run `bash scripts/messages`"
