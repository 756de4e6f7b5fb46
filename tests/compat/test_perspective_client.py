"""Google's client library (``google-api-python-client`` from PyPI), unmodified, against the
Perspective-compatible API over real HTTP: it builds itself from the service's discovery document.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask
from googleapiclient import discovery
from googleapiclient.errors import HttpError
from sqlalchemy import func, select

from moderation.compat.perspective import ATTRIBUTES, MAX_TEXT_BYTES
from moderation.db import get_db
from moderation.scoring import ensure_default_model
from moderation.tables import Label
from tests.builders import create_site
from tests.compat.conftest import SiteApp
from tests.conftest import AppFactory
from tests.processes import http_server

ABUSE = "You are a pathetic idiot and a worthless piece of garbage. Shut up, moron."
CIVIL = "The ceasefire talks deserve a chance, even if I doubt the war ends this year."
# The URL of Perspective's own samples, with the service's address instead of Google's.
SAMPLES_URL = "{base}/$discovery/rest?version={{apiVersion}}"
# The library's default template (DISCOVERY_URI), on the service's address.
DEFAULT_TEMPLATE_URL = "{base}/discovery/v1/apis/{{api}}/{{apiVersion}}/rest"


@dataclass
class Served:
    """The app over real HTTP, and every request line it received."""

    base: str
    key: str
    requests: list[tuple[str, str, str]] = field(default_factory=list)

    @contextmanager
    def client(
        self, key: str | None = None, url: str = SAMPLES_URL
    ) -> Iterator[discovery.Resource]:
        # As in Perspective's samples, plus no discovery cache (each test builds afresh).
        service = discovery.build(
            "commentanalyzer",
            "v1alpha1",
            developerKey=self.key if key is None else key,
            discoveryServiceUrl=url.format(base=self.base),
            static_discovery=False,
            cache_discovery=False,
        )
        with service:
            yield service


def recording(app: Flask, seen: list[tuple[str, str, str]]) -> Callable[..., Any]:
    inner = app.wsgi_app

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        seen.append(
            (environ["REQUEST_METHOD"], environ["PATH_INFO"], environ.get("QUERY_STRING", ""))
        )
        return inner(environ, start_response)

    return wsgi


@pytest.fixture
def served(site_app: SiteApp) -> Iterator[Served]:
    seen: list[tuple[str, str, str]] = []
    site_app.app.wsgi_app = recording(site_app.app, seen)
    with http_server(site_app.app) as base:
        yield Served(base=base, key=site_app.key, requests=seen)


def error_of(excinfo: pytest.ExceptionInfo[HttpError]) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(excinfo.value.content)
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["code"] == excinfo.value.status_code
    assert excinfo.value.reason == body["error"]["message"]
    return body["error"]


# --- discovery ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [SAMPLES_URL, DEFAULT_TEMPLATE_URL])
def test_the_library_builds_from_the_service_alone(served: Served, url: str) -> None:
    with served.client(url=url) as service:
        answer = (
            service.comments()
            .analyze(body={"comment": {"text": CIVIL}, "requestedAttributes": {"TOXICITY": {}}})
            .execute()
        )
    assert answer["attributeScores"]["TOXICITY"]["summaryScore"]["value"] < 0.5
    # The library fetched its document from the service (with its key), then called the method.
    (get, post) = served.requests
    expected = {
        SAMPLES_URL: "/$discovery/rest",
        DEFAULT_TEMPLATE_URL: "/discovery/v1/apis/commentanalyzer/v1alpha1/rest",
    }[url]
    assert get[:2] == ("GET", expected)
    assert f"key={served.key}" in get[2]
    assert url != SAMPLES_URL or "version=v1alpha1" in get[2]
    assert post[:2] == ("POST", "/v1alpha1/comments:analyze")
    assert f"key={served.key}" in post[2]


def test_the_document_names_the_service_as_the_caller_reached_it(site_app: SiteApp) -> None:
    client = site_app.app.test_client()
    for path in (
        "/$discovery/rest?version=v1alpha1",
        "/discovery/v1/apis/commentanalyzer/v1alpha1/rest",
    ):
        response = client.get(path, base_url="https://moderation.example.org")
        assert response.status_code == 200
        document = response.get_json()
        assert document["kind"] == "discovery#restDescription"
        assert (document["name"], document["version"]) == ("commentanalyzer", "v1alpha1")
        assert document["rootUrl"] == "https://moderation.example.org/"
        assert document["servicePath"] == ""
        assert "auth" not in document  # a developer key is enough: no OAuth scopes to ask for
    # Behind a path prefix (SCRIPT_NAME), the methods stay under it.
    document = client.get(
        "/$discovery/rest?version=v1alpha1",
        base_url="http://proxy.example:8080/moderation",
    ).get_json()
    assert document["rootUrl"] == "http://proxy.example:8080/moderation/"
    methods = document["resources"]["comments"]["methods"]
    assert {name: (m["httpMethod"], m["path"]) for name, m in methods.items()} == {
        "analyze": ("POST", "v1alpha1/comments:analyze"),
        "suggestscore": ("POST", "v1alpha1/comments:suggestscore"),
    }
    assert document["parameters"]["key"]["location"] == "query"


def test_every_reference_in_the_document_is_defined(site_app: SiteApp) -> None:
    document = site_app.app.test_client().get("/$discovery/rest?version=v1alpha1").get_json()
    schemas = document["schemas"]
    refs: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            refs.extend([node["$ref"]] if "$ref" in node else [])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    assert refs and set(refs) <= set(schemas)
    assert all(schemas[name]["id"] == name for name in schemas)
    for name in ATTRIBUTES:
        assert (
            name
            in schemas["AnalyzeCommentRequest"]["properties"]["requestedAttributes"]["description"]
        )


def test_other_apis_and_versions_are_not_found(site_app: SiteApp) -> None:
    client = site_app.app.test_client()
    for path in (
        "/$discovery/rest?version=v1",
        "/$discovery/rest",
        "/discovery/v1/apis/commentanalyzer/v1/rest",
        "/discovery/v1/apis/drive/v1alpha1/rest",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.get_json()["error"]["status"] == "NOT_FOUND"


def test_an_unknown_version_is_the_librarys_unknown_api(served: Served) -> None:
    with pytest.raises(discovery.UnknownApiNameOrVersion):
        discovery.build(
            "commentanalyzer",
            "v1",
            developerKey=served.key,
            discoveryServiceUrl=SAMPLES_URL.format(base=served.base),
            static_discovery=False,
            cache_discovery=False,
        )


# --- the methods ------------------------------------------------------------------------------


def test_analyze_several_attributes_with_span_annotations(served: Served) -> None:
    text = f"{CIVIL} {ABUSE}"
    with served.client() as service:
        answer = (
            service.comments()
            .analyze(
                body={
                    "comment": {"text": text, "type": "PLAIN_TEXT"},
                    "requestedAttributes": {"TOXICITY": {}, "INSULT": {}, "THREAT": {}},
                    "spanAnnotations": True,
                    "languages": ["en"],
                    "doNotStore": True,
                    "clientToken": "client-7",
                }
            )
            .execute()
        )
    scores = answer["attributeScores"]
    assert set(scores) == {"TOXICITY", "INSULT", "THREAT"}
    for name, entry in scores.items():
        summary = entry["summaryScore"]
        assert summary["type"] == "PROBABILITY" and 0 <= summary["value"] <= 1, name
        spans = entry["spanScores"]
        assert spans, name
        for span in spans:
            assert 0 <= span["begin"] < span["end"] <= len(text), (name, span)
            assert span["score"]["type"] == "PROBABILITY" and 0 <= span["score"]["value"] <= 1
    assert scores["TOXICITY"]["summaryScore"]["value"] >= 0.8
    assert scores["INSULT"]["summaryScore"]["value"] >= 0.8
    # The insult's spans lie in the abusive half and score high; the civil half stands apart.
    insults = scores["INSULT"]["spanScores"]
    assert any(s["begin"] > len(CIVIL) and s["score"]["value"] >= 0.5 for s in insults)
    assert all(s["begin"] >= len(CIVIL) for s in insults if s["score"]["value"] >= 0.5)
    assert answer["languages"] == ["en"]
    assert answer["clientToken"] == "client-7"


def test_suggestscore_stores_a_label(served: Served, site_app: SiteApp) -> None:
    with served.client() as service:
        answer = (
            service.comments()
            .suggestscore(
                body={
                    "comment": {"text": ABUSE},
                    "attributeScores": {"TOXICITY": {"summaryScore": {"value": 1}}},
                    "languages": ["en"],
                    "clientToken": "comment:42",
                }
            )
            .execute()
        )
    assert answer == {"detectedLanguages": ["en"], "clientToken": "comment:42"}
    with get_db(site_app.app).session() as session:
        labels = [label.label for label in session.scalars(select(Label))]
    assert labels == ["toxic"]


def test_an_invalid_key_is_refused_in_perspectives_shape(served: Served) -> None:
    # The document itself is public (as Google's is); the method refuses the key.
    with served.client(key="mk_not-a-real-key") as service:
        with pytest.raises(HttpError) as excinfo:
            service.comments().analyze(
                body={"comment": {"text": CIVIL}, "requestedAttributes": {"TOXICITY": {}}}
            ).execute()
        assert excinfo.value.status_code == 400
        error = error_of(excinfo)
        assert error["status"] == "INVALID_ARGUMENT"
        assert error["message"] == "API key not valid. Please pass a valid API key."
        with pytest.raises(HttpError) as excinfo:
            service.comments().suggestscore(
                body={
                    "comment": {"text": CIVIL},
                    "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0}}},
                }
            ).execute()
        assert excinfo.value.status_code == 400
        assert error_of(excinfo)["message"].startswith("API key not valid")
    # With no key at all: 403, as Perspective answers a request without one.
    with served.client(key="") as service:
        with pytest.raises(HttpError) as excinfo:
            service.comments().analyze(
                body={"comment": {"text": CIVIL}, "requestedAttributes": {"TOXICITY": {}}}
            ).execute()
        assert excinfo.value.status_code == 403
        assert error_of(excinfo)["status"] == "PERMISSION_DENIED"


def test_an_unsupported_language_is_refused(served: Served) -> None:
    with served.client() as service, pytest.raises(HttpError) as excinfo:
        service.comments().analyze(
            body={
                "comment": {"text": CIVIL},
                "requestedAttributes": {"TOXICITY": {}},
                "languages": ["xx"],
            }
        ).execute()
    assert excinfo.value.status_code == 400
    error = error_of(excinfo)
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"].startswith("Attribute TOXICITY does not support request languages: xx")


def test_an_oversized_text_is_refused(served: Served) -> None:
    with served.client() as service, pytest.raises(HttpError) as excinfo:
        service.comments().analyze(
            body={
                "comment": {"text": "a" * (MAX_TEXT_BYTES + 1)},
                "requestedAttributes": {"TOXICITY": {}},
            }
        ).execute()
    assert excinfo.value.status_code == 400
    error = error_of(excinfo)
    assert error["status"] == "INVALID_ARGUMENT"
    assert "too long" in error["message"]


# --- languages --------------------------------------------------------------------------------

SPANISH = "No estoy de acuerdo con el artículo, pero gracias por publicarlo."
FRENCH = "Je ne suis pas d'accord avec cet article, mais merci quand même."
GERMAN = "Ich bin mit dem Artikel nicht einverstanden, aber danke für die Veröffentlichung."


def analyze(service: discovery.Resource, **body: Any) -> dict[str, Any]:
    answer: dict[str, Any] = service.comments().analyze(body=body).execute()
    return answer


def test_without_languages_the_detected_language_is_scored_or_refused(served: Served) -> None:
    with served.client() as service:
        answer = analyze(
            service, comment={"text": ABUSE}, requestedAttributes={"TOXICITY": {}, "INSULT": {}}
        )
        assert answer["languages"] == ["en"]
        assert answer["detectedLanguages"] == ["en"]
        assert answer["attributeScores"]["TOXICITY"]["summaryScore"]["value"] >= 0.8
        answer = analyze(service, comment={"text": SPANISH}, requestedAttributes={"INSULT": {}})
        assert (answer["languages"], answer["detectedLanguages"]) == (["es"], ["es"])
        for text, code in ((FRENCH, "fr"), (GERMAN, "de")):
            with pytest.raises(HttpError) as excinfo:
                analyze(service, comment={"text": text}, requestedAttributes={"INSULT": {}})
            assert excinfo.value.status_code == 400
            error = error_of(excinfo)
            assert error["status"] == "INVALID_ARGUMENT"
            assert error["message"].startswith(
                f"Attribute INSULT does not support request languages: {code}"
            )
        # No letters: nothing to detect, scored in the default language.
        answer = analyze(service, comment={"text": "👍👍 !!!"}, requestedAttributes={"SPAM": {}})
        assert (answer["languages"], answer["detectedLanguages"]) == (["en"], [])


def test_with_languages_the_text_is_scored_in_them_and_the_detection_reported(
    served: Served,
) -> None:
    with served.client() as service:
        answer = analyze(
            service,
            comment={"text": SPANISH},
            requestedAttributes={"TOXICITY": {}},
            languages=["en"],
        )
    assert answer["languages"] == ["en"]
    assert answer["detectedLanguages"] == ["es"]
    assert set(answer["attributeScores"]) == {"TOXICITY"}


def test_one_list_of_languages_for_validation_detection_and_the_document(
    site_app: SiteApp,
) -> None:
    from classifier.language import SUPPORTED_LANGUAGES
    from moderation.compat.perspective import LANGUAGES

    assert LANGUAGES is SUPPORTED_LANGUAGES
    document = site_app.app.test_client().get("/$discovery/rest?version=v1alpha1").get_json()
    described = document["schemas"]["AnalyzeCommentRequest"]["properties"]["languages"]
    assert f"supported: {', '.join(SUPPORTED_LANGUAGES)})" in described["description"]


# --- request fields ---------------------------------------------------------------------------


def test_perspectives_request_fields_are_in_the_document(site_app: SiteApp) -> None:
    schemas = (
        site_app.app.test_client().get("/$discovery/rest?version=v1alpha1").get_json()["schemas"]
    )
    analyze_fields = set(schemas["AnalyzeCommentRequest"]["properties"])
    assert analyze_fields == {
        "comment",
        "context",
        "requestedAttributes",
        "spanAnnotations",
        "languages",
        "doNotStore",
        "clientToken",
        "sessionId",
        "communityId",
    }
    suggest_fields = set(schemas["SuggestCommentScoreRequest"]["properties"])
    assert suggest_fields == {
        "comment",
        "context",
        "attributeScores",
        "languages",
        "communityId",
        "clientToken",
    }
    assert set(schemas["Context"]["properties"]) == {"entries", "articleAndParentComment"}
    assert schemas["Context"]["properties"]["entries"]["items"] == {"$ref": "TextEntry"}
    assert set(schemas["AttributeParameters"]["properties"]) == {"scoreType", "scoreThreshold"}
    assert schemas["AttributeParameters"]["properties"]["scoreType"]["enum"] == ["PROBABILITY"]


def test_every_documented_field_is_accepted(served: Served) -> None:
    text = f"{CIVIL} {ABUSE}"
    with served.client() as service:
        answer = analyze(
            service,
            comment={"text": text, "type": "PLAIN_TEXT"},
            context={
                "entries": [{"text": "The article the comment is on.", "type": "PLAIN_TEXT"}],
                "articleAndParentComment": {
                    "article": {"text": "Peace talks resume."},
                    "parentComment": {"text": "Finally some good news."},
                },
            },
            requestedAttributes={
                "TOXICITY": {"scoreType": "PROBABILITY", "scoreThreshold": 0.0},
                "SPAM": {"scoreType": "PROBABILITY", "scoreThreshold": 0.99},
                "INSULT": {},
            },
            spanAnnotations=True,
            languages=["en"],
            doNotStore=True,
            clientToken="token-1",
            sessionId="session-9",
            communityId="news.example/world",
        )
        # SPAM scored under its threshold: left out, as Perspective leaves it out.
        assert set(answer["attributeScores"]) == {"TOXICITY", "INSULT"}
        assert answer["clientToken"] == "token-1"
        assert answer["attributeScores"]["TOXICITY"]["spanScores"]
        suggested = (
            service.comments()
            .suggestscore(
                body={
                    "comment": {"text": ABUSE},
                    "context": {"entries": [{"text": '{"Coral_comment_id": "c-1"}'}]},
                    "attributeScores": {
                        "TOXICITY": {
                            "summaryScore": {"value": 1, "type": "PROBABILITY"},
                            "spanScores": [
                                {"begin": 0, "end": 7, "score": {"value": 1, "type": "PROBABILITY"}}
                            ],
                        }
                    },
                    "languages": ["en"],
                    "communityId": "Coral:https://news.example",
                    "clientToken": "comment:c-1",
                }
            )
            .execute()
        )
    assert suggested == {"detectedLanguages": ["en"], "clientToken": "comment:c-1"}


def test_a_score_threshold_leaves_out_the_attributes_under_it(served: Served) -> None:
    with served.client() as service:
        everything = analyze(
            service,
            comment={"text": CIVIL},
            requestedAttributes={name: {} for name in ATTRIBUTES},
        )["attributeScores"]
        values = {name: entry["summaryScore"]["value"] for name, entry in everything.items()}
        cut = sorted(values.values())[len(values) // 2]
        kept = analyze(
            service,
            comment={"text": CIVIL},
            requestedAttributes={name: {"scoreThreshold": cut} for name in ATTRIBUTES},
        )["attributeScores"]
        assert set(kept) == {name for name, value in values.items() if value >= cut}
        assert set(kept) != set(ATTRIBUTES)
        # Everything under the thresholds: an empty answer, not an error.
        none = analyze(
            service,
            comment={"text": CIVIL},
            requestedAttributes={"TOXICITY": {"scoreThreshold": 1}},
        )
        assert none["attributeScores"] == {}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"requestedAttributes": {"TOXICITY": {"scoreType": "RAW"}}}, "only PROBABILITY"),
        ({"requestedAttributes": {"TOXICITY": {"scoreType": "STD_DEV_SCORE"}}}, "PROBABILITY"),
        ({"requestedAttributes": {"TOXICITY": {"scoreThreshold": 1.5}}}, "between 0 and 1"),
        ({"requestedAttributes": {"TOXICITY": {"scoreThreshold": -0.1}}}, "between 0 and 1"),
        ({"requestedAttributes": {"TOXICITY": {"threshold": 0.5}}}, 'Unknown name "threshold"'),
        ({"doNotStore": "yes"}, "'doNotStore' (TYPE_BOOL)"),
        ({"spanAnnotations": 1}, "'spanAnnotations' (TYPE_BOOL)"),
        ({"sessionId": 7}, "'sessionId' (TYPE_STRING)"),
        ({"communityId": ["a"]}, "'communityId' (TYPE_STRING)"),
        ({"clientToken": {"a": 1}}, "'clientToken' (TYPE_STRING)"),
        ({"context": {"entries": [{"text": 5}]}}, "context.entries[0].text must be a string"),
        ({"context": {"entries": [{"text": "x", "type": "HTML"}]}}, "only PLAIN_TEXT"),
        ({"context": {"entries": "text"}}, "context.entries must be a list"),
        ({"context": {"article": {"text": "x"}}}, "Unknown name \"article\" at 'context'"),
        ({"context": {"entries": [{"text": "a" * (MAX_TEXT_BYTES + 1)}]}}, "too long"),
        ({"comment": {"text": CIVIL, "lang": "en"}}, "Unknown name \"lang\" at 'comment'"),
        ({"doNotStor": True}, 'Unknown name "doNotStor": Cannot find field.'),
        ({"attributeScores": {}}, 'Unknown name "attributeScores"'),
    ],
)
def test_fields_are_validated_as_perspective_validates_them(
    served: Served, change: dict[str, Any], message: str
) -> None:
    body = {"comment": {"text": CIVIL}, "requestedAttributes": {"TOXICITY": {}}, **change}
    with served.client() as service, pytest.raises(HttpError) as excinfo:
        service.comments().analyze(body=body).execute()
    assert excinfo.value.status_code == 400
    error = error_of(excinfo)
    assert error["status"] == "INVALID_ARGUMENT"
    assert message in error["message"]


def test_suggestscore_refuses_unknown_fields(served: Served) -> None:
    with served.client() as service, pytest.raises(HttpError) as excinfo:
        service.comments().suggestscore(
            body={
                "comment": {"text": ABUSE},
                "attributeScores": {"TOXICITY": {"summaryScore": {"value": 1}, "extra": 1}},
            }
        ).execute()
    assert excinfo.value.status_code == 400
    assert "Unknown name \"extra\" at 'attribute_scores[TOXICITY]'" in error_of(excinfo)["message"]
    with served.client() as service, pytest.raises(HttpError) as excinfo:
        service.comments().suggestscore(
            body={
                "comment": {"text": ABUSE},
                "attributeScores": {"TOXICITY": {"summaryScore": {"value": 1}}},
                "doNotStore": True,  # not a field of SuggestCommentScoreRequest
            }
        ).execute()
    assert 'Unknown name "doNotStore"' in error_of(excinfo)["message"]


def test_do_not_store_stores_nothing(
    served: Served, site_app: SiteApp, caplog: pytest.LogCaptureFixture
) -> None:
    def rows() -> dict[str, int]:
        with get_db(site_app.app).session() as session:
            return {
                table.name: session.scalar(select(func.count()).select_from(table)) or 0
                for table in Label.metadata.sorted_tables
            }

    before = rows()
    secret = f"{ABUSE} Only-in-this-request-7f3a."
    caplog.set_level(logging.DEBUG)
    with served.client() as service:
        for do_not_store in (True, False):  # analyze stores nothing either way
            analyze(
                service,
                comment={"text": secret},
                requestedAttributes={"TOXICITY": {}, "SPAM": {}},
                spanAnnotations=True,
                doNotStore=do_not_store,
                clientToken="c-1",
                sessionId="s-1",
                communityId="community-1",
                context={"entries": [{"text": "context-only-text-91b"}]},
            )
    assert rows() == before
    assert "Only-in-this-request-7f3a" not in caplog.text
    assert "context-only-text-91b" not in caplog.text


# --- quota ------------------------------------------------------------------------------------


def test_the_per_key_quota_answers_resource_exhausted(make_app: AppFactory) -> None:
    app = make_app("sqlite", API_RATE_LIMIT="2 per minute")
    ensure_default_model(app)
    _, key = create_site(app, url="https://news.example")
    _, other = create_site(app, "other", url="https://other.example")
    body = {"comment": {"text": CIVIL}, "requestedAttributes": {"TOXICITY": {}}}
    with http_server(app) as base:
        served = Served(base=base, key=key)
        with served.client() as service:
            analyze(service, **body)
            analyze(service, **body)
            with pytest.raises(HttpError) as excinfo:
                analyze(service, **body)
        assert excinfo.value.status_code == 429
        error = error_of(excinfo)
        assert error["status"] == "RESOURCE_EXHAUSTED"
        assert error["message"].startswith("Quota exceeded")
        # Another site's key has its own budget.
        with Served(base=base, key=other).client() as service:
            assert analyze(service, **body)["attributeScores"]["TOXICITY"]
