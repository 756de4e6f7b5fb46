"""Submission idempotency: the same (site, external_id) returns the stored comment, before flood
control and the duplicate check run, also for concurrent requests over real HTTP."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import requests
from flask import Flask
from sqlalchemy import func, select

from moderation.db import get_db
from moderation.tables import Comment
from tests.builders import auth, comment_payload, create_site
from tests.conftest import AppFactory
from tests.processes import http_server

THREADS = 8


def at_once(base: str, key: str, payloads: list[dict[str, Any]]) -> list[requests.Response]:
    """POST every payload at the same moment, each from its own thread and connection."""
    barrier = threading.Barrier(len(payloads))

    def submit(payload: dict[str, Any]) -> requests.Response:
        with requests.Session() as http:
            # Connect first, so the requests leave together.
            http.get(f"{base}/healthz", timeout=30)
            barrier.wait(timeout=30)
            return http.post(f"{base}/api/v1/comments", json=payload, headers=auth(key), timeout=60)

    with ThreadPoolExecutor(len(payloads)) as pool:
        return list(pool.map(submit, payloads))


def stored(app: Flask, **where: Any) -> int:
    with get_db(app).session() as session:
        query = select(func.count()).select_from(Comment).filter_by(**where)
        return int(session.scalar(query) or 0)


def test_concurrent_submissions_of_one_external_id_get_the_stored_comment(
    make_app: AppFactory, db_kind: str
) -> None:
    app = make_app(db_kind, ENQUEUE=False)
    _, key = create_site(app)
    with http_server(app) as base:
        for round_ in range(4):
            external_id = f"wp-{round_}"
            payload = comment_payload(
                external_id=external_id, content=f"Talks should go on, round {round_}."
            )
            answers = at_once(base, key, [payload] * THREADS)
            assert [a.status_code for a in answers] == [202] * THREADS, [
                a.text for a in answers if a.status_code != 202
            ]
            assert len({a.json()["id"] for a in answers}) == 1
            assert stored(app, external_id=external_id) == 1
            # A later repeat (flood control would refuse this author now) gives the same answer.
            again = requests.post(
                f"{base}/api/v1/comments", json=payload, headers=auth(key), timeout=30
            )
            assert (again.status_code, again.json()["id"]) == (202, answers[0].json()["id"])
            # Flood control still holds for a new comment of the same author.
            other = comment_payload(external_id=f"{external_id}-b", content="Something new.")
            refused = requests.post(
                f"{base}/api/v1/comments", json=other, headers=auth(key), timeout=30
            )
            assert refused.status_code == 429
            # The next round's author must not be held by this round's flood window.
            _age_comments(app)


def _age_comments(app: Flask) -> None:
    """Move every comment a day into the past, out of the flood window."""
    with get_db(app).session() as session:
        for comment in session.scalars(select(Comment)):
            comment.created_at = comment.created_at - timedelta(days=1)
        session.commit()
