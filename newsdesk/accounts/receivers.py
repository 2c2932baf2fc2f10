"""What signs in, fails, signs out or changes an account goes to the security log; sign-in
failures also count towards the throttle."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.http import HttpRequest

from . import policy, role_names, security_log, throttle
from .middleware import current_request

User = get_user_model()


@receiver(user_logged_in, dispatch_uid="accounts.logged_in")
def signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    # Django keeps the session's data when the same user signs in again: a second factor
    # given before must be given again after a new password sign-in.
    request.session.pop(policy.VERIFIED_KEY, None)
    now = time.time()
    request.session[policy.SIGNED_IN_KEY] = now
    request.session[policy.ACTIVE_KEY] = now
    policy.mark_reauthenticated(request)
    throttle.forget_account(user.get_username())
    security_log.record(security_log.LOGIN, user, request)


@receiver(user_login_failed, dispatch_uid="accounts.login_failed")
def failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kw: Any
) -> None:
    username = str(credentials.get("username") or "")
    if throttle.seconds_locked(request, username):
        security_log.record(security_log.LOGIN_THROTTLED, None, request, username=username)
        return
    throttle.record_failure(request, username)
    security_log.record(security_log.LOGIN_FAILED, None, request, username=username)


@receiver(user_logged_out, dispatch_uid="accounts.logged_out")
def signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        security_log.record(security_log.LOGOUT, user, request)


# What a user's save may change about their power: logged as ``user_changed``.
_POWERS = ("is_superuser", "is_staff", "is_active")


@receiver(pre_save, sender=User, dispatch_uid="accounts.user_saving")
def user_saving(sender: Any, instance: Any, raw: bool = False, **kw: Any) -> None:
    fields = kw.get("update_fields")
    if raw or instance.pk is None or (fields is not None and not set(_POWERS) & set(fields)):
        return
    before = User.objects.filter(pk=instance.pk).values(*_POWERS).first()
    if before is not None:
        instance._powers_before = before


@receiver(post_save, sender=User, dispatch_uid="accounts.user_saved")
def user_saved(sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    request = current_request()
    if created:
        security_log.record(security_log.USER_CREATED, instance, request)
        return
    # Set by AbstractBaseUser.set_password() and cleared after this signal.
    if getattr(instance, "_password", None) is not None:
        security_log.record(security_log.PASSWORD_CHANGED, instance, request)
    before = instance.__dict__.pop("_powers_before", None)
    if before:
        changed = {
            name: getattr(instance, name)
            for name in _POWERS
            if before[name] != getattr(instance, name)
        }
        if changed:
            security_log.record(security_log.USER_CHANGED, instance, request, **changed)


@receiver(post_delete, sender=User, dispatch_uid="accounts.user_deleted")
def user_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    security_log.record(
        security_log.USER_DELETED, None, current_request(), username=instance.get_username()
    )


@receiver(post_save, sender=Group, dispatch_uid="accounts.group_saved")
def group_saved(sender: Any, instance: Group, created: bool, raw: bool = False, **kw: Any) -> None:
    if created and not raw:
        security_log.record(
            security_log.GROUP_CREATED,
            None,
            current_request(),
            group=role_names.stored(instance.name),
        )


@receiver(post_delete, sender=Group, dispatch_uid="accounts.group_deleted")
def group_deleted(sender: Any, instance: Group, **kwargs: Any) -> None:
    security_log.record(
        security_log.GROUP_DELETED, None, current_request(), group=role_names.stored(instance.name)
    )


def _m2m_names(model: Any, pk_set: set[int] | None, field: str) -> list[str]:
    if not pk_set:
        return []
    return sorted(str(v) for v in model.objects.filter(pk__in=pk_set).values_list(field, flat=True))


_CHANGES = {"post_add": "added", "post_remove": "removed", "pre_clear": "cleared"}


def _change(action: str, values: list[str]) -> dict[str, Any]:
    return {_CHANGES[action]: values}


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="accounts.user_groups")
def user_groups_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kw: Any
) -> None:
    if action not in _CHANGES:
        return
    request = current_request()
    if reverse:  # group.user_set.add(user…)
        for user in User.objects.filter(pk__in=pk_set or ()):
            security_log.record(
                security_log.USER_GROUPS_CHANGED,
                user,
                request,
                **_change(action, [role_names.stored(instance.name)]),
            )
        return
    names = (
        _m2m_names(Group, pk_set, "name")
        if action != "pre_clear"
        else sorted(instance.groups.values_list("name", flat=True))
    )
    if names:
        security_log.record(
            security_log.USER_GROUPS_CHANGED, instance, request, **_change(action, names)
        )


def _codenames(permissions: Any) -> list[str]:
    return sorted(
        f"{app}.{code}"
        for app, code in permissions.values_list("content_type__app_label", "codename")
    )


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="accounts.group_perms")
def group_permissions_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kw: Any
) -> None:
    if action not in _CHANGES or reverse:
        return
    codenames = _codenames(
        instance.permissions.all()
        if action == "pre_clear"
        else Permission.objects.filter(pk__in=pk_set or ())
    )
    if codenames:
        security_log.record(
            security_log.GROUP_PERMISSIONS_CHANGED,
            None,
            current_request(),
            group=role_names.stored(instance.name),
            **_change(action, codenames),
        )


@receiver(m2m_changed, sender=User.user_permissions.through, dispatch_uid="accounts.user_perms")
def user_permissions_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kw: Any
) -> None:
    if action not in _CHANGES or reverse:
        return
    codenames = _codenames(
        instance.user_permissions.all()
        if action == "pre_clear"
        else Permission.objects.filter(pk__in=pk_set or ())
    )
    if codenames:
        security_log.record(
            security_log.USER_PERMISSIONS_CHANGED,
            instance,
            current_request(),
            **_change(action, codenames),
        )
