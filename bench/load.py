"""Load benchmark: what the service accepts and decides per second, and how long a decision takes.

Usage::

    python bench/load.py                      # production: gunicorn, Celery, PostgreSQL, Redis
    python bench/load.py --encoder-mode band  # the language-model stage only where unsure
    python bench/load.py --embedded           # `moderation serve` on a fresh data directory
    python bench/load.py profile              # cProfile of one request and one scoring task

The production run starts everything itself: its own ``redis-server`` on a free port (or, with
``--redis-url``, a Redis database you give), a PostgreSQL database it creates and drops
(``--postgres-url`` names the server, as the tests do), ``moderation setup``, gunicorn with the
production settings (``moderation/server.py``, ``--web-workers`` processes) and a scoring worker
(``--worker-processes``). It then measures, in this order:

1. **bare Flask**: a JSON endpoint with no database under the same gunicorn settings, closed loop
   (``--connections`` requests in flight) for ``--seconds`` seconds: the ceiling of the stack;
2. **ingest**: ``POST /api/v1/comments`` closed loop, with no worker running: accepted per second
   and the answer times;
3. **worker**: the scoring worker started on that backlog: decisions per second, from the
   service's own ``decided_at`` timestamps;
4. **open loop**: comments sent at fixed rates (``--rates``; each sent at its scheduled time,
   whatever the answers before it, so queueing shows in the figures) for ``--seconds`` each,
   stepping up until a rate is not sustained: POST answer times and submit-to-decision times
   (``decided_at - created_at`` as the service stored them), p50/p95/p99.

A rate is **sustained** when every comment was accepted, the answers came at the offered rate,
POST p99 stayed under 1 s and every comment was decided within 5 s of its submission (p99 under
2 s).

The client is one asyncio process speaking HTTP/1.1 on kept-alive connections; it shares the
machine's cores with the service, as a test client on the same machine does.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

POSTGRES_ADMIN_URL = os.environ.get(
    "MODERATION_TEST_POSTGRES_URL", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
)

TEXTS = [
    "I think both sides should keep talking; the last ceasefire saved lives.",
    "Great article, thanks. The turnout figures in the second chart surprised me.",
    "The council voted 7-2 to fund the new bridge; construction starts in spring.",
    "I disagree with the author about the tax plan, but the reporting is fair.",
    "You are a pathetic idiot and a worthless piece of garbage. Shut up, moron.",
    "Earn $5000 a week from home!!! Click here http://work-from-home.example now",
]


def bare_app() -> Any:
    """The bare Flask JSON endpoint gunicorn serves for the ceiling (``bench.load:bare_app()``)."""
    from flask import Flask, jsonify, request

    app = Flask("bare")

    @app.get("/healthz")
    def healthz() -> Any:
        return jsonify({"status": "ok"})

    @app.post("/echo")
    def echo() -> Any:
        body = request.get_json()
        return jsonify({"id": uuid.uuid4().hex, "status": "pending", "n": len(body)}), 202

    return app


# --- a small HTTP/1.1 client --------------------------------------------------------------------


class Connection:
    """One kept-alive HTTP/1.1 connection (requests are prebuilt bytes; bodies are JSON)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def request(self, data: bytes) -> tuple[int, bytes, bool]:
        self.writer.write(data)
        line = await self.reader.readline()
        if not line:
            raise ConnectionError("closed")
        status = int(line.split()[1])
        length, close = 0, False
        while True:
            header = await self.reader.readline()
            if header in (b"\r\n", b""):
                break
            name, _, value = header.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection" and value.strip().lower() == b"close":
                close = True
        body = await self.reader.readexactly(length) if length else b""
        return status, body, close

    def close(self) -> None:
        self.writer.close()


def http_request(method: str, path: str, body: bytes, headers: dict[str, str]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: bench", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass
class Outcome:
    sent: int = 0
    codes: dict[int, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)  # from the scheduled send time
    errors: int = 0
    elapsed: float = 0.0
    ids: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.codes.get(202, 0) + self.codes.get(200, 0)


class Client:
    def __init__(self, host: str, port: int, max_connections: int = 512) -> None:
        self.host, self.port = host, port
        self.idle: list[Connection] = []
        self.limit = asyncio.Semaphore(max_connections)
        self.collect_ids = True

    async def send(self, data: bytes, outcome: Outcome, scheduled: float) -> None:
        async with self.limit:
            conn = self.idle.pop() if self.idle else None
            for attempt in (1, 2):
                try:
                    if conn is None:
                        conn = await Connection.open(self.host, self.port)
                    status, body, close = await conn.request(data)
                    break
                except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError):
                    if conn is not None:
                        conn.close()
                        conn = None
                    # A kept-alive connection the server had closed: once more on a new one.
                    if attempt == 2:
                        outcome.errors += 1
                        return
            outcome.latencies.append(time.perf_counter() - scheduled)
            outcome.codes[status] = outcome.codes.get(status, 0) + 1
            if status in (200, 202) and self.collect_ids:
                with contextlib.suppress(ValueError, KeyError):
                    outcome.ids.append(json.loads(body)["id"])
            assert conn is not None
            if close:
                conn.close()
            else:
                self.idle.append(conn)

    def close(self) -> None:
        for conn in self.idle:
            conn.close()
        self.idle.clear()


async def open_loop(
    client: Client, make: Callable[[int], bytes], rate: float, seconds: float
) -> Outcome:
    """Send ``rate * seconds`` requests, the i-th at start + i/rate, whatever came back before."""
    outcome = Outcome()
    count = int(rate * seconds)
    tasks = []
    start = time.perf_counter() + 0.05
    for index in range(count):
        scheduled = start + index / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.ensure_future(client.send(make(index), outcome, scheduled)))
        outcome.sent += 1
    await asyncio.gather(*tasks)
    outcome.elapsed = time.perf_counter() - start
    return outcome


async def closed_loop(
    client: Client, make: Callable[[int], bytes], connections: int, seconds: float
) -> Outcome:
    """``connections`` requests in flight at all times for ``seconds`` seconds."""
    outcome = Outcome()
    counter = iter(range(10**9))
    start = time.perf_counter()
    end = start + seconds

    async def loop() -> None:
        while time.perf_counter() < end:
            outcome.sent += 1
            await client.send(make(next(counter)), outcome, time.perf_counter())

    await asyncio.gather(*(loop() for _ in range(connections)))
    outcome.elapsed = time.perf_counter() - start
    return outcome


def comment_request(key: str, tag: str) -> Callable[[int], bytes]:
    def make(index: int) -> bytes:
        body = json.dumps(
            {
                "article": {
                    "id": f"article-{index % 50}",
                    "url": f"https://news.example/{index % 50}",
                    "title": "Council votes on the bridge",
                },
                "author": {"id": f"{tag}-{index}", "name": f"Reader {index}", "ip": "203.0.113.7"},
                "content": f"{TEXTS[index % len(TEXTS)]} ({tag} #{index})",
                "external_id": f"{tag}-{index}",
            }
        ).encode()
        return http_request(
            "POST",
            "/api/v1/comments",
            body,
            {"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        )

    return make


def bare_request(index: int) -> bytes:
    body = json.dumps({"content": f"{TEXTS[index % len(TEXTS)]} #{index}"}).encode()
    return http_request("POST", "/echo", body, {"Content-Type": "application/json"})


# --- figures --------------------------------------------------------------------------------------


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": float("nan"), "p95": float("nan"), "p99": float("nan")}
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {"p50": statistics.median(ordered), "p95": at(0.95), "p99": at(0.99)}


def ms(values: dict[str, float]) -> str:
    return " ".join(f"{name} {value * 1000:.0f}" for name, value in values.items()) + " ms"


class Timestamps:
    """The service's own ``created_at`` / ``decided_at`` of the benchmark's comments."""

    def __init__(self, database_url: str) -> None:
        from sqlalchemy import create_engine

        self.engine = create_engine(database_url)

    def of(self, ids: list[str]) -> list[tuple[Any, Any]]:
        from sqlalchemy import select

        from moderation.tables import Comment

        rows: list[tuple[Any, Any]] = []
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                query = select(Comment.created_at, Comment.decided_at).where(Comment.id.in_(chunk))
                rows += [(r.created_at, r.decided_at) for r in conn.execute(query)]
        return rows

    def wait_decided(self, ids: list[str], timeout: float) -> list[tuple[Any, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            rows = self.of(ids)
            if all(decided is not None for _created, decided in rows) or (
                time.monotonic() > deadline
            ):
                return rows
            time.sleep(0.25)


def decision_waits(rows: list[tuple[Any, Any]]) -> list[float]:
    return [(decided - created).total_seconds() for created, decided in rows if decided]


# --- processes ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def process(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[Any]]:
    with log.open("ab") as out:
        proc = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def wait_http(port: int, path: str, timeout: float = 90) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}{path}", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"http://127.0.0.1:{port}{path} did not answer 200 in {timeout:g} s")


def gunicorn(app: str, port: int, workers: int, threads: int = 0) -> list[str]:
    """gunicorn as `moderation serve` runs it, or with ``threads`` threads per process."""
    command = [sys.executable, "-m", "gunicorn"]
    if threads:
        command += ["--threads", str(threads), "--access-logfile", "-"]
    elif importlib.util.find_spec("moderation.server") is not None:
        command += ["--config", "python:moderation.server"]  # what `moderation serve` runs
    else:
        command += ["--threads", "4"]
    return [*command, "--bind", f"127.0.0.1:{port}", "--workers", str(workers), app]


@contextlib.contextmanager
def redis_server(url: str | None, tmp: Path) -> Iterator[str]:
    if url:
        yield url
        return
    port = free_port()
    command = ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"]
    with process(command, dict(os.environ), tmp / "redis.log"):
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            if time.monotonic() > deadline:
                raise SystemExit("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}"


@contextlib.contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"bench_load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def workdir(prefix: str, keep: bool) -> Iterator[Path]:
    """A temporary directory for the data and the logs; with ``keep``, left there and named."""
    if keep:
        path = Path(tempfile.mkdtemp(prefix=prefix))
        print(f"data and logs in {path}", flush=True)
        yield path
        return
    with tempfile.TemporaryDirectory(prefix=prefix) as name:
        yield Path(name)


def base_env(data_dir: Path, encoder_mode: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update(
        MODERATION_DATA_DIR=str(data_dir),
        MODERATION_LOG_LEVEL="WARNING",
        MODERATION_API_RATE_LIMIT="100000000 per minute",
        MODERATION_ENCODER_MODE=encoder_mode,
        PYTHONUNBUFFERED="1",
    )
    if "BENCH_MODEL_DIR" in os.environ:  # a registry to reuse between runs
        env["MODERATION_MODEL_DIR"] = os.environ["BENCH_MODEL_DIR"]
    return env


def cli(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "moderation.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"moderation {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


# --- the runs -------------------------------------------------------------------------------------


def report(title: str, outcome: Outcome, waits: list[float] | None = None) -> dict[str, Any]:
    rate = outcome.accepted / outcome.elapsed if outcome.elapsed else 0.0
    post = percentiles(outcome.latencies)
    codes = ",".join(f"{code}:{n}" for code, n in sorted(outcome.codes.items()))
    line = f"{title:<28} {rate:7.0f}/s accepted  POST {ms(post)}  [{codes}"
    line += f" errors:{outcome.errors}]" if outcome.errors else "]"
    # Other work on the machine changes every figure: the 1-minute load average says how much.
    line += f"  load {os.getloadavg()[0]:.1f}"
    result: dict[str, Any] = {
        "accepted_per_s": rate,
        "post": post,
        "codes": outcome.codes,
        "load_average": os.getloadavg()[0],
    }
    if waits is not None:
        decided = percentiles(waits)
        line += f"\n{'':<28} submit-to-decision {ms(decided)} ({len(waits)} decided)"
        result["decision"] = decided
        result["decided"] = len(waits)
    print(line, flush=True)
    return result


def sustained(offered: float, outcome: Outcome, waits: list[float]) -> bool:
    return (
        outcome.accepted == outcome.sent
        and len(waits) == outcome.sent
        and outcome.accepted / outcome.elapsed >= 0.95 * offered
        and percentiles(outcome.latencies)["p99"] < 1.0
        and percentiles(waits)["p99"] < 2.0
        and max(waits) < 5.0
    )


def step_rates(
    port: int, key: str, rates: list[float], seconds: float, stamps: Timestamps, tag: str
) -> dict[str, Any]:
    steps: dict[str, Any] = {}
    best = 0.0
    for rate in rates:

        async def run(rate: float = rate) -> Outcome:
            client = Client("127.0.0.1", port)
            try:
                return await open_loop(
                    client, comment_request(key, f"{tag}{rate:g}"), rate, seconds
                )
            finally:
                client.close()

        outcome = asyncio.run(run())
        rows = stamps.wait_decided(outcome.ids, timeout=30)
        waits = decision_waits(rows)
        steps[f"{rate:g}"] = report(f"open loop {rate:g}/s", outcome, waits)
        if not sustained(rate, outcome, waits):
            print(f"{'':<28} not sustained at {rate:g}/s", flush=True)
            break
        best = rate
        time.sleep(1)
    print(f"maximum sustained rate (of those tried): {best:g} comments/s", flush=True)
    return {"steps": steps, "max_sustained": best}


def closed(port: int, make: Callable[[int], bytes], connections: int, seconds: float) -> Outcome:
    async def run() -> Outcome:
        client = Client("127.0.0.1", port)
        try:
            await closed_loop(client, make, connections, 1.0)  # warm-up: connections, caches
            return await closed_loop(client, make, connections, seconds)
        finally:
            client.close()

    return asyncio.run(run())


def production(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {"mode": "production", "encoder_mode": args.encoder_mode}
    with (
        workdir("bench-load-", args.keep_logs) as tmp,
        redis_server(args.redis_url, tmp) as redis,
        postgres_database(args.postgres_url) as database_url,
    ):
        env = base_env(tmp / "var", args.encoder_mode)
        env.update(
            MODERATION_DATABASE_URL=database_url,
            MODERATION_BROKER_URL=f"{redis}/0",
            MODERATION_RATELIMIT_STORAGE_URL=f"{redis}/1",
        )
        cli(env, "setup")
        key = json.loads(cli(env, "sites", "create", "bench", "--json"))["api_key"]
        stamps = Timestamps(database_url)
        has_config = importlib.util.find_spec("moderation.server") is not None
        settings = "moderation/server.py" if has_config else "4 threads each"
        if args.threads:
            settings = f"{args.threads} threads each"
        print(
            f"production: gunicorn {args.web_workers} workers "
            f"({settings}), "
            f"scoring worker {args.worker_processes} processes, PostgreSQL, Redis; "
            f"ENCODER_MODE={args.encoder_mode}; {os.cpu_count()} CPUs",
            flush=True,
        )

        port = free_port()
        with process(
            gunicorn("bench.load:bare_app()", port, args.web_workers, args.threads),
            env,
            tmp / "bare.log",
        ):
            wait_http(port, "/healthz", timeout=30)
            outcome = closed(port, bare_request, args.connections, args.seconds)
            results["bare_flask"] = report("bare Flask JSON endpoint", outcome)

        port = free_port()
        web = gunicorn("moderation:create_app()", port, args.web_workers, args.threads)
        with process(web, env, tmp / "web.log"):
            wait_http(port, "/readyz")
            make = comment_request(key, "ingest")
            outcome = closed(port, make, args.connections, args.seconds)
            results["ingest"] = report("ingest (no worker running)", outcome)
            backlog = outcome.ids
            results["ingest"]["share_of_bare"] = (
                results["ingest"]["accepted_per_s"] / results["bare_flask"]["accepted_per_s"]
            )
            worker = [
                sys.executable,
                "-m",
                "moderation.cli",
                "worker",
                "-Q",
                "scoring",
                "--concurrency",
                str(args.worker_processes),
                "-n",
                "scoring@bench",
            ]
            with process(worker, env, tmp / "worker.log"):
                rows = stamps.wait_decided(backlog, timeout=300)
                decided = sorted(d for _c, d in rows if d is not None)
                # The first decision waited for the worker to start; the rate is the rest.
                span = (decided[-1] - decided[0]).total_seconds() if len(decided) > 1 else 0
                rate = (len(decided) - 1) / span if span else 0.0
                results["worker"] = {"decisions_per_s": rate, "backlog": len(backlog)}
                print(
                    f"{'worker (on that backlog)':<28} {rate:7.0f}/s decided "
                    f"({len(decided)} of {len(backlog)})  load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
                time.sleep(1)
                results["open_loop"] = step_rates(
                    port, key, args.rates, args.seconds, stamps, "open"
                )
        stamps.engine.dispose()
    return results


def embedded(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {"mode": "embedded", "encoder_mode": args.encoder_mode}
    with workdir("bench-embedded-", args.keep_logs) as tmp:
        env = base_env(tmp / "var", args.encoder_mode)
        cli(env, "setup")
        key = json.loads(cli(env, "sites", "create", "bench", "--json"))["api_key"]
        stamps = Timestamps(f"sqlite:///{tmp / 'var' / 'moderation.sqlite'}")
        print(
            "embedded default: moderation serve (SQLite database and broker) on a fresh data "
            f"directory, scoring worker processes: {args.worker_processes or 'the default'}; "
            f"ENCODER_MODE={args.encoder_mode}; {os.cpu_count()} CPUs",
            flush=True,
        )
        port = free_port()
        serve = [sys.executable, "-m", "moderation.cli", "serve", "--port", str(port)]
        if args.worker_processes:
            serve += ["--worker-concurrency", str(args.worker_processes)]
        with process(serve, env, tmp / "serve.log"):
            wait_http(port, "/readyz")
            results["open_loop"] = step_rates(port, key, args.rates, args.seconds, stamps, "emb")
        stamps.engine.dispose()
    return results


# --- profile --------------------------------------------------------------------------------------


def profile(args: argparse.Namespace) -> None:
    """cProfile of ``POST /api/v1/comments`` (test client) and of ``score_comment``, in-process."""
    import cProfile
    import pstats

    from moderation import create_app
    from moderation.migrate import upgrade
    from moderation.scoring import ensure_default_model
    from moderation.services.sites import create_site

    with (
        tempfile.TemporaryDirectory(prefix="bench-profile-") as name,
        redis_server(args.redis_url, Path(name)) as redis,
        postgres_database(args.postgres_url) as database_url,
    ):
        tmp = Path(name)
        upgrade(database_url)
        config = {
            "DATA_DIR": str(tmp),
            "DATABASE_URL": database_url,
            # The limiter's storage as in production (its memory storage starts a thread a hit);
            # no broker: the tasks are run here, one after the other.
            "RATELIMIT_STORAGE_URL": f"{redis}/1",
            "BROKER_URL": "memory://",
            "ENQUEUE": False,
            "SECRET_KEY": "bench",
            "LOG_LEVEL": "WARNING",
            "API_RATE_LIMIT": "100000000 per minute",
            "ENCODER_MODE": args.encoder_mode,
        }
        if "BENCH_MODEL_DIR" in os.environ:
            config["MODEL_DIR"] = os.environ["BENCH_MODEL_DIR"]
        app = create_app(config)
        import logging

        logging.getLogger().setLevel(logging.WARNING)
        ensure_default_model(app)
        from moderation.db import get_db

        with app.app_context(), get_db(app).session() as session:
            key = create_site(session, name="bench", url="https://news.example").api_key
        client = app.test_client()
        make = comment_request(key, "profile")

        def post(index: int) -> str:
            raw = make(index)
            body = raw.split(b"\r\n\r\n", 1)[1]
            answer = client.post(
                "/api/v1/comments",
                data=body,
                headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
            )
            assert answer.status_code in (200, 202), answer.text
            return str(answer.get_json()["id"])

        count = args.profile_count
        for index in range(20):
            post(10**6 + index)
        from sqlalchemy import event

        statements = [0]

        def counted(*_args: Any) -> None:
            statements[0] += 1

        engine = get_db(app).engine
        event.listen(engine, "before_cursor_execute", counted)
        event.listen(engine, "commit", counted)

        # Without the profiler: this process's CPU time and the statements (commits included) a
        # comment costs; the database server's own CPU is not counted.
        cpu, statements[0] = time.process_time(), 0
        timed = [post(2 * 10**6 + index) for index in range(count)]
        post_cpu = (time.process_time() - cpu) / count
        post_statements = statements[0] / count
        from worker.celery_app import create_celery

        create_celery(app)
        from worker.tasks import score_comment

        score_comment.apply(args=[timed[0]])  # loads the model
        cpu, statements[0] = time.process_time(), 0
        for comment_id in timed[1:]:
            score_comment.apply(args=[comment_id])
        task_cpu = (time.process_time() - cpu) / (count - 1)
        task_statements = statements[0] / (count - 1)
        print(
            f"POST /api/v1/comments: {post_cpu * 1000:.2f} ms CPU, {post_statements:.1f} "
            f"statements a comment\nscore_comment (ENCODER_MODE={args.encoder_mode}): "
            f"{task_cpu * 1000:.2f} ms CPU, {task_statements:.1f} statements a comment\n"
            f"(one core: {1 / post_cpu:.0f} requests/s, {1 / task_cpu:.0f} decisions/s, before "
            "the database server's share)",
            flush=True,
        )
        if args.lines == 0:
            get_db(app).engine.dispose()
            return
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        ids = [post(index) for index in range(count)]
        profiler.disable()
        spent = time.perf_counter() - started
        print(f"POST /api/v1/comments: {spent / count * 1000:.2f} ms each under cProfile")
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.lines)

        score_comment.apply(args=[ids[0]])
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        for comment_id in ids[1:]:
            score_comment.apply(args=[comment_id])
        profiler.disable()
        spent = time.perf_counter() - started
        print(f"score_comment: {spent / (count - 1) * 1000:.2f} ms each under cProfile")
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.lines)
        get_db(app).engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", nargs="?", choices=["load", "profile"], default="load")
    parser.add_argument("--embedded", action="store_true", help="measure `moderation serve`")
    parser.add_argument(
        "--rates",
        default=None,
        help="comma-separated offered rates per second (default 50,100,200,300,400,600; "
        "embedded 25,50,75,100,150)",
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="per measurement")
    parser.add_argument("--connections", type=int, default=32, help="closed loop: in flight")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument(
        "--threads", type=int, default=0, help="gunicorn --threads N instead of its gevent worker"
    )
    parser.add_argument(
        "--worker-processes",
        type=int,
        default=None,
        help="scoring worker processes (default 2; embedded: moderation serve's default)",
    )
    parser.add_argument("--encoder-mode", choices=["all", "band", "off"], default="all")
    parser.add_argument("--postgres-url", default=POSTGRES_ADMIN_URL, help="server to create in")
    parser.add_argument("--redis-url", default=None, help="a Redis to use (default: start one)")
    parser.add_argument("--keep-logs", action="store_true", help="keep the data and the logs")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--profile-count", type=int, default=300)
    parser.add_argument("--sort", default="cumulative", help="profile: pstats sort key")
    parser.add_argument(
        "--lines", type=int, default=40, help="profile: lines printed (0: only the CPU figures)"
    )
    args = parser.parse_args()
    if args.what == "profile":
        profile(args)
        return
    default = "25,50,75,100,150" if args.embedded else "50,100,200,300,400,600"
    args.rates = [float(rate) for rate in (args.rates or default).split(",")]
    if args.worker_processes is None and not args.embedded:
        args.worker_processes = 2
    results = embedded(args) if args.embedded else production(args)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
