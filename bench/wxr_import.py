"""WordPress import rate and peak memory over a generated export.

    NEWSDESK_HOME=var/bench-wxr python bench/wxr_import.py --posts 10000

Writes a WXR file of ``--posts`` published posts (our own generated text: a few paragraphs,
a subheading, two of 40 categories, three of 400 tags, one of 20 authors; seeded), into a
fresh database unless ``DATABASE_URL`` names one, then runs the importer over it as
``newsdesk manage import_wxr`` does and prints posts/s and the peak resident memory. A
second run over the same file measures the re-run (every item unchanged). The target is
at least 200 posts/s with memory that does not grow with the file. Times depend on the
machine; the CPU time beside them does not depend on what else runs on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("NEWSDESK_HOME", "var/bench-wxr")
os.makedirs(os.environ["NEWSDESK_HOME"], exist_ok=True)

WORDS = [
    "river", "city", "council", "bridge", "power", "station", "winter", "grid", "repair",
    "night", "shelling", "school", "hospital", "volunteers", "convoy", "drone", "border",
    "harvest", "port", "grain", "train", "minister", "budget", "court", "report", "village",
    "mayor", "evacuation", "heating", "water", "supply", "market", "museum", "theatre",
]  # fmt: skip


def sentence(rng: random.Random, words: int = 14) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def generate(path: Path, posts: int, seed: int = 7) -> None:
    rng = random.Random(seed)  # noqa: S311 - generated text, not secrets
    start = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Bench</title><link>https://old.example.org</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
            "<wp:base_site_url>https://old.example.org</wp:base_site_url>\n"
            "<wp:base_blog_url>https://old.example.org</wp:base_blog_url>\n"
        )
        for number in range(20):
            out.write(
                f"<wp:author><wp:author_login>writer{number}</wp:author_login>"
                f"<wp:author_display_name>Writer {number}</wp:author_display_name>"
                "</wp:author>\n"
            )
        for number in range(40):
            out.write(
                f"<wp:category><wp:category_nicename>desk-{number}</wp:category_nicename>"
                f"<wp:cat_name>Desk {number}</wp:cat_name></wp:category>\n"
            )
        for number in range(400):
            out.write(
                f"<wp:tag><wp:tag_slug>topic-{number}</wp:tag_slug>"
                f"<wp:tag_name>Topic {number}</wp:tag_name></wp:tag>\n"
            )
        for number in range(1, posts + 1):
            moment = start + dt.timedelta(minutes=37 * number)
            title = sentence(rng, 8)[:-1]
            body = "\n\n".join(sentence(rng, 30) for _ in range(4))
            body += f"\n\n<h2>{sentence(rng, 4)[:-1]}</h2>\n\n{sentence(rng, 30)}"
            terms = "".join(
                f'<category domain="category" nicename="desk-{desk}"><![CDATA[Desk {desk}]]>'
                "</category>"
                for desk in rng.sample(range(40), 2)
            ) + "".join(
                f'<category domain="post_tag" nicename="topic-{t}"><![CDATA[Topic {t}]]></category>'
                for t in rng.sample(range(400), 3)
            )
            out.write(
                f"<item><title>{escape(title)}</title>"
                f"<link>https://old.example.org/{moment:%Y/%m/%d}/post-{number}/</link>"
                f"<dc:creator>writer{number % 20}</dc:creator>"
                f'<guid isPermaLink="false">https://old.example.org/?p={number}</guid>'
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                f"<wp:post_id>{number}</wp:post_id>"
                f"<wp:post_date_gmt>{moment:%Y-%m-%d %H:%M:%S}</wp:post_date_gmt>"
                f"<wp:post_name>post-{number}</wp:post_name>"
                "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                f"{terms}</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    options = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    from newsdesk.transfer import wordpress

    home = Path(os.environ["NEWSDESK_HOME"])
    call_command("migrate", verbosity=0)
    source = home / f"bench-{options.posts}.xml"
    generate(source, options.posts)
    size = source.stat().st_size / 1024 / 1024
    print(f"{options.posts} posts, {size:.1f} MiB of WXR; before import: {peak_rss_mib():.0f} MiB")
    for label in ("first run", "second run"):
        started, cpu = time.perf_counter(), time.process_time()
        report = wordpress.Importer(source, edition="en").run()
        seconds = time.perf_counter() - started
        # On a shared machine the wall clock counts other work too; this process's CPU
        # time is what the import itself cost (it runs in one thread, SQLite in-process).
        cpu = time.process_time() - cpu
        counts = dict(report.rows())["post"]
        print(
            f"{label}: {seconds:.1f} s, {options.posts / seconds:.0f} posts/s; "
            f"CPU {cpu:.1f} s, {options.posts / cpu:.0f} posts per CPU second; "
            f"peak RSS {peak_rss_mib():.0f} MiB, posts {counts}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
