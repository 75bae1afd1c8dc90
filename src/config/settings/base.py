"""Settings shared by every environment. dev/test/prod only override; configuration comes from the environment."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[3]
SRC_DIR = BASE_DIR / "src"
VAR_DIR = Path(os.environ.get("PHOIHOP_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "template_partials",
    "django_filters",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "phoihop.core",
    "phoihop.accounts",
    "phoihop.spreadsheets",
    "phoihop.directory",
    "phoihop.planning",
    "phoihop.indicators",
    "phoihop.activities",
    "phoihop.organizing",
    "phoihop.oversight",
    "phoihop.practices",
    "phoihop.housing",
    "phoihop.cases",
    "phoihop.workforce",
    "phoihop.reports",
    "phoihop.dashboard",
    "phoihop.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.routers.ReplicaRequestMiddleware",  # reads may use the replica until the request writes
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "phoihop.accounts.middleware.SessionLifetimeMiddleware",
    "phoihop.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Vary: HX-Request on every HTML answer, so Back never shows a list's bare fragment (core/htmx.py).
    "phoihop.core.htmx.VaryOnHtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "phoihop.core.clientip.AdminNetworkMiddleware",
    "phoihop.core.errorpages.FriendlyNotFoundMiddleware",
    # Cache-Control: no-store on every answer under the paths that hold personal data (core/nostore.py).
    "phoihop.core.nostore.NoStorePersonalDataMiddleware",
    # Query strings, JSON bodies and multipart headers held to safe ranges before any view (core/params.py).
    "phoihop.core.params.EdgeInputMiddleware",
    # A lost database answers 503 with Retry-After, not 500 (core/dbdown.py).
    "phoihop.core.dbdown.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "phoihop" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "phoihop.core.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------
# SQLite under var/ is the embedded default; DATABASE_URL selects PostgreSQL (or another SQLite file).
DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'phoihop.sqlite3'}"


def database_config(url: str) -> dict[str, object]:
    config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # IMMEDIATE: writers queue for the lock instead of failing with "database is locked" mid-transaction.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
    else:
        config["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": database_config(os.environ.get("DATABASE_URL", DEFAULT_SQLITE_URL))}
# A read replica of the primary (streaming replication): list and report reads go there (config/routers.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database_config(os.environ["DATABASE_REPLICA_URL"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and authentication --------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend reading the user with their body (one query fewer per page). A session signed in under Django's
    # own ModelBackend before this setting was changed asks to sign in again once.
    "phoihop.accounts.auth.UserBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Second factor (TOTP app + recovery codes, docs/security.md): required of leaders, the secretariat and
# administrators when on; dev and test settings turn it off so demo logins work with a password alone.
PHOIHOP_MFA_REQUIRED = env_bool("PHOIHOP_MFA_REQUIRED", default=True)
OTP_TOTP_ISSUER = "Phối hợp"

# Idle timeout: the session lives SESSION_IDLE_MINUTES from its last save. A signed-in request saves it at most once
# every SESSION_REFRESH_SECONDS (accounts/middleware.py), not on every request: a read writes nothing, and an idle
# session ends between SESSION_IDLE_MINUTES - 1 minute and SESSION_IDLE_MINUTES after the last request.
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
SESSION_ABSOLUTE_HOURS = int(os.environ.get("SESSION_ABSOLUTE_HOURS", "12"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_REFRESH_SECONDS = 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# django-axes: lock the pair (ip, username) after 5 failures for 15 minutes; log every attempt. Never the address
# alone: behind a shared proxy or a works' NAT, that would lock everyone out with one person's mistakes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_SENSITIVE_PARAMETERS = ["password"]
# The client's address (phoihop.core.clientip): the number of reverse proxies in front of the application that
# append to X-Forwarded-For. 0 = none, the header is ignored. AXES_IPWARE_PROXY_COUNT is read for older set-ups.
PHOIHOP_TRUSTED_PROXY_COUNT = int(
    os.environ.get("PHOIHOP_TRUSTED_PROXY_COUNT", os.environ.get("AXES_IPWARE_PROXY_COUNT", "0")) or "0"
)
AXES_CLIENT_IP_CALLABLE = "phoihop.core.clientip.axes_client_ip"
# The administration site: its path, and the networks (CIDR, comma-separated) it answers; elsewhere it is a 404.
PHOIHOP_ADMIN_URL = os.environ.get("PHOIHOP_ADMIN_URL", "quan-tri/").strip("/") + "/"
PHOIHOP_ADMIN_NETWORKS = env_list("PHOIHOP_ADMIN_NETWORKS")

# --- Internationalisation -----------------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt"))]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [SRC_DIR / "phoihop" / "locale"]

# --- Static files -------------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT: Path | None = VAR_DIR / "static"
STATICFILES_DIRS = [SRC_DIR / "phoihop" / "static"]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "media"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security headers ---------------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Background tasks ---------------------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Shared cache -------------------------------------------------------------------------------------------------
# One table of the database (core.CacheEntry, created by `migrate`), so every process and server of a deployment reads
# and writes the same entries: rendered record lists and API list pages, checked against the data's generations
# (core/cache.py). Nothing is cached per process except compiled templates.
CACHES = {
    "default": {
        "BACKEND": "phoihop.core.cachedb.DatabaseCache",
        "LOCATION": "phoihop_cache",
        "OPTIONS": {"MAX_ENTRIES": 5000, "CULL_FREQUENCY": 4},
    }
}

# --- Application --------------------------------------------------------------------------------------------
ENVIRONMENT = "development"
PAGE_SIZE = 25
NINJA_PAGINATION_PER_PAGE = 50

# --- Personal data of cases (docs/privacy.md) -------------------------------------------------------------------
# Fernet keys, newest first, comma-separated: values are written with the first and read with any of them.
PHOIHOP_FIELD_KEYS = env_list("PHOIHOP_FIELD_KEYS")
# Key of the keyed hashes that let us look up a phone number or count requests per client without storing either.
PHOIHOP_HASH_KEY = os.environ.get("PHOIHOP_HASH_KEY", "")
# Personal fields of a closed case are wiped this many years after closing (`phoihop anonymise_cases`).
CASE_RETENTION_YEARS = int(os.environ.get("CASE_RETENTION_YEARS", "5"))
# Days within which a data subject's correction or erasure request is due.
CASE_DATA_REQUEST_DAYS = int(os.environ.get("CASE_DATA_REQUEST_DAYS", "15"))
# The working calendar of the deadline clock: weekdays (0 = Monday) and working periods in TIME_ZONE.
WORKING_DAYS = [int(day) for day in env_list("WORKING_DAYS", "0,1,2,3,4")]
WORKING_PERIODS = env_list("WORKING_PERIODS", "07:30-11:30,13:30-17:00")
# Public question page (no login): requests per client address per window ("count/minutes"), and body size.
PUBLIC_INTAKE_RATE_LIMIT = os.environ.get("PUBLIC_INTAKE_RATE_LIMIT", "5/60")
PUBLIC_LOOKUP_RATE_LIMIT = os.environ.get("PUBLIC_LOOKUP_RATE_LIMIT", "20/60")
PUBLIC_INTAKE_MAX_BYTES = int(os.environ.get("PUBLIC_INTAKE_MAX_BYTES", "16384"))

# --- Excel import (docs/spreadsheets.md) ---------------------------------------------------------------------------
# A file of more data rows than this is imported by the worker (django-tasks) with a progress bar, not in the request.
PHOIHOP_IMPORT_BACKGROUND_ROWS = int(os.environ.get("PHOIHOP_IMPORT_BACKGROUND_ROWS", "2000"))
# Files kept for a confirmation, an error workbook or a job that never ended are deleted after this many days
# (`phoihop purge_imports`); the import log itself stays.
PHOIHOP_IMPORT_KEEP_DAYS = int(os.environ.get("PHOIHOP_IMPORT_KEEP_DAYS", "7"))
# A running import with no progress for this long is shown as stalled (its worker died, nothing of it was written).
PHOIHOP_IMPORT_STALLED_SECONDS = int(os.environ.get("PHOIHOP_IMPORT_STALLED_SECONDS", "1800"))

# --- Encrypted backups (docs/deployment.md) ----------------------------------------------------------------------
# AES-256 keys, base64, comma-separated: `phoihop backup` writes with the first, `phoihop restore` reads with any.
PHOIHOP_BACKUP_KEYS = env_list("PHOIHOP_BACKUP_KEYS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request lines carry URLs only; personal data never travels in URLs (see docs/privacy.md).
        "django.request": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
