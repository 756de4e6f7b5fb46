"""Small builders for test data and helpers shared by the tests."""

from __future__ import annotations

import socket
from typing import Any

from flask import Flask

from moderation.db import get_db


def port_open(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def create_site(
    app: Flask, name: str = "example", url: str = "https://news.example"
) -> tuple[int, str]:
    """Builder: a site and its API key."""
    from moderation.services.sites import create_site as service_create_site

    with app.app_context(), get_db(app).session() as session:
        issued = service_create_site(session, name=name, url=url)
        return issued.site.id, issued.api_key


def comment_payload(**overrides: Any) -> dict[str, Any]:
    """Builder: a valid submission, with any field replaced."""
    payload: dict[str, Any] = {
        "article": {
            "id": "article-1",
            "url": "https://news.example/2026/11/ceasefire-talks",
            "title": "Ceasefire talks resume",
        },
        "author": {
            "id": "reader-1",
            "name": "Ada Reader",
            "email": "ada@example.org",
            "ip": "203.0.113.7",
            "user_agent": "Mozilla/5.0",
        },
        "content": "I think both sides should keep talking; the last ceasefire saved lives.",
    }
    payload.update(overrides)
    return payload


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}
