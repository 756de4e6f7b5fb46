"""The discovery document of the Perspective-compatible API, for Google's client libraries.

``googleapiclient.discovery.build("commentanalyzer", "v1alpha1", developerKey=KEY,
discoveryServiceUrl=...)`` first fetches a description of the API in Google's discovery format
(``discovery#restDescription``) and builds its methods from it: the root URL, each method's path
and HTTP verb, its query parameters, and the request and response schemas. The document is
written here from that format and from the request handling in ``perspective.py``; it is built
per request because ``rootUrl`` is this service's own address as the caller reached it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

NAME = "commentanalyzer"
VERSION = "v1alpha1"


def _string(description: str, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **extra}


def _ref(name: str, description: str = "") -> dict[str, Any]:
    ref: dict[str, Any] = {"$ref": name}
    if description:
        ref["description"] = description
    return ref


def _languages(description: str) -> dict[str, Any]:
    return {"type": "array", "description": description, "items": {"type": "string"}}


def message_fields(
    attributes: Iterable[str], languages: Iterable[str], max_text_bytes: int
) -> dict[str, tuple[str, ...]]:
    """The fields of each message the document describes: what request validation accepts."""
    schemas = _schemas(list(attributes), list(languages), max_text_bytes)
    return {name: tuple(schema["properties"]) for name, schema in schemas.items()}


def _schemas(attributes: list[str], languages: list[str], max_text_bytes: int) -> dict[str, Any]:
    named = ", ".join(attributes)
    probability = {
        "type": "string",
        "description": "How the value is to be read; scores here are probabilities.",
        "enum": ["PROBABILITY"],
        "enumDescriptions": ["A probability in [0, 1] that the attribute applies."],
    }
    return {
        "TextEntry": {
            "id": "TextEntry",
            "type": "object",
            "description": "A piece of text to score.",
            "properties": {
                "text": _string(
                    f"The text, non-empty and at most {max_text_bytes} bytes of UTF-8."
                ),
                "type": {
                    "type": "string",
                    "description": "The kind of text; only plain text is read.",
                    "enum": ["PLAIN_TEXT"],
                    "enumDescriptions": ["Plain text, scored as it stands."],
                },
            },
        },
        "Context": {
            "id": "Context",
            "type": "object",
            "description": (
                "What the comment appeared with; checked and accepted, not read by the models "
                "(nor by Perspective's)."
            ),
            "properties": {
                "entries": {
                    "type": "array",
                    "description": "Texts around the comment.",
                    "items": _ref("TextEntry"),
                },
                "articleAndParentComment": _ref(
                    "ArticleAndParentComment", "The article and the comment replied to."
                ),
            },
        },
        "ArticleAndParentComment": {
            "id": "ArticleAndParentComment",
            "type": "object",
            "description": "The article a comment is on and the comment it replies to.",
            "properties": {
                "article": _ref("TextEntry", "The article."),
                "parentComment": _ref("TextEntry", "The comment replied to."),
            },
        },
        "AttributeParameters": {
            "id": "AttributeParameters",
            "type": "object",
            "description": "Options of one requested attribute.",
            "properties": {
                "scoreType": probability,
                "scoreThreshold": {
                    "type": "number",
                    "format": "float",
                    "description": (
                        "Between 0 and 1: the attribute is left out of the answer when its "
                        "summary score is lower."
                    ),
                },
            },
        },
        "Score": {
            "id": "Score",
            "type": "object",
            "description": "A score and how to read it.",
            "properties": {
                "value": {"type": "number", "format": "float", "description": "The score."},
                "type": probability,
            },
        },
        "SpanScore": {
            "id": "SpanScore",
            "type": "object",
            "description": "The score of one part of the text.",
            "properties": {
                "begin": {
                    "type": "integer",
                    "format": "int32",
                    "description": "Offset of the part's first character in the text.",
                },
                "end": {
                    "type": "integer",
                    "format": "int32",
                    "description": "Offset just past the part's last character.",
                },
                "score": _ref("Score", "The score of that part alone."),
            },
        },
        "AttributeScores": {
            "id": "AttributeScores",
            "type": "object",
            "description": "The scores of one attribute.",
            "properties": {
                "summaryScore": _ref("Score", "The score of the whole text."),
                "spanScores": {
                    "type": "array",
                    "description": "Scores of parts of the text, when spanAnnotations is set.",
                    "items": _ref("SpanScore"),
                },
            },
        },
        "AnalyzeCommentRequest": {
            "id": "AnalyzeCommentRequest",
            "type": "object",
            "description": "A text and the attributes to score it on.",
            "properties": {
                "comment": _ref("TextEntry", "The text to score."),
                "context": _ref("Context", "What the comment appeared with (not scored)."),
                "requestedAttributes": {
                    "type": "object",
                    "description": f"The attributes to score, by name: {named}.",
                    "additionalProperties": _ref("AttributeParameters"),
                },
                "languages": _languages(
                    f"Languages of the text (ISO 639-1 codes; supported: {', '.join(languages)})."
                    " Empty: the text is scored in its detected language, or refused when that"
                    " language is not supported."
                ),
                "spanAnnotations": {
                    "type": "boolean",
                    "description": "Also score parts of the text (spanScores).",
                },
                "doNotStore": {
                    "type": "boolean",
                    "description": "Accepted; analyze never stores the text, whatever it says.",
                },
                "clientToken": _string("Returned unchanged in the answer."),
                "sessionId": _string("An opaque identifier of the user's session; accepted."),
                "communityId": _string(
                    "An opaque identifier of the community the comment belongs to; accepted."
                ),
            },
        },
        "AnalyzeCommentResponse": {
            "id": "AnalyzeCommentResponse",
            "type": "object",
            "description": "The scores of the requested attributes.",
            "properties": {
                "attributeScores": {
                    "type": "object",
                    "description": "Scores by attribute name; any under its threshold is left out.",
                    "additionalProperties": _ref("AttributeScores"),
                },
                "languages": _languages("The languages the text was scored in."),
                "detectedLanguages": _languages(
                    "The language detected in the text (empty when it has no letters)."
                ),
                "clientToken": _string("The request's clientToken."),
            },
        },
        "SuggestCommentScoreRequest": {
            "id": "SuggestCommentScoreRequest",
            "type": "object",
            "description": "The scores a person would give a text, kept as labels.",
            "properties": {
                "comment": _ref("TextEntry", "The text the scores are for."),
                "attributeScores": {
                    "type": "object",
                    "description": (
                        f"Suggested summary scores by attribute name ({named}, or a moderator's"
                        " APPROVED, ACCEPTED, REJECTED or DELETED); a value of 0.5 or more means"
                        " it applies."
                    ),
                    "additionalProperties": _ref("AttributeScores"),
                },
                "context": _ref("Context", "What the comment appeared with."),
                "languages": _languages("Languages of the text."),
                "communityId": _string(
                    "An opaque identifier of the community the comment belongs to; accepted."
                ),
                "clientToken": _string(
                    "Identifies the comment (with the text) and is returned unchanged."
                ),
            },
        },
        "SuggestCommentScoreResponse": {
            "id": "SuggestCommentScoreResponse",
            "type": "object",
            "description": "The suggestion was stored.",
            "properties": {
                "detectedLanguages": _languages(
                    "The language detected in the text (empty when it has no letters)."
                ),
                "clientToken": _string("The request's clientToken."),
            },
        },
    }


def _method(name: str, description: str, request: str, response: str) -> dict[str, Any]:
    path = f"{VERSION}/comments:{name}"
    return {
        "id": f"{NAME}.comments.{name}",
        "path": path,
        "flatPath": path,
        "httpMethod": "POST",
        "description": description,
        "parameters": {},
        "parameterOrder": [],
        "request": {"$ref": request},
        "response": {"$ref": response},
    }


def discovery_document(
    root_url: str, attributes: Iterable[str], languages: Iterable[str], max_text_bytes: int
) -> dict[str, Any]:
    """The ``discovery#restDescription`` of ``comments.analyze`` and ``comments.suggestscore``.

    ``root_url`` ends with ``/``; the methods' paths are relative to it (``servicePath`` is empty).
    There is no batch endpoint, so the document names no ``batchPath``.
    """
    attributes, languages = list(attributes), list(languages)
    return {
        "kind": "discovery#restDescription",
        "discoveryVersion": "v1",
        "id": f"{NAME}:{VERSION}",
        "name": NAME,
        "version": VERSION,
        "title": "Comment moderation: Perspective-compatible comment analyzer",
        "description": (
            "Scores comments on Perspective's attributes with this service's models, and "
            "stores suggested scores as moderation labels."
        ),
        "protocol": "rest",
        "rootUrl": root_url,
        "servicePath": "",
        "baseUrl": root_url,
        "basePath": "/",
        "parameters": {
            "key": {
                "type": "string",
                "location": "query",
                "description": "The site's API key (or send it as the X-Goog-Api-Key header).",
            },
            "alt": {
                "type": "string",
                "location": "query",
                "description": "The answer's format; always JSON.",
                "default": "json",
                "enum": ["json"],
                "enumDescriptions": ["JSON"],
            },
        },
        "schemas": _schemas(attributes, languages, max_text_bytes),
        "resources": {
            "comments": {
                "methods": {
                    "analyze": _method(
                        "analyze",
                        "Scores a comment on the requested attributes; the text is not stored.",
                        "AnalyzeCommentRequest",
                        "AnalyzeCommentResponse",
                    ),
                    "suggestscore": _method(
                        "suggestscore",
                        "Stores the scores a person suggests for a comment as its labels.",
                        "SuggestCommentScoreRequest",
                        "SuggestCommentScoreResponse",
                    ),
                }
            }
        },
    }
