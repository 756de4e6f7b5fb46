"""A test's own PostgreSQL and Redis servers, on free ports, that the test may stop and restart.

The machine's shared servers (tests/conftest.py) must never be restarted by a test; these are
started from the same installed binaries in a temporary folder and removed afterwards.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.builders import free_port, port_open


def _wait_port(port: int, *, up: bool, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_open("127.0.0.1", port) == up:
            return
        time.sleep(0.05)
    raise AssertionError(f"port {port} still {'closed' if up else 'open'} after {timeout}s")


class RedisServer:
    """``redis-server`` on a free port, keeping nothing on disk."""

    def __init__(self, folder: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed (scripts/ensure-services installs it)")
        self.binary = binary
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                *(self.binary, "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.folder)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_port(self.port, up=True)

    def stop(self) -> None:
        """Kill the server (SIGKILL: a crash, not a clean shutdown)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        _wait_port(self.port, up=False)


def _postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        pytest.skip("PostgreSQL's server binaries are not installed")
    return Path(found[-1]).parent


class PostgresServer:
    """A PostgreSQL cluster of the test's own (initdb in a temporary folder), trust auth.

    initdb refuses to run as root, so as root the cluster belongs to the ``postgres`` user.
    """

    def __init__(self) -> None:
        self.bin = _postgres_bin()
        self._user: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no postgres user for initdb")
            self._user = "postgres"
        # Directly under the system's temporary folder: pytest keeps its own tree readable by
        # its user only (and resets that while other runs start), and the server's user must
        # reach the cluster.
        self.folder = Path(tempfile.mkdtemp(prefix="moderation-test-pg-"))
        if self._user:
            shutil.chown(self.folder, self._user)
        self.data = self.folder / "pgdata"
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )

    def _run(self, *command: str) -> None:
        full = ["runuser", "-u", self._user, "--", *command] if self._user else list(command)
        done = subprocess.run(full, capture_output=True, text=True, cwd=self.folder, check=False)
        if done.returncode:
            log = self.folder / "server.log"
            raise AssertionError(
                f"{' '.join(command[:2])} failed: {done.stdout}{done.stderr}\n"
                + (log.read_text(errors="replace")[-3000:] if log.exists() else "")
            )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            # No fsync: a stopped server is not a crashed machine, the OS keeps what was
            # written. Commits stay synchronous, so an answered commit survives "immediate".
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )
        _wait_port(self.port, up=True)

    def stop(self, mode: str = "immediate") -> None:
        """Stop the server; ``immediate`` aborts every connection, as a crash would."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")
        _wait_port(self.port, up=False)

    def remove(self) -> None:
        if self.data.exists():
            with contextlib.suppress(AssertionError):
                self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
