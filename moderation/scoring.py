"""The active model, loaded once per process and swapped when another version is activated."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from classifier.model import ModerationModel
from classifier.registry import (
    BUILTIN_VERSION,
    ModelIncompatibleError,
    ModelRegistry,
    ensure_builtin,
)
from moderation.tables import ModelActivation

log = logging.getLogger(__name__)

EXTENSION = "moderation.tables"


def active_version(session: Session) -> str | None:
    """The version recorded as active in the database, or None before any activation."""
    return session.scalar(
        select(ModelActivation.version).order_by(ModelActivation.id.desc()).limit(1)
    )


def activate(session: Session, version: str, *, actor: str | None, note: str | None = None) -> None:
    session.add(ModelActivation(version=version, actor=actor, note=note))
    session.commit()


class ModelProvider:
    """Hands out the active model; re-reads the active version at most every ``refresh_seconds``."""

    def __init__(
        self,
        registry: ModelRegistry,
        read_active: Callable[[], str | None],
        *,
        refresh_seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
        encoder_mode: str = "all",
    ) -> None:
        self.registry = registry
        self.encoder_mode = encoder_mode
        self._read_active = read_active
        self._refresh_seconds = refresh_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._model: ModerationModel | None = None
        self._checked_at = float("-inf")
        self._incompatible: set[str] = set()

    def _wanted_version(self) -> str:
        version = self._read_active()
        if version is None:
            version = ensure_builtin(self.registry)
        return version

    def get(self) -> ModerationModel:
        """The model of the active version, loading it on first use or after a change."""
        now = self._clock()
        model = self._model
        if model is not None and now - self._checked_at < self._refresh_seconds:
            return model
        with self._lock:
            if self._model is not None and now - self._checked_at < self._refresh_seconds:
                return self._model
            wanted = self._wanted_version()
            if wanted in self._incompatible:
                wanted = ensure_builtin(self.registry)
            if self._model is None or self._model.version != wanted:
                started = time.perf_counter()
                try:
                    loaded = self.registry.load(wanted)
                except ModelIncompatibleError:
                    if wanted == BUILTIN_VERSION:
                        raise
                    # An upgrade changed the features or libraries under the active version
                    # (a model retrained by an earlier release): keep deciding comments with
                    # the shipped default rather than failing every task until someone
                    # retrains or promotes.
                    log.exception(
                        "active model version=%s cannot be used by this release; scoring with "
                        "the shipped default %s until a compatible version is promoted "
                        "(moderation train --with-labels, or moderation models promote)",
                        wanted,
                        BUILTIN_VERSION,
                    )
                    self._incompatible.add(wanted)
                    wanted = ensure_builtin(self.registry)
                    loaded = self.registry.load(wanted)
                loaded.encoder_mode = self.encoder_mode
                log.info(
                    "loaded model version=%s in %.2fs (language-model stage: %s)",
                    wanted,
                    time.perf_counter() - started,
                    self.encoder_mode if loaded.encoder is not None else "none",
                )
                self._model = loaded
            self._checked_at = now
            return self._model

    @property
    def loaded_version(self) -> str | None:
        return self._model.version if self._model is not None else None


def init_app(app: Flask) -> None:
    from moderation.db import get_db  # local: db is initialised before this

    registry = ModelRegistry(Path(app.config["MODEL_DIR"]))

    def read_active() -> str | None:
        with get_db(app).session() as session:
            return active_version(session)

    app.extensions[EXTENSION] = ModelProvider(
        registry,
        read_active,
        refresh_seconds=float(app.config["MODEL_REFRESH_SECONDS"]),
        encoder_mode=str(app.config["ENCODER_MODE"]),
    )


def model_provider(app: Flask | None = None) -> ModelProvider:
    provider: ModelProvider = (app or current_app).extensions[EXTENSION]
    return provider


def ensure_default_model(app: Flask) -> str:
    """Put the shipped model in the registry and activate it when nothing is active yet."""
    from moderation.db import get_db

    provider = model_provider(app)
    ensure_builtin(provider.registry)
    with get_db(app).session() as session:
        current = active_version(session)
        if current is None:
            activate(session, BUILTIN_VERSION, actor="setup", note="shipped default model")
            return BUILTIN_VERSION
        return current
