"""RSS, Atom and JSON feeds of an edition, a section, a tag and an author.

A feed class says *what* is listed (``channel``) and the format mixin *how* it is written.
Instances are shared by every request, so everything a request needs travels in the
:class:`Channel` returned by ``get_object`` and reaches the hook methods as their argument;
nothing is stored on ``self``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, SyndicationFeed
from django.utils.html import escape
from django.utils.translation import gettext as _

from newsdesk.articles.models import Article
from newsdesk.articles.query import ArticleQuerySet, Cursor, InvalidCursor
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import absolute, last_modified, public
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story
from newsdesk.taxonomy.models import Tag

from . import content
from .content import Entry, Person
from .generators import AtomFeed, JsonFeed, RssFeed
from .xml_text import clean


class UnknownSlice(Exception):
    """``?after=`` holds a cursor the feed did not make."""


@dataclass(frozen=True)
class Channel:
    """One request's feed: where it lives, what it is called, and its entries."""

    edition: str
    title: str
    description: str
    link: str
    feed_url: str
    entries: list[Entry]
    # The same feed's next older entries (JSON Feed ``next_url``, Atom ``rel="next"``).
    next_url: str | None = None


def _site_title(name: str) -> str:
    return f"{settings.WAGTAIL_SITE_NAME} — {name}"


def _default_description() -> str:
    return _(
        "News from Ukraine around the clock: the war, politics, the economy and everyday life."
    )


class ArticleFeed(Feed):
    """The hooks Django's ``Feed`` calls, all reading from a :class:`Channel`."""

    feed_type: type[SyndicationFeed] = RssFeed
    url_name = ""

    def channel(self, request: HttpRequest, edition: str, **kwargs: str) -> Channel:
        raise NotImplementedError

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Channel:
        return self.channel(request, **kwargs)

    def feed_address(self, **kwargs: str) -> str:
        return absolute(reverse(f"syndication:{self.url_name}", kwargs=kwargs))

    def listing(
        self, request: HttpRequest, articles: ArticleQuerySet, edition: str, feed_url: str
    ) -> dict[str, Any]:
        """The entries at ``?after=`` (the newest without it) and the next older slice's
        address: Channel's ``feed_url``, ``entries`` and ``next_url``."""
        raw = request.GET.get("after")
        try:
            cursor = Cursor.decode(raw) if raw else None
        except InvalidCursor as exc:
            raise UnknownSlice from exc
        found = content.latest(articles, edition, cursor=cursor)
        following = found.next_cursor
        return {
            "feed_url": feed_url,
            "entries": found.entries,
            "next_url": f"{feed_url}?{urlencode({'after': following.encode()})}"
            if following is not None
            else None,
        }

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            channel = self.get_object(request, *args, **kwargs)
        except UnknownSlice:
            return HttpResponseBadRequest(
                _("This page of the feed does not exist. Start from the feed's address."),
                content_type="text/plain; charset=utf-8",
            )
        generator = self.get_feed(channel, request)
        clean(generator.feed)
        for item in generator.items:
            clean(item)
        # Every generator here names its media type; the base class does not declare one.
        response = HttpResponse(content_type=generator.content_type)  # type: ignore[attr-defined]
        generator.write(response, "utf-8")
        # As Django's own Feed: Last-Modified here, the ETag and 304s from
        # ConditionalGetMiddleware.
        newest = max((entry.updated for entry in channel.entries), default=None)
        return public(last_modified(response, newest))

    # Channel.
    def title(self, channel: Channel) -> str:
        return channel.title

    def link(self, channel: Channel) -> str:
        return channel.link

    def feed_url(self, channel: Channel) -> str:
        return channel.feed_url

    def description(self, channel: Channel) -> str:
        # RSS readers render a channel's description as HTML, as they do an item's: the
        # editors' plain text is escaped once here and once more as XML by the generator,
        # so markup typed into a section, tag, author or story shows as text and never runs.
        # (Atom names no channel description; JSON Feed's is plain text.)
        if issubclass(self.feed_type, RssFeed):
            return escape(channel.description)
        return channel.description

    def items(self, channel: Channel) -> list[Entry]:
        return channel.entries

    # Items.
    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_description(self, entry: Entry) -> str:
        return escape(entry.summary)

    def item_link(self, entry: Entry) -> str:
        return entry.url

    def item_guid(self, entry: Entry) -> str:
        return entry.guid

    def item_guid_is_permalink(self, entry: Entry) -> bool:
        return False  # a tag URI, not an address

    def item_pubdate(self, entry: Entry) -> dt.datetime:
        return entry.published

    def item_updateddate(self, entry: Entry) -> dt.datetime:
        return entry.updated

    def item_categories(self, entry: Entry) -> list[str]:
        return entry.categories

    def item_enclosures(self, entry: Entry) -> list[Enclosure]:
        if entry.image is None:
            return []
        image = entry.image
        return [Enclosure(url=image.url, length=str(image.length), mime_type=image.mime_type)]

    def item_extra_kwargs(self, entry: Entry) -> dict[str, Any]:
        return {
            "content_html": entry.content_html,
            "authors": entry.authors,
            "image": entry.image,
            "sponsored": entry.sponsored,
            "summary": entry.summary,
            "labels": entry.labels,
            "genres": entry.genres,
        }

    def feed_extra_kwargs(self, channel: Channel) -> dict[str, Any]:
        home = absolute(reverse("site:home", kwargs={"edition": channel.edition}))
        return {
            "next_url": channel.next_url,
            # Square images of the site's mark: 512 px for a timeline, 64 px for a list.
            "icon": absolute(static("site/logo.png")),
            "favicon": absolute(static("site/favicon-64.png")),
            # The newsroom answers for every item, bylined or not.
            "publisher": Person(settings.WAGTAIL_SITE_NAME, home),
        }


# What is listed.
class EditionNews(ArticleFeed):
    url_name = "news_rss"

    def channel(self, request: HttpRequest, edition: str, **kwargs: str) -> Channel:
        surrogate.note(surrogate.news(edition))
        articles = Article.objects.published().in_edition(edition)
        return Channel(
            edition=edition,
            title=_site_title(_("Latest news")),
            description=_default_description(),
            link=absolute(reverse("site:news", kwargs={"edition": edition})),
            **self.listing(request, articles, edition, self.feed_address(edition=edition)),
        )


class SectionNews(ArticleFeed):
    url_name = "section_rss"

    def channel(self, request: HttpRequest, edition: str, **kwargs: str) -> Channel:
        section = Section.objects.get_for_edition_or_404(edition, kwargs["slug"])
        surrogate.note(surrogate.section(section.pk))
        articles = Article.objects.published().in_edition(edition).in_section(section)
        return Channel(
            edition=edition,
            title=_site_title(section.name),
            description=section.description
            or _("Latest news from the section %(name)s") % {"name": section.name},
            link=absolute(section.get_absolute_url()),
            **self.listing(
                request, articles, edition, self.feed_address(edition=edition, slug=section.slug)
            ),
        )


class TagNews(ArticleFeed):
    url_name = "tag_rss"

    def channel(self, request: HttpRequest, edition: str, **kwargs: str) -> Channel:
        tag = Tag.objects.get_for_edition_or_404(edition, kwargs["slug"])
        surrogate.note(surrogate.tag(tag.pk))
        articles = Article.objects.published().in_edition(edition).tagged(tag)
        return Channel(
            edition=edition,
            title=_site_title(tag.name),
            description=tag.description or _("Latest news on %(name)s") % {"name": tag.name},
            link=absolute(tag.get_absolute_url()),
            **self.listing(
                request, articles, edition, self.feed_address(edition=edition, slug=tag.slug)
            ),
        )


class AuthorNews(ArticleFeed):
    url_name = "author_rss"

    def channel(self, request: HttpRequest, edition: str, **kwargs: str) -> Channel:
        author = Author.objects.get_for_edition_or_404(edition, kwargs["slug"])
        surrogate.note(surrogate.author(author.pk))
        articles = Article.objects.published().in_edition(edition).by_author(author)
        return Channel(
            edition=edition,
            title=_site_title(author.name),
            description=_("Latest articles by %(name)s") % {"name": author.name},
            link=absolute(author.get_absolute_url()),
            **self.listing(
                request, articles, edition, self.feed_address(edition=edition, slug=author.slug)
            ),
        )


class StoryNews(ArticleFeed):
    url_name = "story_rss"

    def channel(self, request: HttpRequest, edition: str, **kwargs: str) -> Channel:
        story = Story.objects.get_for_edition_or_404(edition, kwargs["slug"])
        surrogate.note(surrogate.story(story.pk))
        articles = Article.objects.published().in_edition(edition).in_story(story)
        return Channel(
            edition=edition,
            title=_site_title(story.title),
            description=story.summary or _("Latest news on %(name)s") % {"name": story.title},
            link=absolute(story.get_absolute_url()),
            **self.listing(
                request, articles, edition, self.feed_address(edition=edition, slug=story.slug)
            ),
        )


# How it is written.
class EditionNewsAtom(EditionNews):
    feed_type = AtomFeed
    url_name = "news_atom"


class EditionNewsJson(EditionNews):
    feed_type = JsonFeed
    url_name = "news_json"


class SectionNewsAtom(SectionNews):
    feed_type = AtomFeed
    url_name = "section_atom"


class TagNewsAtom(TagNews):
    feed_type = AtomFeed
    url_name = "tag_atom"


class AuthorNewsAtom(AuthorNews):
    feed_type = AtomFeed
    url_name = "author_atom"


class StoryNewsAtom(StoryNews):
    feed_type = AtomFeed
    url_name = "story_atom"
