"""Real clients pointed at the app: the PyPI ``akismet`` client over WSGI or real HTTP."""

from __future__ import annotations

import akismet
import httpx
from flask import Flask


class RedirectTransport(httpx.BaseTransport):
    """Send every request to ``base`` (scheme, host and port), keeping path and query.

    The Akismet client always calls https://rest.akismet.com; this is how a caller points it at
    this service without patching it.
    """

    def __init__(self, base: str, inner: httpx.BaseTransport | None = None) -> None:
        self.base = httpx.URL(base)
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(
            scheme=self.base.scheme, host=self.base.host, port=self.base.port
        )
        request.headers["Host"] = self.base.netloc.decode("ascii")
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def http_client(app: Flask, key: str | None = None, timeout: float = 1.0) -> httpx.Client:
    """An httpx client that reaches ``app`` in-process (WSGI).

    ``key`` is also sent as the ``api_key`` query parameter: the client's ``key_sites`` sends no
    key of its own.
    """
    return httpx.Client(
        transport=httpx.WSGITransport(app=app),
        headers={"User-Agent": akismet.USER_AGENT},
        params={"api_key": key} if key else None,
        timeout=timeout,
    )


def akismet_client(
    app: Flask, key: str, url: str = "https://news.example", *, validated: bool = True
) -> akismet.SyncClient:
    config = akismet.Config(key=key, url=url)
    if validated:
        return akismet.SyncClient.validated_client(config=config, http_client=http_client(app, key))
    return akismet.SyncClient(config=config, http_client=http_client(app, key))


class AsyncRedirectTransport(httpx.AsyncHTTPTransport):
    """The asynchronous twin of :class:`RedirectTransport`, over real HTTP."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = httpx.URL(base)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(
            scheme=self.base.scheme, host=self.base.host, port=self.base.port
        )
        request.headers["Host"] = self.base.netloc.decode("ascii")
        return await super().handle_async_request(request)
