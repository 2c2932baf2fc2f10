"""Varnish hits against nginx serving the same bytes: interleaved, in one run.

    python bench/front.py --origin http://127.0.0.1:8000 --path /uk/news/SLUG/

The origin is a running Newsdesk (``newsdesk serve`` or ``newsdesk demo``). Varnish starts
with the deployment's VCL, its backend pointed at the origin, once with the deployment's
parameters (``deploy/varnish/varnishd.params``) and once with none (Varnish's defaults),
plus any ``--try NAME='-p a=b …'``. nginx serves the page's bytes as a static file: the
plain body, and for clients that accept gzip the gzip body Varnish sends them
(``gzip_static``), so that both send the same bytes. Each cycle loads every server in
turn, for a reader that accepts gzip (every browser) and for one that does not (Varnish
then gunzips its stored copy on each hit); the table shows each server's median over the
cycles and its ratio to nginx in the same cycles.
"""

from __future__ import annotations

import argparse
import shlex
import signal
import statistics
import sys
import tempfile
from pathlib import Path

from stack_servers import (
    ACCEPT_GZIP,
    Load,
    Processes,
    StackError,
    Wrk,
    free_port,
    get,
    log,
    start_nginx,
    start_varnish,
    varnishd_params,
)

GZIP = ACCEPT_GZIP
CLIENTS: dict[str, tuple[str, ...]] = {"accepts gzip": GZIP, "plain": ()}


def fetch(base: str, path: str, headers: tuple[str, ...]) -> tuple[dict[str, str], bytes]:
    status, found, body = get(base, path, headers=headers)
    if status != 200:
        raise StackError(f"{base}{path}: {status}")
    return found, body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--origin", required=True, help="a running Newsdesk, http://HOST:PORT")
    parser.add_argument("--path", required=True, help="the page, e.g. an article's address")
    parser.add_argument("--cycles", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per load")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--try",
        dest="variants",
        action="append",
        default=[],
        metavar="NAME=PARAMS",
        help="another Varnish with these varnishd options (repeatable)",
    )
    options = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    backend_port = int(options.origin.rsplit(":", 1)[1])
    variants = {"Varnish, deploy parameters": varnishd_params(), "Varnish, defaults": []}
    for variant in options.variants:
        name, _eq, params = variant.partition("=")
        variants[f"Varnish, {name}"] = shlex.split(params)
    processes = Processes()
    rates: dict[tuple[str, str], list[Load]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="newsdesk-front-") as folder:
            tmp = Path(folder)
            tmp.chmod(0o755)  # varnishd and nginx read their files as other users
            wrk = Wrk(
                tmp,
                threads=options.threads,
                connections=options.connections,
                duration=options.duration,
                warmup=options.warmup,
            )
            servers: dict[str, str] = {}
            for number, (name, params) in enumerate(variants.items()):
                port = free_port()
                start_varnish(
                    processes,
                    tmp,
                    port=port,
                    backend_port=backend_port,
                    params=params,
                    name=f"varnish{number}",
                )
                servers[name] = f"http://127.0.0.1:{port}"
            first = next(iter(servers.values()))
            fetch(first, options.path, GZIP)  # the miss that fills the cache
            gz_headers, gzipped = fetch(first, options.path, GZIP)
            _plain_headers, plain = fetch(first, options.path, ())
            if gz_headers.get("content-encoding") != "gzip":
                raise StackError("Varnish did not send gzip to a client that accepts it")
            nginx, _process = start_nginx(processes, tmp, plain, gzipped)
            servers = {"nginx, static file": nginx, **servers}
            paths = {name: options.path for name in servers} | {
                "nginx, static file": "/article.html"
            }
            for name, base in servers.items():  # every server sends the same bytes
                for headers in CLIENTS.values():
                    if fetch(base, paths[name], headers)[1] != (gzipped if headers else plain):
                        raise StackError(f"{name} sends other bytes")
            for cycle in range(options.cycles):
                for client, headers in CLIENTS.items():
                    for name, base in servers.items():
                        log(f"cycle {cycle + 1}: {name}, {client}")
                        load = wrk.load(base + paths[name], headers=headers)
                        rates.setdefault((name, client), []).append(load)
            get(first, options.path)
    except StackError as error:
        log(f"failed: {error}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        processes.stop_all()
    print(report(options, rates, servers, len(plain), len(gzipped)))
    return 0


def report(
    options: argparse.Namespace,
    rates: dict[tuple[str, str], list[Load]],
    servers: dict[str, str],
    plain: int,
    gzipped: int,
) -> str:
    out = [
        f"{options.path}: {plain:,} bytes plain, {gzipped:,} gzip; "
        f"wrk -t{options.threads} -c{options.connections} -d{options.duration}s, "
        f"{options.cycles} interleaved cycles; median of the cycles",
        "",
        "| server | client | req/s | p50 ms | p99 ms | ratio to nginx (each cycle) |",
        "|---|---|---:|---:|---:|---|",
    ]
    for client in CLIENTS:
        base = rates[("nginx, static file", client)]
        for name in servers:
            loads = rates[(name, client)]
            ratios = ", ".join(f"{a.rate / b.rate:.2f}" for a, b in zip(loads, base, strict=True))
            out.append(
                f"| {name} | {client} | {statistics.median(x.rate for x in loads):,.0f} "
                f"| {statistics.median(x.p50 for x in loads):.2f} "
                f"| {statistics.median(x.p99 for x in loads):.2f} | {ratios} |"
            )
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
