"""The admin's second-factor pages (enrol, verify, manage), re-authentication, the one
sign-out, and the security log for Administrators."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from newsdesk.http_policy import private

from . import policy, role_names, security_log, webauthn_ceremonies
from .forms import ConfirmForm, EnrolForm, KeyNameForm, VerifyForm
from .models import SecurityEvent, WebAuthnKey

RECOVERY_CODES = 10
TOTP_DEVICE_NAME = "authenticator"


def _next(request: HttpRequest, default: str = "") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("wagtailadmin_home")


def _page(request: HttpRequest, template: str, **context: Any) -> HttpResponse:
    context.setdefault("next", _next(request))
    return private(TemplateResponse(request, f"accounts/{template}", context))


def _new_recovery_codes(user: Any) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=policy.RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponseBase:
    """Set up an authenticator app: show its secret, confirm with a first code."""
    user: Any = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    form = EnrolForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = _new_recovery_codes(user)
            security_log.record(security_log.TWO_FACTOR_ENROLLED, user, request, method="totp")
            security_log.record(security_log.RECOVERY_CODES_CREATED, user, request)
        policy.mark_verified(request, "totp")
        return _page(request, "recovery_codes.html", codes=codes)
    secret = base64.b32encode(bytes(device.bin_key)).decode().rstrip("=")
    return _page(
        request,
        "enrol.html",
        form=form,
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        uri=device.config_url,
        required=policy.requires_second_factor(user),
    )


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponseBase:
    """The second step of signing in: a code, a recovery code or a security key."""
    user: Any = request.user
    if policy.is_verified(request):
        return HttpResponseRedirect(_next(request))
    form = VerifyForm(request.POST or None, user=user)
    if request.method == "POST":
        if form.is_valid():
            policy.mark_verified(request, form.method)
            security_log.record(security_log.TWO_FACTOR_VERIFIED, user, request, method=form.method)
            return HttpResponseRedirect(_next(request))
        security_log.record(security_log.TWO_FACTOR_FAILED, user, request)
    return _page(
        request,
        "verify.html",
        form=form,
        has_keys=WebAuthnKey.objects.filter(user=user).exists(),
        has_app=TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
    )


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest) -> HttpResponseBase:
    """Re-authentication before changes to accounts and roles."""
    form = ConfirmForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        policy.mark_reauthenticated(request)
        return HttpResponseRedirect(_next(request))
    return _page(request, "confirm.html", form=form)


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest) -> HttpResponseBase:
    """The editor's own second factors: list, remove, new recovery codes."""
    user: Any = request.user
    if request.method == "POST":
        if not policy.reauthenticated_recently(request):
            return HttpResponseRedirect(
                f"{reverse('accounts:confirm')}?{urlencode({'next': reverse('accounts:manage')})}"
            )
        action = request.POST.get("action")
        if action == "remove-app":
            removed = TOTPDevice.objects.filter(user=user).delete()[0]
            if removed:
                security_log.record(security_log.TWO_FACTOR_REMOVED, user, request, method="totp")
                messages.success(request, _("The authenticator app was removed."))
        elif action == "remove-key":
            key = get_object_or_404(WebAuthnKey, user=user, pk=request.POST.get("key"))
            key.delete()
            security_log.record(
                security_log.TWO_FACTOR_REMOVED, user, request, method="webauthn", key=key.name
            )
            messages.success(request, _("The security key was removed."))
        elif action == "recovery-codes" and policy.has_second_factor(user):
            codes = _new_recovery_codes(user)
            security_log.record(security_log.RECOVERY_CODES_CREATED, user, request)
            return _page(
                request, "recovery_codes.html", codes=codes, next=reverse("accounts:manage")
            )
        else:
            messages.error(request, _("Nothing was changed."))
        return HttpResponseRedirect(reverse("accounts:manage"))
    recovery = policy.recovery_device(user)
    return _page(
        request,
        "manage.html",
        app=TOTPDevice.objects.filter(user=user, confirmed=True).first(),
        keys=WebAuthnKey.objects.filter(user=user),
        recovery_left=recovery.token_set.count() if recovery is not None else 0,
        required=policy.requires_second_factor(user),
    )


@require_http_methods(["GET", "POST"])
def webauthn_register(request: HttpRequest) -> HttpResponseBase:
    """GET: the creation options (JSON); POST: the new credential and its name."""
    if request.method == "GET":
        if request.GET.get("format") == "json":
            options = webauthn_ceremonies.registration_options(request)
            return private(HttpResponse(options, content_type="application/json"))
        return _page(request, "webauthn_register.html", form=KeyNameForm())
    form = KeyNameForm(request.POST)
    if form.is_valid():
        try:
            key = webauthn_ceremonies.register(
                request, form.cleaned_data["credential"], form.cleaned_data["name"]
            )
        except webauthn_ceremonies.CeremonyError:
            form.add_error(None, _("The security key could not be registered. Try again."))
        else:
            security_log.record(
                security_log.TWO_FACTOR_ENROLLED,
                request.user,
                request,
                method="webauthn",
                key=key.name,
            )
            if not policy.is_verified(request):
                policy.mark_verified(request, "webauthn")
            if policy.recovery_device(request.user) is None:
                codes = _new_recovery_codes(request.user)
                security_log.record(security_log.RECOVERY_CODES_CREATED, request.user, request)
                return _page(request, "recovery_codes.html", codes=codes)
            messages.success(request, _("The security key was added."))
            return HttpResponseRedirect(reverse("accounts:manage"))
    return _page(request, "webauthn_register.html", form=form)


@require_http_methods(["GET", "POST"])
def webauthn_authenticate(request: HttpRequest) -> HttpResponseBase:
    """GET: the request options (JSON); POST: the key's assertion."""
    if request.method == "GET":
        options = webauthn_ceremonies.authentication_options(request)
        return private(HttpResponse(options, content_type="application/json"))
    try:
        webauthn_ceremonies.authenticate(request, request.POST.get("credential", ""))
    except webauthn_ceremonies.CeremonyError:
        security_log.record(
            security_log.TWO_FACTOR_FAILED, request.user, request, method="webauthn"
        )
        messages.error(request, _("The security key was not accepted. Try again."))
        return HttpResponseRedirect(
            f"{reverse('accounts:verify')}?{urlencode({'next': _next(request)})}"
        )
    policy.mark_verified(request, "webauthn")
    security_log.record(security_log.TWO_FACTOR_VERIFIED, request.user, request, method="webauthn")
    return HttpResponseRedirect(_next(request))


def security_log_view(request: HttpRequest) -> HttpResponseBase:
    """The security log, newest first, read-only; for those who may view it (Administrators)."""
    if not request.user.has_perm("accounts.view_securityevent"):
        raise PermissionDenied
    events = SecurityEvent.objects.all()
    account = request.GET.get("account", "").strip()[:254]
    if account:
        events = events.filter(username__iexact=account)
    page = Paginator(events, 50).get_page(request.GET.get("p"))
    rows = [(entry, role_names.shown_details(entry.details)) for entry in page]
    return _page(request, "security_log.html", page=page, rows=rows, account=account)


_wagtail_logout = WagtailLogoutView.as_view()


@require_POST
def logout(request: HttpRequest) -> HttpResponseBase:
    """Wagtail's sign-out, for POST only: its own view answers a GET with 405 but still
    drops the session cookie and queues "You have been successfully logged out"."""
    return _wagtail_logout(request)


def frontend_login(request: HttpRequest) -> HttpResponseBase:
    """Wagtail's public sign-in form for private pages is not a second password form: its
    address leads to the admin's (``WAGTAIL_FRONTEND_LOGIN_URL`` says the same)."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    target = reverse("wagtailadmin_login")
    following = request.GET.get("next", "")
    if following and url_has_allowed_host_and_scheme(following, allowed_hosts={request.get_host()}):
        target = f"{target}?{urlencode({'next': following})}"
    return HttpResponseRedirect(target)
