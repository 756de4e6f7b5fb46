"""The Akismet-compatible API through the real PyPI ``akismet`` client, and on the wire."""

from __future__ import annotations

import asyncio

import akismet
import httpx
import pytest
from sqlalchemy import func, select

from moderation.db import get_db
from moderation.scoring import ensure_default_model
from moderation.tables import Comment, CommentEvent, Label, Site
from tests.builders import create_site
from tests.compat.clients import (
    AsyncRedirectTransport,
    RedirectTransport,
    akismet_client,
    http_client,
)
from tests.compat.conftest import SiteApp
from tests.conftest import AppFactory
from tests.processes import http_server

CIVIL = "I think both sides should keep talking; the last ceasefire saved lives."
BLATANT_SPAM = (
    "BUY CHEAP VIAGRA NOW!!! Best online pharmacy, 90% off: http://bit.ly/cheap-pills "
    "http://tinyurl.com/pharma-deal http://cheap-meds.ru/buy Call +1-800-555-0199 today!"
)
IP = "203.0.113.7"


def labels(site: SiteApp) -> list[tuple[str, str]]:
    with get_db(site.app).session() as session:
        return [
            (row.label, row.comment_id)
            for row in session.scalars(select(Label).where(Label.site_id == site.site_id))
        ]


# --- the PyPI client, every method -----------------------------------------------------------


def test_verify_key_valid_and_invalid(site_app: SiteApp) -> None:
    client = akismet_client(site_app.app, site_app.key)
    assert client.verify_key() is True
    assert client.verify_key(site_app.key, site_app.url) is True
    assert client.verify_key("mk_not-a-real-key", site_app.url) is False
    with pytest.raises(akismet.APIKeyError):
        akismet_client(site_app.app, "mk_not-a-real-key")
    with akismet.SyncClient(
        config=akismet.Config(key=site_app.key, url=site_app.url),
        http_client=http_client(site_app.app, site_app.key),
    ) as managed:
        assert managed.verify_key() is True


def test_comment_check_ham_spam_and_discard(site_app: SiteApp) -> None:
    client = akismet_client(site_app.app, site_app.key)
    ham = client.comment_check(
        IP,
        comment_content=CIVIL,
        comment_type="comment",
        comment_author="Ada Reader",
        comment_author_email="ada@example.org",
        permalink="https://news.example/2026/11/ceasefire-talks",
    )
    assert ham == akismet.CheckResponse.HAM
    discard = client.comment_check(
        IP,
        comment_content=BLATANT_SPAM,
        comment_type="comment",
        comment_author="Cheap Meds",
        comment_author_url="http://cheap-meds.ru",
    )
    assert discard == akismet.CheckResponse.DISCARD
    for test_author in ("akismet-guaranteed-spam", "viagra-test-123"):
        spam = client.comment_check(
            IP, comment_content=CIVIL, comment_author=test_author, is_test=True
        )
        assert spam == akismet.CheckResponse.SPAM
    by_email = client.comment_check(
        IP, comment_content=CIVIL, comment_author_email="akismet-guaranteed-spam@example.com"
    )
    assert by_email == akismet.CheckResponse.SPAM
    admin = client.comment_check(IP, comment_content=BLATANT_SPAM, user_role="administrator")
    assert admin == akismet.CheckResponse.HAM


def test_an_invalid_key_raises_in_the_client(site_app: SiteApp) -> None:
    client = akismet_client(site_app.app, "mk_revoked", validated=False)
    with pytest.raises(akismet.APIKeyError):
        client.comment_check(IP, comment_content=CIVIL)
    with pytest.raises(akismet.APIKeyError):
        client.submit_spam(IP, comment_content=CIVIL)


def test_submit_spam_and_ham_become_labels(site_app: SiteApp) -> None:
    client = akismet_client(site_app.app, site_app.key)
    client.comment_check(IP, comment_content=CIVIL, comment_author="Ada Reader")
    assert client.submit_spam(IP, comment_content=CIVIL, comment_author="Ada Reader") is True
    assert client.submit_ham(IP, comment_content=BLATANT_SPAM, comment_author="Meds") is True
    found = labels(site_app)
    assert sorted(label for label, _ in found) == ["ham", "spam"]
    with get_db(site_app.app).session() as session:
        spam_comment = session.get(Comment, dict(found)["spam"])
        assert spam_comment is not None and spam_comment.content == CIVIL
        # The feedback attached to the stored check, not to a new record.
        assert session.scalar(select(func.count()).select_from(Comment)) == 2


ITALIAN = (
    "Credo che entrambe le parti debbano continuare a parlare; l'ultima tregua ha salvato vite."
)


def test_the_check_and_feedback_store_the_detected_language(site_app: SiteApp) -> None:
    client = akismet_client(site_app.app, site_app.key)
    client.comment_check(IP, comment_content=ITALIAN, comment_author="Lucia")
    client.comment_check(IP, comment_content="12345 :-) !!!", comment_author="Nobody")
    # Feedback on a comment no check stored records it, with its language too.
    client.submit_ham(IP, comment_content=CIVIL, comment_author="Ada Reader")
    with get_db(site_app.app).session() as session:
        stored = {
            row.author_name: row.language
            for row in session.scalars(select(Comment).where(Comment.site_id == site_app.site_id))
        }
    assert stored == {"Lucia": "it", "Nobody": None, "Ada Reader": "en"}


def test_is_test_submissions_have_no_training_effect(site_app: SiteApp) -> None:
    client = akismet_client(site_app.app, site_app.key)
    assert client.submit_spam(IP, comment_content=CIVIL, is_test=True) is True
    assert client.submit_ham(IP, comment_content=CIVIL, is_test=True) is True
    assert labels(site_app) == []


def test_usage_limit_and_key_sites(site_app: SiteApp) -> None:
    client = akismet_client(site_app.app, site_app.key)
    client.comment_check(IP, comment_content=CIVIL)
    client.comment_check(IP, comment_content=BLATANT_SPAM, comment_author="Cheap Meds")
    client.submit_spam(IP, comment_content=CIVIL)
    usage = client.usage_limit()
    assert usage == {"limit": "none", "usage": 2, "percentage": "0.00", "throttled": False}

    sites = client.key_sites()
    assert isinstance(sites, dict)
    (month,) = [key for key in sites if key not in ("limit", "offset", "total")]
    assert sites["total"] == 1
    row = sites[month][0]
    assert row["site"] == site_app.url
    assert (row["api_calls"], row["spam"], row["ham"], row["missed_spam"]) == ("2", "1", "1", "1")

    csv_text = client.key_sites(result_format="csv")
    assert isinstance(csv_text, str)
    lines = csv_text.split("\n")
    assert lines[0].startswith("Active sites for ")
    assert lines[1].startswith("Site,Total API Calls,Spam,Ham,Missed Spam,False Positives")
    assert lines[2].startswith(site_app.url + ",2,1,1,1,0,")
    assert client.key_sites(url_filter="elsewhere.example")[month] == []  # type: ignore[index]


def test_every_method_over_real_http_sync_and_async(site_app: SiteApp) -> None:
    """Both clients of the package, through a real HTTP server on 127.0.0.1."""
    config = akismet.Config(key=site_app.key, url=site_app.url)
    headers = {"User-Agent": akismet.USER_AGENT}
    params = {"api_key": site_app.key}
    with http_server(site_app.app) as base:
        sync_http = httpx.Client(
            transport=RedirectTransport(base), headers=headers, params=params, timeout=5
        )
        with akismet.SyncClient(config=config, http_client=sync_http) as client:
            assert client.comment_check(IP, comment_content=CIVIL) == akismet.CheckResponse.HAM
            assert client.submit_ham(IP, comment_content=CIVIL) is True

        async def run_async() -> list[object]:
            async_http = httpx.AsyncClient(
                transport=AsyncRedirectTransport(base), headers=headers, params=params, timeout=5
            )
            async with akismet.AsyncClient(config=config, http_client=async_http) as client:
                return [
                    await client.verify_key(),
                    await client.verify_key("mk_nope", site_app.url),
                    await client.comment_check(
                        IP, comment_content=BLATANT_SPAM, comment_author="Cheap Meds"
                    ),
                    await client.comment_check(IP, comment_content=CIVIL, is_test=True),
                    await client.submit_spam(IP, comment_content=CIVIL),
                    await client.submit_ham(IP, comment_content=BLATANT_SPAM),
                    (await client.usage_limit())["usage"],
                    (await client.key_sites())["total"],  # type: ignore[index]
                ]

        results = asyncio.run(run_async())
    assert results[:4] == [True, False, akismet.CheckResponse.DISCARD, akismet.CheckResponse.HAM]
    assert results[4:6] == [True, True]
    assert results[6] == 3  # the sync check and the two async ones
    assert results[7] == 1


# --- on the wire -----------------------------------------------------------------------------


def test_bodies_are_exact_with_no_trailing_newline(site_app: SiteApp) -> None:
    web = site_app.app.test_client()
    form = {"api_key": site_app.key, "blog": site_app.url, "user_ip": IP}
    assert web.post("/1.1/verify-key", data={"key": site_app.key, "blog": site_app.url}).data == (
        b"valid"
    )
    check = web.post("/1.1/comment-check", data=form | {"comment_content": CIVIL})
    assert (check.status_code, check.data) == (200, b"false")
    assert check.headers["X-akismet-guid"]
    spam = web.post("/1.1/submit-spam", data=form | {"comment_content": CIVIL})
    assert spam.data == b"Thanks for making the web a better place."


def test_invalid_is_200_with_a_reason(site_app: SiteApp) -> None:
    web = site_app.app.test_client()
    cases = [
        ("/1.1/verify-key", {"key": "nope", "blog": site_app.url}, "Invalid key"),
        ("/1.1/verify-key", {"blog": site_app.url}, 'Empty "key" value'),
        ("/1.1/verify-key", {"key": site_app.key}, 'Empty "blog" value'),
        ("/1.1/comment-check", {"blog": site_app.url, "user_ip": IP}, 'Empty "api_key"'),
        (
            "/1.1/comment-check",
            {"api_key": site_app.key, "blog": site_app.url},
            "Missing required field: user_ip",
        ),
    ]
    for path, form, reason in cases:
        response = web.post(path, data=form)
        assert (response.status_code, response.data) == (200, b"invalid"), path
        assert reason in response.headers["X-akismet-debug-help"]


def test_json_bodies_unknown_parameters_and_is_test(site_app: SiteApp) -> None:
    web = site_app.app.test_client()
    body = {
        "api_key": site_app.key,
        "blog": site_app.url,
        "user_ip": IP,
        "comment_content": CIVIL,
        "comment_author": "viagra-test-123",
        "is_test": "1",
        "blog_lang": "en_us",
        "something_new": "ignored",
        "honeypot_field_name": "hp",
    }
    response = web.post("/1.1/comment-check", json=body)
    assert (response.status_code, response.data) == (200, b"true")
    malformed = web.post("/1.1/comment-check", data="{not json", content_type="application/json")
    assert malformed.status_code == 400
    assert malformed.data == b"invalid"
    assert malformed.headers["X-akismet-debug-help"]


def test_recheck_reason_is_recorded_and_not_counted(site_app: SiteApp) -> None:
    web = site_app.app.test_client()
    form = {"api_key": site_app.key, "blog": site_app.url, "user_ip": IP}
    web.post("/1.1/comment-check", data=form | {"comment_content": CIVIL})
    recheck = web.post(
        "/1.1/comment-check", data=form | {"comment_content": CIVIL, "recheck_reason": "edit"}
    )
    assert recheck.data == b"false"
    with get_db(site_app.app).session() as session:
        event = session.scalar(
            select(CommentEvent).where(
                CommentEvent.comment_id == recheck.headers["X-akismet-guid"],
                CommentEvent.type == "akismet.rechecked",
            )
        )
        assert event is not None and event.data["recheck_reason"] == "edit"
    usage = web.get(f"/1.2/usage-limit?api_key={site_app.key}").get_json()
    assert usage["usage"] == 1


def test_the_guid_names_the_stored_check(site_app: SiteApp) -> None:
    web = site_app.app.test_client()
    form = {"api_key": site_app.key, "blog": site_app.url, "user_ip": IP}
    guid = web.post("/1.1/comment-check", data=form | {"comment_content": BLATANT_SPAM}).headers[
        "X-akismet-guid"
    ]
    with get_db(site_app.app).session() as session:
        comment = session.get(Comment, guid)
        assert comment is not None
        assert comment.site_id == site_app.site_id
        assert comment.status == "rejected"
        assert comment.discard is True
        assert comment.author_ip == IP
    web.post("/1.1/submit-ham", data=form | {"guid": guid})
    assert labels(site_app) == [("ham", guid)]


def test_the_per_key_rate_limit_keeps_akismets_shape(make_app: AppFactory) -> None:
    app = make_app("sqlite", API_RATE_LIMIT="2 per minute")
    ensure_default_model(app)
    _, key = create_site(app, url="https://news.example")
    _, other = create_site(app, "other", url="https://other.example")
    web = app.test_client()
    form = {"api_key": key, "blog": "https://news.example", "user_ip": IP, "comment_content": CIVIL}
    answers = [web.post("/1.1/comment-check", data=form) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[2].data == b"invalid"
    assert answers[2].headers["X-akismet-debug-help"]
    # Another site's key has its own budget.
    other_form = form | {"api_key": other, "blog": "https://other.example"}
    assert web.post("/1.1/comment-check", data=other_form).status_code == 200
    analyze = {"comment": {"text": CIVIL}, "requestedAttributes": {"TOXICITY": {}}}
    url = f"/v1alpha1/comments:analyze?key={key}"
    *allowed, refused = [web.post(url, json=analyze) for _ in range(3)]
    assert [a.status_code for a in allowed] == [200, 200]
    assert refused.status_code == 429
    assert refused.get_json()["error"]["status"] == "RESOURCE_EXHAUSTED"


def test_hostile_text_is_stored_cleanly(site_app: SiteApp) -> None:
    """NUL bytes, lone surrogates and decomposed accents: cleaned as the native API does."""
    web = site_app.app.test_client()
    form = {
        "api_key": site_app.key,
        "blog": site_app.url,
        "user_ip": IP,
        "comment_content": "Cafe\u0301 talk\x00 is fine\r\nreally",
        "comment_author": "Null\x00Byte",
        "user_agent": "x" * 5000,
    }
    response = web.post("/1.1/comment-check", data=form)
    assert (response.status_code, response.data) == (200, b"false")
    submitted = web.post("/1.1/submit-spam", data=form)
    assert submitted.data == b"Thanks for making the web a better place."
    with get_db(site_app.app).session() as session:
        comment = session.get(Comment, response.headers["X-akismet-guid"])
        assert comment is not None
        assert comment.content == "Caf\u00e9 talk is fine\nreally"
        assert comment.author_name == "NullByte"
        assert comment.user_agent is not None and len(comment.user_agent) == 500
        assert comment.status == "rejected"  # the spam report found the stored check


def test_the_sites_rules_and_policy_apply(site_app: SiteApp) -> None:
    """Disallowed words reject; shadow mode holds what would be rejected; as for native comments."""
    web = site_app.app.test_client()
    form = {"api_key": site_app.key, "blog": site_app.url, "user_ip": IP}
    with get_db(site_app.app).session() as session:
        site = session.get(Site, site_app.site_id)
        assert site is not None
        site.settings = {"disallowed_words": ["ceasefire"], "shadow_mode": False}
        session.commit()
    worded = web.post("/1.1/comment-check", data=form | {"comment_content": CIVIL})
    assert worded.data == b"true"
    assert "X-akismet-pro-tip" not in worded.headers
    with get_db(site_app.app).session() as session:
        site = session.get(Site, site_app.site_id)
        assert site is not None
        site.settings = {"shadow_mode": True}
        session.commit()
    shadowed = web.post("/1.1/comment-check", data=form | {"comment_content": BLATANT_SPAM})
    assert shadowed.data == b"false"
    assert shadowed.headers["X-Moderation-Status"] == "held"
    with get_db(site_app.app).session() as session:
        rejected = session.get(Comment, worded.headers["X-akismet-guid"])
        held = session.get(Comment, shadowed.headers["X-akismet-guid"])
        assert rejected is not None and held is not None
        assert rejected.latest_decision is not None
        assert rejected.latest_decision.reasons[0]["code"] == "DISALLOWED_WORD"
        assert rejected.latest_decision.decided_by == "rules"
        assert held.status == "held"
        assert held.latest_decision is not None
        assert held.latest_decision.reasons[0]["code"] == "SHADOW_MODE"


def test_the_key_may_come_as_wordpress_sends_it_in_the_host(site_app: SiteApp) -> None:
    """Recent Akismet plugins call <key>.rest.akismet.com and put no key in the body."""
    web = site_app.app.test_client()
    host = {"Host": f"{site_app.key}.rest.akismet.com"}
    form = {"blog": site_app.url, "user_ip": IP, "comment_content": CIVIL}
    assert web.post("/1.1/comment-check", data=form, headers=host).data == b"false"
    assert web.post("/1.1/verify-key", data={"blog": site_app.url}, headers=host).data == b"valid"
    wrong = {"Host": "mk_nope.rest.akismet.com"}
    assert web.post("/1.1/comment-check", data=form, headers=wrong).data == b"invalid"
