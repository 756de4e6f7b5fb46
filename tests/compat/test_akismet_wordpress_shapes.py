"""What the WordPress Akismet plugin needs of the Akismet API, on the wire as the plugin sends it.

Akismet-format keys (12 hexadecimal characters, the only shape its settings page keeps), the
connectivity test, subscription and statistics calls, slashed text, and feedback that finds the
checked comment without a guid. The plugin itself, in a real WordPress, is in test_wordpress.py.
"""

from __future__ import annotations

import json
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from moderation.db import get_db
from moderation.scoring import ensure_default_model
from moderation.services.sites import create_site, hash_key
from moderation.tables import ApiKey, Comment, Label

BLOG = "https://news.example"
IP = "203.0.113.7"
#: What WordPress 6.1 with Akismet 5.0.2 sends as its User-Agent.
PLUGIN_AGENT = "WordPress/6.1.9 | Akismet/5.0.2"
INSULT = "You are a pathetic worthless idiot and everyone here hates you."
WRITTEN = "Let's see what \"they\" say about C:\\path and O'Brien's point."

Answer = tuple[str, dict[str, str]]


def wp_slash(text: str) -> str:
    """PHP's addslashes, as WordPress's wp_slash applies it."""
    return text.replace("\\", "\\\\").replace("'", "\\'").replace('"', '\\"')


@pytest.fixture
def keys(app: Flask) -> tuple[str, str]:
    """(API key, Akismet key) of a new site, with the default model active."""
    ensure_default_model(app)
    with app.app_context(), get_db(app).session() as session:
        issued = create_site(session, name="daily", url=BLOG)
        return issued.api_key, issued.akismet_key


def post(client: FlaskClient, path: str, agent: str = PLUGIN_AGENT, **form: str) -> Answer:
    response = client.post(path, data=form, headers={"User-Agent": agent})
    assert response.status_code == 200
    return response.get_data(as_text=True), dict(response.headers)


def check(client: FlaskClient, key: str, content: str, **extra: str) -> Answer:
    fields = {
        "api_key": key,
        "blog": BLOG,
        "user_ip": IP,
        "comment_type": "comment",
        "comment_author": "Ada Reader",
        "comment_author_email": "ada@example.org",
        "permalink": f"{BLOG}/2026/12/ceasefire",
        "comment_content": content,
        **extra,
    }
    return post(client, "/1.1/comment-check", **fields)


def test_an_akismet_format_key_is_issued_stored_as_an_hmac_and_opens_only_the_akismet_api(
    app: Flask, keys: tuple[str, str]
) -> None:
    api_key, akismet_key = keys
    assert re.fullmatch(r"[0-9a-f]{12}", akismet_key)
    with get_db(app).session() as session:
        stored = {row.kind: row.key_hash for row in session.scalars(select(ApiKey))}
    assert stored["api"] == hash_key(api_key)
    assert akismet_key not in stored["akismet"]
    assert stored["akismet"] != hash_key(akismet_key)  # keyed, not a plain digest
    client = app.test_client()
    assert post(client, "/1.1/verify-key", key=akismet_key, blog=BLOG)[0] == "valid"
    # The plugin keeps [a-f0-9] case-insensitively, so it may send the key upper case.
    assert post(client, "/1.1/verify-key", key=akismet_key.upper(), blog=BLOG)[0] == "valid"
    assert post(client, "/1.1/verify-key", key="0123456789ab", blog=BLOG)[0] == "invalid"
    # Not a key of the native or the Perspective API.
    native = client.get("/api/v1/comments", headers={"Authorization": f"Bearer {akismet_key}"})
    assert native.status_code == 401
    perspective = client.post(
        f"/v1alpha1/comments:analyze?key={akismet_key}",
        json={"comment": {"text": "hello"}, "requestedAttributes": {"TOXICITY": {}}},
    )
    assert perspective.status_code in (400, 401, 403)


def test_the_plugins_connectivity_subscription_and_statistics_calls(
    app: Flask, keys: tuple[str, str]
) -> None:
    _, akismet_key = keys
    client = app.test_client()
    assert client.get("/1.1/test").get_data(as_text=True) == "connected"
    assert post(client, "/1.1/test")[0] == "connected"
    body, _ = post(client, "/1.1/get-subscription", key=akismet_key, blog=BLOG)
    account = json.loads(body)
    assert account["status"] == "active"
    assert account["limit_reached"] is False
    assert {"account_name", "account_type", "next_billing_date"} <= set(account)
    assert post(client, "/1.1/get-subscription", key="0123456789ab", blog=BLOG)[0] == "invalid"

    check(client, akismet_key, "Thanks, a clear account of the talks.")
    check(client, akismet_key, "ok", comment_author="akismet-guaranteed-spam")
    _, missed = check(client, akismet_key, "Great post, see my site for more")
    post(
        client,
        "/1.1/submit-spam",
        api_key=akismet_key,
        blog=BLOG,
        user_ip=IP,
        guid=missed["X-akismet-guid"],
        comment_content="Great post, see my site for more",
    )
    for period in ("6-months", "all"):
        stats = json.loads(
            post(client, "/1.1/get-stats", key=akismet_key, blog=BLOG, **{"from": period})[0]
        )
        assert stats["spam"] == 1
        assert stats["ham"] == 2
        assert stats["missed_spam"] == 1
        assert stats["false_positives"] == 0
        assert stats["accuracy"] == pytest.approx(66.67)
        assert stats["time_saved"] == 15


def test_slashed_text_from_the_plugin_is_stored_as_written(
    app: Flask, keys: tuple[str, str]
) -> None:
    _, akismet_key = keys
    client = app.test_client()
    _, headers = check(
        client,
        akismet_key,
        wp_slash(WRITTEN),
        comment_author=wp_slash("Seán O'Brien"),
    )
    # A recheck reads the stored row, which WordPress keeps unslashed.
    _, rechecked = check(client, akismet_key, WRITTEN, recheck_reason="edit")
    # Another client's backslashes are the writer's own.
    _, other = check(client, akismet_key, wp_slash(WRITTEN), agent="akismet.py/25.10")
    with get_db(app).session() as session:
        first = session.get(Comment, headers["X-akismet-guid"])
        second = session.get(Comment, rechecked["X-akismet-guid"])
        third = session.get(Comment, other["X-akismet-guid"])
        assert first is not None and second is not None and third is not None
        assert first.content == WRITTEN
        assert first.author_name == "Seán O'Brien"
        assert second.content == WRITTEN
        assert third.content == wp_slash(WRITTEN)


@pytest.mark.parametrize("slashed_feedback", [False, True])
@pytest.mark.parametrize("endpoint,label", [("submit-spam", "spam"), ("submit-ham", "ham")])
def test_feedback_without_a_guid_finds_the_checked_comment(
    app: Flask, keys: tuple[str, str], endpoint: str, label: str, slashed_feedback: bool
) -> None:
    _, akismet_key = keys
    client = app.test_client()
    # The same text from someone else, earlier: feedback must not land on it.
    check(client, akismet_key, wp_slash(WRITTEN), comment_author="Bo Other", user_ip="198.51.100.4")
    _, headers = check(client, akismet_key, wp_slash(WRITTEN))
    guid = headers["X-akismet-guid"]
    # WordPress sends the stored row's text, or the slashed text it kept from the check.
    content = wp_slash(WRITTEN) if slashed_feedback else WRITTEN
    answer, _ = post(
        client,
        f"/1.1/{endpoint}",
        api_key=akismet_key,
        blog=BLOG,
        user_ip=IP,
        comment_author="Ada Reader",
        comment_author_email="ada@example.org",
        comment_content=content,
    )
    assert answer == "Thanks for making the web a better place."
    with get_db(app).session() as session:
        assert len(session.scalars(select(Comment)).all()) == 2  # no third record
        labelled = [(row.comment_id, row.label) for row in session.scalars(select(Label))]
    assert labelled == [(guid, label)]


def test_every_check_says_the_services_decision(app: Flask, keys: tuple[str, str]) -> None:
    _, akismet_key = keys
    client = app.test_client()
    civil = check(client, akismet_key, "Thanks for the clear report on the talks.")
    held = check(client, akismet_key, INSULT)
    spam = check(client, akismet_key, "hi", comment_author="akismet-guaranteed-spam")
    assert (civil[0], civil[1]["X-Moderation-Status"]) == ("false", "approved")
    assert (held[0], held[1]["X-Moderation-Status"]) == ("false", "held")
    assert (spam[0], spam[1]["X-Moderation-Status"]) == ("true", "rejected")
