"""Settings: defaults in code, then ``MODERATION_*`` environment variables, then a test mapping.

This is the only module that reads the environment.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ENV_PREFIX = "MODERATION_"

# Settings that may come from the environment, with their types.
_ENV_SETTINGS: dict[str, type] = {
    "DATA_DIR": str,
    "DATABASE_URL": str,
    "BROKER_URL": str,
    "MODEL_DIR": str,
    "ADAPTATION_DIR": str,
    "CORPORA_DIR": str,
    "TRAINING_DATA_DIR": str,
    "SECRET_KEY": str,
    "RATELIMIT_STORAGE_URL": str,
    "API_RATE_LIMIT": str,
    "MAX_BODY_BYTES": int,
    "WAIT_MAX_PER_SITE": int,
    "SYNC_SCORE_BUDGET_SECONDS": float,
    "MODEL_REFRESH_SECONDS": float,
    "PENDING_SWEEP_SECONDS": float,
    "BROKER_VISIBILITY_TIMEOUT": float,
    "RETRAIN_INTERVAL_HOURS": float,
    "RETRAIN_TOLERANCE": float,
    "ADAPT_MIN_LABELS": int,
    "ADAPT_MIN_NEW_LABELS": int,
    "LABELS_PER_SITE_PER_HOUR": int,
    "LOG_LEVEL": str,
    "SESSION_COOKIE_SECURE": bool,
    "SESSION_IDLE_MINUTES": float,
    "SESSION_LIFETIME_HOURS": float,
    "LOGIN_RATE_LIMIT": str,
    "LOGIN_ACCOUNT_RATE_LIMIT": str,
    "ENCODER_MODE": str,
    "WEBHOOK_ALLOWED_NETWORKS": str,
}


def _parse_bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, kind in _ENV_SETTINGS.items():
        raw = environ.get(ENV_PREFIX + name)
        if raw is None or raw == "":
            continue
        if kind is bool:
            found[name] = _parse_bool(raw)
        else:
            found[name] = kind(raw)
    return found


def _persistent_secret(data_dir: Path) -> str:
    """A secret key kept under the data directory, so the embedded default needs no setup."""
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # Create with owner-only permissions; another process may have won the race.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def _check_networks(value: Any) -> None:
    """MODERATION_WEBHOOK_ALLOWED_NETWORKS must name networks: a typo stops the start."""
    items = value.replace(";", ",").split(",") if isinstance(value, str) else list(value)
    for item in items:
        if str(item).strip():
            try:
                ipaddress.ip_network(str(item).strip(), strict=False)
            except ValueError as error:
                raise ValueError(f"MODERATION_WEBHOOK_ALLOWED_NETWORKS: {error}") from None


def load_settings(
    test_config: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Return the full settings mapping for one app: defaults, environment, then ``test_config``."""
    env = os.environ if environ is None else environ
    settings: dict[str, Any] = {
        "DATA_DIR": "var",
        "RATELIMIT_STORAGE_URL": "memory://",
        "API_RATE_LIMIT": "1200 per minute",
        # The largest valid comment (65,525 characters of 4-byte UTF-8) plus metadata fits.
        "MAX_BODY_BYTES": 512 * 1024,
        # Requests of one site that may wait for their decision (?wait=) at once, per web
        # process; more are answered 202 at once.
        "WAIT_MAX_PER_SITE": 4,
        # Seconds the synchronous APIs (Akismet, Perspective, Coral) may spend scoring one
        # comment in the web process before answering 503 with Retry-After.
        "SYNC_SCORE_BUDGET_SECONDS": 2.0,
        "MODEL_REFRESH_SECONDS": 5.0,
        # Every this many seconds the beat process re-sends comments pending for longer (see
        # docs/operations.md): a comment a dead worker held is decided within about twice this.
        "PENDING_SWEEP_SECONDS": 30.0,
        "BROKER_VISIBILITY_TIMEOUT": 3600.0,
        # The scheduled run (0 turns it off) adapts each site with enough new labels; the gate
        # tolerance also bounds the operator's base retrain (moderation train --with-labels).
        "RETRAIN_INTERVAL_HOURS": 24.0,
        "RETRAIN_TOLERANCE": 0.01,
        # Per-site adaptation (docs/models.md, "Learning from your moderators"): a site is
        # adapted once it has this many labelled comments, and again after this many new ones.
        "ADAPT_MIN_LABELS": 20,
        "ADAPT_MIN_NEW_LABELS": 10,
        # Labels one site may send through the APIs (feedback, Akismet, Perspective) per hour;
        # more are answered 429. Moderators' own decisions are not counted.
        "LABELS_PER_SITE_PER_HOUR": 600,
        "LOG_LEVEL": "INFO",
        "SESSION_COOKIE_SECURE": False,
        # A moderator's session ends after this long without a request, and at the latest this
        # long after logging in (docs/security.md, "Moderator accounts and sessions").
        "SESSION_IDLE_MINUTES": 60.0,
        "SESSION_LIFETIME_HOURS": 12.0,
        # Checked log-in guesses from browsers that never logged in to the account: per address
        # (LOGIN_RATE_LIMIT) and per account (LOGIN_ACCOUNT_RATE_LIMIT); a browser that did
        # has the account's limit to itself, so nobody can lock its owner out (docs/security.md).
        "LOGIN_RATE_LIMIT": "10 per minute",
        "LOGIN_ACCOUNT_RATE_LIMIT": "10 per minute; 100 per day",
        "ENQUEUE": True,
        # The language-model stage scores every comment ("all"), only those the linear stage
        # is unsure about ("band", for very large sites), or none ("off").
        "ENCODER_MODE": "all",
        # Networks webhooks may reach although they are loopback, private, link-local...
        # (comma-separated, e.g. "10.0.0.0/8,127.0.0.1/32"; services/destinations.py).
        "WEBHOOK_ALLOWED_NETWORKS": "",
    }
    settings.update(_from_env(env))
    if test_config:
        settings.update(test_config)

    data_dir = Path(settings["DATA_DIR"]).resolve()
    settings["DATA_DIR"] = str(data_dir)
    settings.setdefault("DATABASE_URL", f"sqlite:///{data_dir / 'moderation.sqlite'}")
    settings.setdefault("BROKER_URL", f"sqla+sqlite:///{data_dir / 'broker.sqlite'}")
    settings.setdefault("MODEL_DIR", str(data_dir / "models"))
    # Per-site adaptations (small files; classifier/adaptation.py), beside the model versions.
    settings.setdefault("ADAPTATION_DIR", str(Path(settings["MODEL_DIR"]) / "sites"))
    settings.setdefault("CORPORA_DIR", None)
    # The project's own labelled examples, beside the packages in a source checkout.
    settings.setdefault(
        "TRAINING_DATA_DIR", str(Path(__file__).resolve().parent.parent / "training_data")
    )
    if not settings.get("SECRET_KEY"):
        settings["SECRET_KEY"] = _persistent_secret(data_dir)
    settings["MAX_CONTENT_LENGTH"] = settings["MAX_BODY_BYTES"]
    _check_networks(settings["WEBHOOK_ALLOWED_NETWORKS"])
    if settings["ENCODER_MODE"] not in ("all", "band", "off"):
        raise ValueError(
            f"MODERATION_ENCODER_MODE={settings['ENCODER_MODE']!r}: expected all, band or off"
        )
    return settings
