"""Malformed input refused at the edge, as a 4xx in the shape of the API or page asked.

What can never be valid is refused before a view runs, so no view has to think about it:

- integer path segments (``<int:...>``) beyond the database's INTEGER columns match no route (404);
  query-string and form numbers go through :func:`db_int` (out of range is "not a number");
- a NUL byte or another control character in the URL path, a NUL byte in the query string, and
  a NUL byte in a moderator page's form are refused (400): PostgreSQL cannot store or compare NUL;
- a request body whose stream breaks (a bad chunked encoding, a body cut short) is a 400;
- JSON read through Flask (the Akismet, Perspective and Coral APIs) deeper than
  :data:`MAX_JSON_DEPTH` or with a lone surrogate (``"\\ud800"``) is malformed JSON, as a syntax
  error is: each API answers it as it answers bad JSON. The native API's bodies are parsed by
  pydantic, which refuses both itself.

Text content is not refused for NUL: the schemas and the compatibility APIs strip it
(:func:`moderation.api.schemas.clean_text`).
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from flask import Flask, Request, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import BadRequest, HTTPException
from werkzeug.routing import IntegerConverter, Map
from werkzeug.utils import cached_property

#: The range of an INTEGER column on PostgreSQL (SQLite's are 64-bit): every id in a path or
#: a query string is checked against it before it reaches a query.
MIN_DB_INT = -(2**31)
MAX_DB_INT = 2**31 - 1
#: Nesting depth of the deepest JSON document accepted (Perspective's and Coral's are under 8).
MAX_JSON_DEPTH = 64

_PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DIGITS = re.compile(r"[+-]?[0-9]{1,20}")
# A JSON string (with its escapes) or a bracket: the depth scan skips brackets inside strings.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class MalformedRequest(BadRequest):
    """A request that no endpoint could accept: a 400 in the shape of the API or page asked."""


class DatabaseIntConverter(IntegerConverter):
    """``<int:...>`` for ids: ASCII digits within an INTEGER column's range, else no match."""

    regex = r"[0-9]{1,20}"

    def __init__(
        self,
        map: Map,
        fixed_digits: int = 0,
        min: int | None = None,
        max: int | None = None,
        signed: bool = False,
    ) -> None:
        super().__init__(
            map,
            fixed_digits=fixed_digits,
            min=MIN_DB_INT if min is None else min,
            max=MAX_DB_INT if max is None else max,
            signed=signed,
        )
        if signed:
            self.regex = r"-?[0-9]{1,20}"


def db_int(value: str) -> int:
    """An id from a query string or a form (``args.get(name, type=db_int)``).

    ``ValueError`` unless it is ASCII digits within an INTEGER column's range: Python's
    ``int`` takes any length and other scripts' digits, the databases do not.
    """
    text = value.strip()
    if not _DIGITS.fullmatch(text):
        raise ValueError(f"not a whole number within the range of an id: {value[:40]!r}")
    number = int(text)
    if not MIN_DB_INT <= number <= MAX_DB_INT:
        raise ValueError(f"not a whole number within the range of an id: {value[:40]!r}")
    return number


class _GuardedStream(io.RawIOBase):
    """The request body; a read the server cannot complete (bad chunking) is a 400."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def readable(self) -> bool:
        return True

    def _call(self, name: str, *args: Any) -> Any:
        try:
            return getattr(self._inner, name)(*args)
        except HTTPException:
            raise  # werkzeug's own: a body cut short (400), too large (413)
        except Exception as error:
            # werkzeug's dev server raises OSError for a bad chunk header; gunicorn raises its
            # ParseException (InvalidChunkSize, ChunkMissingTerminator) or NoMoreData (IOError).
            raise MalformedRequest(
                "The request body could not be read (bad chunked encoding or a body cut short)."
            ) from error

    def read(self, size: int | None = -1) -> bytes:
        data: bytes = self._call("read", -1 if size is None else size)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        line: bytes = self._call("readline", -1 if size is None else size)
        return line

    def __iter__(self) -> Any:
        return iter(self.readline, b"")


class GuardedRequest(Request):
    """Flask's request, with a body stream that turns transport errors into a 400."""

    @cached_property
    def stream(self) -> Any:
        return _GuardedStream(super().stream)


def _depth_exceeds(text: str, limit: int) -> bool:
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        piece = match.group()
        if piece in "[{":
            depth += 1
            if depth > limit:
                return True
        elif piece in "]}":
            depth -= 1
    return False


def _check_text(value: Any) -> None:
    """``ValueError`` for a lone surrogate anywhere in a parsed document (keys included)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            item.encode("utf-8")  # UnicodeEncodeError, a ValueError, for a lone surrogate
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class GuardedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing (``ValueError``, as for a syntax error) what cannot be valid text."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        text = s.decode(json.detect_encoding(s)) if isinstance(s, bytes | bytearray) else s
        if _depth_exceeds(text, MAX_JSON_DEPTH):
            raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
        try:
            value = json.loads(text, **kwargs)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None
        if _SURROGATE_ESCAPE.search(text):
            _check_text(value)
        return value


def _refuse_malformed() -> None:
    if _PATH_CONTROL.search(request.path):
        raise MalformedRequest("The URL path contains a control character.")
    if any("\x00" in key or "\x00" in value for key, value in request.args.items(multi=True)):
        raise MalformedRequest("The query string contains a NUL byte.")
    # The moderators' pages read their forms anyway (CSRF); the APIs' bodies are left to them.
    if (
        request.path.startswith("/moderate")
        and request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data")
        and any("\x00" in key or "\x00" in value for key, value in request.form.items(multi=True))
    ):
        raise MalformedRequest("The form contains a NUL byte.")


def init_app(app: Flask) -> None:
    """Install the guards; call before any blueprint is registered (the converter)."""
    app.request_class = GuardedRequest
    app.json = GuardedJSONProvider(app)
    app.url_map.converters["int"] = DatabaseIntConverter
    app.before_request(_refuse_malformed)
