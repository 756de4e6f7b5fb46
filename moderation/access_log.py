"""gunicorn's access log without the keys that some clients put in URLs.

Perspective's clients (Coral, Google's library) send the site's key as ``?key=``, and Akismet
clients may send ``?api_key=``. gunicorn logs the request line, the query string and the
referrer as they came, so this logger class (``--logger-class
moderation.access_log.RedactingLogger``, which ``moderation serve`` passes) replaces those
values with ``[redacted]`` before a line is written.
"""

from __future__ import annotations

import re
from typing import Any

from gunicorn.glogging import Logger

#: Query parameters that carry a key, in a URL, a query string or a referrer.
_KEY_PARAM = re.compile(r"(?i)((?:^|[?&;])(?:key|api_key)=)[^&;#\s\"]*")
#: The access-log atoms that hold a URL or a query string.
_URL_ATOMS = ("r", "q", "f", "U")


def redact(text: str) -> str:
    """``text`` with the value of every ``key=`` / ``api_key=`` parameter replaced."""
    return _KEY_PARAM.sub(r"\1[redacted]", text)


class RedactingLogger(Logger):
    """gunicorn's logger, with keys taken out of the access log's URLs."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for name in _URL_ATOMS:
            value = atoms.get(name)
            if isinstance(value, str):
                atoms[name] = redact(value)
        return atoms
