"""`accord run`: serve HTTP and WebSockets with uvicorn."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

import uvicorn
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Accord (HTTP + WebSocket) with uvicorn."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers", type=int, default=1, help="Worker processes (use Redis beyond one)."
        )
        parser.add_argument("--proxy-headers", action="store_true", help="Behind a proxy.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Accord is serving on http://{options['host']}:{options['port']}/")
        uvicorn.run(
            "accord.config.asgi:application",
            host=options["host"],
            port=options["port"],
            workers=options["workers"],
            proxy_headers=options["proxy_headers"],
            lifespan="off",
            log_level="info",
        )
