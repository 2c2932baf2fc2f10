"""The whole admin request in the editor's language.

Wagtail switches to the editor's language (their account preference) inside each admin
view. What happens around the view did not: a "you do not have permission" message added
after the view refused was written in the site's default language and then shown in an
English admin. Here the language is the editor's from the moment they are known.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from wagtail.users.models import UserProfile

from newsdesk.http_policy import is_admin_path


class AdminLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if not is_admin_path(request.path) or user is None or not user.is_authenticated:
            return self.get_response(request)
        try:
            profile = user.wagtail_userprofile  # cached on the user: Wagtail's view reads it too
        except UserProfile.DoesNotExist:
            return self.get_response(request)
        language = profile.get_preferred_language()
        with translation.override(language):
            response = self.get_response(request)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return response
