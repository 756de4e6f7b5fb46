"""End to end: a setting changed in the page decides the next comment, scored by a real worker."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, expect

from tests.builders import auth, comment_payload, create_site
from tests.conftest import AppFactory
from tests.processes import http_server, running_worker
from tests.web.support import PASSWORD, create_user, site_id

pytestmark = [pytest.mark.browser, pytest.mark.integration]


def test_a_moderation_word_set_in_the_page_holds_the_next_comment(
    browser: Browser, make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app("sqlite")
    _, key = create_site(app, "alpha")
    create_user(app, "admin@example.org", role="admin")
    config = dict(app.config)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with running_worker(config, tmp_path / "worker.log"), http_server(app) as base:
        page.goto(f"{base}/moderate/login")
        page.get_by_label("E-mail").fill("admin@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{base}/moderate/queue")
        page.goto(f"{base}/moderate/sites/{site_id(app, 'alpha')}/settings")
        page.get_by_label("Moderation words (hold)", exact=False).fill("referendum")
        page.get_by_role("button", name="Save settings").click()
        expect(page.get_by_role("status")).to_contain_text("Saved")

        payload = comment_payload(
            content="I will vote in the referendum next week; the campaign has been civil."
        )
        response = requests.post(
            f"{base}/api/v1/comments?wait=5000", json=payload, headers=auth(key), timeout=30
        )
        body = response.json()
        deadline = time.monotonic() + 60
        while body["status"] == "pending" and time.monotonic() < deadline:
            time.sleep(0.2)
            body = requests.get(body["url"], headers=auth(key), timeout=10).json()
        assert body["status"] == "held", body
        assert body["reasons"][0]["code"] == "MODERATION_WORD"
        assert body["decided_by"] == "model"

        page.goto(f"{base}/moderate/queue")
        card = page.locator(f'.card[data-id="{body["id"]}"]')
        expect(card.locator(".reason.deciding .code")).to_have_text("MODERATION_WORD")
        expect(card.locator(".decided")).to_contain_text(body["model_version"])
    context.close()
