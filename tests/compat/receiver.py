"""A real HTTP receiver on 127.0.0.1 that records webhook requests and answers as scripted."""

from __future__ import annotations

import ssl
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
def receiver(
    script: list[int] | None = None,
    delay: float = 0.0,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    headers: dict[str, str] | None = None,
    tls: ssl.SSLContext | None = None,
) -> Iterator[Receiver]:
    """Serve on a loopback address (a free port unless given); yields the receiver with its URL.

    ``headers`` are added to every answer (a ``Location`` for a redirect); ``tls`` serves HTTPS.
    """
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
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = _Server((host, port), Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    scheme = "https" if tls is not None else "http"
    state = Receiver(
        url=f"{scheme}://{host}:{server.server_address[1]}/hooks",
        script=script or [],
        delay=delay,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
