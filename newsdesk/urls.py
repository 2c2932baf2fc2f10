from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from newsdesk.accounts import views as account_views
from newsdesk.api import urls as api_urls
from newsdesk.editorial import image_preview
from newsdesk.search import urls as search_urls
from newsdesk.site import media
from newsdesk.site import urls as site_urls
from newsdesk.site import views as site_views
from newsdesk.site.health import health
from newsdesk.syndication import urls as syndication_urls
from newsdesk.wire import urls as wire_urls

urlpatterns = [
    # Before Wagtail's own: sign-out for POST only, one sign-in form (decision 0029).
    path("admin/logout/", account_views.logout, name="wagtailadmin_logout"),
    path("wagtail/_util/login/", account_views.frontend_login, name="wagtailcore_login"),
    # Before Wagtail's own: image previews of bounded size only (decision 0046).
    path(
        "admin/images/<int:image_id>/preview/<str:filter_spec>/",
        image_preview.preview,
        name="image_preview",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Uploads are served inert: images of allowed types, everything else a download.
    path("media/<path:path>", media.serve, name="media"),
    path("health", health, name="health"),
    # Partners' copy comes in under the API (its rate limit), before its JSON 404.
    path("api/v1/wire/", include(wire_urls)),
    path("api/", include(api_urls)),
    path("", include(syndication_urls)),
    path("", include(search_urls)),
    path("", include(site_urls)),
    # Wagtail's own routes (image serve views, page routing) come last.
    path("wagtail/", include(wagtail_urls)),
]

handler404 = site_views.page_not_found
handler500 = site_views.server_error
