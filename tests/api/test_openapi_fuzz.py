"""Schema-driven fuzzing of the native API from its own OpenAPI document (schemathesis).

Every operation of ``/api/v1/openapi.json`` gets generated requests, valid ones (positive) and
ones that break the schema (negative), sent with a real site key on SQLite and PostgreSQL.
No answer may be a 5xx; every answer must have a status the document lists, its content type,
and (for valid requests) a body matching the document's schema. Seeded (``derandomize``) and
bounded (``EXAMPLES`` per operation and mode) so a run is repeatable and short.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.builders import auth, comment_payload, create_site
from tests.conftest import AppFactory

#: Generated requests per operation and mode: 5 operations x 2 modes x 2 databases.
EXAMPLES = 80

POSITIVE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# A request that breaks the schema is refused with a problem body; its shape is still checked.
NEGATIVE_CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


@pytest.fixture
def fuzzed_app(make_app: AppFactory, db_kind: str) -> Flask:
    # Rate limits and flood control stay as configured; the budget is generous for the run.
    return make_app(db_kind, API_RATE_LIMIT="100000 per minute")


def _operations(schema: Any) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_openapi_document_fuzz(fuzzed_app: Flask, mode: GenerationMode) -> None:
    app = fuzzed_app
    _, key = create_site(app)
    client = app.test_client()
    made = client.post("/api/v1/comments", json=comment_payload(), headers=auth(key))
    assert made.status_code == 202
    known_id = made.get_json()["id"]
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = _operations(schema)
    assert {op.label for op in operations} == {
        "POST /comments",
        "GET /comments",
        "GET /comments/{comment_id}",
        "POST /comments/{comment_id}/reports",
        "POST /comments/{comment_id}/feedback",
    }
    checks = POSITIVE_CHECKS if mode == GenerationMode.POSITIVE else NEGATIVE_CHECKS
    statuses: dict[str, set[int]] = {}

    def fuzzer(operation: Any) -> Any:
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            print_blob=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode), existing=st.booleans())
        def fuzz(case: Any, existing: bool) -> None:
            if existing and "comment_id" in (case.path_parameters or {}):
                case.path_parameters["comment_id"] = known_id  # a comment that exists, too
            wait = (case.query or {}).get("wait")
            if isinstance(wait, int) and not isinstance(wait, bool) and 0 <= wait <= 5000:
                case.query["wait"] = wait % 20  # no worker runs: a long wait only costs time
            headers = auth(key)
            response = case.call(headers=headers)
            statuses.setdefault(operation.label, set()).add(response.status_code)
            case.validate_response(response, checks=checks, headers=headers)

        return fuzz

    for operation in operations:
        fuzzer(operation)()
    # The fuzzer reached past validation somewhere: not every answer was a refusal.
    assert any(code < 400 for codes in statuses.values() for code in codes), statuses
