"""Settings for the statement archive, read from the environment.

Production is the default: DEBUG off, and the server refuses to start without
a real SECRET_KEY; HTTPS, HSTS, secure cookies and a Content-Security-Policy
are on, so ``manage.py check --deploy`` is clean once the hosts are given.
``DJANGO_ENV=development`` (which ``manage.py`` sets unless told otherwise)
turns DEBUG on and allows the development key: SQLite in the project folder,
nothing else needed.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DJANGO_ENV = os.environ.get("DJANGO_ENV", "production").strip().lower()
DEBUG = env_bool("DEBUG", DJANGO_ENV == "development")

DEV_SECRET_KEY = "django-insecure-local-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and (SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "statements.apps.ArchiveAdminConfig",  # django.contrib.admin with the editors' desk
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "csp",
    "simple_history",
    "axes",
    "ninja",
    "corsheaders",
    "statements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "archive.middleware.RequestLogMiddleware",
    "archive.middleware.DatabaseUnavailableMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "statements.middleware.ReadOnlyPublicMiddleware",
    "statements.middleware.ApiHeadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it inspects the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Throttles password guessing: lock out after AXES_FAILURE_LIMIT failures.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one account from one address lock that pair for 15
# minutes; 20 from one address, whatever the accounts, lock the address for an
# hour. Nobody elsewhere can lock an editor out (archive/login_throttle.py).
AXES_HANDLER = "archive.login_throttle.AccountAndAddressHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_ACCOUNT_COOLOFF_MINUTES = 15
AXES_COOLOFF_TIME = 1  # hours: the per-address lockout, and how long failures are kept
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_ENABLED = env_bool("AXES_ENABLED", True)

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL: readers never wait for an import. IMMEDIATE: a writer takes the write
    # lock when its transaction begins and waits up to `timeout` seconds for it,
    # instead of failing with "database is locked" halfway through.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
    )
    # The event page's covering index (statement_public_cover_idx) carries its
    # extra columns on PostgreSQL only; SQLite's table is already ordered by id.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"

# Public list pages
STATEMENTS_PER_PAGE = int(os.environ.get("STATEMENTS_PER_PAGE", "25"))

# Public read API (statements/api): anyone may read it from a browser on another site.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/min")  # per client address
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Import jobs (statements/jobs): Celery workers share them through Redis.
# Without CELERY_BROKER_URL nothing needs Redis: the command imports in-process
# and the admin imports small uploads directly.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ACKS_LATE = True  # a task is acknowledged when it has finished...
CELERY_TASK_REJECT_ON_WORKER_LOST = True  # ...and re-queued when its worker died
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # long tasks: each worker takes one at a time
CELERY_TASK_IGNORE_RESULT = True  # progress lives in the database, not the result backend
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "imports")
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A task whose whole worker machine vanished is handed out again after this.
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # keep the JSON log lines
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True  # a worker waits for Redis to come up
# Uploaded files wait here for the workers: a folder every web server and worker sees.
IMPORT_JOB_ROOT = Path(os.environ.get("IMPORT_JOB_ROOT", BASE_DIR / "var" / "imports"))
IMPORT_JOB_JSONL_CHUNK = int(os.environ.get("IMPORT_JOB_JSONL_CHUNK", "200"))  # lines per task
IMPORT_JOB_STALL_SECONDS = int(os.environ.get("IMPORT_JOB_STALL_SECONDS", "900"))
# Without a broker the admin imports an upload inside the request up to this size.
IMPORT_DIRECT_MAX_FILES = int(os.environ.get("IMPORT_DIRECT_MAX_FILES", "20"))
IMPORT_DIRECT_MAX_BYTES = int(os.environ.get("IMPORT_DIRECT_MAX_BYTES", str(5 * 1024 * 1024)))

# The public pages' cache (archive/page_cache.py): in Redis when REDIS_URL is set (every
# server shares it), else in files on this machine (its processes share them) when DEBUG
# is off. PAGE_CACHE=off turns it off; development never caches.
REDIS_URL = os.environ.get("REDIS_URL", "")
PAGE_CACHE = env_bool("PAGE_CACHE", not DEBUG)
PAGE_CACHE_DIR = Path(os.environ.get("PAGE_CACHE_DIR", BASE_DIR / "var" / "cache" / "pages"))
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL},
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
            "KEY_FUNCTION": "archive.page_cache.make_key",
        },
    }
elif PAGE_CACHE:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(PAGE_CACHE_DIR),
            "KEY_FUNCTION": "archive.page_cache.make_key",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
if PAGE_CACHE:
    CACHE_MIDDLEWARE_ALIAS = "pages"
    CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
    # Browsers keep a page this long (the server's copy goes at the first change).
    PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
    MIDDLEWARE = [
        "archive.page_cache.UpdateCacheMiddleware",
        *MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]

# Read replicas for the public pages (archive/db_router.py).
DATABASE_REPLICAS = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    alias = f"replica{number}"
    DATABASES[alias] = dj_database_url.parse(url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"])
    DATABASES[alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(alias)
DATABASE_ROUTERS = ["archive.db_router.ReplicaRouter"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("archive.middleware.RequestLogMiddleware") + 1,
    "archive.db_router.ReplicaReadsMiddleware",
)

# Headers that cost nothing in development either.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts and styles only from our own origin: no inline scripts, no eval.
# Inline style attributes stay allowed (the admin uses them).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Sessions end after a working day, or when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# A file larger than this is not read further (archive/uploads.py); the admin
# upload names it and imports nothing until it is left out.
ARCHIVE_UPLOAD_MAX_BYTES = int(os.environ.get("ARCHIVE_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
FILE_UPLOAD_HANDLERS = [
    "archive.uploads.SizeLimitUploadHandler",  # stops reading a file past the limit
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

if not DEBUG:
    # HTTPS: on by default in production; SECURE_SSL_REDIRECT=false behind a proxy that does it.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers check over plain HTTP
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One JSON object a line (archive/logging.py); LOG_FORMAT=text for plain lines.
    "formatters": {"json": {"()": "archive.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({} if os.environ.get("LOG_FORMAT") == "text" else {"formatter": "json"}),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # pypdf logs every repair it attempts on a damaged file; the import report
        # already names the file that failed and why.
        "pypdf": {"level": "ERROR"},
        # One line per request and per import task.
        "archive.request": {"level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")},
        "statements.jobs": {"level": "INFO"},
    },
}
