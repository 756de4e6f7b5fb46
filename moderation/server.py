"""The production web server's settings: a gunicorn configuration module.

    gunicorn -c python:moderation.server --bind 0.0.0.0:8000 --workers 2 "moderation:create_app()"

``moderation serve`` runs gunicorn with this module too. What it is for:

- **Slow and parked clients cost a greenlet, not a thread.** The gevent worker serves up to
  ``worker_connections`` connections per process at once; a client that sends its headers or
  its body slowly (or not at all) waits in a greenlet while every other request is served, and
  ``?wait=`` polls sleep cooperatively.
- **Reading a request is bounded.** The headers of each request must arrive within
  ``keepalive`` seconds (gunicorn's gevent worker waits no longer for them), and every read of
  the socket, body included, within ``READ_TIMEOUT_SECONDS``; a client that stops sending is
  answered 400 (a body cut short) or dropped, and its greenlet ends.
- **The scoring that the synchronous APIs do in the web process** (Akismet, Perspective, Coral)
  runs in gevent's thread pool, under a time budget (``moderation/compat/store.py``), so the
  event loop keeps answering meanwhile.
- **No key in the access log** (``moderation/access_log.py``).
"""

from __future__ import annotations

from typing import Any

from gunicorn.workers.base_async import AsyncWorker
from gunicorn.workers.ggevent import GeventWorker

#: Seconds any one read of a client's socket may wait (a parked or very slow client).
READ_TIMEOUT_SECONDS = 10.0


class ModerationWorker(GeventWorker):
    """gunicorn's gevent worker with a timeout on every read of a client's socket."""

    def handle(self, listener: Any, client: Any, addr: Any) -> None:
        # GeventWorker.handle would make the socket blocking with no timeout; this is the rest
        # of what it does.
        client.settimeout(READ_TIMEOUT_SECONDS)
        AsyncWorker.handle(self, listener, client, addr)


# gunicorn reads the module's settings by name.
worker_class = "moderation.server.ModerationWorker"
# Connections served at once by one worker process (each a greenlet).
worker_connections = 1000
# Seconds to wait for the headers of a request on a kept-alive connection, and for the first.
keepalive = 5
# The arbiter restarts a worker that has not notified it for this long (a stuck event loop).
timeout = 30
graceful_timeout = 20
# Request line and headers: gunicorn's limits, stated.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = "-"
logger_class = "moderation.access_log.RedactingLogger"
