"""Settings shared by every deployment; everything variable comes from the environment.

Environment:
  NEWSDESK_HOME   folder for the SQLite database, media and static files (default ./var)
  DATABASE_URL    e.g. postgres://user@127.0.0.1:5432/newsdesk (default: SQLite in NEWSDESK_HOME)
  DATABASE_REPLICA_URLS  comma-separated read replicas of DATABASE_URL (default: none)
  REDIS_URL       e.g. redis://127.0.0.1:6379/0 (default: in-process cache)
  SECRET_KEY      required in production
  ALLOWED_HOSTS   comma-separated
  BASE_URL        public origin used in links that leave the site (admin emails, feeds)
  NEWSDESK_API_RATE          read API requests per client and window (default 300/m)
  NEWSDESK_API_PROXY_COUNT   trusted proxies before the app (default 0; production 1)
  NEWSDESK_PAGE_CACHE  0 turns the app's own page cache off (to measure the origin)
  VARNISH_URLS    comma-separated Varnish addresses that accept xkey purges, e.g.
                  http://127.0.0.1:6081; when set, the app's own page cache is off
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = Path(os.environ.get("NEWSDESK_HOME", "var")).resolve()

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    # content
    "newsdesk.sections",
    "newsdesk.taxonomy",
    "newsdesk.people",
    "newsdesk.stories",
    "newsdesk.articles",
    "newsdesk.live",
    "newsdesk.fronts",
    "newsdesk.breaking",
    # editorial and publishing
    "newsdesk.editorial",
    "newsdesk.publishing",
    # moving a newsroom in: importers that write through publishing
    "newsdesk.transfer",
    # outputs
    "newsdesk.site",
    "newsdesk.syndication",
    "newsdesk.search",
    "newsdesk.readership",
    "newsdesk.api",
    # last of the outputs: its receivers purge after the others have refreshed
    "newsdesk.frontcache",
    # Wagtail
    # "Translate" on snippets: copies an item into the other edition as a draft
    # (newsdesk.editorial.translation makes the copy safe to edit).
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip / Brotli for readers, outside the ETags and the page cache (decision 0025)
    "newsdesk.compression.CompressionMiddleware",
    # CORS and the rate limit on every /api/ answer: page-cache hits and 304s included
    "newsdesk.api.middleware.ApiPolicyMiddleware",
    # ETag on every GET, and 304 for If-None-Match / If-Modified-Since (also on cache hits)
    "django.middleware.http.ConditionalGetMiddleware",
    "newsdesk.site.middleware.EditionMiddleware",
    "newsdesk.site.middleware.SecurityHeadersMiddleware",
    # surrogate keys, Last-Modified and the app's page cache; before the session, so a
    # cached page costs no session or user lookup
    "newsdesk.frontcache.middleware.FrontCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"
WSGI_APPLICATION = "newsdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsdesk.site.context_processors.reader",
            ],
        },
    },
]


def _sqlite(path: Path) -> dict:
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock at
    # BEGIN so two writers queue on the busy timeout instead of failing mid-transaction.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        },
    }


DATABASES: dict[str, Any]
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=600, conn_health_checks=True
        )
    }
else:
    DATABASES = {"default": _sqlite(HOME / "newsdesk.sqlite3")}

# Read replicas (newsdesk.replicas, docs/decisions/0016): readers' pages read one of them,
# everything else the primary. In tests a replica is a mirror of the test database.
_REPLICA_URLS = [u.strip() for u in os.environ.get("DATABASE_REPLICA_URLS", "").split(",")]
for _number, _url in enumerate(filter(None, _REPLICA_URLS), start=1):
    DATABASES[f"replica_{_number}"] = dj_database_url.parse(
        _url, conn_max_age=600, conn_health_checks=True, test_options={"MIRROR": "default"}
    )
if any(_REPLICA_URLS):
    DATABASE_ROUTERS = ["newsdesk.replicas.ReplicaRouter"]
    # After the page cache (a hit reads no database), before anything that reads one.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "newsdesk.replicas.ReplicaMiddleware",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {
                # A Redis outage degrades to rendering, never to an error page.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # Room for the pages, fragments and key stamps of the embedded page cache (Django's
    # default of 300 entries would cull stamps and turn every hit into a miss).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

# Wagtail runs its own small jobs (search index updates) through django-tasks; they run in
# the request until a queue backend is needed. Scheduled publishing is a clock, not a task:
# `newsdesk manage publish_due --loop`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: two editions, Ukrainian first. Times are stored in UTC and
# shown in Kyiv time in both editions and in the admin.
LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", "Українська"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Kyiv"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_USER_TIME_ZONES = ["Europe/Kyiv"]
WAGTAIL_SITE_NAME = "Newsdesk"
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS: list[
    dict
] = []  # no network calls from the admin; our embed block allow-lists
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = HOME / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "wagtailadmin_login"

# Editorial policy knobs.
NEWSDESK_FEED_PAGE_SIZE = 30
NEWSDESK_LATE_PUBLISH_TOLERANCE_SECONDS = 60
# How often an open live page asks for new updates, until the desk sets another interval
# in the admin (Newsroom, Live coverage settings).
NEWSDESK_LIVE_POLL_SECONDS = 10
# Read API: requests per client address and window ("300/m"; s, m, h or d), and how many
# trusted proxies (Varnish, a load balancer) stand before the app: the client address is
# then read from their X-Forwarded-For entries.
NEWSDESK_API_RATE = os.environ.get("NEWSDESK_API_RATE", "300/m")
NEWSDESK_API_PROXY_COUNT = int(os.environ.get("NEWSDESK_API_PROXY_COUNT", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"newsdesk": {"level": "INFO"}},
}

# The front cache (newsdesk.frontcache, decision 0015). Each entry: {"BACKEND": dotted path
# of a newsdesk.frontcache.backends.FrontCache, "OPTIONS": {...}}. With Varnish in front, it
# caches the pages; without, the app keeps them itself (NEWSDESK_PAGE_CACHE).
VARNISH_URLS = [u for u in os.environ.get("VARNISH_URLS", "").split(",") if u]
NEWSDESK_FRONT_CACHES: list[dict[str, Any]] = (
    [{"BACKEND": "newsdesk.frontcache.backends.Varnish", "OPTIONS": {"urls": VARNISH_URLS}}]
    if VARNISH_URLS
    else []
)
NEWSDESK_PAGE_CACHE = not VARNISH_URLS and os.environ.get("NEWSDESK_PAGE_CACHE", "1") == "1"
