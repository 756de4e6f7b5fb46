"""Akismet comment-check latency under concurrent load, through a real HTTP server.

Usage: ``python bench/akismet_load.py [--requests 2000] [--concurrency 8] [--web-workers 2]
[--threads 4]``

Starts gunicorn (as ``moderation serve`` does) on a fresh SQLite database with the shipped
model, then sends comment-check requests from ``--concurrency`` threads, each with its own
PyPI ``akismet`` client pointed at the server, and prints p50/p95/p99 latency, throughput and
how many calls missed the client's default 1 s timeout. Each check is scored in the web process
and stored (comment, scores, decision) before the answer, as in production.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import akismet
import httpx

ROOT = Path(__file__).resolve().parent.parent

TEXTS = [
    "I think both sides should keep talking; the last ceasefire saved lives.",
    "Great article, thanks. The turnout figures in the second chart surprised me.",
    "BUY CHEAP VIAGRA NOW!!! Best online pharmacy, 90% off: http://bit.ly/cheap-pills "
    "http://cheap-meds.ru/buy Call +1-800-555-0199 today!",
    "You are a pathetic idiot and a worthless piece of garbage. Shut up, moron.",
    "The council voted 7-2 to fund the new bridge; construction starts in spring.",
    "Earn $5000 a week from home!!! Click here http://work-from-home.example now",
    "I disagree with the author about the tax plan, but the reporting is fair.",
]


class RedirectTransport(httpx.HTTPTransport):
    """Sends the akismet client's requests (always to rest.akismet.com) to ``base``."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = httpx.URL(base)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(
            scheme=self.base.scheme, host=self.base.host, port=self.base.port
        )
        request.headers["Host"] = self.base.netloc.decode("ascii")
        return super().handle_request(request)


def _setup(data_dir: Path, database_url: str | None) -> tuple[dict[str, str], str]:
    """Migrate a fresh database, activate the shipped model, create a site; env and key."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update(
        MODERATION_DATA_DIR=str(data_dir),
        MODERATION_LOG_LEVEL="WARNING",
        MODERATION_API_RATE_LIMIT="1000000 per minute",
        OMP_NUM_THREADS="1",
        OPENBLAS_NUM_THREADS="1",
    )
    if database_url:
        env["MODERATION_DATABASE_URL"] = database_url
    subprocess.run(
        [sys.executable, "-m", "moderation.cli", "setup"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    created = subprocess.run(
        [sys.executable, "-m", "moderation.cli", "sites", "create", "bench", "--json"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    # The key a WordPress site's Akismet plugin holds: the Akismet-format one.
    key: str = json.loads(created.stdout)["akismet_key"]
    return env, key


def _wait_up(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"server at {base} did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--database-url", default=None, help="An empty database (default: SQLite in a temp dir)."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="akismet-bench-") as tmp:
        env, key = _setup(Path(tmp), args.database_url)
        if not args.port:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                args.port = probe.getsockname()[1]
        base = f"http://127.0.0.1:{args.port}"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{args.port}",
                "--workers",
                str(args.web_workers),
                "--threads",
                str(args.threads),
                "--log-level",
                "warning",
                "moderation:create_app()",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            _wait_up(base)
            local = threading.local()

            def client() -> akismet.SyncClient:
                if not hasattr(local, "client"):
                    http = httpx.Client(
                        transport=RedirectTransport(base),
                        headers={"User-Agent": akismet.USER_AGENT},
                        timeout=10.0,
                    )
                    config = akismet.Config(key=key, url="https://bench.example")
                    local.client = akismet.SyncClient(config=config, http_client=http)
                return local.client  # type: ignore[no-any-return]

            rng = random.Random(args.seed)
            jobs = [(i, rng.choice(TEXTS)) for i in range(args.requests)]

            def check(job: tuple[int, str]) -> tuple[float, str]:
                number, text = job
                started = time.perf_counter()
                try:
                    answer = client().comment_check(
                        f"203.0.113.{number % 250}",
                        comment_content=f"{text} ({number})",
                        comment_author=f"Reader {number % 97}",
                        comment_type="comment",
                        permalink=f"https://bench.example/story-{number % 20}",
                    )
                    outcome = answer.name
                except akismet.AkismetError as error:
                    outcome = f"error:{type(error).__name__}"
                return time.perf_counter() - started, outcome

            # Warm every web worker (each loads the model once) before measuring.
            with ThreadPoolExecutor(args.concurrency) as pool:
                list(pool.map(check, [(i, TEXTS[0]) for i in range(args.web_workers * 8)]))
            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                results = list(pool.map(check, jobs))
            wall = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)

    latencies = sorted(seconds * 1000 for seconds, _ in results)
    outcomes: dict[str, int] = {}
    for _, outcome in results:
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    quantiles = statistics.quantiles(latencies, n=100)
    database = "PostgreSQL" if args.database_url else "SQLite"
    print(
        f"comment-check over HTTP (gunicorn {args.web_workers} workers x {args.threads} threads, "
        f"{database}), {args.requests} requests from {args.concurrency} concurrent clients"
    )
    print(f"  p50 {quantiles[49]:7.1f} ms")
    print(f"  p95 {quantiles[94]:7.1f} ms")
    print(f"  p99 {quantiles[98]:7.1f} ms")
    print(f"  max {latencies[-1]:7.1f} ms")
    print(f"  throughput {args.requests / wall:7.1f} checks/s")
    print(f"  over the client's 1 s timeout: {sum(1 for ms in latencies if ms >= 1000)}")
    print(f"  answers: {', '.join(f'{k}={v}' for k, v in sorted(outcomes.items()))}")
    errors = sum(n for outcome, n in outcomes.items() if outcome.startswith("error:"))
    if errors:
        raise SystemExit(f"{errors} of {args.requests} checks failed: these figures mean nothing")


if __name__ == "__main__":
    main()
