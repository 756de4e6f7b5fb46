"""Site settings from the settings page, and the rules they drive, in their documented order."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from moderation.services.policy import DecisionContext, SiteSettings, decide
from tests.builders import comment_payload, create_site
from tests.web.support import (
    CIVIL_SCORES,
    create_user,
    decide_comment,
    login,
    site_id,
    submit,
    token_from,
    update_settings,
)


def settings_form(**changes: Any) -> dict[str, Any]:
    """The settings form as the page submits it with its defaults, plus ``changes``."""
    defaults = SiteSettings()
    form: dict[str, Any] = {
        f"threshold_{name}": str(value) for name, value in defaults.thresholds.items()
    }
    form.update(
        spam_discard_threshold="0.97",
        link_limit="2",
        moderation_words="",
        disallowed_words="",
        premoderate_articles="",
        close_after_days="",
        approvals_before_publish="0",
        flood_seconds="15",
        reject_duplicates="on",
        report_threshold="3",
    )
    form.update(changes)
    return {key: value for key, value in form.items() if value is not None}


def admin(app: Flask, client: FlaskClient) -> tuple[str, int]:
    _, key = create_site(app, "alpha")
    create_user(app, "admin@example.org", role="admin")
    login(client, "admin@example.org")
    return key, site_id(app, "alpha")


def save(client: FlaskClient, site: int, **changes: Any) -> Any:
    token = token_from(client, f"/moderate/sites/{site}/settings")
    return client.post(
        f"/moderate/sites/{site}/settings", data={"csrf_token": token, **settings_form(**changes)}
    )


def test_a_changed_threshold_decides_the_next_comment(app: Flask, client: FlaskClient) -> None:
    key, site = admin(app, client)
    first = submit(client, key).get_json()["id"]
    assert decide_comment(app, first, {"toxicity": 0.6}) == "approved"
    response = save(client, site, threshold_toxicity="0.5")
    assert response.status_code == 302
    assert "Saved" in client.get(response.headers["Location"]).get_data(as_text=True)
    second = submit(client, key, content="another remark").get_json()["id"]
    assert decide_comment(app, second, {"toxicity": 0.6}) == "held"


def test_settings_input_out_of_range_is_a_400(app: Flask, client: FlaskClient) -> None:
    _, site = admin(app, client)
    assert save(client, site, threshold_spam="1.5").status_code == 400
    assert save(client, site, link_limit="many").status_code == 400
    assert save(client, site, link_limit="0").status_code == 400
    assert save(client, site, flood_seconds="-1").status_code == 400
    assert save(client, site, threshold_spam=None).status_code == 400
    assert client.get(f"/moderate/sites/{site + 99}/settings").status_code == 404


def test_words_premoderation_and_shadow_mode_from_the_page(app: Flask, client: FlaskClient) -> None:
    key, site = admin(app, client)
    save(
        client,
        site,
        moderation_words="casino\n",
        disallowed_words="viagra",
        premoderate_articles="article-9",
        flood_seconds="0",
    )
    # Disallowed word in the author URL: rejected at once by the rules, not scored.
    response = submit(
        client,
        key,
        content="nice post",
        author={"id": "u1", "name": "Bob", "url": "http://VIAGRA.example"},
    )
    assert response.status_code == 200
    body = response.get_json()
    assert (body["status"], body["decided_by"]) == ("rejected", "rules")
    assert body["reasons"][0]["code"] == "DISALLOWED_WORD"
    assert body["reasons"][0]["detail"] == "disallowed word 'viagra' in the url"

    held = submit(client, key, content="Try the Casino tonight").get_json()["id"]
    assert decide_comment(app, held) == "held"
    premod = comment_payload(content="on the quiet article")
    premod["article"]["id"] = "article-9"
    premod["author"]["id"] = "u9"
    from tests.builders import auth

    premod_id = client.post("/api/v1/comments", json=premod, headers=auth(key)).get_json()["id"]
    assert decide_comment(app, premod_id) == "held"
    html = client.get(f"/api/v1/comments/{premod_id}", headers=auth(key)).get_json()
    assert html["reasons"][0]["code"] == "PREMODERATED"

    save(client, site, shadow_mode="on", disallowed_words="viagra", flood_seconds="0")
    spam = submit(client, key, content="cheap stuff").get_json()["id"]
    assert decide_comment(app, spam, {"spam": 0.99}) == "held"
    body = client.get(f"/api/v1/comments/{spam}", headers=auth(key)).get_json()
    assert body["reasons"][0]["code"] == "SHADOW_MODE"
    assert body["reasons"][1]["code"] == "SPAM"
    assert body["discard"] is False
    shadow_word = submit(client, key, content="viagra here", author={"id": "u2", "name": "Al"})
    assert shadow_word.get_json()["status"] == "held"


def test_closed_articles_flood_and_duplicates_are_refused(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app, "alpha")
    update_settings(app, "alpha", close_after_days=30)
    from tests.builders import auth

    old = comment_payload()
    old["article"]["published_at"] = (datetime.now(UTC) - timedelta(days=31)).isoformat()
    closed = client.post("/api/v1/comments", json=old, headers=auth(key))
    assert closed.status_code == 403
    assert closed.get_json()["code"] == "comments_closed"

    fresh = comment_payload()
    fresh["article"]["id"] = "article-2"
    first = client.post("/api/v1/comments", json=fresh, headers=auth(key))
    assert first.status_code == 202
    more = comment_payload(content="more")
    more["article"]["id"] = "article-2"
    again = client.post("/api/v1/comments", json=more, headers=auth(key))
    assert again.status_code == 429
    assert 1 <= again.get_json()["retry_after"] <= 15
    assert int(again.headers["Retry-After"]) == math.ceil(again.get_json()["retry_after"])

    update_settings(app, "alpha", flood_seconds=0)
    duplicate = client.post("/api/v1/comments", json=fresh, headers=auth(key))
    assert duplicate.status_code == 409
    assert duplicate.get_json()["duplicate_of"] == first.get_json()["id"]
    # The same external id again is an idempotent retry, not a duplicate.
    retry = comment_payload(external_id="wp-1", content="new text")
    retry["article"]["id"] = "article-2"
    assert client.post("/api/v1/comments", json=retry, headers=auth(key)).status_code == 202
    assert client.post("/api/v1/comments", json=retry, headers=auth(key)).status_code == 202


def test_new_commenters_are_held_until_enough_approvals(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app, "alpha")
    update_settings(app, "alpha", approvals_before_publish=1, flood_seconds=0)
    author = {"id": "newbie", "name": "Newbie"}
    first = submit(client, key, author=author, content="hello").get_json()["id"]
    assert decide_comment(app, first) == "held"
    create_user(app, "mod@example.org", sites=("alpha",))
    login(client, "mod@example.org")
    token = token_from(client)
    client.post(
        "/moderate/actions", data={"comment_id": first, "action": "approve", "csrf_token": token}
    )
    second = submit(client, key, author=author, content="hello again").get_json()["id"]
    assert decide_comment(app, second) == "approved"


def test_decide_orders_reasons_and_keeps_the_old_call() -> None:
    settings = SiteSettings.for_site({"moderation_words": ["idiot"]})
    old_style = decide({**CIVIL_SCORES}, content="fine words", settings=settings)
    assert (old_style.status, old_style.reasons[0]["code"]) == ("approved", "APPROVED")
    both = decide(
        {**CIVIL_SCORES, "spam": 0.9, "insult": 0.95},
        content="idiot http://a.example http://b.example",
        settings=settings,
    )
    assert both.status == "rejected"
    assert [r["code"] for r in both.reasons] == ["SPAM", "TOXIC", "MODERATION_WORD", "LINKS"]
    trusted = decide(
        {**CIVIL_SCORES, "spam": 0.9},
        content="idiot",
        settings=settings,
        context=DecisionContext(trusted=True),
    )
    assert (trusted.status, trusted.reasons[0]["code"]) == ("approved", "TRUSTED")
    toxic_trusted = decide(
        {**CIVIL_SCORES, "threat": 0.9},
        content="x",
        settings=settings,
        context=DecisionContext(trusted=True),
    )
    assert toxic_trusted.status == "held"


def test_words_match_as_wordpress_does_across_every_field() -> None:
    from moderation.services.policy import CommentFields, match_words

    fields = CommentFields(
        author="Ann",
        email="ann@example.org",
        url="",
        content="<b>Hi</b>",
        ip="10.1.2.3",
        user_agent="EvilBot/1.0",
    )
    assert match_words(["evilbot"], fields) == ("evilbot", "user_agent")
    assert match_words(["10.1.2."], fields) == ("10.1.2.", "ip")
    assert match_words(["  ", "EXAMPLE.ORG"], fields) == ("EXAMPLE.ORG", "email")
    assert match_words(["b>hi"], fields) == ("b>hi", "content")
    assert match_words(["absent"], fields) is None


def test_highlight_keeps_every_character_and_ignores_bad_spans() -> None:
    from moderation.services.moderation_queue import highlight

    text = "abc def ghi"
    spans = [
        {"begin": 4, "end": 7, "attribute": "insult", "score": 0.9},
        {"begin": 5, "end": 9, "attribute": "threat", "score": 0.8},  # overlaps: skipped
        {"begin": 9, "end": 99, "attribute": "x", "score": 0.1},  # out of range
        {"begin": "0", "end": 2, "attribute": "x", "score": 0.1},  # not a number
    ]
    segments = highlight(text, spans)
    assert "".join(segment for segment, _ in segments) == text
    assert [(segment, span["attribute"] if span else None) for segment, span in segments] == [
        ("abc ", None),
        ("def", "insult"),
        (" ghi", None),
    ]
