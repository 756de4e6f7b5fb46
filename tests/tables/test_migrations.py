"""Migrations go up and down on both databases, and match the models exactly."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from moderation.migrate import downgrade, upgrade
from moderation.tables import Base
from tests.conftest import POSTGRES_ADMIN_URL


def drift(url: str) -> list[object]:
    engine = create_engine(url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    return list(differences)


def round_trip(url: str) -> None:
    upgrade(url)
    downgrade(url, "base")
    upgrade(url)
    assert drift(url) == []


def test_sqlite_round_trip_without_drift(tmp_path: Path) -> None:
    round_trip(f"sqlite:///{tmp_path / 'm.sqlite'}")


@pytest.mark.postgres
def test_postgres_round_trip_without_drift() -> None:
    name = f"modmig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        round_trip(POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
