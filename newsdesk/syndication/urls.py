import newsdesk.editions  # noqa: F401 - registers <edition:…>

app_name = "syndication"
urlpatterns: list = []
