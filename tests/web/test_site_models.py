"""The models page's per-site block: adaptations listed, promoted, switched off, rolled back,
re-scored and shared per site, by admins only and with CSRF tokens."""

from __future__ import annotations

from pathlib import Path

from moderation.db import get_db
from moderation.scoring import ensure_default_model
from moderation.services.adaptation import active_adaptation, shared_site_ids
from tests.builders import create_site
from tests.conftest import AppFactory
from tests.services.test_adaptation import CAMPAIGN, ORDINARY, adapt, label_many, texts
from tests.web.support import create_user, login, token_from


def test_admins_manage_a_sites_adaptation_on_the_page(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(
        "sqlite", ENCODER_MODE="off", ENQUEUE=False, ADAPTATION_DIR=str(tmp_path / "sites")
    )
    ensure_default_model(app)
    site_a, key_a = create_site(app, "alpha")
    create_site(app, "beta")
    label_many(
        app,
        key_a,
        [(t, "spam") for t in texts(CAMPAIGN, 0, 12)]
        + [(t, "ham") for t in texts(ORDINARY, 0, 12)],
    )
    outcome = adapt(app, site_a, promote=False)
    assert outcome.version is not None
    create_user(app, "admin@example.org", role="admin")
    client = app.test_client()
    login(client, "admin@example.org")
    page = client.get("/moderate/models").get_data(as_text=True)
    assert "Per-site adaptations" in page and outcome.version in page
    assert "alpha" in page and "beta" in page and "No adaptation yet." in page

    url = f"/moderate/models/sites/{site_a}"
    assert client.post(f"{url}/promote", data={"version": outcome.version}).status_code == 400
    token = token_from(client, "/moderate/models")
    bad = client.post(f"{url}/promote", data={"csrf_token": token, "version": "nope"})
    assert bad.status_code == 400
    assert (
        client.post("/moderate/models/sites/999/promote", data={"csrf_token": token}).status_code
        == 404
    )
    done = client.post(f"{url}/promote", data={"csrf_token": token, "version": outcome.version})
    assert done.status_code == 302
    with get_db(app).session() as session:
        assert active_adaptation(session, site_a) == outcome.version
    assert "(active)" in client.get("/moderate/models").get_data(as_text=True)

    assert client.post(f"{url}/rollback", data={"csrf_token": token}).status_code == 302
    with get_db(app).session() as session:
        assert active_adaptation(session, site_a) is None
    assert client.post(f"{url}/rollback", data={"csrf_token": token}).status_code == 400
    assert client.post(f"{url}/recheck", data={"csrf_token": token}).status_code == 302
    assert "re-scored 0 held comments" in client.get("/moderate/models").get_data(as_text=True)
    assert client.post(f"{url}/share", data={"csrf_token": token, "share": "on"}).status_code == 302
    with get_db(app).session() as session:
        assert shared_site_ids(session) == {site_a}


def test_moderators_cannot_change_a_sites_adaptation(make_app: AppFactory) -> None:
    app = make_app("sqlite")
    site_a, _ = create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    client = app.test_client()
    login(client, "mod@example.org")
    token = token_from(client)
    for action in ("promote", "rollback", "recheck", "share"):
        response = client.post(
            f"/moderate/models/sites/{site_a}/{action}", data={"csrf_token": token}
        )
        assert response.status_code == 403, action
