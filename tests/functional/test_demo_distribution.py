"""The demo newsroom is its own distribution (decision 0021): a production install and the
production settings carry none of it, and ``newsdesk demo`` without it says how to get it."""

from __future__ import annotations

import ast
import fnmatch
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from newsdesk_demo.phrases import DESKS

from .production_settings import ROOT, production_settings

DEMO_COMMANDS = ("load_demo", "build_archive")


def _run(code_or_args: list[str], **environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "DJANGO"))}
    return subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, *code_or_args],
        env=env | environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_do_not_install_the_demo():
    apps = production_settings({}, "INSTALLED_APPS")["INSTALLED_APPS"]
    assert "newsdesk.frontcache" in apps
    assert not [app for app in apps if "demo" in app]


def test_production_settings_cannot_run_the_demo_commands(tmp_path):
    # The demo's distribution is installed in this environment (the dev install): only the
    # settings keep its commands away.
    production = {
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
        "SECRET_KEY": "settings-test",
        "NEWSDESK_HOME": str(tmp_path),
    }
    listed = _run(["-m", "newsdesk.cli", "manage", "help", "--commands"], **production)
    assert listed.returncode == 0, listed.stderr
    commands = listed.stdout.split()
    assert "publish_due" in commands and "migrate" in commands
    for command in DEMO_COMMANDS:
        assert command not in commands
        refused = _run(["-m", "newsdesk.cli", "manage", command], **production)
        assert refused.returncode != 0
        assert f"Unknown command: '{command}'" in refused.stderr


def test_dev_settings_run_the_demo_commands_when_the_demo_is_installed(tmp_path):
    listed = _run(
        ["-m", "newsdesk.cli", "manage", "help", "--commands"],
        DJANGO_SETTINGS_MODULE="newsdesk.settings.dev",
        NEWSDESK_HOME=str(tmp_path),
    )
    assert listed.returncode == 0, listed.stderr
    assert set(DEMO_COMMANDS) <= set(listed.stdout.split())


def _setuptools(pyproject: Path) -> dict[str, Any]:
    """The [tool.setuptools] table as setuptools expands it when it builds the wheel."""
    setuptools_config = pytest.importorskip(
        "setuptools.config.pyprojecttoml", reason="setuptools reads the package lists"
    )
    with warnings.catch_warnings():
        # setuptools calls its own [tool.setuptools] table "beta"; that is not ours to fix.
        warnings.simplefilter("ignore")
        config = setuptools_config.read_configuration(pyproject, expand=True)
    return config["tool"]["setuptools"]


def _packages(pyproject: Path) -> list[str]:
    return _setuptools(pyproject)["packages"]


def test_the_product_distribution_holds_no_demo_module():
    packages = _packages(ROOT / "pyproject.toml")
    assert "newsdesk" in packages and "newsdesk.publishing" in packages
    assert not [name for name in packages if "demo" in name]


def test_the_demo_distribution_holds_the_demo_package():
    packages = _packages(ROOT / "demo" / "pyproject.toml")
    assert {"newsdesk_demo", "newsdesk_demo.management.commands", "newsdesk_demo.archive"} <= set(
        packages
    )
    assert not [name for name in packages if name.startswith("newsdesk.")]


def test_the_demo_distribution_carries_the_phrase_banks():
    patterns = _setuptools(ROOT / "demo" / "pyproject.toml")["package-data"][
        "newsdesk_demo.phrases"
    ]
    banks = sorted((ROOT / "demo" / "newsdesk_demo" / "phrases").glob("*.json"))
    assert {bank.stem for bank in banks} == {*DESKS, "places"}
    for bank in banks:
        assert any(fnmatch.fnmatch(bank.name, pattern) for pattern in patterns), bank.name


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_the_product_imports_the_demo_only_in_the_demo_command():
    importers = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "newsdesk").rglob("*.py")
        if "tests" not in path.parts
        and any(name.split(".")[0] == "newsdesk_demo" for name in _imported_modules(path))
    }
    assert importers == {"newsdesk/cli.py"}


def test_newsdesk_demo_without_the_demo_says_how_to_get_it(tmp_path):
    # A fresh interpreter in which the demo's package cannot be found, as in a production
    # install of the newsdesk distribution alone.
    done = _run(
        [
            "-c",
            "import sys; sys.modules['newsdesk_demo'] = None; "
            "from newsdesk.cli import main; raise SystemExit(main(['demo', '--port', '8099']))",
        ],
        NEWSDESK_HOME=str(tmp_path),
    )
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "bash scripts/demo" in lines[0]
    assert "Traceback" not in done.stderr
