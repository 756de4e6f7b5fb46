"""The action routes of the moderators' pages (issue 17, items 1, 2, 7) through the test client:
bad input is a 4xx, other sites are not found, user text is escaped, the banner's count."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient

from moderation.tables.base import utcnow
from tests.builders import create_site
from tests.web.support import create_user, held_comment, login, token_from


def setup(app: Flask, client: FlaskClient) -> str:
    _, key = create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    login(client, "mod@example.org")
    return key


def test_the_card_offers_the_reason_it_was_held_for(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    comment_id = held_comment(app, client, key, scores={"toxicity": 0.9, "threat": 0.8})
    html = client.get("/moderate/queue").get_data(as_text=True)
    card = html.split(f'id="c-{comment_id}"')[1]
    assert 'Reject as <span class="reject-as">threat</span>' in card
    assert '<option value="threat" selected>Threat (as held)</option>' in card
    assert '<option value="auto">As held' in html  # the bulk bar


def test_bad_input_is_a_4xx_and_other_sites_are_not_found(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    comment_id = held_comment(app, client, key)
    _, other_key = create_site(app, "beta")
    other = held_comment(app, client, other_key)
    token = token_from(client)

    def post(path: str, **data: object) -> int:
        return client.post(path, data={"csrf_token": token, **data}).status_code

    assert post(f"/moderate/comments/{comment_id}/notes", note="  ") == 400
    assert post(f"/moderate/comments/{comment_id}/notes", note="x" * 1001) == 400
    assert post(f"/moderate/comments/{other}/notes", note="hello") == 404
    assert post("/moderate/comments/nope/notes", note="hello") == 404
    assert client.post(
        f"/moderate/comments/{comment_id}/notes", data={"note": "x"}
    ).status_code in (
        400,
        403,
    )  # no CSRF token
    assert (
        post("/moderate/actions", comment_id=comment_id, action="approve_edit", content=" ") == 400
    )
    assert post("/moderate/actions", comment_id=other, action="approve_trust") == 404
    assert post("/moderate/actions", comment_id=comment_id, action="reject", reason_code="x") == 400
    for since in ("yesterday", "2026-12-01T10:00:00", "%00"):
        assert client.get(f"/moderate/queue/counts?since={since}").status_code == 400
    assert client.get("/moderate/queue/counts?since=2026-12-01T10:00:00%2B00:00").status_code == 200
    assert post("/moderate/actions/999999/undo") == 404


def test_notes_and_edits_are_escaped(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    comment_id = held_comment(app, client, key, content="<b>bold</b> idiot")
    token = token_from(client)
    response = client.post(
        f"/moderate/comments/{comment_id}/notes",
        data={"csrf_token": token, "note": "<script>alert(1)</script>", "next": "/moderate/queue"},
    )
    assert response.status_code == 303
    html = client.get("/moderate/queue").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "&lt;b&gt;bold&lt;/b&gt; idiot</textarea>" in html
    client.post(
        "/moderate/actions",
        data={
            "csrf_token": token,
            "comment_id": comment_id,
            "action": "approve_edit",
            "content": "<i>edited</i>",
        },
    )
    history = client.get(f"/moderate/comments/{comment_id}").get_data(as_text=True)
    assert "&lt;i&gt;edited&lt;/i&gt;" in history and "<i>edited" not in history
    assert '<p class="text original">&lt;b&gt;bold&lt;/b&gt; idiot</p>' in history


def test_the_counts_say_how_many_arrived_since(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    held_comment(app, client, key)
    since = (utcnow() + timedelta(milliseconds=1)).isoformat().replace("+", "%2B")
    assert client.get(f"/moderate/queue/counts?since={since}").get_json()["new"] == 0
    held_comment(app, client, key, content="Another idiot.")
    held_comment(app, client, key, content="A third idiot.")
    counts = client.get(f"/moderate/queue/counts?since={since}").get_json()
    assert counts["new"] == 2 and counts["held"] == 3
    assert client.get(f"/moderate/queue/counts?since={since}&tab=approved").get_json()["new"] == 0
    assert "new" not in client.get("/moderate/queue/counts").get_json()
