"""Roles: contributors submit for review, editors approve, section editors stay in their
sections (docs/decisions/0004-section-editors.md)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow, WorkflowState
from wagtail.permissions import policy_registry

from newsdesk.articles.models import Article
from newsdesk.editorial import roles
from newsdesk.editorial.permissions import confined_sections
from newsdesk.testing.factories import sign_in

from .conftest import make_user
from .payloads import article_payload

NS = "wagtailsnippets_articles_article"


def url(name: str, *args: object) -> str:
    return reverse(f"{NS}:{name}", args=args)


def test_the_roles_and_the_review_workflow_exist(db) -> None:
    def codenames(name: str) -> set[str]:
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {"add_article", "change_article", "access_admin"} <= codenames(roles.CONTRIBUTORS)
    assert "publish_article" not in codenames(roles.CONTRIBUTORS)
    assert {"publish_article", "lock_article", "change_front", "change_section"} <= codenames(
        roles.EDITORS
    )
    assert "publish_article" in codenames(roles.SECTION_EDITORS)
    assert not {"edit_all_sections", "change_section"} & codenames(roles.SECTION_EDITORS)
    workflow = Article.get_default_workflow()
    assert workflow == Workflow.objects.get(name="Editorial review")
    [task] = [task.specific for task in workflow.tasks]
    assert set(task.groups.values_list("name", flat=True)) == {
        roles.EDITORS,
        roles.SECTION_EDITORS,
    }


def test_a_contributor_cannot_publish_but_submits_and_an_editor_approval_publishes(
    client, contributor, editor, war, reporter
) -> None:
    sign_in(client, contributor)
    client.post(f"{url('add')}?locale=uk", article_payload(section=war, authors=[reporter]))
    article = Article.objects.get()
    edit = article_payload(section=war, authors=[reporter], article=article)

    client.post(url("edit", article.pk), {**edit, "action-publish": "1"})
    article.refresh_from_db()
    assert not article.live

    client.post(url("edit", article.pk), {**edit, "action-submit": "1"})
    article.refresh_from_db()
    assert not article.live
    assert article.workflow_in_progress

    sign_in(client, editor)
    task_state = article.current_workflow_task_state
    response = client.post(url("workflow_action", article.pk, "approve", task_state.pk))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED


def test_section_editors_are_confined_and_editors_are_not(editor, war_editor, war) -> None:
    assert confined_sections(war_editor) == {war.pk}
    assert confined_sections(editor) is None
    superuser = make_user("root", is_superuser=True)
    assert confined_sections(superuser) is None


def test_a_user_in_no_role_is_confined_to_nothing(db) -> None:
    assert confined_sections(make_user("nobody")) == frozenset()


def test_section_editor_lists_only_their_sections(
    client, war_editor, make_article, war, politics
) -> None:
    mine = make_article(war, headline="Фронт: зведення")
    theirs = make_article(politics, headline="Парламент: голосування")
    sign_in(client, war_editor)

    response = client.get(url("list"))

    assert list(response.context["object_list"]) == [mine]
    assert theirs.headline not in response.content.decode()


@pytest.mark.parametrize(
    ("method", "view"),
    [
        ("get", "edit"),
        ("post", "edit"),
        ("get", "history"),
        ("post", "delete"),
        ("post", "unpublish"),
        ("post", "lock"),
    ],
)
def test_section_editor_cannot_touch_another_section(
    client, war_editor, make_article, politics, reporter, method: str, view: str
) -> None:
    article = make_article(politics, headline="Парламент: голосування", live=True)
    sign_in(client, war_editor)
    data = {}
    if view == "edit":
        data = article_payload(
            section=politics, authors=[reporter], article=article, action="publish"
        )

    response = getattr(client, method)(url(view, article.pk), data)

    assert response.status_code == 302  # Wagtail turns a PermissionDenied into this
    assert response.url == reverse("wagtailadmin_home")
    article.refresh_from_db()
    assert article.live
    assert not article.locked
    assert Article.objects.filter(pk=article.pk).exists()


def test_section_editor_publishes_in_their_section(
    client, war_editor, make_article, war, reporter
) -> None:
    article = make_article(war, headline="Фронт: зведення")
    sign_in(client, war_editor)

    response = client.post(
        url("edit", article.pk),
        article_payload(section=war, authors=[reporter], article=article, action="publish"),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live


def test_section_editor_cannot_file_an_article_in_another_section(
    client, war_editor, war, politics, reporter
) -> None:
    sign_in(client, war_editor)

    offered = client.get(f"{url('add')}?locale=uk").context["form"].fields["section"].queryset
    response = client.post(
        f"{url('add')}?locale=uk",
        article_payload(section=politics, authors=[reporter], action="publish"),
    )

    assert list(offered) == [war]
    assert "You can file articles only in the sections you edit." in response.content.decode()
    assert not Article.objects.exists()


def test_section_editor_cannot_approve_another_sections_article(
    client, contributor, war_editor, make_article, politics
) -> None:
    article = make_article(politics, headline="Парламент: голосування")
    article.get_workflow().start(article, contributor)
    task_state = article.current_workflow_task_state
    sign_in(client, war_editor)

    response = client.post(url("workflow_action", article.pk, "approve", task_state.pk))

    assert response.url == reverse("wagtailadmin_home")
    article.refresh_from_db()
    assert not article.live
    assert article.workflow_in_progress


def test_the_policy_names_who_may_publish_an_article(
    editor, contributor, war_editor, make_article, war, politics
) -> None:
    policy = policy_registry.get_by_type(Article)
    in_war = make_article(war, headline="Фронт: зведення")
    in_politics = make_article(politics, headline="Парламент: голосування")

    assert set(policy.users_with_permission_for_instance("publish", in_war)) == {
        editor,
        war_editor,
    }
    assert set(policy.users_with_permission_for_instance("publish", in_politics)) == {editor}
    assert policy.user_has_permission_for_instance(war_editor, "publish", in_war)
    assert not policy.user_has_permission_for_instance(war_editor, "publish", in_politics)
    assert not policy.user_has_permission_for_instance(contributor, "publish", in_war)
