"""What a card shows around a comment (issue 17, items 3, 5 and 6), rendered by the server.

The thread (parent and earlier replies, of the comment's own site only, loaded without a query
per card), the article everywhere, bans on cards and the author page, readable reason texts,
times as ``<time>`` in UTC for the browser to localise, span strengths, colours by meaning, one
model-version line, links and moderation words marked in escaped text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select

from classifier.registry import BUILTIN_VERSION
from moderation.db import get_db
from moderation.scoring import ensure_default_model
from moderation.services.moderation_queue import describe_spans, mark_text
from moderation.tables import Comment
from moderation.web.display import parse_time, reason_tone, relative, utc_text
from tests.builders import create_site
from tests.web.support import (
    create_user,
    decide_comment,
    held_comment,
    login,
    submit,
    token_from,
    update_settings,
)

PARENT = "Ministers say the ceasefire will hold; I think they are right this time."


def setup(app: Flask, client: FlaskClient) -> str:
    _, key = create_site(app, "alpha")
    create_user(app, "mod@example.org", sites=("alpha",))
    login(client, "mod@example.org")
    return key


def approved(app: Flask, client: FlaskClient, key: str, **fields: object) -> str:
    response = submit(client, key, **fields)
    assert response.status_code == 202, response.get_json()
    comment_id: str = response.get_json()["id"]
    assert decide_comment(app, comment_id) == "approved"
    return comment_id


def card_of(html: str, comment_id: str) -> str:
    """The HTML of one queue card."""
    start = html.index(f'id="c-{comment_id}"')
    end = html.find('<li class="card"', start + 1)
    return html[start : end if end != -1 else len(html)]


@contextmanager
def counting(app: Flask) -> Iterator[list[str]]:
    """Every SQL statement the app's engine runs inside the block."""
    statements: list[str] = []
    engine = get_db(app).engine

    def before(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


def test_a_reply_shows_its_parent_and_earlier_replies_on_its_card_and_history(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    approved(
        app,
        client,
        key,
        external_id="c-1",
        content=PARENT,
        author={"id": "r-1", "name": "Hal Parent"},
    )
    earlier = [
        approved(
            app,
            client,
            key,
            external_id=f"c-1-{n}",
            parent_id="c-1",
            content=f"Earlier reply number {n}",
            author={"id": f"r-e{n}", "name": f"Early {n}"},
        )
        for n in range(5)
    ]
    reply = held_comment(
        app,
        client,
        key,
        content="You're an even bigger idiot than him.",
        external_id="c-2",
        parent_id="c-1",
    )
    html = client.get("/moderate/queue").get_data(as_text=True)
    card = card_of(html, reply)
    # Collapsed by default: the summary names the parent and quotes it.
    assert '<details class="thread">' in card
    assert 'In reply to <strong class="thread-author">Hal Parent</strong>' in card
    assert "Ministers say the ceasefire will hold" in card
    assert "3 earlier replies" in card
    # The three latest earlier replies, oldest first; not the two before them.
    assert "Earlier reply number 2" in card and "Earlier reply number 4" in card
    assert "Earlier reply number 1" not in card and "Earlier reply number 0" not in card
    assert card.index("number 2") < card.index("number 3") < card.index("number 4")
    assert "Ceasefire talks resume" in card  # the article, linked
    assert 'href="https://news.example/2026/11/ceasefire-talks"' in card

    # The history page: the thread open, and the replies to the parent's own page.
    page = client.get(f"/moderate/comments/{reply}").get_data(as_text=True)
    assert '<details class="thread" open>' in page
    assert "Hal Parent" in page and "Ceasefire talks resume" in page
    with get_db(app).session() as session:
        parent_id = session.scalar(select(Comment.id).where(Comment.external_id == "c-1"))
    parent_page = client.get(f"/moderate/comments/{parent_id}").get_data(as_text=True)
    assert "Replies to this comment (6)" in parent_page
    assert "You&#39;re an even bigger idiot than him." in parent_page
    assert all(f"/moderate/comments/{sibling}" in parent_page for sibling in earlier)


def test_a_parent_is_looked_up_in_the_comments_own_site_only(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    _, other_key = create_site(app, "beta")
    secret = "Beta's private parent comment"
    approved(app, client, other_key, external_id="p-9", content=secret)
    reply = held_comment(app, client, key, external_id="r-9", parent_id="p-9")
    html = client.get("/moderate/queue").get_data(as_text=True)
    card = card_of(html, reply)
    assert "In reply to a comment this service has not stored" in card
    assert "p-9" in card
    assert secret not in html
    page = client.get(f"/moderate/comments/{reply}").get_data(as_text=True)
    assert secret not in page
    # Nor are another site's replies shown as replies.
    with get_db(app).session() as session:
        beta_parent = session.scalar(select(Comment.id).where(Comment.external_id == "p-9"))
    assert client.get(f"/moderate/comments/{beta_parent}").status_code == 404


def test_the_queue_loads_threads_bans_and_marks_without_a_query_per_card(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    update_settings(app, "alpha", moderation_words=["ceasefire"], flood_seconds=0)

    def page_of(replies: int) -> int:
        for n in range(replies):
            parent = f"p-{replies}-{n}"
            approved(app, client, key, external_id=parent, content=f"parent {n}")
            held_comment(app, client, key, parent_id=parent, content=f"idiot reply {n}")
        with counting(app) as statements:
            response = client.get("/moderate/queue")
        assert response.status_code == 200
        return len(statements)

    few = page_of(2)
    many = page_of(10)  # 12 cards now
    print(f"queue page: {few} SQL statements with 2 reply cards, {many} with 12")
    assert many == few, (few, many)


def test_a_banned_authors_card_and_reason_say_the_ban_and_its_end_in_words(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    author = {"id": "r-7", "name": "Gary", "email": "Gary@Example.net", "ip": "198.51.100.23"}
    first = held_comment(app, client, key, author=author)
    with get_db(app).session() as session:
        author_id = session.get(Comment, first).author_id  # type: ignore[union-attr]
    token = token_from(client)
    response = client.post(
        f"/moderate/authors/{author_id}/bans",
        data={"kind": "email", "duration": "7d", "reason": "<b>insults</b>", "csrf_token": token},
    )
    assert response.status_code == 302
    card = card_of(client.get("/moderate/queue").get_data(as_text=True), first)
    assert "Banned by e-mail <code>gary@example.net</code>" in card
    assert re.search(r'until <time datetime="[^"]+" data-style="until"', card)
    assert "(in 7 days)</time>" in card
    assert "&lt;b&gt;insults&lt;/b&gt;" in card

    update_settings(app, "alpha", flood_seconds=0)
    banned = submit(client, key, author={**author, "id": "r-8"}, content="hello again")
    body = banned.get_json()
    assert body["reasons"][0]["code"] == "BANNED"
    detail = body["reasons"][0]["detail"]
    assert re.fullmatch(r"banned by e-mail until \d{4}-\d\d-\d\d \d\d:\d\d UTC", detail), detail
    html = client.get("/moderate/queue?tab=rejected").get_data(as_text=True)
    card = card_of(html, body["id"])
    assert "banned by e-mail until <time" in card
    assert "author&#39;s author" not in html and "+00:00" not in card.split("datetime=")[0]


def test_the_author_page_shows_what_each_ban_would_ban_and_the_addresses_used(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    update_settings(app, "alpha", flood_seconds=0)
    author = {"id": "r-5", "name": "Ada", "email": "ada@example.org", "ip": "192.0.2.1"}
    held_comment(app, client, key, author={**author, "url": "https://ada.example/blog"})
    newest = held_comment(
        app, client, key, content="Another idiot remark", author={**author, "ip": "192.0.2.2"}
    )
    held_comment(app, client, key, author={"id": "r-6", "name": "Bob", "ip": "192.0.2.2"})
    with get_db(app).session() as session:
        author_id = session.get(Comment, newest).author_id  # type: ignore[union-attr]
    page = f"/moderate/authors/{author_id}"
    html = client.get(page).get_data(as_text=True)
    assert '<option value="ip">IP, latest (192.0.2.2)</option>' in html
    assert '<option value="email">e-mail (ada@example.org)</option>' in html
    assert '<option value="author">author id (r-5)</option>' in html
    assert "<code>192.0.2.1</code>" in html and "<code>192.0.2.2</code>" in html
    assert "an IP ban also refuses 1 other author who used it" in html
    assert 'href="https://ada.example/blog"' in html
    assert "Ceasefire talks resume" in html  # the article of each recent comment

    token = token_from(client, page)
    client.post(f"{page}/bans", data={"kind": "ip", "duration": "", "csrf_token": token})
    html = client.get(page).get_data(as_text=True)
    assert "IP address <code>192.0.2.2</code>" in html
    assert "banned permanently" in html
    assert re.search(r'<tr class="used-ip banned"><td><code>192.0.2.2</code>', html)
    assert '<tr class="used-ip"><td><code>192.0.2.1</code>' in html


def test_reasons_read_once_with_colours_by_meaning_and_one_model_line(
    app: Flask, client: FlaskClient
) -> None:
    key = setup(app, client)
    update_settings(app, "alpha", flood_seconds=0, moderation_words=["casino"])
    toxic = held_comment(app, client, key)
    word = held_comment(app, client, key, content="Win at the casino", scores={})
    ok = approved(app, client, key)
    spam_response = submit(client, key, content="cheap pills here")
    spam = spam_response.get_json()["id"]
    assert decide_comment(app, spam, {"spam": 0.97}) == "rejected"

    held = client.get("/moderate/queue").get_data(as_text=True)
    toxic_card = card_of(held, toxic)
    # Two reasons (toxicity and insult), each said once.
    assert toxic_card.count('<li class="reason') == 2
    assert toxic_card.count("at or over the threshold") == 2
    assert "≥" not in toxic_card
    assert toxic_card.count("test-model-1") == 1
    assert 'class="reason tone-rejected deciding"' in toxic_card
    assert 'status-badge tone-held">Held</span>' in toxic_card
    word_card = card_of(held, word)
    assert 'class="reason tone-held deciding"' in word_card
    assert '<mark class="word-mark" title="moderation word “casino”">casino</mark>' in word_card

    approved_html = client.get("/moderate/queue?tab=approved").get_data(as_text=True)
    ok_card = card_of(approved_html, ok)
    assert 'class="reason tone-approved deciding"' in ok_card
    assert 'status-badge tone-approved">Approved</span>' in ok_card
    rejected_html = client.get("/moderate/queue?tab=rejected").get_data(as_text=True)
    spam_card = card_of(rejected_html, spam)
    assert 'class="reason tone-spam deciding"' in spam_card
    assert 'status-badge tone-rejected">Rejected</span>' in spam_card
    # Times are <time> elements with UTC text for pages without JavaScript.
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"', spam_card)


def test_links_and_words_are_marked_in_escaped_text(app: Flask, client: FlaskClient) -> None:
    key = setup(app, client)
    update_settings(app, "alpha", moderation_words=["<b>deal</b>"])
    content = 'Great <b>deal</b> at http://x.example/"><script>alert(1)</script> now'
    comment_id = held_comment(app, client, key, content=content, spans=[])
    card = card_of(client.get("/moderate/queue").get_data(as_text=True), comment_id)
    assert "<script>alert(1)" not in card
    assert (
        '<mark class="word-mark" title="moderation word “&lt;b&gt;deal&lt;/b&gt;”">'
        "&lt;b&gt;deal&lt;/b&gt;</mark>"
    ) in card
    assert '<span class="link-mark" title="a link (not followed)">http://x.example/</span>' in card
    assert "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt; now" in card


def test_the_models_page_shows_readable_times(app: Flask) -> None:
    ensure_default_model(app)
    create_user(app, "admin@example.org", role="admin")
    client = app.test_client()
    login(client, "admin@example.org")
    page = client.get("/moderate/models").get_data(as_text=True)
    assert BUILTIN_VERSION in page
    row = page[page.index(f"<code>{BUILTIN_VERSION}</code>") :]
    created = re.search(r'<time datetime="([^"]+)" data-style="datetime"[^>]*>([^<]+)</time>', row)
    assert created, row[:400]
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC", created.group(2))
    assert not re.search(r"<td>\d{4}-\d\d-\d\dT", page)


def test_span_strengths_shares_and_marks() -> None:
    spans = [
        {"begin": 0, "end": 3, "attribute": "insult", "score": 3.5},
        {"begin": 4, "end": 7, "attribute": "insult", "score": 1.5},
        {"begin": 8, "end": 11, "attribute": "insult", "score": 0.5},
        {"begin": 12, "end": 15, "attribute": "threat", "score": 0.2},
    ]
    described = describe_spans(spans, {"insult": 0.93})
    assert [s["strength"] for s in described] == ["strong", "medium", "weak", "strong"]
    assert described[0]["label"] == (
        "strong signal of insult (64% of the marked insult evidence);"
        " the comment's insult score is 0.93"
    )
    assert described[3]["label"] == "strong signal of threat"
    marks = mark_text("see www.x.com now", [], ["NOW"])
    assert [(m.text, m.link, m.word) for m in marks] == [
        ("see ", False, None),
        ("www.x.com", True, None),
        (" ", False, None),
        ("now", False, "NOW"),
    ]


def test_relative_and_utc_texts() -> None:
    now = datetime(2026, 12, 1, 7, 6, tzinfo=UTC)
    assert relative(now - timedelta(minutes=5), now) == "5 minutes ago"
    assert relative(now + timedelta(days=7) - timedelta(seconds=2), now) == "in 7 days"
    assert relative(now - timedelta(seconds=20), now) == "just now"
    assert relative(now - timedelta(hours=1), now) == "1 hour ago"
    assert utc_text(datetime(2026, 12, 8, 7, 6, tzinfo=UTC)) == "8 December 2026, 07:06 UTC"
    assert parse_time("2026-11-30T12:00:00Z") == datetime(2026, 11, 30, 12, tzinfo=UTC)
    assert parse_time("yesterday") is None
    assert reason_tone("APPROVED") == "approved" and reason_tone("SPAM") == "spam"
    assert reason_tone("MODERATOR", "rejected") == "rejected"
