"""The site key a request presents, wherever its API lets it send one, and the rate limit's key.

Every API authenticates a site by a key, each in its own places:

- the native API: ``Authorization: Bearer <key>``;
- Akismet: ``api_key`` (``key`` for verify-key) in the form or JSON body or the query string,
  ``Authorization: Bearer``, or the ``<key>.rest.akismet.com`` host name;
- Perspective: ``X-Goog-Api-Key`` or ``?key=``;
- Coral: no key, the site's id in the path and a signature made with the site's secret.

The rate limiter counts per **site**, not per key or per place: :func:`rate_limit_key` resolves
whatever key the request presents (every place above) to its site, so a site that moves its key
from the query to a header or the body, or uses its second key, still spends the same budget.
A request that presents no key of a site is counted per client address.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from typing import Any

from flask import Flask, current_app, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from moderation.db import get_db

log = logging.getLogger(__name__)

AKISMET_BLUEPRINT = "compat_akismet"
CORAL_BLUEPRINT = "compat_coral"
KEY_HOST_SUFFIX = ".rest.akismet.com"
BODY_KEY_NAMES = ("api_key", "key")
QUERY_KEY_NAMES = ("key", "api_key")
# A request may present a few candidates (a stale key in one place, the right one in another);
# more than this is not a client, and is counted per address.
MAX_CANDIDATES = 4

CACHE_EXTENSION = "moderation.site_key_cache"
# How long a key's site is remembered by each process: a revoked key keeps counting against its
# site this long (it no longer authenticates: the views check every request themselves).
HIT_SECONDS = 60.0
MISS_SECONDS = 10.0
CACHE_SIZE = 10_000


def _bearer() -> str | None:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value if scheme.lower() == "bearer" else None


def _body_keys() -> list[Any]:
    """The body's key fields, for the API that reads keys from bodies (Akismet)."""
    try:
        if request.is_json:
            body = request.get_json(silent=True)
            return [body.get(name) for name in BODY_KEY_NAMES] if isinstance(body, dict) else []
        return [request.form.get(name) for name in BODY_KEY_NAMES]
    except (HTTPException, ValueError, UnicodeError):
        # Too large or unreadable: the view answers that; the limiter counts per address.
        return []


def _host_key() -> str | None:
    # The raw header: keys are case-sensitive and the parsed host is lowercased.
    host = (request.headers.get("Host") or "").split(":")[0]
    if host.lower().endswith(KEY_HOST_SUFFIX) and len(host) > len(KEY_HOST_SUFFIX):
        return host[: -len(KEY_HOST_SUFFIX)]
    return None


def presented_keys() -> list[str]:
    """Every site key the request presents, headers first, at most :data:`MAX_CANDIDATES`.

    Headers are read for every API (a key never has to be in a URL); bodies and the Akismet
    host name only for the Akismet API, the one that reads them.
    """
    values: list[Any] = [_bearer(), request.headers.get("X-Goog-Api-Key")]
    values += [request.args.get(name) for name in QUERY_KEY_NAMES]
    if request.blueprint == AKISMET_BLUEPRINT:
        values += [*_body_keys(), _host_key()]
    keys = [value.strip() for value in values if isinstance(value, str) and value.strip()]
    return list(dict.fromkeys(keys))[:MAX_CANDIDATES]


def presented_key() -> str | None:
    """The first site key the request presents (see :func:`presented_keys`), or None."""
    keys = presented_keys()
    return keys[0] if keys else None


class SiteKeyCache:
    """Which site a key belongs to, remembered briefly per process, under the key's digest."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, int | None]] = {}

    def get(self, digest: str) -> tuple[bool, int | None]:
        with self._lock:
            entry = self._entries.get(digest)
        if entry is None or entry[0] < time.monotonic():
            return False, None
        return True, entry[1]

    def put(self, digest: str, site_id: int | None) -> None:
        ttl = HIT_SECONDS if site_id is not None else MISS_SECONDS
        now = time.monotonic()
        with self._lock:
            if len(self._entries) >= CACHE_SIZE:
                self._entries = {k: v for k, v in self._entries.items() if v[0] >= now}
                if len(self._entries) >= CACHE_SIZE:
                    self._entries.clear()
            self._entries[digest] = (now + ttl, site_id)


def _cache(app: Flask) -> SiteKeyCache:
    cache = app.extensions.get(CACHE_EXTENSION)
    if cache is None:
        cache = app.extensions.setdefault(CACHE_EXTENSION, SiteKeyCache())
    assert isinstance(cache, SiteKeyCache)
    return cache


def site_id_for_key(key: str) -> int | None:
    """The id of the site owning this unrevoked key (an API or an Akismet key), or None."""
    from moderation.services.sites import site_for_key

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    cache = _cache(app)
    known, site_id = cache.get(digest)
    if known:
        return site_id
    with get_db(app).session() as session:
        site = site_for_key(session, key, akismet=True)
        site_id = site.id if site is not None else None
    cache.put(digest, site_id)
    return site_id


def _coral_site() -> int | None:
    """Coral's site, when the request carries that site's valid signature."""
    from moderation.compat.coral import SIGNATURE_HEADER
    from moderation.services.webhooks import coral_secret, verify_signature

    site_id = (request.view_args or {}).get("site_id")
    if request.blueprint != CORAL_BLUEPRINT or not isinstance(site_id, int):
        return None
    signature = request.headers.get(SIGNATURE_HEADER)
    if not signature:
        return None
    with get_db().session() as session:
        secret = coral_secret(session, site_id=site_id)
    if secret and verify_signature(signature, request.get_data(cache=True), secret):
        return site_id
    return None


def rate_limit_key() -> str:
    """``site:<id>`` for a request presenting a key of a site (anywhere), else ``ip:<address>``.

    It never fails: with the database down it counts per address (and the view answers 503).
    """
    try:
        for key in presented_keys():
            site_id = site_id_for_key(key)
            if site_id is not None:
                return f"site:{site_id}"
        coral = _coral_site()
        if coral is not None:
            return f"site:{coral}"
    except (SQLAlchemyError, HTTPException, OSError, ValueError, UnicodeError) as error:
        log.warning(
            "rate limit counted per address: the site was not found (%s)", type(error).__name__
        )
    return f"ip:{request.remote_addr}"
