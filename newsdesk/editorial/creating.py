"""Creating an article: only on purpose.

Wagtail 8 autosaves every form of a model with revisions, the "Add" form included
(``WAGTAIL_AUTOSAVE_INTERVAL``, 500 ms by default). On "Add" an autosave *creates* the
object: an abandoned form became a draft nobody meant to write, holding its address (the
real article then went out as ``…-4``), and a Publish click racing an autosave still in
flight created a second, live article beside the draft (decision 0037). So the Add and
Copy forms do not autosave and their view refuses an autosave's request; once an editor
has saved the article, its edit form autosaves as usual.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView

from .atomic_publish import PublishInOneTransaction

NOT_CREATED = "not_created"


class OnPurposeOnlyMixin:
    """For Wagtail's create views (Add, Copy)."""

    autosave_enabled: bool
    expects_json_response: bool

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)  # type: ignore[misc]
        self.autosave_enabled = False

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # An autosave asks for JSON; a click on Save or Publish asks for HTML.
        if self.expects_json_response:
            return self.json_error_response(  # type: ignore[attr-defined]
                NOT_CREATED, str(_("A new article is saved only when you save it."))
            )
        return super().post(request, *args, **kwargs)  # type: ignore[misc]


class ArticleCreateView(OnPurposeOnlyMixin, PublishInOneTransaction, CreateView):
    """Created only on purpose; saved and published in one transaction."""
