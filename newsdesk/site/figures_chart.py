"""Figures over time: the claimed numbers of a timeline as small server-drawn SVG charts.

One chart per unit (troops and dollars never share an axis), one series per source, dates
on the x axis on a linear time scale, zero at the bottom of the y axis so that a rise is
never exaggerated. The template draws the chart from these numbers with presentation
attributes and classes only (no script, no inline style: the CSP allows neither), and a
table with the same numbers follows each chart for screen readers and for copying.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 20, 44
SERIES_STYLES = 6  # .chart-series-1 … -6 in site.css; more sources reuse them
Y_TICKS = 4
X_TICKS = 4
DATE_FORMAT = "j E Y"


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str  # "12 February 2025: 11,000 troops"


@dataclass
class Series:
    name: str
    css: str
    points: list[Point] = field(default_factory=list)

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str
    anchor: str = "middle"  # SVG text-anchor: the outer date labels stay inside the frame


@dataclass(frozen=True)
class TableRow:
    date: str
    iso: str
    source: str
    figure: str
    status: str


@dataclass
class Chart:
    ident: str
    unit: str
    title: str
    description: str
    series: list[Series]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    rows: list[TableRow]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def nice_ceiling(value: Decimal) -> Decimal:
    """A round top for the axis: the smallest 1, 2, 2.5 or 5 times a power of ten that is
    not below ``value``."""
    if value <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** (value.adjusted())
    for step in (1, 2, Decimal("2.5"), 5, 10):
        top = magnitude * step
        if top >= value:
            return top
    return magnitude * 10  # pragma: no cover - the loop ends at ten times the magnitude


def charts(rows: list[Any], *, number: Any) -> list[Chart]:
    """A chart per unit from timeline rows that carry a figure (denials are left out: a
    denied number is nobody's claim). ``number`` formats a figure in the page's language."""
    by_unit: dict[str, list[Any]] = {}
    names: dict[str, str] = {}
    for row in rows:
        if row.figure_value is None or row.status == "denied":
            continue
        key = row.unit.strip().lower()
        names.setdefault(key, row.unit.strip())
        by_unit.setdefault(key, []).append(row)
    return [
        _chart(f"figures-{index}", names[key], found, number)
        for index, (key, found) in enumerate(by_unit.items(), start=1)
    ]


def _chart(ident: str, unit: str, rows: list[Any], number: Any) -> Chart:
    first, last = rows[0].day, rows[-1].day
    span = (last - first).days
    top = nice_ceiling(max(row.figure_value for row in rows))

    def x_of(day: dt.date) -> float:
        if span == 0:
            return (LEFT + WIDTH - RIGHT) / 2
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span

    def y_of(value: Decimal) -> float:
        return float(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (value / top))

    series: dict[str, Series] = {}
    table = []
    for row in rows:
        source = row.speaker or _("Unattributed")
        if source not in series:
            css = f"chart-series-{len(series) % SERIES_STYLES + 1}"
            series[source] = Series(source, css)
        figure = f"{row.figure} {row.unit}"
        series[source].points.append(
            Point(x_of(row.day), y_of(row.figure_value), f"{row.when}: {figure} ({source})")
        )
        table.append(TableRow(row.when, row.iso, source, figure, row.status_name))

    y_ticks = [
        Tick(y_of(top * step / Y_TICKS), number(top * step / Y_TICKS))
        for step in range(Y_TICKS + 1)
    ]
    if span == 0:
        x_ticks = [Tick(x_of(first), dateformat.format(first, DATE_FORMAT))]
    else:
        days = sorted(
            {first + dt.timedelta(days=round(span * i / (X_TICKS - 1))) for i in range(X_TICKS)}
        )
        x_ticks = [Tick(x_of(day), dateformat.format(day, DATE_FORMAT)) for day in days]
        x_ticks[0] = Tick(x_ticks[0].position, x_ticks[0].label, "start")
        x_ticks[-1] = Tick(x_ticks[-1].position, x_ticks[-1].label, "end")
    count = len(rows)
    description = ngettext(
        "%(count)d figure for %(unit)s from %(sources)s, %(first)s to %(last)s. "
        "The table that follows lists every figure.",
        "%(count)d figures for %(unit)s from %(sources)s, %(first)s to %(last)s. "
        "The table that follows lists every figure.",
        count,
    ) % {
        "count": count,
        "unit": unit,
        "sources": ", ".join(series),
        "first": dateformat.format(first, DATE_FORMAT),
        "last": dateformat.format(last, DATE_FORMAT),
    }
    return Chart(
        ident=ident,
        unit=unit,
        title=_("Claimed figures over time: %(unit)s") % {"unit": unit},
        description=description,
        series=list(series.values()),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        rows=table,
    )
