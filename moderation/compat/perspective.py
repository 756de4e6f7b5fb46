"""Perspective-compatible API: ``comments:analyze`` and ``comments:suggestscore`` (v1alpha1).

Clients of Google's Perspective API (Coral among them, through its custom endpoint setting)
work unchanged: the site key goes in ``?key=``, requests and answers have Perspective's JSON
shape, and errors are Google-style ``{"error": {"code", "message", "status"}}``. ``SPAM`` is an
extra attribute beside Perspective's production ones.

``analyze`` stores nothing (so ``doNotStore`` always holds); ``suggestscore`` stores labels.

Google's client library (``googleapiclient.discovery.build("commentanalyzer", "v1alpha1", ...)``)
works unchanged too: its discovery document is served at both paths the library requests,
``/$discovery/rest?version=v1alpha1`` and ``/discovery/v1/apis/commentanalyzer/v1alpha1/rest``.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from moderation.compat import store
from moderation.compat.perspective_discovery import NAME, VERSION, discovery_document
from moderation.db import get_session
from moderation.services.sites import site_for_key
from moderation.tables import Site

log = logging.getLogger(__name__)

bp = Blueprint("compat_perspective", __name__)

# Perspective attribute name -> this service's score name.
ATTRIBUTES = {
    "TOXICITY": "toxicity",
    "SEVERE_TOXICITY": "severe_toxicity",
    "IDENTITY_ATTACK": "identity_attack",
    "INSULT": "insult",
    "PROFANITY": "profanity",
    "THREAT": "threat",
    "SPAM": "spam",
}
# The models are trained on English; other languages are refused as Perspective does.
LANGUAGES = ("en",)
MAX_TEXT_BYTES = 20 * 1024

_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "INVALID_ARGUMENT",
    413: "INVALID_ARGUMENT",
    415: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
}


class GoogleError(Exception):
    def __init__(self, message: str, code: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _error(code: int, message: str) -> Response:
    body = {"error": {"code": code, "message": message, "status": _STATUS.get(code, "UNKNOWN")}}
    response = jsonify(body)
    response.status_code = code
    return response


@bp.errorhandler(GoogleError)
def _google_error(error: GoogleError) -> Response:
    return _error(error.code, error.message)


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException) -> Response:
    return _error(error.code or 400, error.description or error.name)


def _site() -> Site:
    key = (request.args.get("key") or request.headers.get("X-Goog-Api-Key") or "").strip()
    if not key:
        raise GoogleError(
            "The request is missing a valid API key. Pass the site's key as ?key=.", 403
        )
    site = site_for_key(get_session(), key)
    if site is None:
        raise GoogleError("API key not valid. Please pass a valid API key.", 400)
    return site


def _body() -> dict[str, Any]:
    body = request.get_json(silent=True, force=True)
    if not isinstance(body, dict):
        raise GoogleError("Invalid JSON payload received: the body must be a JSON object.")
    return body


def _comment_text(body: dict[str, Any]) -> str:
    comment = body.get("comment")
    if not isinstance(comment, dict):
        raise GoogleError("comment must be an object with a text field.")
    kind = comment.get("type", "PLAIN_TEXT")
    if kind not in ("PLAIN_TEXT", None):
        raise GoogleError(f"Unsupported comment.type {kind!r}: only PLAIN_TEXT is supported.")
    text = comment.get("text")
    if text is not None and not isinstance(text, str):
        raise GoogleError("comment.text must be a string.")
    if not text or not text.strip():
        raise GoogleError("Comment must be non-empty.")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise GoogleError(
            f"Comment text too long: {len(text.encode('utf-8'))} bytes; the limit is "
            f"{MAX_TEXT_BYTES} bytes."
        )
    return text


def _languages(body: dict[str, Any], attributes: list[str]) -> list[str]:
    raw = body.get("languages")
    if raw is None or raw == []:
        return ["en"]
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise GoogleError("languages must be a list of language codes.")
    languages = [code.strip().lower().replace("_", "-") for code in raw]
    unsupported = [code for code in languages if code.split("-")[0] not in LANGUAGES]
    if unsupported:
        names = ", ".join(attributes) or "TOXICITY"
        raise GoogleError(
            f"Attribute {names.split(', ')[0]} does not support request languages: "
            f"{', '.join(unsupported)}. Supported: {', '.join(LANGUAGES)}."
        )
    return [code.split("-")[0] for code in languages]


def _requested(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    requested = body.get("requestedAttributes")
    if not isinstance(requested, dict) or not requested:
        raise GoogleError("requestedAttributes must name at least one attribute.")
    unknown = [name for name in requested if name not in ATTRIBUTES]
    if unknown:
        raise GoogleError(
            f"Unknown attribute: {unknown[0]}. Known attributes: {', '.join(ATTRIBUTES)}."
        )
    params: dict[str, dict[str, Any]] = {}
    for name, options in requested.items():
        options = options if isinstance(options, dict) else {}
        score_type = options.get("scoreType", "PROBABILITY")
        if score_type not in ("PROBABILITY", None, ""):
            raise GoogleError(f"Unsupported scoreType {score_type!r} for {name}.")
        threshold = options.get("scoreThreshold")
        if threshold is not None and (
            isinstance(threshold, bool)
            or not isinstance(threshold, int | float)
            or not 0 <= threshold <= 1
        ):
            raise GoogleError(f"scoreThreshold of {name} must be a number between 0 and 1.")
        params[name] = {"threshold": threshold}
    return params


def _probability(value: float) -> dict[str, Any]:
    return {"value": value, "type": "PROBABILITY"}


@bp.post("/v1alpha1/comments:analyze")
def analyze() -> Response:
    """Scores for the requested attributes, with span scores when ``spanAnnotations`` is set."""
    _site()
    body = _body()
    text = _comment_text(body)
    requested = _requested(body)
    languages = _languages(body, list(requested))
    want_spans = body.get("spanAnnotations") is True

    scored = store.score(store.Submission(content=text), spans=want_spans)
    chosen_spans: dict[str, list[dict[str, Any]]] = {}
    if want_spans:
        wanted = {ATTRIBUTES[name] for name in requested}
        spans = [span for span in scored.spans if span["attribute"] in wanted]
        for span, value in zip(spans, store.span_probabilities(text, spans), strict=True):
            chosen_spans.setdefault(span["attribute"], []).append(
                {"begin": span["begin"], "end": span["end"], "score": _probability(value)}
            )

    attribute_scores: dict[str, Any] = {}
    for name, options in requested.items():
        value = scored.scores.get(ATTRIBUTES[name], 0.0)
        threshold = options["threshold"]
        if threshold is not None and value < threshold:
            continue
        entry: dict[str, Any] = {}
        if want_spans:
            spans_out = sorted(chosen_spans.get(ATTRIBUTES[name], []), key=lambda s: s["begin"])
            # Perspective always covers the text; with no span standing out, the whole text is one.
            entry["spanScores"] = spans_out or [
                {"begin": 0, "end": len(text), "score": _probability(value)}
            ]
        entry["summaryScore"] = _probability(value)
        attribute_scores[name] = entry

    answer: dict[str, Any] = {
        "attributeScores": attribute_scores,
        "languages": languages,
        "detectedLanguages": languages,
    }
    if isinstance(body.get("clientToken"), str):
        answer["clientToken"] = body["clientToken"]
    return jsonify(answer)


@bp.route(
    "/v1alpha1/comments:analyze", methods=["GET", "PUT", "PATCH", "DELETE"], endpoint="analyze_405"
)
@bp.route(
    "/v1alpha1/comments:suggestscore",
    methods=["GET", "PUT", "PATCH", "DELETE"],
    endpoint="suggest_405",
)
def wrong_method() -> Response:
    """Only POST is defined; answered in Google's error shape rather than problem+json."""
    response = _error(405, f"Method {request.method} is not allowed; use POST.")
    response.headers["Allow"] = "POST"
    return response


# Keys Coral sends for a moderator's decision, besides attribute names.
_STATUS_LABELS = {"APPROVED": "acceptable", "ACCEPTED": "acceptable"}
_REJECTED_KEYS = ("REJECTED", "DELETED")


def _suggested_labels(scores: Any) -> list[str]:
    if not isinstance(scores, dict) or not scores:
        raise GoogleError("attributeScores must not be empty.")
    labels: list[str] = []
    for name, entry in scores.items():
        summary = entry.get("summaryScore") if isinstance(entry, dict) else None
        value = summary.get("value") if isinstance(summary, dict) else None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise GoogleError(f"attributeScores.{name}.summaryScore.value must be in [0, 1].")
        if name == "SPAM":
            labels.append("spam" if value >= 0.5 else "ham")
        elif name in ATTRIBUTES:
            labels.append("toxic" if value >= 0.5 else "acceptable")
        elif name in _STATUS_LABELS:
            labels.append(_STATUS_LABELS[name] if value >= 0.5 else "toxic")
        elif name in _REJECTED_KEYS:
            labels.append("toxic" if value >= 0.5 else "acceptable")
        else:
            raise GoogleError(f"Unknown attribute: {name}.")
    # One label per kind: "toxic" wins over "acceptable" when attributes disagree.
    chosen: list[str] = []
    for toxic, fine in (("spam", "ham"), ("toxic", "acceptable")):
        if toxic in labels:
            chosen.append(toxic)
        elif fine in labels:
            chosen.append(fine)
    return chosen


@bp.post("/v1alpha1/comments:suggestscore")
def suggest_score() -> Response:
    """Store the suggested scores as labels on the comment (recorded now if unknown)."""
    site = _site()
    body = _body()
    text = _comment_text(body)
    labels = _suggested_labels(body.get("attributeScores"))
    languages = _languages(body, [])
    token = body.get("clientToken")
    client_token = token if isinstance(token, str) else ""
    session = get_session()
    submission = store.Submission(content=text, external_id=client_token[:255]).cleaned()
    comment = store.find_comment(
        session, site=site, external_id=submission.external_id, contents=(submission.content,)
    )
    for label in labels:
        comment = store.record_label(
            session,
            site=site,
            comment=comment,
            submission=submission,
            label=label,
            source="perspective",
        )
    answer: dict[str, Any] = {"detectedLanguages": languages}
    if client_token:
        answer["clientToken"] = client_token
    return jsonify(answer)


def _discovery() -> Response:
    # The address the caller reached, as url_for(_external=True) builds it elsewhere: the Host
    # header, the WSGI scheme (gunicorn takes X-Forwarded-Proto from its forwarded_allow_ips)
    # and any SCRIPT_NAME prefix.
    return jsonify(discovery_document(request.url_root, ATTRIBUTES, LANGUAGES, MAX_TEXT_BYTES))


@bp.get("/$discovery/rest")
def discovery_rest() -> Response:
    """The discovery document where ``discoveryServiceUrl`` points (Perspective's samples).

    No key is needed, as for Google's: the library sends its developer key here too, unchecked.
    """
    version = request.args.get("version")
    if version != VERSION:
        raise GoogleError(f"No discovery document for version {version!r}; try {VERSION}.", 404)
    return _discovery()


@bp.get("/discovery/v1/apis/<api>/<version>/rest")
def discovery_v1(api: str, version: str) -> Response:
    """The same document at the path of the library's default discovery URL template."""
    if (api, version) != (NAME, VERSION):
        raise GoogleError(f"No discovery document for {api} {version}; try {NAME} {VERSION}.", 404)
    return _discovery()
