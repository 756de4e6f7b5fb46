"""A real HTTP receiver on 127.0.0.1 that records webhook requests and answers as scripted."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    answered: int


@dataclass
class Receiver:
    url: str
    # Status codes to answer, in order; 200 once they run out.
    script: list[int] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    # Seconds to wait before answering (a slow or hanging receiver).
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_status(self) -> int:
        with self.lock:
            return self.script.pop(0) if self.script else 200

    def wait_for(self, count: int, timeout: float = 60) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.requests) >= count:
                    return list(self.requests)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} requests, got {len(self.requests)}")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a hanging request must not hold up the test's teardown


@contextmanager
def receiver(script: list[int] | None = None, delay: float = 0.0) -> Iterator[Receiver]:
    """Serve on a free loopback port; yields the receiver with its URL."""
    state: Receiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            time.sleep(state.delay)
            status = state.next_status()
            with state.lock:
                state.requests.append(Received(self.path, dict(self.headers.items()), body, status))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    state = Receiver(
        url=f"http://127.0.0.1:{server.server_address[1]}/hooks", script=script or [], delay=delay
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
