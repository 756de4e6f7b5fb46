"""The README's quick start, as a newcomer types it: activate .venv, $KEY from
``moderation sites create --json``, the curl; and ``/`` leading to the moderators' login.

The shell block is read from README.md and run with bash against the app served over real HTTP
(the README's 127.0.0.1:8000 replaced by the test server's address).
"""

from __future__ import annotations

import json
import re
import subprocess

import requests

from tests.conftest import AppFactory
from tests.processes import ROOT, env_for, http_server

README = ROOT / "README.md"


def quick_start_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def test_the_two_one_line_commands_stay_as_they_are() -> None:
    text = README.read_text(encoding="utf-8")
    assert "```sh\nmake run\n```" in text and "```sh\nmake test\n```" in text
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_quick_start_sets_key_and_its_curl_is_answered(make_app: AppFactory) -> None:
    blocks = quick_start_blocks()
    assert blocks[0].strip() == "make run"
    script = next(block for block in blocks if "curl" in block)
    assert ". .venv/bin/activate" in script and "sites create" in script and "--json" in script
    app = make_app("sqlite")
    with http_server(app) as base:
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script.replace("http://127.0.0.1:8000", base)],
            cwd=ROOT,
            env=env_for(app.config),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        answer = json.loads(done.stdout)
        assert answer["status"] in {"pending", "approved", "held", "rejected"}, answer
        assert answer["id"]
        # The address the README gives for moderating leads to the login.
        landed = requests.get(f"{base}/", timeout=10)
        assert landed.url == f"{base}/moderate/login?next=/moderate/"
        assert 'name="password"' in landed.text
    admin = next(block for block in blocks if "users create" in block)
    assert "--role admin" in admin
