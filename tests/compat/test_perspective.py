"""The Perspective-compatible API: the exact requests Coral sends, a generic client, errors."""

from __future__ import annotations

import json
import posixpath

import requests
from sqlalchemy import func, select

from moderation.compat.perspective import LANGUAGES
from moderation.db import get_db
from moderation.tables import Comment, Label
from tests.compat.conftest import SiteApp
from tests.processes import http_server

ABUSE = "You are a pathetic idiot and a worthless piece of garbage. Shut up, moron."
CIVIL = "The ceasefire talks deserve a chance, even if I doubt the war ends this year."
ATTRIBUTES = ("TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY", "THREAT")


def count(site: SiteApp, model: type) -> int:
    with get_db(site.app).session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def coral_url(endpoint: str, operation: str, key: str) -> str:
    """The URL as Coral builds it from its custom endpoint setting (sendToPerspective)."""
    base, _, _ = endpoint.partition("?")
    return f"{base.rstrip('/')}{posixpath.join('/', operation)}?key={key}"


def test_coral_analyze_request_gets_a_perspective_answer(site_app: SiteApp) -> None:
    with http_server(site_app.app) as base:
        endpoint = f"{base}/v1alpha1"
        for text in (ABUSE, CIVIL):
            # formatBody(): the comment text, doNotStore, one model, the tenant's language.
            body = json.dumps(
                {
                    "comment": {"text": text},
                    "doNotStore": True,
                    "requestedAttributes": {"TOXICITY": {}},
                    "languages": ["en"],
                }
            )
            response = requests.post(
                coral_url(endpoint, "comments:analyze", site_app.key),
                data=body,
                headers={"Content-Type": "application/json"},
                timeout=10,
            )
            assert response.status_code == 200
            answer = response.json()
            # Coral reads data.attributeScores[model].summaryScore.value.
            summary = answer["attributeScores"]["TOXICITY"]["summaryScore"]
            assert summary["type"] == "PROBABILITY"
            assert 0.0 <= summary["value"] <= 1.0
            assert answer["languages"] == ["en"]
            if text == ABUSE:
                assert summary["value"] >= 0.8
            else:
                assert summary["value"] < 0.5
    assert count(site_app, Comment) == 0  # doNotStore: nothing kept


def test_a_generic_client_gets_span_scores_thresholds_and_its_token(site_app: SiteApp) -> None:
    text = f"{CIVIL} {ABUSE}"
    with http_server(site_app.app) as base:
        response = requests.post(
            f"{base}/v1alpha1/comments:analyze",
            params={"key": site_app.key},
            json={
                "comment": {"text": text, "type": "PLAIN_TEXT"},
                "requestedAttributes": {
                    **{name: {} for name in ATTRIBUTES},
                    "SPAM": {"scoreType": "PROBABILITY", "scoreThreshold": 0.9},
                },
                "spanAnnotations": True,
                "languages": ["en-US"],
                "clientToken": "req-42",
                "doNotStore": False,
            },
            timeout=10,
        )
    assert response.status_code == 200
    answer = response.json()
    assert answer["clientToken"] == "req-42"
    assert answer["languages"] == ["en"]
    scores = answer["attributeScores"]
    assert set(scores) == set(ATTRIBUTES)  # SPAM fell under its scoreThreshold
    toxicity = scores["TOXICITY"]
    assert toxicity["summaryScore"]["value"] >= 0.8
    spans = toxicity["spanScores"]
    assert spans
    for span in spans:
        assert 0 <= span["begin"] < span["end"] <= len(text)
        assert span["score"]["type"] == "PROBABILITY"
        assert 0.0 <= span["score"]["value"] <= 1.0
    # The offending part scores high, and it lies in the abusive half of the text.
    worst = max(spans, key=lambda s: s["score"]["value"])
    assert worst["score"]["value"] >= 0.5
    assert worst["begin"] >= len(CIVIL)


def test_errors_are_google_style(site_app: SiteApp) -> None:
    web = site_app.app.test_client()
    url = f"/v1alpha1/comments:analyze?key={site_app.key}"
    ok = {"comment": {"text": "hello"}, "requestedAttributes": {"TOXICITY": {}}}
    cases = [
        (url, {**ok, "comment": {"text": ""}}, 400, "non-empty"),
        (url, {**ok, "comment": {"text": "a" * (20 * 1024 + 1)}}, 400, "too long"),
        (url, {**ok, "requestedAttributes": {"ATTACK_ON_AUTHOR": {}}}, 400, "Unknown attribute"),
        (url, {**ok, "requestedAttributes": {}}, 400, "requestedAttributes"),
        (url, {**ok, "languages": ["de"]}, 400, "languages: de"),
        (url, {**ok, "comment": {"text": "x", "type": "HTML"}}, 400, "PLAIN_TEXT"),
        (url, {**ok, "requestedAttributes": {"TOXICITY": {"scoreThreshold": 2}}}, 400, "between"),
        ("/v1alpha1/comments:analyze", ok, 403, "API key"),
        ("/v1alpha1/comments:analyze?key=mk_wrong", ok, 400, "API key not valid"),
    ]
    for path, body, code, message in cases:
        response = web.post(path, json=body)
        assert response.status_code == code, (body, response.get_json())
        error = response.get_json()["error"]
        assert error["code"] == code
        assert message in error["message"]
        assert error["status"] == {400: "INVALID_ARGUMENT", 403: "PERMISSION_DENIED"}[code]
    malformed = web.post(url, data="{oops", content_type="application/json")
    assert malformed.status_code == 400
    assert malformed.get_json()["error"]["status"] == "INVALID_ARGUMENT"
    assert web.get(url).get_json()["error"]["code"] == 405
    # Exactly 20 KB is still fine.
    limit = web.post(url, json={**ok, "comment": {"text": "a" * (20 * 1024)}})
    assert limit.status_code == 200


def test_coral_suggestscore_stores_labels(site_app: SiteApp) -> None:
    web = site_app.app.test_client()
    url = f"/v1alpha1/comments:suggestscore?key={site_app.key}"

    def suggest(status_key: str, value: float) -> dict[str, object]:
        # formatBody() for comments:suggestscore.
        body = {
            "comment": {"text": ABUSE},
            "context": {
                "entries": [
                    {
                        "text": json.dumps(
                            {
                                "url": "https://news.example/story?commentID=c-9",
                                "reply_to_id_Coral_comment_id": None,
                                "Coral_comment_id": "c-9",
                            }
                        )
                    }
                ]
            },
            "attributeScores": {status_key: {"summaryScore": {"value": value}}},
            "languages": ["en"],
            "communityId": "Coral:https://news.example",
            "clientToken": "comment:c-9",
        }
        response = web.post(url, json=body)
        assert response.status_code == 200, response.get_json()
        answer: dict[str, object] = response.get_json()
        return answer

    assert suggest("TOXICITY", 1) == {"detectedLanguages": ["en"], "clientToken": "comment:c-9"}
    suggest("APPROVED", 1)
    with get_db(site_app.app).session() as session:
        rows = list(session.scalars(select(Label).order_by(Label.id)))
        assert [row.label for row in rows] == ["toxic", "acceptable"]
        assert len({row.comment_id for row in rows}) == 1  # the same comment both times
        comment = session.get(Comment, rows[0].comment_id)
        assert comment is not None
        assert comment.external_id == "comment:c-9"
        assert comment.status == "approved"  # the latest word wins
    bad = web.post(url, json={"comment": {"text": "x"}, "attributeScores": {}})
    assert bad.status_code == 400
    assert bad.get_json()["error"]["status"] == "INVALID_ARGUMENT"


def test_proto_field_names_nulls_and_unknown_fields_on_the_wire(site_app: SiteApp) -> None:
    """What Google's JSON parser does with a request, beyond what the client library sends."""
    web = site_app.app.test_client()
    url = f"/v1alpha1/comments:analyze?key={site_app.key}"
    # Proto field names (snake_case) are the JSON names; a null field is an absent one.
    answer = web.post(
        url,
        json={
            "comment": {"text": ABUSE},
            "requested_attributes": {"TOXICITY": {"score_type": "PROBABILITY"}, "INSULT": None},
            "span_annotations": True,
            "do_not_store": True,
            "client_token": "t-1",
            "session_id": None,
            "community_id": "c",
            "languages": None,
            "context": None,
        },
    )
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert set(body["attributeScores"]) == {"TOXICITY", "INSULT"}
    assert body["attributeScores"]["TOXICITY"]["spanScores"]
    assert (body["clientToken"], body["languages"], body["detectedLanguages"]) == (
        "t-1",
        ["en"],
        ["en"],
    )
    # An unknown name, at the top or inside a message, is refused with Google's words.
    ok = {"comment": {"text": CIVIL}, "requestedAttributes": {"TOXICITY": {}}}
    for extra, unknown in (
        ({"foo": 1}, '"foo": '),
        ({"comment": {"text": CIVIL, "html": True}}, "\"html\" at 'comment': "),
        (
            {"requestedAttributes": {"TOXICITY": {"weight": 1}}},
            "\"weight\" at 'requested_attributes[TOXICITY]': ",
        ),
    ):
        refused = web.post(url, json={**ok, **extra})
        assert refused.status_code == 400
        error = refused.get_json()["error"]
        assert error["status"] == "INVALID_ARGUMENT"
        assert error["message"] == (
            f"Invalid JSON payload received. Unknown name {unknown}Cannot find field."
        )
    # The key may come as Google's header instead of ?key=.
    header = web.post(
        "/v1alpha1/comments:analyze", json=ok, headers={"X-Goog-Api-Key": site_app.key}
    )
    assert header.status_code == 200


def test_coral_without_a_tenant_language_gets_its_comment_detected(site_app: SiteApp) -> None:
    """Coral sends ``languages`` only when the tenant sets one: otherwise detection decides."""
    web = site_app.app.test_client()
    url = f"/v1alpha1/comments:analyze?key={site_app.key}"
    base = {"doNotStore": True, "requestedAttributes": {"TOXICITY": {}}}
    english = web.post(url, json={**base, "comment": {"text": ABUSE}})
    assert english.status_code == 200
    assert english.get_json()["detectedLanguages"] == ["en"]
    italian = web.post(
        url, json={**base, "comment": {"text": "Non sono d'accordo, ma l'articolo è scritto bene."}}
    )
    assert italian.status_code == 200
    assert italian.get_json()["detectedLanguages"] == ["it"]
    french = web.post(
        url,
        json={**base, "comment": {"text": "Je ne suis pas d'accord, mais merci pour l'article."}},
    )
    assert french.status_code == 400
    error = french.get_json()["error"]
    assert error == {
        "code": 400,
        "message": "Attribute TOXICITY does not support request languages: fr. Supported: "
        + ", ".join(LANGUAGES)
        + ".",
        "status": "INVALID_ARGUMENT",
    }
    assert count(site_app, Comment) == 0
