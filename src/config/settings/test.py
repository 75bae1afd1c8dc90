"""Tests: SQLite by default, PostgreSQL when DATABASE_URL is set; fast hashing; tasks run immediately."""

import os

from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-phoihop-7f3b0a9c2e514d6f8a1b2c3d4e5f6a7b8c9d0e1f"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
if "DATABASE_URL" not in os.environ:
    # An in-memory database per test run keeps var/ untouched.
    DATABASES = {"default": database_config("sqlite://:memory:")}  # noqa: F405
ENVIRONMENT = "test"
# Static files come from the finders; nothing is collected in tests.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# Fixed, public, test-only keys (tests that rotate keys override them).
PHOIHOP_FIELD_KEYS = ["dGVzdC1vbmx5LW5vdC1zZWNyZXQtcGhvaWhvcC1rMDE="]
PHOIHOP_HASH_KEY = "test-only-not-secret-phoihop-hash-key-8d2a7b"
# Off, so tests sign in with force_login; the second-factor tests turn it on.
PHOIHOP_MFA_REQUIRED = False
