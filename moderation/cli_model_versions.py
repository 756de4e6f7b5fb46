"""Model commands: train, score, the registry (list, show, promote, rollback), recheck."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

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
        raise click.ClickException(
            "no corpora: pass --corpora-dir or set MODERATION_CORPORA_DIR (to learn from one "
            "site's labels without corpora: moderation models adapt --site SITE)"
        )
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
@click.option(
    "--site",
    default=None,
    help="With --with-labels: use this site's labels for this run and weight them up.",
)
@click.option(
    "--include-site",
    "include_sites",
    multiple=True,
    help="With --with-labels: use this site's labels for this run (repeatable); otherwise only "
    "the sites opted in with 'moderation models share-labels SITE --on'.",
)
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
    include_sites: tuple[str, ...],
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

    corpora = _corpora(corpora_dir)
    registry = model_provider().registry
    if with_labels:
        with get_db().session() as session:
            site_id = _site_id(session, site) if site else None
            included = [_site_id(session, name) for name in include_sites]
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
                include_sites=included,
            )
        click.echo(f"labels of sites {outcome.comparison['labels']['sites'] or 'none'}")
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


def _site_id(session: Any, name_or_id: str) -> int:
    from moderation.services.sites import find_site

    try:
        return find_site(session, name_or_id).id
    except Problem as error:
        raise click.ClickException(error.detail) from error


@click.group("models")
def models_group() -> None:
    """The model registry: list, show, promote, rollback; per-site adaptations."""


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
@click.option("--site", default=None, help="Make VERSION this site's active adaptation.")
@with_appcontext
def models_promote(version: str, site: str | None) -> None:
    """Make VERSION the active one; web and worker processes switch within seconds.

    With --site, VERSION is one of the site's adaptations (moderation models sites), or "none"
    to score the site with the base model alone.
    """
    from moderation.scoring import activate, model_provider

    if site:
        _promote_adaptation(site, version)
        return
    registry = model_provider().registry
    _known_version(registry, version)
    registry.load(version)  # refuse a version whose checksums or libraries do not match
    with get_db().session() as session:
        activate(session, version, actor="cli", note="moderation models promote")
    click.echo(f"active model is now {version}")


@models_group.command("rollback")
@click.option("--site", default=None, help="Roll back this site's adaptation only.")
@with_appcontext
def models_rollback(site: str | None) -> None:
    """Make the version that was active before the current one active again."""
    from moderation.scoring import activate
    from moderation.tables import ModelActivation

    if site:
        from moderation.services.adaptation import rollback_adaptation

        with get_db().session() as session:
            site_id = _site_id(session, site)
            try:
                earlier, current = rollback_adaptation(session, site_id, actor="cli")
            except LookupError as error:
                raise click.ClickException(str(error)) from error
        click.echo(f"site {site_id}: rolled back from {current} to {earlier or 'none'}")
        return

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
    from moderation.services.sites import list_sites

    with get_db().session() as session:
        ids = [_site_id(session, site)] if site else [s.id for s in list_sites(session)]
        checked = changed = 0
        for site_id in ids:
            # Each site's held comments with its own model (its adaptation, if any).
            model = model_provider().get(site_id=site_id)
            result = recheck_held(session, model, site_id=site_id, actor="cli")
            checked, changed = checked + result.checked, changed + result.changed
            if site:
                click.echo(f"site {site_id} scored with {model.version}")
    click.echo(f"rechecked {checked} held comments; {changed} decisions changed")


def _promote_adaptation(site: str, version: str) -> None:
    from moderation.scoring import active_version, model_provider
    from moderation.services.adaptation import activate_adaptation

    provider = model_provider()
    store = provider.adaptations
    assert store is not None
    with get_db().session() as session:
        site_id = _site_id(session, site)
        if version == "none":
            activate_adaptation(
                session, site_id, None, actor="cli", note="moderation models promote"
            )
            click.echo(f"site {site_id}: scored by the base model alone")
            return
        if not store.has(site_id, version):
            raise click.ClickException(f"site {site_id} has no adaptation {version!r}")
        adaptation = store.load(site_id, version)  # refuse one whose checksums do not match
        base = active_version(session)
        if base is not None and adaptation.base_version != base:
            raise click.ClickException(
                f"{version} adapts {adaptation.base_version}, but the active base is {base}: "
                "adapt the site again (moderation models adapt --site SITE)"
            )
        activate_adaptation(
            session, site_id, version, actor="cli", note="moderation models promote"
        )
    click.echo(f"site {site_id}: active adaptation is now {version}")


@models_group.command("adapt")
@click.option("--site", "sites", multiple=True, help="Site name or id (repeatable).")
@click.option("--all-sites", is_flag=True, help="Every site with enough labels.")
@click.option("--no-promote", is_flag=True, help="Store the adaptation, never promote it.")
@click.option(
    "--min-labels",
    type=int,
    default=None,
    help="Labelled comments a site needs (default: MODERATION_ADAPT_MIN_LABELS).",
)
@with_appcontext
def models_adapt(
    sites: tuple[str, ...], all_sites: bool, no_promote: bool, min_labels: int | None
) -> None:
    """Adapt the active model to a site's own labels (no corpora needed); per-site gate."""
    from moderation.scoring import model_provider
    from moderation.services.adaptation import adapt_site, anchor_cache
    from moderation.services.sites import list_sites

    if not sites and not all_sites:
        raise click.ClickException("name a site with --site, or pass --all-sites")
    provider = model_provider()
    base = provider.get()
    assert provider.adaptations is not None
    config = current_app.config
    with get_db().session() as session:
        ids = (
            [s.id for s in list_sites(session)]
            if all_sites
            else [_site_id(session, name) for name in sites]
        )
        for site_id in ids:
            outcome = adapt_site(
                session,
                site_id=site_id,
                base=base,
                store=provider.adaptations,
                min_labels=int(config["ADAPT_MIN_LABELS"]) if min_labels is None else min_labels,
                tolerance=float(config["RETRAIN_TOLERANCE"]),
                promote=not no_promote,
                actor="cli",
                cache_dir=anchor_cache(config),
            )
            if outcome.version is None:
                click.echo(f"site {site_id}: skipped ({outcome.reason})")
                continue
            state = "promoted" if outcome.promoted else "kept"
            click.echo(
                f"site {site_id}: saved adaptation {outcome.version} in {outcome.seconds:.1f}s"
            )
            click.echo(f"site {site_id}: gate: {state} — {outcome.reason}")


@models_group.command("sites")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def models_sites(as_json: bool) -> None:
    """Every site's adaptations, oldest first; each site's active one is marked with *."""
    from moderation.scoring import model_provider
    from moderation.services.adaptation import active_adaptations, training_settings
    from moderation.services.sites import list_sites

    store = model_provider().adaptations
    assert store is not None
    rows: list[dict[str, Any]] = []
    with get_db().session() as session:
        active = active_adaptations(session)
        for site in list_sites(session):
            settings = training_settings(session, site.id)
            versions = []
            for version in store.versions(site.id):
                meta = store.metadata(site.id, version)
                info = meta.get("info", {})
                versions.append(
                    {
                        "version": version,
                        "base_version": meta.get("base_version"),
                        "created_at": meta.get("created_at"),
                        "active": version == active.get(site.id),
                        "labels": info.get("labels", {}).get("counts", {}),
                        "gate": info.get("gate", {}).get("decision", {}).get("reason"),
                    }
                )
            rows.append(
                {
                    "site_id": site.id,
                    "site": site.name,
                    "active": active.get(site.id),
                    "share_with_base": settings.share_with_base,
                    "adapt": settings.adapt,
                    "versions": versions,
                }
            )
    if as_json:
        click.echo(json.dumps(rows))
        return
    for row in rows:
        shared = (
            "shares labels with the base" if row["share_with_base"] else "labels kept to itself"
        )
        click.echo(
            f"site {row['site_id']} {row['site']}: {row['active'] or 'base only'} ({shared})"
        )
        for v in row["versions"]:
            mark = "*" if v["active"] else " "
            click.echo(f"  {mark} {v['version']}  {v['created_at']}  {v['gate'] or ''}")


@models_group.command("share-labels")
@click.argument("site")
@click.option("--on/--off", "share", required=True, help="Opt the site in or out.")
@with_appcontext
def models_share_labels(site: str, share: bool) -> None:
    """Whether the base retrain (moderation train --with-labels) may use SITE's labels."""
    from moderation.services.adaptation import set_training_settings

    with get_db().session() as session:
        site_id = _site_id(session, site)
        set_training_settings(session, site_id, share_with_base=share, actor="cli")
    click.echo(f"site {site_id}: labels {'shared with' if share else 'kept from'} the base retrain")


@models_group.command("adapt-setting")
@click.argument("site")
@click.option("--on/--off", "adapt", required=True, help="Adapt the site on schedule or not.")
@with_appcontext
def models_adapt_setting(site: str, adapt: bool) -> None:
    """Whether the scheduled run adapts SITE's model to its labels."""
    from moderation.services.adaptation import set_training_settings

    with get_db().session() as session:
        site_id = _site_id(session, site)
        set_training_settings(session, site_id, adapt=adapt, actor="cli")
    click.echo(f"site {site_id}: scheduled adaptation {'on' if adapt else 'off'}")
