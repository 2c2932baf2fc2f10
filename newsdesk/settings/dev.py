"""The embedded demo: SQLite and the in-process cache.

DEBUG stays off so that error pages look as readers see them.
"""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

SECRET_KEY = SECRET_KEY or "demo-only-not-secret"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
DEBUG = False
# The demo serves static files from the apps' own folders (no collectstatic step).
WHITENOISE_AUTOREFRESH = True
