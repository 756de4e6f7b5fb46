"""``moderation evaluate``: write a model's evaluation report (Markdown plus PNG figures)."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from moderation.cli_model_versions import _corpora, training_data_dir


@click.command("evaluate")
@click.option("--version", "version", default=None, help="Model version (default: the active one).")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Report folder (default: reports/<version>/ under the data dir).",
)
@click.option(
    "--corpora-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of public corpora (default: MODERATION_CORPORA_DIR).",
)
@click.option(
    "--no-cross-corpus",
    is_flag=True,
    help="Skip the leave-one-corpus-out retraining (about a minute per corpus).",
)
@click.option("--max-per-corpus", type=int, default=None, help="Read at most N rows per corpus.")
@with_appcontext
def evaluate_command(
    version: str | None,
    out_dir: Path | None,
    corpora_dir: Path | None,
    no_cross_corpus: bool,
    max_per_corpus: int | None,
) -> None:
    """Evaluate a model on the held-out test parts and write its report (model card)."""
    from classifier.registry import builtin_registry
    from classifier.report import write_report
    from moderation.scoring import model_provider
    from moderation.services.policy import SiteSettings

    corpora = _corpora(corpora_dir)
    provider = model_provider()
    if version is None:
        model = provider.get()
    elif provider.registry.has(version):
        model = provider.registry.load(version)
    elif builtin_registry().has(version):
        model = builtin_registry().load(version)
    else:
        raise click.ClickException(f"no model version {version!r}")
    name = version or model.version
    target = out_dir or Path(current_app.config["DATA_DIR"]) / "reports" / name
    settings = SiteSettings()
    path = write_report(
        model,
        corpora,
        target,
        thresholds=settings.thresholds,
        cross_corpus=not no_cross_corpus,
        max_per_corpus=max_per_corpus,
        training_data_dir=training_data_dir(),
        progress=True,
    )
    click.echo(f"report: {path}")
