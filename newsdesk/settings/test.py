"""Fast, isolated settings for the test suite.

PostgreSQL and Redis come in through DATABASE_URL / REDIS_URL.
"""

from .base import *  # noqa: F403
from .base import DATABASES, HOME, INSTALLED_APPS

# The suite needs the demo newsroom (its own tests, the demo_content fixture): the dev
# install carries its distribution (decision 0021); without it the suite stops at start-up.
_after = INSTALLED_APPS.index("newsdesk.frontcache") + 1
INSTALLED_APPS = [*INSTALLED_APPS[:_after], "newsdesk_demo", *INSTALLED_APPS[_after:]]

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The throttle's delay is asserted, never slept (newsdesk/accounts/tests).
NEWSDESK_LOGIN_FAILURE_DELAY_SECONDS = 0
# The tests hold the production policy on second factors (base: Administrators, Editors,
# Section editors); ``newsdesk.testing.factories.sign_in`` signs a test client in verified.
MEDIA_ROOT = HOME / "test-media"
# Tests never run collectstatic: indexing a missing STATIC_ROOT at startup makes WhiteNoise
# warn, and warnings are errors here. In autorefresh mode it looks files up per request.
WHITENOISE_AUTOREFRESH = True
# Tests that count queries render every time; the page cache's own tests turn it on.
NEWSDESK_PAGE_CACHE = False
# A replica alias that mirrors the test database, for the router's tests; no router is
# installed unless a test (or DATABASE_REPLICA_URLS) asks for one.
DATABASES.setdefault("replica_1", {**DATABASES["default"], "TEST": {"MIRROR": "default"}})
