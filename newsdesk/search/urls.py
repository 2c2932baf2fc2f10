from django.urls import path

import newsdesk.editions  # noqa: F401 - registers <edition:…>

from . import views

app_name = "search"
urlpatterns = [
    path("<edition:edition>/search/", views.search, name="search"),
]
