"""The latency tail of a warm page through ``newsdesk serve``: worker recycling and preload.

    python bench/tail.py --home NEWSDESK_HOME --path /uk/news/SLUG/

``--home`` holds an SQLite newsroom (``newsdesk demo`` or ``build_archive`` made it); the
servers run with the production settings and the app's own page cache (the embedded stack),
each from a home of its own that links the database and media and holds the collected static
files. Three servers, started side by side and loaded in turn for ``--cycles`` cycles with
``wrk -t2 -c20 -d15s --latency`` after a warm-up:

- "recycled, imported per worker": gunicorn as ``newsdesk serve`` ran it before (each
  worker imports the app after its fork and is replaced after ``--max-requests`` requests,
  2,000 by default, plus up to a tenth of jitter);
- "preloaded, recycled": ``newsdesk serve`` with the same ``--max-requests`` (forks of a
  loaded, warmed master);
- "preloaded" : ``newsdesk serve`` as shipped (no recycling).
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import statistics
import sys
import tempfile
from pathlib import Path

from stack_servers import (
    Load,
    Processes,
    StackError,
    Wrk,
    free_port,
    log,
    run,
    wait_ready,
)

WORKERS = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--home", required=True, help="NEWSDESK_HOME of an SQLite newsroom")
    parser.add_argument("--path", required=True, help="the warm page, e.g. an article")
    parser.add_argument("--cycles", type=int, default=3)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument(
        "--max-requests",
        type=int,
        default=2000,
        help="the recycled servers' --max-requests (jitter a tenth); on a busy machine, "
        "scale it down with the rate to replace workers as often as a quiet one would",
    )
    options = parser.parse_args(argv)
    recycle = str(options.max_requests)
    jitter = str(options.max_requests // 10)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    archive = Path(options.home).resolve()
    python = sys.executable
    gunicorn = str(Path(python).parent / "gunicorn")
    serve = [python, "-m", "newsdesk.cli", "serve", "--workers", str(WORKERS)]
    variants = {
        "recycled, imported per worker": [
            gunicorn,
            "newsdesk.wsgi:application",
            "--workers",
            str(WORKERS),
            "--max-requests",
            recycle,
            "--max-requests-jitter",
            jitter,
            "--error-logfile",
            "-",
        ],  # its control socket is added below, in its own home
        "preloaded, recycled": [
            *serve,
            "--max-requests",
            recycle,
            "--max-requests-jitter",
            jitter,
        ],
        "preloaded": serve,
    }
    processes = Processes()
    loads: dict[str, list[Load]] = {name: [] for name in variants}
    logs: dict[str, Path] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="newsdesk-tail-") as folder:
            tmp = Path(folder)
            env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "REDIS"))}
            env |= {
                "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(32),
                "SECURE_SSL_REDIRECT": "0",
                "ALLOWED_HOSTS": "127.0.0.1",
                "NEWSDESK_PAGE_CACHE": "1",
            }
            static = tmp / "static"
            log("collectstatic")
            run(
                [python, "-m", "newsdesk.cli", "manage", "collectstatic", "--noinput", "-v0"],
                env=env | {"NEWSDESK_HOME": str(tmp)},
            )
            wrk = Wrk(
                tmp,
                threads=2,
                connections=options.connections,
                duration=options.duration,
                warmup=options.warmup,
            )
            bases: dict[str, str] = {}
            for number, (name, argv_) in enumerate(variants.items()):
                home = tmp / f"home{number}"
                home.mkdir()
                (home / "static").symlink_to(static)
                for link in ("newsdesk.sqlite3", "media"):
                    (home / link).symlink_to(archive / link)
                port = free_port()
                logs[name] = tmp / f"server{number}.log"
                if argv_[0] == gunicorn:
                    argv_ = [*argv_, "--control-socket", str(home / "gunicorn.ctl")]
                process = processes.start(
                    [*argv_, "--bind", f"127.0.0.1:{port}"],
                    env=env | {"NEWSDESK_HOME": str(home), "BASE_URL": f"http://127.0.0.1:{port}"},
                    log_file=logs[name],
                )
                bases[name] = f"http://127.0.0.1:{port}"
                wait_ready(bases[name], process, logs[name])
            for cycle in range(options.cycles):
                for name, base in bases.items():
                    log(f"cycle {cycle + 1}: {name}")
                    loads[name].append(wrk.load(base + options.path))
            booted = {
                n: p.read_text(errors="replace").count("Booting worker") for n, p in logs.items()
            }
    except StackError as error:
        log(f"failed: {error}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        processes.stop_all()
    seconds = options.cycles * (options.duration + options.warmup)
    print(
        f"{options.path}, page cache on, {WORKERS} sync workers; wrk -t2 "
        f"-c{options.connections} -d{options.duration}s --latency after {options.warmup} s "
        f"of warm-up, {options.cycles} interleaved cycles; recycled: --max-requests {recycle} "
        f"--max-requests-jitter {jitter}; median of the cycles (each cycle)\n"
    )
    print("| server | req/s | p50 ms | p99 ms | p99 / p50 | workers replaced |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, found in loads.items():
        p50 = statistics.median(x.p50 for x in found)
        p99 = statistics.median(x.p99 for x in found)
        each = ", ".join(f"{x.p99:.1f}" for x in found)
        print(
            f"| {name} | {statistics.median(x.rate for x in found):,.0f} | {p50:.2f} "
            f"| {p99:.2f} ({each}) | {p99 / p50:.1f} | {booted[name] - WORKERS} in ≈ {seconds} s |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
