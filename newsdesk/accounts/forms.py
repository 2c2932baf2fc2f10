"""The admin's sign-in form behind the throttle, and the second-factor forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from . import policy, security_log, throttle


def throttled_error(seconds: int) -> forms.ValidationError:
    minutes = max(1, (seconds + 59) // 60)
    return forms.ValidationError(
        ngettext(
            "Too many failed sign-in attempts. Try again in %(minutes)d minute.",
            "Too many failed sign-in attempts. Try again in %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
        code="throttled",
    )


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form (``WAGTAILADMIN_USER_LOGIN_FORM``), refused while the account
    name or the client address is throttled; a failure or a refusal waits before answering."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        locked = throttle.seconds_locked(self.request, username)
        if locked:
            security_log.record(security_log.LOGIN_THROTTLED, None, self.request, username=username)
            throttle.pause()
            raise throttled_error(locked)
        try:
            return super().clean()
        except forms.ValidationError:
            locked = throttle.seconds_locked(self.request, username)
            throttle.pause()
            if locked:
                raise throttled_error(locked) from None
            raise


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's reset form; each request is logged (the address typed, not whether it
    matched an account)."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        security_log.record(
            security_log.PASSWORD_RESET_REQUESTED,
            None,
            kwargs.get("request"),
            email=self.cleaned_data.get("email", ""),
        )
        super().save(*args, **kwargs)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": "", "inputmode": "text"}
        ),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).lower()


class VerifyForm(CodeForm):
    """A code from the authenticator app, or one of the recovery codes (used once)."""

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.method = ""

    def clean(self) -> dict[str, Any]:
        code = self.cleaned_data.get("code")
        if not code:
            return self.cleaned_data
        for device in TOTPDevice.objects.filter(user=self.user, confirmed=True):
            if device.verify_token(code):
                self.method = "totp"
                return self.cleaned_data
        recovery = policy.recovery_device(self.user)
        if recovery is not None and recovery.verify_token(code):
            self.method = "recovery_code"
            return self.cleaned_data
        raise forms.ValidationError(_("That code is not valid. Try again."), code="invalid")


class EnrolForm(CodeForm):
    def __init__(self, *args: Any, device: TOTPDevice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean(self) -> dict[str, Any]:
        code = self.cleaned_data.get("code")
        if code and not self.device.verify_token(code):
            raise forms.ValidationError(
                _("That code is not valid. Check the time on your phone and try again."),
                code="invalid",
            )
        return self.cleaned_data


class ConfirmForm(forms.Form):
    """Re-authentication before account changes: the password, or a second-factor code."""

    secret = forms.CharField(
        label=_("Your password or a code from your authenticator app"),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autofocus": "", "autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self) -> dict[str, Any]:
        secret = self.cleaned_data.get("secret")
        if not secret:
            return self.cleaned_data
        user = self.request.user
        username = user.get_username()
        locked = throttle.seconds_locked(self.request, username)
        if locked:
            throttle.pause()
            raise throttled_error(locked)
        if authenticate(self.request, username=username, password=secret) == user:
            return self.cleaned_data
        verify = VerifyForm({"code": secret}, user=user)
        if verify.is_valid():
            return self.cleaned_data
        throttle.pause()
        raise forms.ValidationError(_("That is not your password or a valid code."), code="invalid")


class KeyNameForm(forms.Form):
    name = forms.CharField(label=_("Name of the key"), max_length=64)
    credential = forms.CharField(widget=forms.HiddenInput, max_length=20_000)
