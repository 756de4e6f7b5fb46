"""Real WordPress with its bundled Akismet plugin, running on the service end to end.

Debian's ``wordpress`` package (its Akismet plugin 5.0.2), PHP's built-in server, MariaDB, and
``moderation serve``; integrations/wordpress/moderation-akismet.php as a must-use plugin. An
owner activates Akismet and enters the site's 12-hex key in wp-admin (headless Chromium);
readers post through wp-comments-post.php; a moderator clicks Spam and Not Spam. The tests
assert what WordPress stored, the plugins' comment meta, the service's records and labels, and
that PHP logged no notice. They share one site and run in the order written.
See tests/compat/wordpress.py for how the site is built.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from playwright.sync_api import Browser, Page, expect, sync_playwright
from sqlalchemy import func, select

from moderation import create_app
from moderation.db import get_db
from moderation.tables import Comment, Label
from tests.builders import free_port
from tests.compat import wordpress as wp
from tests.conftest import Databases
from tests.web.browser.conftest import ARGS as CHROMIUM_ARGS
from tests.web.browser.conftest import CHROMIUM

pytestmark = [pytest.mark.integration, pytest.mark.browser, pytest.mark.timeout(240)]


ORDINARY = "Thanks for the clear write-up on the bus timetable changes; the new night route helps."
SECOND = "Following up: the night route ran on time all week, which is good to see."
INSULT = "You are a pathetic worthless idiot and everyone here hates you."
QUOTED = 'Let\'s see what "they" say about C:\\path before the council votes on it.'
SPAM_TEXT = "Cheap watches and more at our shop, visit today for great prices."

READER = ("Ada Reader", "ada@reader.example")
OTHER = ("Bob O'Reilly", "bob@reader.example")


@dataclass
class Stack:
    service: wp.Service
    site: wp.WordPress
    page: Page
    config: dict[str, Any]
    # Comment ids by name, as the tests create them.
    comments: dict[str, int] = field(default_factory=dict)

    def comment_id(self, name: str) -> int:
        assert name in self.comments, f"no {name!r} comment: the tests run in the order written"
        return self.comments[name]


def wait_for(check: Callable[[], Any], timeout: float = 20, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def stack(
    databases: Databases, model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    wp.ensure_installed()
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (see scripts/ensure-services)")
    tmp = tmp_path_factory.mktemp("wordpress")
    config = wp.service_config(tmp, databases.sqlite(), model_dir)
    wp_port = free_port()
    wp_base = f"http://127.0.0.1:{wp_port}"
    with (
        wp.running_service(config, tmp / "moderation.log", site_url=wp_base) as service,
        wp.wordpress_site(tmp, service.base, port=wp_port) as site,
        sync_playwright() as playwright,
    ):
        browser: Browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        # wp-admin shows Gravatar images and Akismet's statistics frame from the internet; offline
        # their DNS lookups can hold a page's load event for many seconds. Only the site loads.
        context.route(
            re.compile(r"^(?!http://127\.0\.0\.1:)"), lambda route: route.abort("blockedbyclient")
        )
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{site.base}/wp-login.php")
        page.locator("#user_login").fill(wp.ADMIN_USER)
        page.locator("#user_pass").fill(wp.ADMIN_PASSWORD)
        page.locator("#wp-submit").click()
        page.wait_for_url(re.compile(r"/wp-admin/"))
        try:
            yield Stack(service=service, site=site, page=page, config=config)
        finally:
            context.close()
            browser.close()


def service_records(stack: Stack, content: str) -> list[Comment]:
    app = create_app(stack.config)
    try:
        with app.app_context(), get_db(app).session() as session:
            rows = session.scalars(
                select(Comment).where(
                    Comment.site_id == stack.service.site["id"], Comment.content == content
                )
            ).all()
            session.expunge_all()
            return list(rows)
    finally:
        get_db(app).engine.dispose()


def service_labels(stack: Stack, guid: str) -> list[tuple[str, str, str]]:
    """(label, source, actor) of the comment's labels, oldest first."""
    app = create_app(stack.config)
    try:
        with app.app_context(), get_db(app).session() as session:
            rows = session.execute(
                select(Label.label, Label.source, Label.actor)
                .where(Label.comment_id == guid)
                .order_by(Label.id)
            ).all()
            return [(row[0], row[1], row[2] or "") for row in rows]
    finally:
        get_db(app).engine.dispose()


def service_comment_count(stack: Stack) -> int:
    app = create_app(stack.config)
    try:
        with app.app_context(), get_db(app).session() as session:
            count = session.scalar(
                select(func.count())
                .select_from(Comment)
                .where(Comment.site_id == stack.service.site["id"])
            )
            return int(count or 0)
    finally:
        get_db(app).engine.dispose()


def sent_to_service(stack: Stack, path: str) -> list[dict[str, Any]]:
    """The requests WordPress sent to the service's ``path``, oldest first."""
    return [
        sent
        for sent in stack.site.requests_sent()
        if sent["url"].split("?")[0] == stack.service.base + path
    ]


def assert_nothing_went_to_akismet(stack: Stack) -> None:
    sent = stack.site.requests_sent()
    assert sent, "WordPress sent no request at all"
    hosts = {urlsplit(request["url"]).hostname or "" for request in sent}
    assert not [host for host in hosts if host.endswith("akismet.com")], hosts
    for request in sent:
        if request["url"].startswith(stack.service.base):
            assert request["status"] == 200, request
            # The plugin drops the Akismet plugin's "Host: rest.akismet.com".
            assert "host" not in {name.lower() for name in request["headers"]}, request


# --- the owner sets the site up ---------------------------------------------------------------


def test_the_service_issues_an_akismet_shaped_key(stack: Stack) -> None:
    assert re.fullmatch(r"[0-9a-f]{12}", stack.service.akismet_key), stack.service.site


def test_the_owner_activates_akismet_and_enters_the_key(stack: Stack) -> None:
    page, site = stack.page, stack.site
    page.goto(f"{site.base}/wp-admin/plugins.php")
    row = page.locator('tr[data-plugin="akismet/akismet.php"]')
    row.locator(".activate a").click()
    # Activating Akismet opens its settings page.
    page.wait_for_url(re.compile(r"page=akismet-key-config"))
    assert "akismet/akismet.php" in (site.option("active_plugins") or "")

    page.get_by_text("Manually enter an API key").click()
    page.locator("#key").fill(stack.service.akismet_key)
    page.get_by_role("button", name="Connect with API key").click()
    page.wait_for_load_state()
    body = page.locator("body")
    expect(page.locator(".akismet-section-header__label", has_text="Statistics")).to_be_visible()
    text = body.inner_text()
    assert "connect to the Akismet servers" not in text, text
    assert "invalid" not in text.lower(), text
    assert site.option("wordpress_api_key") == stack.service.akismet_key

    # Seen again later, the page still shows the site connected, with its statistics.
    page.goto(f"{site.base}/wp-admin/options-general.php?page=akismet-key-config")
    expect(page.locator(".akismet-section-header__label", has_text="Statistics")).to_be_visible()
    text = page.locator("body").inner_text()
    assert "connect to the Akismet servers" not in text, text
    assert "invalid" not in text.lower(), text
    assert page.locator(".akismet-key-status.failed").count() == 0

    # All of it came from the service: the key, the connectivity test, subscription, statistics.
    for path in ("/1.1/verify-key", "/1.1/test", "/1.1/get-subscription", "/1.1/get-stats"):
        assert sent_to_service(stack, path), f"nothing sent to {path}"
    assert parse_qs(sent_to_service(stack, "/1.1/verify-key")[0]["body"])["key"] == [
        stack.service.akismet_key
    ]
    assert_nothing_went_to_akismet(stack)


def test_the_settings_page_skips_akismets_per_ip_check(stack: Stack) -> None:
    """A site upgraded from an older Akismet keeps the options that make the page test each IP."""
    site = stack.site
    recent = int(time.time()) - 60
    servers = 'a:1:{s:10:"192.0.2.10";s:9:"connected";}'
    site.db.query(
        f"INSERT INTO {site.prefix}options (option_name, option_value, autoload) VALUES"  # noqa: S608
        f" ('akismet_connectivity_time', '{recent}', 'yes'),"
        f" ('akismet_available_servers', '{servers}', 'yes')"
        " ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)"
    )
    page = stack.page
    page.goto(f"{site.base}/wp-admin/options-general.php?page=akismet-key-config")
    expect(page.locator(".akismet-section-header__label", has_text="Statistics")).to_be_visible()
    assert "connect to the Akismet servers" not in page.locator("body").inner_text()
    # Akismet_Admin::check_server_connectivity() stamps the time whenever it tests the IPs.
    assert site.option("akismet_connectivity_time") == str(recent)


def test_every_address_of_rest_akismet_com_goes_to_the_service(stack: Stack) -> None:
    """Per-IP (https://<ip>/, "Host: rest.akismet.com"), <key>.rest.akismet.com, plain http."""
    response = requests.get(
        f"{stack.site.base}/?moderation_test_reroute={stack.service.akismet_key}", timeout=60
    )
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.text
    answers = response.json()
    assert answers == {"per-ip": "valid", "key-host": "valid", "http": "connected"}, answers
    assert_nothing_went_to_akismet(stack)


# --- readers comment --------------------------------------------------------------------------


def post(stack: Stack, name: str, reader: tuple[str, str], content: str) -> int:
    posted = wp.post_comment(stack.site, author=reader[0], email=reader[1], content=content)
    assert posted.status_code == 302 and posted.comment_id, posted
    stack.comments[name] = posted.comment_id
    return posted.comment_id


def guid_of(stack: Stack, comment_id: int) -> str:
    guids = stack.site.meta(comment_id, "moderation_guid")
    assert len(guids) == 1 and guids[0], guids
    return guids[0]


def test_an_ordinary_comment_is_approved_by_the_service(stack: Stack) -> None:
    site, service = stack.site, stack.service
    first = post(stack, "first", READER, ORDINARY)
    # A first-time commenter waits for WordPress's own rule ("previously approved comment").
    assert site.comment_status(first) == "0"
    assert site.meta(first, "akismet_result") == ["false"]
    assert service.comment(guid_of(stack, first))["status"] == "approved"
    assert site.meta(first, "moderation_status") == ["approved"]

    # The moderator approves it in wp-admin; Ada is now a returning reader.
    page = stack.page
    page.goto(f"{site.base}/wp-admin/edit-comments.php?comment_status=moderated")
    row = page.locator(f"#comment-{first}")
    row.hover()
    row.locator(".row-actions .approve a").click()
    wait_for(lambda: site.comment_status(first) == "1", what="the approval")

    second = post(stack, "second", READER, SECOND)
    assert site.comment_status(second) == "1"
    assert service.comment(guid_of(stack, second))["status"] == "approved"


def test_a_held_comment_of_a_returning_reader_is_pending(stack: Stack) -> None:
    site, service = stack.site, stack.service
    stack.comment_id("first")  # the returning reader's approved comment
    insult = post(stack, "insult", READER, INSULT)
    guid = guid_of(stack, insult)
    assert service.comment(guid)["status"] == "held"
    assert site.meta(insult, "moderation_status") == ["held"]
    # WordPress would publish a returning reader's comment; the service's hold wins.
    assert site.comment_status(insult) == "0"
    assert site.meta(insult, "akismet_result") == ["false"]


def test_spam_goes_to_the_spam_folder(stack: Stack) -> None:
    site, service = stack.site, stack.service
    spam = post(stack, "spam", ("akismet-guaranteed-spam", "spammer@spam.example"), SPAM_TEXT)
    assert site.comment_status(spam) == "spam"
    assert site.meta(spam, "akismet_result") == ["true"]
    assert service.comment(guid_of(stack, spam))["status"] == "rejected"


def test_quotes_and_backslashes_are_stored_as_written(stack: Stack) -> None:
    site, service = stack.site, stack.service
    quoted = post(stack, "quoted", OTHER, QUOTED)
    assert site.comment_content(quoted) == QUOTED
    stored = service.comment(guid_of(stack, quoted))
    assert stored["content"] == QUOTED, stored
    assert stored["status"] == "approved"
    records = service_records(stack, QUOTED)
    assert [record.id for record in records] == [guid_of(stack, quoted)]
    assert [record.author_name for record in records] == [OTHER[0]]


# --- a moderator corrects it in wp-admin -------------------------------------------------------


def test_spam_click_labels_the_same_comment_in_the_service(stack: Stack) -> None:
    site, service, page = stack.site, stack.service, stack.page
    quoted = stack.comment_id("quoted")
    guid = guid_of(stack, quoted)
    before = service_comment_count(stack)

    page.goto(f"{site.base}/wp-admin/edit-comments.php?comment_status=all")
    row = page.locator(f"#comment-{quoted}")
    row.hover()
    row.locator(".row-actions .spam a").click()
    wait_for(lambda: site.meta(quoted, "akismet_user_result") == ["true"], what="submit-spam")

    assert site.comment_status(quoted) == "spam"
    history = "".join(site.meta(quoted, "akismet_history"))
    assert "report-spam" in history and "check-ham" in history, history
    assert site.meta(quoted, "akismet_user") == [wp.ADMIN_USER]
    assert site.meta(quoted, "moderation_guid") == [guid]

    # The site's feedback, sent through the Akismet API.
    actor = f"akismet:site:{service.site['id']}"
    assert service_labels(stack, guid) == [("spam", "site", actor)]
    # The plugin named the comment: submit-spam carried its guid.
    reports = sent_to_service(stack, "/1.1/submit-spam")
    assert len(reports) == 1, reports
    fields = parse_qs(reports[0]["body"])
    assert fields["guid"] == [guid] and fields["comment_ID"] == [str(quoted)], fields
    assert service.comment(guid)["status"] == "rejected"
    assert service_comment_count(stack) == before, "submit-spam created a second record"
    assert [record.id for record in service_records(stack, QUOTED)] == [guid]


def test_not_spam_click_labels_the_same_comment_in_the_service(stack: Stack) -> None:
    site, service, page = stack.site, stack.service, stack.page
    spam = stack.comment_id("spam")
    guid = guid_of(stack, spam)
    before = service_comment_count(stack)

    page.goto(f"{site.base}/wp-admin/edit-comments.php?comment_status=spam")
    row = page.locator(f"#comment-{spam}")
    row.hover()
    row.locator(".row-actions .unspam a").click()
    wait_for(lambda: site.meta(spam, "akismet_user_result") == ["false"], what="submit-ham")

    # Out of spam, back to where WordPress keeps comments it did not publish.
    assert site.comment_status(spam) == "0"
    history = "".join(site.meta(spam, "akismet_history"))
    assert "report-ham" in history and "check-spam" in history, history
    assert site.meta(spam, "moderation_guid") == [guid]

    actor = f"akismet:site:{service.site['id']}"
    assert service_labels(stack, guid) == [("ham", "site", actor)]
    reports = sent_to_service(stack, "/1.1/submit-ham")
    assert len(reports) == 1, reports
    fields = parse_qs(reports[0]["body"])
    assert fields["guid"] == [guid] and fields["comment_ID"] == [str(spam)], fields
    assert service.comment(guid)["status"] == "approved"
    assert service_comment_count(stack) == before, "submit-ham created a second record"
    assert [record.id for record in service_records(stack, SPAM_TEXT)] == [guid]


def test_php_logged_no_notice_or_warning_from_akismet_or_the_plugin(stack: Stack) -> None:
    site, page = stack.site, stack.page
    # The settings page once more, then read what PHP logged over the whole run.
    page.goto(f"{site.base}/wp-admin/options-general.php?page=akismet-key-config")
    expect(page.locator(".akismet-section-header__label", has_text="Statistics")).to_be_visible()
    page.goto(f"{site.base}/wp-admin/edit-comments.php")
    # PHP's notices do reach the log (WP_DEBUG, WP_DEBUG_LOG).
    page.goto(f"{site.base}/?moderation_test_probe=1")
    lines = wait_for(
        lambda: (
            [line for line in site.debug_lines() if "moderation test probe" in line]
            and site.debug_lines()
        ),
        what="the probe notice in the debug log",
    )
    assert_nothing_went_to_akismet(stack)
    # Each comment was checked once, by the service.
    assert len(sent_to_service(stack, "/1.1/comment-check")) == len(stack.comments)
    problem = re.compile(r"PHP (Notice|Warning|Deprecated|Fatal error|Parse error)")
    # WordPress 6.1's own (its Requests library under PHP 8.2, update checks that cannot reach
    # wordpress.org) are not the plugins'; anything in or about Akismet or this project's plugin is.
    ours = [line for line in lines if problem.search(line) and "akismet" in line.lower()]
    fatal = [line for line in lines if "PHP Fatal error" in line or "PHP Parse error" in line]
    assert not ours and not fatal, "\n".join(ours + fatal)
