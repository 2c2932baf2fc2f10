"""The article form at archive scale: open, save, publish and tag autocomplete, timed.

    NEWSDESK_HOME=var/bench-form python bench/article_form.py --tags 20000 --articles 2000

Migrates the database, adds an archive with ``build_archive`` when the edition has fewer
tags than asked, then, as a superuser through Django's test client, opens an article's
edit form, saves it as a draft with its tags plus one more, publishes it, and asks the
tag search for a Latin and a Cyrillic prefix. Prints the median and worst of ``--runs``
runs in ms, the form's HTML bytes and its SQL queries. The budget (DESIGN.md): open, save
and publish ≤ 1 s, the form ≤ 300 KB, at 20,000 tags per edition. Times depend on the
machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("NEWSDESK_HOME", "var/bench-form")
os.makedirs(os.environ["NEWSDESK_HOME"], exist_ok=True)


def timed(runs: int, call: Callable[[], Any]) -> tuple[float, float, Any]:
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), max(timings), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tags", type=int, default=20_000, help="tags per edition")
    parser.add_argument("--articles", type=int, default=2_000, help="articles, if building")
    parser.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    from newsdesk.articles.models import Article
    from newsdesk.editorial.autocomplete import URL_NAME
    from newsdesk.taxonomy.models import Tag

    call_command("migrate", verbosity=0)
    if Tag.objects.filter(locale__language_code="uk").count() < options.tags:
        call_command("build_archive", articles=options.articles, tags=options.tags, no_derived=True)
    User = get_user_model()
    user = User.objects.filter(username="bench-desk").first() or User.objects.create_superuser(
        "bench-desk", "bench@newsdesk.test", "x"
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    article = (
        Article.objects.filter(locale__language_code="uk", tags__isnull=False)
        .order_by("-pk")
        .first()
    )
    assert article is not None, "the archive has no tagged article"
    edit = reverse("wagtailsnippets_articles_article:edit", args=[article.pk])
    tags = [tag.pk for tag in article.tags.all()]
    extra = Tag.objects.filter(locale=article.locale).exclude(pk__in=tags).first()
    assert extra is not None
    bylines = [{"author": b.author_id, "id": b.pk} for b in article.bylines.all()]
    data = nested_form_data(
        {
            "headline": article.headline,
            "slug": article.slug,
            "lead": article.lead,
            "body": streamfield([]),
            "sources": streamfield([]),
            "section": article.section_id,
            "story": article.story_id or "",
            "bylines": inline_formset(bylines, initial=len(bylines), min=1),
            "read_also_picks": inline_formset([]),
            "coverage": article.coverage,
            "update_note": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data["tags"] = [*tags, extra.pk]

    with CaptureQueriesContext(connection) as queries:
        page = client.get(edit)
    assert page.status_code == 200
    print(
        f"archive: {Article.objects.count():,} articles, "
        f"{Tag.objects.filter(locale=article.locale).count():,} tags in the edition; "
        f"form {len(page.content):,} bytes, {len(queries)} queries to open"
    )
    print(f"{'what':<32}{'median ms':>10}{'max ms':>9}")
    rows = {
        "open the form": lambda: client.get(edit),
        "save a draft": lambda: client.post(edit, data),
        "publish": lambda: client.post(edit, {**data, "action-publish": "action-publish"}),
        "tag search 'kh'": lambda: client.get(reverse(URL_NAME), {"edition": "uk", "q": "kh"}),
        "tag search 'тем'": lambda: client.get(reverse(URL_NAME), {"edition": "uk", "q": "тем"}),
    }
    for name, call in rows.items():
        median, worst, response = timed(options.runs, call)
        assert response.status_code in (200, 302), (name, response.status_code)
        print(f"{name:<32}{median:>10.0f}{worst:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
