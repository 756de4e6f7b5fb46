"""Log-in throttling: one budget in the database for every process, and no lock-out of the owner."""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from moderation.db import get_db
from moderation.tables.accounts import LoginAttempt
from moderation.web.auth import DEVICE_COOKIE
from tests.web.served import gunicorn, log_in, log_out, login_form
from tests.web.support import PASSWORD, create_user, csrf_token

_addresses = itertools.count(1)


def _browser(app: Flask, address: str | None = None) -> FlaskClient:
    """A fresh browser, from its own address unless one is given."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address or f"198.51.100.{next(_addresses)}"
    return client


def _login(client: FlaskClient, email: str, password: str = PASSWORD) -> Any:
    page = client.get("/moderate/login")
    token = csrf_token(page.get_data(as_text=True))
    return client.post(
        "/moderate/login", data={"email": email, "password": password, "csrf_token": token}
    )


def _logout(client: FlaskClient) -> None:
    page = client.get("/moderate/queue")
    token = csrf_token(page.get_data(as_text=True))
    assert client.post("/moderate/logout", data={"csrf_token": token}).status_code == 302


def _attempt_rows(app: Flask) -> int:
    with get_db(app).session() as session:
        return session.scalar(select(func.count()).select_from(LoginAttempt)) or 0


@pytest.fixture
def throttled(make_app: Any, db_kind: str) -> Flask:
    app: Flask = make_app(
        db_kind, LOGIN_RATE_LIMIT="5 per minute", LOGIN_ACCOUNT_RATE_LIMIT="3 per minute"
    )
    create_user(app, "mod@example.org")
    create_user(app, "other@example.org")
    return app


def test_a_wrong_password_keeps_the_email_and_a_throttled_one_says_so_with_429(
    throttled: Flask,
) -> None:
    client = _browser(throttled, "203.0.113.7")
    wrong = _login(client, "Mod@Example.org", "not the password!")
    assert wrong.status_code == 401
    page = wrong.get_data(as_text=True)
    assert "Wrong e-mail or password." in page
    assert 'value="Mod@Example.org"' in page
    assert _login(client, "mod@example.org", "still not it!").status_code == 401
    assert _login(client, "mod@example.org", "nor this one!").status_code == 401
    refused = _login(client, "mod@example.org", "a fourth guess")
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 61
    page = refused.get_data(as_text=True)
    assert "Too many log-in attempts on this account" in page
    assert "Try again in" in page and "seconds" in page
    assert 'value="mod@example.org"' in page
    # Even the right password waits: the guess is not checked at all.
    assert _login(client, "mod@example.org").status_code == 429


def test_one_address_guessing_many_accounts_is_throttled(throttled: Flask) -> None:
    client = _browser(throttled, "203.0.113.8")
    statuses = [
        _login(client, f"user{number}@example.org", "not the password!").status_code
        for number in range(7)
    ]
    assert statuses == [401] * 5 + [429] * 2
    page = _login(client, "other@example.org").get_data(as_text=True)
    assert "Too many log-in attempts from this address" in page
    # Another address is not affected.
    assert _login(_browser(throttled), "other@example.org").status_code == 302


def test_an_attacker_cannot_lock_the_owner_out_of_a_browser_they_logged_in_from(
    throttled: Flask,
) -> None:
    owner = _browser(throttled, "192.0.2.10")
    assert _login(owner, "mod@example.org").status_code == 302
    assert owner.get_cookie(DEVICE_COOKIE, path="/moderate/login") is not None
    _logout(owner)
    # Guesses from many addresses exhaust the account's budget for unknown browsers...
    statuses = [
        _login(_browser(throttled), "mod@example.org", f"guess number {n}").status_code
        for n in range(8)
    ]
    assert statuses.count(401) == 3
    assert statuses.count(429) == 5
    assert _login(_browser(throttled), "mod@example.org").status_code == 429
    # ... but the owner's browser has a budget of its own, and logs in.
    assert _login(owner, "mod@example.org").status_code == 302


def test_a_known_browser_has_a_budget_of_its_own(throttled: Flask) -> None:
    owner = _browser(throttled, "192.0.2.11")
    assert _login(owner, "mod@example.org").status_code == 302
    _logout(owner)
    statuses = [_login(owner, "mod@example.org", f"typo {n}!!").status_code for n in range(4)]
    assert statuses == [401, 401, 401, 429]
    page = _login(owner, "mod@example.org").get_data(as_text=True)
    assert "Too many wrong passwords from this browser" in page
    # Its guesses were its own: an unknown browser still gets the account's budget.
    assert _login(_browser(throttled), "mod@example.org").status_code == 302


def test_a_device_cookie_is_bound_to_its_account_and_cannot_be_forged(throttled: Flask) -> None:
    owner = _browser(throttled, "192.0.2.12")
    assert _login(owner, "other@example.org").status_code == 302
    _logout(owner)
    for n in range(3):
        assert _login(_browser(throttled), "mod@example.org", f"guess {n}!!!!").status_code == 401
    # A device cookie of another account, or a tampered one, counts as an unknown browser.
    assert _login(owner, "mod@example.org").status_code == 429
    cookie = owner.get_cookie(DEVICE_COOKIE, path="/moderate/login")
    assert cookie is not None
    forged = _browser(throttled, "192.0.2.13")
    forged.set_cookie(DEVICE_COOKIE, cookie.value[:-2] + "xx", path="/moderate/login")
    assert _login(forged, "mod@example.org").status_code == 429


def test_successful_logins_never_count_and_refused_ones_leave_no_rows(throttled: Flask) -> None:
    client = _browser(throttled, "192.0.2.14")
    for _ in range(8):
        assert _login(client, "mod@example.org").status_code == 302
        _logout(client)
    assert _attempt_rows(throttled) == 0
    stranger = _browser(throttled, "192.0.2.15")
    for n in range(20):
        _login(stranger, "nobody@example.org", f"guess {n}!!!!")
    # Three checked guesses stay counted (the account budget; the address's row of each too).
    assert _attempt_rows(throttled) == 6


# --- real processes ---------------------------------------------------------------------------


def _guess(base: str, number: int) -> int:
    browser = requests.Session()  # a browser that never logged in: no device cookie
    token = login_form(browser, base)
    answer = browser.post(
        f"{base}/moderate/login",
        data={"email": "mod@example.org", "password": f"guess {number:02}!!", "csrf_token": token},
        allow_redirects=False,
        timeout=60,
    )
    return answer.status_code


@pytest.mark.integration
def test_25_guesses_across_gunicorn_processes_check_at_most_the_limit(
    make_app: Any, db_kind: str, tmp_path: Path
) -> None:
    app: Flask = make_app(db_kind)
    create_user(app, "mod@example.org")
    config = {name: app.config[name] for name in ("DATA_DIR", "DATABASE_URL", "SECRET_KEY")}
    get_db(app).engine.dispose()
    # The defaults: 10 per minute per address and per account.
    with gunicorn(config, tmp_path / "gunicorn.log", workers=2) as served:
        owner = requests.Session()
        assert log_in(owner, served.base, "mod@example.org", PASSWORD).status_code == 302
        log_out(owner, served.base)
        mark = served.mark()
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(lambda n: _guess(served.base, n), range(25)))
        assert set(statuses) <= {401, 429}
        assert statuses.count(401) == 10, statuses  # checked: exactly the limit
        assert statuses.count(429) == 15
        assert len(served.serving_pids("POST", "/moderate/login", since=mark)) == 2
        # An unknown browser with the right password waits too...
        assert _guess_right(requests.Session(), served.base) == 429
        # ... while the owner's browser, which logged in before, is not locked out.
        assert _guess_right(owner, served.base) == 302


def _guess_right(browser: requests.Session, base: str) -> int:
    return log_in(browser, base, "mod@example.org", PASSWORD).status_code
