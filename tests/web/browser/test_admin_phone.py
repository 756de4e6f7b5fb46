"""Every page an admin sees fits a desktop (1280 px) and a phone (390 px) with no sideways
scrolling; the queue's filters fold behind a "Filters" button on a phone; an admin manages an
account (create, sites, disable, enable, delete) in the browser, by keyboard where it counts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from moderation.db import get_db
from moderation.tables import Comment
from tests.builders import create_site
from tests.processes import ROOT
from tests.web.browser.conftest import Served, log_in
from tests.web.support import PASSWORD, create_user, held_comment

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
SHOTS = ROOT / "docs" / "screenshots"
screenshots = pytest.mark.skipif(
    os.environ.get("MODERATION_SCREENSHOTS") != "1",
    reason="writes docs/screenshots/admin-*.png only with MODERATION_SCREENSHOTS=1",
)
LONG_EMAIL = "a.very.long.name.of.a.night.shift.moderator@newsroom-of-the-example-daily.org"
LONG_URL = "https://news.example/" + "opinion-and-analysis/" * 6 + "index.html"
ADMIN = "admin@example.org"

# Elements that stick out of the page on the right, for the failure message.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 || el.scrollWidth > el.clientWidth + 1 && el.clientWidth) {
      wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') +
                ' right=' + Math.round(box.right) + ' sw=' + el.scrollWidth + '/' + el.clientWidth);
    }
  }
  return {scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 8)};
}"""


@pytest.fixture(params=sorted(WIDTHS))
def width(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def sized(browser: Browser, width: str) -> Iterator[Page]:
    """A page at the width (device scale 1, so screenshots stay small)."""
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    yield context.new_page()
    context.close()


def fits(page: Page, what: str) -> None:
    found = page.evaluate(OVERFLOW)
    assert found["scroll"] <= 0, f"{what} scrolls sideways by {found['scroll']} px: {found['wide']}"


def seed(served: Served) -> dict[str, object]:
    """A held comment, a second site with a long address and a moderator with a long e-mail."""
    create_site(served.app, "the-example-daily-evening-edition", url=LONG_URL)
    create_user(served.app, LONG_EMAIL, sites=("alpha", "the-example-daily-evening-edition"))
    comment = held_comment(
        served.app,
        served.app.test_client(),
        served.key,
        content="You are a complete idiot if you believe this " + "very " * 40 + "long story.",
        author={"id": "r-1", "name": "Gary P.", "email": "gary@example.net", "ip": "2001:db8::7"},
    )
    with get_db(served.app).session() as session:
        found = session.get(Comment, comment)
        assert found is not None
        author, site = found.author_id, found.site_id
    return {"comment": comment, "author": author, "site": site}


def admin_pages(page: Page, served: Served, ids: dict[str, object]) -> dict[str, str]:
    """Every page an admin reaches, by name, with the account page of the long-mailed moderator."""
    base = f"{served.base}/moderate"
    page.goto(f"{base}/users")
    page.get_by_role("link", name=LONG_EMAIL).click()
    return {
        "queue": f"{base}/queue",
        "comment": f"{base}/comments/{ids['comment']}",
        "author": f"{base}/authors/{ids['author']}",
        "sites": f"{base}/sites",
        "settings": f"{base}/sites/{ids['site']}/settings",
        "accounts": f"{base}/users",
        "account": page.url,
        "models": f"{base}/models",
    }


def test_every_admin_page_fits_the_screen(sized: Page, served: Served, width: str) -> None:
    ids = seed(served)
    log_in(sized, served, ADMIN)
    for name, url in admin_pages(sized, served, ids).items():
        sized.goto(url)
        expect(sized.locator("h1")).to_be_visible()
        fits(sized, f"{name} at {width}")
    # The keys of a new site (one long unbroken word each) wrap too.
    sized.goto(f"{served.base}/moderate/sites")
    sized.locator('input[name="name"]').fill("gamma")
    sized.get_by_role("button", name="Create site").click()
    expect(sized.locator(".notice")).to_contain_text("shown once")
    fits(sized, f"the new keys at {width}")
    if width == "phone":
        # Each site is one box whose cells are named by their columns.
        row = sized.locator("table.stack tbody tr").first
        expect(row.locator("td").first).to_be_visible()
        label = row.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == '"Name"'


def test_the_queue_filters_fold_behind_a_button_on_a_phone(
    sized: Page, served: Served, width: str
) -> None:
    seed(served)
    log_in(sized, served, ADMIN)
    filters = sized.locator("form.filters")
    button = sized.get_by_role("button", name="Filters")
    if width == "desktop":
        expect(filters).to_be_visible()
        expect(button).to_be_hidden()
        return
    expect(filters).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    # With the filters folded, the first comment starts well within the first screen (open, they
    # push it to the screen's bottom edge).
    card = sized.locator(".card").first
    box = card.bounding_box()
    assert box is not None and box["y"] < WIDTHS["phone"][1] - 200, box

    button.focus()
    sized.keyboard.press("Enter")
    expect(filters).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(filters.locator("select[name=site]")).to_be_focused()
    fits(sized, "the opened filters")
    opened = card.bounding_box()
    assert opened is not None and opened["y"] - box["y"] > 150, (opened, box)
    filters.locator("select[name=reason]").select_option("TOXIC")
    filters.get_by_role("button", name="Apply").click()
    sized.wait_for_url(re.compile(r"reason=TOXIC"))
    # Folded again after the reload, and saying how many filters are on.
    expect(filters).to_be_hidden()
    expect(sized.get_by_role("button", name="Filters (1 on)")).to_be_visible()


def test_an_admin_manages_an_account_in_the_browser(
    browser: Browser, sized: Page, served: Served, width: str
) -> None:
    log_in(sized, served, ADMIN)
    sized.get_by_role("navigation", name="Main").get_by_role("link", name="Accounts").click()
    form = sized.locator("form.stacked")
    form.get_by_label("E-mail").fill("new@example.org")
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Create account").click()
    # No site ticked: refused, and what was typed stays.
    expect(sized.get_by_role("alert")).to_contain_text("needs at least one site")
    expect(form.get_by_label("E-mail")).to_have_value("new@example.org")
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_label("alpha").check()
    form.get_by_role("button", name="Create account").click()
    expect(sized.get_by_role("status")).to_have_text("Account created.")
    fits(sized, f"the account page at {width}")

    # The new moderator logs in elsewhere; disabling the account logs it out there at once.
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    moderator = other.new_page()
    log_in(moderator, served, "new@example.org")
    sized.get_by_role("button", name="Disable new@example.org").click()
    expect(sized.get_by_role("status")).to_contain_text("Account disabled")
    expect(sized.get_by_text("No open session.")).to_be_visible()
    moderator.reload()
    expect(moderator).to_have_url(re.compile(r"/moderate/login"))
    sized.get_by_role("button", name="Enable new@example.org").click()
    expect(sized.get_by_role("status")).to_contain_text("can log in again")
    log_in(moderator, served, "new@example.org")

    # Deleting needs the box ticked (the browser refuses the form without it); by keyboard.
    delete = sized.get_by_role("button", name="Delete the account")
    delete.click()
    expect(sized.get_by_role("heading", name="new@example.org")).to_be_visible()
    sized.get_by_label(re.compile("Delete new@example.org for good")).focus()
    sized.keyboard.press("Space")
    delete.focus()
    sized.keyboard.press("Enter")
    expect(sized.get_by_role("status")).to_contain_text("Account deleted")
    expect(sized.get_by_role("link", name="new@example.org")).to_have_count(0)
    moderator.reload()
    expect(moderator).to_have_url(re.compile(r"/moderate/login"))
    other.close()

    # The last admin stays.
    sized.get_by_role("link", name=ADMIN).click()
    sized.get_by_role("button", name=f"Disable {ADMIN}").click()
    expect(sized.get_by_role("alert")).to_contain_text("last admin")


def _small_png(page: Page, name: str, *, full_page: bool) -> None:
    """A screenshot with a 256-colour palette (a third of the size, as readable)."""
    from PIL import Image

    path = SHOTS / name
    page.screenshot(path=str(path), full_page=full_page)
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(256)
    small.save(path, optimize=True)


@screenshots
def test_screenshots(sized: Page, served: Served, width: str) -> None:
    ids = seed(served)
    log_in(sized, served, ADMIN)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = admin_pages(sized, served, ids)
    for name in ("accounts", "account", "sites"):
        sized.goto(pages[name])
        _small_png(sized, f"admin-{name}-{width}.png", full_page=True)
    if width == "phone":
        sized.goto(pages["queue"])
        _small_png(sized, "admin-queue-filters-folded-phone.png", full_page=False)
