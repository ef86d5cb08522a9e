"""Production: everything `manage.py check --deploy` asks for, and no insecure fallback."""

from __future__ import annotations

from accord.config import env
from accord.config.settings.base import *  # noqa: F403
from accord.config.settings.base import AUDIT_SIGNING_KEY

DEBUG = env.boolean("DEBUG", False)
if DEBUG:
    raise env.SettingError(
        "DEBUG: must be off with production settings (use accord.config.settings.dev)"
    )
_secret = env.raw("SECRET_KEY")
if _secret is None or len(_secret) < 50 or len(set(_secret)) < 5:
    raise env.SettingError("SECRET_KEY: required in production, at least 50 random characters")
SECRET_KEY = _secret
if AUDIT_SIGNING_KEY is None:
    raise env.SettingError(
        "AUDIT_SIGNING_KEY: required in production (base64 of a 32-byte Ed25519 private key; "
        "`accord audit keygen` prints one)"
    )

SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
# Behind a TLS-terminating proxy, trust its header so redirects and secure cookies work.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.boolean("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
