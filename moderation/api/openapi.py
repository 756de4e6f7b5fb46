"""The OpenAPI 3.1 document of the native API, built from the pydantic schemas."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify
from pydantic.json_schema import models_json_schema

from moderation.api.feedback import FeedbackIn
from moderation.api.reports import ReportIn
from moderation.api.schemas import Accepted, CommentIn, CommentOut, CommentPage, ProblemOut
from moderation.enums import CommentStatus

bp = Blueprint("api_openapi", __name__)

_PROBLEM = {"$ref": "#/components/schemas/ProblemOut"}


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": _PROBLEM}},
    }


def _json(ref: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


def _query(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema}


def _path_id() -> dict[str, Any]:
    return {"name": "comment_id", "in": "path", "required": True, "schema": {"type": "string"}}


def _body(ref: str) -> dict[str, Any]:
    return {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


def build_document() -> dict[str, Any]:
    _, schemas = models_json_schema(
        [
            (CommentIn, "validation"),
            (CommentOut, "serialization"),
            (Accepted, "serialization"),
            (CommentPage, "serialization"),
            (ProblemOut, "serialization"),
            (ReportIn, "validation"),
            (FeedbackIn, "validation"),
        ],
        ref_template="#/components/schemas/{model}",
    )
    # Every operation: a malformed request (a NUL or control character in the URL, a bad query
    # parameter, a body that is not JSON of the expected shape or whose chunked encoding is
    # broken), a missing key, the rate limit, a database restarting (moderation/request_guard.py).
    common = {
        "400": _problem("Malformed request: URL, query parameters, JSON or body encoding"),
        "401": _problem("Missing or unknown API key"),
        "429": _problem("Too many requests"),
        "503": _problem("A dependency is not answering; retry after Retry-After seconds"),
    }
    with_body = {"413": _problem("Body too large"), **common}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Comment moderation API",
            "version": "1",
            "description": "Submit reader comments for moderation and read the decisions.",
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"siteKey": []}],
        "paths": {
            "/comments": {
                "post": {
                    "summary": "Submit a comment for moderation",
                    "parameters": [
                        {
                            "name": "wait",
                            "in": "query",
                            "required": False,
                            "description": "Milliseconds (at most 5000) to wait for the decision.",
                            "schema": {"type": "integer", "minimum": 0, "maximum": 5000},
                        }
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/CommentIn"}
                            }
                        },
                    },
                    "responses": {
                        "200": _json("CommentOut", "Decided within the wait, or already known"),
                        "202": _json("Accepted", "Accepted; being scored"),
                        "403": _problem("Comments are closed on the article"),
                        "409": _problem("A duplicate of a recent comment"),
                        "422": _problem("Empty content or a field over its limit"),
                        **with_body,
                    },
                },
                "get": {
                    "summary": "List the site's comments, newest first",
                    "parameters": [
                        {
                            "name": "status",
                            "in": "query",
                            "schema": {
                                "type": "string",
                                "enum": [status.value for status in CommentStatus],
                            },
                        },
                        {"name": "article_id", "in": "query", "schema": {"type": "string"}},
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 100,
                                "default": 50,
                            },
                        },
                        {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": {
                        "200": _json("CommentPage", "A page of comments"),
                        **common,
                        "400": _problem("Bad filter or cursor, or a malformed request"),
                    },
                },
            },
            "/comments/{comment_id}/reports": {
                "post": {
                    "summary": "Forward a reader's report of a published comment",
                    "parameters": [_path_id()],
                    "requestBody": _body("ReportIn"),
                    "responses": {
                        "201": {"description": "Recorded; says whether it is now in Reported"},
                        "404": _problem("No such comment on this site"),
                        "409": _problem("This reader already reported this comment"),
                        "422": _problem("Empty or over-long reason or reporter id"),
                        **with_body,
                    },
                }
            },
            "/comments/{comment_id}/feedback": {
                "post": {
                    "summary": "Label a comment (spam, ham, toxic, acceptable) for retraining",
                    "description": "The label gives the comment its status and overrides the "
                    "model for it; the latest label of a comment wins, and sending the same "
                    "label again changes nothing. It teaches this site's model only. A site "
                    "may send LABELS_PER_SITE_PER_HOUR labels an hour (429 beyond).",
                    "parameters": [_path_id()],
                    "requestBody": _body("FeedbackIn"),
                    "responses": {
                        "200": _json("CommentOut", "The comment with its new status"),
                        "404": _problem("No such comment on this site"),
                        "422": _problem("Unknown label, or an actor over 200 characters"),
                        **with_body,
                    },
                }
            },
            "/comments/{comment_id}": {
                "get": {
                    "summary": "One comment with its scores, reasons and decision",
                    "parameters": [
                        {
                            "name": "comment_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": _json("CommentOut", "The comment"),
                        "404": _problem("No such comment on this site"),
                        **common,
                    },
                }
            },
        },
        "components": {
            "schemas": schemas.get("$defs", {}),
            "securitySchemes": {"siteKey": {"type": "http", "scheme": "bearer"}},
        },
    }


@bp.get("/openapi.json")
def openapi_document() -> Response:
    return jsonify(build_document())
