"""The embedded demo: SQLite, in-process cache, DEBUG off so error pages look as readers see them."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

SECRET_KEY = SECRET_KEY or "demo-only-not-secret"  # noqa: S105 - the demo is local by design
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
DEBUG = False
