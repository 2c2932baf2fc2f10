"""Read the production settings as a fresh interpreter sees them under a given environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CODE = (
    "import json, sys; from newsdesk.settings import production as s; "
    "print(json.dumps({n: getattr(s, n, None) for n in sys.argv[1:]}, default=str))"
)


def production_settings(environment: dict[str, str], *names: str) -> dict[str, Any]:
    """The settings ``names`` (None where unset) of ``newsdesk.settings.production``,
    imported with ``environment`` instead of this run's database and settings variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "DJANGO"))}
    env |= {"SECRET_KEY": "settings-test", **environment}
    done = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", CODE, *names],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)
