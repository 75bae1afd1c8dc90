"""Local development: `make demo`. SQLite under var/, DEBUG on, a fixed non-secret key."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-phoihop-5d1f240455ce4299-change-me-in-production"  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
ENVIRONMENT = "development"
# runserver serves static files from the app folders; collectstatic is for production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# Fixed, public, development-only keys: never use them for real data.
PHOIHOP_FIELD_KEYS = PHOIHOP_FIELD_KEYS or ["ZGV2LW9ubHktbm90LXNlY3JldC1waG9paG9wLWtleTE="]  # noqa: F405
PHOIHOP_HASH_KEY = PHOIHOP_HASH_KEY or "dev-only-not-secret-phoihop-hash-key-3c9e1f"  # noqa: F405

# `make demo` logins work with a password alone; set PHOIHOP_MFA_REQUIRED=1 to try the second factor.
PHOIHOP_MFA_REQUIRED = env_bool("PHOIHOP_MFA_REQUIRED", default=False)
