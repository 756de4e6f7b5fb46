"""Fixtures of the compatibility API tests: an app with a site, its key and the active model."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask import Flask

from moderation.scoring import ensure_default_model
from tests.builders import create_site

SITE_URL = "https://news.example"


@dataclass
class SiteApp:
    app: Flask
    site_id: int
    key: str
    url: str = SITE_URL


@pytest.fixture
def site_app(app: Flask) -> SiteApp:
    """The app (SQLite, and PostgreSQL when selected) with one site and the default model."""
    ensure_default_model(app)
    site_id, key = create_site(app, url=SITE_URL)
    return SiteApp(app=app, site_id=site_id, key=key)
