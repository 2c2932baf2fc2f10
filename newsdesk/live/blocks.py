"""The body of a live update: the article body's text blocks, nothing that needs a chooser.

Images and "read also" links would each cost the article page another query per kind;
an update is a few paragraphs, a quote or an embedded post.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from newsdesk.articles.blocks import RICH_TEXT_FEATURES, EmbedBlock, QuoteBlock


class LiveUpdateBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    quote = QuoteBlock(label=_("Quote"))
    embed = EmbedBlock(label=_("Embed"))
