"""Real processes for integration tests: a Celery worker and an HTTP server of the app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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
