"""Fill catalogue entries from a JSON file of {msgid: Ukrainian} (plural: a list of three).

Usage: .venv/bin/python scripts/translate.py FILE.json — English entries get their msgid;
then run `bash scripts/messages` again to compile.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "newsdesk" / "locale"


def main(source: str) -> int:
    ukrainian = json.loads(Path(source).read_text(encoding="utf-8"))
    missing: list[str] = []
    for code in ("uk", "en"):
        path = LOCALE / code / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.translated() and "fuzzy" not in entry.flags:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            if code == "en":
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                else:
                    entry.msgstr = entry.msgid
                continue
            found = ukrainian.get(entry.msgid)
            if found is None:
                missing.append(entry.msgid)
            elif entry.msgid_plural:
                entry.msgstr_plural = dict(enumerate(found))
            else:
                entry.msgstr = found
        catalogue.save()
    for msgid in missing:
        print(f"no Ukrainian for: {msgid}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
