"""A real headless Chromium (the system one) driving the app served over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Dialog, Page, sync_playwright

from tests.builders import create_site
from tests.conftest import AppFactory
from tests.processes import http_server
from tests.web.support import PASSWORD, create_user

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Package scope: Playwright's sync API keeps an event loop running while it is open, which would
# break later tests that call asyncio.run().
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        yield launched
        launched.close()


@dataclass
class Served:
    """The app, its base URL, a site and its key, and the dialogs any page opened."""

    app: Flask
    base: str
    key: str
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def served(make_app: AppFactory) -> Iterator[Served]:
    app = make_app("sqlite", MODERATE_POLL_MS=300, ENQUEUE=False)
    _, key = create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    create_user(app, "admin@example.org", role="admin")
    with http_server(app) as base:
        yield Served(app=app, base=base, key=key)


@pytest.fixture
def page(browser: Browser, served: Served) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()

    def on_dialog(dialog: Dialog) -> None:
        served.dialogs.append(dialog.message)
        dialog.dismiss()

    new_page.on("dialog", on_dialog)
    yield new_page
    context.close()


def log_in(page: Page, served: Served, email: str = "mod@example.org") -> None:
    page.goto(f"{served.base}/moderate/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{served.base}/moderate/queue")
