"""Newsdesk against another site serving the same kind of pages: interleaved, in one run.

    python bench/peer.py --ours http://127.0.0.1:8001 --peer http://127.0.0.1:8002 \\
        --page article /uk/news/SLUG/ /blog/SLUG/ --page home /uk/ / --cycles 3

Both servers are already running; this script starts nothing and knows nothing of how the
other site is built: it takes two base addresses and, for each ``--page``, a name and the
path of the nearest equivalent page on each side. Every path must answer 200 on both
sides (redirects count as a failure: a 301 is not a rendered page). Each page is fetched
once on each side to warm it, then every cycle loads each page on both sides in turn with
``wrk --latency`` after a short warm-up, so both sides see the same machine in the same
minute; the side that goes first alternates from cycle to cycle. The table shows each
side's median over the cycles and the ratio of Newsdesk's rate to the other's in each
cycle, with their median.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from stack_servers import Load, StackError, Wrk, get, log

SIDES = ("ours", "peer")


@dataclass
class Page:
    name: str
    paths: dict[str, str]
    size: dict[str, int] = field(default_factory=dict)
    loads: dict[str, list[Load]] = field(default_factory=lambda: {side: [] for side in SIDES})

    def ratios(self) -> list[float]:
        return [
            ours.rate / peer.rate if peer.rate else float("inf")
            for ours, peer in zip(self.loads["ours"], self.loads["peer"], strict=True)
        ]


def warm(base: str, path: str, headers: tuple[str, ...]) -> int:
    """Fetch ``path`` once; its size in bytes. Anything but 200 stops the run."""
    status, _headers, body = get(base, path, timeout=120, headers=headers)
    if status != 200:
        raise StackError(f"{base}{path} answered {status}, not 200")
    return len(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--ours", required=True, help="a running Newsdesk, http://HOST:PORT")
    parser.add_argument("--peer", required=True, help="the other site, http://HOST:PORT")
    parser.add_argument(
        "--page",
        nargs=3,
        action="append",
        required=True,
        metavar=("NAME", "OURPATH", "PEERPATH"),
        help="a page and its address on each side (repeatable)",
    )
    parser.add_argument(
        "--peer-header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="a header sent to the other site only, e.g. 'X-Forwarded-Proto: https' for a "
        "site that redirects plain HTTP (repeatable)",
    )
    parser.add_argument("--cycles", type=int, default=3)
    parser.add_argument("--duration", type=int, default=15, help="seconds per load")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of wrk before each load")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    options = parser.parse_args(argv)
    if options.cycles < 1 or options.duration < 1:
        parser.error("--cycles and --duration must be at least 1")
    for header in options.peer_header:
        if ": " not in header:
            parser.error(f"--peer-header {header!r}: expected 'Name: value'")
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    bases = {"ours": options.ours.rstrip("/"), "peer": options.peer.rstrip("/")}
    headers = {"ours": (), "peer": tuple(options.peer_header)}
    pages = [Page(name, {"ours": ours, "peer": peer}) for name, ours, peer in options.page]
    load_before = os.getloadavg()
    try:
        with tempfile.TemporaryDirectory(prefix="newsdesk-peer-") as folder:
            wrk = Wrk(
                Path(folder),
                threads=options.threads,
                connections=options.connections,
                duration=options.duration,
                warmup=options.warmup,
            )
            for page in pages:
                for side in SIDES:
                    page.size[side] = warm(bases[side], page.paths[side], headers[side])
            for cycle in range(options.cycles):
                order = SIDES if cycle % 2 == 0 else SIDES[::-1]
                for page in pages:
                    for side in order:
                        log(f"cycle {cycle + 1}: {page.name}, {side}")
                        url = bases[side] + page.paths[side]
                        page.loads[side].append(wrk.load(url, headers=headers[side]))
    except StackError as error:
        log(f"failed: {error}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    print(report(options, pages, load_before, os.getloadavg()))
    return 0


def report(
    options: argparse.Namespace,
    pages: list[Page],
    load_before: tuple[float, float, float],
    load_after: tuple[float, float, float],
) -> str:
    out = [
        f"wrk -t{options.threads} -c{options.connections} -d{options.duration}s --latency "
        f"after {options.warmup} s of warm-up, {options.cycles} interleaved cycles; "
        f"median of the cycles; load average {load_before[0]:.2f} before, "
        f"{load_after[0]:.2f} after",
        "",
        "| page | Newsdesk req/s | p50 ms | p99 ms | peer req/s | p50 ms | p99 ms "
        "| ratio (each cycle) | median ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for page in pages:
        cells = [page.name]
        for side in SIDES:
            loads = page.loads[side]
            cells += [
                f"{statistics.median(x.rate for x in loads):,.1f}",
                f"{statistics.median(x.p50 for x in loads):,.1f}",
                f"{statistics.median(x.p99 for x in loads):,.1f}",
            ]
        ratios = page.ratios()
        cells += [", ".join(f"{r:.1f}" for r in ratios), f"{statistics.median(ratios):.1f}"]
        out.append("| " + " | ".join(cells) + " |")
    out += [
        "",
        "| page | Newsdesk path | bytes | peer path | bytes | failures |",
        "|---|---|---:|---|---:|---|",
    ]
    for page in pages:
        notes = [f"{side}: {load.note}" for side in SIDES for load in page.loads[side] if load.note]
        out.append(
            f"| {page.name} | `{page.paths['ours']}` | {page.size['ours']:,} "
            f"| `{page.paths['peer']}` | {page.size['peer']:,} | {'; '.join(notes) or 'none'} |"
        )
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
