"""Coral's External Moderation Phase: signed requests, Coral's answer shape, 204 for no opinion."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from moderation.db import get_db
from moderation.services.webhooks import set_coral_secret
from moderation.tables import Comment, Site
from tests.compat.conftest import SiteApp

SECRET = "ssc_coral-phase-secret"
ABUSE = "You are a pathetic idiot and a worthless piece of garbage. Shut up, moron."
CIVIL = "<p>The ceasefire talks deserve a chance, even if I doubt the war ends this year.</p>"
SPAM = (
    "BUY CHEAP VIAGRA NOW!!! Best online pharmacy, 90% off: http://bit.ly/cheap-pills "
    "http://tinyurl.com/pharma-deal http://cheap-meds.ru/buy Call +1-800-555-0199 today!"
)


@pytest.fixture
def coral(site_app: SiteApp) -> SiteApp:
    with get_db(site_app.app).session() as session:
        site = session.get(Site, site_app.site_id)
        assert site is not None
        set_coral_secret(session, site=site, secret=SECRET)
    return site_app


def request_body(text: str, role: str = "COMMENTER") -> bytes:
    """The request as Coral's processPhase builds it, serialised as Coral does (indent 2)."""
    payload = {
        "action": "NEW",
        "comment": {"body": text, "parentID": None},
        "author": {"id": "user-7", "role": role},
        "story": {"id": "story-1", "url": "https://news.example/2026/11/ceasefire-talks"},
        "site": {"id": "site-1"},
        "tenantID": "tenant-1",
        "tenantDomain": "news.example",
    }
    return json.dumps(payload, indent=2).encode()


def sign(body: bytes, *secrets: str) -> str:
    return ",".join(
        "sha256=" + hmac.new(s.encode(), body, hashlib.sha256).hexdigest() for s in secrets
    )


def post(client: FlaskClient, site: SiteApp, body: bytes, signature: str | None) -> Any:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["X-Coral-Signature"] = signature
    return client.post(f"/coral/sites/{site.site_id}/moderation-phase", data=body, headers=headers)


def test_a_toxic_comment_is_withheld_and_flagged(coral: SiteApp) -> None:
    body = request_body(ABUSE)
    response = post(coral.app.test_client(), coral, body, sign(body, SECRET))
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "SYSTEM_WITHHELD",
        "actions": [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_TOXIC"}],
    }
    with get_db(coral.app).session() as session:
        stored = session.get(Comment, response.headers["X-Moderation-Comment"])
        assert stored is not None
        assert (stored.status, stored.content) == ("held", ABUSE)


def test_blatant_spam_is_rejected_and_a_civil_comment_gets_no_opinion(coral: SiteApp) -> None:
    client = coral.app.test_client()
    spam = request_body(SPAM)
    answer = post(client, coral, spam, sign(spam, SECRET)).get_json()
    assert answer["status"] == "REJECTED"
    assert {"actionType": "FLAG", "reason": "COMMENT_DETECTED_SPAM"} in answer["actions"]
    civil = request_body(CIVIL)
    response = post(client, coral, civil, sign(civil, SECRET))
    assert response.status_code == 204
    assert response.data == b""
    with get_db(coral.app).session() as session:
        texts = set(session.scalars(select(Comment.content)))
    assert CIVIL not in texts and any(t.startswith("The ceasefire talks") for t in texts)


def test_staff_get_no_opinion(coral: SiteApp) -> None:
    body = request_body(ABUSE, role="MODERATOR")
    assert post(coral.app.test_client(), coral, body, sign(body, SECRET)).status_code == 204


def test_signatures_are_checked(coral: SiteApp, site_app: SiteApp) -> None:
    client = coral.app.test_client()
    body = request_body(ABUSE)
    for signature in (None, "", sign(body, "ssc_wrong"), sign(body + b" ", SECRET), "sha256="):
        response = post(client, coral, body, signature)
        assert response.status_code == 401
        assert response.mimetype == "application/problem+json"
    # During Coral's secret rotation the header has two values; one matching is enough.
    rotating = post(client, coral, body, sign(body, "ssc_new-not-yet-here", SECRET))
    assert rotating.status_code == 200


def test_a_site_without_a_secret_or_bad_payloads(coral: SiteApp) -> None:
    client = coral.app.test_client()
    body = request_body(ABUSE)
    missing = client.post(
        "/coral/sites/999/moderation-phase",
        data=body,
        headers={"X-Coral-Signature": sign(body, SECRET)},
    )
    assert missing.status_code == 404
    for bad in (b"[1, 2]", b'{"comment": {"body": 5}}', b"{nope"):
        response = post(client, coral, bad, sign(bad, SECRET))
        assert response.status_code in (400, 422)
        assert response.mimetype == "application/problem+json"
