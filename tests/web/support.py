"""Builders and helpers for the moderator-page tests (test client and browser)."""

from __future__ import annotations

import itertools
import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm.attributes import flag_modified

from moderation.db import get_db
from moderation.services import accounts
from moderation.services.decisions import record_model_decision
from moderation.services.sites import find_site
from moderation.tables import Site
from tests.builders import auth, comment_payload

PASSWORD = "correct horse battery"
_authors = itertools.count(1)

CIVIL_SCORES = {
    "spam": 0.02,
    "toxicity": 0.05,
    "severe_toxicity": 0.01,
    "identity_attack": 0.01,
    "insult": 0.03,
    "profanity": 0.02,
    "threat": 0.01,
}


def create_user(
    app: Flask, email: str, role: str = "moderator", sites: tuple[str, ...] = ()
) -> None:
    """Builder: an account with ``PASSWORD``, moderating the named sites."""
    with app.app_context(), get_db(app).session() as session:
        found = [find_site(session, name) for name in sites]
        accounts.create_user(session, email=email, password=PASSWORD, role=role, sites=found)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(client: FlaskClient, email: str, password: str = PASSWORD) -> Any:
    page = client.get("/moderate/login")
    token = csrf_token(page.get_data(as_text=True))
    return client.post(
        "/moderate/login",
        data={"email": email, "password": password, "csrf_token": token},
    )


def token_from(client: FlaskClient, path: str = "/moderate/queue") -> str:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return csrf_token(response.get_data(as_text=True))


def update_settings(app: Flask, site_name: str, **changes: Any) -> None:
    """Builder: change a site's stored settings directly."""
    with app.app_context(), get_db(app).session() as session:
        site = find_site(session, site_name)
        site.settings = {**(site.settings or {}), **changes}
        flag_modified(site, "settings")
        session.commit()


def submit(client: FlaskClient, key: str, **overrides: Any) -> Any:
    """Submit a comment from a fresh author (so flood control never trips)."""
    payload = comment_payload(**overrides)
    if "author" not in overrides:
        number = next(_authors)
        payload["author"] = {**payload["author"], "id": f"reader-{number}"}
    return client.post("/api/v1/comments", json=payload, headers=auth(key))


def decide_comment(
    app: Flask,
    comment_id: str,
    scores: dict[str, float] | None = None,
    spans: list[dict[str, Any]] | None = None,
    model_version: str = "test-model-1",
) -> str:
    """Record a model decision for a pending comment, deterministically; returns the status."""
    with app.app_context(), get_db(app).session() as session:
        decision = record_model_decision(
            session,
            comment_id=comment_id,
            model_version=model_version,
            scores={**CIVIL_SCORES, **(scores or {})},
            spans=spans or [],
        )
        assert decision is not None
        return decision.status


def held_comment(
    app: Flask,
    client: FlaskClient,
    key: str,
    content: str = "You are an idiot and everyone knows it.",
    scores: dict[str, float] | None = None,
    spans: list[dict[str, Any]] | None = None,
    **overrides: Any,
) -> str:
    """Builder: a comment the model held as toxic (unless ``scores`` say otherwise)."""
    response = submit(client, key, content=content, **overrides)
    assert response.status_code == 202, response.get_json()
    comment_id: str = response.get_json()["id"]
    default_spans = [
        {"begin": 0, "end": min(len(content), 7), "attribute": "insult", "score": 0.93}
    ]
    decide_comment(
        app,
        comment_id,
        scores if scores is not None else {"toxicity": 0.91, "insult": 0.93},
        spans if spans is not None else default_spans,
    )
    return comment_id


def site_id(app: Flask, name: str) -> int:
    with app.app_context(), get_db(app).session() as session:
        site: Site = find_site(session, name)
        return site.id
