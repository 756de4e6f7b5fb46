"""Shared fixtures: apps from the factory on real SQLite and PostgreSQL databases, real brokers."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from moderation import create_app
from moderation.db import get_db
from moderation.migrate import upgrade
from moderation.tables import Base
from tests.builders import port_open

POSTGRES_ADMIN_URL = os.environ.get(
    "MODERATION_TEST_POSTGRES_URL", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("MODERATION_TEST_REDIS_URL", "redis://127.0.0.1:6379")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    """The public corpora folder named by MODERATION_CORPORA_DIR."""
    value = os.environ.get("MODERATION_CORPORA_DIR")
    if not value or not Path(value).is_dir():
        pytest.skip("MODERATION_CORPORA_DIR is not set to the corpora folder")
    return Path(value)


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model registry shared by the session's apps; the shipped version is copied on first use."""
    return tmp_path_factory.mktemp("models")


class Databases:
    """Migrated template databases, copied for each test (fast, and every test starts clean)."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._sqlite_template: Path | None = None
        self._pg_name: str | None = None
        self._pg_url = ""

    def sqlite(self) -> str:
        if self._sqlite_template is None:
            self._sqlite_template = self.base / "template.sqlite"
            upgrade(f"sqlite:///{self._sqlite_template}")
        target = self.base / f"db-{uuid.uuid4().hex}.sqlite"
        shutil.copy(self._sqlite_template, target)
        return f"sqlite:///{target}"

    def _admin(self) -> Any:
        return create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")

    def postgres(self) -> str:
        """One migrated PostgreSQL database for the session, emptied for each test."""
        if not port_open("127.0.0.1", 5432):
            pytest.fail(
                "PostgreSQL does not answer on 127.0.0.1:5432 (see scripts/ensure-services)"
            )
        if self._pg_name is None:
            self._pg_name = f"modtest_{uuid.uuid4().hex[:12]}"
            admin = self._admin()
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{self._pg_name}"'))
            admin.dispose()
            self._pg_url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + self._pg_name
            upgrade(self._pg_url)
        else:
            # Emptying the tables is far faster than creating and dropping a database per test.
            tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
            engine = create_engine(self._pg_url)
            with engine.begin() as connection:
                connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            engine.dispose()
        return self._pg_url

    def url(self, kind: str) -> str:
        return self.sqlite() if kind == "sqlite" else self.postgres()

    def drop_all(self) -> None:
        if self._pg_name is None:
            return
        admin = self._admin()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self._pg_name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    dbs = Databases(tmp_path_factory.mktemp("databases"))
    yield dbs
    dbs.drop_all()


AppFactory = Callable[..., Flask]


@pytest.fixture
def make_app(databases: Databases, model_dir: Path, tmp_path: Path) -> Iterator[AppFactory]:
    """Build an app from the factory on a fresh database of the given kind.

    Within one test, apps of the same kind share their database (a web app and a worker's app).
    """
    apps: list[Flask] = []
    urls: dict[str, str] = {}

    def build(db: str = "sqlite", **overrides: Any) -> Flask:
        config: dict[str, Any] = {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "DATABASE_URL": urls.get(db) or urls.setdefault(db, databases.url(db)),
            "BROKER_URL": f"sqla+sqlite:///{tmp_path / 'broker.sqlite'}",
            "MODEL_DIR": str(model_dir),
            "SECRET_KEY": "test-secret",
        }
        config.update(overrides)
        app = create_app(config)
        apps.append(app)
        return app

    yield build
    for app in apps:
        get_db(app).engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_kind(request: pytest.FixtureRequest) -> str:
    kind: str = request.param
    return kind


@pytest.fixture
def app(make_app: AppFactory, db_kind: str) -> Flask:
    return make_app(db_kind)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
