"""Context and display in a real browser (issue 17, items 3, 5 and 6), at 1280 and 390 px.

The moderator's browser runs in Tokyo (UTC+9) with British English, so that times the server
stores in UTC must come out in that zone and language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from moderation.db import get_db
from moderation.scoring import ensure_default_model
from moderation.tables import Ban, Comment
from tests.processes import ROOT
from tests.web.browser.conftest import Served, log_in
from tests.web.support import decide_comment, held_comment, submit, update_settings

pytestmark = pytest.mark.browser

ZONE = "Asia/Tokyo"
WIDTHS = {"desktop": 1280, "phone": 390}
SHOTS = ROOT / "docs" / "screenshots"
screenshots = pytest.mark.skipif(
    os.environ.get("MODERATION_SCREENSHOTS") != "1",
    reason="writes docs/screenshots/display-*.png only with MODERATION_SCREENSHOTS=1",
)

PARENT = "The truce held for a week; the talks deserve another chance."
REPLY = "You're an even bigger idiot than him."
BIGGER = REPLY.index("bigger idiot")
GARY = {"id": "r-17", "name": "Gary P.", "email": "gary@example.net", "ip": "198.51.100.23"}


@pytest.fixture(params=sorted(WIDTHS))
def width(request: pytest.FixtureRequest) -> int:
    return WIDTHS[request.param]


@pytest.fixture
def tokyo(browser: Browser, served: Served, width: int) -> Iterator[Page]:
    """A page in a browser whose clock is in Tokyo, at the test's width."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, timezone_id=ZONE, locale="en-GB"
    )
    page = context.new_page()
    page.on("dialog", lambda dialog: (served.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def approved(served: Served, **fields: object) -> str:
    response = submit(served.app.test_client(), served.key, **fields)
    assert response.status_code == 202, response.get_json()
    comment_id: str = response.get_json()["id"]
    assert decide_comment(served.app, comment_id) == "approved"
    return comment_id


def seed(served: Served) -> dict[str, str]:
    """A thread with a reply held as an insult, by an author then banned by e-mail for 7 days."""
    update_settings(served.app, "alpha", flood_seconds=0, moderation_words=["ceasefire"])
    client = served.app.test_client()
    ids = {
        "parent": approved(
            served,
            external_id="c-1",
            content=PARENT,
            author={"id": "r-1", "name": "Hal Parent", "ip": "192.0.2.1"},
        ),
        "earlier": approved(
            served,
            external_id="c-1-a",
            parent_id="c-1",
            content="I agree, give it time.",
            author={"id": "r-2", "name": "Ines"},
        ),
    }
    ids["reply"] = held_comment(
        served.app,
        client,
        served.key,
        content=REPLY + " See http://proof.example/ceasefire",
        external_id="c-2",
        parent_id="c-1",
        author=GARY,
        spans=[{"begin": BIGGER, "end": BIGGER + 12, "attribute": "insult", "score": 3.53}],
    )
    ids["ok"] = approved(served, content="A calm and fair point.")
    return ids


def ban_gary(served: Served, page: Page) -> datetime:
    """Ban Gary's e-mail for 7 days from his author page (by keyboard); its end, in UTC."""
    with get_db(served.app).session() as session:
        author_id = session.scalar(select(Comment.author_id).where(Comment.external_id == "c-2"))
    page.goto(f"{served.base}/moderate/authors/{author_id}")
    page.get_by_label("Ban by").select_option("email")
    page.get_by_label("For").select_option("7d")
    page.get_by_label("Reason").fill("insults other readers")
    with page.expect_navigation():
        page.get_by_label("Reason").press("Enter")
    with get_db(served.app).session() as session:
        expires = session.scalar(select(Ban.expires_at))
    assert expires is not None
    return expires


def until_words(expires: datetime) -> re.Pattern[str]:
    local = expires.astimezone(ZoneInfo(ZONE))
    return re.compile(rf"{local.day} {local:%B}( {local.year})? \(in 7 days\)")


def no_horizontal_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def colour(page: Page, selector: str, prop: str = "color") -> str:
    return str(page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}"))


def test_a_reply_card_shows_its_thread_ban_marks_and_local_times(
    tokyo: Page, served: Served, width: int
) -> None:
    ids = seed(served)
    log_in(tokyo, served)
    expires = ban_gary(served, tokyo)
    tokyo.goto(f"{served.base}/moderate/queue")
    card = tokyo.locator(f'.card[data-id="{ids["reply"]}"]')

    # The thread: collapsed, its summary names and quotes the parent; Enter on it opens it.
    thread = card.locator("details.thread")
    expect(thread.locator("summary")).to_contain_text("In reply to Hal Parent")
    expect(thread.locator("summary")).to_contain_text("1 earlier reply")
    expect(thread.locator(".thread-parent .thread-text")).to_be_hidden()
    thread.locator("summary").focus()
    tokyo.keyboard.press("Enter")
    expect(thread.locator(".thread-parent .thread-text")).to_have_text(PARENT)
    expect(thread.locator(".thread-sibling .thread-text")).to_have_text("I agree, give it time.")
    expect(thread.locator(".thread-parent .status-badge")).to_have_text("approved")

    # The ban, with its end in the moderator's zone and in words.
    notice = card.locator(".ban-notice")
    expect(notice).to_contain_text("Banned by e-mail gary@example.net until")
    expect(notice.locator("time")).to_have_text(until_words(expires))
    expect(notice).to_contain_text("insults other readers")

    # Times in Tokyo: the card's time is relative, its title the full time with the zone.
    head_time = card.locator(".card-head time")
    expect(head_time).to_have_text(re.compile(r"^(now|just now|\d+ (second|minute)s? ago)$"))
    expect(head_time).to_have_attribute("title", re.compile(r"GMT\+9|JST"))

    # The insult's span: a readable strength, not "insult 3.53".
    mark = card.locator("mark.span")
    expect(mark).to_have_text("bigger idiot")
    expect(mark).to_have_attribute(
        "title", "strong signal of insult; the comment's insult score is 0.93"
    )
    # The link and the moderation word inside it, marked (and not a link to follow).
    expect(card.locator(".text .link-mark").first).to_contain_text("http://proof.example/")
    expect(card.locator(".text mark.word-mark")).to_have_text("ceasefire")
    assert card.locator(".text a").count() == 0

    # Colours by meaning: held amber, the toxic reason red; one model line.
    expect(card.locator(".decided .status-badge")).to_have_text("Held")
    assert colour(tokyo, f'.card[data-id="{ids["reply"]}"] .decided .status-badge') == (
        "rgb(138, 83, 0)"
    )
    deciding = f'.card[data-id="{ids["reply"]}"] .reason.deciding .code'
    assert colour(tokyo, deciding) == "rgb(180, 35, 24)"
    expect(card.locator(".model-line")).to_have_count(1)
    expect(card).to_contain_text("toxicity score 0.91, at or over the threshold 0.80")
    no_horizontal_scroll(tokyo)

    # The approved tab: green, not red.
    tokyo.goto(f"{served.base}/moderate/queue?tab=approved")
    ok = f'.card[data-id="{ids["ok"]}"]'
    expect(tokyo.locator(f"{ok} .reason.deciding .code")).to_have_text("APPROVED")
    assert colour(tokyo, f"{ok} .reason.deciding .code") == "rgb(20, 108, 46)"
    assert colour(tokyo, f"{ok} .decided .status-badge") == "rgb(20, 108, 46)"

    # A comment from the banned e-mail: its reason says the ban in words, in Tokyo time.
    banned = submit(
        served.app.test_client(), served.key, author={**GARY, "id": "r-18"}, content="hi again"
    )
    assert banned.get_json()["status"] == "rejected"
    tokyo.goto(f"{served.base}/moderate/queue?tab=rejected")
    reason = tokyo.locator(f'.card[data-id="{banned.get_json()["id"]}"] .reason.deciding')
    expect(reason).to_contain_text("banned by e-mail until")
    expect(reason.locator("time")).to_have_text(until_words(expires))
    expect(reason).not_to_contain_text("author's author")
    no_horizontal_scroll(tokyo)
    assert served.dialogs == []


def test_history_and_author_pages_show_context_bans_and_addresses(
    tokyo: Page, served: Served, width: int
) -> None:
    ids = seed(served)
    log_in(tokyo, served)
    expires = ban_gary(served, tokyo)

    # The author page: what each ban would ban, the bans, the addresses used, the articles.
    expect(tokyo.locator("select[name=kind] option[value=ip]")).to_have_text(
        "IP, latest (198.51.100.23)"
    )
    expect(tokyo.locator("select[name=kind] option[value=email]")).to_have_text(
        "e-mail (gary@example.net)"
    )
    ban = tokyo.locator(".bans .ban-active")
    expect(ban).to_contain_text("E-mail gary@example.net")
    expect(ban.locator(".ban-state time")).to_have_text(until_words(expires))
    expect(tokyo.locator(".footprint .used-ip")).to_contain_text("198.51.100.23")
    expect(tokyo.locator(".author-comments")).to_contain_text("Ceasefire talks resume")
    no_horizontal_scroll(tokyo)

    # The reply's history page: the thread open, the article linked.
    tokyo.goto(f"{served.base}/moderate/comments/{ids['reply']}")
    expect(tokyo.locator("details.thread .thread-parent .thread-text")).to_have_text(PARENT)
    expect(tokyo.locator(".article a")).to_have_text("Ceasefire talks resume")
    no_horizontal_scroll(tokyo)
    # The parent's history page lists its replies.
    tokyo.goto(f"{served.base}/moderate/comments/{ids['parent']}")
    expect(tokyo.locator(".replies .thread-item")).to_have_count(2)
    expect(tokyo.locator(".replies")).to_contain_text(REPLY)
    no_horizontal_scroll(tokyo)
    assert served.dialogs == []


def test_the_models_page_shows_times_in_the_moderators_zone(
    tokyo: Page, served: Served, width: int
) -> None:
    ensure_default_model(served.app)
    log_in(tokyo, served, "admin@example.org")
    tokyo.goto(f"{served.base}/moderate/models")
    created = tokyo.locator("table.list tbody time").first
    expect(created).to_have_attribute("data-localised", "1")
    expect(created).to_have_attribute("title", re.compile(r"GMT\+9|JST"))
    expect(tokyo.locator("table.list")).not_to_contain_text(re.compile(r"\d{4}-\d\d-\d\dT"))


def test_without_javascript_times_read_in_utc(browser: Browser, served: Served) -> None:
    seed(served)
    context = browser.new_context(java_script_enabled=False, timezone_id=ZONE)
    page = context.new_page()
    log_in(page, served)
    time = page.locator(".reasons .decided time").first
    expect(time).to_have_text(re.compile(r"(just now|\d+ (minute|second)s? ago)"))
    expect(time).to_have_attribute(
        "title", re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC$")
    )
    context.close()


@screenshots
def test_screenshots(tokyo: Page, served: Served, width: int) -> None:
    ids = seed(served)
    log_in(tokyo, served)
    ban_gary(served, tokyo)
    name = "desktop" if width == WIDTHS["desktop"] else "phone"
    SHOTS.mkdir(parents=True, exist_ok=True)
    tokyo.screenshot(path=str(SHOTS / f"display-author-{name}.png"))
    tokyo.goto(f"{served.base}/moderate/queue")
    card = tokyo.locator(f'.card[data-id="{ids["reply"]}"]')
    card.locator("details.thread summary").click()
    card.screenshot(path=str(SHOTS / f"display-card-{name}.png"))
