"""Wijkportaal settings: one file, every value from the environment (see `.env.example`).

Production is the default. `make run` writes a local `.env` with `DEBUG=true` and SQLite.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    SITE_ERROR_PAGES=(bool, False),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_REPLICA_URL=(str, ""),
    DATABASE_REPLICA_PIN_SECONDS=(int, 10),
    REDIS_URL=(str, ""),
    MEDIA_S3_BUCKET=(str, ""),
    MEDIA_S3_ENDPOINT_URL=(str, ""),
    MEDIA_S3_REGION=(str, ""),
    MEDIA_S3_ACCESS_KEY_ID=(str, ""),
    MEDIA_S3_SECRET_ACCESS_KEY=(str, ""),
    MEDIA_S3_CUSTOM_DOMAIN=(str, ""),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Wijkportaal <noreply@wijkportaal.example>"),
    BASE_URL=(str, "http://127.0.0.1:8000"),
    EMAIL_FILE_PATH=(str, ""),
    TRUSTED_PROXY_COUNT=(int, 0),
    FRONTEND_CACHE_PURGE_URL=(str, ""),
    MEDIA_ROOT=(str, ""),
)
environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY to a long random string (see .env.example).")
DEBUG = env("DEBUG")
# With DEBUG: the site's own Dutch 404 and 500 pages instead of Django's debug pages
# (wijkportaal/errors.py). Without DEBUG they are always the site's own.
SITE_ERROR_PAGES = env("SITE_ERROR_PAGES")
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or (["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")
BASE_URL = env("BASE_URL").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

# SQLite is only a default for development; production must name its database.
if DEBUG:
    DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
else:
    DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Optional: a PostgreSQL streaming replica of `default`. Visitors' and members' page, listing and
# search reads go to it; writes, and a reader's reads for a while after their own write, go to
# the primary (wijkportaal/replica.py). Without it everything uses `default`.
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].setdefault("CONN_MAX_AGE", DATABASES["default"]["CONN_MAX_AGE"])
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    # A replica that does not answer costs a request at most this, then is left alone a while.
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    # The test runner makes no database for it: in tests it is another name for `default`.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["wijkportaal.replica.ReplicaRouter"]
# How long (seconds) a reader who wrote reads from the primary, and so does whatever is built
# for a cache under a version retired that recently: longer than the replica's usual lag.
DATABASE_REPLICA_PIN_SECONDS = env("DATABASE_REPLICA_PIN_SECONDS")
if DATABASE_REPLICA_PIN_SECONDS < 0:
    raise ImproperlyConfigured("DATABASE_REPLICA_PIN_SECONDS is a number of seconds: 0 or more.")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "accounts",
    "articles",
    "search",
    "pagecache",
    "personal",
    "readinglists",
    "follows",
    "emails",
    "demo",
    "wijkportaal",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app, with a users list that leaves out the members (articles.admin_views).
    "articles.admin_apps.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # With a replica: whether this request's reads may go to it, and the pin cookie after a write
    # (wijkportaal/replica.py). Before everything that reads the database (the page caches,
    # sessions) and around the session middleware, so a session saved on the way out counts as
    # the request's write; after whitenoise, whose static files never reach the database.
    # Without a replica it takes itself out.
    "wijkportaal.replica.ReplicaReadsMiddleware",
    # Counts searches, also those the page cache answers (search.terms).
    "search.middleware.SearchCountMiddleware",
    # A visitor's page is stored with the headers the middleware below adds (CSP,
    # Permissions-Policy), so a hit runs none of it (pagecache.middleware).
    "pagecache.middleware.VisitorPageCacheMiddleware",
    "wijkportaal.csp.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wijkportaal.errors.SiteErrorPagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "pagecache.middleware.SharedPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "wijkportaal.urls"
WSGI_APPLICATION = "wijkportaal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "personal.slots.csrf_token",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# static/vendor/ holds the built NL Design System CSS (`make vendor`), so `make run` needs no npm.
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT") or BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Without a bucket the app serves uploaded images from MEDIA_ROOT itself (wijkportaal.views.media).
MEDIA_SERVE = True
# Uploaded images and documents on S3-compatible storage (AWS, MinIO, Scaleway, ...), so every
# host serves the same files: set the bucket, and the endpoint for anything but AWS.
MEDIA_S3_BUCKET = env("MEDIA_S3_BUCKET")
if MEDIA_S3_BUCKET:
    MEDIA_SERVE = False
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env("MEDIA_S3_REGION") or None,
            "access_key": env("MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": env("MEDIA_S3_SECRET_ACCESS_KEY"),
            "custom_domain": env("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,  # public images: stable URLs that caches can keep
            "file_overwrite": False,
        },
    }

# Two caches (wijkportaal/cache.py). `default`, in the database, holds what a flood or an
# outage must not take: allauth's rate limits and their locks. `pages` holds what can be
# rebuilt at any time: rendered pages, cards, members' state and copies of sessions; in Redis
# when REDIS_URL is set (which answers within a quarter second or is left alone for a while),
# otherwise in a table of its own, so its culling never reaches the rate limits. Both tables
# are made by `migrate` (accounts' migrations) and `createcachetable`.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "wijkportaal_cache",
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "wijkportaal_page_cache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}
# Sessions live in the database with the member each one is logged in as (accounts.sessions), so
# ending a member's sessions reads no one else's.
SESSION_ENGINE = "accounts.sessions.db"
if env("REDIS_URL"):
    CACHES["pages"] = {
        "BACKEND": "wijkportaal.cache.TolerantRedisCache",
        "LOCATION": env("REDIS_URL"),
    }
    # Sessions live in the database and are read through Redis: members stay logged in while
    # Redis is down, and a member's sessions can be found to end them.
    SESSION_ENGINE = "accounts.sessions.cached_db"
    SESSION_CACHE_ALIAS = "pages"
# A shared render that reads the reader's session or CSRF token (a bug) raises instead of being
# logged and rendered for the reader (pagecache.middleware); on in the tests.
SHARED_RENDER_STRICT = False
# Keep each article and event card in the cache (articles.cards). Only worth it with a cache
# that writes many keys at once: the database cache writes them one by one.
CARD_CACHE = bool(env("REDIS_URL"))

_email = env.email_url("EMAIL_URL")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
# EMAIL_FILE_PATH writes every mail as a file into that directory instead (browser tests read them).
if env("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: strict by default; `DEBUG` only relaxes what a local http server cannot do.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS (default on, off with DEBUG): the site is served over TLS, so redirect http and mark
# cookies secure. Only a local stack without a TLS proxy (docker compose on a laptop) turns it off.
HTTPS = env.bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Scripts and styles only from our own files: no inline code, no nonces (pages are cached for
# visitors, so a nonce would be shared). The Wagtail admin relaxes this (wijkportaal/csp.py).
_MEDIA_ORIGINS = []
if MEDIA_S3_BUCKET:
    _MEDIA_ORIGINS = [
        f"https://{env('MEDIA_S3_CUSTOM_DOMAIN')}"
        if env("MEDIA_S3_CUSTOM_DOMAIN")
        else env("MEDIA_S3_ENDPOINT_URL") or f"https://{MEDIA_S3_BUCKET}.s3.amazonaws.com"
    ]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The design system's CSS draws a few icons as data: SVGs; images may come from S3.
        "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
        "font-src": [SELF],
        # Video players (articles.blocks.VideoBlock), framed only once the reader presses play.
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        # Not 'none': Wagtail's preview shows pages in a frame of the admin.
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a decision for the operator of the domain, not for the code.
    "security.W021",
    # SAMEORIGIN, not DENY: Wagtail's page preview shows the site in a frame of the admin.
    "security.W019",
]

# Accounts: django-allauth, e-mail only, confirmed by link; the Wagtail admin logs in through it.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Each says what to fill in when a field is empty; the sign-up form also does the same work for
# known addresses (accounts.forms).
ACCOUNT_FORMS = {
    "add_email": "accounts.forms.AddEmailForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "confirm_login_code": "accounts.forms.ConfirmLoginCodeForm",
    "login": "accounts.forms.LoginForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
    "request_login_code": "accounts.forms.RequestLoginCodeForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "set_password": "accounts.forms.SetPasswordForm",
    "signup": "accounts.forms.SignupForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming the address in the browser that signed up logs the new member in and brings them
# back to where they were (their `next`, with a pending intent done: accounts.intents).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Wijkportaal: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = urlsplit(BASE_URL).scheme or "https"
# allauth's defaults, pinned: after 5 failed logins for one address (10 a minute per IP address)
# every attempt is refused for 5 minutes, the right password included.
# Ours: "intent" bounds the sessions a visitor's button creates (accounts.intents) per address.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "intent": "20/m/ip,200/h/ip"}
# Client addresses (for the limits per IP address) come from X-Forwarded-For only when this many
# proxies in front of the app each append to it (accounts.adapter.AccountAdapter.get_client_ip);
# with 0 every request counts as coming from its direct peer.
ALLAUTH_TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
if ALLAUTH_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT is the number of proxies: 0 or more.")
WAGTAILADMIN_LOGIN_URL = "account_login"
# Pages for members only send visitors to the same login (Wagtail's own form has no rate limits).
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Background work (Wagtail's own tasks, mail) goes through django-tasks. In production the
# database backend queues it for the worker (`manage.py db_worker`); with DEBUG it runs at once.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if DEBUG
        else "django_tasks_db.DatabaseBackend"
    }
}

# Varnish in front (docker compose, deploy/varnish): every change to what visitors see bans the
# pages it keeps, queued for the worker through wagtail.contrib.frontend_cache (pagecache.edge).
# FRONTEND_CACHE_PURGE_URL is its purge listener; without it nothing is purged or queued.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "pagecache.edge.VarnishBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }

# The periodic jobs `manage.py run_schedule` runs (the compose worker, `make run`): a command line
# and its interval in seconds. Each is safe to run again and after a crash.
SCHEDULE = {
    "publish_scheduled": 60,
    "send_digests --queue": 60 * 60,
    # Mail that failed (or that a worker died sending) is retried when due (emails.services).
    "send_queued_mail": 60,
    # Expired sessions (visitors' intents last as long as a session) are removed once a day.
    "clearsessions": 24 * 60 * 60,
    # Search counts older than a year are removed (search.terms); each web process stores its
    # own counts every minute, so there is nothing to flush here.
    "prune_search_terms": 24 * 60 * 60,
    # The words "Bedoelde je …?" offers, made anew from the public pages (search.spelling).
    "refresh_search_words": 24 * 60 * 60,
    # Invitations to shared lists that ended a month ago go, with the addresses they hold.
    "prune_shared_invitations": 24 * 60 * 60,
}
if TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
    # The worker's finished tasks (one per mail) are kept 14 days.
    SCHEDULE["prune_db_task_results"] = 24 * 60 * 60

WAGTAIL_SITE_NAME = "Wijkportaal"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {
    # On PostgreSQL: Dutch stemming and stop words (run `manage.py update_index` after a change).
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
}
# Documents: PDF, DOCX and ODT only, checked by their content too, up to 50 MB (articles.documents).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt"]
DOCUMENT_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "articles.admin_views.DocumentForm"
# Every download passes the app's rule for documents on restricted pages, also with S3 storage
# (Wagtail would otherwise redirect to the bucket's address).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No Gravatar: a request to a third party that the CSP's img-src blocks; Wagtail's own avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
