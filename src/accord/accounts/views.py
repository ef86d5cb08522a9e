"""Sign-in, magic links, two-factor and the account page. Thin: parse, call a service, render."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.accounts import services
from accord.accounts.forms import (
    AcceptInvitationForm,
    EmailLinkForm,
    EmailLoginForm,
    ProfileForm,
    TokenForm,
)
from accord.accounts.invitations import kind_for
from accord.accounts.models import Language, MagicLinkPurpose, User
from accord.accounts.selectors import confirmed_totp_device, user_by_email, user_has_strong_auth
from accord.core import clock
from accord.core.errors import AccordError, InvalidInput, NotFound

_PENDING = "accord.pending_2fa"
_PENDING_SECONDS = 300


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


def _authed_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - guaranteed by @login_required
    return user


def _finish_sign_in(request: HttpRequest, user: User, next_url: str) -> HttpResponseRedirect:
    """Sign in now, or first ask for the second factor when the user has one."""
    if confirmed_totp_device(user) is not None:
        request.session[_PENDING] = {
            "user": str(user.id),
            "next": next_url,
            "at": clock.now().timestamp(),
        }
        return redirect("accounts:login_otp")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(next_url)


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.user.is_authenticated:
        return redirect(next_url)
    form = EmailLoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _finish_sign_in(request, form.get_user(), next_url)
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@require_http_methods(["GET", "POST"])
def login_otp_view(request: HttpRequest) -> HttpResponse:
    pending: dict[str, Any] | None = request.session.get(_PENDING)
    if not pending or clock.now().timestamp() - pending["at"] > _PENDING_SECONDS:
        request.session.pop(_PENDING, None)
        messages.info(request, _("Please sign in again."))
        return redirect("accounts:login")
    user = User.objects.get(id=pending["user"])
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.totp_verify(user=user, token=form.cleaned_data["token"])
        except InvalidInput as exc:
            form.add_error("token", exc.message)
        else:
            del request.session[_PENDING]
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            otp_login(request, device)
            return redirect(pending["next"])
    return render(request, "accounts/login_otp.html", {"form": form})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You are signed out."))
    return redirect("accounts:login")


@require_http_methods(["GET", "POST"])
def email_link_view(request: HttpRequest) -> HttpResponse:
    """Ask for a sign-in link by e-mail. Never says whether the address has an account."""
    form = EmailLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.magic_link_issue(
                purpose=MagicLinkPurpose.SIGN_IN, email=form.cleaned_data["email"]
            )
        except NotFound:
            pass
        else:
            services.magic_link_send(
                issued=issued,
                subject=_("Your Accord sign-in link"),
                intro=_("Use this link to sign in to Accord. It works once."),
            )
        return render(
            request, "accounts/email_link_sent.html", {"email": form.cleaned_data["email"]}
        )
    return render(request, "accounts/email_link.html", {"form": form})


@require_http_methods(["GET", "POST"])
def magic_link_view(request: HttpRequest, token: str) -> HttpResponse:
    """The landing page of a magic link.

    GET only shows a button: mail scanners fetch links, and must not use up a single-use link.
    A new person invited to a case types their name and is in the case; someone with an
    account joins with one click.
    """
    try:
        link = services.magic_link_peek(token=token)
    except services.LinkProblem as problem:
        if problem.reason == "used" and request.method == "POST":
            repeat = _repeat_of_this_browser(request, token)
            if repeat is not None:
                return repeat
        return _link_problem(request, problem.reason)
    known = link.user or user_by_email(link.email)
    needs_name = known is None and link.purpose == MagicLinkPurpose.INVITATION
    form = AcceptInvitationForm(request.POST or None) if needs_name else None
    if request.method == "POST" and (form is None or form.is_valid()):
        name = form.cleaned_data["display_name"] if form is not None else None
        try:
            used, user = services.magic_link_consume(token=token, display_name=name)
        except services.LinkProblem as problem:
            repeat = _repeat_of_this_browser(request, token) if problem.reason == "used" else None
            return repeat or _link_problem(request, problem.reason)
        except InvalidInput as exc:
            if form is None:
                raise
            form.add_error("display_name", exc.message)
        except AccordError as exc:
            return render(
                request, "core/error.html", {"message": exc.message}, status=exc.status_code
            )
        else:
            _remember_use(request, token, user, used.next_url)
            if request.user.is_authenticated and request.user.pk != user.pk:
                logout(request)
            return _finish_sign_in(request, user, used.next_url)
    kind = kind_for(link.payload)
    signed_in_as = request.user if request.user.is_authenticated else None
    return render(
        request,
        "accounts/magic_link.html",
        {
            "link": link,
            "form": form,
            "invitation": link.purpose == MagicLinkPurpose.INVITATION,
            "description": kind.describe(link.payload) if kind else "",
            # Someone else is signed in on this browser: say that the link switches accounts.
            "other_account": signed_in_as
            if signed_in_as is not None and getattr(signed_in_as, "email", "") != link.email
            else None,
        },
    )


# A double click sends the link twice before the first answer (and its cookie) arrives; the
# repeat is recognised as the same browser by the CSRF cookie it was sent with, for a moment.
_REPEAT_SECONDS = 120


def _browser_key(request: HttpRequest, token: str) -> str | None:
    cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if not cookie:
        return None
    digest = hashlib.sha256(f"{token}\n{cookie}".encode()).hexdigest()
    return f"accord:link-used:{digest}"


def _remember_use(request: HttpRequest, token: str, user: User, next_url: str) -> None:
    key = _browser_key(request, token)
    if key is not None:
        cache.set(key, {"user": str(user.pk), "next": next_url}, _REPEAT_SECONDS)


def _repeat_of_this_browser(request: HttpRequest, token: str) -> HttpResponse | None:
    """The same browser sent the same link again within a moment: finish as the first did
    (a second factor is still asked for), instead of calling a double click a used link."""
    key = _browser_key(request, token)
    remembered = cache.get(key) if key is not None else None
    if not remembered:
        return None
    user = User.objects.filter(pk=remembered["user"], is_active=True).first()
    if user is None:
        return None
    return _finish_sign_in(request, user, remembered["next"])


def _link_problem(request: HttpRequest, reason: str) -> HttpResponse:
    status = {"invalid": 400, "expired": 410, "used": 410}[reason]
    return render(request, "accounts/link_problem.html", {"reason": reason}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def account_view(request: HttpRequest) -> HttpResponse:
    user = _authed_user(request)
    form = ProfileForm(
        request.POST or None,
        initial={
            "display_name": user.display_name,
            "preferred_language": user.preferred_language,
            "message_digest": user.message_digest,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_profile(user=user, **form.cleaned_data)
        except InvalidInput as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, _("Saved."))
            response = redirect("accounts:account")
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.preferred_language)
            return response
    return render(
        request,
        "accounts/account.html",
        {
            "form": form,
            "has_2fa": user_has_strong_auth(user),
            "has_password": user.has_usable_password(),
            "token_form": _quiet(TokenForm()),
        },
    )


def _quiet(form: TokenForm) -> TokenForm:
    """A secondary form on a page: it must not take the focus from the page's main form."""
    form.fields["token"].widget.attrs.pop("autofocus", None)
    return form


@require_POST
def set_language_view(request: HttpRequest) -> HttpResponseBase:
    """Switch language; a signed-in user's choice is also saved on their account."""
    language = request.POST.get("language", "")
    next_url = _safe_next(request, request.POST.get("next"))
    if language not in Language.values:
        return redirect(next_url)
    if request.user.is_authenticated:
        user = _authed_user(request)
        services.user_update_profile(
            user=user, display_name=user.display_name, preferred_language=language
        )
    response = redirect(next_url)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
    return response


def _qr_data_uri(device: TOTPDevice, user: User) -> str:
    config_url = device.config_url
    svg = segno.make(config_url, error="m").svg_inline(scale=5, title=str(user.email))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@login_required
@require_http_methods(["GET", "POST"])
def totp_setup_view(request: HttpRequest) -> HttpResponse:
    user = _authed_user(request)
    # A neutral comes here from their appointment page and goes back there afterwards.
    candidate = request.POST.get("next") or request.GET.get("next")
    next_url = _safe_next(request, candidate) if candidate else reverse("accounts:account")
    if user_has_strong_auth(user):
        return redirect(next_url)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.totp_confirm(user=user, token=form.cleaned_data["token"])
        except AccordError as exc:
            form.add_error("token", exc.message)
        else:
            device = confirmed_totp_device(user)
            if device is not None:
                otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(next_url)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = services.totp_begin(user=user)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "accounts/totp_setup.html",
        {"form": form, "qr": _qr_data_uri(device, user), "secret": secret, "next": next_url},
    )


@login_required
@require_POST
def totp_disable_view(request: HttpRequest) -> HttpResponse:
    user = _authed_user(request)
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            services.totp_disable(user=user, token=form.cleaned_data["token"])
        except AccordError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Two-factor authentication is off."))
    else:
        messages.error(request, _("Enter the 6-digit code from your app."))
    return redirect("accounts:account")


class PasswordView(auth_views.PasswordChangeView):
    """Change a password, or set a first one for someone who so far signed in by link."""

    template_name = "accounts/form_page.html"
    extra_context = {"title": "password_change"}

    def get_form_class(self) -> type[SetPasswordForm[User]]:
        if _authed_user(self.request).has_usable_password():
            return PasswordChangeForm
        return SetPasswordForm

    def get_success_url(self) -> str:
        messages.success(self.request, _("Your password is saved."))
        return reverse("accounts:account")
