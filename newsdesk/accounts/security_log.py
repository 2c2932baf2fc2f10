"""The security log: who signed in, failed to, signed out, changed an account, a group's
permissions (on models, collections and pages) or a password, enrolled or removed a second
factor; and what other parts of the newsroom report through :func:`record` (deletions,
publishes).

Each event is written twice: as a row of :class:`~newsdesk.accounts.models.SecurityEvent`,
which the application only ever appends (Administrators read it in the admin, under
Reports), and as a line on the ``newsdesk.security`` logger, which production ships off
the machine. An Editor's account can do neither more nor less than read nothing of it
(decision 0030).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone

from newsdesk.throttles import client_address

from .models import SecurityEvent

logger = logging.getLogger("newsdesk.security")

# The events this app writes. Other parts of the newsroom may record their own names
# (``article_published``, ``article_deleted``…); a name is a short snake_case verb phrase.
LOGIN = "login"
LOGIN_FAILED = "login_failed"
LOGIN_THROTTLED = "login_throttled"
LOGOUT = "logout"
TWO_FACTOR_VERIFIED = "two_factor_verified"
TWO_FACTOR_FAILED = "two_factor_failed"
TWO_FACTOR_ENROLLED = "two_factor_enrolled"
TWO_FACTOR_REMOVED = "two_factor_removed"
RECOVERY_CODES_CREATED = "recovery_codes_created"
PASSWORD_CHANGED = "password_changed"  # noqa: S105 - an event name, not a password
PASSWORD_RESET_REQUESTED = "password_reset_requested"  # noqa: S105 - an event name
USER_CREATED = "user_created"
USER_CHANGED = "user_changed"
USER_DELETED = "user_deleted"
USER_GROUPS_CHANGED = "user_groups_changed"
USER_PERMISSIONS_CHANGED = "user_permissions_changed"
GROUP_PERMISSIONS_CHANGED = "group_permissions_changed"
# Wagtail's rules of a group on a collection (its images) or on a page and its subtree.
GROUP_COLLECTION_PERMISSIONS_CHANGED = "group_collection_permissions_changed"
GROUP_PAGE_PERMISSIONS_CHANGED = "group_page_permissions_changed"
GROUP_CREATED = "group_created"
GROUP_DELETED = "group_deleted"

UserLike = AbstractBaseUser | AnonymousUser | None


def record(
    event: str,
    user: UserLike = None,
    request: HttpRequest | None = None,
    *,
    username: str = "",
    **details: Any,
) -> SecurityEvent:
    """Append one event to the security log and return it.

    ``user`` is whom the event is about (the account signing in, the account changed);
    ``username`` names an account that may not exist (a failed sign-in). Given ``request``,
    the client's address (through the trusted proxies, ``http_policy.client_address``) and
    the signed-in actor, when that is someone else than ``user``, are kept. ``details`` must
    be JSON-serialisable: ids, names, codenames — never a password or a code.

    Called inside a transaction, the row is written with it (and rolled back with it), so a
    publish and its log line are one; the logger line is written at once.
    """
    entry = _event(event, user, request, username, details)
    entry.save()
    _log_line(entry)
    return entry


def record_many(events: Sequence[tuple[str, UserLike, str, dict[str, Any]]]) -> None:
    """Append many events at once, with no request: (event, user, username, details) each,
    as :func:`record` takes them. One statement for all (a bulk import's publishes); each
    still gets its line on the logger."""
    entries = [
        _event(event, user, None, username, details) for event, user, username, details in events
    ]
    SecurityEvent.objects.bulk_create(entries)
    for entry in entries:
        _log_line(entry)


def _event(
    event: str, user: UserLike, request: HttpRequest | None, username: str, details: dict[str, Any]
) -> SecurityEvent:
    account = user if user is not None and user.is_authenticated else None
    name = username or (account.get_username() if account is not None else "")
    address = client_address(request) if request is not None else ""
    actor = getattr(request, "user", None) if request is not None else None
    if actor is not None and actor.is_authenticated and actor != account:
        details.setdefault("by", actor.get_username())
    return SecurityEvent(
        at=timezone.now(),
        event=event,
        username=name[:254],
        user_id_at_event=account.pk if account is not None else None,
        client_address=address[:64],
        details=details,
    )


def _log_line(entry: SecurityEvent) -> None:
    logger.info(
        "%s account=%r client=%s %s",
        entry.event,
        entry.username,
        entry.client_address or "-",
        " ".join(f"{key}={value!r}" for key, value in sorted(entry.details.items())),
    )
