"""The demo's picture library: painted placeholders stored as Wagtail images.

Each image gets the renditions listings, article pages and shared links ask for
(``THUMBNAIL_SPECS``, ``HERO_SPECS``, ``SHARE_SPECS``) at load time, so no reader request
ever waits for an image to be resized.
"""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

import gc
import io
import json
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from wagtail.images import get_image_model
from wagtail.models import Collection

from newsdesk.articles.query import HERO_SPECS, SHARE_SPECS, THUMBNAIL_SPECS

from . import painting
from .writer import Picture

COLLECTION = "Illustrations"
VARIANTS = 3
SPECS = (*THUMBNAIL_SPECS, *HERO_SPECS, *SHARE_SPECS)


@dataclass(frozen=True)
class Motif:
    key: str
    painter: painting.Painter
    title: tuple[str, str]
    alt: tuple[str, str]


MOTIFS: tuple[Motif, ...] = (
    Motif(
        "skyline",
        painting.skyline,
        ("Висотки на тлі вечірнього неба", "Apartment blocks against the evening sky"),
        (
            "Силуети багатоповерхівок на тлі помаранчевого неба, у вікнах світло",
            "Silhouettes of apartment blocks against an orange sky, with lit windows",
        ),
    ),
    Motif(
        "night_sky",
        painting.night_sky,
        ("Прожектори над нічним містом", "Searchlights over a city at night"),
        (
            "Промені прожекторів перетинають темне небо над силуетом міста",
            "Searchlight beams cross the dark sky above a city skyline",
        ),
    ),
    Motif(
        "wheat_field",
        painting.wheat_field,
        ("Пшеничне поле", "A wheat field"),
        (
            "Золоте пшеничне поле до самого горизонту під блакитним небом",
            "A golden wheat field stretching to the horizon under a blue sky",
        ),
    ),
    Motif(
        "power_lines",
        painting.power_lines,
        ("Лінія електропередачі", "A power line"),
        (
            "Силуети опор лінії електропередачі з проводами на тлі світанку",
            "Silhouetted power line pylons and wires against the dawn sky",
        ),
    ),
    Motif(
        "port",
        painting.port,
        ("Порт", "A port"),
        (
            "Контейнеровоз біля причалу, поруч портові крани",
            "A container ship at the quay beside port cranes",
        ),
    ),
    Motif(
        "schematic_map",
        painting.schematic_map,
        ("Схематична карта", "A schematic map"),
        (
            "Схематична карта з річкою, сіткою та червоними й синіми позначками",
            "A schematic map with a river, a grid and red and blue markers",
        ),
    ),
    Motif(
        "colonnade",
        painting.colonnade,
        ("Будівля з колонами", "A colonnaded building"),
        (
            "Фасад адміністративної будівлі з колонами та широкими сходами",
            "The facade of a government building with columns and wide steps",
        ),
    ),
    Motif(
        "gallery",
        painting.gallery,
        ("Виставкова зала", "An exhibition hall"),
        (
            "Абстрактні картини в темних рамах на білій стіні виставкової зали",
            "Abstract paintings in dark frames on the white wall of an exhibition hall",
        ),
    ),
    Motif(
        "circuit",
        painting.circuit,
        ("Друкована плата", "A circuit board"),
        (
            "Абстрактний візерунок доріжок і контактів друкованої плати",
            "An abstract pattern of circuit board traces and contacts",
        ),
    ),
    Motif(
        "hills",
        painting.hills,
        ("Пагорби в тумані", "Hills in the mist"),
        ("Кілька рядів пагорбів у ранковому тумані", "Rows of hills in the morning mist"),
    ),
    Motif(
        "composition",
        painting.composition,
        ("Абстрактна композиція", "An abstract composition"),
        (
            "Абстрактна композиція з кольорових кіл і смуг",
            "An abstract composition of coloured circles and stripes",
        ),
    ),
)


def _title(motif: Motif, variant: int) -> str:
    return f"{motif.title[0]} · {motif.title[1]} ({variant})"


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION).first()
    return existing or root.add_child(name=COLLECTION)


def ensure_pictures() -> list[Picture]:
    """Every demo image with its renditions: found, restored from earlier files, or painted."""
    image_model = get_image_model()
    collection = _collection()
    stored = {image.title: image for image in image_model.objects.filter(collection=collection)}
    manifest = _read_manifest()
    pictures = []
    # Wagtail leaves the SpooledTemporaryFile behind each new rendition unclosed
    # (wagtail/wagtail#14055); under warnings-as-errors its ResourceWarning would surface
    # in whichever later test happens to collect it. The buffers are in memory, so only
    # the warning is lost: it is silenced here, and the garbage collected before leaving.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        for motif in MOTIFS:
            for variant in range(1, VARIANTS + 1):
                title = _title(motif, variant)
                image = (
                    stored.get(title)
                    or _restore(image_model, collection, motif, title, manifest.get(title))
                    or _paint(image_model, collection, motif, variant, title)
                )
                manifest[title] = _describe(image, image.get_renditions(*SPECS).values())
                pictures.append(
                    Picture(pk=image.pk, motif=motif.key, title=motif.title, alt=motif.alt)
                )
        if _write_manifest(manifest):
            gc.collect()
    return pictures


def _paint(image_model, collection: Collection, motif: Motif, variant: int, title: str):
    painted = painting.paint(motif.painter, f"{motif.key}-{variant}")
    buffer = io.BytesIO()
    painted.save(buffer, format="JPEG", quality=84)
    image = image_model(
        title=title,
        # The description is the fallback alternative text; articles carry their own per
        # edition, so this one is in the default edition's language.
        description=motif.alt[0],
        collection=collection,
        file=ImageFile(buffer, name=f"demo-{motif.key.replace('_', '-')}-{variant}.jpg"),
    )
    image._set_image_file_metadata()
    image.save()
    return image


# Painting 33 pictures and encoding their 165 renditions takes most of a small load. The
# files outlive the database rows (a test rolls its rows back; a demo database may be
# deleted and rebuilt), so the manifest records what Wagtail made for each picture and a
# later load points new rows at the same files. get_renditions() then checks the result
# and renders whatever the manifest lacks.
MANIFEST = "demo/illustrations.json"


def _read_manifest() -> dict[str, Any]:
    if not default_storage.exists(MANIFEST):
        return {}
    with default_storage.open(MANIFEST) as handle:
        try:
            data = json.load(handle)
        except ValueError:
            return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(manifest: dict[str, Any]) -> bool:
    """Store the manifest if it changed (that is, if anything was painted or rendered)."""
    if _read_manifest() == manifest:
        return False
    default_storage.delete(MANIFEST)
    default_storage.save(MANIFEST, ContentFile(json.dumps(manifest, indent=1).encode()))
    return True


def _describe(image: Any, renditions: Iterable[Any]) -> dict[str, Any]:
    fields = ("width", "height", "file_size", "file_hash")
    return {
        "file": image.file.name,
        **{field: getattr(image, field) for field in fields},
        "renditions": [
            {
                "filter_spec": r.filter_spec,
                "focal_point_key": r.focal_point_key,
                "file": r.file.name,
                "width": r.width,
                "height": r.height,
            }
            for r in renditions
        ],
    }


def _restore(
    image_model, collection: Collection, motif: Motif, title: str, entry: dict[str, Any] | None
):
    if not entry:
        return None
    # An editor may have renamed the picture: the row that owns the file is the one to keep.
    owner = image_model.objects.filter(file=entry["file"]).first()
    if owner is not None:
        return owner
    names = [entry["file"], *(r["file"] for r in entry["renditions"])]
    if not all(default_storage.exists(name) for name in names):
        return None
    image = image_model(
        title=title,
        description=motif.alt[0],
        collection=collection,
        file=entry["file"],
        width=entry["width"],
        height=entry["height"],
        file_size=entry["file_size"],
        file_hash=entry["file_hash"],
    )
    image.save()
    image.renditions.model.objects.bulk_create(
        image.renditions.model(image=image, **rendition) for rendition in entry["renditions"]
    )
    return image
