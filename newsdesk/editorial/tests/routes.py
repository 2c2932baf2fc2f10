"""Every admin address the resolver knows, filled with objects of a small newsroom: the
permission matrix and the one-language walk both go through them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page

SNIPPET = re.compile(r"^wagtailsnippet(?:s|choosers)_([a-z_]+?)_([a-z]+)$")


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    pattern: URLPattern
    prefix: str

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0]

    @property
    def model(self) -> tuple[str, str] | None:
        """(app, model) of a snippet's views."""
        snippet = SNIPPET.match(self.namespace)
        return (snippet.group(1), snippet.group(2)) if snippet else None


def admin_routes() -> list[Route]:
    found: list[Route] = []

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif prefix.startswith("admin/"):
                found.append(Route(f"{namespace.lstrip(':')}:{entry.name or ''}", entry, prefix))

    walk(get_resolver().url_patterns, "", "")
    return found


def route_kwargs(
    route: Route, objects: dict[tuple[str, str], int], image: Any, article: Any
) -> dict[str, Any] | None:
    """Values for the route's arguments, or None when it takes one we cannot fill.

    ``objects`` gives the id of one object of each snippet model; ``article`` is the article
    the article's views (and translations) are opened on.
    """
    model = route.model
    revision = article.latest_revision
    root = Page.get_first_root_node().pk
    values: dict[str, Any] = {
        "pk": article.pk if model == ("articles", "article") else objects.get(model or ("", ""), 1),
        "page_id": root,
        "parent_page_id": root,
        "page_to_move_id": root,
        "destination_id": root,
        "page_pk": root,
        "revision_id": revision.pk if revision else 1,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "image_id": image.pk,
        "filter_spec": "max-165x165",
        "app_label": "articles",
        "model_name": "article",
        "app_name": "taxonomy",
        "content_type_app_name": "wagtailcore",
        "content_type_model_name": "page",
        "object_id": article.pk,
        "action_name": "approve",
        "action": "delete",
        "task_state_id": objects.get(("wagtailcore", "taskstate"), 1),
        "task_id": objects.get(("wagtailcore", "task"), 1),
        "workflow_state_id": objects.get(("wagtailcore", "workflowstate"), 1),
        "workflow_pk": objects.get(("wagtailcore", "workflow"), 1),
        "session_id": 1,
        "uploaded_file_id": 1,
        "collection_id": 1,
    }
    if route.namespace == "wagtailsnippets_articles_article" or "translation" in route.name:
        values["pk"] = article.pk
    if route.namespace == "wagtailadmin_workflows" and "pk" in values:
        values["pk"] = objects.get(
            ("wagtailcore", "task" if "task" in route.name else "workflow"), 1
        )
    if route.name == "wagtailadmin_tag_model_autocomplete":
        values["model_name"] = "tag"
    needed = route.pattern.pattern.regex.groupindex
    if not set(needed) <= set(values):
        return None
    return {name: values[name] for name in needed}


def route_path(route: Route, kwargs: dict[str, Any]) -> str:
    """The route's address with ``kwargs`` filled in; ValueError when one is left."""
    text = str(route.pattern.pattern)
    if text.startswith("^"):  # a regex pattern: fill its groups by name
        text = text.strip("^$")
        for name, value in kwargs.items():
            text = re.sub(rf"\(\?P<{name}>[^)]*\)", str(value), text)
        return "/" + route.prefix + text.replace("\\.", ".")
    for name, value in kwargs.items():
        text = re.sub(rf"<(?:\w+:)?{name}>", str(value), text)
    if "<" in text:
        raise ValueError(text)
    return "/" + route.prefix + text
