"""Old addresses of imported articles: what is kept, and the lookup the reader's 404 makes."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

from .models import Redirect

# The longest old address kept (the model's column).
LONGEST = 500

# WordPress answers a post's id in these query parameters whatever its permalink setting.
ID_PARAMETERS = ("p", "page_id", "attachment_id")


def normalise(path: str, query: str = "") -> str:
    """An old address as kept: the path (a trailing slash or not, the same), and of the
    query only the parameter that names a post (``/?p=12``); everything else (tracking
    parameters, ``utm_*``) is not part of the address."""
    path = "/" + path.strip("/")
    if path != "/":
        path += "/"
    kept = [(name, value) for name, value in parse_qsl(query) if name in ID_PARAMETERS]
    return path + ("?" + urlencode(kept[:1]) if kept else "")


def of_url(url: str, hosts: set[str]) -> str | None:
    """The old address of ``url`` when it is an address of the old site (``hosts``)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or parts.hostname not in hosts:
        return None
    found = normalise(parts.path, parts.query)
    return None if found == "/" else found


def target(path: str, query: str) -> str | None:
    """Where an address the site does not know now leads, if it is an old one of an
    article on the site. One query on the unique index of ``old_path``."""
    old = normalise(path, query)
    if old == "/" or len(old) > LONGEST:
        return None
    found = (
        Redirect.objects.filter(old_path=old, article__live=True)
        .select_related("article__locale")
        .only("article__slug", "article__locale__language_code")
        .first()
    )
    return found.article.get_url() if found else None
