"""The moderators' workplace in a real browser: keyboard, bulk, filters, settings, hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient
from playwright.sync_api import Page, expect
from sqlalchemy import select

from moderation.db import get_db
from moderation.tables import Comment, Label
from tests.processes import ROOT
from tests.web.browser.conftest import Served, log_in
from tests.web.support import decide_comment, held_comment, site_id, submit

pytestmark = pytest.mark.browser

SCREENSHOT = ROOT / "docs" / "queue.png"


def status_of(served: Served, comment_id: str) -> str:
    with get_db(served.app).session() as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        return comment.status


def client(served: Served) -> FlaskClient:
    return served.app.test_client()


def span(text: str, words: str, attribute: str, score: float) -> dict[str, object]:
    begin = text.index(words)
    return {"begin": begin, "end": begin + len(words), "attribute": attribute, "score": score}


IDIOT = "You are a complete idiot if you believe this ceasefire will hold."
THREAT = "People like you should be shut up for good, you filthy liar."


def seed_queue(served: Served) -> list[str]:
    """A few held comments that look like a real morning's queue."""
    c = client(served)
    ids = [
        held_comment(
            served.app,
            c,
            served.key,
            content=IDIOT,
            spans=[span(IDIOT, "complete idiot", "insult", 0.94)],
            scores={"toxicity": 0.88, "insult": 0.94},
            author={
                "id": "r-17",
                "name": "Gary P.",
                "email": "gary@example.net",
                "ip": "198.51.100.23",
            },
        ),
        held_comment(
            served.app,
            c,
            served.key,
            content="Great analysis! Also check http://cheap-pills.example and http://deals.example",
            spans=[],
            scores={"spam": 0.62},
            author={"id": "r-99", "name": "Deal Hunter", "ip": "203.0.113.99"},
        ),
        held_comment(
            served.app,
            c,
            served.key,
            content=THREAT,
            article={
                "id": "budget-2027",
                "url": "https://news.example/2026/11/budget-vote",
                "title": "Parliament votes on the 2027 budget",
            },
            spans=[
                span(THREAT, "should be shut up for good", "threat", 0.81),
                span(THREAT, "filthy liar", "insult", 0.9),
            ],
            scores={"toxicity": 0.93, "threat": 0.81, "insult": 0.9},
            author={"id": "r-4", "name": "Anon", "email": "anon@example.org", "ip": "192.0.2.44"},
        ),
    ]
    return ids


def test_log_in_approve_with_the_keyboard_and_screenshot(page: Page, served: Served) -> None:
    ids = seed_queue(served)
    log_in(page, served)
    expect(page.locator(".card")).to_have_count(3)
    expect(page.locator(".tabs [data-count=held]")).to_have_text("3")
    expect(page.locator("mark.span").first).to_have_text("should be shut up for good")
    expect(page.locator("mark.span").first).to_have_attribute(
        "title", "strong signal of threat; the comment's threat score is 0.81"
    )

    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=False)

    # The newest card is first and current; j moves to the second; a approves it.
    expect(page.locator(".card").nth(0)).to_have_class("card current")
    page.keyboard.press("j")
    expect(page.locator(".card").nth(1)).to_have_class("card current")
    second = page.locator(".card").nth(1).get_attribute("data-id")
    # Actions post a form and load the next page; the keys below go to that page only once
    # its script has attached its key handler (after the load), so wait for the navigation.
    with page.expect_navigation():
        page.keyboard.press("a")
    expect(page.locator(".undo")).to_be_visible()
    expect(page.locator(".card")).to_have_count(2)
    assert second is not None and status_of(served, second) == "approved"
    expect(page.locator(".tabs [data-count=approved]")).to_have_text("1")

    # u undoes it while the bar shows.
    with page.expect_navigation():
        page.keyboard.press("u")
    expect(page.locator(".card")).to_have_count(3)
    assert status_of(served, second) == "held"

    # k, Shift+R, choose another reason with the keyboard, Enter rejects (r alone rejects at
    # once with the reason offered: tests/web/browser/test_queue_actions.py).
    page.keyboard.press("k")
    page.keyboard.press("Shift+R")
    focused = page.locator(".card.current .reject-reason")
    expect(focused).to_be_focused()
    focused.select_option("harassment")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".card")).to_have_count(2)
    rejected = [i for i in ids if status_of(served, i) == "rejected"]
    assert len(rejected) == 1

    # ? shows the help, Escape hides it.
    page.keyboard.press("?")
    expect(page.locator("#help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#help")).to_be_hidden()
    assert served.dialogs == []


def test_bulk_reject_and_filter(page: Page, served: Served) -> None:
    c = client(served)
    casino = [
        held_comment(served.app, c, served.key, content=f"Play at the casino, idiots #{n}")
        for n in range(3)
    ]
    other = held_comment(served.app, c, served.key, content="A rude but different idiot remark")
    spanish = held_comment(served.app, c, served.key, content="Eres un idiota y todos lo saben.")
    log_in(page, served)
    expect(page.locator(".card")).to_have_count(5)

    # The language filter: the Spanish comment alone, then every English one (kept below).
    page.get_by_label("Language").select_option("es")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()
    expect(page.locator(".card")).to_have_count(1)
    expect(page.locator(f"#c-{spanish} .language")).to_have_text("es")
    page.get_by_label("Language").select_option("en")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()
    assert "language=en" in page.url
    expect(page.locator(".card")).to_have_count(4)

    page.get_by_label("Search").fill("casino")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()
    expect(page.locator(".card")).to_have_count(3)
    expect(page.locator(".tabs [data-count=held]")).to_have_text("3")

    # Select two with x, reject them in bulk as spam.
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    expect(page.locator("#selection-status")).to_have_text("2 selected")
    page.locator("#bulk-reason").select_option("spam")
    page.get_by_role("button", name="Reject selected").click()
    expect(page.locator(".card")).to_have_count(1)
    assert sorted(status_of(served, i) for i in casino) == ["held", "rejected", "rejected"]

    # Select all matching the filter, approve them.
    page.get_by_role("button", name="Select all 1 matching").click()
    expect(page.locator("#selection-status")).to_contain_text("All 1 matching")
    page.get_by_role("button", name="Approve selected").click()
    expect(page.locator(".card")).to_have_count(0)
    assert status_of(served, other) == "held"
    with get_db(served.app).session() as session:
        labels = sorted(session.scalars(select(Label.label)))
    assert labels == ["acceptable", "ham", "spam", "spam"]


def test_a_changed_setting_decides_the_next_comment(page: Page, served: Served) -> None:
    log_in(page, served, "admin@example.org")
    page.goto(f"{served.base}/moderate/sites/{site_id(served.app, 'alpha')}/settings")
    page.get_by_label("Moderation words (hold)", exact=False).fill("bitcoin")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("status")).to_contain_text("Saved")

    c = client(served)
    response = submit(c, served.key, content="Earn BITCOIN fast with my method")
    comment_id = response.get_json()["id"]
    assert decide_comment(served.app, comment_id) == "held"
    page.goto(f"{served.base}/moderate/queue")
    card = page.locator(f'.card[data-id="{comment_id}"]')
    expect(card.locator(".reason.deciding .code")).to_have_text("MODERATION_WORD")
    expect(card.locator(".reason.deciding .detail")).to_contain_text("moderation word 'bitcoin'")


def test_counts_update_without_a_reload(page: Page, served: Served) -> None:
    held_comment(served.app, client(served), served.key)
    log_in(page, served)
    expect(page.locator(".tabs [data-count=held]")).to_have_text("1")
    held_comment(served.app, client(served), served.key, content="Another idiot comment.")
    expect(page.locator(".tabs [data-count=held]")).to_have_text("2", timeout=5000)


HOSTILE = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<a href=\"javascript:window.__pwned='link'\">click me</a>",
    '"><svg onload="window.__pwned=\'svg\'">',
]


def test_hostile_input_is_shown_as_text_and_runs_nothing(page: Page, served: Served) -> None:
    c = client(served)
    comment_id = held_comment(
        served.app,
        c,
        served.key,
        content=" ".join(HOSTILE) + " idiot",
        spans=[{"begin": 0, "end": 8, "attribute": "insult", "score": 0.9}],
        author={
            "id": "evil",
            "name": "<script>alert('name')</script>",
            "email": "x@example.org",
            "url": "javascript:alert('url')",
        },
    )
    log_in(page, served)
    card = page.locator(f'.card[data-id="{comment_id}"]')
    expect(card.locator(".text")).to_contain_text("<script>window.__pwned = 'script'</script>")
    expect(card.locator(".text")).to_contain_text("<img src=x onerror=")
    expect(card.locator(".author-name")).to_have_text("<script>alert('name')</script>")
    expect(card.locator(".author-url")).to_have_text("javascript:alert('url')")
    assert page.locator("a[href^='javascript']").count() == 0
    assert card.locator("img, svg, script").count() == 0
    # Hovering and clicking the text does nothing either.
    card.locator(".text").click()
    for path in (f"/moderate/comments/{comment_id}", "/moderate/queue?q=pwned"):
        page.goto(f"{served.base}{path}")
        expect(page.locator("main")).to_contain_text("window.__pwned")
    author_link = page.locator(".author-name").first
    author_link.click()
    expect(page.locator("h1")).to_have_text("Author: <script>alert('name')</script>")
    assert page.evaluate("window.__pwned") is None
    assert served.dialogs == []


def test_another_sites_pages_are_not_found(page: Page, served: Served) -> None:
    from tests.builders import create_site

    _, other_key = create_site(served.app, "beta")
    other = held_comment(served.app, client(served), other_key)
    log_in(page, served)
    response = page.goto(f"{served.base}/moderate/comments/{other}")
    assert response is not None and response.status == 404
    response = page.goto(f"{served.base}/moderate/queue?site={site_id(served.app, 'beta')}")
    assert response is not None and response.status == 404


def test_phone_width_has_no_horizontal_scroll(page: Page, served: Served) -> None:
    seed_queue(served)
    log_in(page, served)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator(".card")).to_have_count(3)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert Path(SCREENSHOT).exists()
