"""/api/v1/: the ninja API's routes in this app's namespace (``reverse("api:articles")``),
each wrapped in the API's HTTP rules (:func:`.http.read_only`), and a JSON 404 for the rest."""

from django.urls import URLPattern, URLResolver, include, path, re_path

from .endpoints import api, index
from .http import not_found, read_only

app_name = "api"


def _wrapped(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            # ninja's root view only raises a 404 naming its docs page; ours lists the API.
            view = index if pattern.name == "api-root" else pattern.callback
            pattern.callback = read_only(view)
    return patterns


# ninja names its namespace after ``urls_namespace``; mounting its patterns without a
# namespace of their own puts them straight into "api", where ninja looks them up.
_routes, _ninja_app, _namespace = api.urls
urlpatterns = [
    path("v1/", include(_wrapped(_routes))),
    re_path(r"^v1/", read_only(not_found)),
]
