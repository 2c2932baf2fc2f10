from django.urls import path

import newsdesk.editions  # noqa: F401 - registers <edition:…>
from newsdesk.readership.views import count_view

from . import corrections, live_views, story_pages, views

app_name = "site"
urlpatterns = [
    path("", views.root, name="root"),
    path("<edition:edition>/", views.home, name="home"),
    path("<edition:edition>/news/", views.latest_news, name="news"),
    path("<edition:edition>/news/<slug:slug>/", views.article, name="article"),
    path(
        "<edition:edition>/news/<slug:slug>/live.json",
        live_views.live_updates,
        name="live_updates",
    ),
    path(
        "<edition:edition>/news/<slug:slug>/live.html",
        live_views.live_fragment,
        name="live_fragment",
    ),
    path("<edition:edition>/sections/<slug:slug>/", views.section, name="section"),
    path("<edition:edition>/tags/<slug:slug>/", views.tag, name="tag"),
    path("<edition:edition>/authors/<slug:slug>/", views.author, name="author"),
    path("<edition:edition>/stories/<slug:slug>/", story_pages.story, name="story"),
    path(
        "<edition:edition>/stories/<slug:slug>/timeline.json",
        story_pages.timeline_json,
        name="story_timeline_json",
    ),
    path(
        "<edition:edition>/stories/<slug:slug>/timeline.csv",
        story_pages.timeline_csv,
        name="story_timeline_csv",
    ),
    path("<edition:edition>/corrections/", corrections.corrections, name="corrections"),
    path("<edition:edition>/read/<str:article_id>/", count_view, name="count_view"),
]
