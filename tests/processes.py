"""Real processes for integration tests: a Celery worker, served processes, an in-process server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import requests
from flask import Flask
from werkzeug.serving import make_server

from tests.builders import free_port

ROOT = Path(__file__).resolve().parents[1]


def env_for(config: dict[str, Any]) -> dict[str, str]:
    """Environment that gives a child process the same settings as a test app."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    if "MODERATION_CORPORA_DIR" in os.environ:
        env["MODERATION_CORPORA_DIR"] = os.environ["MODERATION_CORPORA_DIR"]
    for name in (
        "DATA_DIR",
        "DATABASE_URL",
        "BROKER_URL",
        "MODEL_DIR",
        "SECRET_KEY",
        "BROKER_VISIBILITY_TIMEOUT",
        "MODEL_REFRESH_SECONDS",
        "PENDING_SWEEP_SECONDS",
        "WEBHOOK_ALLOWED_NETWORKS",
        "ADAPTATION_DIR",
        "ENCODER_MODE",
    ):
        if name in config:
            env[f"MODERATION_{name}"] = str(config[name])
    env["PYTHONUNBUFFERED"] = "1"
    return env


class WorkerProcess:
    """``moderation worker`` in its own process group, with its output kept in a log file."""

    def __init__(self, config: dict[str, Any], log_path: Path, *extra: str) -> None:
        self.log_path = log_path
        self._log = log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "moderation.cli", "worker", "--concurrency", "1", *extra],
            env=env_for(config),
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if " ready." in self.output():
                return
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited early:\n{self.output()}")
            time.sleep(0.2)
        raise AssertionError(f"worker not ready in {timeout}s:\n{self.output()}")

    def kill(self) -> None:
        """SIGKILL the whole process group: the worker dies without acknowledging anything."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self._log.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self._log.close()


@contextmanager
def running_worker(config: dict[str, Any], log_path: Path, *extra: str) -> Iterator[WorkerProcess]:
    worker = WorkerProcess(config, log_path, *extra)
    try:
        worker.wait_ready()
        yield worker
    finally:
        worker.stop()


@contextmanager
def http_server(app: Flask) -> Iterator[str]:
    """Serve ``app`` over real HTTP on a free loopback port; yields the base URL."""
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def gunicorn_command(port: int, workers: int = 2) -> list[str]:
    """gunicorn as production runs it (moderation/server.py, the README's line)."""
    return [
        *(sys.executable, "-m", "gunicorn", "-c", "python:moderation.server"),
        *("--bind", f"127.0.0.1:{port}", "--workers", str(workers), "moderation:create_app()"),
    ]


def serve_command(port: int) -> list[str]:
    """``moderation serve``: gunicorn and the workers, as ``make run`` starts them."""
    return [sys.executable, "-m", "moderation.cli", "serve", "--port", str(port)]


@contextmanager
def served(
    command: list[str],
    env: dict[str, str],
    log: Path,
    port: int,
    *,
    timeout: float = 90,
    stop_signal: int = signal.SIGTERM,
) -> Iterator[subprocess.Popen[bytes]]:
    """A server process in its own process group, yielded once its ``/readyz`` answers 200.

    At the end ``stop_signal`` goes to the whole group; what is still there after 40 s is killed.
    """
    with log.open("ab") as out:
        proc = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + timeout
        while True:
            assert proc.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, log.read_text(errors="replace")
            try:
                if requests.get(f"http://127.0.0.1:{port}/readyz", timeout=30).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.2)
        yield proc
    finally:
        if proc.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, stop_signal)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            # A server that does not stop when asked is a failure of the test that ran it.
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
            raise
