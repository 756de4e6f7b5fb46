"""Accounts, logging in and out, CSRF, throttling, security headers and tenancy on the pages."""

from __future__ import annotations

import subprocess
import sys

from flask import Flask
from flask.testing import FlaskClient

from moderation.db import get_db
from moderation.tables import User
from tests.builders import create_site
from tests.processes import ROOT, env_for
from tests.web.support import PASSWORD, create_user, held_comment, login, site_id, token_from

CLI = (sys.executable, "-m", "moderation.cli", "users", "create")


def test_login_sets_a_hardened_session_cookie_and_logout_ends_it(
    app: Flask, client: FlaskClient
) -> None:
    create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    assert client.get("/moderate/queue").status_code == 302

    response = login(client, "MOD@example.org")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/moderate/queue")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie

    page = client.get("/moderate/queue")
    assert page.status_code == 200
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert page.headers["X-Frame-Options"] == "DENY"

    token = token_from(client)
    assert client.post("/moderate/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/moderate/queue").status_code == 302


def test_passwords_are_stored_as_argon2_hashes(app: Flask) -> None:
    create_user(app, "admin@example.org", role="admin")
    with get_db(app).session() as session:
        user = session.query(User).one()
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


def test_wrong_password_is_refused_and_attempts_are_throttled(
    make_app: object, db_kind: str
) -> None:
    app = make_app(db_kind, LOGIN_RATE_LIMIT="3 per minute")  # type: ignore[operator]
    create_user(app, "mod@example.org")
    client = app.test_client()
    statuses = [login(client, "mod@example.org", "wrong password!").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    # Throttled even with the right password until the window passes.
    assert login(client, "mod@example.org").status_code == 429


def test_a_post_without_its_csrf_token_is_refused(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    comment_id = held_comment(app, client, key)
    login(client, "mod@example.org")

    response = client.post(
        "/moderate/actions", data={"comment_id": comment_id, "action": "approve"}
    )
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    forged = client.post(
        "/moderate/actions",
        data={"comment_id": comment_id, "action": "approve", "csrf_token": "forged"},
    )
    assert forged.status_code == 400
    # A login form without its token is refused too.
    assert client.post("/moderate/login", data={"email": "x", "password": "y"}).status_code == 400


def test_a_moderator_gets_404_for_another_sites_comments_and_pages(
    app: Flask, client: FlaskClient
) -> None:
    _, key_a = create_site(app, "alpha")
    _, key_b = create_site(app, "beta")
    create_user(app, "mod@example.org", sites=("alpha",))
    other = held_comment(app, client, key_b, content="Beta's own comment, you idiot.")
    mine = held_comment(app, client, key_a)
    login(client, "mod@example.org")

    queue = client.get("/moderate/queue").get_data(as_text=True)
    assert mine in queue
    assert other not in queue
    assert client.get(f"/moderate/comments/{other}").status_code == 404
    assert client.get(f"/moderate/comments/{mine}").status_code == 200
    beta = site_id(app, "beta")
    assert client.get(f"/moderate/queue?site={beta}").status_code == 404
    assert client.get(f"/moderate/queue/counts?site={beta}").status_code == 404
    token = token_from(client)
    acted = client.post(
        "/moderate/actions",
        data={"comment_id": other, "action": "approve", "csrf_token": token},
    )
    assert acted.status_code == 404
    # Settings are for admins; another site's settings are not even found.
    assert client.get(f"/moderate/sites/{beta}/settings").status_code == 403
    alpha = site_id(app, "alpha")
    assert client.get(f"/moderate/sites/{alpha}/settings").status_code == 403


def test_an_admin_sees_every_site_and_manages_settings(app: Flask, client: FlaskClient) -> None:
    create_site(app, "alpha")
    create_site(app, "beta")
    create_user(app, "admin@example.org", role="admin")
    login(client, "admin@example.org")
    page = client.get("/moderate/sites").get_data(as_text=True)
    assert "Settings of alpha" in page and "Settings of beta" in page
    assert client.get(f"/moderate/sites/{site_id(app, 'beta')}/settings").status_code == 200


def test_users_create_reads_the_password_from_stdin(app: Flask) -> None:
    create_site(app, "alpha")
    config = {name: app.config[name] for name in ("DATA_DIR", "DATABASE_URL", "SECRET_KEY")}
    env = env_for(config)
    result = subprocess.run(
        [*CLI, "new@example.org", "--role", "moderator", "--site", "alpha", "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "created moderator new@example.org" in result.stdout
    client = app.test_client()
    assert login(client, "new@example.org").status_code == 302
    short = subprocess.run(
        [*CLI, "x@example.org", "--site", "alpha", "--password-stdin"],
        input="short\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert short.returncode != 0
    assert "password" in short.stderr


def test_an_admin_creates_sites_and_users_from_the_page(app: Flask, client: FlaskClient) -> None:
    create_site(app, "alpha")
    create_user(app, "admin@example.org", role="admin")
    login(client, "admin@example.org")
    token = token_from(client, "/moderate/sites")
    created = client.post("/moderate/sites", data={"name": "gamma", "csrf_token": token})
    assert created.status_code == 201
    assert "mk_" in created.get_data(as_text=True)
    gamma = site_id(app, "gamma")
    response = client.post(
        "/moderate/users",
        data={
            "email": "new@example.org",
            "password": PASSWORD,
            "role": "moderator",
            "site_id": str(gamma),
            "csrf_token": token,
        },
    )
    assert response.status_code == 302
    bad = {"email": "x@example.org", "password": "short", "role": "moderator", "csrf_token": token}
    assert client.post("/moderate/users", data=bad).status_code == 400
    assert client.post("/moderate/users", data={**bad, "site_id": "x"}).status_code == 400
    duplicate = {**bad, "email": "new@example.org", "password": PASSWORD}
    assert client.post("/moderate/users", data=duplicate).status_code == 409

    moderator = app.test_client()
    login(moderator, "new@example.org")
    assert moderator.get(f"/moderate/queue?site={gamma}").status_code == 200
    assert moderator.get(f"/moderate/queue?site={site_id(app, 'alpha')}").status_code == 404
    assert moderator.get("/moderate/sites").status_code == 403
