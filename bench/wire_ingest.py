"""Wire ingest rate: schema validation alone, then whole documents through the write path.

    NEWSDESK_HOME=var/bench-wire python bench/wire_ingest.py --items 40

Generates ``--items`` ninjs 3.1 documents (our own text: five paragraphs, three subjects,
one author; seeded), migrates a fresh database unless ``DATABASE_URL`` names one, and
prints documents/s for: the schema check alone; an untrusted partner (drafts in the
queue); a trusted partner (published); the same documents again (repeats, which change
nothing); a second version of each (new revisions, published). Times depend on the
machine; compare the rows of one run.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("NEWSDESK_HOME", "var/bench-wire")
os.makedirs(os.environ["NEWSDESK_HOME"], exist_ok=True)

WORDS = [
    "river", "city", "council", "bridge", "power", "station", "winter", "grid", "repair",
    "night", "school", "hospital", "volunteers", "convoy", "border", "harvest", "port",
    "grain", "train", "minister", "budget", "court", "report", "village", "mayor", "heating",
]  # fmt: skip


def sentence(rng: random.Random, words: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def document(rng: random.Random, number: int, version: int) -> dict[str, Any]:
    paragraphs = "".join(f"<p>{sentence(rng)} {sentence(rng)}</p>" for _ in range(5))
    return {
        "standard": {"name": "ninjs", "version": "3.1"},
        "uri": f"urn:bench:wire:{number}",
        "type": "text",
        "version": str(version),
        "language": "en",
        "headlines": [{"role": "main", "value": f"{sentence(rng, 8)} ({number})"}],
        "descriptions": [{"role": "summary", "value": sentence(rng)}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": paragraphs}],
        "subjects": [{"name": rng.choice(WORDS).capitalize()} for _ in range(3)],
        "people": [{"name": f"Writer {number % 5}", "rel": "author"}],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=40)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from wagtail.models import Locale

    from newsdesk.sections.models import Section
    from newsdesk.wire import schema
    from newsdesk.wire.ingest import ingest
    from newsdesk.wire.models import Partner, WireItem

    rng = random.Random(11)  # noqa: S311 - generated text, not secrets
    first = [document(rng, n, 1) for n in range(args.items)]
    second = [document(rng, n, 2) for n in range(args.items)]
    queued = [dict(doc, uri=doc["uri"] + ":queued") for doc in first]
    english = Locale.objects.get(language_code="en")
    section, _made = Section.objects.get_or_create(
        locale=english, slug="wire-bench", defaults={"name": "Wire bench"}
    )
    WireItem.objects.filter(partner__name__startswith="Bench").delete()
    Partner.objects.filter(name__startswith="Bench").delete()
    untrusted = Partner.objects.create(name="Bench", edition="en", section=section)
    trusted = Partner.objects.create(
        name="Bench trusted", edition="en", section=section, trusted=True
    )
    rows: list[tuple[str, float]] = []

    def timed(label: str, work: Any) -> None:
        began = time.perf_counter()
        work()
        rows.append((label, time.perf_counter() - began))

    timed("schema check only", lambda: [schema.check(doc) for doc in first])
    timed("untrusted: drafts in the queue", lambda: [ingest(d, partner=untrusted) for d in queued])
    timed("trusted: published", lambda: [ingest(d, partner=trusted) for d in first])
    timed("trusted: the same again (repeats)", lambda: [ingest(d, partner=trusted) for d in first])
    timed(
        "trusted: version 2 (new revisions)", lambda: [ingest(d, partner=trusted) for d in second]
    )
    print("| run | documents | time | documents/s |\n|---|---:|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {args.items} | {seconds:.2f} s | {args.items / seconds:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
