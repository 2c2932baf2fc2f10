"""Servers and load for ``bench/stack.py``: start, wait for, measure and stop them.

Every server runs in a process group of its own and is stopped as a group (the server and its
workers, nothing else) when the run ends, fails or is interrupted; on Linux a server is
also told to stop if the benchmark itself is killed.
"""

from __future__ import annotations

import ctypes
import http.client
import os
import re
import shlex
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
NGINX_TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
VARNISHD_PARAMS = ROOT / "deploy" / "varnish" / "varnishd.params"
# wrk prints this line from the Lua ``done`` hook: counts, then latencies in microseconds.
WRK_SCRIPT = """\
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %.0f %.0f %.0f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


class StackError(RuntimeError):
    """A server did not start, or a step of the run failed."""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(argv: Sequence[str], *, env: dict[str, str] | None = None) -> str:
    """Run a command to its end and return its stdout (its stderr goes to ours)."""
    done = subprocess.run(  # noqa: S603 - programs and options are chosen by this script
        list(argv), env=env, cwd=ROOT, stdout=subprocess.PIPE, check=False
    )
    if done.returncode != 0:
        raise StackError(f"{' '.join(argv[:5])}… exited with {done.returncode}")
    return done.stdout.decode()


def first_line(argv: Sequence[str]) -> str:
    """The first line a command prints on stdout or stderr (version banners)."""
    done = subprocess.run(list(argv), capture_output=True, text=True, check=False)  # noqa: S603
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else ""


def program(name: str) -> str:
    """The path of an installed program; daemons live in sbin, often not on a user's PATH."""
    found = shutil.which(name) or shutil.which(name, path="/usr/local/sbin:/usr/sbin:/sbin")
    if found is None:
        raise StackError(f"{name} is not installed")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get(
    base: str, path: str, timeout: float = 60, headers: Sequence[str] = ()
) -> tuple[int, dict[str, str], bytes]:
    """GET ``path`` from ``http://host:port``, with ``headers`` ("Name: value"): status,
    headers (lower-case names), body."""
    host, _colon, port = base.removeprefix("http://").partition(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    sent = {"Host": "127.0.0.1", **dict(header.split(": ", 1) for header in headers)}
    try:
        connection.request("GET", path, headers=sent)
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def _stop_with_parent() -> None:
    # prctl(PR_SET_PDEATHSIG, SIGTERM): the server is told to stop when the benchmark dies.
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)


class Processes:
    """The servers a run started."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen[bytes]] = []

    def start(
        self, argv: Sequence[str], *, log_file: Path, env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        with log_file.open("ab") as out:
            process = subprocess.Popen(  # noqa: S603 - programs and options chosen here
                list(argv),
                env=env,
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_stop_with_parent,
            )
        self.running.append(process)
        return process

    def stop(self, process: subprocess.Popen[bytes]) -> None:
        """SIGINT to the server's own process group, SIGKILL after 20 s. SIGINT is the quick
        shutdown of gunicorn, nginx and varnishd alike (SIGTERM lets gunicorn's workers
        finish the requests wrk left queued)."""
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGINT)
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            except ProcessLookupError:
                pass
        self.running.remove(process)

    def stop_all(self) -> None:
        for process in reversed(self.running[:]):
            self.stop(process)


def wait_ready(
    base: str,
    process: subprocess.Popen[bytes],
    log_file: Path,
    *,
    path: str = "/robots.txt",
    timeout: float = 120,
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_file.read_text(errors="replace")[-2000:]
            raise StackError(f"{log_file.name}: the server exited\n{tail}")
        try:
            if get(base, path, timeout=5)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise StackError(f"{base}{path} did not answer within {timeout:.0f} s")


def worker_memory(master: int) -> list[int]:
    """Resident memory (KiB, VmRSS) of each child process of ``master``."""
    children: list[int] = []
    for task in Path(f"/proc/{master}/task").iterdir():
        children += [int(pid) for pid in (task / "children").read_text().split()]
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if found:
            sizes.append(int(found.group(1)))
    return sizes


@dataclass
class Load:
    """One wrk run: requests per second, latencies in milliseconds, failures."""

    rate: float
    p50: float
    p95: float
    p99: float
    failed: int  # socket errors and timeouts
    bad_status: int  # responses outside 2xx and 3xx

    @property
    def note(self) -> str:
        parts = []
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.bad_status:
            parts.append(f"{self.bad_status} non-2xx/3xx")
        return ", ".join(parts)


# What every browser sends: the front cache's hits are measured with it, and nginx then
# serves the same gzip bytes (bench/nginx.conf.template, gzip_static).
ACCEPT_GZIP = ("Accept-Encoding: gzip",)


class Wrk:
    def __init__(self, tmp: Path, *, threads: int, connections: int, duration: int, warmup: int):
        self.script = tmp / "report.lua"
        self.script.write_text(WRK_SCRIPT)
        self.program = program("wrk")
        self.threads = threads
        self.connections = connections
        self.duration = duration
        self.warmup = warmup

    def load(
        self, url: str, *, connections: int | None = None, headers: Sequence[str] = ()
    ) -> Load:
        """A warm-up run, then the measured one; ``headers`` ("Name: value") on every
        request."""
        connections = connections or self.connections
        argv = [self.program, f"-t{min(self.threads, connections)}", f"-c{connections}"]
        argv += ["--timeout", "60s", "--latency", "-s", str(self.script)]
        for header in headers:
            argv += ["-H", header]
        if self.warmup:
            run([*argv, f"-d{self.warmup}s", url])
        # wrk leaves its last requests queued at the server (a sync worker renders a request
        # whose client has gone): one request of our own waits until they are served.
        address = urlsplit(url)
        get(
            f"http://{address.netloc}",
            address.path + (f"?{address.query}" if address.query else ""),
        )
        output = run([*argv, f"-d{self.duration}s", url])
        found = re.search(r"^RESULT ([\d ]+)$", output, re.MULTILINE)
        if found is None:
            raise StackError(f"no result from wrk for {url}:\n{output}")
        requests, micros, connect, read, write, status, timeouts, p50, p95, p99 = map(
            int, found.group(1).split()
        )
        return Load(
            rate=requests / (micros / 1e6),
            p50=p50 / 1000,
            p95=p95 / 1000,
            p99=p99 / 1000,
            failed=connect + read + write + timeouts,
            bad_status=status,
        )


def varnishd_params(path: Path = VARNISHD_PARAMS) -> list[str]:
    """The deployment's varnishd options (``-p name=value``…), as README starts Varnish."""
    return shlex.split(path.read_text(), comments=True)


def start_varnish(
    processes: Processes,
    tmp: Path,
    *,
    port: int,
    backend_port: int,
    params: Sequence[str] | None = None,
    name: str = "varnish",
) -> subprocess.Popen[bytes]:
    """varnishd with the deployment's VCL, its backend pointed at 127.0.0.1:backend_port,
    and the deployment's parameters unless ``params`` says otherwise."""
    text = VCL.read_text()
    text, ports = re.subn(r'\.port = "\d+";', f'.port = "{backend_port}";', text, count=1)
    text, hosts = re.subn(r'\.host = "[^"]*";', '.host = "127.0.0.1";', text, count=1)
    if not (ports and hosts):
        raise StackError(f"no backend host and port in {VCL}")
    vcl = tmp / f"{name}.vcl"
    vcl.write_text(text)
    log_file = tmp / f"{name}.log"
    argv = [program("varnishd"), "-F", "-n", str(tmp / name)]
    argv += ["-a", f"127.0.0.1:{port}", "-f", str(vcl), "-s", "malloc,256m"]
    argv += varnishd_params() if params is None else params
    process = processes.start(argv, log_file=log_file)
    wait_ready(f"http://127.0.0.1:{port}", process, log_file)
    return process


def start_nginx(
    processes: Processes, tmp: Path, body: bytes, gzipped: bytes | None = None
) -> tuple[str, subprocess.Popen[bytes]]:
    """nginx serving ``body`` as /article.html (one worker per core, no access log), and
    ``gzipped`` instead to clients that accept gzip, when given (``gzip_static``)."""
    nginx = program("nginx")
    prefix = tmp / "nginx"
    root = prefix / "www"
    root.mkdir(parents=True)
    (root / "article.html").write_bytes(body)
    if gzipped is not None:
        (root / "article.html.gz").write_bytes(gzipped)
    built = subprocess.run([nginx, "-V"], capture_output=True, text=True, check=False).stderr  # noqa: S603
    temp_paths = "\n".join(
        f"    {module}_temp_path {prefix}/{module}_temp;"
        for module in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        if f"--without-http_{module}_module" not in built
    )
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(
        string.Template(NGINX_TEMPLATE.read_text()).substitute(
            workers=os.cpu_count() or 1, prefix=prefix, port=port, root=root, temp_paths=temp_paths
        )
    )
    log_file = tmp / "nginx.log"
    argv = [nginx, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"]
    process = processes.start(argv, log_file=log_file)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base, process, log_file, path="/article.html", timeout=30)
    return base, process
