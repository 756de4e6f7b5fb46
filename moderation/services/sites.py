"""Sites and their keys.

Each site has two kinds of key, both shown once and stored only as digests:

- an API key (``mk_`` and 43 URL-safe characters, 256 random bits) for every API;
- an Akismet key: 12 lowercase hexadecimal characters, the only shape the WordPress Akismet
  plugin's settings page accepts. It works only on the Akismet endpoints. With 48 random bits it
  is stored as an HMAC keyed with the service's ``SECRET_KEY`` rather than a plain digest, so a
  copy of the database alone does not let anyone find the keys by trying them all.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from moderation.errors import Conflict, NotFound
from moderation.tables import ApiKey, Site
from moderation.tables.base import utcnow

KEY_PREFIX = "mk_"
AKISMET_KEY_RE = re.compile(r"[0-9a-f]{12}")


class KeyKind(StrEnum):
    """What a key opens: every API, or only the Akismet endpoints."""

    API = "api"
    AKISMET = "akismet"


def hash_key(key: str) -> str:
    """Digest under which an API key is stored; the key itself is never stored."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def hash_akismet_key(key: str) -> str:
    """HMAC under which an Akismet key is stored (48 bits: a plain digest could be reversed)."""
    secret = str(current_app.config["SECRET_KEY"]).encode("utf-8")
    return hmac.new(secret, b"akismet-key:" + key.encode("ascii"), hashlib.sha256).hexdigest()


def akismet_key_shape(key: str) -> str | None:
    """``key`` as an Akismet key (lowercased, as the plugin may send it upper case), or None."""
    lowered = key.strip().lower()
    return lowered if AKISMET_KEY_RE.fullmatch(lowered) else None


def _new_key(kind: KeyKind) -> str:
    if kind is KeyKind.AKISMET:
        return secrets.token_hex(6)
    return KEY_PREFIX + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class IssuedKey:
    site: Site
    api_key: str
    akismet_key: str


def _issue_key(session: Session, site: Site, kind: KeyKind = KeyKind.API) -> str:
    key = _new_key(kind)
    if kind is KeyKind.AKISMET:
        row = ApiKey(site=site, kind=kind, prefix=key[:2], key_hash=hash_akismet_key(key))
    else:
        row = ApiKey(site=site, kind=kind, prefix=key[:10], key_hash=hash_key(key))
    session.add(row)
    return key


def create_site(session: Session, *, name: str, url: str | None = None) -> IssuedKey:
    """Create a site and its first API key; the key is returned once and stored only hashed."""
    name = name.strip()
    if not name:
        raise ValueError("a site needs a name")
    site = Site(name=name, url=url, settings={})
    session.add(site)
    key = _issue_key(session, site)
    akismet_key = _issue_key(session, site, KeyKind.AKISMET)
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        raise Conflict(f"a site named {name!r} already exists") from error
    return IssuedKey(site=site, api_key=key, akismet_key=akismet_key)


def find_site(session: Session, name_or_id: str) -> Site:
    """A site by numeric id or by name."""
    site = None
    if name_or_id.isdigit():
        site = session.get(Site, int(name_or_id))
    if site is None:
        site = session.scalar(select(Site).where(Site.name == name_or_id))
    if site is None:
        raise NotFound(f"no site {name_or_id!r}")
    return site


def list_sites(session: Session) -> list[Site]:
    return list(session.scalars(select(Site).order_by(Site.id)))


def rotate_key(
    session: Session, site: Site, *, keep_old: bool = False, kind: KeyKind = KeyKind.API
) -> str:
    """Issue a new key of ``kind``; unless ``keep_old``, the site's earlier ones stop working."""
    if not keep_old:
        now = utcnow()
        for key in site.keys:
            if key.revoked_at is None and key.kind == kind:
                key.revoked_at = now
    new_key = _issue_key(session, site, kind)
    session.commit()
    return new_key


def site_for_key(session: Session, key: str, *, akismet: bool = False) -> Site | None:
    """The site owning an unrevoked key, or None; Akismet keys count only with ``akismet``."""
    if not key:
        return None
    shaped = akismet_key_shape(key) if akismet else None
    if shaped is not None:
        kind, digest = KeyKind.AKISMET, hash_akismet_key(shaped)
    else:
        kind, digest = KeyKind.API, hash_key(key)
    return session.scalar(
        select(Site)
        .join(ApiKey, ApiKey.site_id == Site.id)
        .where(ApiKey.key_hash == digest, ApiKey.kind == kind, ApiKey.revoked_at.is_(None))
    )
