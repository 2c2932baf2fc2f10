"""Image bombs by every role: what an upload costs in memory, and what the editor reads.

    NEWSDESK_HOME=var/bench-bombs python bench/image_bombs.py

Each upload goes through the admin's "Add an image" form with Django's test client, as a
contributor, a section editor, an editor and an administrator, each in a process of its
own forked after start-up, so that its peak resident memory (``ru_maxrss``) is its own.
Prints, per file and role: the answer (refused with the form's message, or stored with its
renditions), the peak RSS and its growth over the process at fork. The largest image the
limits accept (40 megapixels of noise, the most a rendition may decode) is the bound.
"""

from __future__ import annotations

import io
import os
import resource
import struct
import sys
import zlib

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("NEWSDESK_HOME", "var/bench-bombs")
os.makedirs(os.environ["NEWSDESK_HOME"], exist_ok=True)

ROLES = ("Contributors", "Section editors", "Editors", "Administrators")


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = struct.pack(">I", zlib.crc32(kind + data))
    return struct.pack(">I", len(data)) + kind + data + crc


def png_bomb(width: int, height: int) -> bytes:
    """A real PNG of one grey value: every row compresses to almost nothing."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def animation(format_: str, size: tuple[int, int], frames: int) -> bytes:
    from PIL import Image

    images = [Image.new("RGB", size, (n * 20 % 256, 40, 90)) for n in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, format_, save_all=True, append_images=images[1:], duration=100)
    return buffer.getvalue()


def largest_allowed() -> bytes:
    """7,300 x 5,470 pixels (39.9 megapixels) of noise as JPEG: what a rendition may decode."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.effect_noise((7300, 5470), 64).convert("RGB").save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def upload(role: str, name: str, content: bytes) -> None:
    """In a forked child: upload as ``role`` and print one line."""
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse
    from wagtail.images import get_image_model

    before = peak_mb()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=f"bomb-{role}".replace(" ", "-").lower()))
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content)},
    )
    image = get_image_model().objects.filter(title=name).first()
    if image is not None:
        outcome = f"stored, {image.renditions.count()} renditions"
        image.delete()
    else:
        text = response.content.decode()
        outcome = "refused: " + (
            "too many pixels"
            if "too many pixels" in text or "забагато пікселів" in text
            else f"status {response.status_code}"
        )
    after = peak_mb()
    print(
        f"{name:<22} {role:<16} {len(content) / 1024:>9.1f} KB  {outcome:<28} "
        f"peak {after:>7.1f} MB  (+{after - before:.1f})",
        flush=True,
    )


def main() -> int:
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connections
    from wagtail.users.models import UserProfile

    call_command("migrate", verbosity=0)
    for role in ROLES:
        user, _created = User.objects.get_or_create(
            username=f"bomb-{role}".replace(" ", "-").lower()
        )
        user.groups.set([Group.objects.get(name=role)])
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()

    files = {
        "png-11000x11000.png": png_bomb(11_000, 11_000),
        "png-8000x8000.png": png_bomb(8_000, 8_000),
        "gif-2000x2000x11.gif": animation("GIF", (2000, 2000), 11),
        "webp-2000x2000x11.webp": animation("WEBP", (2000, 2000), 11),
        "jpeg-39.9mp-noise.jpg": largest_allowed(),
    }
    print(f"process at start: peak {peak_mb():.1f} MB (Python {sys.version.split()[0]})")
    connections.close_all()
    for name, content in files.items():
        for role in ROLES:
            child = os.fork()
            if child == 0:
                try:
                    upload(role, name, content)
                finally:
                    os._exit(0)
            os.waitpid(child, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
