"""The production web server (gunicorn with moderation/server.py) under slow clients and waits.

Served for real: gunicorn's gevent worker in its own processes, over TCP, as `moderation serve`
and the README's production line run it.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from moderation.server import READ_TIMEOUT_SECONDS
from tests.builders import comment_payload, free_port
from tests.compat.wordpress import moderation_cli, service_config
from tests.conftest import Databases
from tests.processes import env_for, gunicorn_command, served

pytestmark = pytest.mark.integration


@dataclass
class Web:
    base: str
    port: int
    keys: dict[str, str]
    log: Path


@contextmanager
def _served(
    databases: Databases, model_dir: Path, tmp_path: Path, **settings: str
) -> Iterator[Web]:
    """gunicorn alone (no scoring worker, so comments stay pending), two sites."""
    config = service_config(tmp_path, databases.sqlite(), model_dir)
    keys: dict[str, str] = {}
    for name in ("waiter", "other"):
        out = moderation_cli(config, "sites", "create", name, "--url", f"https://{name}.example")
        keys[name] = next(
            word for line in out.splitlines() for word in line.split() if word.startswith("mk_")
        )
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = env_for(config) | {f"MODERATION_{name}": value for name, value in settings.items()}
    base = f"http://127.0.0.1:{port}"
    with served(gunicorn_command(port), env, log, port):
        # Both processes load their model: warm each with a scored request.
        for _ in range(4):
            requests.post(
                f"{base}/v1alpha1/comments:analyze",
                headers={"X-Goog-Api-Key": keys["other"]},
                json={"comment": {"text": "warm up"}, "requestedAttributes": {"TOXICITY": {}}},
                timeout=60,
            )
        yield Web(base=base, port=port, keys=keys, log=log)


@pytest.fixture
def web(databases: Databases, model_dir: Path, tmp_path: Path) -> Iterator[Web]:
    with _served(databases, model_dir, tmp_path) as running:
        yield running


def _timed(call: Any) -> tuple[float, Any]:
    started = time.monotonic()
    result = call()
    return time.monotonic() - started, result


def test_healthz_and_other_requests_answer_while_100_clients_are_slow(web: Web) -> None:
    parked: list[socket.socket] = []
    for i in range(100):
        sock = socket.create_connection(("127.0.0.1", web.port), timeout=5)
        if i % 2:
            # A body announced and never sent: 5 bytes of 1,000.
            sock.sendall(
                b"POST /api/v1/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Authorization: Bearer " + web.keys["waiter"].encode() + b"\r\n"
                b'Content-Length: 1000\r\n\r\n{"art'
            )
        else:
            # Headers that stop half way.
            sock.sendall(b"GET /api/v1/comments HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        parked.append(sock)
    try:
        for _ in range(10):
            elapsed, answer = _timed(lambda: requests.get(f"{web.base}/healthz", timeout=5))
            assert answer.status_code == 200
            assert elapsed < 1.0, f"/healthz took {elapsed:.2f}s with 100 slow clients"
        elapsed, submitted = _timed(
            lambda: requests.post(
                f"{web.base}/api/v1/comments",
                json=comment_payload(),
                headers={"Authorization": f"Bearer {web.keys['other']}"},
                timeout=5,
            )
        )
        assert submitted.status_code == 202 and elapsed < 1.0
        elapsed, checked = _timed(
            lambda: requests.post(
                f"{web.base}/1.1/comment-check",
                data={
                    "api_key": web.keys["other"],
                    "blog": "https://other.example",
                    "user_ip": "203.0.113.5",
                    "comment_content": "Thanks for covering the council meeting.",
                },
                timeout=5,
            )
        )
        assert checked.status_code == 200 and checked.text == "false" and elapsed < 1.0

        # The parked body is given up after READ_TIMEOUT_SECONDS: answered (400, as werkzeug
        # answers a body cut short) and its connection freed.
        time.sleep(READ_TIMEOUT_SECONDS + 1)
        sock = parked[1]
        sock.settimeout(5)
        answer_bytes = sock.recv(4096)
        assert answer_bytes.startswith(b"HTTP/1.1 400"), answer_bytes[:200]
        assert b"application/problem+json" in answer_bytes
    finally:
        for sock in parked:
            sock.close()
    written = web.log.read_text(errors="replace")
    assert "Internal server error" not in written and " 500 " not in written


def test_one_key_holding_its_waits_does_not_delay_another_site(web: Web) -> None:
    waiter = {"Authorization": f"Bearer {web.keys['waiter']}"}

    def wait_for_decision(i: int) -> tuple[float, int]:
        elapsed, answer = _timed(
            lambda: requests.post(
                f"{web.base}/api/v1/comments?wait=5000",
                json=comment_payload(
                    content=f"Comment number {i} on the ceasefire talks.",
                    external_id=f"w-{i}",
                    # 50 readers, so that flood control lets every comment in.
                    author={"id": f"reader-{i}", "name": f"Reader {i}", "ip": f"198.51.100.{i}"},
                ),
                headers=waiter,
                timeout=30,
            )
        )
        return elapsed, answer.status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        waits = [pool.submit(wait_for_decision, i) for i in range(50)]
        time.sleep(1.0)  # every wait has arrived; the capped ones are still waiting
        for _ in range(5):
            elapsed, listed = _timed(
                lambda: requests.get(
                    f"{web.base}/api/v1/comments?limit=1",
                    headers={"Authorization": f"Bearer {web.keys['other']}"},
                    timeout=10,
                )
            )
            assert listed.status_code == 200
            assert elapsed < 1.0, f"another site waited {elapsed:.2f}s"
        results = [future.result() for future in waits]
    # No scoring worker runs: every comment stays pending and every answer is 202. At most
    # WAIT_MAX_PER_SITE (4) per web process waited the full 5 s; the others were answered at once.
    assert {status for _elapsed, status in results} == {202}
    waited = [elapsed for elapsed, _status in results if elapsed >= 4.5]
    assert 1 <= len(waited) <= 2 * 4, waited
    assert sum(1 for elapsed, _status in results if elapsed < 2.0) >= 50 - 8


def test_synchronous_scoring_over_its_budget_answers_503_not_a_stalled_worker(
    databases: Databases, model_dir: Path, tmp_path: Path
) -> None:
    # A budget no comment of 60,000 characters can meet on this machine.
    with _served(databases, model_dir, tmp_path, SYNC_SCORE_BUDGET_SECONDS="0.15") as running:
        form = {
            "api_key": running.keys["other"],
            "blog": "https://other.example",
            "user_ip": "203.0.113.5",
        }
        long_text = "The council should publish the minutes of every meeting. " * 1000
        answer = requests.post(
            f"{running.base}/1.1/comment-check",
            data=form | {"comment_content": long_text[:60_000]},
            timeout=30,
        )
        assert answer.status_code == 503
        assert answer.text == "invalid"
        assert answer.headers["Retry-After"] == "5"
        # A short comment fits the budget, and the process still answers.
        shorts = [
            requests.post(
                f"{running.base}/1.1/comment-check",
                data=form | {"comment_content": "Thanks for the clear report."},
                timeout=30,
            )
            for _ in range(6)
        ]
        assert [(a.status_code, a.text) for a in shorts[-3:]] == [(200, "false")] * 3
        assert requests.get(f"{running.base}/healthz", timeout=5).status_code == 200


def test_every_scoring_api_refuses_text_over_the_native_limit(web: Web) -> None:
    too_long = "a" * 65_526
    akismet = requests.post(
        f"{web.base}/1.1/comment-check",
        data={
            "api_key": web.keys["other"],
            "blog": "https://other.example",
            "user_ip": "203.0.113.5",
            "comment_content": too_long,
        },
        timeout=30,
    )
    assert akismet.status_code == 422 and akismet.text == "invalid"
    assert "65525" in akismet.headers["X-akismet-debug-help"]
    native = requests.post(
        f"{web.base}/api/v1/comments",
        json=comment_payload(content=too_long),
        headers={"Authorization": f"Bearer {web.keys['other']}"},
        timeout=30,
    )
    assert native.status_code == 422
    perspective = requests.post(
        f"{web.base}/v1alpha1/comments:analyze",
        headers={"X-Goog-Api-Key": web.keys["other"]},
        json={"comment": {"text": too_long}, "requestedAttributes": {"TOXICITY": {}}},
        timeout=30,
    )
    assert perspective.status_code == 400
