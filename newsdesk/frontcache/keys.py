"""Surrogate keys: what a response shows, and what a change must purge.

A response carries the keys of everything on it; a change purges the keys of what changed.
The invariant that makes the purge exact: every page that shows an article notes the
article's key, and every list an article can join notes the key of that list. Purging an
article's own key clears the pages that show it now (also under an old section or tag);
purging the keys of its lists clears the pages it is about to join.

=====================  ===========================================================
key                    noted by
=====================  ===========================================================
``a<id>``              every response that shows the article: its page, cards, feed
                       items, read also, most read, search results, API items
``s<id>`` ``t<id>``    the section, tag, author or story listing, its feeds
``p<id>`` ``y<id>``
``i<id>``              the article bodies that show the image (stored with its
                       renditions' addresses)
``news-<ed>``          the edition's latest news: home, feed, edition feeds, news
                       sitemap, sitemap index, search, API lists
``archive-<ed>``       what an article of any date can join: "More news" pages past
                       the first, search, API lists (also purged with every ``news``)
``home-<ed>``          the edition's home page (the front's order)
``month-<ed>-<Y-m>``   the month sitemap
``corrections-<ed>``   the corrections page
``slug-<ed>-<slug>``   the 404 at an article's address, until an article is published there
``chrome-<ed>``        every page of the edition (navigation, breaking banner)
``directory-<ed>``     the section, tag and author sitemaps
=====================  ===========================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.utils import timezone

# The header vmod_xkey reads (deploy/varnish/); space-separated keys.
HEADER = "xkey"

_collected: ContextVar[set[str] | None] = ContextVar("frontcache_keys", default=None)


def article(pk: int) -> str:
    return f"a{pk}"


def section(pk: int) -> str:
    return f"s{pk}"


def tag(pk: int) -> str:
    return f"t{pk}"


def author(pk: int) -> str:
    return f"p{pk}"


def story(pk: int) -> str:
    return f"y{pk}"


def image(pk: int) -> str:
    """An image, noted by the stored bodies that show it (``frontcache.fragments``)."""
    return f"i{pk}"


def news(edition: str) -> str:
    return f"news-{edition}"


def archive(edition: str) -> str:
    return f"archive-{edition}"


def home(edition: str) -> str:
    return f"home-{edition}"


def month(edition: str, when: dt.datetime) -> str:
    """The month sitemap's key; its months are UTC calendar months (``syndication.archive``)."""
    return f"month-{edition}-{when.astimezone(dt.UTC):%Y-%m}"


def address(edition: str, slug: str) -> str:
    """An article's address, noted by the 404 it gives before the article is out."""
    return f"slug-{edition}-{slug}"


def corrections(edition: str) -> str:
    return f"corrections-{edition}"


def chrome(edition: str) -> str:
    return f"chrome-{edition}"


def directory(edition: str) -> str:
    return f"directory-{edition}"


def note(*keys: str) -> None:
    """Add keys to the response being rendered; outside a request, nothing happens."""
    found = _collected.get()
    if found is not None:
        found.update(keys)


def note_articles(articles: Iterable[Any]) -> None:
    """The keys of article rows (or ids) a response shows."""
    note(*(article(a if isinstance(a, int) else a.pk) for a in articles))


@contextmanager
def collecting() -> Iterator[set[str]]:
    """Collect the keys noted while the block runs (one request)."""
    keys: set[str] = set()
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)


def header_value(keys: Iterable[str]) -> str:
    return " ".join(sorted(keys))


# The first page of the latest news spans hours in a newsroom that publishes every few
# minutes; the Google News sitemap takes two days.
NEWS_REACH = dt.timedelta(days=2)


def _dated_in_the_archive(instance: Any) -> bool:
    """Dated at an original first publication older than any first page of news: it is on
    no news list, feed or news sitemap, so their key stays (decision 0038)."""
    first = instance.first_published_at
    return (
        instance.original_published_at is not None
        and first is not None
        and first < timezone.now() - NEWS_REACH
    )


def of_article_change(instance: Any, *, note_kind: str = "") -> set[str]:
    """What a publish, update, correction, unpublish or expiry of ``instance`` purges:
    the article (and its translations, whose language switch points at it), the lists it
    belongs to now, its month sitemap, and the corrections page when the change carries a
    correction or clarification. Lists it has left show it, so its own key clears them."""
    from newsdesk.articles.models import Article, Byline, UpdateLogEntry

    edition = instance.locale.language_code
    found = {article(instance.pk), archive(edition), address(edition, instance.slug)}
    if not _dated_in_the_archive(instance):
        found.add(news(edition))
    siblings = Article.objects.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    )
    # A translation's month sitemap names this one as its ``hreflang`` alternate.
    for pk, code, first in siblings.values_list(
        "pk", "locale__language_code", "first_published_at"
    ):
        found.add(article(pk))
        if first:
            found.add(month(code, first))
    if instance.section_id:
        found.add(section(instance.section_id))
    if instance.story_id:
        found.add(story(instance.story_id))
    tag_ids = Article.tags.through.objects.filter(article_id=instance.pk).values_list(
        "tag_id", flat=True
    )
    found.update(tag(pk) for pk in tag_ids)
    author_ids = Byline.objects.filter(article_id=instance.pk).values_list("author_id", flat=True)
    found.update(author(pk) for pk in author_ids if pk is not None)
    if instance.first_published_at:
        found.add(month(edition, instance.first_published_at))
    if note_kind in (UpdateLogEntry.CORRECTION, UpdateLogEntry.CLARIFICATION):
        found.add(corrections(edition))
    return found


def of_articles_loaded(article_ids: list[int]) -> set[str]:
    """What articles written in bulk (an import's batch) purge: as :func:`of_article_change`
    for each, found in five queries for the whole batch. New articles were on no list, so
    this is what lists them now, the addresses they take and their translations."""
    from newsdesk.articles.models import Article, Byline

    rows = list(
        Article.objects.filter(pk__in=article_ids)
        .select_related("locale")
        .only(
            "pk",
            "slug",
            "section_id",
            "story_id",
            "translation_key",
            "first_published_at",
            "original_published_at",
            "locale__language_code",
        )
    )
    found: set[str] = set()
    for row in rows:
        edition = row.locale.language_code
        found |= {article(row.pk), archive(edition), address(edition, row.slug)}
        found.add(section(row.section_id))
        if not _dated_in_the_archive(row):
            found.add(news(edition))
        if row.story_id:
            found.add(story(row.story_id))
        if row.first_published_at:
            found.add(month(edition, row.first_published_at))
    keys_of_batch = {row.translation_key for row in rows}
    siblings = (
        Article.objects.filter(translation_key__in=keys_of_batch)
        .exclude(pk__in=article_ids)
        .values_list("pk", "locale__language_code", "first_published_at")
    )
    for pk, code, first in siblings:
        found.add(article(pk))
        if first:
            found.add(month(code, first))
    tag_ids = Article.tags.through.objects.filter(article_id__in=article_ids).values_list(
        "tag_id", flat=True
    )
    found.update(tag(pk) for pk in set(tag_ids))
    author_ids = Byline.objects.filter(article_id__in=article_ids).values_list(
        "author_id", flat=True
    )
    found.update(author(pk) for pk in set(author_ids) if pk is not None)
    # Sections, tags and authors an import made are new to the edition's directories.
    found.update(directory(code) for code in {row.locale.language_code for row in rows})
    return found
