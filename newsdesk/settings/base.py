"""Settings shared by every deployment; everything variable comes from the environment.

Environment:
  NEWSDESK_HOME   folder for the SQLite database, media and static files (default ./var)
  DATABASE_URL    e.g. postgres://user@127.0.0.1:5432/newsdesk (default: SQLite in NEWSDESK_HOME)
  DATABASE_REPLICA_URLS  comma-separated read replicas of DATABASE_URL (default: none)
  DATABASE_STATEMENT_TIMEOUT  seconds a statement may run on PostgreSQL (default: no limit;
                  `newsdesk serve` sets it 5 s below its worker timeout)
  REDIS_URL       e.g. redis://127.0.0.1:6379/0 (default: in-process cache)
  SECRET_KEY      required in production
  ALLOWED_HOSTS   comma-separated
  BASE_URL        public origin used in links that leave the site (admin emails, feeds)
  NEWSDESK_API_RATE          read API requests per client and window (default 300/m)
  NEWSDESK_API_PROXY_COUNT   trusted proxies before the app (default 0; production 1)
  NEWSDESK_WIRE_MAX_BYTES    largest ninjs document a partner may POST (default 1048576)
  NEWSDESK_MISS_RATE    page-cache misses per client and window (default 120/m)
  NEWSDESK_SEARCH_RATE  searches per client and window (default 30/m)
  NEWSDESK_CRAWLER_NETWORKS   search engines' crawler networks, comma-separated CIDRs
                  (default: none); their clients may miss NEWSDESK_CRAWLER_MISS_RATE
                  pages per window instead (default 1200/m)
  NEWSDESK_BEACON_RATE  view beacons counted per client and window (default 120/h)
  NEWSDESK_PAGE_CACHE  0 turns the app's own page cache off (to measure the origin)
  VARNISH_URLS    comma-separated Varnish addresses that accept xkey purges, e.g.
                  http://127.0.0.1:6081; when set, the app's own page cache is off
  EMAIL_URL       smtp://user:password@host:587, smtps://…:465 or console: (default: no mail;
                  password reset is then not offered); DEFAULT_FROM_EMAIL its sender
  NEWSDESK_TWO_FACTOR_ROLES  comma-separated roles that must sign in with a second factor
                  (default: Administrators, Editors, Section editors; "" for none)
  NEWSDESK_SESSION_IDLE_MINUTES   admin inactivity before signing in again (default 30)
  NEWSDESK_SESSION_MAX_HOURS      a session's absolute lifetime (default 12)
  NEWSDESK_WEBAUTHN_RP_ID  the security keys' relying party (default: the admin's host name)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from newsdesk.accounts.mail import is_configured as mail_is_configured
from newsdesk.accounts.mail import settings_from_url
from newsdesk.throttles import Rate, parse_networks

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = Path(os.environ.get("NEWSDESK_HOME", "var")).resolve()

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    # accounts: sign-in, second factors, sessions, the security log (before wagtail.admin:
    # its templates extend the admin's sign-in page)
    "newsdesk.accounts",
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
    # partners' wire copy (ninjs), through the same write path
    "newsdesk.wire",
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
    # Wagtail's users app; its group admin reads a role's name in either language and
    # records collection and page permission changes
    "newsdesk.accounts.users_app.UsersConfig",
    "wagtail.snippets",
    # No wagtail.documents: the newsroom publishes no files but images, and an uploaded
    # document is active content on the site's origin (decision 0027).
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # no models: the admin's "a minute ago" (Wagtail uses its naturaltime) in Ukrainian too
    "django.contrib.humanize",
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
    # a reader's page whose database does not answer: the site's 503, not a 500
    "newsdesk.site.middleware.DatabaseOutageMiddleware",
    # surrogate keys, Last-Modified and the app's page cache; before the session, so a
    # cached page costs no session or user lookup
    "newsdesk.frontcache.middleware.FrontCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # the whole admin request in the editor's language, not only Wagtail's view
    "newsdesk.editorial.middleware.AdminLanguageMiddleware",
    # idle timeout and lifetime of signed-in sessions, the second factor, re-authentication
    "newsdesk.accounts.middleware.AccountSessionMiddleware",
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
    # Connections persist as PostgreSQL's do (decision 0063): opening one per request,
    # with its pragmas and an empty page cache, cost more than rendering a kept article.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        },
    }


def _from_url(url: str, **extra: Any) -> dict[str, Any]:
    config: dict[str, Any] = dict(
        dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True, **extra)
    )
    if config["ENGINE"] != "django.db.backends.postgresql":
        return config
    options = config.setdefault("OPTIONS", {})
    # A stopped server refuses at once; one that accepts and never answers (hung, a host
    # gone from the network) held a worker until gunicorn killed it, and every page with
    # it. libpq gives up after connect_timeout seconds (2 is its floor); the reader gets
    # the site's 503 (decision 0047). A value in the URL (?connect_timeout=5) wins.
    options.setdefault("connect_timeout", 2)
    if STATEMENT_TIMEOUT:
        # Set by `newsdesk serve` below its worker timeout, so that a query that runs away
        # ends with an error the site answers, and not with a killed worker whose query
        # PostgreSQL keeps running. Commands (migrations, imports, reconcile) have none.
        timeout = f"-c statement_timeout={int(STATEMENT_TIMEOUT * 1000)}"
        options["options"] = f"{options.get('options', '')} {timeout}".strip()
    return config


# seconds a web request's SQL statement may run on PostgreSQL (0: no limit)
STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "0"))
DATABASES: dict[str, Any]
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": _from_url(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": _sqlite(HOME / "newsdesk.sqlite3")}

# Read replicas (newsdesk.replicas, docs/decisions/0016): readers' pages read one of them,
# everything else the primary. In tests a replica is a mirror of the test database.
_REPLICA_URLS = [u.strip() for u in os.environ.get("DATABASE_REPLICA_URLS", "").split(",")]
for _number, _url in enumerate(filter(None, _REPLICA_URLS), start=1):
    DATABASES[f"replica_{_number}"] = _from_url(_url, test_options={"MIRROR": "default"})
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
            # django-redis behind a circuit breaker (newsdesk.cache_breaker, decision 0031).
            "BACKEND": "newsdesk.cache_breaker.GuardedRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {
                # A Redis outage degrades to rendering, never to an error page.
                "IGNORE_EXCEPTIONS": True,
                # Redis answers in well under a millisecond on the same network; a hung one
                # costs a page at most this once, then the breaker skips it for a while.
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
                "BREAKER_SECONDS": 5,
                # Meanwhile each worker keeps its own pages and counts this long (0061).
                "STANDBY_SECONDS": 10,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    # The breaker logs an outage once when it opens; django-redis would log every call.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
else:
    # Room for the pages, fragments and key stamps of the embedded page cache (Django's
    # default of 300 entries would cull stamps and turn every hit into a miss).
    CACHES = {
        "default": {
            # LocMemCache reading many keys in one pass (newsdesk.local_cache).
            "BACKEND": "newsdesk.local_cache.LocalCache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

# Wagtail runs its own small jobs (search index updates) through django-tasks; they run in
# the request until a queue backend is needed. Scheduled publishing is a clock, not a task:
# `newsdesk manage publish_due --loop`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: two editions, Ukrainian first. Times are stored in UTC and
# shown in Kyiv time in both editions and in the admin.
LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", "Українська"), ("en", "English")]
# Our strings first, then Wagtail's and Django's admin strings their own Ukrainian
# catalogues lack (decision 0049).
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale" / "upstream"]
TIME_ZONE = "Europe/Kyiv"
# Day before month and 24-hour time in both languages (Django's English is American).
FORMAT_MODULE_PATH = ["newsdesk.formats"]
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_USER_TIME_ZONES = ["Europe/Kyiv"]
WAGTAIL_SITE_NAME = "Newsdesk"
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: each admin page would tell it which editor is signed in (a hash
# of their address), and the admin's CSP loads images from our own origin only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS: list[
    dict
] = []  # no network calls from the admin; our embed block allow-lists
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Uploads are bounded before anything is decoded (docs/security.md, "Image limits"): 40
# megapixels (width x height x frames) decode to at most 160 MB (RGBA), and Pillow refuses
# to open more than twice that (newsdesk.articles.renditions). Renditions are made at upload.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "newsdesk.editorial.images.ImageForm"

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = HOME / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "wagtailadmin_login"
# One sign-in form: Wagtail's public one for private pages leads to the admin's.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"

# Accounts (newsdesk.accounts, decision 0029): every sign-in passes the throttle, whatever
# form asks; the admin's form says why it refuses.
AUTHENTICATION_BACKENDS = ["newsdesk.accounts.backends.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "newsdesk.accounts.forms.LoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "newsdesk.accounts.forms.PasswordResetForm"  # noqa: S105
NEWSDESK_LOGIN_FAILURES_PER_ACCOUNT = 5
NEWSDESK_LOGIN_FAILURES_PER_CLIENT = 20
NEWSDESK_LOGIN_WINDOW_SECONDS = 15 * 60
NEWSDESK_LOGIN_FAILURE_DELAY_SECONDS = 1.0
# Roles (editorial.roles) whose members must give a second factor; superusers count as
# Administrators. Anyone who has set one up is asked for it whatever their role.
NEWSDESK_TWO_FACTOR_ROLES = [
    role.strip()
    for role in os.environ.get(
        "NEWSDESK_TWO_FACTOR_ROLES", "Administrators,Editors,Section editors"
    ).split(",")
    if role.strip()
]
OTP_TOTP_ISSUER = "Newsdesk"
NEWSDESK_WEBAUTHN_RP_ID = os.environ.get("NEWSDESK_WEBAUTHN_RP_ID", "")
# Sessions: signed out after this much inactivity in the admin, and this long after signing
# in whatever the activity; changes to users and groups ask for the password or a code
# given within the last NEWSDESK_REAUTHENTICATE_MINUTES.
NEWSDESK_SESSION_IDLE_MINUTES = int(os.environ.get("NEWSDESK_SESSION_IDLE_MINUTES", "30"))
NEWSDESK_SESSION_MAX_HOURS = int(os.environ.get("NEWSDESK_SESSION_MAX_HOURS", "12"))
NEWSDESK_REAUTHENTICATE_MINUTES = 10
SESSION_COOKIE_AGE = NEWSDESK_SESSION_MAX_HOURS * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Mail (review notifications, password reset) from EMAIL_URL; without it no mail is sent,
# nothing is logged as an error, and password reset is not offered.
_MAIL = settings_from_url(os.environ.get("EMAIL_URL", ""))
EMAIL_BACKEND = _MAIL["EMAIL_BACKEND"]
EMAIL_HOST = _MAIL.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _MAIL.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _MAIL.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _MAIL.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _MAIL.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _MAIL.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = _MAIL.get("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsdesk@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAIL_PASSWORD_RESET_ENABLED = mail_is_configured(EMAIL_BACKEND)

# Editorial policy knobs.
NEWSDESK_FEED_PAGE_SIZE = 30
NEWSDESK_LATE_PUBLISH_TOLERANCE_SECONDS = 60
# The scheduler counts as late when its last tick is older than this, or than two of its
# intervals if longer: the dashboard warns editors and /health says so (decision 0035).
NEWSDESK_SCHEDULER_LATE_SECONDS = 120
# Trashed articles and stories are deleted for good this many days after they were trashed,
# by the scheduler's loop or `newsdesk manage purge_trash` (decision 0034).
NEWSDESK_TRASH_RETENTION_DAYS = int(os.environ.get("NEWSDESK_TRASH_RETENTION_DAYS", "30"))
# How often an open live page asks for new updates, until the desk sets another interval
# in the admin (Newsroom, Live coverage settings).
NEWSDESK_LIVE_POLL_SECONDS = 10
# Read API: requests per client address and window ("300/m"; s, m, h or d), and how many
# trusted proxies (Varnish, a load balancer) stand before the app: the client address is
# then read from their X-Forwarded-For entries.
NEWSDESK_API_RATE = os.environ.get("NEWSDESK_API_RATE", "300/m")
NEWSDESK_API_PROXY_COUNT = int(os.environ.get("NEWSDESK_API_PROXY_COUNT", "0"))
# The largest ninjs document a wire partner may POST (decision 0053); the API's rate limit
# counts the wire's requests too.
NEWSDESK_WIRE_MAX_BYTES = int(os.environ.get("NEWSDESK_WIRE_MAX_BYTES", str(1024 * 1024)))
# What one client may cost the origin (decision 0031), counted per client address as the
# API's quota is; the VCL holds the same numbers at the edge. A reader who follows links
# misses a few pages a minute; a script that makes up addresses or searches is stopped.
NEWSDESK_MISS_RATE = os.environ.get("NEWSDESK_MISS_RATE", "120/m")
NEWSDESK_SEARCH_RATE = os.environ.get("NEWSDESK_SEARCH_RATE", "30/m")
# A search engine's crawler walks the whole archive from a few addresses, each past a
# reader's budget; a 429 slows it, and pages it keeps failing drop out of its index. The
# networks its operator publishes (Google's and Bing's crawler address lists) get a budget of
# their own, per address (decision 0060). Chosen by address only: a user agent is anyone's.
NEWSDESK_CRAWLER_NETWORKS = os.environ.get("NEWSDESK_CRAWLER_NETWORKS", "")
NEWSDESK_CRAWLER_MISS_RATE = os.environ.get("NEWSDESK_CRAWLER_MISS_RATE", "1200/m")
try:
    parse_networks(NEWSDESK_CRAWLER_NETWORKS, setting="NEWSDESK_CRAWLER_NETWORKS")
    Rate.parse(NEWSDESK_CRAWLER_MISS_RATE, setting="NEWSDESK_CRAWLER_MISS_RATE")
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None
# View beacons counted per client (decision 0032): more articles than anyone reads in an
# hour; past it, beacons are answered as usual and not counted.
NEWSDESK_BEACON_RATE = os.environ.get("NEWSDESK_BEACON_RATE", "120/h")
# The page a refused reader gets (429), named as Django names its error handlers.
NEWSDESK_THROTTLED_VIEW = "newsdesk.site.views.too_many_requests"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"newsdesk": {"level": "INFO"}},
    # newsdesk.security: one line per security event (newsdesk.accounts.security_log);
    # production ships the console off the machine, where no account of the site reaches.
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
