"""The admin's image preview renders bounded sizes only (decision 0046)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.images.models import Filter

from newsdesk.editorial import image_preview, roles
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import make_user

REFUSED = {
    "en": "This preview size is not allowed",
    "uk": "Такий розмір попереднього перегляду не дозволено",
}
BAD_SPECS = [
    "fill-10000x10000",
    "width-801",
    "max-5000x300",
    "original",
    "width-400|height-300",
    "fill-300x300-c1000",
    "width-0",
    "scale-500",
    "format-png",
    "width-400.png",
]


@pytest.mark.parametrize("spec", BAD_SPECS)
def test_a_spec_past_the_bounds_is_refused_without_decoding(client, db, monkeypatch, spec):
    image = factories.image()
    renditions_before = image.renditions.count()
    ran: list[str] = []
    monkeypatch.setattr(Filter, "run", lambda self, *a, **k: ran.append(self.spec))
    sign_in(client, make_user("editor", roles.EDITORS))

    response = client.get(reverse("wagtailimages:preview", args=[image.pk, spec]))

    assert response.status_code == 400
    assert REFUSED["en"] in response.content.decode()
    assert ran == []
    assert image.renditions.count() == renditions_before


@pytest.mark.parametrize("language", ["uk", "en"])
def test_the_refusal_is_in_the_editors_language(client, db, language):
    image = factories.image()
    sign_in(client, make_user(f"editor-{language}", roles.EDITORS, language=language))

    response = client.get(reverse("wagtailimages:preview", args=[image.pk, "fill-9000x9000"]))

    assert response.status_code == 400
    assert REFUSED[language] in response.content.decode()


@pytest.mark.parametrize("spec", ["width-800", "height-120", "max-800x600", "fill-300x200-c50"])
def test_a_preview_within_the_bounds_is_rendered(client, db, spec):
    image = factories.image(width=1600, height=900)
    sign_in(client, make_user("editor", roles.EDITORS))

    response = client.get(reverse("wagtailimages:preview", args=[image.pk, spec]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert b"".join(response.streaming_content)


def test_who_may_not_change_the_image_is_turned_away_whatever_the_spec(client, db, monkeypatch):
    image = factories.image()
    ran: list[str] = []
    monkeypatch.setattr(Filter, "run", lambda self, *a, **k: ran.append(self.spec))
    sign_in(client, make_user("contributor", roles.CONTRIBUTORS))

    for spec in ("width-200", "fill-10000x10000"):
        response = client.get(reverse("wagtailimages:preview", args=[image.pk, spec]))
        # Wagtail's admin answers a refused permission with a redirect to the dashboard.
        assert response.status_code == 302, spec
        assert response["Location"] == reverse("wagtailadmin_home")
    assert ran == []


def test_anonymous_is_sent_to_sign_in(client, db):
    image = factories.image()

    response = client.get(reverse("wagtailimages:preview", args=[image.pk, "fill-10000x10000"]))

    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_the_bounds():
    assert image_preview.MAX_SIDE == 800
    assert image_preview.allowed("fill-800x800-c100")
    assert not image_preview.allowed("fill-800x800-c101")
    assert not image_preview.allowed("fill-800x801")
