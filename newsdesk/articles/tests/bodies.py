"""Published articles with chosen bodies, made through the write path, for the outputs'
tests of the body vocabulary."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story, TimelineEntry

STATEMENT = "The brigade reported 11,000 troops near Kursk."
SPEAKER = "General Staff"
SOURCE = "the General Staff's channel"


def story(edition: str = "en", slug: str = "troops") -> Story:
    made = Story.objects.create(
        locale=Locale.objects.get(language_code=edition), slug=slug, title="Troops in Kursk"
    )
    TimelineEntry.objects.create(
        story=made,
        occurred_on=dt.date(2024, 10, 18),
        statement=STATEMENT,
        speaker=SPEAKER,
        source_name=SOURCE,
        source_url="https://example.org/post/1",
    )
    return made


def image(title: str = "Map") -> Any:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 400), "navy").save(buffer, format="JPEG")
    made = get_image_model()(
        title=title,
        description="A map",
        collection=Collection.get_first_root_node(),
        file=ImageFile(buffer, name="body-map.jpg"),
    )
    made._set_image_file_metadata()
    made.save()
    return made


def publisher(capture: Callable[..., Any]) -> Callable[..., Article]:
    """``publish(slug, body, edition=…)``: publish a new article whose body is ``body``
    (stored data), running the on-commit receivers as a commit would. ``capture`` is
    pytest-django's ``django_capture_on_commit_callbacks``."""

    def publish(
        slug: str, body: list[dict] | None = None, edition: str = "en", **fields: Any
    ) -> Article:
        locale = Locale.objects.get(language_code=edition)
        section, _created = Section.objects.get_or_create(
            locale=locale, slug=f"war-{edition}", defaults={"name": "War"}
        )
        article = Article(
            locale=locale,
            headline=f"Headline {slug}",
            slug=slug,
            lead=f"Lead of {slug}.",
            section=section,
            body=body or [{"type": "paragraph", "value": "<p>What happened.</p>"}],
            **fields,
        )
        with capture(execute=True):
            actions.publish(article=article)
        return article

    return publish


def republish(capture: Callable[..., Any], article: Article, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(article, name, value)
    with capture(execute=True):
        actions.publish(article=article)


def timeline(story_pk: int) -> dict:
    return {"type": "timeline", "value": {"story": story_pk, "start": None, "end": None}}
