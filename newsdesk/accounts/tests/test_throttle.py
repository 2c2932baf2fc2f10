"""Sign-in throttling: per account name and per client address, the same answer whether
the account exists or not, the right password refused while it lasts."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from newsdesk.accounts import throttle
from newsdesk.accounts.models import SecurityEvent

from .conftest import PASSWORD, password_sign_in, signed_in_as


@pytest.fixture(autouse=True)
def early_in_a_counting_window(clock):
    """Failures are counted in fixed windows; each test starts a minute into one, whatever
    the configured clock, so that its few seconds of attempts never straddle two."""
    length = throttle.limits().window
    start = (time.time() // length + 1) * length + 60
    clock.move_to(dt.datetime.fromtimestamp(start, tz=dt.UTC))


REFUSED_EN = "Too many failed sign-in attempts. Try again in 15 minutes."
REFUSED_UK = "Забагато невдалих спроб входу. Спробуйте знову через 15 хвилин."


def _fail(client, username: str, times: int, **extra) -> None:
    for _ in range(times):
        response = password_sign_in(client, username, "wrong password!", **extra)
        assert response.status_code == 200


def _error(response) -> str:
    return " ".join(str(e) for e in response.context["form"].non_field_errors())


def _refused(response) -> bool:
    """The sign-in page (in the default language, Ukrainian, until the editor is known)
    says the attempts ran out."""
    return "Забагато невдалих спроб входу" in response.content.decode()


def test_the_right_password_is_refused_after_five_failures(client, editor):
    _fail(client, "editor", 5)
    response = password_sign_in(client, "editor", PASSWORD)
    assert response.status_code == 200
    assert signed_in_as(client) is None
    assert _refused(response)
    assert SecurityEvent.objects.filter(event="login_throttled", username="editor").exists()


def test_four_failures_still_let_the_owner_in_and_the_count_starts_again(client, editor):
    _fail(client, "editor", 4)
    assert password_sign_in(client, "editor").status_code == 302
    assert signed_in_as(client) == str(editor.pk)
    client.logout()
    _fail(client, "editor", 4)
    assert password_sign_in(client, "editor").status_code == 302


def test_the_lock_lasts_a_whole_window_from_the_last_failure(client, editor, clock):
    _fail(client, "editor", 5)
    # Past the end of the counting window the failures fell in, the lock still holds.
    clock.shift(dt.timedelta(minutes=14))
    assert password_sign_in(client, "editor").status_code == 200
    clock.shift(dt.timedelta(minutes=2))
    assert password_sign_in(client, "editor").status_code == 302


def test_a_missing_account_gets_the_same_answer_as_a_real_one(client, editor):
    _fail(client, "editor", 5)
    _fail(client, "nobody-here", 5)
    real = password_sign_in(client, "editor", "wrong password!")
    missing = password_sign_in(client, "nobody-here", "wrong password!")
    assert real.status_code == missing.status_code == 200
    assert _error(real) == _error(missing)
    assert _refused(real) and _refused(missing)


def test_one_client_guessing_many_accounts_is_stopped(client, editor, settings):
    settings.NEWSDESK_LOGIN_FAILURES_PER_CLIENT = 6
    for number in range(6):
        password_sign_in(client, f"guess-{number}", "wrong password!")
    response = password_sign_in(client, "editor", PASSWORD)
    assert response.status_code == 200
    assert _refused(response)
    # Another address is another client.
    assert password_sign_in(client, "editor", REMOTE_ADDR="192.0.2.9").status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(client, editor, settings):
    settings.NEWSDESK_API_PROXY_COUNT = 1
    settings.NEWSDESK_LOGIN_FAILURES_PER_CLIENT = 3
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    for number in range(3):
        password_sign_in(client, f"guess-{number}", "wrong password!", **attacker)
    forged = {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.5"}
    assert password_sign_in(client, "editor", **forged).status_code == 200
    # The proxy's own address is every client's: only the forwarded one was counted.
    assert password_sign_in(client, "editor", HTTP_X_FORWARDED_FOR="192.0.2.7").status_code == 302


def test_no_form_or_backend_path_gets_around_the_lock(editor):
    request = RequestFactory().post("/elsewhere/")
    for _ in range(5):
        assert authenticate(request, username="editor", password="wrong password!") is None
    assert authenticate(request, username="editor", password=PASSWORD) is None
    assert authenticate(None, username="editor", password=PASSWORD) is None


def test_a_failure_and_a_refusal_wait_before_answering(client, editor, settings, monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(throttle.time, "sleep", waits.append)
    settings.NEWSDESK_LOGIN_FAILURE_DELAY_SECONDS = 2
    password_sign_in(client, "editor", "wrong password!")
    assert waits == [2]
    _fail(client, "editor", 4)
    password_sign_in(client, "editor")
    assert waits == [2] * 6
    waits.clear()
    client.logout()


@pytest.mark.parametrize(("language", "message"), [("en", REFUSED_EN), ("uk", REFUSED_UK)])
def test_the_refusal_is_in_the_admins_language(client, editor, settings, language, message):
    settings.LANGUAGE_CODE = language
    _fail(client, "editor", 5)
    response = password_sign_in(client, "editor")
    assert message in response.content.decode()


def test_a_missing_account_costs_the_same_hashing_as_a_real_one(client, editor, monkeypatch):
    """The time a failure takes is the password hasher's: run once for a real account and
    once for a missing one, so the answer's timing tells no names apart."""
    from django.contrib.auth.hashers import MD5PasswordHasher

    calls: list[str] = []
    encode = MD5PasswordHasher.encode

    def counted(self, password, salt):
        calls.append(password)
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counted)
    password_sign_in(client, "editor", "wrong password!")
    real = len(calls)
    password_sign_in(client, "nobody-here", "wrong password!")
    assert real == len(calls) - real == 1
