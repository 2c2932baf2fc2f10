"""Reader pages: home, latest news, article, section, tag and author pages, error pages.

Views stay thin: they load rows through the one read path and hand them to
:mod:`.presentation` and :mod:`.article_page`, whose plain objects are all the templates see.
Anonymous pages never touch the session, so they stay cacheable and cost no session query.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from newsdesk import http_policy
from newsdesk.articles.models import Article
from newsdesk.articles.query import InvalidCursor
from newsdesk.editions import DEFAULT_EDITION, other_edition
from newsdesk.frontcache import fragments
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import SHARED_CACHE_SECONDS, has_session_cookie, no_store, private, public
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag
from newsdesk.transfer import redirects

from . import article_page, feed_items, frames, live_page, metadata, presentation
from .middleware import edition_of_path


def is_editor(request: HttpRequest) -> bool:
    """A signed-in user who may change articles. Only asked when a session cookie came with
    the request, so anonymous readers never cost a session lookup."""
    if not has_session_cookie(request):
        return False
    user = request.user
    return bool(user.is_authenticated and user.has_perm("articles.change_article"))


def root(request: HttpRequest) -> HttpResponse:
    # WordPress answers every post at "/?p=ID": an imported one moved to its article.
    if any(name in request.GET for name in redirects.ID_PARAMETERS):
        moved = redirects.target("/", request.META.get("QUERY_STRING", ""))
        if moved is not None:
            return public(HttpResponsePermanentRedirect(moved))
    return public(HttpResponseRedirect(presentation.home_path(DEFAULT_EDITION)))


def home(request: HttpRequest, edition: str) -> HttpResponse:
    surrogate.note(surrogate.home(edition), surrogate.news(edition))
    path = presentation.home_path(edition)

    def build() -> presentation.Chrome:
        chrome = presentation.chrome(
            edition,
            title=settings.WAGTAIL_SITE_NAME,
            path=path,
            twin=presentation.home_path(other_edition(edition)),
            feeds=presentation.feed_links(edition),
        )
        metadata.for_home(chrome)
        return chrome

    frame = frames.kept(frames.name(edition, path), build)
    news_path = reverse("site:news", kwargs={"edition": edition})
    top, feed = feed_items.front(edition, more_path=news_path)
    context = {"chrome": frame.chrome, "frame": frame, "top": top, "feed": feed}
    return public(render(request, "site/home.html", context))


def _listing(
    request: HttpRequest,
    edition: str,
    queryset: Any,
    *,
    path: str,
    twin: str | None,
    heading: str,
    kind: str = "",
    intro: str = "",
    feeds: Callable[[], list[presentation.FeedLink]] | None = None,
    template: str = "site/listing.html",
    first_page: Callable[[], dict[str, Any]] | None = None,
    shows: Collection[str] = (),
    frame: frames.Frame | None = None,
) -> HttpResponse:
    """A latest-news feed narrowed by ``queryset``: a full page, or with ``fragment=1`` only
    the next slice, which the page's script appends in place of "More news".

    ``first_page`` adds to the context of the first slice's full page (a story's timeline),
    so that earlier slices cost no more than the feed. ``shows``: the keys of the item the
    page's frame names (a section, tag, author or story), kept with its frame. ``frame``:
    the first page's frame when the caller already found it kept; ``feeds`` is only asked
    for when the frame is rendered.
    """
    try:
        cursor = presentation.parse_cursor(request.GET.get("after"))
    except InvalidCursor:
        return bad_request(request, edition)
    if cursor is not None:
        # Past the first page, an article dated at its original publication can join.
        surrogate.note(surrogate.archive(edition))
    feed = feed_items.feed(queryset, edition, cursor, more_path=path)
    if request.GET.get("fragment") == "1":
        context = {"feed": feed, "level": 2}
        return public(render(request, "site/includes/feed.html", context))

    def build() -> presentation.Chrome:
        title = heading if cursor is None else _("%(title)s, earlier") % {"title": heading}
        chrome = presentation.chrome(
            edition,
            title=title,
            path=path,
            twin=twin,
            canonical=presentation.after(path, cursor) if cursor else path,
            description=intro,
            noindex=cursor is not None,
            feeds=feeds() if feeds is not None else None,
        )
        metadata.for_listing(chrome, title)
        return chrome

    if frame is None or cursor is not None:
        frame = frames.kept(frames.name(edition, path) if cursor is None else None, build, shows)
    context = {
        "chrome": frame.chrome,
        "frame": frame,
        "heading": heading,
        "kind": kind,
        "intro": intro,
        "feed": feed,
    }
    if first_page is not None and cursor is None:
        context |= first_page()
    return public(render(request, template, context))


def latest_news(request: HttpRequest, edition: str) -> HttpResponse:
    surrogate.note(surrogate.news(edition))
    return _listing(
        request,
        edition,
        Article.objects.published().in_edition(edition),
        path=reverse("site:news", kwargs={"edition": edition}),
        twin=reverse("site:news", kwargs={"edition": other_edition(edition)}),
        heading=_("Latest news"),
        feeds=lambda: presentation.feed_links(edition),
    )


# The key of each kind of listed item, which its page's frame shows (name, description).
_ITEM_KEYS = {"section": surrogate.section, "tag": surrogate.tag, "author": surrogate.author}
# The shape of a kept listed item (``_Listed``): a release that changes it reads none kept
# by the one before.
LISTED_FORMAT = "l1"


@dataclass(frozen=True)
class _Listed:
    """What a section, tag or author page shows of its item, and the id its feed is
    narrowed by: kept beside the page's frame, under the item's key (decision 0066)."""

    pk: int
    heading: str
    kind: str
    intro: str
    twin: str | None


def _listed(item: Any, *, kind: str, intro: str) -> _Listed:
    return _Listed(item.pk, item.name, str(kind), intro, item.get_translation_url())


def _find_section(edition: str, slug: str) -> _Listed:
    found = Section.objects.with_translation_slug(other_edition(edition))
    item = found.get_for_edition_or_404(edition, slug)
    return _listed(item, kind=_("Section"), intro=item.description)


def _find_tag(edition: str, slug: str) -> _Listed:
    found = Tag.objects.with_translation_slug(other_edition(edition))
    item = found.get_for_edition_or_404(edition, slug)
    return _listed(item, kind=_("Topic"), intro=item.description)


def _find_author(edition: str, slug: str) -> _Listed:
    found = Author.objects.with_translation_slug(other_edition(edition))
    item = found.get_for_edition_or_404(edition, slug)
    return _listed(item, kind=item.role or _("Author"), intro=item.bio)


_FINDERS: dict[str, Callable[[str, str], _Listed]] = {
    "section": _find_section,
    "tag": _find_tag,
    "author": _find_author,
}


def _listed_name(edition: str, name: str, slug: str) -> str | None:
    """Where the item of the ``name`` page at ``slug`` is kept; None with storage off."""
    if not getattr(settings, "NEWSDESK_KEEP_RENDERED", True):
        return None
    return f"listed:{LISTED_FORMAT}:{edition}:{name}:{slug}"


def _narrowed(name: str, edition: str, pk: int) -> Any:
    articles = Article.objects.published().in_edition(edition)
    if name == "section":
        return articles.in_section(pk)
    if name == "tag":
        return articles.tagged(pk)
    return articles.by_author(pk)


def _taxon_listing(request: HttpRequest, edition: str, name: str, slug: str) -> HttpResponse:
    """The feed of a section, tag or author page, with a switch to the item's translation.

    What the page shows of its item (name, description, translation) is kept as its frame
    is, and looked up with it: one cache round trip for both, one for their keys' stamps.
    Only a miss reads the item's row; its rename, new description, new address or
    deletion purges the item's key, and with it both."""
    # The item is found by its exact slug, so this is its get_absolute_url().
    path = reverse(f"site:{name}", kwargs={"edition": edition, "slug": slug})
    listed_name = _listed_name(edition, name, slug)
    frame_name = frames.name(edition, path)
    kept: dict[str, Any] = {}
    if listed_name is not None:
        # A "More news" slice and its fragment show no kept frame: do not fetch one.
        first_page = not request.GET.get("after") and request.GET.get("fragment") != "1"
        kept = fragments.lookup([listed_name, frame_name] if first_page else [listed_name])
    listed = kept.get(listed_name) if listed_name is not None else None
    if listed is None:
        started = time.time()
        listed = _FINDERS[name](edition, slug)
        if listed_name is not None:
            shown = {_ITEM_KEYS[name](listed.pk)}
            fragments.store({listed_name: (listed, shown)}, started, SHARED_CACHE_SECONDS)
    shows = _ITEM_KEYS[name](listed.pk)
    surrogate.note(shows)
    return _listing(
        request,
        edition,
        _narrowed(name, edition, listed.pk),
        path=path,
        twin=listed.twin,
        heading=listed.heading,
        kind=listed.kind,
        intro=listed.intro,
        feeds=lambda: presentation.feed_links(edition, name, slug, listed.heading),
        shows=(shows,),
        frame=kept.get(frame_name),
    )


def section(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    return _taxon_listing(request, edition, "section", slug)


def tag(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    return _taxon_listing(request, edition, "tag", slug)


def author(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    return _taxon_listing(request, edition, "author", slug)


@dataclass(frozen=True)
class _ArticleParts:
    """What an article page shows besides the banner and "Most read", which change on their
    own: its frame (title, alternates, sharing tags, structured data, navigation), its live
    section, and the article with its "Read also" rendered once (decision 0054)."""

    chrome: Any
    live: Any
    head: str
    header: str
    html: str
    footer: str


def _article_parts(found: Article, edition: str, *, preview: bool) -> _ArticleParts:
    if found.pk is not None:
        surrogate.note(surrogate.article(found.pk))
    # The page prints their names: a rename reaches it (and the front cache's copies).
    surrogate.note(
        surrogate.section(found.section_id),
        *(surrogate.tag(tag.pk) for tag in found.tags.all()),
        *(surrogate.author(byline.author_id) for byline in found.bylines.all()),
    )
    page = article_page.build(found, edition, now=timezone.now())
    live = live_page.build(found, edition, now=timezone.now())
    path = presentation.article_path(edition, found.slug)
    chrome = presentation.chrome(
        edition, title=page.headline, path=path, twin=page.twin_path, description=page.lead
    )
    chrome.preview = chrome.noindex = preview
    metadata.for_article(chrome, found, page, live=live)
    frame = {"chrome": chrome}
    return _ArticleParts(
        chrome,
        live,
        head=render_to_string("site/includes/head.html", frame),
        header=render_to_string("site/includes/header.html", frame),
        html=render_to_string(
            "site/includes/article_main.html", {"article": page, "live": live, "preview": preview}
        ),
        footer=render_to_string("site/includes/footer.html", frame),
    )


def _render_parts(request: HttpRequest, parts: _ArticleParts) -> HttpResponse:
    context = {"chrome": parts.chrome, "live": parts.live, "parts": parts}
    return render(request, "site/article.html", context)


def _render_article(
    request: HttpRequest, found: Article, edition: str, *, preview: bool
) -> HttpResponse:
    return _render_parts(request, _article_parts(found, edition, preview=preview))


def _published_article(request: HttpRequest, head: Article, edition: str) -> HttpResponse | None:
    """A published article's page from its kept parts, else built and kept; None when the
    article went out of print between the two reads.

    The parts change only with a new published revision or a purge of a key they show
    (the article, its translation, what its body and "Read also" show); they are kept as
    long as a shared cache keeps the page, as "Read also" is."""
    name = article_page.page_name(head, edition)
    kept = fragments.lookup([name]) if name is not None else {}
    if name in kept:
        return _render_parts(request, kept[name])
    with fragments.rendering() as started, surrogate.collecting() as shown:
        found = article_page.load_published(edition, head.slug)
        parts = _article_parts(found, edition, preview=False) if found is not None else None
    if parts is None:
        return None
    if name is not None:
        fragments.store({name: (parts, shown)}, started, http_policy.SHARED_CACHE_SECONDS)
    else:
        surrogate.note(*shown)
    return _render_parts(request, parts)


def article(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """A published article; an old address answers 301; editors see unpublished work.

    ``Article.serve_preview`` calls this view with ``request.preview_object`` set: the
    unsaved state is rendered at its real address, under a Preview banner.
    """
    unsaved = getattr(request, "preview_object", None)
    if unsaved is not None:
        # Previews are served under the admin, which keeps the editor's own language.
        with translation.override(edition):
            return private(_render_article(request, unsaved, edition, preview=True))
    head = article_page.load_head(edition, slug)
    if head is not None:
        response = _published_article(request, head, edition)
        if response is not None:
            return public(response)
    moved = article_page.current_path_for_old_slug(edition, slug)
    if moved is not None:
        return public(HttpResponsePermanentRedirect(moved))
    if is_editor(request):
        draft = article_page.latest_draft(edition, slug, user=request.user)
        if draft is not None:
            return private(_render_article(request, draft, edition, preview=True))
    # The article may be published here later (scheduled, republished): its publish
    # purges this 404 from the front cache.
    surrogate.note(surrogate.address(edition, slug))
    raise Http404


def _error_chrome(request: HttpRequest, edition: str, title: str, *, nav: bool) -> Any:
    links: list[presentation.Link] | None = []
    if nav:
        try:
            links = presentation.navigation(edition)
        except DatabaseError:
            links = []
    return presentation.chrome(
        edition,
        title=title,
        path=request.path,
        twin=None,
        canonical=presentation.home_path(edition),
        nav=links,
        noindex=True,
    )


def bad_request(request: HttpRequest, edition: str) -> HttpResponse:
    """A "More news" link that we did not make: a page in the edition's language, not a 500."""
    context = {"chrome": _error_chrome(request, edition, _("Bad request"), nav=True)}
    return public(render(request, "site/400.html", context, status=400))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # An address of the site this newsroom moved from leads to the imported article.
    try:
        moved = redirects.target(request.path, request.META.get("QUERY_STRING", ""))
    except DatabaseError:
        moved = None  # the "not found" page still answers when the database is down
    if moved is not None:
        return public(HttpResponsePermanentRedirect(moved))
    edition = edition_of_path(request.path) or DEFAULT_EDITION
    with translation.override(edition):
        context = {"chrome": _error_chrome(request, edition, _("Page not found"), nav=True)}
        return public(render(request, "site/404.html", context, status=404))


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """One client asked for too many pages or searches (decision 0031). Rendered without the
    database, like the 500 page: it must cost the origin next to nothing."""
    edition = edition_of_path(request.path) or DEFAULT_EDITION
    with translation.override(edition):
        context = {"chrome": _error_chrome(request, edition, _("Too many requests"), nav=False)}
        body = render_to_string("site/429.html", context)
    response = no_store(HttpResponse(body, status=429))
    response["Retry-After"] = str(retry_after)
    response["Content-Language"] = edition
    return response


def service_unavailable(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The database does not answer: rendered without it or the session."""
    edition = edition_of_path(request.path) or DEFAULT_EDITION
    with translation.override(edition):
        title = _("The site is being repaired")
        context = {"chrome": _error_chrome(request, edition, title, nav=False)}
        body = render_to_string("site/503.html", context)
    response = no_store(HttpResponse(body, status=503))
    response["Retry-After"] = str(retry_after)
    response["Content-Language"] = edition
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the database or the session: it must work when they are down. A
    reader's page that failed outside any view because the database does not answer is the
    site's 503, as a view's failure is (``middleware.outage_answer``)."""
    from .middleware import outage_answer

    failed = sys.exc_info()[1]  # Django calls its 500 handler while handling the exception
    outage = None if failed is None else outage_answer(request, failed)
    if outage is not None:
        return outage
    edition = edition_of_path(request.path) or DEFAULT_EDITION
    with translation.override(edition):
        context = {"chrome": _error_chrome(request, edition, _("Something went wrong"), nav=False)}
        body = render_to_string("site/500.html", context)
    return no_store(HttpResponse(body, status=500))
