"""Local development (`make run`): debug on, a fixed throwaway secret, console e-mail."""

from __future__ import annotations

from accord.config import env
from accord.config.settings.base import *  # noqa: F403
from accord.config.settings.base import development_secret

DEBUG = env.boolean("DEBUG", True)
SECRET_KEY = env.raw("SECRET_KEY") or development_secret("dev")
# Serve static files straight from the apps, so a fresh checkout needs no collectstatic.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # served from the apps' folders; collectstatic is for production
WHITENOISE_AUTOREFRESH = True
