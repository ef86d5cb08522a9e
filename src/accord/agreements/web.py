"""Small request and response helpers shared by the pages and the JSON API of agreements and
arbitration: who is asking from where (recorded with a signature), and sending a PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed


def client_address(request: HttpRequest) -> str | None:
    """The address the request came from, as this server saw it."""
    address = request.META.get("REMOTE_ADDR")
    return address if isinstance(address, str) else None


def client_agent(request: HttpRequest) -> str:
    """The browser's description of itself (User-Agent), as sent."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    return agent if isinstance(agent, str) else ""


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF download that browsers save rather than render inline, and never cache."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def refuse_method(request: HttpRequest, *methods: str) -> HttpResponse | None:
    """405 for a method the page does not take, checked after the access check, so that a
    stranger gets the same 404 whatever the method (a case's existence stays private)."""
    allowed = set(methods) | ({"HEAD"} if "GET" in methods else set())
    if request.method in allowed:
        return None
    return HttpResponseNotAllowed(sorted(set(methods)))
