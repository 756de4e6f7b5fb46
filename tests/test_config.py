"""Settings layering: defaults, then MODERATION_* variables, then the test mapping."""

from __future__ import annotations

from pathlib import Path

from moderation.config import load_settings


def test_defaults_put_everything_under_the_data_dir(tmp_path: Path) -> None:
    settings = load_settings(environ={"MODERATION_DATA_DIR": str(tmp_path)})
    assert settings["DATABASE_URL"] == f"sqlite:///{tmp_path / 'moderation.sqlite'}"
    assert settings["BROKER_URL"] == f"sqla+sqlite:///{tmp_path / 'broker.sqlite'}"
    assert settings["MODEL_DIR"] == str(tmp_path / "models")


def test_environment_then_test_config_override(tmp_path: Path) -> None:
    environ = {
        "MODERATION_DATA_DIR": str(tmp_path),
        "MODERATION_DATABASE_URL": "postgresql+psycopg://db/x",
        "MODERATION_MAX_BODY_BYTES": "1000",
        "MODERATION_SESSION_COOKIE_SECURE": "true",
    }
    settings = load_settings({"MAX_BODY_BYTES": 2000}, environ=environ)
    assert settings["DATABASE_URL"] == "postgresql+psycopg://db/x"
    assert settings["MAX_CONTENT_LENGTH"] == 2000
    assert settings["SESSION_COOKIE_SECURE"] is True


def test_the_generated_secret_key_is_kept_and_private(tmp_path: Path) -> None:
    first = load_settings(environ={"MODERATION_DATA_DIR": str(tmp_path)})["SECRET_KEY"]
    second = load_settings(environ={"MODERATION_DATA_DIR": str(tmp_path)})["SECRET_KEY"]
    assert first == second and len(first) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
