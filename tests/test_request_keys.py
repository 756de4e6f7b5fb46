"""Rate limits count per site, whatever way (and whichever of its keys) the site sends its key,
and every API takes the key in a header."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from flask import Flask
from flask.testing import FlaskClient

from moderation.db import get_db
from moderation.request_keys import MAX_CANDIDATES, presented_keys
from moderation.scoring import ensure_default_model
from moderation.services.sites import create_site as service_create_site
from moderation.services.webhooks import set_coral_secret
from moderation.tables import Site
from tests.builders import auth
from tests.conftest import AppFactory

BLOG = "https://news.example"
CIVIL = "The ceasefire talks deserve a chance, even if I doubt the war ends this year."
ANALYZE = {"comment": {"text": CIVIL}, "requestedAttributes": {"TOXICITY": {}}}


def new_site(app: Flask, name: str = "daily") -> tuple[int, str, str]:
    """A site: its id, its API key and its Akismet key."""
    with app.app_context(), get_db(app).session() as session:
        issued = service_create_site(session, name=name, url=BLOG)
        return issued.site.id, issued.api_key, issued.akismet_key


@pytest.fixture
def limited(make_app: AppFactory, db_kind: str) -> Flask:
    return make_app(db_kind, API_RATE_LIMIT="3 per minute")


def statuses(responses: list[object]) -> list[int]:
    return [response.status_code for response in responses]  # type: ignore[attr-defined]


def test_akismet_moving_the_key_around_spends_one_budget(limited: Flask) -> None:
    _, key, akismet_key = new_site(limited)
    web = limited.test_client()
    url = "/1.1/verify-key"
    answers = [
        web.post(url, data={"key": key, "blog": BLOG}),  # form
        web.post(url, json={"key": akismet_key, "blog": BLOG}),  # JSON, the other key
        web.post(f"{url}?key={key}", data={"blog": BLOG}),  # query string
        web.post(url, data={"blog": BLOG}, headers=auth(key)),  # header
        web.post(url, data={"blog": BLOG}, headers={"Host": f"{akismet_key}.rest.akismet.com"}),
        web.post(url, data={"key": key.upper(), "blog": BLOG}, headers=auth(akismet_key)),
    ]
    assert statuses(answers) == [200, 200, 200, 429, 429, 429]
    assert [a.data for a in answers[:3]] == [b"valid"] * 3
    assert answers[3].data == b"invalid" and answers[3].headers["X-akismet-debug-help"]


def test_perspective_query_key_and_header_key_spend_one_budget(limited: Flask) -> None:
    ensure_default_model(limited)
    _, key, _ = new_site(limited)
    web = limited.test_client()
    url = "/v1alpha1/comments:analyze"
    answers = [
        web.post(f"{url}?key={key}", json=ANALYZE),
        web.post(url, json=ANALYZE, headers={"X-Goog-Api-Key": key}),
        web.post(url, json=ANALYZE, headers={"X-Goog-Api-Key": key}),
        web.post(f"{url}?key={key}", json=ANALYZE),
        web.post(url, json=ANALYZE, headers={"X-Goog-Api-Key": key}),
    ]
    assert statuses(answers) == [200, 200, 200, 429, 429]
    assert answers[3].get_json()["error"]["status"] == "RESOURCE_EXHAUSTED"


def test_a_stale_key_beside_the_real_one_does_not_open_a_new_budget(limited: Flask) -> None:
    _, key, _ = new_site(limited)
    web = limited.test_client()
    answers = [
        web.get("/api/v1/comments", headers=auth(key)),
        web.get("/api/v1/comments?key=mk_stale-1", headers=auth(key)),
        web.get("/api/v1/comments?api_key=mk_stale-2", headers=auth(key)),
        web.get("/api/v1/comments?key=mk_stale-3", headers=auth(key)),
    ]
    assert statuses(answers) == [200, 200, 200, 429]
    assert answers[3].mimetype == "application/problem+json"


def test_unknown_keys_count_per_address_and_other_sites_keep_their_budget(limited: Flask) -> None:
    _, key, _ = new_site(limited)
    web = limited.test_client()
    guesses = [web.get("/api/v1/comments", headers=auth(f"mk_guess-{n}")) for n in range(4)]
    assert statuses(guesses) == [401, 401, 401, 429]  # a new made-up key is no new budget
    assert web.get("/api/v1/comments", headers=auth(key)).status_code == 200
    other = limited.test_client()
    assert other.get("/api/v1/comments", headers=auth(key)).status_code == 200


def test_coral_counts_per_site_only_when_signed(limited: Flask) -> None:
    """Unsigned requests cannot spend a site's Coral budget: they count per address."""
    ensure_default_model(limited)
    site_id, _, _ = new_site(limited)
    secret = "ssc_coral-secret"
    with limited.app_context(), get_db(limited).session() as session:
        site = session.get(Site, site_id)
        assert site is not None
        set_coral_secret(session, site=site, secret=secret)
    body = json.dumps(
        {"action": "NEW", "comment": {"body": CIVIL}, "author": {"id": "u1"}, "story": {}}
    ).encode()
    signed = {
        "Content-Type": "application/json",
        "X-Coral-Signature": "sha256="
        + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest(),
    }
    forged = {"Content-Type": "application/json", "X-Coral-Signature": "sha256=00"}
    web = limited.test_client()
    url = f"/coral/sites/{site_id}/moderation-phase"
    assert statuses([web.post(url, data=body, headers=forged) for _ in range(4)]) == [
        401,
        401,
        401,
        429,
    ]
    answers = [web.post(url, data=body, headers=signed) for _ in range(4)]
    assert statuses(answers) == [204, 204, 204, 429]


def test_every_api_takes_the_key_in_a_header(make_app: AppFactory) -> None:
    app = make_app("sqlite")
    ensure_default_model(app)
    _, key, akismet_key = new_site(app)
    web: FlaskClient = app.test_client()
    assert web.get("/api/v1/comments", headers=auth(key)).status_code == 200
    assert web.get("/api/v1/webhooks", headers=auth(key)).status_code == 200
    check = {"blog": BLOG, "user_ip": "203.0.113.7", "comment_content": CIVIL}
    for header_key in (key, akismet_key):
        answer = web.post("/1.1/comment-check", data=check, headers=auth(header_key))
        assert (answer.status_code, answer.data) == (200, b"false")
    analyze = web.post("/v1alpha1/comments:analyze", json=ANALYZE, headers={"X-Goog-Api-Key": key})
    assert analyze.status_code == 200


def test_presented_keys_are_bounded_and_headers_come_first(make_app: AppFactory) -> None:
    app = make_app("sqlite")
    query = "&".join(f"{name}=q{name}" for name in ("key", "api_key"))
    with app.test_request_context(
        f"/1.1/comment-check?{query}",
        method="POST",
        data={"api_key": "form-key", "key": "form-other"},
        headers={"Authorization": "Bearer bearer-key", "X-Goog-Api-Key": "goog-key"},
    ):
        assert presented_keys() == ["bearer-key", "goog-key", "qkey", "qapi_key"]
        assert len(presented_keys()) == MAX_CANDIDATES
    with app.test_request_context(
        "/api/v1/comments", method="POST", json={"api_key": "in-the-body"}
    ):
        assert presented_keys() == []  # only the Akismet API reads keys from bodies
