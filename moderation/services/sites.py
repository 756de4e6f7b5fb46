"""Sites and API keys."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from moderation.errors import Conflict, NotFound
from moderation.tables import ApiKey, Site
from moderation.tables.base import utcnow

KEY_PREFIX = "mk_"


def hash_key(key: str) -> str:
    """Digest under which a key is stored; the key itself is never stored."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class IssuedKey:
    site: Site
    api_key: str


def _issue_key(session: Session, site: Site) -> str:
    key = _new_key()
    session.add(ApiKey(site=site, prefix=key[:10], key_hash=hash_key(key)))
    return key


def create_site(session: Session, *, name: str, url: str | None = None) -> IssuedKey:
    """Create a site and its first API key; the key is returned once and stored only hashed."""
    name = name.strip()
    if not name:
        raise ValueError("a site needs a name")
    site = Site(name=name, url=url, settings={})
    session.add(site)
    key = _issue_key(session, site)
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        raise Conflict(f"a site named {name!r} already exists") from error
    return IssuedKey(site=site, api_key=key)


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


def rotate_key(session: Session, site: Site, *, keep_old: bool = False) -> str:
    """Issue a new key; unless ``keep_old``, every earlier key of the site stops working now."""
    if not keep_old:
        now = utcnow()
        for key in site.keys:
            if key.revoked_at is None:
                key.revoked_at = now
    new_key = _issue_key(session, site)
    session.commit()
    return new_key


def site_for_key(session: Session, key: str) -> Site | None:
    """The site owning an unrevoked key, or None."""
    if not key:
        return None
    return session.scalar(
        select(Site)
        .join(ApiKey, ApiKey.site_id == Site.id)
        .where(ApiKey.key_hash == hash_key(key), ApiKey.revoked_at.is_(None))
    )
