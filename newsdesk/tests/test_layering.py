"""Which way the code may depend (docs/architecture.md), checked on every module's imports.

Each module of the package is parsed with ``ast``; every ``import`` and ``from … import`` in
it counts, at any depth (inside functions and ``TYPE_CHECKING`` blocks too), relative ones
resolved. Test code (``tests/`` folders, ``conftest.py``, the factories in ``testing/``) is
exempt: a test may build whatever it needs. Imports by dotted string (settings,
``AppConfig.ready``) are not seen.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]

CONTENT = frozenset(
    {"sections", "taxonomy", "people", "stories", "articles", "live", "fronts", "breaking"}
)
EDITORIAL = frozenset({"editorial"})
PUBLISHING = frozenset({"publishing"})
# Moving a newsroom in and out writes through the write path, like the admin; it reads
# content and never a page's code. An export writes ninjs through the partners' API's own
# serialiser (decision 0052), the one output it may use.
TRANSFER = frozenset({"transfer"})
# Partners' wire copy (ninjs) comes in through the write path like an import, sanitised by
# the importer's body conversion; it answers partners itself, never through a page's or
# the read API's code, and nothing below it knows it exists.
WIRE = frozenset({"wire"})
OUTPUTS = frozenset({"site", "syndication", "search", "api", "readership", "frontcache"})
# Sign-in, second factors, sessions and the security log: beside the content, below
# publishing, which records its deletions and publishes in the security log.
ACCOUNTS = frozenset({"accounts"})
# Modules every layer may use; they use no app.
FOUNDATION = frozenset(
    {
        "cache_breaker",
        "editions",
        "formats",
        "http_policy",
        "local_cache",
        "throttles",
        "translatable",
        "trashable",
    }
)
APPS = (
    CONTENT
    | EDITORIAL
    | PUBLISHING
    | TRANSFER
    | WIRE
    | OUTPUTS
    | ACCOUNTS
    | {"demo", "replicas", "compression", "backups"}
)


@dataclass(frozen=True)
class Rule:
    importers: frozenset[str]
    forbidden: frozenset[str]
    why: str


RULES = (
    Rule(
        CONTENT,
        EDITORIAL | PUBLISHING | TRANSFER | WIRE | OUTPUTS,
        "content is the bottom layer: models, querysets, blocks",
    ),
    Rule(
        ACCOUNTS,
        CONTENT | EDITORIAL | PUBLISHING | WIRE | OUTPUTS,
        "accounts know the foundation only, so that every layer may write the security log",
    ),
    Rule(
        PUBLISHING,
        EDITORIAL | TRANSFER | WIRE | OUTPUTS,
        "publishing sits below the admin and tells the outputs by signal",
    ),
    Rule(
        TRANSFER,
        EDITORIAL | WIRE | (OUTPUTS - {"api"}),
        "imports and exports write through publishing and read content, not the admin or pages",
    ),
    Rule(
        WIRE,
        EDITORIAL | OUTPUTS,
        "the wire writes through publishing and answers partners itself, not through the API",
    ),
    Rule(
        EDITORIAL | OUTPUTS,
        WIRE,
        "the wire is a source; the admin and the outputs read the articles it made",
    ),
    Rule(
        frozenset({"frontcache", "replicas", "compression"}),
        frozenset({"site", "syndication", "search", "api"}),
        "middleware under every output reads the HTTP policy, not a page's code",
    ),
    Rule(
        frozenset({"api", "syndication"}),
        frozenset({"site"}),
        "outputs share the HTTP policy and the models' addresses, not the reader pages",
    ),
    Rule(FOUNDATION, APPS, "the foundation is imported by all and imports none"),
    Rule(
        frozenset({"backups"}),
        APPS - {"backups"},
        "backups name the models they count by label: a restore needs no app's code",
    ),
    Rule(
        # The console script starts the demo (``newsdesk demo``); nothing else may lean on it.
        frozenset(APPS - {"demo"}) | FOUNDATION | {"urls", "wsgi", "ticker"},
        frozenset({"demo"}),
        "the demo is a client of the product, never a part of it",
    ),
    Rule(
        frozenset(APPS) | FOUNDATION | {"cli", "urls", "wsgi", "ticker"},
        frozenset({"testing"}),
        "the tests' factories build on the product; the product never needs them",
    ),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


# The demo newsroom is its own distribution beside the product (``demo/``).
DEMO_PACKAGE = "newsdesk_demo"


def component(module: str) -> str | None:
    """``newsdesk.site.views`` → ``site``; ``newsdesk.replicas`` → ``replicas``;
    ``newsdesk_demo.setup`` → ``demo``."""
    parts = module.split(".")
    if parts[0] == DEMO_PACKAGE:
        return "demo"
    return parts[1] if parts[0] == PACKAGE.name and len(parts) > 1 else None


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            if component(target) is None:
                # ``from newsdesk import site``: the component is in the alias.
                found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def violations(source: str, module: str, *, is_package: bool = False) -> list[str]:
    importer = component(module)
    if importer is None:
        return []
    problems = []
    for target in sorted(imported_modules(source, module, is_package=is_package)):
        imported = component(target)
        if imported is None or imported == importer:
            continue
        for rule in RULES:
            if importer in rule.importers and imported in rule.forbidden:
                problems.append(f"{module} imports {target}: {rule.why}")
    return problems


def product_modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not {"tests", "testing"} & set(path.relative_to(PACKAGE).parts)
        and path.name != "conftest.py"
    ]


def test_every_layer_depends_only_downwards():
    problems = []
    for path in product_modules():
        problems += violations(
            path.read_text(encoding="utf-8"),
            module_name(path),
            is_package=path.name == "__init__.py",
        )
    assert problems == []


def test_the_walk_sees_the_whole_package():
    seen = {component(module_name(path)) for path in product_modules()}
    assert CONTENT | OUTPUTS | EDITORIAL | PUBLISHING | FOUNDATION | {"replicas"} <= seen


def test_every_component_has_a_layer():
    """A new app must be placed in the table, or its imports would go unchecked."""
    seen = {component(module_name(path)) for path in product_modules()}
    placed = APPS | FOUNDATION | {"cli", "urls", "wsgi", "ticker", "settings", "testing"}
    assert seen - {None} <= placed


def test_the_rules_catch_an_upward_import():
    upward = "from newsdesk.site.presentation import absolute\n"
    assert violations(upward, "newsdesk.sections.models")
    assert violations(upward, "newsdesk.frontcache.middleware")
    assert violations(upward, "newsdesk.api.endpoints")
    assert not violations(upward, "newsdesk.search.views")
    relative = "from ..editorial import slugs\n"
    assert violations(relative, "newsdesk.publishing.live")
    demo = "from newsdesk_demo.setup import prepare_demo\n"
    assert violations(demo, "newsdesk.site.views")
    assert violations(demo, "newsdesk.publishing.actions")
    assert not violations(demo, "newsdesk.cli")
    assert not violations("import newsdesk.editions\n", "newsdesk.articles.models")
    assert violations("from newsdesk.editorial import roles\n", "newsdesk.accounts.policy")
    assert not violations(
        "from newsdesk.accounts.security_log import record\n", "newsdesk.publishing.actions"
    )
    assert violations("from newsdesk.api.http import json_error\n", "newsdesk.wire.views")
    assert violations("from newsdesk.wire.models import Partner\n", "newsdesk.api.endpoints")
    assert not violations("from newsdesk.publishing import actions\n", "newsdesk.wire.ingest")
