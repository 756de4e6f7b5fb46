"""`moderation serve`'s access log never holds a key a client put in the URL."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from moderation.access_log import redact
from tests.compat.wordpress import running_service, service_config
from tests.conftest import Databases

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    "line,expected",
    [
        ("POST /v1alpha1/comments:analyze?key=mk_abc HTTP/1.1", "?key=[redacted] HTTP/1.1"),
        ("key=mk_abc&alt=json", "key=[redacted]&alt=json"),
        ("GET /1.2/key-sites?format=csv&api_key=0123456789ab", "&api_key=[redacted]"),
        ("GET /x?KEY=abc;y=1", "?KEY=[redacted];y=1"),
        ("GET /x?monkey=1&keys=2", "GET /x?monkey=1&keys=2"),
    ],
)
def test_redact(line: str, expected: str) -> None:
    assert redact(line).endswith(expected)


def test_served_requests_are_logged_without_their_keys(
    databases: Databases, model_dir: Path, tmp_path: Path
) -> None:
    config = service_config(tmp_path, databases.sqlite(), model_dir)
    log = tmp_path / "serve.log"
    with running_service(config, log, site_url="https://news.example") as service:
        answer = requests.post(
            f"{service.base}/v1alpha1/comments:analyze?key={service.api_key}&alt=json",
            json={
                "comment": {"text": "Thanks for the report."},
                "requestedAttributes": {"TOXICITY": {}},
            },
            headers={"Referer": f"https://coral.example/admin?key={service.api_key}"},
            timeout=30,
        )
        assert answer.status_code == 200
        requests.get(f"{service.base}/1.2/usage-limit?api_key={service.akismet_key}", timeout=30)
    written = log.read_text(encoding="utf-8", errors="replace")
    assert "comments:analyze?key=[redacted]&alt=json" in written
    assert "usage-limit?api_key=[redacted]" in written
    assert service.api_key not in written
    assert service.akismet_key not in written
