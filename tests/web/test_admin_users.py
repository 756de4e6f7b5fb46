"""The admins' account pages: sites of an account, password reset, disable/enable, delete.

Each action ends the sessions it must end (checked with the moderator's own logged-in client),
is refused to moderators and without the CSRF token, and never leaves a moderator with no site
or the service with no admin. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from moderation.db import get_db
from moderation.services import accounts
from tests.builders import create_site
from tests.web.support import PASSWORD, create_user, login, token_from

NEW_PASSWORD = "another long passphrase"


@pytest.fixture
def sites(app: Flask) -> dict[str, int]:
    alpha, _ = create_site(app, "alpha")
    beta, _ = create_site(app, "beta")
    create_user(app, "boss@example.org", role="admin")
    create_user(app, "mod@example.org", sites=("alpha",))
    return {"alpha": alpha, "beta": beta}


def user_id(app: Flask, email: str) -> int:
    with app.app_context(), get_db(app).session() as session:
        return accounts.find_user(session, email).id


def logged_in(app: Flask, email: str, password: str = PASSWORD) -> FlaskClient:
    client = app.test_client()
    assert login(client, email, password).status_code == 302, email
    return client


def is_logged_in(client: FlaskClient) -> bool:
    response = client.get("/moderate/queue")
    if response.status_code == 302:
        assert "/moderate/login" in response.headers["Location"]
        return False
    assert response.status_code == 200
    return True


def post(client: FlaskClient, path: str, **data: object) -> TestResponse:
    token = token_from(client, "/moderate/users")
    return client.post(path, data={"csrf_token": token, **data})


def text(response: TestResponse) -> str:
    return response.get_data(as_text=True)


def test_the_service_address_leads_to_the_moderators_login(app: Flask) -> None:
    client = app.test_client()
    root = client.get("/")
    assert root.status_code == 302 and root.headers["Location"] == "/moderate/"
    landed = client.get("/", follow_redirects=True)
    assert landed.status_code == 200 and 'name="password"' in text(landed)
    assert landed.request.path == "/moderate/login"
    # The APIs keep their own answers.
    assert client.get("/healthz").status_code == 200
    assert client.get("/api/v1/nothing-here").status_code == 404
    assert client.post("/").status_code == 405


def test_only_admins_manage_accounts_and_every_form_needs_its_token(
    app: Flask, sites: dict[str, int]
) -> None:
    mod = user_id(app, "mod@example.org")
    paths = [
        f"/moderate/users/{mod}/{action}"
        for action in ("sites", "password", "disable", "enable", "sessions/end", "delete")
    ] + ["/moderate/users"]
    anonymous = app.test_client()
    assert anonymous.get("/moderate/users").status_code == 302
    moderator = logged_in(app, "mod@example.org")
    assert moderator.get("/moderate/users").status_code == 403
    assert moderator.get(f"/moderate/users/{mod}").status_code == 403
    token = token_from(moderator)
    for path in paths:
        assert moderator.post(path, data={"csrf_token": token}).status_code == 403, path
    admin = logged_in(app, "boss@example.org")
    for path in paths:
        refused = admin.post(path, data={"confirm": "yes"})
        assert refused.status_code == 400 and "security token" in text(refused), path
    assert is_logged_in(moderator)  # nothing happened to the account
    assert admin.get("/moderate/users/999999").status_code == 404


def test_the_accounts_page_lists_roles_states_sites_and_sessions(
    app: Flask, sites: dict[str, int]
) -> None:
    create_user(app, "<b>odd</b>@example.org", sites=("beta",))
    logged_in(app, "mod@example.org")
    admin = logged_in(app, "boss@example.org")
    page = text(admin.get("/moderate/users"))
    row = re.search(r"mod@example\.org</a>.*?</tr>", page, re.S)
    assert row and "moderator" in row.group(0) and "alpha" in row.group(0)
    assert "enabled" in row.group(0) and ">1</td>" in row.group(0)
    assert "all sites" in page
    assert "&lt;b&gt;odd&lt;/b&gt;@example.org" in page and "<b>odd" not in page
    assert 'href="/moderate/users"' in text(admin.get("/moderate/sites"))  # linked from Sites


def test_a_moderator_with_no_site_is_refused_and_the_form_keeps_what_was_typed(
    app: Flask, sites: dict[str, int]
) -> None:
    admin = logged_in(app, "boss@example.org")
    refused = post(
        admin, "/moderate/users", email="new@example.org", password=PASSWORD, role="moderator"
    )
    assert refused.status_code == 400
    assert "needs at least one site" in text(refused)
    assert 'value="new@example.org"' in text(refused)
    assert "new@example.org" not in [u.email for u in _users(app)]

    created = post(
        admin,
        "/moderate/users",
        email="new@example.org",
        password=PASSWORD,
        role="moderator",
        site_id=str(sites["beta"]),
    )
    assert created.status_code == 302
    page = admin.get(created.headers["Location"])
    assert "Account created." in text(page) and "beta" in text(page)
    new = logged_in(app, "new@example.org")
    assert new.get(f"/moderate/queue?site={sites['beta']}").status_code == 200
    assert new.get(f"/moderate/queue?site={sites['alpha']}").status_code == 404

    # An admin needs no site.
    admin_made = post(
        admin, "/moderate/users", email="second@example.org", password=PASSWORD, role="admin"
    )
    assert admin_made.status_code == 302


def _users(app: Flask) -> list[accounts.User]:
    with app.app_context(), get_db(app).session() as session:
        found = accounts.list_users(session)
        session.expunge_all()
        return found


def test_sites_of_a_moderator_change_what_it_sees_and_one_always_stays(
    app: Flask, sites: dict[str, int]
) -> None:
    mod = user_id(app, "mod@example.org")
    moderator = logged_in(app, "mod@example.org")
    admin = logged_in(app, "boss@example.org")
    assert moderator.get(f"/moderate/queue?site={sites['beta']}").status_code == 404

    both = post(
        admin, f"/moderate/users/{mod}/sites", site_id=[str(sites["alpha"]), str(sites["beta"])]
    )
    assert both.status_code == 302
    assert moderator.get(f"/moderate/queue?site={sites['beta']}").status_code == 200

    only_beta = post(admin, f"/moderate/users/{mod}/sites", site_id=str(sites["beta"]))
    assert only_beta.status_code == 302
    assert moderator.get(f"/moderate/queue?site={sites['alpha']}").status_code == 404
    assert "Sites saved." in text(admin.get(f"/moderate/users/{mod}?done=sites"))

    none = post(admin, f"/moderate/users/{mod}/sites")
    assert none.status_code == 400 and "needs at least one site" in text(none)
    assert moderator.get(f"/moderate/queue?site={sites['beta']}").status_code == 200
    assert post(admin, f"/moderate/users/{mod}/sites", site_id="999999").status_code == 400
    assert post(admin, f"/moderate/users/{mod}/sites", site_id="x").status_code == 400


def test_disabling_ends_the_sessions_at_once_and_enabling_lets_it_log_in(
    app: Flask, sites: dict[str, int]
) -> None:
    mod = user_id(app, "mod@example.org")
    moderator = logged_in(app, "mod@example.org")
    admin = logged_in(app, "boss@example.org")
    assert "Log mod@example.org out everywhere" in text(admin.get(f"/moderate/users/{mod}"))

    assert post(admin, f"/moderate/users/{mod}/disable").status_code == 302
    assert not is_logged_in(moderator)
    assert login(app.test_client(), "mod@example.org").status_code == 401
    page = text(admin.get(f"/moderate/users/{mod}?done=disabled"))
    assert "Account disabled" in page and "No open session." in page

    assert post(admin, f"/moderate/users/{mod}/enable").status_code == 302
    again = logged_in(app, "mod@example.org")
    assert post(admin, f"/moderate/users/{mod}/sessions/end").status_code == 302
    assert not is_logged_in(again)


def test_a_password_reset_ends_every_session_but_an_admins_own(
    app: Flask, sites: dict[str, int]
) -> None:
    mod = user_id(app, "mod@example.org")
    boss = user_id(app, "boss@example.org")
    moderator = logged_in(app, "mod@example.org")
    admin = logged_in(app, "boss@example.org")
    admin_elsewhere = logged_in(app, "boss@example.org")

    weak = post(admin, f"/moderate/users/{mod}/password", password="short", password_again="short")
    assert weak.status_code == 400 and "10 to 1024" in text(weak)
    differ = post(
        admin,
        f"/moderate/users/{mod}/password",
        password=NEW_PASSWORD,
        password_again=NEW_PASSWORD + "!",
    )
    assert differ.status_code == 400 and "differ" in text(differ)
    assert is_logged_in(moderator)

    reset = post(
        admin, f"/moderate/users/{mod}/password", password=NEW_PASSWORD, password_again=NEW_PASSWORD
    )
    assert reset.status_code == 302
    assert not is_logged_in(moderator)
    assert login(app.test_client(), "mod@example.org").status_code == 401
    logged_in(app, "mod@example.org", NEW_PASSWORD)

    own = post(
        admin,
        f"/moderate/users/{boss}/password",
        password=NEW_PASSWORD,
        password_again=NEW_PASSWORD,
    )
    assert own.status_code == 302
    assert is_logged_in(admin) and not is_logged_in(admin_elsewhere)


def test_deleting_needs_the_box_ticked_and_ends_the_sessions(
    app: Flask, sites: dict[str, int]
) -> None:
    mod = user_id(app, "mod@example.org")
    moderator = logged_in(app, "mod@example.org")
    admin = logged_in(app, "boss@example.org")
    unticked = post(admin, f"/moderate/users/{mod}/delete")
    assert unticked.status_code == 400 and "tick the box" in text(unticked)
    assert is_logged_in(moderator)

    deleted = post(admin, f"/moderate/users/{mod}/delete", confirm="yes")
    assert deleted.status_code == 302
    assert "Account deleted" in text(admin.get(deleted.headers["Location"]))
    assert not is_logged_in(moderator)
    assert "mod@example.org" not in [u.email for u in _users(app)]
    assert admin.get(f"/moderate/users/{mod}").status_code == 404
    # The same e-mail can be given a new account.
    assert (
        post(
            admin,
            "/moderate/users",
            email="mod@example.org",
            password=PASSWORD,
            site_id=str(sites["beta"]),
        ).status_code
        == 302
    )


def test_an_admin_cannot_disable_or_delete_the_last_admin(
    app: Flask, sites: dict[str, int]
) -> None:
    boss = user_id(app, "boss@example.org")
    admin = logged_in(app, "boss@example.org")
    for action, data in (("disable", {}), ("delete", {"confirm": "yes"})):
        refused = post(admin, f"/moderate/users/{boss}/{action}", **data)
        assert refused.status_code == 409, action
        assert "last admin" in text(refused)
        assert is_logged_in(admin)

    create_user(app, "second@example.org", role="admin")
    second = logged_in(app, "second@example.org")
    second_id = user_id(app, "second@example.org")
    assert post(admin, f"/moderate/users/{second_id}/disable").status_code == 302
    assert not is_logged_in(second)
    # The disabled one does not count: boss stays the last admin who can log in.
    assert post(admin, f"/moderate/users/{boss}/delete", confirm="yes").status_code == 409
    assert post(admin, f"/moderate/users/{second_id}/enable").status_code == 302

    # With another admin, an admin may even delete itself; its own session ends with it.
    assert post(admin, f"/moderate/users/{boss}/delete", confirm="yes").status_code == 302
    assert not is_logged_in(admin)
    assert [u.email for u in _users(app) if u.is_admin] == ["second@example.org"]
