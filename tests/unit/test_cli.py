"""The `moderation` command: sites and keys, through the real app factory and database."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from moderation.cli import main
from moderation.migrate import upgrade


def run(tmp_path: Path, *args: str) -> str:
    env = {
        "MODERATION_DATA_DIR": str(tmp_path),
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}",
    }
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_sites_create_list_and_rotate(tmp_path: Path) -> None:
    upgrade(f"sqlite:///{tmp_path / 'cli.sqlite'}")
    created = json.loads(
        run(tmp_path, "sites", "create", "daily", "--url", "https://d.example", "--json")
    )
    assert created["name"] == "daily" and created["url"] == "https://d.example"
    assert created["api_key"].startswith("mk_") and isinstance(created["id"], int)

    listed = json.loads(run(tmp_path, "sites", "list", "--json"))
    assert [site["name"] for site in listed] == ["daily"]
    assert created["api_key"] not in json.dumps(listed)

    rotated = json.loads(run(tmp_path, "sites", "rotate-key", "daily", "--json"))
    assert rotated["api_key"] != created["api_key"]
    assert "daily" in run(tmp_path, "sites", "list")


def test_creating_a_duplicate_site_fails_cleanly(tmp_path: Path) -> None:
    upgrade(f"sqlite:///{tmp_path / 'cli.sqlite'}")
    run(tmp_path, "sites", "create", "daily")
    env = {
        "MODERATION_DATA_DIR": str(tmp_path),
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}",
    }
    result = CliRunner().invoke(main, ["sites", "create", "daily"], env=env)
    assert result.exit_code == 1
    assert "already exists" in result.output
