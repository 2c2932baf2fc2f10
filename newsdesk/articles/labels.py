"""Labels are editorial policy, not decoration (see DESIGN.md).

Editors pick from ``EDITORIAL``; ``UPDATED`` follows from the public update log and
``LIVE`` from live coverage, never from a checkbox.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

EXCLUSIVE = "exclusive"
REVIEW = "review"
INTERVIEW = "interview"
OPINION = "opinion"
ANALYSIS = "analysis"
AFFILIATE = "affiliate"
PHOTO = "photo"
VIDEO = "video"
UPDATED = "updated"
LIVE = "live"

EDITORIAL = [
    (EXCLUSIVE, _("Exclusive")),
    (REVIEW, _("Review")),
    (INTERVIEW, _("Interview")),
    (OPINION, _("Opinion")),
    (ANALYSIS, _("Analysis")),
    (AFFILIATE, _("Affiliate material")),
    (PHOTO, _("Photo")),
    (VIDEO, _("Video")),
]
DERIVED = [(UPDATED, _("Updated")), (LIVE, _("Live"))]
NAMES = dict(EDITORIAL + DERIVED)
EDITORIAL_CODES = frozenset(code for code, _name in EDITORIAL)
DERIVED_CODES = frozenset(code for code, _name in DERIVED)


def unknown(codes: list[str]) -> list[str]:
    """The codes an editor may not set: anything outside the controlled set."""
    return [code for code in codes if code not in EDITORIAL_CODES]


def displayed(chosen: list[str] | None, *, updated: bool, live: bool) -> list[str]:
    """Label codes readers see: the editors' choice plus those that follow from the data
    (an update logged, live coverage)."""
    codes = [code for code in (chosen or []) if code in NAMES]
    if updated and UPDATED not in codes:
        codes.append(UPDATED)
    if live and LIVE not in codes:
        codes.append(LIVE)
    return codes
