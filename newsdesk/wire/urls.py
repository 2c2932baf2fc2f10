"""The wire's address under the API: ``/api/v1/wire/ninjs`` (mounted before the API's
own catch-all, in ``newsdesk.urls``)."""

from django.urls import path

from .views import receive

app_name = "wire"
urlpatterns = [path("ninjs", receive, name="ninjs")]
