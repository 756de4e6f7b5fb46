"""The README's `make run` from a clean copy of the project: it installs, serves and decides."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.builders import auth, comment_payload, free_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]


def clean_copy(target: Path) -> None:
    """The project's files as a fresh clone has them (tracked plus new, nothing ignored)."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            destination = target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)


def test_make_run_serves_and_decides_a_comment(tmp_path: Path) -> None:
    project = tmp_path / "project"
    clean_copy(project)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env["PORT"] = str(port)
    log_path = tmp_path / "make-run.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            ["make", "run"],
            cwd=project,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        key = None
        deadline = time.monotonic() + 600  # a first install downloads packages
        while time.monotonic() < deadline and proc.poll() is None:
            output = log_path.read_text(errors="replace")
            match = re.search(r"API key \(shown once\): (\S+)", output)
            if match and "serving on" in output:
                key = match.group(1)
                break
            time.sleep(1)
        assert key, log_path.read_text(errors="replace")[-5000:]

        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/readyz", timeout=30).status_code == 200:
                    break
            except requests.RequestException:  # not up yet, or loading the model
                pass
            time.sleep(0.5)
        response = requests.post(
            f"{base}/api/v1/comments?wait=5000",
            json=comment_payload(),
            headers=auth(key),
            timeout=30,
        )
        assert response.status_code in (200, 202), response.text
        body = response.json()
        deadline = time.monotonic() + 60
        while body["status"] == "pending" and time.monotonic() < deadline:
            time.sleep(0.5)
            body = requests.get(body["url"], headers=auth(key), timeout=10).json()
        assert body["status"] == "approved", body
        assert (project / "var" / "moderation.sqlite").exists()
        assert (project / "var" / "broker.sqlite").exists()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C
        try:
            proc.wait(timeout=60)  # serve allows its children 25 s, then kills their groups
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise
    # Ctrl-C stopped everything: nothing of the project is left running.
    leftover = subprocess.run(
        ["pgrep", "-f", str(project)], capture_output=True, text=True
    ).stdout.strip()
    assert not leftover, leftover
