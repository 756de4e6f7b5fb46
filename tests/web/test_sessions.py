"""Moderator sessions live on the server: ending one refuses every copy of its cookie."""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from moderation.db import get_db
from moderation.services import accounts
from moderation.tables import User
from moderation.tables.accounts import UserSession
from moderation.tables.base import utcnow
from tests.builders import create_site
from tests.web.served import gunicorn, log_in
from tests.web.support import PASSWORD, create_user, login, token_from

COOKIE = "moderation_session"


def _cookie_value(client: FlaskClient) -> str:
    cookie = client.get_cookie(COOKIE)
    assert cookie is not None
    return cookie.value


def _payload(cookie: str) -> dict[str, object]:
    """What a signed Flask session cookie holds (signed, not encrypted: anyone can read it)."""
    data = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    if cookie.startswith("."):
        raw = zlib.decompress(raw)
    payload: dict[str, object] = json.loads(raw)
    return payload


def _copy(app: Flask, client: FlaskClient) -> FlaskClient:
    """Another browser holding a copy of ``client``'s session cookie."""
    thief = app.test_client()
    thief.set_cookie(COOKIE, _cookie_value(client))
    return thief


def _rows(app: Flask) -> list[UserSession]:
    with get_db(app).session() as session:
        return list(session.scalars(select(UserSession).order_by(UserSession.id)))


def _user(app: Flask, email: str) -> User:
    with get_db(app).session() as session:
        return accounts.find_user(session, email)


def test_the_cookie_carries_only_a_random_id_kept_hashed(app: Flask, client: FlaskClient) -> None:
    create_user(app, "mod@example.org")
    assert login(client, "mod@example.org").status_code == 302
    payload = _payload(_cookie_value(client))
    assert set(payload) <= {"sid", "csrf_token", "_permanent"}
    sid = payload["sid"]
    assert isinstance(sid, str) and len(sid) >= 40
    (row,) = _rows(app)
    assert row.token_hash == hashlib.sha256(sid.encode()).hexdigest()
    assert sid not in row.token_hash
    assert row.user_id == _user(app, "mod@example.org").id
    assert row.ip_address == "127.0.0.1"
    assert row.expires_at - row.created_at == timedelta(hours=12)


def test_odd_bytes_in_the_login_form_and_headers_are_no_500(app: Flask) -> None:
    create_user(app, "mod@example.org")
    client = app.test_client()
    # Refused as a bad form or as a wrong password, never a 500.
    assert login(client, "mod\x00@example.org", "not it\x00at all").status_code in (400, 401)
    client.environ_base["HTTP_USER_AGENT"] = "agent\x00\r with NUL " + "x" * 500
    assert login(client, "mod@example.org").status_code == 302
    (row,) = _rows(app)
    assert row.user_agent.startswith("agent?? with NUL")
    assert len(row.user_agent) == 200


def test_a_copied_cookie_is_refused_after_logout(app: Flask, client: FlaskClient) -> None:
    create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    login(client, "mod@example.org")
    thief = _copy(app, client)
    assert thief.get("/moderate/queue").status_code == 200  # the copy works while logged in

    token = token_from(client)
    assert client.post("/moderate/logout", data={"csrf_token": token}).status_code == 302
    assert _rows(app) == []
    refused = thief.get("/moderate/queue")
    assert refused.status_code == 302
    assert "/moderate/login" in refused.headers["Location"]
    # JSON callers get a 401, and a state-changing request goes nowhere either.
    assert thief.get("/moderate/queue", headers={"Accept": "application/json"}).status_code == 401
    assert client.get("/moderate/queue").status_code == 302


def test_a_password_change_ends_every_session_but_the_changing_one(app: Flask) -> None:
    create_user(app, "mod@example.org")
    laptop, phone, changer = app.test_client(), app.test_client(), app.test_client()
    for browser in (laptop, phone, changer):
        login(browser, "mod@example.org")
    assert len(_rows(app)) == 3
    with get_db(app).session() as session:
        user = accounts.find_user(session, "mod@example.org")
        keep = str(_payload(_cookie_value(changer))["sid"])
        ended = accounts.set_password(session, user, "violet-kettle-harbour-91", keep_token=keep)
    assert ended == 2
    assert laptop.get("/moderate/queue").status_code == 302
    assert phone.get("/moderate/queue").status_code == 302
    assert changer.get("/moderate/queue").status_code == 200
    # A reset (no session kept) ends that one too; the old password no longer opens anything.
    with get_db(app).session() as session:
        user = accounts.find_user(session, "mod@example.org")
        assert accounts.set_password(session, user, "amber-lantern-quietly-47") == 1
    assert changer.get("/moderate/queue").status_code == 302
    assert login(app.test_client(), "mod@example.org", PASSWORD).status_code == 401
    assert (
        login(app.test_client(), "mod@example.org", "amber-lantern-quietly-47").status_code == 302
    )


def test_disabling_a_user_ends_their_sessions_and_refuses_logins(app: Flask) -> None:
    create_user(app, "mod@example.org")
    create_user(app, "other@example.org")
    browser, other = app.test_client(), app.test_client()
    login(browser, "mod@example.org")
    login(other, "other@example.org")
    with get_db(app).session() as session:
        assert accounts.disable_user(session, accounts.find_user(session, "mod@example.org")) == 1
    assert browser.get("/moderate/queue").status_code == 302
    assert login(app.test_client(), "mod@example.org").status_code == 401
    assert other.get("/moderate/queue").status_code == 200  # nobody else is logged out
    with get_db(app).session() as session:
        accounts.enable_user(session, accounts.find_user(session, "mod@example.org"))
    assert login(app.test_client(), "mod@example.org").status_code == 302


def test_end_all_sessions_logs_a_user_out_everywhere(app: Flask) -> None:
    create_user(app, "mod@example.org")
    browsers = [app.test_client() for _ in range(3)]
    for browser in browsers:
        login(browser, "mod@example.org")
    with get_db(app).session() as session:
        user = accounts.find_user(session, "mod@example.org")
        assert [row.ip_address for row in accounts.list_sessions(session, user)] == [
            "127.0.0.1"
        ] * 3
        assert accounts.end_all_sessions(session, user) == 3
    assert all(browser.get("/moderate/queue").status_code == 302 for browser in browsers)


def test_idle_and_lifetime_limits_end_a_session(make_app: object, db_kind: str) -> None:
    app: Flask = make_app(  # type: ignore[operator]
        db_kind, SESSION_IDLE_MINUTES=30, SESSION_LIFETIME_HOURS=2
    )
    create_user(app, "mod@example.org")
    idle, old = app.test_client(), app.test_client()
    login(idle, "mod@example.org")
    login(old, "mod@example.org")
    idle_id, old_id = (row.id for row in _rows(app))
    (row,) = [row for row in _rows(app) if row.id == old_id]
    assert row.expires_at - row.created_at == timedelta(hours=2)
    with get_db(app).session() as session:
        # 31 minutes without a request; the other one is still active but past its lifetime.
        session.execute(
            update(UserSession)
            .where(UserSession.id == idle_id)
            .values(last_seen_at=utcnow() - timedelta(minutes=31))
        )
        session.execute(
            update(UserSession)
            .where(UserSession.id == old_id)
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        session.commit()
    assert idle.get("/moderate/queue").status_code == 302
    assert old.get("/moderate/queue").status_code == 302
    assert _rows(app) == []


def test_requests_keep_a_session_alive_with_one_write_a_minute(app: Flask) -> None:
    create_user(app, "mod@example.org")
    client = app.test_client()
    login(client, "mod@example.org")
    with get_db(app).session() as session:
        session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=59)))
        session.commit()
    assert client.get("/moderate/queue").status_code == 200
    (row,) = _rows(app)
    assert utcnow() - row.last_seen_at < timedelta(seconds=30)
    seen = row.last_seen_at
    assert client.get("/moderate/queue").status_code == 200
    assert _rows(app)[0].last_seen_at == seen  # not written again within the minute


def test_a_cookie_of_the_old_signed_sessions_opens_nothing(app: Flask) -> None:
    create_user(app, "mod@example.org")
    user = _user(app, "mod@example.org")
    client = app.test_client()
    with client.session_transaction() as cookie:
        cookie["uid"] = user.id
        cookie["stamp"] = user.password_hash[-16:]
    assert client.get("/moderate/queue").status_code == 302
    with client.session_transaction() as cookie:
        cookie["sid"] = "not a session anyone was given"
    assert client.get("/moderate/queue").status_code == 302


def test_logging_in_again_replaces_the_session_and_csrf_keeps_working(app: Flask) -> None:
    create_user(app, "mod@example.org")
    create_user(app, "other@example.org")
    client = app.test_client()
    login(client, "mod@example.org")
    before = _payload(_cookie_value(client))["sid"]
    token = token_from(client)
    # The login form is reachable again only after logging out; a second login ends the first.
    assert client.post("/moderate/logout", data={"csrf_token": token}).status_code == 302
    login(client, "other@example.org")
    after = _payload(_cookie_value(client))["sid"]
    assert after != before
    assert len(_rows(app)) == 1
    token = token_from(client)
    assert client.post("/moderate/logout", data={}).status_code == 400  # CSRF still required
    assert client.post("/moderate/logout", data={"csrf_token": token}).status_code == 302


@pytest.mark.integration
def test_logout_refuses_a_copied_cookie_in_every_gunicorn_process(
    make_app: object, db_kind: str, tmp_path: Path
) -> None:
    app: Flask = make_app(db_kind)  # type: ignore[operator]
    create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    config = {name: app.config[name] for name in ("DATA_DIR", "DATABASE_URL", "SECRET_KEY")}
    get_db(app).engine.dispose()
    with gunicorn(config, tmp_path / "gunicorn.log", workers=2) as served:
        browser = requests.Session()
        assert log_in(browser, served.base, "mod@example.org", PASSWORD).status_code == 302
        copied = {COOKIE: browser.cookies[COOKIE]}  # another machine's copy of the cookie
        queue = f"{served.base}/moderate/queue"
        for _ in range(20):
            answer = requests.get(queue, cookies=copied, allow_redirects=False, timeout=30)
            assert answer.status_code == 200
        page = browser.get(queue, timeout=30)
        token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        logout = browser.post(
            f"{served.base}/moderate/logout",
            data={"csrf_token": token},
            allow_redirects=False,
            timeout=30,
        )
        assert logout.status_code == 302
        # The copy is refused by every process: 40 requests at once reach both.
        mark = served.mark()
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = set(pool.map(lambda _: _get(queue, copied), range(40)))
        assert statuses == {302}
        assert len(served.serving_pids("GET", "/moderate/queue", since=mark)) == 2


def _get(url: str, cookies: dict[str, str]) -> int:
    return requests.get(url, cookies=cookies, allow_redirects=False, timeout=30).status_code
