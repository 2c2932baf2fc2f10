"""Export rate and peak memory over an archive, and the round trip of a slice of it.

    NEWSDESK_HOME=var/archive10k python bench/export.py --out var/export10k
    NEWSDESK_HOME=var/archive10k python bench/export.py --out var/export10k --round-trip 200

Exports the newsroom of ``NEWSDESK_HOME`` (or ``DATABASE_URL``), as ``newsdesk manage
export`` does, into ``--out`` (which must be absent or empty), and prints articles/s, the
size written and the peak resident memory. Build the archive first with ``newsdesk manage
build_archive --articles 10000`` (bench/archive.md); never point it at a shared archive
you may not write to (the export only reads, but the settings' startup may write).

``--round-trip N`` then imports the first N posts of the Ukrainian WXR, with their images,
into a fresh database in a folder of its own (a child process: another NEWSDESK_HOME), as
``newsdesk manage import_wxr`` does, and prints that rate and peak memory too. Times
depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024 / 1024


def slice_of(source: Path, target: Path, posts: int) -> int:
    """The channel and the first ``posts`` posts of ``source`` (with the attachments
    among them), line by line: the writer puts each item on lines of its own."""
    taken = 0
    with source.open(encoding="utf-8") as read, target.open("w", encoding="utf-8") as out:
        item: list[str] = []
        for line in read:
            if line.startswith("\t<item>") or item:
                item.append(line)
                if line.startswith("\t</item>"):
                    if "<wp:post_type><![CDATA[post]]>" in "".join(item):
                        taken += 1
                    out.writelines(item)
                    item = []
                    if taken >= posts:
                        break
            elif not line.startswith("</"):
                out.write(line)
        out.write("</channel>\n</rss>\n")
    return taken


def round_trip(folder: Path, posts: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="bench-roundtrip-"))
    source = home / "slice.xml"
    taken = slice_of(folder / "wordpress-uk.xml", source, posts)
    environment = {**os.environ, "NEWSDESK_HOME": str(home)}
    environment.pop("DATABASE_URL", None)
    code = f"""
import resource, time, django
django.setup()
from django.core.management import call_command
from newsdesk.transfer import wordpress
from pathlib import Path
call_command("migrate", verbosity=0)
started = time.perf_counter()
report = wordpress.Importer(Path({str(source)!r}), edition="uk",
                            media_dir=Path({str(folder / "uploads")!r})).run()
seconds = time.perf_counter() - started
posts = dict(report.rows())["post"]
# VmHWM: this program's own peak (ru_maxrss counts the exporting parent's at the fork).
peak = next(int(line.split()[1]) / 1024 for line in open("/proc/self/status")
            if line.startswith("VmHWM:"))
print(f"import: {{seconds:.1f}} s, {{{taken} / seconds:.1f}} posts/s, peak RSS {{peak:.0f}} MiB,"
      f" posts {{posts}}")
"""
    subprocess.run([sys.executable, "-c", code], env=environment, check=True)  # noqa: S603


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--round-trip", type=int, default=0, metavar="N")
    options = parser.parse_args()

    import django

    django.setup()
    from newsdesk.articles.models import Article
    from newsdesk.transfer import export

    export.check_folder(options.out, force=False)
    articles = Article.objects.count()
    print(f"{articles} articles; before export: peak RSS {peak_rss_mib():.0f} MiB")
    started = time.perf_counter()
    counts = export.Exporter(options.out, editions=["uk", "en"]).run()
    seconds = time.perf_counter() - started
    print(
        f"export: {seconds:.1f} s, {articles / seconds:.0f} articles/s, "
        f"{size_mib(options.out):.0f} MiB written, peak RSS {peak_rss_mib():.0f} MiB"
    )
    print(dict(sorted(counts.items())))
    if options.round_trip:
        round_trip(options.out, options.round_trip)
    return 0


if __name__ == "__main__":
    sys.exit(main())
