"""Queue page, approve and reject (one and bulk), labels, history, undo, authors, reports."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from moderation.db import get_db
from moderation.tables import Comment, CommentEvent, Label
from tests.builders import auth, create_site
from tests.web.support import (
    create_user,
    held_comment,
    login,
    site_id,
    submit,
    token_from,
    update_settings,
)


def labels_of(app: Flask, comment_id: str) -> list[tuple[str, str, str | None]]:
    with get_db(app).session() as session:
        rows = session.execute(
            select(Label.label, Label.source, Label.actor)
            .where(Label.comment_id == comment_id)
            .order_by(Label.id)
        )
        return [(row[0], row[1], row[2]) for row in rows]


def status_of(app: Flask, comment_id: str) -> str:
    with get_db(app).session() as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        return comment.status


def setup(app: Flask, client: FlaskClient) -> str:
    _, key = create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    login(client, "mod@example.org")
    return key


def test_queue_card_shows_article_author_history_spans_reasons_and_model(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    comment_id = held_comment(app, client, key)
    page = client.get("/moderate/queue")
    html = page.get_data(as_text=True)
    assert comment_id in html
    assert "Ceasefire talks resume" in html
    assert 'href="https://news.example/2026/11/ceasefire-talks"' in html
    assert "0 approved · 0 rejected · first seen" in html
    assert (
        '<mark class="span span-insult strength-strong"'
        ' title="strong signal of insult; the comment&#39;s insult score is 0.93"'
    ) in html
    assert "toxicity score <strong>0.91</strong>, at or over the threshold 0.80" in html
    assert "test-model-1" in html
    counts = client.get("/moderate/queue/counts").get_json()
    assert counts == {"held": 1, "reported": 0, "approved": 0, "rejected": 0}


def test_approve_and_reject_write_decisions_events_and_labels(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    good = held_comment(app, client, key, content="Idiotic policy, but a fair point.")
    spam = held_comment(app, client, key, content="Buy cheap pills, you fool.")
    token = token_from(client)
    approved = client.post(
        "/moderate/actions",
        data={
            "comment_id": good,
            "action": "approve",
            "csrf_token": token,
            "next": "/moderate/queue",
        },
    )
    assert approved.status_code == 302
    assert "undo=" in approved.headers["Location"]
    rejected = client.post(
        "/moderate/actions",
        data={
            "comment_id": spam,
            "action": "reject",
            "reason_code": "advertising",
            "csrf_token": token,
        },
    )
    assert rejected.status_code == 302

    assert status_of(app, good) == "approved"
    assert status_of(app, spam) == "rejected"
    assert labels_of(app, good) == [
        ("ham", "moderator", "mod@example.org"),
        ("acceptable", "moderator", "mod@example.org"),
    ]
    assert labels_of(app, spam) == [("spam", "moderator", "mod@example.org")]

    history = client.get(f"/moderate/comments/{spam}").get_data(as_text=True)
    for line in ("submitted", "scored", "decided", "moderated", "mod@example.org", "advertising"):
        assert line in history
    with get_db(app).session() as session:
        types = list(
            session.scalars(
                select(CommentEvent.type)
                .where(CommentEvent.comment_id == spam)
                .order_by(CommentEvent.id)
            )
        )
    assert types == ["submitted", "scored", "decided", "moderated"]
    # The site reads the moderator's decision back through the API.
    body = client.get(f"/api/v1/comments/{spam}", headers=auth(key)).get_json()
    assert body["status"] == "rejected"
    assert body["decided_by"] == "moderator"


def test_bad_action_input_is_a_4xx(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    comment_id = held_comment(app, client, key)
    token = token_from(client)

    def post(**data: str) -> int:
        return client.post("/moderate/actions", data={"csrf_token": token, **data}).status_code

    assert post(comment_id=comment_id, action="reject") == 400  # no reason
    assert post(comment_id=comment_id, action="reject", reason_code="other") == 400  # no note
    assert post(comment_id=comment_id, action="reject", reason_code="nonsense") == 400
    assert post(comment_id=comment_id, action="explode") == 400
    assert post(action="approve") == 400
    assert post(comment_id="nope", action="approve") == 404
    assert client.get("/moderate/queue?tab=nope").status_code == 400
    assert client.get("/moderate/queue?min=high").status_code == 400
    assert client.get("/moderate/queue?page=-1").status_code == 400
    assert client.get("/moderate/queue?reason=%27%22;drop").status_code == 400
    assert client.get("/moderate/comments/does-not-exist").status_code == 404
    assert (
        post(comment_id=comment_id, action="reject", reason_code="other", note="duplicate thread")
        == 302
    )
    assert labels_of(app, comment_id) == []


def test_bulk_reject_selected_and_all_matching_the_filter(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    ids = [held_comment(app, client, key, content=f"Idiot number {n}.") for n in range(4)]
    keep = held_comment(app, client, key, content="A calm but held remark, idiot.")
    token = token_from(client)
    response = client.post(
        "/moderate/actions",
        data={
            "comment_id": ids[:2],
            "action": "reject",
            "reason_code": "abusive",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302
    assert [status_of(app, i) for i in ids] == ["rejected", "rejected", "held", "held"]
    assert labels_of(app, ids[0]) == [("toxic", "moderator", "mod@example.org")]

    response = client.post(
        "/moderate/actions",
        data={
            "all_matching": "1",
            "tab": "held",
            "q": "idiot number",
            "action": "reject",
            "reason_code": "harassment",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302
    assert [status_of(app, i) for i in ids] == ["rejected"] * 4
    assert status_of(app, keep) == "held"


def test_filters_search_and_priority_order(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    mild = held_comment(app, client, key, content="mildly rude, idiot", scores={"toxicity": 0.82})
    harsh = held_comment(
        app,
        client,
        key,
        content="very rude words here",
        scores={"toxicity": 0.99},
        author={"id": "troll", "name": "Troll", "email": "troll@bad.example", "ip": "198.51.100.9"},
    )
    linky = submit(client, key, content="see http://a.example and http://b.example")
    linky_id = linky.get_json()["id"]
    from tests.web.support import decide_comment

    assert decide_comment(app, linky_id) == "held"

    def ids_in(query: str) -> list[str]:
        html = client.get(f"/moderate/queue?{query}").get_data(as_text=True)
        return [i for i in (mild, harsh, linky_id) if f'data-id="{i}"' in html]

    assert ids_in("q=troll%40bad") == [harsh]
    assert ids_in("q=198.51.100") == [harsh]
    assert ids_in("q=VERY+RUDE") == [harsh]
    assert ids_in("reason=LINKS") == [linky_id]
    assert ids_in("attribute=toxicity&min=0.9") == [harsh]
    assert ids_in("attribute=toxicity&min=0.5&max=0.9") == [mild]
    html = client.get("/moderate/queue?order=priority").get_data(as_text=True)
    assert html.index(f'data-id="{harsh}"') < html.index(f'data-id="{mild}"')
    html = client.get("/moderate/queue").get_data(as_text=True)
    assert html.index(f'data-id="{linky_id}"') < html.index(f'data-id="{mild}"')


def test_filter_by_language_within_the_users_sites(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    english = held_comment(app, client, key, content="You are an idiot and everyone knows it.")
    spanish = held_comment(app, client, key, content="Eres un idiota y todo el mundo lo sabe.")
    given = held_comment(app, client, key, content="You idiot, honestly.", language="pt")
    # Another site's comments are neither listed nor offered as a language.
    _, other_key = create_site(app, "beta")
    other = held_comment(
        app, client, other_key, content="Du bist ein Idiot und alle wissen es.", language="de"
    )

    def ids_in(query: str) -> list[str]:
        response = client.get(f"/moderate/queue?{query}")
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        return [i for i in (english, spanish, given, other) if f'data-id="{i}"' in html]

    assert ids_in("") == [english, spanish, given]
    assert ids_in("language=es") == [spanish]
    assert ids_in("language=pt") == [given]
    assert ids_in("language=de") == []
    assert ids_in("language=en&q=everyone") == [english]
    html = client.get("/moderate/queue?language=es").get_data(as_text=True)
    select = html.split('<select name="language">')[1].split("</select>")[0]
    options = re.findall(r'<option value="([a-z]*)"[^>]*>([^<]*)</option>', select)
    assert options == [("", "Any language"), ("en", "en"), ("es", "es"), ("pt", "pt")]
    assert '<option value="es" selected>es</option>' in html
    # The filter is kept in the links and in the bulk form, and the card shows the code.
    assert 'name="language" value="es"' in html
    assert "language=es" in html.split('aria-label="Queues"')[1].split("</nav>")[0]
    assert '<span class="language" title="Language">es</span>' in html
    assert client.get("/moderate/queue/counts?language=es").get_json()["held"] == 1
    assert client.get("/moderate/queue?language=%3Cscript%3E").status_code == 400
    # "Select all matching" acts on the filtered comments only.
    token = token_from(client)
    response = client.post(
        "/moderate/actions",
        data={
            "all_matching": "1",
            "tab": "held",
            "language": "es",
            "action": "approve",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302
    assert [status_of(app, i) for i in (english, spanish, given, other)] == [
        "held",
        "approved",
        "held",
        "held",
    ]


def test_undo_restores_the_comment_and_removes_its_labels(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    comment_id = held_comment(app, client, key)
    token = token_from(client)
    response = client.post(
        "/moderate/actions",
        data={"comment_id": comment_id, "action": "approve", "csrf_token": token},
    )
    action_id = response.headers["Location"].rsplit("undo=", 1)[1]
    assert status_of(app, comment_id) == "approved"
    undone = client.post(f"/moderate/actions/{action_id}/undo", data={"csrf_token": token})
    assert undone.status_code == 302
    assert status_of(app, comment_id) == "held"
    assert labels_of(app, comment_id) == []
    # A second undo is answered in the page, not with a bare error.
    again = client.post(f"/moderate/actions/{action_id}/undo", data={"csrf_token": token})
    assert again.status_code == 302
    assert "undo_result=already" in again.headers["Location"]
    page = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "Already undone: approved" in page
    history = client.get(f"/moderate/comments/{comment_id}").get_data(as_text=True)
    assert "undone" in history


def test_reader_reports_move_a_published_comment_into_reported(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    update_settings(app, "alpha", report_threshold=2)
    comment_id = submit(client, key).get_json()["id"]
    from tests.web.support import decide_comment

    assert decide_comment(app, comment_id) == "approved"
    url = f"/api/v1/comments/{comment_id}/reports"
    first = client.post(url, json={"reason": "rude", "reporter_id": "r1"}, headers=auth(key))
    assert first.status_code == 201
    assert first.get_json()["in_reported_queue"] is False
    dup = client.post(url, json={"reason": "rude", "reporter_id": "r1"}, headers=auth(key))
    assert dup.status_code == 409
    second = client.post(url, json={"reason": "spam", "reporter_id": 2}, headers=auth(key))
    assert second.get_json() == {
        "comment_id": comment_id,
        "reports": 2,
        "threshold": 2,
        "in_reported_queue": True,
    }
    assert client.post(url, json={"reason": ""}, headers=auth(key)).status_code == 422
    assert client.post(url, json=["x"], headers=auth(key)).status_code == 400
    assert client.post(url, json={"reason": "x"}).status_code == 401
    _, other_key = create_site(app, "beta")
    assert client.post(url, json={"reason": "x"}, headers=auth(other_key)).status_code == 404

    assert client.get("/moderate/queue/counts").get_json()["reported"] == 1
    html = client.get("/moderate/queue?tab=reported").get_data(as_text=True)
    assert comment_id in html and "2 reports: rude; spam" in html
    token = token_from(client)
    client.post(
        "/moderate/actions",
        data={
            "comment_id": comment_id,
            "action": "reject",
            "reason_code": "offensive",
            "csrf_token": token,
        },
    )
    assert client.get("/moderate/queue/counts").get_json()["reported"] == 0


def test_author_trust_premoderation_ban_and_notes(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    author = {"id": "ada", "name": "Ada", "email": "Ada@Example.org", "ip": "203.0.113.50"}
    first = submit(client, key, author=author, content="first words").get_json()["id"]
    from tests.web.support import decide_comment

    decide_comment(app, first)
    with get_db(app).session() as session:
        author_id = session.get(Comment, first).author_id  # type: ignore[union-attr]
    update_settings(app, "alpha", flood_seconds=0)
    token = token_from(client)
    page = f"/moderate/authors/{author_id}"

    client.post(f"{page}/standing", data={"standing": "trusted", "csrf_token": token})
    trusted = submit(
        client, key, author=author, content="buy now http://x.example http://y.example"
    )
    assert decide_comment(app, trusted.get_json()["id"], {"spam": 0.95}) == "approved"

    client.post(f"{page}/standing", data={"standing": "premoderated", "csrf_token": token})
    held = submit(client, key, author=author, content="an ordinary remark")
    assert decide_comment(app, held.get_json()["id"]) == "held"

    client.post(f"{page}/notes", data={"body": "<b>Warned</b> once", "csrf_token": token})
    html = client.get(page).get_data(as_text=True)
    assert "&lt;b&gt;Warned&lt;/b&gt; once" in html
    card = client.get("/moderate/queue").get_data(as_text=True)
    assert "always premoderated</span>" in card and "1 note</a>" in card
    assert "always premoderated" in html

    response = client.post(
        f"{page}/bans", data={"kind": "email", "duration": "7d", "csrf_token": token}
    )
    assert response.status_code == 302
    banned = submit(client, key, author={**author, "id": "other-id"}, content="hello again")
    assert banned.status_code == 200
    body = banned.get_json()
    assert body["status"] == "rejected"
    assert body["reasons"][0]["code"] == "BANNED"
    assert body["decided_by"] == "rules"
    assert (
        client.post(
            f"{page}/bans", data={"kind": "shoe", "duration": "", "csrf_token": token}
        ).status_code
        == 400
    )
    assert client.get(f"/moderate/authors/{author_id + 999}").status_code == 404


def test_other_site_authors_are_not_found(app: Flask, client: FlaskClient) -> None:
    setup(app, client)
    _, key_b = create_site(app, "beta")
    other = held_comment(app, client, key_b)
    with get_db(app).session() as session:
        author_id = session.get(Comment, other).author_id  # type: ignore[union-attr]
    assert client.get(f"/moderate/authors/{author_id}").status_code == 404
    token = token_from(client)
    response = client.post(
        f"/moderate/authors/{author_id}/notes", data={"body": "x", "csrf_token": token}
    )
    assert response.status_code == 404
    assert site_id(app, "beta")


def test_only_the_spans_of_attributes_that_decided_are_highlighted(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    content = "Buy this, you idiot"
    comment_id = held_comment(
        app,
        client,
        key,
        content=content,
        scores={"insult": 0.95},
        spans=[
            {"begin": 0, "end": 3, "attribute": "spam", "score": 0.4},
            {"begin": 14, "end": 19, "attribute": "insult", "score": 3.2},
        ],
    )
    html = client.get(f"/moderate/comments/{comment_id}").get_data(as_text=True)
    assert 'title="strong signal of insult; the comment&#39;s insult score is 0.95"' in html
    assert "span-spam" not in html
