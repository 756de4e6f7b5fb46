"""Site authentication for the native API: ``Authorization: Bearer <site key>``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from flask import g, request

from moderation.db import get_session
from moderation.errors import Unauthorized
from moderation.request_keys import rate_limit_key as rate_limit_key  # counts per site
from moderation.services.sites import site_for_key
from moderation.tables import Site

F = TypeVar("F", bound=Callable[..., Any])


def bearer_key() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def require_site(view: F) -> F:
    """Resolve the calling site from its key into ``g.site``, or answer 401."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        key = bearer_key()
        if key is None:
            raise Unauthorized("Send the site's API key as 'Authorization: Bearer <key>'.")
        site = site_for_key(get_session(), key)
        if site is None:
            raise Unauthorized("The API key is unknown or has been revoked.")
        g.site = site
        return view(*args, **kwargs)

    return cast(F, wrapper)


def current_site() -> Site:
    site: Site = g.site
    return site
