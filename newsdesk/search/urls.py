import newsdesk.editions  # noqa: F401 - registers <edition:…>

app_name = "search"
urlpatterns: list = []
