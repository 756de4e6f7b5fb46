"""Moderator actions in a real browser (issue 17, items 1, 2, 7), at 1280 and 390 px.

r rejects at once with the reason that follows why the comment was held, Shift+R chooses another;
the undo bar says what it undoes, goes when its window ends, and u or the button after it answer
in the page; t approves and trusts the author, e edits then approves, n adds a note; the history
page has the same actions; a banner counts new held comments.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from moderation.db import get_db
from moderation.services.moderation_actions import UNDO_SECONDS
from moderation.tables import AuthorFlag, Comment, CommentEvent, Label, ModeratorAction
from tests.builders import auth
from tests.processes import ROOT
from tests.web.browser.conftest import Served, log_in
from tests.web.support import held_comment

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 390}
SHOTS = ROOT / "docs" / "screenshots"
screenshots = pytest.mark.skipif(
    os.environ.get("MODERATION_SCREENSHOTS") != "1",
    reason="writes docs/screenshots/actions-*.png only with MODERATION_SCREENSHOTS=1",
)

INSULT = "You are a complete idiot if you believe this ceasefire will hold."
LINKS = "Great analysis! Also check http://cheap-pills.example and http://deals.example"
GARY = {"id": "r-17", "name": "Gary P.", "email": "gary@example.net", "ip": "198.51.100.23"}


@pytest.fixture(params=sorted(WIDTHS))
def width(request: pytest.FixtureRequest) -> int:
    return WIDTHS[request.param]


@pytest.fixture
def sized(browser: Browser, served: Served, width: int) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: (served.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def seed(served: Served) -> tuple[str, str]:
    """A comment held for links (older) and one held as an insult (newest: the first card)."""
    client = served.app.test_client()
    links = held_comment(
        served.app, client, served.key, content=LINKS, scores={"spam": 0.62}, spans=[]
    )
    insult = held_comment(
        served.app,
        client,
        served.key,
        content=INSULT,
        scores={"toxicity": 0.88, "insult": 0.94},
        spans=[{"begin": 10, "end": 24, "attribute": "insult", "score": 0.94}],
        author=GARY,
    )
    return insult, links


def labels(served: Served, comment_id: str) -> list[tuple[str, str | None]]:
    with get_db(served.app).session() as session:
        rows = session.execute(
            select(Label.label, Label.attribute)
            .where(Label.comment_id == comment_id)
            .order_by(Label.id)
        )
        return [(r[0], r[1]) for r in rows]


def status_of(served: Served, comment_id: str) -> str:
    with get_db(served.app).session() as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        return comment.status


def age_last_action(served: Served, seconds: float) -> int:
    """Move the latest action back in time (as if the moderator had waited)."""
    with get_db(served.app).session() as session:
        record = session.scalars(
            select(ModeratorAction).order_by(ModeratorAction.id.desc())
        ).first()
        assert record is not None
        record.created_at = record.created_at - timedelta(seconds=seconds)
        session.commit()
        return record.id


def no_horizontal_scroll(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_r_rejects_as_held_and_shift_r_chooses_another(sized: Page, served: Served) -> None:
    page = sized
    insult, links = seed(served)
    log_in(page, served)
    first = page.locator(f"#c-{insult}")
    expect(first.locator("button.reject")).to_have_text("Reject as insult r")
    expect(first.locator(".reject-reason")).to_have_value("insult")
    expect(page.locator(f"#c-{links} .reject-reason")).to_have_value("spam")
    no_horizontal_scroll(page)

    # r on the first card: rejected as insult at once, labelled toxic/insult.
    with page.expect_navigation():
        page.keyboard.press("r")
    assert status_of(served, insult) == "rejected"
    assert labels(served, insult) == [("toxic", "insult")]
    bar = page.locator("#undo-bar")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("Rejected as insult")
    expect(bar).to_contain_text("“You are a complete idiot if you believe…”")
    expect(bar.get_by_role("button", name="Undo")).to_be_visible()
    no_horizontal_scroll(page)

    # Shift+R on the next card: the menu, another reason, Enter.
    page.keyboard.press("Shift+R")
    menu = page.locator(f"#c-{links} .reject-reason")
    expect(menu).to_be_focused()
    menu.select_option("advertising")
    expect(page.locator(f"#c-{links} .reject-as")).to_have_text("advertising")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert labels(served, links) == [("spam", "spam")]
    expect(page.locator("#undo-bar")).to_contain_text("Rejected as advertising")

    # The keys are in the help overlay.
    page.keyboard.press("?")
    help_box = page.locator("#help")
    expect(help_box).to_be_visible()
    for words in ("reject it at once", "choose another reason", "approve it and trust", "a note"):
        expect(help_box).to_contain_text(words)
    page.keyboard.press("Escape")
    expect(help_box).to_be_hidden()
    assert served.dialogs == []


def test_undo_says_what_it_undoes_goes_in_time_and_answers_in_the_page(
    sized: Page, served: Served
) -> None:
    page = sized
    insult, _ = seed(served)
    log_in(page, served)
    with page.expect_navigation():
        page.keyboard.press("r")
    # Undo within the window: the page says what was undone.
    with page.expect_navigation():
        page.keyboard.press("u")
    message = page.locator("#undo-message")
    expect(message).to_have_text(
        "Undone: rejected as insult “You are a complete idiot if you believe…”."
    )
    assert status_of(served, insult) == "held"
    assert labels(served, insult) == []
    expect(page.locator("#undo-bar")).to_have_count(0)

    # Reject again; with 4 seconds of the window left the bar goes by itself, u says too late.
    with page.expect_navigation():
        page.keyboard.press("r")
    action_id = age_last_action(served, UNDO_SECONDS - 4)
    page.goto(f"{served.base}/moderate/queue?undo={action_id}")
    bar = page.locator("#undo-bar")
    expect(bar).to_be_visible()
    expect(bar.locator(".undo-seconds")).not_to_have_text("4", timeout=3000)
    expect(bar).to_be_hidden(timeout=8000)
    page.keyboard.press("u")
    expect(message).to_be_visible()
    expect(message).to_have_text(
        f"Too late to undo (an action can be undone for {UNDO_SECONDS} seconds)."
    )
    assert status_of(served, insult) == "rejected"

    # The button pressed after the window (the page was left open): an answer in the page.
    with page.expect_navigation():
        page.keyboard.press("r")
    expect(bar).to_contain_text("Rejected as spam")
    age_last_action(served, UNDO_SECONDS + 1)
    with page.expect_navigation():
        bar.get_by_role("button", name="Undo").click()
    expect(page.locator("h1")).to_have_text("Queue")
    expect(message).to_have_text(
        f"Too late to undo (an action can be undone for {UNDO_SECONDS} seconds):"
        " rejected as spam “Great analysis! Also check http://cheap-pills.example and"
        " http://deals.example”."
    )
    assert "409" not in page.content()
    no_horizontal_scroll(page)


def test_t_approves_and_trusts_the_author(sized: Page, served: Served) -> None:
    page = sized
    insult, _ = seed(served)
    log_in(page, served)
    with page.expect_navigation():
        page.keyboard.press("t")
    assert status_of(served, insult) == "approved"
    with get_db(served.app).session() as session:
        comment = session.get(Comment, insult)
        assert comment is not None
        flag = session.get(AuthorFlag, comment.author_id)
        assert flag is not None and flag.trusted
    expect(page.locator("#undo-bar")).to_contain_text("Approved and trusted the author")
    page.goto(f"{served.base}/moderate/queue?tab=approved")
    expect(page.locator(f"#c-{insult} .standing.trusted")).to_have_text("trusted")


def test_e_edits_then_approves_and_keeps_the_original(sized: Page, served: Served) -> None:
    page = sized
    insult, _ = seed(served)
    log_in(page, served)
    page.keyboard.press("e")
    field = page.locator(f"#edit-{insult}")
    expect(field).to_be_focused()
    no_horizontal_scroll(page)
    edited = "You are wrong if you believe this ceasefire will hold."
    field.fill(edited)
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    expect(page.locator("#undo-bar")).to_contain_text("Edited and approved")
    body = (
        served.app.test_client()
        .get(f"/api/v1/comments/{insult}", headers=auth(served.key))
        .get_json()
    )
    assert body["content"] == edited and body["status"] == "approved"

    page.goto(f"{served.base}/moderate/comments/{insult}")
    expect(page.locator("article .text").first).to_have_text(edited)
    record = page.locator(".event-edited .text.original")
    expect(record).to_have_text(INSULT)
    # The model's spans pointed into the old text: nothing is marked in the new one.
    expect(page.locator("article mark.span")).to_have_count(0)
    no_horizontal_scroll(page)


def test_n_adds_a_note_without_deciding(sized: Page, served: Served) -> None:
    page = sized
    insult, _ = seed(served)
    log_in(page, served)
    page.keyboard.press("n")
    field = page.locator(f"#note-{insult}")
    expect(field).to_be_focused()
    field.fill("Asked the news desk whether this breaks the rules.")
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    assert status_of(served, insult) == "held"
    expect(page.locator(f"#c-{insult} .comment-notes")).to_have_text(
        "mod@example.org: Asked the news desk whether this breaks the rules."
    )
    # Esc closes an open box and gives the keys back to the card.
    page.locator(f"#c-{insult}").focus()
    page.keyboard.press("n")
    page.keyboard.press("Escape")
    expect(page.locator(f"#c-{insult} .note-only")).not_to_have_attribute("open", "")
    with get_db(served.app).session() as session:
        types = list(
            session.scalars(select(CommentEvent.type).where(CommentEvent.comment_id == insult))
        )
    assert types.count("note") == 1 and "moderated" not in types


def test_the_history_page_has_the_actions(sized: Page, served: Served) -> None:
    page = sized
    insult, _ = seed(served)
    log_in(page, served)
    page.goto(f"{served.base}/moderate/comments/{insult}")
    article = page.locator("article.card.single")
    expect(article.locator("button.reject")).to_have_text("Reject as insult r")
    # By Tab and Enter as well as by key: the reject button is reachable.
    article.locator("button.reject").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(f"{served.base}/moderate/comments/{insult}")
    expect(page.locator(".status").first).to_have_text("rejected")
    expect(page.locator("#undo-bar")).to_contain_text("Rejected as insult")
    expect(page.locator(".event-moderated")).to_contain_text("insult")
    with page.expect_navigation():
        page.keyboard.press("u")
    expect(page.locator("#undo-message")).to_contain_text("Undone")
    with page.expect_navigation():
        page.keyboard.press("a")
    assert status_of(served, insult) == "approved"
    no_horizontal_scroll(page)


def test_a_banner_counts_new_held_comments(sized: Page, served: Served) -> None:
    page = sized
    seed(served)
    log_in(page, served)
    banner = page.locator("#new-comments")
    expect(banner).to_be_hidden()
    client = served.app.test_client()
    held_comment(served.app, client, served.key, content="Another idiot remark.")
    expect(banner).to_be_visible(timeout=5000)
    expect(banner).to_have_text("1 new comment in this queue: show them")
    held_comment(served.app, client, served.key, content="And a third idiot remark.")
    expect(banner).to_have_text("2 new comments in this queue: show them", timeout=5000)
    no_horizontal_scroll(page)
    page.locator("#new-comments-link").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".card")).to_have_count(4)
    expect(banner).to_be_hidden()


@screenshots
def test_screenshots(browser: Browser, served: Served) -> None:
    insult, _ = seed(served)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, size in WIDTHS.items():
        context = browser.new_context(viewport={"width": size, "height": 900})
        page = context.new_page()
        log_in(page, served)
        page.locator(f"#c-{insult} .actions").screenshot(
            path=str(SHOTS / f"actions-card-{name}.png")
        )
        context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, served)
    page.keyboard.press("e")
    page.locator(f"#c-{insult} .actions").screenshot(path=str(SHOTS / "actions-edit.png"))
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.keyboard.press("r")
    page.locator("#undo-bar").screenshot(path=str(SHOTS / "actions-undo.png"))
    held_comment(served.app, served.app.test_client(), served.key, content="A new idiot remark.")
    expect(page.locator("#new-comments")).to_be_visible(timeout=5000)
    page.locator("#new-comments").screenshot(path=str(SHOTS / "actions-banner.png"))
    page.keyboard.press("?")
    page.locator("#help").screenshot(path=str(SHOTS / "actions-help.png"))
    context.close()
