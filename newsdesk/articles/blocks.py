"""StreamField blocks of an article body and its source list."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# Providers whose player we frame; anything else on this list renders as a link card.
# Framing is limited to these hosts by the Content-Security-Policy as well.
FRAMED_PROVIDERS = {
    "www.youtube.com": "youtube",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
}
LINKED_PROVIDERS = {"t.me", "x.com", "twitter.com", "www.facebook.com", "www.instagram.com"}


def embed_player_url(url: str) -> str | None:
    """The privacy-enhanced player URL for a framed provider, or None to show a link card."""
    parts = urlsplit(url)
    provider = FRAMED_PROVIDERS.get(parts.netloc.lower())
    if provider == "youtube":
        if parts.netloc.lower() == "youtu.be":
            video = parts.path.strip("/")
        else:
            video = (parse_qs(parts.query).get("v") or [""])[0]
        if video.replace("-", "").replace("_", "").isalnum():
            return f"https://www.youtube-nocookie.com/embed/{video}"
    if provider == "vimeo":
        video = parts.path.strip("/").split("/")[0]
        if video.isdigit():
            return f"https://player.vimeo.com/video/{video}"
    return None


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=300,
        help_text=_("Describe the image for readers who cannot see it."),
    )

    class Meta:
        icon = "image"
        template = "site/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "site/blocks/quote.html"


class EmbedBlock(blocks.StructBlock):
    """A video or social post, by URL. No oEmbed call: we never fetch third-party markup."""

    url = blocks.URLBlock(label=_("URL"))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("What the embedded item shows; read out by screen readers."),
    )

    class Meta:
        icon = "media"
        template = "site/blocks/embed.html"

    def clean(self, value):
        value = super().clean(value)
        parts = urlsplit(value["url"])
        host = parts.netloc.lower()
        if parts.scheme != "https" or (
            host not in FRAMED_PROVIDERS and host not in LINKED_PROVIDERS
        ):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _(
                            "Embeds must be https links to YouTube, Vimeo, Telegram, X, "
                            "Facebook or Instagram."
                        )
                    )
                }
            )
        return value


class ChooserBlock(SnippetChooserBlock):
    """A snippet chosen through its model's own chooser widget (the admin words its labels
    in the editor's language), not a generic one made once for the whole process."""

    # Stored in migrations as Wagtail's block: only the admin widget differs.
    canonical_module_path = "wagtail.snippets.blocks.SnippetChooserBlock"

    @cached_property
    def widget(self) -> Any:
        viewset = self.target_model.snippet_viewset
        return viewset.chooser_viewset.widget_class(icon=self.meta.icon or viewset.icon)


class ReadAlsoBlock(blocks.StructBlock):
    article = ChooserBlock("articles.Article", label=_("Article"))

    class Meta:
        icon = "link"
        template = "site/blocks/read_also.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        template = "site/blocks/fact_box.html"


class TimelineBlock(blocks.StructBlock):
    """A story's timeline, whole or a date range, as the article's background section.

    The reader page loads the entries of every embedded story in one query and hands them
    over as ``story.timeline_rows`` (``site.timeline_blocks``); without them the block shows
    nothing rather than run a query per block.
    """

    story = ChooserBlock("stories.Story", label=_("Story"))
    start = blocks.DateBlock(label=_("From"), required=False)
    end = blocks.DateBlock(label=_("To"), required=False)

    class Meta:
        icon = "list-ol"
        template = "site/blocks/timeline.html"

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start"), value.get("end")
        if start and end and end < start:
            raise StructBlockValidationError(
                block_errors={
                    "end": ValidationError(_("The range must end on or after its start."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        start, end = value.get("start"), value.get("end")
        rows = getattr(value.get("story"), "timeline_rows", None) or []
        context["rows"] = [
            row
            for row in rows
            if (start is None or row.day >= start) and (end is None or row.day <= end)
        ]
        return context


class BodyBlock(blocks.StreamBlock):
    """An article's body. What each output makes of each child is declared once, in
    :mod:`newsdesk.articles.body.vocabulary`; a new child must be added there."""

    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    subheading = blocks.CharBlock(
        label=_("Subheading"),
        max_length=200,
        form_classname="title",
        template="site/blocks/subheading.html",
    )
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    embed = EmbedBlock(label=_("Embed"))
    read_also = ReadAlsoBlock(label=_("Read also"))
    fact_box = FactBoxBlock(label=_("Fact box"))
    timeline = TimelineBlock(label=_("Timeline"))


class SourceBlock(blocks.StructBlock):
    """Where a claim comes from: "as stated on the Pentagon's website"."""

    name = blocks.CharBlock(label=_("Source"), max_length=200)
    url = blocks.URLBlock(label=_("Link"), required=False)
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=300)

    class Meta:
        icon = "site"

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and urlsplit(value["url"]).scheme not in ("http", "https"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Links must start with http or https."))}
            )
        return value


class SourcesBlock(blocks.StreamBlock):
    source = SourceBlock(label=_("Source"))
