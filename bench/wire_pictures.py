"""Wire pictures: a document with its photos over HTTP, and a hostile body's placements.

    NEWSDESK_HOME=var/bench-wire nice -n 5 python bench/wire_pictures.py --pictures 1 12

For each ``--pictures`` count, posts one multipart ninjs document with that many distinct
JPEG photos of ``--size`` (default 3000x2000, 6 megapixels) to ``/api/v1/wire/ninjs`` as
a trusted partner, renditions made on commit as for an upload, and prints the wall time
and the process's peak resident memory after it. Then times reading where a one-megabyte
body of unclosed Superdesk embeds places its pictures (``placement.mark_places``). Times
depend on the machine; compare the rows of one run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("NEWSDESK_HOME", "var/bench-wire")
os.makedirs(os.environ["NEWSDESK_HOME"], exist_ok=True)


def photo(number: int, width: int, height: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (number * 37 % 256, 90, 140))
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 40):  # some detail, so the JPEG is not trivially small
        draw.line([(step, 0), (width - step, height)], fill=(step % 256, 200, 40), width=3)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def document(uri: str, count: int) -> dict[str, object]:
    return {
        "standard": {"name": "ninjs", "version": "3.1"},
        "uri": uri,
        "type": "text",
        "version": "1",
        "language": "en",
        "headlines": [{"role": "main", "value": f"A story with {count} photos"}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>Text.</p>"}],
        "associations": [
            {
                "name": f"photo-{n}",
                "uri": f"{uri}:photo-{n}",
                "type": "picture",
                "headlines": [{"value": f"Photo {n}"}],
                "descriptions": [{"role": "caption", "value": f"Caption {n}."}],
                "by": "Bench photographer",
                "renditions": [{"name": "original", "href": f"cid:photo-{n}.jpg"}],
            }
            for n in range(count)
        ],
    }


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pictures", type=int, nargs="+", default=[1, 12])
    parser.add_argument("--size", default="3000x2000")
    args = parser.parse_args()
    width, height = (int(side) for side in args.size.split("x"))

    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host, nothing else
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Locale

    from newsdesk.sections.models import Section
    from newsdesk.wire import placement, tokens
    from newsdesk.wire.models import Partner, WireItem

    call_command("migrate", verbosity=0)
    english = Locale.objects.get(language_code="en")
    section, _made = Section.objects.get_or_create(
        locale=english, slug="wire-bench", defaults={"name": "Wire bench"}
    )
    WireItem.objects.filter(partner__name="Bench pictures").delete()
    Partner.objects.filter(name="Bench pictures").delete()
    partner = Partner.objects.create(
        name="Bench pictures", edition="en", section=section, trusted=True
    )
    token = tokens.issue(partner)
    client = Client()
    stamp = int(time.time())

    print("| run | pictures | bytes sent | time | peak RSS after |\n|---|---:|---:|---:|---:|")
    for count in args.pictures:
        files = {
            f"photo-{n}.jpg": SimpleUploadedFile(f"photo-{n}.jpg", photo(stamp + n, width, height))
            for n in range(count)
        }
        sent = sum(len(f.read()) for f in files.values())
        for f in files.values():
            f.seek(0)
        part = SimpleUploadedFile(
            "item.json",
            json.dumps(document(f"urn:bench:pictures:{stamp}:{count}", count)).encode(),
            content_type="application/json",
        )
        began = time.perf_counter()
        response = client.post(
            "/api/v1/wire/ninjs",
            {"document": part, **files},
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        seconds = time.perf_counter() - began
        assert response.status_code == 200, response.content
        print(
            f"| multipart, {width}x{height} JPEG | {count} | {sent:,} | {seconds:.2f} s | "
            f"{peak_mb():.0f} MB |"
        )

    unclosed = "".join(f'<!-- EMBED START Image {{id: "{n}"}} -->' for n in range(30_000))
    problems: list[placement.Problem] = []
    began = time.perf_counter()
    placement.mark_places(unclosed, [], "/bodies/0/value", problems)
    seconds = time.perf_counter() - began
    print(f"| {len(unclosed):,} bytes of unclosed embeds placed | 0 | — | {seconds:.3f} s | — |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
