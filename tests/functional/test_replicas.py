"""Read replicas: readers' pages read a replica; editors, the admin, writes and what follows
a write read the primary; migrations run on the primary only (newsdesk.replicas).

The test settings define ``replica_1`` as a mirror of the test database (the same database
through a second connection); the ``routed`` fixture installs the router and middleware
as ``DATABASE_REPLICA_URLS`` does in ``settings/base.py``.
"""

from __future__ import annotations

import pytest
from django.db import connections, router
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsdesk.articles.models import Article
from newsdesk.replicas import (
    ReplicaMiddleware,
    hold_primary,
    primary_held,
    reading_alias,
    reads_from,
)
from newsdesk.sections.models import Section

from .production_settings import production_settings

ROUTER = "newsdesk.replicas.ReplicaRouter"
MIDDLEWARE = "newsdesk.replicas.ReplicaMiddleware"
SESSIONS = "django.contrib.sessions.middleware.SessionMiddleware"
BOTH = ["default", "replica_1"]


@pytest.fixture
def routed(settings):
    settings.DATABASE_ROUTERS = [ROUTER]
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index(SESSIONS), MIDDLEWARE)
    settings.MIDDLEWARE = middleware
    # Publishing in a test holds readers on the primary for a moment; the hold's own test
    # asks for one explicitly.
    settings.NEWSDESK_REPLICA_HOLD_SECONDS = 0
    yield
    # A persistent connection to the mirror would keep PostgreSQL from dropping the test
    # database at the end of the run.
    connections["replica_1"].close()


def test_the_router_reads_a_replica_only_when_told_and_until_a_write(routed):
    assert router.db_for_read(Article) == "default"  # outside a request: the primary
    with reads_from("replica_1") as alias:
        assert alias == "replica_1"
        assert router.db_for_read(Article) == "replica_1"
        assert router.db_for_read(Section) == "replica_1"
        assert router.db_for_write(Article) == "default"
        # Read your writes: the rest of this unit of work reads the primary.
        assert router.db_for_read(Article) == "default"
    assert router.db_for_read(Article) == "default"

    with reads_from("replica_1"):
        with reads_from(None):
            assert router.db_for_read(Article) == "default"
        assert router.db_for_read(Article) == "replica_1"
    with reads_from("replica_9"):  # not configured: the primary
        assert router.db_for_read(Article) == "default"


def test_migrations_run_on_the_primary_only_and_rows_may_relate_across(routed):
    assert router.allow_migrate("default", "articles", model_name="article")
    assert not router.allow_migrate("replica_1", "articles", model_name="article")
    assert not router.allow_migrate("replica_1", "wagtailcore")
    read, written = Section(), Article()
    read._state.db, written._state.db = "replica_1", "default"
    assert router.allow_relation(read, written)


@pytest.mark.parametrize(
    ("method", "path", "cookies", "reads"),
    [
        ("get", "/uk/", {}, "replica_1"),
        ("head", "/uk/news/", {}, "replica_1"),
        ("get", "/api/v1/articles", {}, "replica_1"),
        ("post", "/uk/read/1/", {}, "default"),
        ("get", "/admin/", {}, "default"),
        ("get", "/admin/login/", {}, "default"),
        ("get", "/uk/", {"sessionid": "an-editor"}, "default"),
    ],
)
def test_the_middleware_sends_readers_to_a_replica_and_editors_to_the_primary(
    routed, method, path, cookies, reads
):
    seen: list[str] = []

    def view(request):
        seen.append(reading_alias())
        router.db_for_write(Article)
        seen.append(reading_alias())
        return None

    request = getattr(RequestFactory(), method)(path)
    request.COOKIES.update(cookies)
    ReplicaMiddleware(view)(request)
    assert seen == [reads, "default"]
    assert reading_alias() == "default"  # nothing leaks into the next request


def test_after_a_change_readers_read_the_primary_for_a_moment(routed):
    seen: list[str] = []
    middleware = ReplicaMiddleware(lambda request: seen.append(reading_alias()))
    middleware(RequestFactory().get("/uk/"))
    hold_primary(60)
    assert primary_held()
    middleware(RequestFactory().get("/uk/"))
    hold_primary(0)
    assert not primary_held()
    middleware(RequestFactory().get("/uk/"))
    assert seen == ["replica_1", "default", "replica_1"]


# Transactional: a mirror is a second connection, which sees committed rows only.
@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_real_queries_go_where_the_rules_say(routed, client, admin_client, demo_content):
    demo_content(articles=6)
    article = Article.objects.published().in_edition("uk").newest_first().first()
    assert article is not None
    home = reverse("site:home", kwargs={"edition": "uk"})
    page = reverse("site:article", kwargs={"edition": "uk", "slug": article.slug})

    for url in (home, page, reverse("api:articles") + "?edition=uk"):
        with queries("default") as primary, queries("replica_1") as replica:
            response = client.get(url)
        assert response.status_code == 200, url
        assert replica.captured_queries, url
        assert not primary.captured_queries, (url, primary.captured_queries)
    assert article.headline in client.get(page).content.decode()

    # Right after a change, readers' pages read the primary (a purge refetches them).
    hold_primary(60)
    with queries("default") as primary, queries("replica_1") as replica:
        assert client.get(page).status_code == 200
    assert primary.captured_queries
    assert not replica.captured_queries
    hold_primary(0)

    # A signed-in editor reads the primary on the public site, as in the admin.
    for url in (home, page, reverse("wagtailsnippets_sections_section:list")):
        with queries("default") as primary, queries("replica_1") as replica:
            response = admin_client.get(url)
        assert response.status_code == 200, url
        assert primary.captured_queries, url
        assert not replica.captured_queries, (url, replica.captured_queries)

    # Read your writes, in any unit of work that opted in to a replica.
    section = Section.objects.get(pk=article.section_id)
    with reads_from("replica_1"), queries("default") as primary, queries("replica_1") as replica:
        Section.objects.filter(locale_id=section.locale_id).count()
        section.save(update_fields=["name"])
        Section.objects.filter(locale_id=section.locale_id).count()
    assert len(replica.captured_queries) == 1
    assert [q["sql"].split()[0] for q in primary.captured_queries][-1] == "SELECT"


def queries(alias: str) -> CaptureQueriesContext:
    return CaptureQueriesContext(connections[alias])


NAMES = ("DATABASES", "DATABASE_ROUTERS", "MIDDLEWARE")


def test_replica_urls_configure_aliases_router_and_middleware():
    primary = "postgres://newsdesk@db-primary:5432/newsdesk"
    replicas = (
        "postgres://reader@db-replica-a:5432/newsdesk, postgres://reader@db-replica-b/newsdesk"
    )
    configured = production_settings(
        {"DATABASE_URL": primary, "DATABASE_REPLICA_URLS": replicas}, *NAMES
    )
    databases = configured["DATABASES"]
    assert sorted(databases) == ["default", "replica_1", "replica_2"]
    assert [databases[a]["HOST"] for a in ("replica_1", "replica_2")] == [
        "db-replica-a",
        "db-replica-b",
    ]
    for alias in ("replica_1", "replica_2"):
        assert databases[alias]["CONN_MAX_AGE"] > 0
        assert databases[alias]["CONN_HEALTH_CHECKS"] is True
        assert databases[alias]["TEST"] == {"MIRROR": "default"}
    assert configured["DATABASE_ROUTERS"] == [ROUTER]
    middleware = configured["MIDDLEWARE"]
    # After the page cache (a hit reads no database), before sessions and users are
    # loaded: the whole request follows one rule.
    assert middleware.index(MIDDLEWARE) == middleware.index(SESSIONS) - 1
    assert middleware.index(MIDDLEWARE) > middleware.index(
        "newsdesk.frontcache.middleware.FrontCacheMiddleware"
    )

    alone = production_settings({"DATABASE_URL": primary}, *NAMES)
    assert sorted(alone["DATABASES"]) == ["default"]
    assert (alone["DATABASE_ROUTERS"] or []) == []
    assert MIDDLEWARE not in alone["MIDDLEWARE"]
