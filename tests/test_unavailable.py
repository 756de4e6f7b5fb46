"""A database that is down or restarting: 503 with Retry-After in each API's shape, never 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from moderation.migrate import upgrade
from tests.builders import auth, comment_payload, create_site
from tests.conftest import AppFactory
from tests.servers import PostgresServer
from tests.web.support import create_user, login

pytestmark = pytest.mark.postgres


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    server.start()
    yield server
    server.remove()


@pytest.fixture
def app_on_own_postgres(make_app: AppFactory, own_postgres: PostgresServer) -> Flask:
    upgrade(own_postgres.url)
    return make_app("sqlite", DATABASE_URL=own_postgres.url, ENQUEUE=False)


def test_every_api_answers_503_with_retry_after_while_the_database_is_down(
    app_on_own_postgres: Flask, own_postgres: PostgresServer
) -> None:
    app = app_on_own_postgres
    _site_id, key = create_site(app)
    create_user(app, "mod@example.org", sites=("example",))
    client = app.test_client()
    assert client.post(
        "/api/v1/comments", json=comment_payload(), headers=auth(key)
    ).status_code in (
        200,
        202,
    )
    pages = app.test_client()
    assert login(pages, "mod@example.org").status_code == 302

    own_postgres.stop()

    native = client.post("/api/v1/comments", json=comment_payload(), headers=auth(key))
    assert native.status_code == 503
    assert native.headers["Retry-After"] == "5"
    assert native.mimetype == "application/problem+json"
    assert native.get_json()["code"] == "unavailable"

    listed = client.get("/api/v1/comments", headers=auth(key))
    assert listed.status_code == 503 and listed.headers["Retry-After"] == "5"

    akismet = client.post(
        "/1.1/comment-check",
        data={"api_key": key, "blog": "https://news.example", "user_ip": "203.0.113.9"}
        | {"comment_content": "A fine article."},
    )
    assert akismet.status_code == 503
    assert akismet.get_data(as_text=True) == "invalid"
    assert akismet.headers["Retry-After"] == "5"

    perspective = client.post(
        f"/v1alpha1/comments:analyze?key={key}",
        json={"comment": {"text": "A fine article."}, "requestedAttributes": {"TOXICITY": {}}},
    )
    assert perspective.status_code == 503
    assert perspective.get_json()["error"]["status"] == "UNAVAILABLE"
    assert perspective.headers["Retry-After"] == "5"

    page = pages.get("/moderate/queue")
    assert page.status_code == 503
    assert page.mimetype == "text/html"
    assert page.headers["Retry-After"] == "5"

    # Back up: the pool's stale connections are replaced, and nothing needs a restart.
    own_postgres.start()
    again = client.post(
        "/api/v1/comments",
        json=comment_payload(
            content="Back again, thanks.",
            author={"id": "reader-2", "name": "Bo Reader", "ip": "203.0.113.9"},
        ),
        headers=auth(key),
    )
    assert again.status_code in (200, 202)
    assert "Retry-After" not in again.headers
    assert pages.get("/moderate/queue").status_code == 200


def test_a_constraint_error_is_not_called_unavailable(app_on_own_postgres: Flask) -> None:
    """Only "not answering" errors become 503; anything else unexpected stays a logged 500."""
    from sqlalchemy import exc as sa_exc

    from moderation.errors import _UNAVAILABLE_ERRORS

    assert not issubclass(sa_exc.IntegrityError, _UNAVAILABLE_ERRORS)
    assert issubclass(sa_exc.OperationalError, _UNAVAILABLE_ERRORS)
