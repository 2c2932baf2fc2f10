"""What ``newsdesk demo`` does before it serves: migrate, load content once, make logins.

Passwords are generated on the first run and kept in ``NEWSDESK_HOME/demo-logins.json``
(readable by the owner only), so every later run prints the same ones.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction

from newsdesk.articles.models import Article
from newsdesk.sections.models import Section

from .builder import load_demo

LOGINS_FILE = "demo-logins.json"
ADMIN = "admin"


@dataclass(frozen=True)
class Login:
    username: str
    password: str


@dataclass(frozen=True)
class DemoEditor:
    username: str
    group: str
    first_name: str
    last_name: str


EDITORS: tuple[DemoEditor, ...] = (
    DemoEditor("contributor", "Contributors", "Demo", "Contributor"),
    DemoEditor("editor", "Editors", "Demo", "Editor"),
    DemoEditor("section-editor", "Section editors", "Demo", "Section editor"),
)
# The section editor's beat in the demo, in both editions.
SECTION_EDITOR_SECTIONS = ("viina", "war")


def prepare_demo() -> Login:
    """Migrate, load demo content if the archive is empty, and return the admin login."""
    call_command("migrate", verbosity=0, interactive=False)
    if not Article.objects.exists():
        print("Loading demo content (first run only)…", flush=True)
        print(load_demo().summary(), flush=True)
    passwords = _passwords([ADMIN, *(editor.username for editor in EDITORS)])
    with transaction.atomic():
        _ensure_user(ADMIN, passwords[ADMIN], superuser=True)
        for editor in EDITORS:
            user = _ensure_user(
                editor.username,
                passwords[editor.username],
                first_name=editor.first_name,
                last_name=editor.last_name,
            )
            group, _created = Group.objects.get_or_create(name=editor.group)
            user.groups.add(group)
            if editor.group == "Section editors":
                for section in Section.objects.filter(slug__in=SECTION_EDITOR_SECTIONS):
                    section.editors.add(user)
    print(
        f"Demo editors ({', '.join(e.username for e in EDITORS)}): passwords in {_logins_path()}",
        flush=True,
    )
    return Login(username=ADMIN, password=passwords[ADMIN])


def _logins_path() -> Path:
    return Path(settings.HOME) / LOGINS_FILE


def _passwords(usernames: list[str]) -> dict[str, str]:
    """The stored password of each user, generating (and storing) any that is missing."""
    path = _logins_path()
    stored: dict[str, str] = {}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            loaded = {}
        if isinstance(loaded, dict):
            stored = {k: v for k, v in loaded.items() if isinstance(v, str) and v}
    missing = [name for name in usernames if name not in stored]
    if missing:
        stored.update({name: secrets.token_urlsafe(12) for name in missing})
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created owner-only before anything is written into it.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(stored, handle, indent=2)
    return stored


def _ensure_user(username: str, password: str, *, superuser: bool = False, **names: str):
    """The user, created if needed; the printed password is made to work either way."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={"email": f"{username}@example.com", **names},
    )
    if superuser and not (user.is_superuser and user.is_staff):
        user.is_superuser = user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])
    if created or not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    return user
