"""Renditions are made when an image is uploaded or changed, never in a reader's request.

Decoding an image costs memory in proportion to its pixels, not its bytes: a 15 KB PNG of
11,000 x 11,000 pixels took a worker from 373 MB to 1.3 GB when its first rendition was made
(docs/security.md, "Image limits"). Uploads are bounded (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``,
``WAGTAILIMAGES_MAX_UPLOAD_SIZE``, Pillow's ``Image.MAX_IMAGE_PIXELS``), and decoding happens
where an editor acted: the upload, an edit of the focal point, the demo loader. Reader pages,
feeds and the API only look renditions up (:func:`existing`) and show no image when one is
missing, rather than decode.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from PIL import Image as PillowImage
from wagtail.images.models import Filter

from .query import HERO_SPECS, SHARE_SPECS, THUMBNAIL_SPECS

logger = logging.getLogger(__name__)

# Every rendition an output shows; made at once for each uploaded image.
SITE_SPECS = (*THUMBNAIL_SPECS, *HERO_SPECS, *SHARE_SPECS)


def bound_decoding() -> None:
    """Make Pillow refuse to decode more pixels than an upload may have (it warns above
    ``MAX_IMAGE_PIXELS`` and raises at twice that; warnings are errors in the tests)."""
    PillowImage.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def make(image: Any) -> None:
    """Make every rendition the site shows of ``image`` that does not exist yet, one at a
    time: ``get_renditions`` makes them in three threads, each decoding the original, which
    took a 40-megapixel upload to a peak of about 1 GB (bench/image_bombs.py)."""
    for spec in SITE_SPECS:
        image.get_rendition(spec)


def existing(image: Any, specs: tuple[str, ...]) -> list[Any] | None:
    """The renditions of ``image`` for ``specs``, in order, when all exist; else None.

    Reads the renditions prefetched with the row, else the cache and the database; never
    decodes the original."""
    filters = [Filter(spec=spec) for spec in specs]
    found = image.find_existing_renditions(*filters)
    if len(found) < len(filters):
        logger.info("Image %s lacks renditions; shown without it", getattr(image, "pk", None))
        return None
    return [found[f] for f in filters]
