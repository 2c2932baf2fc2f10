"""Drills of the edge and of the degraded modes (decision 0031), each printing its figures.

    python bench/edge_drill.py --database-url postgres://postgres@127.0.0.1:5432/newsdesk_edge

``--only bypass`` or ``--only redis`` runs one drill; ``--redis-port``, ``--app-port`` and
``--varnish-port`` choose the ports (default: free ones).

The database is migrated and given the demo newsroom if it has no articles. Then, on the
production settings (gunicorn via ``newsdesk serve``, a throwaway redis-server of its own):

- bypass: Varnish with ``deploy/varnish/default.vcl`` in front. wrk on an article page
  plain, then with a made-up ``sessionid`` cookie and random parameters on every request,
  then random searches; the origin's requests are Varnish's ``MAIN.backend_req``.
- redis: the app's own page cache on Redis, one client asking for pages in turn while
  Redis answers, is stopped with SIGSTOP (hung), is resumed, and is killed; the slowest
  and the median answer of each phase.

Nothing here stops the shared PostgreSQL; the redis-server is the drill's own.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stack_servers import (
    ROOT,
    Processes,
    Wrk,
    free_port,
    get,
    log,
    program,
    run,
    start_varnish,
    wait_ready,
)

# Every request a new made-up session and new parameters: each would be a miss if cookies
# or unknown parameters chose the copy.
BYPASS_LUA = """\
counter = 0
request = function()
  counter = counter + 1
  local path = "%(path)s?nocache=" .. counter .. "&utm_source=" .. math.random(1, 1e9)
  return wrk.format("GET", path, {["Cookie"] = "sessionid=forged" .. counter .. "; _ga=1"})
end
"""
SEARCH_LUA = """\
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/uk/search/?q=word" .. counter .. "x" .. math.random(1, 1e9))
end
"""


def backend_requests(work: Path) -> int:
    output = run(
        [program("varnishstat"), "-n", str(work / "varnish"), "-1", "-f", "MAIN.backend_req"]
    )
    return int(output.split()[1])


def wrk_with(script: str, url: str, seconds: int, tmp: Path, name: str) -> str:
    lua = tmp / f"{name}.lua"
    lua.write_text(script)
    argv = [program("wrk"), "-t2", "-c16", f"-d{seconds}s", "--latency", "-s", str(lua), url]
    return run(argv)


def summary(output: str) -> str:
    lines = [line.strip() for line in output.splitlines()]
    rate = next((line for line in lines if line.startswith("Requests/sec")), "")
    other = next((line for line in lines if line.startswith("Non-2xx")), "Non-2xx: 0")
    return f"{rate}; {other}"


def timed(base: str, paths: list[str], seconds: float) -> list[float]:
    """One client asking for ``paths`` in turn for ``seconds``: each answer's time, in ms."""
    times: list[float] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in paths:
            started = time.perf_counter()
            status, _headers, _body = get(base, path, timeout=30)
            times.append((time.perf_counter() - started) * 1000)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
    return times


def describe(name: str, times: list[float]) -> str:
    return (
        f"{name:<22} {len(times):>5} pages  median {statistics.median(times):6.1f} ms"
        f"  slowest {max(times):7.1f} ms  over 200 ms: {sum(t > 200 for t in times)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seconds", type=int, default=10, help="length of each load")
    parser.add_argument("--only", choices=("bypass", "redis"), help="one drill, not both")
    parser.add_argument("--redis-port", type=int, help="the drill's redis-server (default: free)")
    parser.add_argument("--app-port", type=int, help="the app server (default: a free port)")
    parser.add_argument("--varnish-port", type=int, help="Varnish (default: a free port)")
    options = parser.parse_args()
    processes = Processes()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        tmp.chmod(0o755)
        try:
            drill(options, processes, tmp)
        finally:
            processes.stop_all()
    return 0


def drill(options: argparse.Namespace, processes: Processes, tmp: Path) -> None:
    redis_port = options.redis_port or free_port()
    redis = processes.start(
        [program("redis-server"), "--port", str(redis_port), "--save", "", "--appendonly", "no"],
        log_file=tmp / "redis.log",
    )
    home = tmp / "home"
    home.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "NEWSDESK_HOME": str(home),
        "DATABASE_URL": options.database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/7",
        "NEWSDESK_API_PROXY_COUNT": "0",
    }
    newsdesk = [sys.executable, "-m", "newsdesk.cli"]
    log("migrate, demo newsroom, collectstatic")
    run([*newsdesk, "manage", "migrate", "--verbosity", "0"], env=env)
    count = run(
        [
            *newsdesk,
            "manage",
            "shell",
            "-c",
            "from newsdesk.articles.models import Article; print(Article.objects.count())",
        ],
        env=env,
    )
    if int(count.split()[-1]) == 0:
        # The demo is its own distribution (decision 0021): the dev settings carry it.
        demo_env = env | {"DJANGO_SETTINGS_MODULE": "newsdesk.settings.dev"}
        run([*newsdesk, "manage", "load_demo"], env=demo_env)
    run([*newsdesk, "manage", "collectstatic", "--noinput", "--verbosity", "0"], env=env)
    slug = run(
        [
            *newsdesk,
            "manage",
            "shell",
            "-c",
            "from newsdesk.articles.models import Article; "
            "print(Article.objects.published().in_edition('uk').newest_first().first().slug)",
        ],
        env=env,
    ).split()[-1]
    article = f"/uk/news/{slug}/"

    if options.only != "redis":
        bypass_drill(options, processes, tmp, env, article)
    if options.only != "bypass":
        redis_drill(options, processes, tmp, env, article, redis)
    print(f"\n(machine: {os.cpu_count()} cores; {ROOT.name}; {time.strftime('%Y-%m-%d %H:%M')})")


def bypass_drill(
    options: argparse.Namespace, processes: Processes, tmp: Path, env: dict[str, str], article: str
) -> None:
    """Varnish in front, the app's page cache off (as in production)."""
    newsdesk = [sys.executable, "-m", "newsdesk.cli"]
    app_port = options.app_port or free_port()
    varnish_port = options.varnish_port or free_port()
    app_env = env | {"VARNISH_URLS": f"http://127.0.0.1:{varnish_port}"}
    serve = [*newsdesk, "serve", "--bind", f"127.0.0.1:{app_port}", "--workers", "2"]
    app = processes.start(serve, env=app_env, log_file=tmp / "app.log")
    wait_ready(f"http://127.0.0.1:{app_port}", app, tmp / "app.log")
    varnish_dir = tmp / "edge"
    varnish_dir.mkdir()
    varnish_dir.chmod(0o755)
    varnish = start_varnish(processes, varnish_dir, port=varnish_port, backend_port=app_port)
    edge = f"http://127.0.0.1:{varnish_port}"
    get(edge, article)
    wrk = Wrk(tmp, threads=2, connections=16, duration=options.seconds, warmup=0)
    plain = wrk.load(edge + article)
    print("\nCache-bypass drill through Varnish (wrk -t2 -c16, one client address)")
    print(f"  article, plain:                        {plain.rate:9.0f} req/s")
    before = backend_requests(varnish_dir)
    forged = wrk_with(BYPASS_LUA % {"path": article}, edge, options.seconds, tmp, "bypass")
    reached = backend_requests(varnish_dir) - before
    print(f"  article, forged cookie + random query: {summary(forged)}")
    print(f"    requests that reached the origin: {reached}")
    before = backend_requests(varnish_dir)
    searches = wrk_with(SEARCH_LUA, edge, options.seconds, tmp, "search")
    reached = backend_requests(varnish_dir) - before
    print(f"  random searches:                       {summary(searches)}")
    print(f"    requests that reached the origin: {reached} (limit: 30 a minute per client)")
    processes.stop(varnish)
    processes.stop(app)


def redis_drill(
    options: argparse.Namespace,
    processes: Processes,
    tmp: Path,
    env: dict[str, str],
    article: str,
    redis: subprocess.Popen[bytes],
) -> None:
    """The app's own page cache on Redis, no Varnish."""
    newsdesk = [sys.executable, "-m", "newsdesk.cli"]
    cache_port = options.app_port or free_port()
    cache_env = env | {"NEWSDESK_PAGE_CACHE": "1", "NEWSDESK_MISS_RATE": "1000000/m"}
    serve = [*newsdesk, "serve", "--bind", f"127.0.0.1:{cache_port}", "--workers", "2"]
    app = processes.start(serve, env=cache_env, log_file=tmp / "cached.log")
    base = f"http://127.0.0.1:{cache_port}"
    wait_ready(base, app, tmp / "cached.log")
    pages = ["/uk/", article, "/uk/news/", "/uk/news/rss.xml", "/en/"]
    timed(base, pages, 2)  # warm
    print("\nRedis drill: one client, pages in turn (the app's page cache on Redis)")
    print("  " + describe("Redis answering", timed(base, pages, options.seconds)))
    os.kill(redis.pid, signal.SIGSTOP)
    print("  " + describe("Redis hung (SIGSTOP)", timed(base, pages, options.seconds)))
    os.kill(redis.pid, signal.SIGCONT)
    print("  " + describe("Redis resumed", timed(base, pages, options.seconds)))
    processes.stop(redis)
    print("  " + describe("Redis stopped", timed(base, pages, options.seconds)))
    processes.stop(app)


if __name__ == "__main__":
    sys.exit(main())
