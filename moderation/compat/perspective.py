"""Perspective-compatible API: ``comments:analyze`` and ``comments:suggestscore`` (v1alpha1).

Clients of Google's Perspective API (Coral among them, through its custom endpoint setting)
work unchanged: the site key goes in ``?key=``, requests and answers have Perspective's JSON
shape, and errors are Google-style ``{"error": {"code", "message", "status"}}``. ``SPAM`` is an
extra attribute beside Perspective's production ones.

``analyze`` stores nothing (so ``doNotStore`` always holds); ``suggestscore`` stores labels.
Requests carry Perspective's fields (``context``, ``communityId``, ``sessionId``, ``clientToken``,
``doNotStore``, ``spanAnnotations``, per attribute ``scoreType`` and ``scoreThreshold``); an
unknown field is refused as Google's JSON parser refuses it. Without ``languages`` the comment
is scored in its detected language (:mod:`classifier.language`), or refused as Perspective refuses
a language it does not score; ``detectedLanguages`` is what detection found. The per-key quota
answers 429 ``RESOURCE_EXHAUSTED``.

Google's client library (``googleapiclient.discovery.build("commentanalyzer", "v1alpha1", ...)``)
works unchanged too: its discovery document is served at both paths the library requests,
``/$discovery/rest?version=v1alpha1`` and ``/discovery/v1/apis/commentanalyzer/v1alpha1/rest``.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from classifier.language import SUPPORTED_LANGUAGES, detect
from moderation.compat import store
from moderation.compat.perspective_discovery import (
    NAME,
    VERSION,
    discovery_document,
    message_fields,
)
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
# The languages the models score (classifier.language's one list): validation, detection and the
# discovery document all read it. Other languages are refused as Perspective refuses them.
LANGUAGES = SUPPORTED_LANGUAGES
MAX_TEXT_BYTES = 20 * 1024

# The fields of each request message, as Perspective's proto parser knows them: a name not here
# is refused (400 "Unknown name"), and proto field names (snake_case) are read as the JSON names.
# One list with the discovery document: the schemas it describes are the messages validated here.
_FIELDS = message_fields(ATTRIBUTES, LANGUAGES, MAX_TEXT_BYTES)

_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "INVALID_ARGUMENT",
    413: "INVALID_ARGUMENT",
    415: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
    503: "UNAVAILABLE",
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
    if error.code == 429:
        # Flask-Limiter's per-key budget (API_RATE_LIMIT), worded as Google words its quota.
        return _error(
            429,
            f"Quota exceeded for quota metric 'Analysis requests' and limit "
            f"'{error.description}' of this API key.",
        )
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


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _message(value: Any, kind: str, where: str) -> dict[str, Any]:
    """``value`` as message ``kind``: an object of known fields, proto names read as JSON names.

    Unknown names are refused as Google's JSON parser refuses them; a null field is absent.
    """
    if value is None:
        return {}
    if not isinstance(value, dict):
        at = f" at '{where}'" if where else ""
        raise GoogleError(f"Invalid JSON payload received. Expected an object for {kind}{at}.")
    known = _FIELDS[kind]
    fields: dict[str, Any] = {}
    for name, field in value.items():
        camel = _camel(name) if isinstance(name, str) else name
        if camel not in known:
            at = f" at '{where}'" if where else ""
            raise GoogleError(
                f'Invalid JSON payload received. Unknown name "{name}"{at}: Cannot find field.'
            )
        if field is not None:
            fields[camel] = field
    return fields


def _body(kind: str) -> dict[str, Any]:
    raw = request.get_json(silent=True, force=True)
    if not isinstance(raw, dict):
        raise GoogleError("Invalid JSON payload received: the body must be a JSON object.")
    body = _message(raw, kind, "")
    for name in ("clientToken", "sessionId", "communityId"):
        if name in body and not isinstance(body[name], str):
            raise GoogleError(f"Invalid value at '{name}' (TYPE_STRING): {body[name]!r}.")
    for name in ("doNotStore", "spanAnnotations"):
        if name in body and not isinstance(body[name], bool):
            raise GoogleError(f"Invalid value at '{name}' (TYPE_BOOL): {body[name]!r}.")
    _context(body.get("context"))
    return body


def _text_entry(value: Any, where: str, *, required: bool) -> str:
    entry = _message(value, "TextEntry", where)
    kind = entry.get("type", "PLAIN_TEXT")
    if kind != "PLAIN_TEXT":
        raise GoogleError(f"Unsupported {where}.type {kind!r}: only PLAIN_TEXT is supported.")
    text = entry.get("text")
    if text is not None and not isinstance(text, str):
        raise GoogleError(f"{where}.text must be a string.")
    if required and (not text or not text.strip()):
        raise GoogleError("Comment must be non-empty.")
    text = text or ""
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise GoogleError(
            f"{'Comment' if where == 'comment' else where} text too long: {size} bytes; the limit"
            f" is {MAX_TEXT_BYTES} bytes."
        )
    return text


def _context(value: Any) -> list[str]:
    """The texts of ``context`` (entries, or an article and the parent comment): checked, unused.

    Perspective's models do not read the context either; it is accepted so clients that send it
    (Coral does, with its comment's URL and ids) work.
    """
    context = _message(value, "Context", "context")
    texts: list[str] = []
    entries = context.get("entries", [])
    if not isinstance(entries, list):
        raise GoogleError("context.entries must be a list of text entries.")
    for i, entry in enumerate(entries):
        texts.append(_text_entry(entry, f"context.entries[{i}]", required=False))
    pair = _message(context.get("articleAndParentComment"), "ArticleAndParentComment", "context")
    for name in ("article", "parentComment"):
        if name in pair:
            where = f"context.articleAndParentComment.{name}"
            texts.append(_text_entry(pair[name], where, required=False))
    return texts


def _comment_text(body: dict[str, Any]) -> str:
    if not isinstance(body.get("comment"), dict):
        raise GoogleError("comment must be an object with a text field.")
    return _text_entry(body["comment"], "comment", required=True)


def _unsupported(attributes: list[str], languages: list[str]) -> GoogleError:
    # Perspective names the first requested attribute that cannot score the languages.
    name = attributes[0] if attributes else "TOXICITY"
    return GoogleError(
        f"Attribute {name} does not support request languages: {', '.join(languages)}. "
        f"Supported: {', '.join(LANGUAGES)}."
    )


def _languages(
    body: dict[str, Any], attributes: list[str], text: str, *, scoring: bool = True
) -> tuple[list[str], list[str]]:
    """(languages scored in, languages detected) of the request.

    With ``languages`` given, each must be supported and the text is scored in them (the
    detected language is still reported). Without, the text is scored in the detected language,
    or refused as Perspective refuses a language it does not score (when ``scoring``: a
    suggestion is stored whatever its language).
    """
    found = detect(text)
    detected = [found.language] if found.language else []
    raw = body.get("languages")
    if raw is None or raw == []:
        if scoring and not found.supported:
            raise _unsupported(attributes, detected)
        return [found.scoring_language], detected
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise GoogleError("languages must be a list of language codes.")
    languages = [code.strip().lower().replace("_", "-") for code in raw]
    unsupported = [code for code in languages if code.split("-")[0] not in LANGUAGES]
    if unsupported:
        raise _unsupported(attributes, unsupported)
    return [code.split("-")[0] for code in languages], detected


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
    for name, value in requested.items():
        options = _message(value, "AttributeParameters", f"requested_attributes[{name}]")
        score_type = options.get("scoreType", "PROBABILITY")
        if score_type not in ("PROBABILITY", "", "SCORE_TYPE_UNSPECIFIED"):
            raise GoogleError(
                f"Unsupported scoreType {score_type!r} for {name}: only PROBABILITY is supported."
            )
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
    site = _site()
    body = _body("AnalyzeCommentRequest")
    text = _comment_text(body)
    requested = _requested(body)
    languages, detected = _languages(body, list(requested), text)
    want_spans = body.get("spanAnnotations") is True
    # Nothing of the request is stored, with doNotStore or without (see the module docstring).

    scored = store.score(store.Submission(content=text), spans=want_spans, site=site)
    chosen_spans: dict[str, list[dict[str, Any]]] = {}
    if want_spans:
        wanted = {ATTRIBUTES[name] for name in requested}
        spans = [span for span in scored.spans if span["attribute"] in wanted]
        values = store.span_probabilities(text, spans, site=site)
        for span, value in zip(spans, values, strict=True):
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
        "detectedLanguages": detected,
    }
    if body.get("clientToken"):
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
    for name, raw in scores.items():
        entry = _message(raw, "AttributeScores", f"attribute_scores[{name}]")
        summary = _message(
            entry.get("summaryScore"), "Score", f"attribute_scores[{name}].summary_score"
        )
        spans = entry.get("spanScores", [])
        for i, span in enumerate(spans if isinstance(spans, list) else [spans]):
            where = f"attribute_scores[{name}].span_scores[{i}]"
            _message(_message(span, "SpanScore", where).get("score"), "Score", f"{where}.score")
        value = summary.get("value")
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
    body = _body("SuggestCommentScoreRequest")
    text = _comment_text(body)
    labels = _suggested_labels(body.get("attributeScores"))
    languages, detected = _languages(body, [], text, scoring=False)
    client_token = body.get("clientToken", "")
    session = get_session()
    # Stored with the language the request gave, else the one detected (none without letters).
    language = (languages[0] if body.get("languages") else "") or "".join(detected[:1])
    submission = store.Submission(
        content=text, external_id=client_token[:255], language=language
    ).cleaned()
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
    answer: dict[str, Any] = {"detectedLanguages": detected}
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
