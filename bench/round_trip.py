"""Export → import into an empty database → compare: does the round trip lose anything?

    NEWSDESK_HOME=var/archive10k newsdesk manage export var/export10k
    python bench/round_trip.py --export var/export10k --source-home var/archive10k \\
        --target-home var/roundtrip10k

Reads the newsroom of ``--source-home`` (a finished export of it in ``--export``), imports
both editions' WXR files, with their images, into a fresh database in ``--target-home``
(which must not exist), as ``newsdesk manage import_wxr --media-dir EXPORT/uploads`` does,
and prints the import's rate and peak memory. Then it compares the two newsrooms article
by article, keyed by edition and slug: the headline, lead, body text, section, tags,
bylines in order, first publication time and whether it is live, and that every address
an article answered at (its own and its old ones) still leads to it. Prints the counts, a
digest of each side and the first differences. Times depend on the machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")


def summary() -> dict[str, list]:
    """Each article of this database as (edition, slug) → what readers see of it."""
    from newsdesk.articles.models import Article, PublishedSlug
    from newsdesk.search.documents import body_text
    from newsdesk.transfer.models import Redirect

    old: dict[int, set[str]] = {}
    for pk, path in Redirect.objects.values_list("article_id", "old_path").iterator():
        old.setdefault(pk, set()).add(path)
    for pk, code, slug in PublishedSlug.objects.values_list(
        "article_id", "locale__language_code", "slug"
    ).iterator():
        old.setdefault(pk, set()).add(f"/{code}/news/{slug}/")
    found: dict[str, list] = {}
    articles = (
        Article.objects.select_related("section", "locale")
        .prefetch_related("tags", "bylines__author")
        .order_by("pk")
    )
    for article in articles.iterator(chunk_size=500):
        code = article.locale.language_code
        found[f"{code}/{article.slug}"] = [
            article.headline,
            article.lead,
            " ".join(body_text(article).split()),
            article.section.slug,
            sorted(tag.slug for tag in article.tags.all()),
            [byline.author.slug for byline in article.bylines.all()],
            # To the second: WXR's dates carry whole seconds (wp:post_date_gmt).
            article.first_published_at.replace(microsecond=0).isoformat()
            if article.first_published_at
            else None,
            article.live,
            sorted(old.get(article.pk, set()) | {f"/{code}/news/{article.slug}/"}),
        ]
    return found


def peak_rss_mib() -> float:
    """This program's own peak resident memory: ``VmHWM``, which starts afresh with each
    program. Linux keeps ``ru_maxrss`` across fork and exec, so a child's counted the
    parent's size at the fork: here the source's summary, which grows with the archive."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, export: Path) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    if mode == "import":
        from newsdesk.transfer import wordpress

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        posts = 0
        for edition in ("uk", "en"):
            report = wordpress.Importer(
                export / f"wordpress-{edition}.xml",
                edition=edition,
                media_dir=export / "uploads",
            ).run()
            counts = dict(report.rows())
            posts += counts["post"]["created"]
            failed = [note for note in report.notes if note.level == "failure"]
            print(f"{edition}: {json.dumps(counts)}; {len(failed)} failures", file=sys.stderr)
        seconds = time.perf_counter() - started
        print(
            f"import: {posts} posts in {seconds:.1f} s, {posts / seconds:.0f} posts/s, "
            f"peak RSS {peak_rss_mib():.0f} MiB",
            file=sys.stderr,
        )
    json.dump(summary(), sys.stdout, ensure_ascii=False)


def digest(found: dict[str, list]) -> str:
    data = json.dumps(found, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def run_child(mode: str, home: Path, export: Path) -> dict[str, list]:
    environment = {**os.environ, "NEWSDESK_HOME": str(home)}
    environment.pop("DATABASE_URL", None)
    done = subprocess.run(  # noqa: S603 - this script, with our own arguments
        [sys.executable, __file__, "--child", mode, "--export", str(export)],
        env=environment,
        check=True,
        stdout=subprocess.PIPE,
    )
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export", type=Path, required=True)
    parser.add_argument("--source-home", type=Path)
    parser.add_argument("--target-home", type=Path)
    parser.add_argument("--child", choices=["summary", "import"], help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options.child, options.export)
        return 0
    if options.target_home.exists():
        parser.error(f"{options.target_home} exists: the import needs an empty database")
    options.target_home.mkdir(parents=True)
    source = run_child("summary", options.source_home, options.export)
    target = run_child("import", options.target_home, options.export)
    print(f"articles: source {len(source)}, after the round trip {len(target)}")
    print(f"digest: source {digest(source)}, after the round trip {digest(target)}")
    fields = [
        "headline",
        "lead",
        "body",
        "section",
        "tags",
        "bylines",
        "first_published",
        "live",
        "addresses",
    ]
    missing = sorted(set(source) - set(target))
    extra = sorted(set(target) - set(source))
    differ: dict[str, int] = {}
    shown = 0
    for key in sorted(set(source) & set(target)):
        for name, before, after in zip(fields, source[key], target[key], strict=True):
            lost = name == "addresses" and not set(before) <= set(after)
            if (name != "addresses" and before != after) or lost:
                differ[name] = differ.get(name, 0) + 1
                if shown < 5:
                    print(f"  {key} {name}: {str(before)[:120]!r} → {str(after)[:120]!r}")
                    shown += 1
    print(f"missing after the round trip: {len(missing)} {missing[:5]}")
    print(f"new after the round trip: {len(extra)} {extra[:5]}")
    print(f"articles that differ, by field: {differ or 'none'}")
    return 0 if not (missing or extra or differ) else 1


if __name__ == "__main__":
    sys.exit(main())
