"""Image uploads: bounded before anything is decoded, renditions made at upload.

The limits are ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``
(settings; docs/security.md, "Image limits"). Wagtail checks both after reading the file's
header; Pillow, bounded at the same pixel count (``newsdesk.articles.renditions``), refuses
to open an image of more than twice as many, which Wagtail would report as "not a valid
image". This form says what is wrong in both cases, in the editor's language.
"""

from __future__ import annotations

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
        try:
            return super().to_python(data)
        except ValidationError as error:
            # Over twice the limit Pillow raises; over the limit it warns, which is an error
            # wherever warnings are (the tests).
            bomb = (PillowImage.DecompressionBombError, PillowImage.DecompressionBombWarning)
            if isinstance(error.__cause__, bomb):
                raise self._too_many_pixels() from None
            raise

    def check_image_pixel_size(self, f: Any) -> None:
        try:
            super().check_image_pixel_size(f)
        except ValidationError as error:
            if error.code == "file_too_many_pixels":
                raise self._too_many_pixels() from None
            raise
        # Willow counts one frame in a GIF whatever it holds; Pillow counts them by skipping
        # from frame to frame without decoding any.
        width, height = f.image.get_size()
        if width * height * _frames(f.image.f) > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            raise self._too_many_pixels()


def _frames(file: Any) -> int:
    position = file.tell()
    try:
        file.seek(0)
        with PillowImage.open(file) as opened:
            return int(getattr(opened, "n_frames", 1))
    finally:
        file.seek(position)


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
