"""Bad input gets its 4xx in one problem+json shape, and nothing is half-stored."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from moderation.db import get_db
from moderation.tables import Article, Author, Comment
from tests.builders import auth, comment_payload, create_site


def assert_problem(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body: dict[str, Any] = response.get_json()
    assert body["status"] == status
    assert {"type", "title", "detail", "code"} <= set(body)
    if code is not None:
        assert body["code"] == code
    return body


def nothing_stored(app: Flask) -> bool:
    with get_db(app).session() as session:
        return all(
            (session.scalar(select(func.count()).select_from(model)) or 0) == 0
            for model in (Comment, Article, Author)
        )


@pytest.fixture
def key(app: Flask) -> str:
    return create_site(app)[1]


def post(client: FlaskClient, key: str, body: Any, **kwargs: Any) -> Any:
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(
        "/api/v1/comments",
        data=data,
        headers=auth(key) | {"Content-Type": "application/json"},
        **kwargs,
    )


def test_missing_key_is_401(app: Flask, client: FlaskClient) -> None:
    response = client.post("/api/v1/comments", json=comment_payload())
    assert_problem(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert nothing_stored(app)


def test_unknown_key_is_401(app: Flask, client: FlaskClient) -> None:
    response = client.post("/api/v1/comments", json=comment_payload(), headers=auth("mk_nope"))
    assert_problem(response, 401)
    assert_problem(client.get("/api/v1/comments", headers={"Authorization": "Basic x"}), 401)


@pytest.mark.parametrize(
    "body",
    [
        b"{",
        b"not json at all",
        b"",
        b"[]",
        b'"a string"',
        b"\xff\xfe\x00",
    ],
    ids=["truncated", "text", "empty", "array", "string", "binary"],
)
def test_malformed_json_is_400(app: Flask, client: FlaskClient, key: str, body: bytes) -> None:
    assert_problem(post(client, key, body), 400, "bad_request")
    assert nothing_stored(app)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("content",), 12),
        (("content",), None),
        (("content",), ["a"]),
        (("author",), "Ada"),
        (("author", "name"), 5),
        (("author", "email"), True),
        (("article",), []),
        (("article", "id"), 1.5),
        (("article", "published_at"), "yesterday"),
        (("external_id",), {"a": 1}),
    ],
)
def test_wrong_types_are_400(
    app: Flask, client: FlaskClient, key: str, path: tuple[str, ...], value: Any
) -> None:
    payload = comment_payload()
    target = payload
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    body = assert_problem(post(client, key, payload), 400)
    assert body["errors"][0]["field"].startswith(path[0])
    assert nothing_stored(app)


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("content",), "", "content"),
        (("content",), "   \n\t ", "content"),
        (("content",), "x" * 65_526, "content"),
        (("author", "name"), "n" * 246, "author.name"),
        (("author", "email"), "e" * 90 + "@example.org", "author.email"),
        (("author", "url"), "https://example.org/" + "u" * 181, "author.url"),
        (("article", "id"), "", "article.id"),
        (("article", "url"), "", "article.url"),
    ],
)
def test_rule_breaks_are_422(
    app: Flask,
    client: FlaskClient,
    key: str,
    path: tuple[str, ...],
    value: str,
    field: str,
) -> None:
    payload = comment_payload()
    target = payload
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    body = assert_problem(post(client, key, payload), 422, "validation_failed")
    assert body["errors"][0]["field"] == field
    assert nothing_stored(app)


def test_missing_fields_are_422(app: Flask, client: FlaskClient, key: str) -> None:
    body = assert_problem(post(client, key, {"content": "hello"}), 422)
    assert {error["field"] for error in body["errors"]} == {"article", "author"}
    assert nothing_stored(app)


def test_limits_are_inclusive(app: Flask, client: FlaskClient, key: str) -> None:
    payload = comment_payload(content="é" * 65_525)
    payload["author"]["name"] = "n" * 245
    payload["author"]["email"] = "e" * 88 + "@example.org"
    payload["author"]["url"] = "https://example.org/" + "u" * 180
    assert post(client, key, payload).status_code == 202


def test_body_over_the_limit_is_413(app: Flask, client: FlaskClient, key: str) -> None:
    payload = comment_payload(content="x" * (600 * 1024))
    assert_problem(post(client, key, payload), 413, "payload_too_large")
    assert nothing_stored(app)


def test_nul_bytes_and_control_text_are_stored_safely(
    app: Flask, client: FlaskClient, key: str
) -> None:
    payload = comment_payload(content="before\u0000after\r\nnext line")
    payload["author"]["name"] = "Nul\u0000Name"
    response = post(client, key, payload)
    assert response.status_code == 202
    body = client.get(response.get_json()["url"], headers=auth(key)).get_json()
    assert body["content"] == "beforeafter\nnext line"
    assert body["author"]["name"] == "NulName"


def test_bad_query_parameters_are_400(client: FlaskClient, key: str) -> None:
    assert_problem(post(client, key, comment_payload(), query_string={"wait": "soon"}), 400)
    assert_problem(post(client, key, comment_payload(), query_string={"wait": "5001"}), 400)
    assert_problem(client.get("/api/v1/comments?status=maybe", headers=auth(key)), 400)
    assert_problem(client.get("/api/v1/comments?limit=0", headers=auth(key)), 400)
    assert_problem(client.get("/api/v1/comments?cursor=%%%", headers=auth(key)), 400)


def test_unknown_paths_and_methods(client: FlaskClient, key: str) -> None:
    assert_problem(client.get("/api/v1/nothing-here", headers=auth(key)), 404)
    assert_problem(client.get("/api/v1/comments/does-not-exist", headers=auth(key)), 404)
    assert_problem(client.delete("/api/v1/comments", headers=auth(key)), 405)


def test_rate_limit_is_429(make_app: Any) -> None:
    app = make_app("sqlite", API_RATE_LIMIT="3 per minute")
    client = app.test_client()
    _, key = create_site(app)
    statuses = [client.get("/api/v1/comments", headers=auth(key)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/comments", headers=auth(key))
    assert_problem(limited, 429, "rate_limited")
    assert 1 <= int(limited.headers["Retry-After"]) <= 60


def test_a_refused_submission_stores_nothing(app: Flask, client: FlaskClient, key: str) -> None:
    """A flood refusal for a new article and a new author leaves no article or author behind."""
    assert post(client, key, comment_payload()).status_code == 202
    again = comment_payload(content="a second comment straight away")
    again["article"]["id"] = "brand-new-article"
    assert_problem(post(client, key, again), 429)
    with get_db(app).session() as session:
        articles = session.scalars(select(Article.external_id)).all()
    assert articles == ["article-1"]


@pytest.mark.parametrize("language", ["EN", "e", "english", "en-US", "e1", "", 5, ["en"]])
def test_a_bad_language_code_is_400(
    app: Flask, client: FlaskClient, key: str, language: Any
) -> None:
    body = assert_problem(post(client, key, comment_payload(language=language)), 400)
    assert body["errors"][0]["field"] == "language"
    assert nothing_stored(app)
