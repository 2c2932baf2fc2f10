"""Image uploads: bounded before anything is decoded, renditions made at upload.

The limits are ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``
(settings; docs/security.md, "Image limits"). Wagtail checks the pixels after Willow has
decoded the whole image, and Pillow refuses to open one of more than twice the limit
(``newsdesk.articles.renditions``), which Wagtail reports as "not a valid image". So the
pixels (frames included) are counted from the header first, and the editor reads what is
wrong, in their language.
"""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from newsdesk.articles import renditions

TOO_MANY_PIXELS = _(
    "This image has too many pixels: at most %(megapixels)s megapixels are allowed (width "
    "by height, times the frames of an animation). Make it smaller and upload it again."
)


class BoundedImageField(WagtailImageField):
    def _too_many_pixels(self) -> ValidationError:
        megapixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000
        return ValidationError(
            TOO_MANY_PIXELS, code="file_too_many_pixels", params={"megapixels": megapixels}
        )

    def to_python(self, data: Any) -> Any:
        # Before Wagtail's checks: Willow decodes the whole image to tell its size.
        if hasattr(data, "read") and _pixels(data) > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            raise self._too_many_pixels()
        return super().to_python(data)

    def check_image_pixel_size(self, f: Any) -> None:
        try:
            super().check_image_pixel_size(f)
        except ValidationError as error:
            if error.code == "file_too_many_pixels":
                raise self._too_many_pixels() from None
            raise


def _pixels(file: Any) -> int:
    """Width x height x frames from the file's header, without decoding a pixel (Pillow
    counts GIF frames by skipping from one to the next); 0 when Pillow does not know the
    file, which Wagtail then refuses as no image. Above the limit Pillow warns, above twice
    the limit it refuses: both mean too many."""
    bomb = (PillowImage.DecompressionBombError, PillowImage.DecompressionBombWarning)
    file.seek(0)
    try:
        with PillowImage.open(file) as opened:
            width, height = opened.size
            return width * height * int(getattr(opened, "n_frames", 1))
    except bomb:
        return sys.maxsize
    except Exception:  # not an image Pillow reads: Wagtail says so
        return 0
    finally:
        file.seek(0)


class ImageForm(BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``) with the bounded file field
    (Wagtail builds its own in ``formfield_for_dbfield``; its widget and label are kept)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = BoundedImageField(
                label=field.label, required=field.required, widget=field.widget
            )

    def save(self, commit: bool = True) -> Any:
        instance = super().save(commit=commit)
        if commit and "file" in self.changed_data:
            # Wagtail has just deleted the renditions of the file this one replaces.
            transaction.on_commit(lambda: renditions.make(instance))
        return instance


def make_renditions_on_upload(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``post_save`` of the image model: once the upload is committed, make every rendition
    the site shows, in the editor's request, so that no reader's request decodes it."""
    transaction.on_commit(lambda: renditions.make(instance))
