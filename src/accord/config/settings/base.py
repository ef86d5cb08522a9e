"""Settings shared by every environment, read from the environment with safe defaults.

See the README's configuration table for each variable.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from accord.config import env

BASE_DIR = Path(__file__).resolve().parents[2]  # src/accord
VAR_DIR = Path(env.raw("ACCORD_VAR_DIR") or Path.cwd() / "var")

DEBUG = env.boolean("DEBUG", False)
SECRET_KEY = env.raw("SECRET_KEY") or ""
ALLOWED_HOSTS = env.string_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.string_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "channels",
    "ninja",  # serves its bundled Swagger UI (no CDN)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "accord.core",
    "accord.accounts",
    "accord.audit",
    "accord.realtime",
    "accord.cases",
    "accord.rooms",
    "accord.safety",
    "accord.bargaining",
    "accord.agreements",
    "accord.arbitration",
    "accord.notifications",
    "accord.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After authentication: a signed-in user's own language choice beats the browser's.
    "accord.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accord.core.middleware.DomainErrorMiddleware",
    # Last, so it sees failed logins after every other layer has run.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "accord.config.urls"
ASGI_APPLICATION = "accord.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if env.raw("DATABASE_URL") is None:
    # The zero-setup default lives in ./var; make it so a fresh checkout just runs.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": env.database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'accord.sqlite3'}"),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.redis_url("REDIS_URL")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # redis-py 8 defaults to a 5 s socket timeout and 100 pooled connections, which
            # kill idle WebSocket listeners and cap sockets (channels_redis issue 422).
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": None, "max_connections": 1000}]
            },
        }
    }
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

_email = env.email("EMAIL_URL", "consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS", False))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL", False))
DEFAULT_FROM_EMAIL = env.raw("DEFAULT_FROM_EMAIL") or "Accord <no-reply@localhost>"
SITE_URL = (env.raw("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling (django-axes): five failures for one e-mail from one address lock that
# pair out for fifteen minutes; the lockout page says so instead of failing silently.
AXES_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Accord"

MAGIC_LINK_MAX_AGE_HOURS = env.integer("MAGIC_LINK_MAX_AGE_HOURS", 72, minimum=1)

# The audit checkpoint key. Without one, a key is derived from SECRET_KEY (development only;
# production settings refuse to start without an explicit key).
AUDIT_SIGNING_KEY: bytes | None = env.ed25519_private_key("AUDIT_SIGNING_KEY")
AUDIT_KEY_ID = env.raw("AUDIT_KEY_ID") or "accord-dev"
AUDIT_VERIFY_KEYS: dict[str, bytes] = env.ed25519_public_keys("AUDIT_VERIFY_KEYS")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT: Path | None = Path(env.raw("STATIC_ROOT") or VAR_DIR / "static")
MEDIA_ROOT = Path(env.raw("MEDIA_ROOT") or VAR_DIR / "media")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.raw("LOG_LEVEL") or "INFO"},
    # WeasyPrint logs several INFO lines per PDF.
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}


def development_secret(purpose: str) -> str:
    """A stable, clearly non-production secret for local runs and tests."""
    return "insecure-dev-" + hashlib.sha256(f"accord-{purpose}".encode()).hexdigest()
