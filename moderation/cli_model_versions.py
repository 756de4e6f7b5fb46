"""Model commands: train, score, the registry (list, show, promote, rollback), recheck."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from classifier.registry import ModelRegistry
from moderation.db import get_db
from moderation.errors import Problem


def training_data_dir() -> Path:
    """The project's own labelled examples (MODERATION_TRAINING_DATA_DIR)."""
    here = Path(current_app.config["TRAINING_DATA_DIR"])
    if not here.is_dir():
        raise click.ClickException(
            f"training data folder not found at {here} (set MODERATION_TRAINING_DATA_DIR)"
        )
    return here


def _corpora(corpora_dir: Path | None) -> Path:
    corpora = corpora_dir or current_app.config.get("CORPORA_DIR")
    if corpora is None:
        raise click.ClickException("no corpora: pass --corpora-dir or set MODERATION_CORPORA_DIR")
    return Path(corpora)


@click.command("train")
@click.option(
    "--corpora-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of public corpora (default: MODERATION_CORPORA_DIR).",
)
@click.option("--max-per-corpus", type=int, default=None, help="Read at most N rows per corpus.")
@click.option(
    "--with-labels",
    is_flag=True,
    help="Learn from the moderators' and sites' labels; promote only through the gate.",
)
@click.option("--site", default=None, help="With --with-labels: weight this site's labels up.")
@click.option("--no-promote", is_flag=True, help="With --with-labels: store, never promote.")
@click.option("--activate", is_flag=True, help="Without --with-labels: activate the new version.")
@click.option(
    "--fine-tune-encoder",
    is_flag=True,
    help="Without --with-labels: fine-tune a new language-model stage too (pip install -e "
    "'.[train]'; about 40 minutes on 2 cores). Default: keep the active version's stage.",
)
@with_appcontext
def train_command(
    corpora_dir: Path | None,
    max_per_corpus: int | None,
    with_labels: bool,
    site: str | None,
    no_promote: bool,
    activate: bool,
    fine_tune_encoder: bool,
) -> None:
    """Train a model version and store it in the registry.

    Both stages: the linear models are fitted anew; the language-model stage is the active
    version's (or fine-tuned again with --fine-tune-encoder), its blend refitted.
    """
    from classifier.train import train
    from moderation.scoring import activate as activate_version
    from moderation.scoring import model_provider
    from moderation.services.retraining import retrain
    from moderation.services.sites import find_site

    corpora = _corpora(corpora_dir)
    registry = model_provider().registry
    if with_labels:
        with get_db().session() as session:
            site_id = None
            if site:
                try:
                    site_id = find_site(session, site).id
                except Problem as error:
                    raise click.ClickException(error.detail) from error
            outcome = retrain(
                session,
                registry=registry,
                corpora_dir=corpora,
                training_data_dir=training_data_dir(),
                site_id=site_id,
                max_per_corpus=max_per_corpus,
                progress=True,
                promote=not no_promote,
                tolerance=float(current_app.config["RETRAIN_TOLERANCE"]),
                actor="cli",
            )
        click.echo(f"saved model version {outcome.version}")
        click.echo(f"gate: {'promote' if outcome.promoted else 'keep'} — {outcome.reason}")
        click.echo(f"report: {outcome.report_path}")
        return
    if fine_tune_encoder:
        try:
            import torch  # noqa: F401
        except ImportError as exc:
            raise click.ClickException(
                "--fine-tune-encoder needs PyTorch: pip install -e '.[train]'"
            ) from exc
    model = train(
        corpora_dir=corpora,
        training_data_dir=training_data_dir(),
        max_per_corpus=max_per_corpus,
        progress=True,
        encoder_from=None if fine_tune_encoder else model_provider().get(),
        fine_tune_encoder=fine_tune_encoder,
    )
    version = registry.save(model)
    click.echo(f"saved model version {version}")
    if activate:
        with get_db().session() as session:
            activate_version(session, version, actor="cli", note="moderation train --activate")
        click.echo(f"activated {version}")


@click.command("score")
@click.option(
    "--input",
    "input_file",
    type=click.File("r", encoding="utf-8"),
    default="-",
    help="JSONL file (default: standard input).",
)
@click.option("--spans", is_flag=True, help="Add the character spans that explain each score.")
@click.option("--version", "version", default=None, help="Model version (default: the active one).")
@with_appcontext
def score_command(input_file: TextIO, spans: bool, version: str | None) -> None:
    """Score JSONL comments {"id", "text", ...}; print one JSONL line of scores per input."""
    from classifier.score import score_jsonl
    from moderation.scoring import model_provider

    provider = model_provider()
    model = provider.registry.load(version) if version else provider.get()
    try:
        score_jsonl(model, input_file, sys.stdout, spans=spans)
    except ValueError as error:
        raise click.ClickException(str(error)) from error


@click.group("models")
def models_group() -> None:
    """The model registry: list, show, promote, rollback."""


@models_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def models_list(as_json: bool) -> None:
    """List model versions, oldest first; the active one is marked with *."""
    from classifier.registry import ensure_builtin
    from moderation.scoring import active_version, model_provider

    registry = model_provider().registry
    ensure_builtin(registry)
    with get_db().session() as session:
        active = active_version(session)
    rows = []
    for version in registry.versions():
        meta = registry.metadata(version)
        decision = (meta.get("metrics") or {}).get("gate", {}).get("decision", {})
        rows.append(
            {
                "version": version,
                "active": version == active,
                "created_at": meta.get("created_at"),
                "gate": decision.get("reason"),
            }
        )
    if as_json:
        click.echo(json.dumps(rows))
        return
    for row in rows:
        mark = "*" if row["active"] else " "
        click.echo(f"{mark} {row['version']}  {row['created_at'] or ''}  {row['gate'] or ''}")


def _known_version(registry: ModelRegistry, version: str) -> str:
    if not registry.has(version):
        raise click.ClickException(f"no model version {version!r}")
    return version


@models_group.command("show")
@click.argument("version")
@with_appcontext
def models_show(version: str) -> None:
    """Print a version's metadata (library versions, training digest, metrics)."""
    from moderation.scoring import model_provider

    registry = model_provider().registry
    _known_version(registry, version)
    click.echo(json.dumps(registry.metadata(version), indent=2, default=str))
    report = registry.root / "reports" / version / "comparison.md"
    if report.exists():
        click.echo(f"comparison report: {report}")


@models_group.command("promote")
@click.argument("version")
@with_appcontext
def models_promote(version: str) -> None:
    """Make VERSION the active one; web and worker processes switch within seconds."""
    from moderation.scoring import activate, model_provider

    registry = model_provider().registry
    _known_version(registry, version)
    registry.load(version)  # refuse a version whose checksums or libraries do not match
    with get_db().session() as session:
        activate(session, version, actor="cli", note="moderation models promote")
    click.echo(f"active model is now {version}")


@models_group.command("rollback")
@with_appcontext
def models_rollback() -> None:
    """Make the version that was active before the current one active again."""
    from moderation.scoring import activate
    from moderation.tables import ModelActivation

    with get_db().session() as session:
        history = list(session.scalars(select(ModelActivation).order_by(ModelActivation.id.desc())))
        if not history:
            raise click.ClickException("no model has been activated yet")
        current = history[0].version
        earlier = next((row.version for row in history[1:] if row.version != current), None)
        if earlier is None:
            raise click.ClickException(f"{current} is the only version ever active")
        activate(session, earlier, actor="cli", note=f"rollback from {current}")
    click.echo(f"rolled back from {current} to {earlier}")


@click.command("recheck")
@click.option("--site", default=None, help="Only this site's held comments.")
@with_appcontext
def recheck_command(site: str | None) -> None:
    """Re-score the held queue with the active model; report the decisions that changed."""
    from moderation.scoring import model_provider
    from moderation.services.recheck import recheck_held
    from moderation.services.sites import find_site

    with get_db().session() as session:
        site_id = None
        if site:
            try:
                site_id = find_site(session, site).id
            except Problem as error:
                raise click.ClickException(error.detail) from error
        model = model_provider().get()
        result = recheck_held(session, model, site_id=site_id, actor="cli")
    click.echo(
        f"rechecked {result.checked} held comments with {model.version}; "
        f"{result.changed} decisions changed"
    )
