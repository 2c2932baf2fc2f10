"""Small factories for tests: each builds only what a test names, and every article goes
through the write path (``publishing.actions``), so its revisions, slug history, update
log and change events are those an editor's would be (decision 0017). Given ``capture``
(pytest-django's ``django_capture_on_commit_callbacks``), the on-commit receivers (search
index, purges, stored bodies) run as a real commit would run them.

Sections, tags and authors are found or made by slug, so a test can ask for the same one
twice. Times come from the test clock; ``published(at=…)`` publishes with the clock moved
to that moment, as an editor publishing then would.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import time_machine
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from newsdesk.accounts.policy import verify_session
from newsdesk.articles import renditions
from newsdesk.articles.models import LIVE, Article, Byline
from newsdesk.articles.slugs import slug_from_headline
from newsdesk.editions import EDITIONS
from newsdesk.live.models import LiveUpdate
from newsdesk.people.models import Author
from newsdesk.publishing import actions
from newsdesk.publishing.live import publish_live_update
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story, TimelineEntry
from newsdesk.taxonomy.models import Tag

Capture = Callable[..., Any]
"""pytest-django's ``django_capture_on_commit_callbacks`` fixture."""

_NAMES = {
    "uk": {"section": "Війна", "tag": "Харків", "author": "Олена Коваль", "story": "Енергетика"},
    "en": {"section": "War", "tag": "Kharkiv", "author": "Olena Koval", "story": "Energy"},
}


def edition(code: str = "uk") -> Locale:
    return Locale.objects.get(language_code=code)


def section(code: str = "uk", slug: str = "war", *, name: str = "", **fields: Any) -> Section:
    found, _ = Section.objects.get_or_create(
        locale=edition(code),
        slug=slug,
        defaults={"name": name or _NAMES[code]["section"], **fields},
    )
    return found


def tag(code: str = "uk", slug: str = "kharkiv", *, name: str = "", **fields: Any) -> Tag:
    found, _ = Tag.objects.get_or_create(
        locale=edition(code), slug=slug, defaults={"name": name or _NAMES[code]["tag"], **fields}
    )
    return found


def tag_pair(uk_name: str, en_name: str) -> tuple[Tag, Tag]:
    """A tag in both editions, linked as translations, each slugged from its name."""
    key = uuid.uuid4()
    uk, en = (
        Tag.objects.create(
            locale=edition(code), name=name, slug=slug_from_headline(name), translation_key=key
        )
        for code, name in (("uk", uk_name), ("en", en_name))
    )
    return uk, en


def author(code: str = "uk", slug: str = "olena-koval", *, name: str = "", **fields: Any) -> Author:
    found, _ = Author.objects.get_or_create(
        locale=edition(code),
        slug=slug,
        defaults={"name": name or _NAMES[code]["author"], **fields},
    )
    return found


def story(code: str = "uk", slug: str = "energy", *, title: str = "", **fields: Any) -> Story:
    found, _ = Story.objects.get_or_create(
        locale=edition(code),
        slug=slug,
        defaults={"title": title or _NAMES[code]["story"], **fields},
    )
    return found


def timeline_entry(
    of: Story, statement: str = "The brigade reported 11,000 troops near Kursk.", **fields: Any
) -> TimelineEntry:
    """A sourced entry of the story's timeline, said by the General Staff on 18 October 2024."""
    fields = {
        "occurred_on": dt.date(2024, 10, 18),
        "speaker": "General Staff",
        "source_name": "the General Staff's channel",
        "source_url": "https://example.org/post/1",
        **fields,
    }
    return TimelineEntry.objects.create(story=of, statement=statement, **fields)


def timeline(of: Story) -> dict[str, Any]:
    """A body block embedding the whole of the story's timeline, as StreamField raw data."""
    return {"type": "timeline", "value": {"story": of.pk, "start": None, "end": None}}


def image(title: str = "Kharkiv at dawn", *, width: int = 1600, height: int = 900) -> Any:
    """A Wagtail image of one flat colour, small on disk whatever its pixel size, with the
    renditions the site shows, as an upload makes them (newsdesk.articles.renditions)."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (70, 110, 150)).save(buffer, "PNG")
    name = f"{uuid.uuid4().hex[:12]}.png"
    made = get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=name), width=width, height=height
    )
    renditions.make(made)
    return made


def paragraphs(*texts: str) -> list[dict[str, str]]:
    """A body (or live update) of plain paragraphs, as StreamField raw data."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def article(
    code: str = "uk",
    slug: str = "",
    *,
    headline: str | None = None,
    lead: str | None = None,
    in_section: Section | None = None,
    tags: Iterable[Tag] = (),
    authors: Sequence[Author] | None = None,
    labels: Iterable[str] = (),
    body: Sequence[str] = (),
    blocks: Sequence[Any] = (),
    **fields: Any,
) -> Article:
    """An unsaved article of edition ``code``, in the War section by Olena Koval unless
    the test names others (``authors=[]`` for none). Its body is the paragraphs ``body``,
    or ``blocks`` as given (StreamField raw data or ``(type, value)`` pairs)."""
    slug = slug or f"article-{uuid.uuid4().hex[:8]}"
    made = Article(
        locale=edition(code),
        slug=slug,
        headline=f"Headline of {slug}" if headline is None else headline,
        lead=f"Lead of {slug}." if lead is None else lead,
        section=in_section or section(code),
        labels=list(labels),
        body=list(blocks) or paragraphs(*body),
        **fields,
    )
    made.tags = list(tags)  # type: ignore[assignment]  # modelcluster assigns the relation
    chosen = [author(code)] if authors is None else list(authors)
    made.bylines = [  # type: ignore[misc]  # modelcluster assigns children
        Byline(author=person, sort_order=order) for order, person in enumerate(chosen)
    ]
    return made


def draft(code: str = "uk", slug: str = "", **fields: Any) -> Article:
    """A saved draft: readers see nothing of it."""
    made = article(code, slug, **fields)
    actions.save_draft(article=made)
    return made


@contextlib.contextmanager
def _committing(capture: Capture | None) -> Iterator[None]:
    """Runs the on-commit callbacks queued inside as a commit would; nothing more without
    ``capture``."""
    with capture(execute=True) if capture else contextlib.nullcontext():
        yield


def published(
    code: str = "uk",
    slug: str = "",
    *,
    at: dt.datetime | None = None,
    capture: Capture | None = None,
    **fields: Any,
) -> Article:
    """A published article; with ``at``, published at that moment (first published then);
    with ``capture``, its on-commit receivers run."""
    made = article(code, slug, **fields)
    moment = contextlib.nullcontext() if at is None else time_machine.travel(at, tick=False)
    with moment, _committing(capture):
        actions.publish(article=made)
    return made


def scheduled(
    code: str = "uk", slug: str = "", *, go_live_at: dt.datetime, **fields: Any
) -> Article:
    """An article approved to go live at ``go_live_at`` (in the future of the test clock)."""
    made = article(code, slug, **fields)
    actions.schedule(article=made, go_live_at=go_live_at)
    return made


def live_article(
    code: str = "uk", slug: str = "kharkiv-live", *, publish: bool = True, **fields: Any
) -> Article:
    """An article with live coverage (``coverage`` to change it), published or a draft."""
    fields = {
        "headline": "Strikes on Kharkiv: live",
        "lead": "What we know, as it happens.",
        "body": ["Alerts sounded after midnight."],
        "coverage": LIVE,
        **fields,
    }
    return (published if publish else draft)(code, slug, **fields)


def live_update(
    article: Article, text: str = "Alerts sounded after midnight.", **fields: Any
) -> LiveUpdate:
    """A published update on a live article, timestamped by the test clock."""
    fields.setdefault("author", author(article.locale.language_code))
    return publish_live_update(update=LiveUpdate(article=article, body=paragraphs(text), **fields))


def sign_in(client: Any, user: Any, *, method: str = "totp") -> Any:
    """Sign ``client`` (Django's test client) in as ``user`` with the second factor already
    given, as after the admin's two steps: ``force_login`` alone leaves a session that a
    role requiring two-factor authentication sends to enrol or verify first. Returns the
    client."""
    client.force_login(user)
    session = client.session
    verify_session(session, method)
    session.save()
    return client


def restore_migrated_rows() -> None:
    """Put back what migrations made and a transactional test's flush emptied: the two
    editions, the root image collection and the root of Wagtail's page tree (the demo
    loader and the admin's menus need them)."""
    for code in EDITIONS:
        Locale.objects.get_or_create(language_code=code)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(title="Root", slug="root", locale=Locale.objects.get(language_code="uk"))
