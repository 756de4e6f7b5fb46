"""The rate limiter fails open while its Redis is down: real HTTP, the test's own redis-server."""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import requests

from moderation.limits import STORAGE_TIMEOUT_SECONDS
from tests.builders import auth, create_site
from tests.conftest import AppFactory
from tests.processes import http_server
from tests.servers import RedisServer


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        if server.proc is not None and server.proc.poll() is None:
            os.kill(server.proc.pid, signal.SIGCONT)
        server.stop()


def limiter_keys(server: RedisServer) -> list[bytes]:
    return list(redis.Redis.from_url(server.url).scan_iter("LIMITS*"))


@pytest.mark.redis
def test_requests_answer_while_the_limiters_redis_is_down(
    make_app: AppFactory, own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Two web processes (two apps) share the test's Redis. Stopped (hanging), then killed, the
    Redis costs no answer a 500; started again, the processes count in it together again."""
    config = {"RATELIMIT_STORAGE_URL": own_redis.url, "API_RATE_LIMIT": "50 per minute"}
    first, second = make_app("sqlite", **config), make_app("sqlite", **config)
    _, key = create_site(first)
    caplog.set_level(logging.INFO, logger="flask-limiter")
    with http_server(first) as url_a, http_server(second) as url_b, requests.Session() as http:

        def get(base: str) -> requests.Response:
            return http.get(f"{base}/api/v1/comments", headers=auth(key), timeout=10)

        up = [get(url_a), get(url_b)]
        assert [r.status_code for r in up] == [200, 200]
        assert [r.headers["X-RateLimit-Remaining"] for r in up] == ["49", "48"]  # one count
        assert limiter_keys(own_redis)

        # A Redis that accepts connections and never answers holds one request, briefly.
        assert own_redis.proc is not None
        os.kill(own_redis.proc.pid, signal.SIGSTOP)
        started = time.monotonic()
        hanging = get(url_a)
        assert hanging.status_code == 200
        assert time.monotonic() - started < 4 * STORAGE_TIMEOUT_SECONDS + 1
        assert "falling back to in-memory storage" in caplog.text

        os.kill(own_redis.proc.pid, signal.SIGCONT)
        own_redis.stop()  # SIGKILL: a crash
        down = [get(base) for base in (url_a, url_b) * 5]
        assert [r.status_code for r in down] == [200] * 10

        own_redis.start()  # the same port, empty (nothing is saved)
        # Each process finds its storage again (Flask-Limiter checks it at growing intervals,
        # here a few seconds apart) and counts there again.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not limiter_keys(own_redis):
            assert get(url_a).status_code == 200
            time.sleep(0.5)
        assert limiter_keys(own_redis), "the limiter never wrote to Redis again"

        # Limits apply again, counted together in Redis. Each round sets a fresh limit of 3
        # for both processes: in memory each would count only its own 2 of the 4 requests.
        for window in range(1, 60):
            first.config["API_RATE_LIMIT"] = f"3 per {window} minute"
            second.config["API_RATE_LIMIT"] = first.config["API_RATE_LIMIT"]
            answers = [get(url_a), get(url_b), get(url_a), get(url_b)]
            codes = [r.status_code for r in answers]
            assert 500 not in codes
            if codes == [200, 200, 200, 429]:
                break
            time.sleep(1)  # the second process has not found its storage again yet
        assert codes == [200, 200, 200, 429]
        assert answers[3].headers["Content-Type"].startswith("application/problem+json")
    assert "Rate limit storage recovered" in caplog.text
