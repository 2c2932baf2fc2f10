"""POST data for the article edit form, as the browser sends it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsdesk.articles.models import Article
from newsdesk.people.models import Author
from newsdesk.sections.models import Section


def article_payload(
    *,
    section: Section,
    authors: Sequence[Author],
    headline: str = "Обстріл Харкова: що відомо",
    slug: str = "",
    lead: str = "",
    paragraphs: Iterable[str] = ("<p>Уночі росіяни атакували місто.</p>",),
    labels: Iterable[str] = (),
    update_note: str = "",
    go_live_at: str = "",
    action: str | None = None,
    article: Article | None = None,
) -> dict[str, Any]:
    """The form as submitted. Pass ``article`` to edit it: its bylines are resubmitted."""
    byline_ids = [b.pk for b in article.bylines.all()] if article else []
    bylines = [
        {"author": author.pk, "id": byline_ids[i] if i < len(byline_ids) else ""}
        for i, author in enumerate(authors)
    ]
    data = nested_form_data(
        {
            "headline": headline,
            "slug": slug,
            "lead": lead,
            "hero_image": "",
            "hero_caption": "",
            "hero_credit": "",
            "hero_alt": "",
            "body": streamfield([("paragraph", rich_text(p)) for p in paragraphs]),
            "sources": streamfield([]),
            "section": section.pk,
            "update_note": update_note,
            "go_live_at": go_live_at,
            "expire_at": "",
            "bylines": inline_formset(bylines, initial=len(byline_ids), min=1),
            "read_also_picks": inline_formset([]),
            "story": "",
            "coverage": "",
        }
    )
    data["labels"] = list(labels)
    if action:
        data[f"action-{action}"] = action
    return data
