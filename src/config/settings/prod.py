"""Production: everything from the environment; refuses to start without a real secret key and hosts."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of at least 50 characters.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set.")
if not PHOIHOP_FIELD_KEYS:  # noqa: F405
    raise ImproperlyConfigured("PHOIHOP_FIELD_KEYS must be set: personal fields of cases are encrypted at rest.")
if len(PHOIHOP_HASH_KEY) < 32:  # noqa: F405
    raise ImproperlyConfigured("PHOIHOP_HASH_KEY must be set to a random string of at least 32 characters.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if env_bool("BEHIND_TLS_PROXY"):
    # Only behind a proxy that strips and sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
ENVIRONMENT = "production"
# Leaders, the secretariat and administrators sign in with a second factor (docs/security.md).
PHOIHOP_MFA_REQUIRED = env_bool("PHOIHOP_MFA_REQUIRED", default=True)
