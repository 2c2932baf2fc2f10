"""The embedded demo: SQLite and the in-process cache.

DEBUG stays off so that error pages look as readers see them.
"""

import os
from importlib.util import find_spec

from newsdesk.accounts.mail import is_configured, settings_from_url

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, INSTALLED_APPS, SECRET_KEY

SECRET_KEY = SECRET_KEY or "demo-only-not-secret"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
DEBUG = False
# The demo's mail is printed on the console (EMAIL_URL may name a real transport), and its
# printed admin login signs in with a password alone unless NEWSDESK_TWO_FACTOR_ROLES names
# roles (decision 0029): anyone may still set up a second factor, which is then asked.
EMAIL_BACKEND = settings_from_url(os.environ.get("EMAIL_URL") or "console:")["EMAIL_BACKEND"]
WAGTAIL_PASSWORD_RESET_ENABLED = is_configured(EMAIL_BACKEND)
NEWSDESK_TWO_FACTOR_ROLES = [
    role.strip()
    for role in os.environ.get("NEWSDESK_TWO_FACTOR_ROLES", "").split(",")
    if role.strip()
]
# The demo serves static files from the apps' own folders (no collectstatic step), through
# WhiteNoise as production serves the collected ones; looked up per request, so an edited
# stylesheet shows on the next reload.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The demo has one reader who may crawl the whole site at once (a link checker, a validator):
# misses are limited five times less tightly than in production (decision 0031).
NEWSDESK_MISS_RATE = os.environ.get("NEWSDESK_MISS_RATE", "600/m")

# The demo newsroom (load_demo, build_archive) is a distribution of its own, installed by
# scripts/demo and scripts/setup dev, never by the product's install (decision 0021). Without
# it these settings still run the product's own commands; `newsdesk demo` says how to get it.
if find_spec("newsdesk_demo") is not None:
    _after = INSTALLED_APPS.index("newsdesk.frontcache") + 1
    INSTALLED_APPS = [*INSTALLED_APPS[:_after], "newsdesk_demo", *INSTALLED_APPS[_after:]]
