"""Each moderator page module has its own blueprint, all registered under /moderate."""

from __future__ import annotations

from flask import Flask

from moderation import web
from moderation.web import admin, auth, authors, model_versions, moderation_queue, settings
from tests.conftest import AppFactory


def test_every_page_module_registers_its_own_blueprint(make_app: AppFactory) -> None:
    app: Flask = make_app("sqlite", ENQUEUE=False)
    modules = (auth, moderation_queue, authors, admin, model_versions, settings)
    assert [module.bp.name for module in modules] == [
        "auth",
        "queue",
        "authors",
        "admin",
        "model_versions",
        "settings",
    ]
    assert set(web.PAGES) == {module.bp for module in modules}
    for module in modules:
        assert app.blueprints[module.bp.name] is module.bp
    pages = [rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/moderate")]
    assert pages
    assert {rule.endpoint.split(".")[0] for rule in pages} == {bp.name for bp in web.PAGES}


def test_the_pages_share_login_csrf_and_error_pages(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False)
    client = app.test_client()
    for path in ("/moderate/", "/moderate/queue", "/moderate/sites", "/moderate/models"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/moderate/login")
    # No CSRF token: refused by every page blueprint, with the HTML error page.
    for path in ("/moderate/logout", "/moderate/actions", "/moderate/models/promote"):
        response = client.post(path)
        assert response.status_code == 400, path
        assert "security token" in response.get_data(as_text=True)
