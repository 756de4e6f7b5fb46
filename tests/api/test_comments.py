"""The native comments API on SQLite and PostgreSQL: submission, reading back, tenancy."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from moderation.db import get_db
from moderation.tables import Comment, CommentEvent
from tests.builders import auth, comment_payload, create_site


def count_comments(app: Flask) -> int:
    with get_db(app).session() as session:
        return session.scalar(select(func.count()).select_from(Comment)) or 0


def test_submit_answers_202_and_stores_a_pending_comment(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app)
    response = client.post("/api/v1/comments", json=comment_payload(), headers=auth(key))
    assert response.status_code == 202
    body = response.get_json()
    assert body["status"] == "pending"
    assert body["url"].endswith(f"/api/v1/comments/{body['id']}")
    assert response.headers["Location"] == body["url"]

    with get_db(app).session() as session:
        comment = session.get(Comment, body["id"])
        assert comment is not None
        assert comment.status == "pending"
        assert comment.author_ip == "203.0.113.7"
        events = session.scalars(
            select(CommentEvent.type).where(CommentEvent.comment_id == body["id"])
        )
        assert list(events) == ["submitted"]


def test_get_returns_the_comment_with_its_fields(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app)
    comment_id = client.post(
        "/api/v1/comments", json=comment_payload(), headers=auth(key)
    ).get_json()["id"]
    response = client.get(f"/api/v1/comments/{comment_id}", headers=auth(key))
    assert response.status_code == 200
    body = response.get_json()
    assert body["id"] == comment_id
    assert body["status"] == "pending"
    assert body["scores"] == {}
    assert body["reasons"] == []
    assert body["model_version"] is None
    assert body["decided_at"] is None
    assert body["article"] == {
        "id": "article-1",
        "url": "https://news.example/2026/11/ceasefire-talks",
        "title": "Ceasefire talks resume",
    }
    assert "email" not in body["author"]


def test_another_sites_comment_is_not_found(app: Flask, client: FlaskClient) -> None:
    _, key_a = create_site(app, "site-a")
    _, key_b = create_site(app, "site-b")
    comment_id = client.post(
        "/api/v1/comments", json=comment_payload(), headers=auth(key_a)
    ).get_json()["id"]
    response = client.get(f"/api/v1/comments/{comment_id}", headers=auth(key_b))
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    listing = client.get("/api/v1/comments", headers=auth(key_b)).get_json()
    assert listing["items"] == []


def test_same_external_id_returns_the_existing_comment(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app)
    first = client.post(
        "/api/v1/comments", json=comment_payload(external_id="wp-42"), headers=auth(key)
    )
    second = client.post(
        "/api/v1/comments",
        json=comment_payload(external_id="wp-42", content="a different text"),
        headers=auth(key),
    )
    assert first.status_code == 202
    assert second.status_code in (200, 202)
    assert second.get_json()["id"] == first.get_json()["id"]
    assert count_comments(app) == 1


def test_external_ids_are_per_site(app: Flask, client: FlaskClient) -> None:
    _, key_a = create_site(app, "site-a")
    _, key_b = create_site(app, "site-b")
    a = client.post("/api/v1/comments", json=comment_payload(external_id="7"), headers=auth(key_a))
    b = client.post("/api/v1/comments", json=comment_payload(external_id="7"), headers=auth(key_b))
    assert a.get_json()["id"] != b.get_json()["id"]
    assert count_comments(app) == 2


def test_numeric_ids_are_accepted_as_text(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app)
    payload = comment_payload(external_id=1001)
    payload["article"]["id"] = 55
    payload["author"]["id"] = 9
    response = client.post("/api/v1/comments", json=payload, headers=auth(key))
    assert response.status_code == 202
    body = client.get(response.get_json()["url"], headers=auth(key)).get_json()
    assert body["external_id"] == "1001"
    assert body["article"]["id"] == "55"


def test_list_filters_and_paginates(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app)
    ids = []
    for number in range(5):
        payload = comment_payload(content=f"comment number {number}")
        payload["article"]["id"] = "a1" if number % 2 == 0 else "a2"
        payload["author"]["id"] = f"reader-{number}"  # one author would trip flood control
        ids.append(
            client.post("/api/v1/comments", json=payload, headers=auth(key)).get_json()["id"]
        )
    seen: list[str] = []
    cursor = None
    while True:
        query = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v1/comments", query_string=query, headers=auth(key)).get_json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(ids))

    by_article = client.get(
        "/api/v1/comments", query_string={"article_id": "a1"}, headers=auth(key)
    ).get_json()
    assert [item["id"] for item in by_article["items"]] == [ids[4], ids[2], ids[0]]
    pending = client.get(
        "/api/v1/comments", query_string={"status": "pending"}, headers=auth(key)
    ).get_json()
    assert len(pending["items"]) == 5
    approved = client.get(
        "/api/v1/comments", query_string={"status": "approved"}, headers=auth(key)
    ).get_json()
    assert approved["items"] == []


def test_rotated_key_stops_working(app: Flask, client: FlaskClient) -> None:
    from moderation.services.sites import find_site, rotate_key

    _, old_key = create_site(app)
    with get_db(app).session() as session:
        new_key = rotate_key(session, find_site(session, "example"))
    assert client.get("/api/v1/comments", headers=auth(old_key)).status_code == 401
    assert client.get("/api/v1/comments", headers=auth(new_key)).status_code == 200


def test_keys_are_stored_only_as_hashes(app: Flask) -> None:
    from moderation.tables import ApiKey

    _, key = create_site(app)
    with get_db(app).session() as session:
        stored = session.scalars(select(ApiKey).where(ApiKey.kind == "api")).one()
        assert key not in (stored.key_hash, stored.prefix)
        assert len(stored.key_hash) == 64
        # The site's Akismet-format key is there too, also only as a digest.
        akismet = session.scalars(select(ApiKey).where(ApiKey.kind == "akismet")).one()
        assert len(akismet.key_hash) == 64 and len(akismet.prefix) == 2


def test_openapi_document_and_health(client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert {"/comments", "/comments/{comment_id}"} <= set(document["paths"])
    assert "CommentIn" in document["components"]["schemas"]
    content = document["components"]["schemas"]["CommentIn"]["properties"]["content"]
    assert content["maxLength"] == 65_525
    assert client.get("/healthz").get_json() == {"status": "ok"}


SPANISH = "Creo que ambas partes deberían seguir hablando; la última tregua salvó vidas."


def test_the_language_is_detected_stored_and_returned(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app)
    ids = {}
    for name, content in (("en", None), ("es", SPANISH), ("none", "123 456 !!! :-)")):
        payload = comment_payload(external_id=name)
        payload["author"] = {**payload["author"], "id": f"reader-{name}"}  # no flood control
        if content is not None:
            payload["content"] = content
        response = client.post("/api/v1/comments", json=payload, headers=auth(key))
        assert response.status_code == 202, response.get_json()
        ids[name] = response.get_json()["id"]
    for name, expected in (("en", "en"), ("es", "es"), ("none", None)):
        body = client.get(f"/api/v1/comments/{ids[name]}", headers=auth(key)).get_json()
        assert body["language"] == expected
        with get_db(app).session() as session:
            comment = session.get(Comment, ids[name])
            assert comment is not None and comment.language == expected
    listed = client.get("/api/v1/comments", headers=auth(key)).get_json()["items"]
    assert {item["id"]: item["language"] for item in listed} == {
        ids["en"]: "en",
        ids["es"]: "es",
        ids["none"]: None,
    }


def test_a_given_language_wins_over_detection(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app)
    response = client.post(
        "/api/v1/comments", json=comment_payload(content=SPANISH, language="ca"), headers=auth(key)
    )
    assert response.status_code == 202
    comment_id = response.get_json()["id"]
    body = client.get(f"/api/v1/comments/{comment_id}", headers=auth(key)).get_json()
    assert body["language"] == "ca"


def test_the_openapi_document_describes_the_language(client: FlaskClient) -> None:
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    given = schemas["CommentIn"]["properties"]["language"]
    assert "language" not in schemas["CommentIn"].get("required", [])
    assert {"type": "string", "pattern": "^[a-z]{2,3}$"} in given["anyOf"]
    assert "language" in schemas["CommentOut"]["required"]
