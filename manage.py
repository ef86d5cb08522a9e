#!/usr/bin/env python
"""Django's manage.py, for habit; `accord` is the same command once installed."""

import os
import sys

from accord.cli import main

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.config.settings.dev")
    sys.exit(main())
