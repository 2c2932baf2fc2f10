from django.urls import path

import newsdesk.editions  # noqa: F401 - registers <edition:…>

from . import views

app_name = "site"
urlpatterns = [
    path("", views.root, name="root"),
    path("<edition:edition>/", views.home, name="home"),
    path("<edition:edition>/news/", views.latest_news, name="news"),
    path("<edition:edition>/news/<slug:slug>/", views.article, name="article"),
    path("<edition:edition>/sections/<slug:slug>/", views.section, name="section"),
    path("<edition:edition>/tags/<slug:slug>/", views.tag, name="tag"),
    path("<edition:edition>/authors/<slug:slug>/", views.author, name="author"),
]
