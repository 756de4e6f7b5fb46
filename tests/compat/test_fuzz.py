"""Fuzzing the compatibility APIs, which the OpenAPI document does not describe.

Hypothesis-generated Akismet form and JSON posts, Perspective JSON requests, signed Coral
phase requests and webhook-log queries, with the site's real keys, on SQLite and PostgreSQL.
No answer may be a 5xx, and each keeps its protocol's shape: Akismet's plain text (or JSON for
its account calls), Google's ``{"error": ...}``, problem+json for Coral and the webhook log.
Seeded (``derandomize``) and bounded (``EXAMPLES`` per test).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.db import get_db
from moderation.scoring import ensure_default_model
from moderation.services.webhooks import set_coral_secret
from moderation.tables import Site
from tests.builders import auth, create_site
from tests.conftest import AppFactory

EXAMPLES = 60
SITE_URL = "https://news.example"
CORAL_SECRET = "ssc_fuzzed-coral-secret"
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=list(HealthCheck),
)

# Text a form can carry (no lone surrogates: they cannot be encoded), with NUL, controls,
# combining marks, right-to-left and astral characters; and any JSON text.
FORM_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
JSON_TEXT = st.text(max_size=40)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | JSON_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(JSON_TEXT, inner, max_size=4),
    max_leaves=12,
)
AKISMET_FIELDS = (
    "api_key",
    "key",
    "blog",
    "user_ip",
    "user_agent",
    "referrer",
    "permalink",
    "comment_type",
    "comment_author",
    "comment_author_email",
    "comment_author_url",
    "comment_content",
    "comment_date_gmt",
    "is_test",
    "recheck_reason",
    "guid",
    "user_role",
    "month",
    "limit",
    "offset",
    "format",
    "filter",
    "from",
)
# The fields a check carries (the key and blog are set, and sometimes broken, separately).
TEXT_FIELDS = AKISMET_FIELDS[2:]
AKISMET_PATHS = (
    "/1.1/verify-key",
    "/1.1/comment-check",
    "/1.1/submit-spam",
    "/1.1/submit-ham",
    "/1.1/get-subscription",
    "/1.1/get-stats",
    "/1.2/usage-limit",
    "/1.2/key-sites",
)
AKISMET_TEXT_ANSWERS = {
    b"invalid",
    b"valid",
    b"true",
    b"false",
    b"Thanks for making the web a better place.",
}
ATTRIBUTES = ("TOXICITY", "SEVERE_TOXICITY", "INSULT", "PROFANITY", "THREAT", "SPAM", "NOPE")


@pytest.fixture
def fuzzed(make_app: AppFactory, db_kind: str) -> tuple[Flask, int, str]:
    app = make_app(db_kind, API_RATE_LIMIT="100000 per minute")
    ensure_default_model(app)
    site_id, key = create_site(app, url=SITE_URL)
    with get_db(app).session() as session:
        site = session.get(Site, site_id)
        assert site is not None
        set_coral_secret(session, site=site, secret=CORAL_SECRET)
    return app, site_id, key


def _key_or_noise(key: str) -> st.SearchStrategy[str]:
    return st.sampled_from([key, key + "\r\n", key[:-1], ""]) | FORM_TEXT


def _check_akismet(response: Any) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    if response.mimetype == "application/json":
        assert isinstance(response.get_json(), dict)
    else:
        assert response.mimetype == "text/plain", response.mimetype
        assert response.data in AKISMET_TEXT_ANSWERS | {b"connected"} or response.data.startswith(
            b"Active sites for"
        ), response.data[:200]


def test_akismet_form_and_json_posts(fuzzed: tuple[Flask, int, str]) -> None:
    app, _, key = fuzzed
    client: FlaskClient = app.test_client()
    fields = st.dictionaries(st.sampled_from(TEXT_FIELDS) | FORM_TEXT, FORM_TEXT, max_size=8)

    def fuzzer(path: str) -> Any:
        @settings(FUZZ, max_examples=EXAMPLES // 4)
        @given(
            form=fields,
            the_key=st.just(key) | _key_or_noise(key),
            as_json=st.booleans(),
            extra=st.dictionaries(st.sampled_from(AKISMET_FIELDS), JSON_VALUES, max_size=3),
        )
        def fuzz(form: dict[str, str], the_key: str, as_json: bool, extra: Any) -> None:
            body = {"api_key": the_key, "key": the_key, "blog": SITE_URL, "user_ip": "203.0.113.9"}
            body.update(form)
            if as_json:
                raw = json.dumps({**body, **extra})
                response = client.post(path, data=raw, content_type="application/json")
            else:
                response = client.post(path, data=body)
            _check_akismet(response)

        return fuzz

    for path in AKISMET_PATHS:
        fuzzer(path)()


def _check_google(response: Any) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    body = response.get_json()
    assert isinstance(body, dict), response.data[:200]
    if response.status_code >= 400:
        assert body["error"]["code"] == response.status_code
    else:
        assert "attributeScores" in body or "detectedLanguages" in body


def _noisy(
    valid: dict[str, st.SearchStrategy[Any]], *names: str
) -> st.SearchStrategy[dict[str, Any]]:
    """Requests of the right shape (``names`` always there), and with one field any JSON value."""
    required = {name: valid[name] for name in ("comment", *names)}
    shaped = st.fixed_dictionaries(
        required, optional={k: v for k, v in valid.items() if k not in required}
    )
    broken = st.tuples(shaped, st.sampled_from(sorted(valid)), JSON_VALUES).map(
        lambda parts: {**parts[0], parts[1]: parts[2]}
    )
    return shaped | broken


def test_perspective_json_requests(fuzzed: tuple[Flask, int, str]) -> None:
    app, _, key = fuzzed
    client: FlaskClient = app.test_client()
    comment = st.fixed_dictionaries({"text": JSON_TEXT}, optional={"type": st.just("PLAIN_TEXT")})
    options = st.fixed_dictionaries(
        {}, optional={"scoreThreshold": st.floats(-1, 2), "scoreType": st.just("PROBABILITY")}
    )
    common = {
        "comment": comment,
        "languages": st.lists(st.sampled_from(["en", "es", "it", "tr", "xx", "EN_us"]), max_size=2),
        "clientToken": JSON_TEXT,
        "context": st.fixed_dictionaries({"entries": st.lists(comment, max_size=2)}),
    }
    analyze = _noisy(
        {
            **common,
            "requestedAttributes": st.dictionaries(
                st.sampled_from(ATTRIBUTES), options, max_size=3
            ),
            "spanAnnotations": st.booleans(),
            "doNotStore": st.booleans(),
        },
        "requestedAttributes",
    )
    score = st.fixed_dictionaries(
        {"summaryScore": st.fixed_dictionaries({"value": st.floats(-1, 2)})}
    )
    suggest = _noisy(
        {
            **common,
            "attributeScores": st.dictionaries(
                st.sampled_from((*ATTRIBUTES, "APPROVED", "REJECTED")), score, max_size=3
            ),
        },
        "attributeScores",
    )

    def fuzzer(path: str, request: st.SearchStrategy[Any]) -> Any:
        @settings(FUZZ, max_examples=EXAMPLES)
        @given(body=request | JSON_VALUES, the_key=st.just(key) | st.just(key + "x"))
        def fuzz(body: Any, the_key: str) -> None:
            raw = json.dumps(body)
            response = client.post(
                f"{path}?key={the_key}", data=raw, content_type="application/json"
            )
            _check_google(response)

        return fuzz

    fuzzer("/v1alpha1/comments:analyze", analyze)()
    fuzzer("/v1alpha1/comments:suggestscore", suggest)()


def test_coral_phase_and_webhook_log(fuzzed: tuple[Flask, int, str]) -> None:
    app, site_id, key = fuzzed
    client: FlaskClient = app.test_client()
    payload = st.fixed_dictionaries(
        {
            "comment": st.fixed_dictionaries(
                {"body": JSON_TEXT | JSON_VALUES}, optional={"parentID": JSON_VALUES}
            )
            | JSON_VALUES,
        },
        optional={
            "author": st.fixed_dictionaries(
                {}, optional={"id": JSON_VALUES, "role": st.sampled_from(["STAFF", "COMMENTER"])}
            )
            | JSON_VALUES,
            "story": JSON_VALUES,
            "action": JSON_VALUES,
        },
    )

    @FUZZ
    @given(
        body=payload | JSON_VALUES,
        query=st.dictionaries(
            st.sampled_from(["limit", "endpoint_id", "status"]), FORM_TEXT, max_size=3
        ),
    )
    def fuzz(body: Any, query: dict[str, str]) -> None:
        raw = json.dumps(body).encode()
        digest = hmac.new(CORAL_SECRET.encode(), raw, hashlib.sha256).hexdigest()
        response = client.post(
            f"/coral/sites/{site_id}/moderation-phase",
            data=raw,
            headers={"X-Coral-Signature": f"sha256={digest}", "Content-Type": "application/json"},
        )
        assert response.status_code < 500, response.get_data(as_text=True)[:300]
        if response.status_code >= 400:
            assert response.mimetype == "application/problem+json"
        log = client.get("/api/v1/webhooks/deliveries", query_string=query, headers=auth(key))
        # A bad filter is refused (400 malformed, 422 a value outside the choices), never a 5xx.
        assert log.status_code in (200, 400, 422), log.get_data(as_text=True)[:300]
        if log.status_code >= 400:
            assert log.mimetype == "application/problem+json"

    fuzz()
