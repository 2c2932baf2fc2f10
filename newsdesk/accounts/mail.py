"""Mail settings from one environment variable, and the backend used when there are none.

``EMAIL_URL`` names the transport:

- ``smtp://user:password@host:587`` — SMTP with STARTTLS (``?tls=0`` turns it off);
- ``smtps://user:password@host:465`` — SMTP over TLS;
- ``console:`` — print each message on the console (the demo);
- unset or empty — no mail: :class:`UnconfiguredBackend`.

User and password are percent-decoded, so a password may hold any character.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

logger = logging.getLogger("newsdesk.mail")

UNCONFIGURED = "newsdesk.accounts.mail.UnconfiguredBackend"


class MailConfigurationError(ValueError):
    pass


def settings_from_url(url: str) -> dict[str, Any]:
    """The Django ``EMAIL_*`` settings for ``url`` (see the module's docstring)."""
    url = url.strip()
    if not url:
        return {"EMAIL_BACKEND": UNCONFIGURED}
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise MailConfigurationError(
            "EMAIL_URL must look like smtp://user:password@host:587, smtps://… or console:"
        )
    query = parse_qs(parts.query)
    secure = parts.scheme == "smtps"
    starttls = not secure and query.get("tls", ["1"])[0] not in ("0", "false", "no")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": parts.port or (465 if secure else 587 if starttls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": secure,
        "EMAIL_USE_TLS": starttls,
        "EMAIL_TIMEOUT": 10,
    }


def is_configured(backend: str) -> bool:
    return backend != UNCONFIGURED


class UnconfiguredBackend(BaseEmailBackend):
    """No mail transport is configured: each message is dropped with one warning line (its
    subject and how many recipients), never a traceback, so a review notification does not
    fill the log with errors. The password reset form is not offered meanwhile
    (``WAGTAIL_PASSWORD_RESET_ENABLED`` follows ``EMAIL_URL``)."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            logger.warning(
                "mail not sent (EMAIL_URL is not set): %r to %d recipient(s)",
                message.subject,
                len(message.recipients()),
            )
        return 0
