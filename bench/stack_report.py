"""The Markdown that ``bench/stack.py`` prints: the run's conditions, one table, the budgets."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stack_servers import Load, first_line, program

TIMES, DASH = "\u00d7", "\u2013"
# DESIGN.md, "Performance budgets".
QUERY_BUDGET = 8
QUERY_BUDGET_PAGES = ("article", "feed, page 1", "section")
REFERENCE_RATE = 30  # req/s of an article on the reference stacks, same machine class
ORIGIN_FACTOR = 10
ORIGIN_PAGES = ("article", "home", "feed, page 1")
FRONT_CACHE_FACTOR = 0.8
DEPTH_FACTOR = 1.5
SEARCH_P95_MS = 50
VISIBLE_SECONDS = 1.0
PUBLISH_STEPS = ("publish", "restore", "unpublish", "republish")


@dataclass
class Row:
    page: str
    queries: int
    first_queries: int
    ms: float
    first_ms: float
    cold: Load | None = None
    warm: Load | None = None
    warm_from: str = ""


@dataclass
class Workers:
    sizes: list[int]  # VmRSS, KiB
    replaced: int
    timed_out: int


@dataclass
class StackReport:
    name: str
    description: str
    info: dict[str, Any]  # what ``stack_probe.py inspect`` found
    rows: list[Row] = field(default_factory=list)
    workers: dict[str, Workers] = field(default_factory=dict)
    alone: dict[str, Load] = field(default_factory=dict)  # one client at a time
    publish: dict[str, Any] | None = None
    article_body: bytes = b""
    article_gzip: bytes = b""  # as the front cache sends it to a reader accepting gzip

    def url(self, page: str) -> str:
        url: str = self.info["pages"][page]["url"]
        return url


@dataclass
class Static:
    """nginx serving the article page's bytes as a file."""

    load: Load
    size: int
    gzip: bool = False  # the gzip bytes Varnish sends, to a client that accepts gzip


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    gib = int(memory.group(1)) / 2**20 if memory else 0
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores ({cpu}), {gib:.1f} GiB RAM, {system}"


def versions() -> str:
    varnish = re.search(r"varnish-[\d.]+", first_line([program("varnishd"), "-V"]))
    nginx = first_line([program("nginx"), "-v"]).rsplit(" ", 1)[-1]
    wrk = first_line([program("wrk"), "-v"]).split(" [")[0]
    packages = ", ".join(
        f"{name} {importlib.metadata.version(name)}" for name in ("Django", "wagtail", "gunicorn")
    )
    return (
        f"Python {platform.python_version()}, {packages}, "
        f"{varnish.group(0) if varnish else 'varnish ?'}, {nginx}, {wrk}"
    )


def number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _cells(load: Load | None) -> list[str]:
    if load is None:
        return [DASH, DASH, DASH]
    rate = number(load.rate) + (f" ({load.note})" if load.note else "")
    return [rate, number(load.p50), number(load.p99)]


def _seconds(value: float | None) -> str:
    return "not within the wait" if value is None else f"{value * 1000:,.0f} ms"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def table(reports: list[StackReport], static: Static | None) -> list[str]:
    lines = [
        "| stack | page | SQL queries | one render ms | cold req/s | cold p50 ms | cold p99 ms "
        "| warm req/s | warm p50 ms | warm p99 ms | warm from |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for report in reports:
        for row in report.rows:
            queries = str(row.queries)
            if row.first_queries != row.queries:
                queries += f" (first {row.first_queries})"
            render = number(row.ms)
            if row.first_ms > 2 * row.ms:
                render += f" (first {number(row.first_ms)})"
            cells = [report.name, row.page, queries, render, *_cells(row.cold), *_cells(row.warm)]
            lines.append("| " + " | ".join([*cells, row.warm_from or DASH]) + " |")
    if static is not None:
        sent = "the article page, gzip" if static.gzip else "the article page"
        page = f"static file, {static.size:,} bytes ({sent})"
        cells = ["nginx", page, DASH, DASH, *_cells(None), *_cells(static.load), "file"]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def budgets(report: StackReport, static: Static | None) -> list[str]:
    """One line per DESIGN.md budget this run measures, with the verdict."""
    pages = report.info["pages"]
    lines = [f"{report.name.capitalize()} stack against the budgets:"]

    counted = [p for p in QUERY_BUDGET_PAGES if p in pages]
    worst = max(pages[p]["queries"] for p in counted)
    each = ", ".join(f"{p} {pages[p]['queries']}" for p in counted)
    lines.append(
        f"- SQL queries per page ≤ {QUERY_BUDGET}: {each} ({_verdict(worst <= QUERY_BUDGET)})"
    )

    cold = {row.page: row.cold for row in report.rows if row.cold is not None}
    floor = REFERENCE_RATE * ORIGIN_FACTOR
    shown = [p for p in ORIGIN_PAGES if p in cold]
    each = ", ".join(f"{p} {number(cold[p].rate)} req/s" for p in shown)
    lines.append(
        f"- origin with the cache off ≥ {ORIGIN_FACTOR}{TIMES} the reference stacks' "
        f"≈ {REFERENCE_RATE} req/s, i.e. ≥ {floor} req/s: {each} "
        f"({_verdict(all(cold[p].rate >= floor for p in shown))})"
    )

    warm = {row.page: row.warm for row in report.rows if row.warm is not None}
    # The budget is for the front cache; the embedded stack's page cache is not one.
    if static is not None and warm and report.name == "production":
        base = static.load.rate
        shown = [p for p in ORIGIN_PAGES if p in warm]
        each = ", ".join(f"{p} {warm[p].rate / base:.2f}{TIMES}" for p in shown)
        ok = all(warm[p].rate >= FRONT_CACHE_FACTOR * base for p in shown)
        lines.append(
            f"- warm ≥ {FRONT_CACHE_FACTOR}{TIMES} nginx serving the same bytes "
            f"({number(base)} req/s): {each} ({_verdict(ok)})"
        )

    alone = report.alone
    first = alone.get("feed, page 1")
    deep = next((p for p in alone if p.startswith("feed, page ") and p != "feed, page 1"), None)
    if first is not None and deep is not None:
        ratio = alone[deep].p50 / first.p50
        lines.append(
            f'- "More news" deep ≤ {DEPTH_FACTOR}{TIMES} the first page, one client, cold: '
            f"page 1 p50 {number(first.p50)} ms, {deep.removeprefix('feed, ')} p50 "
            f"{number(alone[deep].p50)} ms = {ratio:.2f}{TIMES} "
            f"({_verdict(ratio <= DEPTH_FACTOR)})"
        )
    search = alone.get("search, two words")
    if search is not None:
        lines.append(
            f"- search, two words (“{report.info['search_words']}”), p95 ≤ {SEARCH_P95_MS} ms, "
            f"one client, cold: p50 {number(search.p50)} ms, p95 {number(search.p95)} ms "
            f"({_verdict(search.p95 <= SEARCH_P95_MS)})"
        )

    if report.publish is not None:
        lines += _publish_lines(report.publish)

    for label, workers in report.workers.items():
        sizes = workers.sizes
        each = ", ".join(f"{size / 1024:.0f}" for size in sorted(sizes))
        lines.append(
            f"- gunicorn workers after the load, {label}: {sum(sizes) / 1024:,.0f} MiB resident "
            f"in {len(sizes)} workers ({each} MiB); {workers.replaced} replaced during the run"
            + (f", {workers.timed_out} of them for a timeout" if workers.timed_out else "")
        )
    return lines


def _publish_lines(published: dict[str, Any]) -> list[str]:
    parts, ok = [], True
    for step in PUBLISH_STEPS:
        times: dict[str, float | None] = published[step]
        slowest = max(times, key=lambda page: times[page] or float("inf"))
        value = times[slowest]
        ok = ok and value is not None and value <= VISIBLE_SECONDS
        parts.append(f"{step} {_seconds(value)} ({slowest})")
    watched = ", ".join(published["publish"])
    lines = [
        f"- change → visible through Varnish ≤ {VISIBLE_SECONDS:.0f} s, slowest page of "
        f"{watched}: {'; '.join(parts)} ({_verdict(ok)}); the publish call itself took "
        f"{_seconds(published['publish_call'])}, unpublish {_seconds(published['unpublish_call'])}"
    ]
    if published["not_listed"]:
        lines.append(
            f"- not listing the article, so not watched: {', '.join(published['not_listed'])}"
        )
    if not published["restored"]:
        lines.append("- **the article was not restored** (headline or live state differ)")
    return lines


def render(
    options: Any,
    started: dt.datetime,
    reports: list[StackReport],
    static: Static | None,
    load: tuple[tuple[float, ...], tuple[float, ...]],
) -> str:
    before, after = (", ".join(f"{value:.1f}" for value in moment) for moment in load)
    out = [
        f"Date: {started:%Y-%m-%d %H:%M} UTC",
        f"Machine: {machine()}; load average (1, 5, 15 min) {before} at the start, {after} "
        "at the end",
        f"Software: {versions()}",
    ]
    for report in reports:
        info = report.info
        out.append(
            f"{report.name.capitalize()} stack: {report.description}; {info['articles']:,} "
            f"articles ({info['published_in_edition']:,} published in the {options.edition} "
            f"edition), feed pages of {info['page_size']}."
            + (
                f" Tables never analyzed, so ANALYZEd first: {', '.join(info['analyzed'])}."
                if info.get("analyzed")
                else ""
            )
        )
    out.append(
        f"Each cell: wrk -t{options.threads} -c{options.connections} -d{options.duration}s after "
        f"a {options.warmup} s warm-up. Cold: the origin with page caching off "
        "(NEWSDESK_PAGE_CACHE=0), no Varnish. Warm: through Varnish (production) or with the "
        "app's page cache (embedded: one in-process cache per worker, each filled by its own "
        'misses and emptied when gunicorn replaces the worker). "warm from": Varnish\'s '
        "X-Cache, or the app's X-Page-Cache, on a request right after the load. SQL queries "
        "and one render: Django's test client in process, page cache off, nothing else "
        "loading the servers; the second request, and the first where it differs (the app's "
        "fragment caches were cold or stale)."
    )
    out += ["", *table(reports, static), ""]
    for report in reports:
        out += [*budgets(report, static), ""]
    return "\n".join(out).rstrip() + "\n"
