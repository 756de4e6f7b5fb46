"""The `moderation` command: sites and keys, through the real app factory and database."""

from __future__ import annotations

import json
import re
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from moderation.cli import main
from moderation.migrate import upgrade
from tests.conftest import POSTGRES_ADMIN_URL


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


def test_the_akismet_key_is_shown_once_and_rotates_apart_from_the_api_key(tmp_path: Path) -> None:
    upgrade(f"sqlite:///{tmp_path / 'cli.sqlite'}")
    created = json.loads(run(tmp_path, "sites", "create", "daily", "--json"))
    assert re.fullmatch(r"[0-9a-f]{12}", created["akismet_key"])
    assert created["akismet_key"] not in run(tmp_path, "sites", "list", "--json")
    rotated = json.loads(run(tmp_path, "sites", "rotate-key", "daily", "--akismet", "--json"))
    assert re.fullmatch(r"[0-9a-f]{12}", rotated["akismet_key"])
    assert rotated["akismet_key"] != created["akismet_key"]
    # The API key and the new Akismet key work; the old Akismet key does not.
    assert json.loads(run(tmp_path, "sites", "list", "--json"))[0]["keys"] == 2


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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all, as on a machine where setup never ran."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
        return
    name = f"modempty_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_database_without_tables_gets_one_clear_line(tmp_path: Path, empty_database: str) -> None:
    env = {"MODERATION_DATA_DIR": str(tmp_path), "MODERATION_DATABASE_URL": empty_database}
    for args in (["score"], ["sites", "list"]):
        result = CliRunner().invoke(main, args, env=env, input='{"text": "hello"}\n')
        assert result.exit_code == 1, result.output
        assert "no tables yet: run `moderation setup`" in result.output
        assert "Traceback" not in result.output


def test_serve_shutdown_leaves_no_straggler_of_a_child_group() -> None:
    """A child that exits on SIGTERM but leaves a forked process behind: its group is killed."""
    from moderation.cli import _group_alive, _stop_process_groups

    # The shell exits on SIGTERM; the `sleep` it started ignores it and would outlive it.
    script = "trap 'exit 0' TERM; (trap '' TERM; exec sleep 300) & wait"
    child = subprocess.Popen(["sh", "-c", script], process_group=0)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        listed = subprocess.run(["pgrep", "-g", str(child.pid)], capture_output=True, text=True)
        if len(listed.stdout.split()) >= 2:
            break
        time.sleep(0.05)
    assert _group_alive(child.pid)
    _stop_process_groups([child], grace=1.0)
    assert child.returncode is not None
    assert not _group_alive(child.pid)


def test_a_group_of_only_zombies_is_not_alive() -> None:
    """An exited process nobody has reaped yet does not keep `serve` waiting."""
    from moderation.cli import _group_alive

    child = subprocess.Popen(["true"], process_group=0)
    stat = Path(f"/proc/{child.pid}/stat")
    deadline = time.monotonic() + 10
    while stat.read_text().rsplit(")", 1)[1].split()[0] != "Z" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not _group_alive(child.pid)
    child.wait()
