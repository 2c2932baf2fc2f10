"""The release checks CI runs (decision 0046): Django's deployment checks on the production
settings, and the dependency audit of the lock files, which fails on a known
vulnerability and says so plainly, without failing, when the service is out of reach."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "scripts" / "audit.py"


def deploy_check(tmp_path: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "DJANGO"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "news.example.org",
        "NEWSDESK_HOME": str(tmp_path),
        **environment,
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "newsdesk.cli",
            "manage",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_production_settings_pass_the_deployment_checks(tmp_path):
    done = deploy_check(tmp_path)
    assert done.returncode == 0, done.stderr
    assert "no issues (0 silenced)" in done.stdout


def test_a_weakened_production_setting_fails_them(tmp_path):
    done = deploy_check(tmp_path, SECURE_SSL_REDIRECT="0", SECRET_KEY="short")
    assert done.returncode != 0
    assert "security.W008" in done.stderr
    assert "security.W009" in done.stderr


def audit(
    tmp_path: Path, probe: str, pip_audit: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSDESK_AUDIT_PROBE": probe}
    if pip_audit is not None:
        env["NEWSDESK_PIP_AUDIT"] = str(pip_audit)
    lock = tmp_path / "base.lock"
    lock.write_text("django==5.2.9 \\\n    --hash=sha256:00\n")
    return subprocess.run(  # noqa: S603 - this interpreter, our own script
        [sys.executable, str(AUDIT), str(lock)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def fake_pip_audit(tmp_path: Path, dependencies: list[dict], status: int) -> Path:
    """A stand-in for pip-audit that writes ``dependencies`` as its JSON report."""
    script = tmp_path / "pip-audit"
    report = json.dumps({"dependencies": dependencies, "fixes": []})
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "out = sys.argv[sys.argv.index('--output') + 1]\n"
        f"open(out, 'w').write({report!r})\n"
        f"sys.exit({status})\n"
    )
    script.chmod(0o755)
    return script


def service(tmp_path: Path) -> str:
    """A release record as PyPI's JSON API answers it, as a file:// address."""
    record = tmp_path / "django.json"
    record.write_text(json.dumps({"info": {"name": "Django"}, "vulnerabilities": []}))
    return record.as_uri()


def test_an_unreachable_service_is_said_plainly_and_does_not_fail(tmp_path):
    done = audit(tmp_path, "http://127.0.0.1:9/pypi/django/5.2.9/json")
    assert done.returncode == 0
    assert "NOT AUDITED" in done.stdout
    assert "cannot be reached" in done.stdout


def test_a_mirror_without_vulnerability_data_is_not_taken_for_a_clean_audit(tmp_path):
    record = tmp_path / "simple.json"
    record.write_text(json.dumps({"info": {"name": "Django"}}))
    done = audit(tmp_path, record.as_uri())
    assert done.returncode == 0
    assert "NOT AUDITED" in done.stdout


def test_a_known_vulnerability_fails_the_audit(tmp_path):
    vulnerable = [
        {
            "name": "django",
            "version": "5.2.9",
            "vulns": [{"id": "PYSEC-0000-1", "fix_versions": ["5.2.10"], "aliases": []}],
        }
    ]
    done = audit(tmp_path, service(tmp_path), fake_pip_audit(tmp_path, vulnerable, 1))
    assert done.returncode == 1
    assert "django 5.2.9: PYSEC-0000-1 (fixed in 5.2.10)" in done.stdout
    assert "1 with known vulnerabilities" in done.stdout


def test_a_clean_audit_passes_and_says_what_it_audited(tmp_path):
    clean = [{"name": "django", "version": "5.2.9", "vulns": []}]
    done = audit(tmp_path, service(tmp_path), fake_pip_audit(tmp_path, clean, 0))
    assert done.returncode == 0
    assert "1 locked packages of base.lock audited, 0 with known vulnerabilities" in done.stdout
