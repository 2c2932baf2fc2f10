"""Placeholder "news photos" painted with Pillow: skylines, fields, pylons, maps, ports.

Nothing is downloaded. Each motif draws from its own random generator, so the same
seed gives the same picture; a little blur and grain keep them from looking like clip art.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter

from .seeding import seeded

WIDTH, HEIGHT = 1600, 1067
RGB = tuple[int, int, int]


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _shade(color: RGB, factor: float) -> RGB:
    return (
        min(255, round(color[0] * factor)),
        min(255, round(color[1] * factor)),
        min(255, round(color[2] * factor)),
    )


def _gradient(top: RGB, bottom: RGB, height: int = HEIGHT) -> Image.Image:
    # Drawn as a one-pixel column and stretched: painting 1.7 million pixels one by one
    # would dominate the whole demo load.
    column = Image.new("RGB", (1, 256))
    column.putdata([_mix(top, bottom, y / 255) for y in range(256)])
    return column.resize((WIDTH, height), Image.Resampling.BICUBIC)


def _finish(image: Image.Image, rng: random.Random) -> Image.Image:
    image = image.filter(ImageFilter.BoxBlur(1))
    grain = Image.effect_noise((WIDTH // 2, HEIGHT // 2), 18).resize((WIDTH, HEIGHT))
    grain_rgb = Image.merge("RGB", (grain, grain, grain))
    return Image.blend(image, grain_rgb, 0.06 + rng.random() * 0.03)


def _skyline(
    draw: ImageDraw.ImageDraw,
    rng: random.Random,
    base: int,
    color: RGB,
    lit: RGB | None,
    tall: float = 1.0,
) -> None:
    x = -20
    while x < WIDTH:
        width = rng.randint(60, 170)
        height = round(rng.randint(90, 420) * tall)
        top = base - height
        draw.rectangle((x, top, x + width, HEIGHT), fill=color)
        if rng.random() < 0.2:
            draw.rectangle((x + width // 2 - 3, top - 60, x + width // 2 + 3, top), fill=color)
        if lit:
            for wy in range(top + 14, base - 10, 26):
                for wx in range(x + 10, x + width - 14, 22):
                    if rng.random() < 0.28:
                        draw.rectangle((wx, wy, wx + 9, wy + 12), fill=lit)
        x += width + rng.randint(-10, 14)


def skyline(rng: random.Random) -> Image.Image:
    sky_top, sky_bottom = rng.choice(
        [
            ((38, 42, 92), (244, 146, 84)),
            ((52, 36, 78), (236, 112, 96)),
            ((24, 50, 90), (250, 196, 120)),
        ]
    )
    image = _gradient(sky_top, sky_bottom)
    draw = ImageDraw.Draw(image)
    _skyline(draw, rng, round(HEIGHT * 0.78), _mix(sky_top, (60, 60, 80), 0.5), None, 1.3)
    _skyline(draw, rng, round(HEIGHT * 0.9), (22, 22, 34), (255, 214, 140))
    return image


def night_sky(rng: random.Random) -> Image.Image:
    image = _gradient((6, 10, 30), (34, 48, 86)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    for _ in range(260):
        x, y = rng.randrange(WIDTH), rng.randrange(round(HEIGHT * 0.7))
        draw.point((x, y), fill=(230, 230, 255, rng.randint(90, 255)))
    beams = Image.new("RGBA", (WIDTH, HEIGHT))
    beam_draw = ImageDraw.Draw(beams)
    for _ in range(rng.randint(2, 4)):
        foot = rng.randint(200, WIDTH - 200)
        angle = math.radians(rng.randint(-35, 35))
        tip_x = foot + math.tan(angle) * HEIGHT
        spread = rng.randint(40, 90)
        beam_draw.polygon(
            [(foot - 6, HEIGHT), (foot + 6, HEIGHT), (tip_x + spread, -40), (tip_x - spread, -40)],
            fill=(210, 220, 255, 46),
        )
    image = Image.alpha_composite(image, beams.filter(ImageFilter.GaussianBlur(14)))
    _skyline(ImageDraw.Draw(image), rng, round(HEIGHT * 0.92), (8, 8, 14), (200, 170, 100))
    return image.convert("RGB")


def wheat_field(rng: random.Random) -> Image.Image:
    horizon = round(HEIGHT * rng.uniform(0.38, 0.5))
    image = _gradient((92, 150, 214), (206, 226, 240))
    field = _gradient((214, 170, 64), (150, 104, 34), HEIGHT - horizon)
    image.paste(field, (0, horizon))
    draw = ImageDraw.Draw(image)
    vanish = rng.randint(WIDTH // 3, 2 * WIDTH // 3)
    for x in range(-2400, WIDTH + 2400, 70):
        draw.line((vanish, horizon, x, HEIGHT), fill=(176, 128, 44), width=3)
    sun = (rng.randint(150, WIDTH - 150), rng.randint(80, horizon - 120))
    draw.ellipse((sun[0] - 60, sun[1] - 60, sun[0] + 60, sun[1] + 60), fill=(255, 244, 210))
    return image


def _pylon(draw: ImageDraw.ImageDraw, x: int, base: int, height: int, color: RGB) -> list:
    top = base - height
    half = height // 7
    draw.line((x - half, base, x, top), fill=color, width=5)
    draw.line((x + half, base, x, top), fill=color, width=5)
    for step in range(1, 7):
        y = base - height * step // 7
        w = half * (7 - step) // 7
        draw.line((x - w, y, x + w, y - height // 7), fill=color, width=2)
        draw.line((x + w, y, x - w, y - height // 7), fill=color, width=2)
    arm = top + height // 6
    draw.line((x - half * 1.6, arm, x + half * 1.6, arm), fill=color, width=5)
    return [(x - half * 1.6, arm), (x + half * 1.6, arm)]


def power_lines(rng: random.Random) -> Image.Image:
    image = _gradient(rng.choice([(70, 90, 140), (90, 70, 120)]), (250, 178, 110))
    draw = ImageDraw.Draw(image)
    base = round(HEIGHT * 0.88)
    draw.rectangle((0, base, WIDTH, HEIGHT), fill=(40, 36, 40))
    arms = [
        _pylon(draw, x, base, rng.randint(520, 640) - i * 90, (28, 26, 32))
        for i, x in enumerate(range(rng.randint(180, 320), WIDTH + 400, 560))
    ]
    for left, right in itertools.pairwise(arms):
        for a, b in ((left[0], right[0]), (left[1], right[1])):
            sag = 60
            points = [
                (
                    a[0] + (b[0] - a[0]) * t / 20,
                    a[1] + (b[1] - a[1]) * t / 20 + sag * math.sin(math.pi * t / 20),
                )
                for t in range(21)
            ]
            draw.line(points, fill=(28, 26, 32), width=2)
    return image


def port(rng: random.Random) -> Image.Image:
    image = _gradient((150, 180, 210), (228, 222, 210))
    draw = ImageDraw.Draw(image)
    waterline = round(HEIGHT * 0.72)
    draw.rectangle((0, waterline, WIDTH, HEIGHT), fill=(48, 82, 112))
    for y in range(waterline + 10, HEIGHT, 18):
        draw.line((0, y, WIDTH, y), fill=(62, 98, 128), width=2)
    for x in range(rng.randint(80, 200), WIDTH, rng.randint(380, 460)):
        color = rng.choice([(196, 72, 48), (212, 164, 48), (70, 76, 88)])
        draw.rectangle((x, waterline - 380, x + 22, waterline), fill=color)
        draw.line((x - 110, waterline - 360, x + 150, waterline - 360), fill=color, width=16)
        draw.line((x + 11, waterline - 440, x - 100, waterline - 362), fill=color, width=5)
    hull_x = rng.randint(100, 500)
    draw.polygon(
        [
            (hull_x, waterline - 120),
            (hull_x + 900, waterline - 120),
            (hull_x + 860, waterline + 20),
            (hull_x + 40, waterline + 20),
        ],
        fill=(36, 44, 60),
    )
    for cx in range(hull_x + 60, hull_x + 820, 64):
        tint = rng.choice([(180, 60, 50), (40, 110, 160), (220, 180, 60), (90, 140, 90)])
        draw.rectangle((cx, waterline - 180, cx + 58, waterline - 122), fill=tint)
    return image


def schematic_map(rng: random.Random) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), (214, 226, 232))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(3, 5)):
        cx, cy = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        radius = rng.randint(300, 700)
        points = []
        for k in range(28):
            angle = 2 * math.pi * k / 28
            r = radius * rng.uniform(0.7, 1.15)
            points.append((cx + r * math.cos(angle), cy + r * math.sin(angle) * 0.8))
        draw.polygon(
            points,
            fill=rng.choice([(236, 230, 212), (226, 222, 200), (232, 226, 206)]),
            outline=(170, 160, 140),
        )
    x, y = 0.0, rng.uniform(0.2, 0.8) * HEIGHT
    river = []
    while x < WIDTH:
        river.append((x, y))
        x += 40
        y += rng.uniform(-30, 30)
    draw.line(river, fill=(110, 160, 200), width=9)
    for gx in range(0, WIDTH, 160):
        draw.line((gx, 0, gx, HEIGHT), fill=(190, 196, 200), width=1)
    for gy in range(0, HEIGHT, 160):
        draw.line((0, gy, WIDTH, gy), fill=(190, 196, 200), width=1)
    for _ in range(rng.randint(5, 9)):
        mx, my = rng.randint(100, WIDTH - 100), rng.randint(100, HEIGHT - 100)
        color = rng.choice([(196, 52, 44), (40, 90, 170)])
        draw.ellipse(
            (mx - 14, my - 14, mx + 14, my + 14), fill=color, outline=(255, 255, 255), width=4
        )
    return image


def colonnade(rng: random.Random) -> Image.Image:
    image = _gradient((120, 150, 186), (214, 222, 230))
    draw = ImageDraw.Draw(image)
    stone = rng.choice([(222, 216, 200), (206, 204, 196), (230, 222, 204)])
    shadow = _shade(stone, 0.78)
    left, right, top, base = 180, WIDTH - 180, 330, HEIGHT - 120
    draw.polygon(
        [(left - 40, top), (WIDTH // 2, top - 170), (right + 40, top)], fill=stone, outline=shadow
    )
    draw.rectangle((left - 40, top, right + 40, top + 50), fill=shadow)
    columns = rng.choice([6, 8])
    step = (right - left) / (columns - 1)
    for i in range(columns):
        cx = round(left + i * step)
        draw.rectangle((cx - 34, top + 50, cx + 34, base), fill=stone)
        for fl in range(-22, 23, 11):
            draw.line((cx + fl, top + 60, cx + fl, base - 10), fill=shadow, width=2)
    for i in range(4):
        draw.rectangle(
            (left - 80 - i * 20, base + i * 30, right + 80 + i * 20, base + 30 + i * 30),
            fill=_shade(stone, 0.95 - i * 0.05),
        )
    return image


def gallery(rng: random.Random) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), (238, 236, 230))
    draw = ImageDraw.Draw(image)
    floor = round(HEIGHT * 0.78)
    draw.rectangle((0, floor, WIDTH, HEIGHT), fill=(150, 120, 92))
    x = rng.randint(80, 160)
    while x < WIDTH - 250:
        w, h = rng.randint(220, 380), rng.randint(260, 420)
        top = floor - 160 - h
        draw.rectangle((x - 12, top - 12, x + w + 12, top + h + 12), fill=(40, 36, 32))
        draw.rectangle((x, top, x + w, top + h), fill=(246, 244, 238))
        for _ in range(rng.randint(3, 6)):
            color = rng.choice(
                [
                    (200, 60, 50),
                    (30, 80, 160),
                    (240, 190, 40),
                    (40, 40, 40),
                    (70, 150, 110),
                    (230, 120, 60),
                ]
            )
            a, b = rng.randint(x, x + w), rng.randint(top, top + h)
            c, d = rng.randint(x, x + w), rng.randint(top, top + h)
            if rng.random() < 0.5:
                draw.rectangle((min(a, c), min(b, d), max(a, c), max(b, d)), fill=color)
            else:
                r = rng.randint(20, 80)
                draw.ellipse((a - r, b - r, a + r, b + r), fill=color)
        x += w + rng.randint(120, 200)
    return image


def circuit(rng: random.Random) -> Image.Image:
    image = _gradient((8, 40, 46), (10, 24, 40))
    draw = ImageDraw.Draw(image)
    trace = rng.choice([(60, 200, 160), (80, 170, 230), (200, 180, 80)])
    for _ in range(90):
        x, y = rng.randrange(0, WIDTH, 40), rng.randrange(0, HEIGHT, 40)
        points = [(x, y)]
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.5:
                x += rng.choice([-1, 1]) * rng.randint(2, 8) * 40
            else:
                y += rng.choice([-1, 1]) * rng.randint(2, 6) * 40
            points.append((x, y))
        draw.line(points, fill=trace, width=3)
        draw.ellipse((x - 8, y - 8, x + 8, y + 8), outline=trace, width=3)
    chip = (rng.randint(400, 900), rng.randint(300, 600))
    draw.rectangle(
        (chip[0], chip[1], chip[0] + 300, chip[1] + 220), fill=(24, 28, 34), outline=trace, width=4
    )
    return image


def hills(rng: random.Random) -> Image.Image:
    image = _gradient((250, 208, 170), (196, 214, 228))
    draw = ImageDraw.Draw(image)
    base_color = rng.choice([(70, 96, 90), (84, 90, 120), (96, 110, 80)])
    for layer in range(5):
        y0 = HEIGHT * (0.45 + layer * 0.1)
        phase, freq = rng.random() * 6, rng.uniform(1.5, 3.5)
        points: list[tuple[float, float]] = [(0, HEIGHT)]
        for x in range(0, WIDTH + 40, 40):
            points.append((x, y0 + 50 * math.sin(phase + freq * x / WIDTH * math.pi)))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=_mix((226, 222, 220), base_color, 0.25 + layer * 0.18))
    return image


def composition(rng: random.Random) -> Image.Image:
    paper = rng.choice([(240, 232, 220), (226, 234, 240)])
    image = _gradient(paper, (200, 200, 206)).convert("RGBA")
    layer = Image.new("RGBA", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(layer)
    palette = [(212, 64, 52), (36, 88, 168), (244, 196, 48), (28, 28, 32), (60, 150, 120)]
    for _ in range(rng.randint(5, 9)):
        color = (*rng.choice(palette), rng.randint(110, 200))
        if rng.random() < 0.5:
            r = rng.randint(90, 300)
            cx, cy = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=color)
        else:
            y = rng.randint(0, HEIGHT)
            draw.rectangle((0, y, WIDTH, y + rng.randint(30, 120)), fill=color)
    return Image.alpha_composite(image, layer).convert("RGB")


Painter = Callable[[random.Random], Image.Image]


def paint(painter: Painter, seed: str) -> Image.Image:
    rng = seeded("painting", seed)
    return _finish(painter(rng), rng)
