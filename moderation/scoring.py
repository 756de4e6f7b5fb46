"""The active model, loaded once per process and swapped when another version is activated.

A site with an active adaptation (``moderation.services.adaptation``) is scored by the base model
plus its adaptation; every other site by the base model itself, exactly as without adaptations.
Both the base version and every site's active adaptation are re-read at most every
``refresh_seconds``, so a promotion reaches web and worker processes within seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from classifier.adaptation import AdaptationIntegrityError, AdaptationStore, AdaptedModel
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
        adaptations: AdaptationStore | None = None,
        read_site_active: Callable[[], dict[int, str | None]] | None = None,
    ) -> None:
        self.registry = registry
        self.encoder_mode = encoder_mode
        self.adaptations = adaptations
        self._read_active = read_active
        self._read_site_active = read_site_active
        # Per site: the adapted model in use, and the versions that could not be used.
        self._site_wanted: dict[int, str | None] = {}
        self._site_models: dict[int, AdaptedModel] = {}
        self._site_checked_at = float("-inf")
        self._site_refused: set[tuple[int, str, str]] = set()
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

    def get(self, site_id: int | None = None) -> ModerationModel:
        """The model that scores ``site_id``'s comments (the active base version without one).

        A site with an active adaptation of the active base version gets it on top of the base
        model; any other site gets the base model object itself.
        """
        base = self._base()
        if site_id is None or self._read_site_active is None or self.adaptations is None:
            return base
        now = self._clock()
        if now - self._site_checked_at >= self._refresh_seconds:
            with self._lock:
                if now - self._site_checked_at >= self._refresh_seconds:
                    try:
                        self._site_wanted = dict(self._read_site_active())
                    except Exception:
                        # Keep the adaptations already known rather than fail the comment.
                        log.exception("cannot read the sites' active adaptations")
                    self._site_checked_at = now
        wanted = self._site_wanted.get(site_id)
        if not wanted:
            return base
        have = self._site_models.get(site_id)
        if have is not None and have.version == wanted and have.base is base:
            return have
        if (site_id, wanted, base.version) in self._site_refused:
            return base
        with self._lock:
            have = self._site_models.get(site_id)
            if have is not None and have.version == wanted and have.base is base:
                return have
            try:
                adaptation = self.adaptations.load(site_id, wanted)
                adapted = AdaptedModel(base, adaptation)
            except AdaptationIntegrityError:
                # Unreadable, or made for another base version (a new base was promoted):
                # the base model scores the site until it is adapted again.
                log.warning(
                    "site_id=%s: adaptation %s not used with base %s; scoring with the base",
                    site_id,
                    wanted,
                    base.version,
                    exc_info=True,
                )
                self._site_refused.add((site_id, wanted, base.version))
                return base
            log.info("site_id=%s: scoring with adaptation %s", site_id, wanted)
            self._site_models[site_id] = adapted
            return adapted

    def _base(self) -> ModerationModel:
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
    from moderation.services.adaptation import active_adaptations, adaptation_store

    registry = ModelRegistry(Path(app.config["MODEL_DIR"]))

    def read_active() -> str | None:
        with get_db(app).session() as session:
            return active_version(session)

    def read_site_active() -> dict[int, str | None]:
        with get_db(app).session() as session:
            return active_adaptations(session)

    app.extensions[EXTENSION] = ModelProvider(
        registry,
        read_active,
        refresh_seconds=float(app.config["MODEL_REFRESH_SECONDS"]),
        encoder_mode=str(app.config["ENCODER_MODE"]),
        adaptations=adaptation_store(app.config),
        read_site_active=read_site_active,
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
