"""Project configuration: settings, URLs, ASGI application."""
