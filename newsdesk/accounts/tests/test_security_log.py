"""The security log: what it records, that nobody changes it, who reads it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.utils import timezone

from newsdesk.accounts import security_log
from newsdesk.accounts.models import AppendOnlyError, SecurityEvent
from newsdesk.editorial import roles
from newsdesk.testing.factories import sign_in

from .conftest import PASSWORD, make_user, password_sign_in


def _events(name: str):
    return list(SecurityEvent.objects.filter(event=name).order_by("id"))


def test_sign_ins_record_the_account_and_the_client(client, contributor, settings):
    settings.NEWSDESK_API_PROXY_COUNT = 1
    password_sign_in(client, "contributor", "wrong password!", HTTP_X_FORWARDED_FOR="203.0.113.8")
    password_sign_in(client, "no-such-account", "wrong password!", REMOTE_ADDR="192.0.2.3")
    password_sign_in(client, "contributor", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.8")

    failed = _events("login_failed")
    assert [(e.username, e.client_address, e.user_id_at_event) for e in failed] == [
        ("contributor", "203.0.113.8", None),
        ("no-such-account", "192.0.2.3", None),
    ]
    [success] = _events("login")
    assert (success.username, success.client_address) == ("contributor", "203.0.113.8")
    assert success.user_id_at_event == contributor.pk
    assert all("wrong password" not in str(e.details) for e in SecurityEvent.objects.all())


def test_group_and_permission_changes_are_recorded(db):
    reporter = make_user("reporter")
    editors = Group.objects.get(name=roles.EDITORS)
    reporter.groups.add(editors)
    reporter.groups.remove(editors)
    contributors = Group.objects.get(name=roles.CONTRIBUTORS)
    permission = Permission.objects.get(codename="delete_article")
    contributors.permissions.add(permission)
    contributors.permissions.remove(permission)

    changes = [e.details for e in _events("user_groups_changed") if e.username == "reporter"]
    assert changes == [{"added": [roles.EDITORS]}, {"removed": [roles.EDITORS]}]
    assert [e.details for e in _events("group_permissions_changed")] == [
        {"group": roles.CONTRIBUTORS, "added": ["articles.delete_article"]},
        {"group": roles.CONTRIBUTORS, "removed": ["articles.delete_article"]},
    ]


def test_a_change_made_in_the_admin_names_who_made_it(client, administrator):
    reporter = make_user("reporter")
    sign_in(client, administrator)
    response = client.post(
        f"/admin/users/edit/{reporter.pk}/",
        {
            "username": "reporter",
            "email": "reporter@newsdesk.test",
            "first_name": "Olena",
            "last_name": "Koval",
            "is_active": "on",
            "groups": [Group.objects.get(name=roles.EDITORS).pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    [change] = [e for e in _events("user_groups_changed") if e.username == "reporter"][-1:]
    assert change.details == {"added": [roles.EDITORS], "by": "chief"}
    assert change.client_address == "127.0.0.1"


def test_password_changes_are_recorded(db):
    reporter = make_user("reporter")
    reporter.set_password("another long passphrase")
    reporter.save()
    reporter.first_name = "Olena"
    reporter.save()
    assert [e.username for e in _events("password_changed")] == ["reporter"]


def test_record_is_the_one_way_in_for_other_parts_of_the_newsroom(editor):
    request = RequestFactory().post("/admin/snippets/articles/article/delete/7/")
    request.user = editor
    entry = security_log.record("article_deleted", None, request, article=7, headline="X")
    assert entry.event == "article_deleted"
    assert entry.details == {"article": 7, "headline": "X", "by": "editor"}
    assert entry.client_address == "127.0.0.1"
    assert abs(entry.at - timezone.now()) < dt.timedelta(seconds=5)


def test_events_are_never_changed_or_deleted(editor):
    entry = security_log.record(security_log.LOGIN, editor)
    entry.event = "nothing_happened"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        SecurityEvent.objects.filter(pk=entry.pk).update(event="nothing_happened")
    with pytest.raises(AppendOnlyError):
        SecurityEvent.objects.filter(pk=entry.pk).delete()
    assert SecurityEvent.objects.get(pk=entry.pk).event == security_log.LOGIN


def test_no_role_can_be_given_the_right_to_change_the_log(db):
    codenames = set(
        Permission.objects.filter(
            content_type__app_label="accounts", codename__contains="security"
        ).values_list("codename", flat=True)
    )
    assert codenames == {"view_securityevent"}


def test_administrators_read_the_log_editors_do_not(client, administrator, editor, clock):
    security_log.record(security_log.LOGIN_FAILED, None, username="someone-else")
    sign_in(client, editor)
    assert client.get("/admin/security-log/").status_code in (302, 403)
    assert "Security log" not in client.get("/admin/").content.decode()

    sign_in(client, administrator)
    page = client.get("/admin/security-log/")
    assert page.status_code == 200
    assert "someone-else" in page.content.decode()
    assert "Security log" in client.get("/admin/").content.decode()
    filtered = client.get("/admin/security-log/?account=nobody")
    assert "someone-else" not in filtered.content.decode()


def test_a_users_powers_changing_is_recorded_and_a_sign_in_time_is_not(db):
    reporter = make_user("reporter")
    reporter.is_superuser = True
    reporter.save()
    reporter.last_login = timezone.now()
    reporter.save(update_fields=["last_login"])
    reporter.is_active = False
    reporter.save()
    assert [e.details for e in _events("user_changed")] == [
        {"is_superuser": True},
        {"is_active": False},
    ]


def test_postgresql_itself_refuses_to_change_or_delete_an_event(editor):
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's (decision 0030)")
    entry = security_log.record(security_log.LOGIN, editor)
    for statement in (
        "UPDATE accounts_securityevent SET event = 'nothing' WHERE id = %s",
        "DELETE FROM accounts_securityevent WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [entry.pk])
    assert SecurityEvent.objects.get(pk=entry.pk).event == security_log.LOGIN


@pytest.mark.parametrize("rows", [5, 50])
def test_the_log_costs_the_same_queries_whatever_its_rows(
    client, administrator, rows, django_assert_num_queries
):
    for number in range(rows):
        security_log.record(security_log.LOGIN_FAILED, None, username="someone", attempt=number)
    sign_in(client, administrator)
    client.get("/admin/security-log/?account=someone")  # the session and permissions, once

    with django_assert_num_queries(LOG_QUERIES):
        page = client.get("/admin/security-log/?account=someone")
    assert page.content.decode().count("attempt: ") == rows  # one page holds 50


LOG_QUERIES = 10
