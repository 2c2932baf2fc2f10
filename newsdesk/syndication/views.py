"""robots.txt: where the sitemaps are, and what crawlers should leave alone."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from newsdesk.editions import EDITIONS
from newsdesk.http_policy import ADMIN_PREFIXES, absolute, public


def robots_txt(request: HttpRequest) -> HttpResponse:
    # Sitemaps protocol: a "Sitemap:" line takes the full URL, and may appear more than once.
    lines = ["User-agent: *", *(f"Disallow: {prefix}" for prefix in ADMIN_PREFIXES), ""]
    lines.append(f"Sitemap: {absolute(reverse('syndication:sitemap_index'))}")
    for edition in EDITIONS:
        news = reverse("syndication:news_sitemap", kwargs={"edition": edition})
        lines.append(f"Sitemap: {absolute(news)}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    return public(response)
