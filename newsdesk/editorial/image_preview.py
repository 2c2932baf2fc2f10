"""The admin's image preview, bounded.

Wagtail's ``/admin/images/<id>/preview/<filter spec>/`` renders any spec its URL generator
knows, at any size, in the request: ``fill-10000x10000`` of a 40-megapixel upload costs a
worker hundreds of megabytes, and an editor may ask for it again and again. The admin
itself shows these previews only in the URL generator, which this newsroom does not use
(it serves no images by signed URL). So a preview is one operation of the URL generator's
(resize to a width, a height, to fit, to cover or to fill, with an optional closeness) and
at most :data:`MAX_SIDE` pixels a side; anything else is refused with 400 before the image
is opened (decision 0046).
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.images import get_image_model
from wagtail.images.views.images import preview as wagtail_preview
from wagtail.permissions import policy_registry

MAX_SIDE = 800
_SPEC = re.compile(
    r"(?:(?:width|height)-(?P<side>\d{1,4})"
    r"|(?:min|max)-(?P<w>\d{1,4})x(?P<h>\d{1,4})"
    r"|fill-(?P<fw>\d{1,4})x(?P<fh>\d{1,4})(?:-c(?P<c>\d{1,3}))?)"
)


def allowed(filter_spec: str) -> bool:
    """Whether the admin may render ``filter_spec`` as a preview."""
    match = _SPEC.fullmatch(filter_spec)
    if match is None:
        return False
    sides = [int(v) for k, v in match.groupdict().items() if v is not None and k != "c"]
    closeness = match.group("c")
    return all(1 <= side <= MAX_SIDE for side in sides) and (
        closeness is None or int(closeness) <= 100
    )


@require_admin_access
def preview(request: HttpRequest, image_id: int, filter_spec: str) -> HttpResponse:
    """Wagtail's preview for the specs :func:`allowed` lets through; 400 for the others,
    after the same permission check (who may not change the image learns nothing)."""
    model = get_image_model()
    image = get_object_or_404(model, id=image_id)
    policy = policy_registry.get_by_type(model)
    if not policy.user_has_permission_for_instance(request.user, "change", image):
        raise PermissionDenied
    if not allowed(filter_spec):
        message = _(
            "This preview size is not allowed: previews are resized to at most %(side)s "
            "pixels a side, one operation at a time."
        ) % {"side": MAX_SIDE}
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    return wagtail_preview(request, image_id, filter_spec)
