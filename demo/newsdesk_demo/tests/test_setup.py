"""prepare_demo: the logins the demo prints work, and stay the same from run to run."""

from __future__ import annotations

import json
import stat

import pytest
from django.contrib.auth import authenticate, get_user_model

from newsdesk.sections.models import Section
from newsdesk_demo.setup import ADMIN, EDITORS, LOGINS_FILE, prepare_demo


@pytest.fixture
def home(settings, tmp_path):
    settings.HOME = tmp_path
    return tmp_path


def test_admin_login_is_made_once_and_always_works(home, demo_content, capsys):
    demo_content(articles=20)  # an archive already exists, so no default load
    first = prepare_demo()
    second = prepare_demo()
    assert first == second
    assert first.username == ADMIN
    user = authenticate(username=first.username, password=first.password)
    assert user is not None and user.is_superuser and user.is_staff
    logins = home / LOGINS_FILE
    assert stat.S_IMODE(logins.stat().st_mode) == 0o600
    assert json.loads(logins.read_text())[ADMIN] == first.password
    assert "Loading demo content" not in capsys.readouterr().out

    user.set_password("changed in the admin")
    user.save()
    assert prepare_demo() == first, "the printed login must keep working"
    assert authenticate(username=ADMIN, password=first.password)


def test_demo_editors_are_in_their_groups(home, demo_content):
    demo_content(articles=20)
    prepare_demo()
    passwords = json.loads((home / LOGINS_FILE).read_text())
    users = get_user_model().objects
    for editor in EDITORS:
        user = users.get(username=editor.username)
        assert not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [editor.group]
        assert authenticate(username=editor.username, password=passwords[editor.username])
    section_editor = users.get(username="section-editor")
    beat = Section.objects.filter(editors=section_editor)
    assert sorted(beat.values_list("slug", flat=True)) == ["viina", "war"]
