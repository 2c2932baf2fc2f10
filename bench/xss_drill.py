"""The XSS drill over the whole corpus: every payload through every editor field, reader
and admin pages in Chromium, feeds, API and sitemaps checked.

    .venv/bin/python bench/xss_drill.py [--chunk 40] [--first 1] [--last N] [--step 1]

Runs ``tests/functional/test_xss_drill.py`` once per chunk of payloads
(``XSS_DRILL=FIRST-LAST``; a chunk is one fresh test database, its listings a few pages
long; ``--step K`` takes every K-th payload, a spread over every heading when time is
short), prints each chunk's figures as it ends, then the totals. Exits 1 if any payload ran
or any output was unsafe.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIGURES = re.compile(
    r"XSS drill: (?P<payloads>\d+) payloads x (?P<fields>\d+) fields; (?P<loads>\d+) page loads "
    r"\((?P<reader>\d+) reader, (?P<admin>\d+) admin\); (?P<outputs>\d+) feed/API/sitemap "
    r"documents; (?P<executions>\d+) executions; (?P<unsafe>\d+) unsafe outputs"
)


def corpus_size() -> int:
    from newsdesk.testing.xss import payloads

    return len(payloads())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunk", type=int, default=40)
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--last", type=int, default=0, help="default: the corpus's last")
    parser.add_argument("--step", type=int, default=1, help="every STEP-th payload")
    options = parser.parse_args()
    last = options.last or corpus_size()
    home = ROOT / "var" / "bench-xss"
    home.mkdir(parents=True, exist_ok=True)
    totals = dict.fromkeys(
        ("payloads", "loads", "reader", "admin", "outputs", "executions", "unsafe"), 0
    )
    fields = 0
    failed = False
    started = time.monotonic()
    span = options.chunk * options.step
    for first in range(options.first, last + 1, span):
        stop = min(first + span - 1, last)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "tests/functional/test_xss_drill.py",
                "-q",
                "-p",
                "no:randomly",
                "-s",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "XSS_DRILL": f"{first}-{stop}/{options.step}",
                "NEWSDESK_HOME": str(home),
            },
            capture_output=True,
            text=True,
            check=False,
        )
        found = FIGURES.search(done.stdout)
        if found is None:
            print(f"payloads {first}-{stop}: the drill did not finish\n{done.stdout[-3000:]}")
            return 2
        figures = {k: int(v) for k, v in found.groupdict().items()}
        fields = figures.pop("fields")
        for key in totals:
            totals[key] += figures[key]
        failed = failed or done.returncode != 0
        print(f"payloads {first}-{stop}: {found.group(0)}", flush=True)
        if done.returncode != 0:
            print(done.stdout[-5000:])
    minutes = (time.monotonic() - started) / 60
    print(
        f"\nTotal: {totals['payloads']} payloads x {fields} fields; {totals['loads']} page loads "
        f"in Chromium ({totals['reader']} reader, {totals['admin']} admin); "
        f"{totals['outputs']} feed/API/sitemap documents; {totals['executions']} executions; "
        f"{totals['unsafe']} unsafe outputs; {minutes:.0f} min"
    )
    return 1 if failed or totals["executions"] or totals["unsafe"] else 0


if __name__ == "__main__":
    sys.exit(main())
