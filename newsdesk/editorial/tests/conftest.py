"""Fixtures for the editors' admin: two editions, a few sections, authors and the roles.

Every admin user prefers English, so that assertions read Wagtail's and our English source
strings whatever the Ukrainian catalogue says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from newsdesk.articles.models import Article
from newsdesk.editorial import roles
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.testing import factories


@pytest.fixture
def uk(db) -> Locale:
    return Locale.objects.get(language_code="uk")


@pytest.fixture
def en(db) -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture
def war(uk: Locale) -> Section:
    return Section.objects.create(locale=uk, name="Війна", slug="war")


@pytest.fixture
def politics(uk: Locale) -> Section:
    return Section.objects.create(locale=uk, name="Політика", slug="politics")


@pytest.fixture
def war_en(en: Locale, war: Section) -> Section:
    return Section.objects.create(
        locale=en, name="War", slug="war", translation_key=war.translation_key
    )


@pytest.fixture
def reporter(uk: Locale) -> Author:
    return Author.objects.create(locale=uk, name="Олена Коваль", slug="olena-koval")


@pytest.fixture
def reporter_en(en: Locale, reporter: Author) -> Author:
    return Author.objects.create(
        locale=en, name="Olena Koval", slug="olena-koval", translation_key=reporter.translation_key
    )


def make_user(username: str, *groups: str, language: str = "en", **extra: Any) -> Any:
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@newsdesk.test", password="x", **extra
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def editor(db) -> Any:
    return make_user("editor", roles.EDITORS)


@pytest.fixture
def contributor(db) -> Any:
    return make_user("contributor", roles.CONTRIBUTORS)


@pytest.fixture
def war_editor(war: Section) -> Any:
    """A section editor of War only."""
    user = make_user("war-editor", roles.SECTION_EDITORS)
    war.editors.add(user)
    return user


@pytest.fixture
def make_article(reporter: Author) -> Callable[..., Article]:
    """A draft (or published) article by the reporter, made through the publishing actions."""

    def make(
        section: Section, *, headline: str = "Обстріл Харкова", slug: str = "", live: bool = False
    ) -> Article:
        build = factories.published if live else factories.draft
        return build(
            section.locale.language_code,
            slug,
            headline=headline,
            in_section=section,
            authors=[reporter],
        )

    return make
