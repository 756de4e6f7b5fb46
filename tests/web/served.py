"""The moderators' pages served by a real gunicorn with several worker processes.

For the claims that only hold across processes (sessions ended everywhere, one log-in budget
for all workers). The access log records the serving process id of every request, so a test can
show that its requests really reached more than one process.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from tests.builders import free_port
from tests.processes import ROOT, env_for

ACCESS_FORMAT = "served-by=%(p)s %(m)s %(U)s %(s)s"
_ACCESS = re.compile(r"served-by=<?(\d+)>? (\w+) (\S+) (\d+)")


@dataclass
class Served:
    base: str
    log: Path

    def mark(self) -> int:
        """Where the log ends now, for :meth:`serving_pids`."""
        return len(self.log.read_text(errors="replace"))

    def serving_pids(self, method: str, path: str, since: int = 0) -> set[str]:
        """Process ids that answered ``method path`` after the ``since`` mark (access log)."""
        found = set()
        for match in _ACCESS.finditer(self.log.read_text(errors="replace")[since:]):
            if match.group(2) == method and match.group(3) == path:
                found.add(match.group(1))
        return found


@contextmanager
def gunicorn(
    config: dict[str, Any], log: Path, *, workers: int = 2, **settings: Any
) -> Iterator[Served]:
    """``gunicorn moderation:create_app()`` with the test app's settings and ``settings`` added."""
    env = env_for(config)
    for name, value in settings.items():
        env[f"MODERATION_{name}"] = str(value)
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        "4",
        "--access-logfile",
        "-",
        "--access-logformat",
        ACCESS_FORMAT,
        "moderation:create_app()",
    ]
    with log.open("ab") as out:
        proc = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"gunicorn exited:\n{log.read_text(errors='replace')}")
            try:
                if requests.get(f"{base}/moderate/login", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"gunicorn not ready:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        # Every worker has booted (each logs its own line) before the test starts.
        while log.read_text(errors="replace").count("Booting worker") < workers:
            if time.monotonic() > deadline:
                raise AssertionError(f"workers not booted:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield Served(base=base, log=log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login_form(browser: requests.Session, base: str) -> str:
    """Open the login page in ``browser`` (its session cookie) and return the form's token."""
    page = browser.get(f"{base}/moderate/login", timeout=30)
    assert page.status_code == 200, page.status_code
    return csrf_token(page.text)


def log_in(browser: requests.Session, base: str, email: str, password: str) -> requests.Response:
    token = login_form(browser, base)
    return browser.post(
        f"{base}/moderate/login",
        data={"email": email, "password": password, "csrf_token": token},
        allow_redirects=False,
        timeout=60,
    )


def log_out(browser: requests.Session, base: str) -> None:
    page = browser.get(f"{base}/moderate/queue", allow_redirects=False, timeout=30)
    assert page.status_code == 200, page.status_code
    answer = browser.post(
        f"{base}/moderate/logout",
        data={"csrf_token": csrf_token(page.text)},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.status_code
