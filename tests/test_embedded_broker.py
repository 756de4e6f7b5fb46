"""The embedded default (SQLite broker) keeps up, and its first start cannot race.

``moderation setup`` then ``moderation serve`` on a fresh data directory, exactly as `make run`
does, with 300 comments pushed over HTTP at 50 a second; and three processes declaring the broker's
queues at the same moment after ``moderation setup``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.builders import auth, comment_payload, free_port
from tests.processes import ROOT, serve_command, served

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _env(data_dir: Path, model_dir: Path) -> dict[str, str]:
    """The embedded default: only the data directory (and the session's model registry) given."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update(
        MODERATION_DATA_DIR=str(data_dir),
        MODERATION_MODEL_DIR=str(model_dir),
        MODERATION_API_RATE_LIMIT="100000 per minute",
        PYTHONUNBUFFERED="1",
    )
    return env


def _setup(env: dict[str, str]) -> str:
    """``moderation setup --demo-site demo``; the demo site's API key."""
    result = subprocess.run(
        [sys.executable, "-m", "moderation.cli", "setup", "--demo-site", "demo"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for line in result.stdout.splitlines():
        if line.startswith("API key (shown once): "):
            return line.rsplit(" ", 1)[1]
    raise AssertionError(result.stdout)


@contextmanager
def _serve(env: dict[str, str], log: Path) -> Iterator[tuple[str, int]]:
    """``moderation serve`` on a free port until it is ready; its address and pid."""
    port = free_port()
    with served(serve_command(port), env, log, port, timeout=60, stop_signal=signal.SIGINT) as proc:
        yield f"http://127.0.0.1:{port}", proc.pid


def _submit_at_rate(base: str, key: str, count: int, rate: float, first: int = 0) -> list[int]:
    """POST ``count`` comments, the i-th at start + i/rate (open loop); the status codes."""
    codes: list[int] = [0] * count
    start = time.monotonic() + 0.2
    session_local = threading.local()

    def send(position: int) -> None:
        index = first + position
        delay = start + position / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        http = getattr(session_local, "http", None)
        if http is None:
            http = session_local.http = requests.Session()
        payload = comment_payload(
            author={"id": f"reader-{index}", "name": f"Reader {index}"},
            content=f"Thanks for the report, comment number {index}; the figures were clear.",
            external_id=f"load-{index}",
        )
        response = http.post(f"{base}/api/v1/comments", json=payload, headers=auth(key), timeout=30)
        codes[position] = response.status_code

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(send, range(count)))
    return codes


def _all_comments(base: str, key: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 100}
        if cursor:
            params["cursor"] = cursor
        page = requests.get(
            f"{base}/api/v1/comments", params=params, headers=auth(key), timeout=30
        ).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def test_serve_on_a_fresh_data_dir_decides_50_comments_a_second(
    tmp_path: Path, model_dir: Path
) -> None:
    env = _env(tmp_path / "var", model_dir)
    key = _setup(env)
    count, rate = 300, 50.0
    with _serve(env, tmp_path / "serve.log") as (base, _pid):
        started = time.monotonic()
        codes = _submit_at_rate(base, key, count, rate)
        sent_in = time.monotonic() - started
        assert codes == [202] * count, sorted(set(codes))
        deadline = time.monotonic() + 30
        while True:
            comments = _all_comments(base, key)
            pending = [c for c in comments if c["status"] == "pending"]
            if not pending or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    assert len(comments) == count
    assert not pending, f"{len(pending)} of {count} still pending"
    waits = sorted(
        (
            datetime.fromisoformat(c["decided_at"]) - datetime.fromisoformat(c["created_at"])
        ).total_seconds()
        for c in comments
    )
    p50 = statistics.median(waits)
    p99 = waits[int(0.99 * (len(waits) - 1))]
    print(
        f"\nembedded default: {count} comments offered at {rate:g}/s (sent in {sent_in:.1f} s); "
        f"submit-to-decision p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
        f"max {waits[-1] * 1000:.0f} ms"
    )
    assert p99 < 10, "the embedded broker fell far behind"  # a very loose bound: shared CPUs


def _child_group(parent: int, marker: str) -> int:
    """The pid (and process group) of ``parent``'s child whose command line holds ``marker``."""
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and marker in cmdline:
            return int(proc.name)
    raise AssertionError(f"no child of {parent} runs {marker!r}")


def test_serve_starts_a_killed_worker_again_and_its_comments_are_decided(
    tmp_path: Path, model_dir: Path
) -> None:
    """SIGKILL on the whole scoring worker (and its scheduler) while comments arrive."""
    env = _env(tmp_path / "var", model_dir)
    env["MODERATION_PENDING_SWEEP_SECONDS"] = "3"
    key = _setup(env)
    log = tmp_path / "serve.log"
    with _serve(env, log) as (base, serve_pid):
        worker = _child_group(serve_pid, "scoring@")
        codes = _submit_at_rate(base, key, 50, 50.0)
        os.killpg(worker, signal.SIGKILL)
        codes += _submit_at_rate(base, key, 50, 50.0, first=50)
        assert codes == [202] * 100, sorted(set(codes))
        deadline = time.monotonic() + 60
        while True:
            pending = [c for c in _all_comments(base, key) if c["status"] == "pending"]
            if not pending or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert not pending, f"{len(pending)} still pending:\n{log.read_text(errors='replace')}"
        assert _child_group(serve_pid, "scoring@") != worker
    assert "the scoring worker exited with status -9; starting it again" in log.read_text()


DECLARE = """
import sys, threading
from kombu import Connection
from moderation.broker import TRANSPORT, connection_url
barrier_file, url = sys.argv[1], sys.argv[2]
import os, time
while not os.path.exists(barrier_file):
    time.sleep(0.001)
with Connection(connection_url(url), transport=TRANSPORT) as connection:
    channel = connection.default_channel
    for name in ("scoring", "events", "training", "celery"):
        channel._new_queue(name)
    channel.basic_publish(channel.prepare_message("hello"), exchange="", routing_key="scoring")
print("declared")
"""


def test_three_processes_declaring_the_queues_at_once_after_setup(
    tmp_path: Path, model_dir: Path
) -> None:
    env = _env(tmp_path / "var", model_dir)
    _setup(env)
    broker = tmp_path / "var" / "broker.sqlite"
    assert broker.exists()
    url = f"sqla+sqlite:///{broker}"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", DECLARE, str(go), url],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(3)
    ]
    time.sleep(1.5)  # all three imported and waiting
    go.touch()
    outputs = [proc.communicate(timeout=60)[0] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0, 0], outputs
    assert all("IntegrityError" not in output for output in outputs), outputs

    import sqlite3

    with sqlite3.connect(broker) as db:
        queues = sorted(name for (name,) in db.execute("SELECT name FROM kombu_queue"))
        messages = db.execute("SELECT count(*) FROM kombu_message").fetchone()[0]
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    assert queues == sorted({"celery", "events", "scoring", "training"}), queues
    assert messages == 3
    assert mode == "wal"


def test_three_processes_declaring_the_queues_at_once_on_a_fresh_file(tmp_path: Path) -> None:
    """Without setup too: the tables and a queue row created at the same moment by three."""
    url = f"sqla+sqlite:///{tmp_path / 'broker.sqlite'}"
    go = tmp_path / "go"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", DECLARE, str(go), url],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(3)
    ]
    time.sleep(1.5)
    go.touch()
    outputs = [proc.communicate(timeout=60)[0] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0, 0], outputs


# --- the transport itself, in this process ------------------------------------------------------


def _connection(url: str, visibility_timeout: float = 3600) -> Any:
    from kombu import Connection

    from moderation.broker import TRANSPORT, connection_url

    return Connection(
        connection_url(url),
        transport=TRANSPORT,
        transport_options={"visibility_timeout": visibility_timeout},
    )


def _publish(url: str, bodies: list[str]) -> None:
    with _connection(url) as connection:
        producer = connection.Producer()
        for body in bodies:
            producer.publish(body, routing_key="scoring", serializer="json")


def _take(connection: Any, count: int, prefetch: int, wait: float = 5) -> list[Any]:
    """Up to ``count`` messages from the scoring queue, unacknowledged."""
    from kombu import Queue

    got: list[Any] = []
    consumer = connection.Consumer(
        Queue("scoring"), callbacks=[lambda _body, message: got.append(message)]
    )
    consumer.qos(prefetch_count=prefetch)
    consumer.consume()
    deadline = time.monotonic() + wait
    while len(got) < count and time.monotonic() < deadline:
        with contextlib.suppress(socket.timeout):
            connection.drain_events(timeout=0.2)
    return got


def _rows(url: str) -> list[tuple[int, int]]:
    import sqlite3

    with sqlite3.connect(url.split("///", 1)[1]) as db:
        return list(db.execute("SELECT id, visible FROM kombu_message ORDER BY id"))


def test_messages_are_taken_in_order_deleted_when_acknowledged_and_put_back_at_close(
    tmp_path: Path,
) -> None:
    url = f"sqla+sqlite:///{tmp_path / 'broker.sqlite'}"
    _publish(url, ["a", "b", "c"])
    with _connection(url) as connection:
        taken = _take(connection, 2, prefetch=2)
        assert [message.payload for message in taken] == ["a", "b"]  # the prefetch holds
        assert [visible for _id, visible in _rows(url)] == [0, 0, 1]
        taken[0].ack()
        connection.drain_events(timeout=0.2)  # the next poll writes the acknowledgement
        rows = _rows(url)  # "a" deleted; "b" taken; "c" taken too if that poll had room
        assert len(rows) == 2
        assert rows[0][1] == 0
    # Closed with "b" (and perhaps "c") taken and unacknowledged: both are in the queue again.
    assert [visible for _id, visible in _rows(url)] == [1, 1]
    with _connection(url) as connection:
        taken = _take(connection, 2, prefetch=10)
        assert [message.payload for message in taken] == ["b", "c"]
        for message in taken:
            message.ack()
        with contextlib.suppress(socket.timeout):
            connection.drain_events(timeout=0.2)
    assert _rows(url) == []


def test_a_message_a_dead_consumer_took_is_given_out_after_the_visibility_timeout(
    tmp_path: Path,
) -> None:
    url = f"sqla+sqlite:///{tmp_path / 'broker.sqlite'}"
    _publish(url, ["held"])
    dead = _connection(url, visibility_timeout=2)
    assert [m.payload for m in _take(dead, 1, prefetch=1)] == ["held"]
    taken_at = time.monotonic()
    # The consumer "dies": it never acknowledges, and never closes (no put-back).
    with _connection(url, visibility_timeout=2) as other:
        assert _take(other, 1, prefetch=1, wait=1) == []  # not before the timeout
        again = _take(other, 1, prefetch=1)
        assert time.monotonic() - taken_at >= 2
        assert [m.payload for m in again] == ["held"]
        again[0].ack()
        with contextlib.suppress(socket.timeout):
            other.drain_events(timeout=0.2)
    assert _rows(url) == []
    dead.release()


def test_serve_gives_up_with_a_message_on_a_child_that_keeps_exiting_at_start(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from moderation import cli

    monkeypatch.setattr(cli, "MAX_QUICK_EXITS", 3)  # 1 s, then 2 s, then it gives up
    commands = [
        [sys.executable, "-c", "import time; time.sleep(60)"],
        [sys.executable, "-c", "raise SystemExit(3)"],
    ]
    procs = [cli._start_child(command) for command in commands]
    try:
        started = time.monotonic()
        gave_up = cli._supervise(procs, commands, ["web server", "scoring worker"], lambda: False)
        assert gave_up
        assert 3 <= time.monotonic() - started < 15
        assert procs[0].poll() is None  # the healthy child was left alone
    finally:
        cli._stop_process_groups(procs, grace=5)
    err = capsys.readouterr().err
    assert "the scoring worker exited with status 3; starting it again in 1 s" in err
    assert "the scoring worker exited with status 3; starting it again in 2 s" in err
    assert "exited with status 3 3 times in a row" in err
    assert "web server" not in err


def test_what_the_stock_transport_delivered_is_not_given_out_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kombu's own transport kept every delivered message (visible 0, version 2): an upgrade."""
    import sqlite3

    from moderation.broker import Channel

    url = f"sqla+sqlite:///{tmp_path / 'broker.sqlite'}"
    _publish(url, ["waiting"])
    with sqlite3.connect(tmp_path / "broker.sqlite") as db:
        queue_id = db.execute("SELECT id FROM kombu_queue WHERE name = 'scoring'").fetchone()[0]
        db.execute(
            "INSERT INTO kombu_message (visible, timestamp, payload, version, queue_id) "
            "SELECT 0, '2020-01-01 00:00:00.000000', payload, 2, queue_id FROM kombu_message"
        )
        assert queue_id
    monkeypatch.setattr(Channel, "_engines", {})  # a process opening the file after the upgrade
    with _connection(url) as connection:
        taken = _take(connection, 2, prefetch=10, wait=1)
        assert [message.payload for message in taken] == ["waiting"]
        taken[0].ack()
        with contextlib.suppress(socket.timeout):
            connection.drain_events(timeout=0.2)
    assert _rows(url) == []
