"""Who may touch which article: section editors stay inside their sections.

Wagtail's snippet permissions are per model. A newsroom needs one more rule (DESIGN.md: "a
section editor cannot touch what lies outside their sections"), decided in
docs/decisions/0004-section-editors.md: a user who may work on articles but does not hold
``editorial.edit_all_sections`` is confined to the sections whose ``editors`` list them.
Confinement is the default, so a new group that forgets the permission fails closed.
"""

from __future__ import annotations

import functools
from typing import Any

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern
from wagtail.permission_policies import ModelPermissionPolicy

from newsdesk.articles.models import Article
from newsdesk.sections.models import Section

from .models import ALL_SECTIONS_PERMISSION

_CACHE_ATTR = "_newsdesk_confined_sections"


def confined_sections(user: Any) -> frozenset[int] | None:
    """The ids of the sections the user's article work is confined to; None if unconfined.

    Cached on the user object, which lives for one request.
    """
    if not (user and user.is_authenticated and user.is_active):
        return frozenset()
    if hasattr(user, _CACHE_ATTR):
        return getattr(user, _CACHE_ATTR)
    scope: frozenset[int] | None
    if user.has_perm(ALL_SECTIONS_PERMISSION):
        scope = None
    else:
        scope = frozenset(Section.objects.filter(editors=user).values_list("pk", flat=True))
    setattr(user, _CACHE_ATTR, scope)
    return scope


def may_touch(user: Any, article: Article) -> bool:
    """Whether the article lies within the user's sections (ignoring what they may do)."""
    scope = confined_sections(user)
    if scope is None:
        return True
    if article.section_id is None:
        return article.pk is None  # a new article: the form offers only their sections
    return article.section_id in scope


class ArticlePermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, narrowed to the user's sections where they are confined."""

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        return self.user_has_permission(user, action) and may_touch(user, instance)

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> QuerySet:
        instances = super().instances_user_has_any_permission_for(user, actions)
        scope = confined_sections(user)
        return instances if scope is None else instances.filter(section_id__in=scope)

    def users_with_any_permission_for_instance(self, actions: Any, instance: Any) -> QuerySet:
        app_label, codename = ALL_SECTIONS_PERMISSION.split(".")
        all_sections = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )
        unconfined = (
            Q(is_superuser=True)
            | Q(user_permissions__in=all_sections)
            | Q(groups__permissions__in=all_sections)
        )
        in_section = get_user_model().objects.filter(
            unconfined | Q(edited_sections=instance.section_id)
        )
        return self.users_with_any_permission(actions).filter(pk__in=in_section.values("pk"))


def guard_article_pattern(pattern: URLPattern) -> URLPattern:
    """Wrap an article admin view that takes a ``pk`` so that confined users get a 403 for
    an article outside their sections.

    One guard at the URL covers every per-article view Wagtail has (edit, delete, history,
    revisions, unpublish, lock, workflow actions, preview) and any it adds later; those views
    check model permissions only.
    """
    if "pk" not in pattern.pattern.regex.groupindex:
        return pattern
    view = pattern.callback

    @functools.wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        scope = confined_sections(request.user)
        if scope is not None:
            try:
                section_id = (
                    Article.objects.filter(pk=unquote(str(kwargs["pk"])))
                    .values_list("section_id", flat=True)
                    .first()
                )
            except ValueError as exc:
                raise Http404 from exc
            if section_id is None:
                raise Http404
            if section_id not in scope:
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return URLPattern(pattern.pattern, guarded, pattern.default_args, pattern.name)


def guard_article_patterns(patterns: list[Any]) -> list[Any]:
    return [guard_article_pattern(p) if isinstance(p, URLPattern) else p for p in patterns]
