from django.urls import path

import newsdesk.editions  # noqa: F401 - registers <edition:…>

from . import feeds, sitemaps, views

app_name = "syndication"
urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("<edition:edition>/news/rss.xml", feeds.EditionNews(), name="news_rss"),
    path("<edition:edition>/news/atom.xml", feeds.EditionNewsAtom(), name="news_atom"),
    path("<edition:edition>/news/feed.json", feeds.EditionNewsJson(), name="news_json"),
    path("<edition:edition>/sections/<slug:slug>/rss.xml", feeds.SectionNews(), name="section_rss"),
    path(
        "<edition:edition>/sections/<slug:slug>/atom.xml",
        feeds.SectionNewsAtom(),
        name="section_atom",
    ),
    path("<edition:edition>/tags/<slug:slug>/rss.xml", feeds.TagNews(), name="tag_rss"),
    path("<edition:edition>/tags/<slug:slug>/atom.xml", feeds.TagNewsAtom(), name="tag_atom"),
    path("<edition:edition>/authors/<slug:slug>/rss.xml", feeds.AuthorNews(), name="author_rss"),
    path(
        "<edition:edition>/authors/<slug:slug>/atom.xml",
        feeds.AuthorNewsAtom(),
        name="author_atom",
    ),
    path("<edition:edition>/stories/<slug:slug>/rss.xml", feeds.StoryNews(), name="story_rss"),
    path(
        "<edition:edition>/stories/<slug:slug>/atom.xml",
        feeds.StoryNewsAtom(),
        name="story_atom",
    ),
    path("<edition:edition>/sitemaps/news.xml", sitemaps.NewsSitemap(), name="news_sitemap"),
    path(
        "<edition:edition>/sitemaps/articles-<str:period>.xml",
        sitemaps.ArticleMonthSitemap(),
        name="article_sitemap",
    ),
    *sitemaps.paged("sections", sitemaps.SectionSitemap()),
    *sitemaps.paged("tags", sitemaps.TagSitemap()),
    *sitemaps.paged("authors", sitemaps.AuthorSitemap()),
    *sitemaps.paged("stories", sitemaps.StorySitemap()),
]
