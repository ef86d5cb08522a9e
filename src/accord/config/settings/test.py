"""The test suite: fast hashing, in-memory e-mail, no lockout noise between tests."""

from __future__ import annotations

import os

from accord.config import env
from accord.config.settings.base import *  # noqa: F403
from accord.config.settings.base import VAR_DIR, development_secret

DEBUG = False
SECRET_KEY = development_secret("test")
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A browser test's server runs in a process of its own: it writes mail where the test reads.
if _mail_dir := os.environ.get("ACCORD_TEST_MAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = _mail_dir
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # served from the apps' folders; collectstatic is for production
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A file, not :memory:: the browser tests' live server runs in another thread/process.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # One file per test process, so two test runs on one machine never share a database.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(VAR_DIR / f"test-accord-{os.getpid()}.sqlite3")
    }
MEDIA_ROOT = VAR_DIR / "test-media"
AXES_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5, minimum=1)
