"""Audit the lock files for known vulnerabilities with pip-audit (PyPI's vulnerability data).

Usage: .venv/bin/python scripts/audit.py [LOCK ...]   (default: requirements/*.lock)

Exit status: 1 when a locked package has a known vulnerability (or pip-audit fails in a
way that is not the service being out of reach); 0 when none has, and 0 with a plain
"NOT AUDITED" line when PyPI's vulnerability service cannot be reached from this machine,
so that an offline CI run says what it could not check instead of failing or passing in
silence (decision 0046).

Before auditing, one release's record is asked for the way pip-audit asks for every
locked package (``/pypi/NAME/VERSION/json``, which carries a ``vulnerabilities`` list):
a mirror of PyPI's simple index that lacks that API answers 404, and then nothing could
be audited. ``NEWSDESK_AUDIT_PROBE`` names another probe address and
``NEWSDESK_PIP_AUDIT`` another pip-audit (the tests use both).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = "https://pypi.org/pypi/django/{version}/json"
# What pip-audit reports when the service fails rather than the audit.
UNREACHABLE = re.compile(
    r"ConnectionError|ConnectTimeout|ReadTimeout|Max retries exceeded|Name or service not "
    r"known|Temporary failure in name resolution|ServiceError",
)


def locked_django(lock: Path) -> str:
    found = re.search(r"^django==([^\s\\]+)", lock.read_text(encoding="utf-8"), re.MULTILINE)
    return found.group(1) if found else "5.2"


def probe(url: str) -> str | None:
    """None when ``url`` answers a release record with a vulnerabilities list, else why not."""
    try:
        with urllib.request.urlopen(url, timeout=15) as response:  # noqa: S310 - https or a test's
            record = json.load(response)
    except urllib.error.HTTPError as error:
        return f"{url} answered {error.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return f"{url}: {getattr(error, 'reason', error)}"
    except ValueError:
        return f"{url} did not answer JSON"
    if not isinstance(record, dict) or "vulnerabilities" not in record:
        return f"{url} answered no vulnerability data"
    return None


def main(arguments: list[str]) -> int:
    locks = [Path(a) for a in arguments] or sorted((ROOT / "requirements").glob("*.lock"))
    url = os.environ.get("NEWSDESK_AUDIT_PROBE") or PROBE.format(version=locked_django(locks[0]))
    why = probe(url)
    if why is not None:
        print(
            "dependency audit: NOT AUDITED — PyPI's vulnerability service cannot be reached "
            f"from here ({why}); the lock files were not checked."
        )
        return 0
    pip_audit = os.environ.get("NEWSDESK_PIP_AUDIT") or str(
        Path(sys.executable).with_name("pip-audit")
    )
    with tempfile.TemporaryDirectory() as scratch:
        report_path = Path(scratch) / "report.json"
        command = [
            pip_audit,
            "--vulnerability-service",
            "pypi",
            "--disable-pip",
            "--require-hashes",
        ]
        for lock in locks:
            command += ["-r", str(lock)]
        command += ["--format", "json", "--output", str(report_path), "--progress-spinner", "off"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        report = json.loads(report_path.read_text()) if report_path.exists() else None
    names = ", ".join(lock.name for lock in locks)
    if report is None:
        if done.returncode != 0 and UNREACHABLE.search(done.stderr):
            print(
                "dependency audit: NOT AUDITED — PyPI's vulnerability service stopped "
                f"answering during the audit; {names} were not fully checked.\n{done.stderr}"
            )
            return 0
        print(f"dependency audit: pip-audit failed (exit {done.returncode})\n{done.stderr}")
        return done.returncode or 1
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version"
            print(
                f"  {dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})"
            )
    for dependency in skipped:
        print(f"  not audited: {dependency['name']}: {dependency['skip_reason']}")
    audited = len(dependencies) - len(skipped)
    print(
        f"dependency audit: {audited} locked packages of {names} audited, "
        f"{len(vulnerable)} with known vulnerabilities"
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
