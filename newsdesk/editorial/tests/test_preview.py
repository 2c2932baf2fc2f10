"""The side panel's preview: the reader page, framed by the admin and by no one else."""

from __future__ import annotations

from django.urls import reverse

from newsdesk.testing.factories import sign_in

from .payloads import article_payload

PREVIEW = "wagtailsnippets_articles_article:preview_on_edit"


def test_a_preview_may_be_framed_by_the_admins_own_origin_only(
    client, editor, make_article, war, reporter
) -> None:
    article = make_article(war, headline="Обстріл Харкова")
    sign_in(client, editor)
    url = reverse(PREVIEW, args=[article.pk])
    payload = article_payload(
        section=war, authors=[reporter], article=article, headline="Нічна атака на Харків"
    )
    assert client.post(url, payload).json()["is_valid"] is True

    response = client.get(url, {"mode": ""})

    assert response.status_code == 200
    assert "Нічна атака на Харків" in response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "'none'" not in policy.split("frame-ancestors", 1)[1]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "script-src 'self'" in policy  # the rest of the reader page's policy holds


def test_the_published_page_still_refuses_every_frame(client, make_article, war) -> None:
    article = make_article(war, headline="Обстріл Харкова", live=True)

    response = client.get(article.get_url())

    assert response.status_code == 200
    assert response["Content-Security-Policy"].endswith("frame-ancestors 'none'")
