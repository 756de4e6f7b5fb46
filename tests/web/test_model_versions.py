"""The admins' model page: versions, promotion, and the recheck button."""

from __future__ import annotations

from flask import Flask

from classifier.registry import BUILTIN_VERSION
from moderation.db import get_db
from moderation.scoring import active_version, ensure_default_model
from tests.builders import create_site
from tests.web.support import create_user, login, token_from


def test_admins_see_versions_and_recheck_with_csrf(app: Flask) -> None:
    ensure_default_model(app)
    create_site(app, "alpha")
    create_user(app, "admin@example.org", role="admin")
    client = app.test_client()
    login(client, "admin@example.org")
    page = client.get("/moderate/models").get_data(as_text=True)
    assert BUILTIN_VERSION in page and "(active)" in page

    assert client.post("/moderate/models/recheck").status_code == 400  # no CSRF token
    token = token_from(client, "/moderate/models")
    done = client.post("/moderate/models/recheck", data={"csrf_token": token})
    assert done.status_code == 302
    assert "Re-scored 0 held comments" in client.get("/moderate/models").get_data(as_text=True)

    bad = client.post("/moderate/models/promote", data={"csrf_token": token, "version": "nope"})
    assert bad.status_code == 400
    same = client.post(
        "/moderate/models/promote", data={"csrf_token": token, "version": BUILTIN_VERSION}
    )
    assert same.status_code == 302
    with get_db(app).session() as session:
        assert active_version(session) == BUILTIN_VERSION


def test_moderators_cannot_reach_the_model_page(app: Flask) -> None:
    create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    client = app.test_client()
    login(client, "mod@example.org")
    assert client.get("/moderate/models").status_code == 403
    token = token_from(client)
    response = client.post("/moderate/models/recheck", data={"csrf_token": token})
    assert response.status_code == 403
