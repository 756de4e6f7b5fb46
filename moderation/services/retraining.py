"""Retraining runs: labels in, a candidate model out, promoted only through the gate.

A run builds its training set from the public corpora, the project's own examples and the human
labels (latest label per comment, weighted up), holding out the most recent labels. Only the
labels of sites the operator opted in are used (``moderation models share-labels SITE --on``,
or ``--include-site`` / ``--site`` for one run): a site's labels otherwise adapt only its own
model (``moderation.services.adaptation``), never the base model every site shares. The
candidate and the active version are then compared on

* the fixed ``test`` part of the public corpora (:func:`classifier.corpora.split`), and
* the held-out recent labels (time-ordered: the newest ``holdout_fraction`` of them).

The candidate is promoted only if it is better on the recent labels (lower Brier score) and its
mean ROC-AUC on the base split falls by no more than ``tolerance``. The comparison is stored in
the version's metadata and as a Markdown report with figures under ``<model dir>/reports/``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from classifier import ATTRIBUTES
from classifier.corpora import load_all, split
from classifier.metrics import both_classes, brier_score, roc_auc
from classifier.model import ModerationModel
from classifier.registry import BUILTIN_VERSION, ModelRegistry, builtin_registry
from classifier.train import train
from classifier.types import CommentInput, LabelledExample
from moderation.scoring import activate, active_version
from moderation.services.adaptation import shared_site_ids
from moderation.services.labels import LabelledComment, latest_labels

log = logging.getLogger(__name__)

LABEL_WEIGHT = 5.0  # a moderator's label counts as much as five corpus rows
SITE_LABEL_WEIGHT = 10.0  # labels of the site a run is for (--site)
MIN_SITE_LABELS = 20  # a site needs this many labels before its labels are weighted up


def evaluate(model: ModerationModel, examples: Sequence[LabelledExample]) -> dict[str, Any]:
    """Per-attribute ROC-AUC (where both classes occur) and Brier score of ``model``."""
    if not examples:
        return {"n": 0, "roc_auc": {}, "brier": {}, "mean_roc_auc": None, "mean_brier": None}
    items = [
        CommentInput(
            text=e.text,
            author_name=e.author_name,
            author_email=e.author_email,
            author_url=e.author_url,
        )
        for e in examples
    ]
    results = model.score(items)
    roc: dict[str, float] = {}
    brier: dict[str, float] = {}
    for attribute in ATTRIBUTES:
        pairs = [
            (e.labels[attribute], r.scores[attribute])
            for e, r in zip(examples, results, strict=True)
            if attribute in e.labels
        ]
        if not pairs:
            continue
        y = np.array([p[0] for p in pairs], dtype=float)
        p = np.array([p[1] for p in pairs], dtype=float)
        brier[attribute] = brier_score(y, p)
        if both_classes(y):
            roc[attribute] = roc_auc(y, p)
    return {
        "n": len(examples),
        "roc_auc": roc,
        "brier": brier,
        "mean_roc_auc": float(np.mean(list(roc.values()))) if roc else None,
        "mean_brier": float(np.mean(list(brier.values()))) if brier else None,
    }


def base_evaluation_set(
    corpora_dir: Path | None, *, max_per_corpus: int | None
) -> list[LabelledExample]:
    """The fixed ``test`` part of the public corpora (empty without corpora)."""
    if corpora_dir is None:
        return []
    return split(load_all(corpora_dir, max_per_corpus=max_per_corpus))["test"]


def split_labels(
    labels: Sequence[LabelledComment], holdout_fraction: float
) -> tuple[list[LabelledComment], list[LabelledComment]]:
    """Time-ordered split: the newest ``holdout_fraction`` of the labels is held out."""
    if len(labels) < 5:
        return list(labels), []
    held = max(1, math.ceil(len(labels) * holdout_fraction))
    return list(labels[:-held]), list(labels[-held:])


def weighted_examples(
    labels: Sequence[LabelledComment], *, site_id: int | None
) -> list[LabelledExample]:
    site_count = sum(1 for item in labels if item.site_id == site_id) if site_id else 0
    out = []
    for item in labels:
        weight = LABEL_WEIGHT
        if site_id is not None and item.site_id == site_id and site_count >= MIN_SITE_LABELS:
            weight = SITE_LABEL_WEIGHT
        out.append(replace(item.example, weight=weight))
    return out


@dataclass
class RetrainOutcome:
    version: str
    previous: str | None
    promoted: bool
    reason: str
    comparison: dict[str, Any] = field(default_factory=dict)
    report_path: Path | None = None


def gate(comparison: dict[str, Any], *, tolerance: float) -> tuple[bool, str]:
    """Whether a candidate may be promoted, and why (see the module docstring)."""
    recent_active = comparison["recent"]["active"]["mean_brier"]
    recent_candidate = comparison["recent"]["candidate"]["mean_brier"]
    if recent_candidate is None:
        return False, "no recent labels held out to show an improvement"
    if recent_active is not None and recent_candidate >= recent_active:
        return False, (
            f"no improvement on recent labels (Brier {recent_candidate:.4f} vs {recent_active:.4f})"
        )
    base_active = comparison["base"]["active"]["mean_roc_auc"]
    base_candidate = comparison["base"]["candidate"]["mean_roc_auc"]
    falls = (
        base_active is not None
        and base_candidate is not None
        and base_candidate < base_active - tolerance
    )
    if falls:
        return False, (
            f"base split ROC-AUC falls from {base_active:.4f} to {base_candidate:.4f}, "
            f"more than the tolerance {tolerance}"
        )
    return True, "better on recent labels and within tolerance on the base split"


def retrain(
    session: Session,
    *,
    registry: ModelRegistry,
    corpora_dir: Path | None,
    training_data_dir: Path,
    site_id: int | None = None,
    holdout_fraction: float = 0.2,
    tolerance: float = 0.01,
    max_per_corpus: int | None = None,
    progress: bool = False,
    promote: bool = True,
    actor: str = "retrain",
    include_sites: Sequence[int] = (),
) -> RetrainOutcome:
    """One retraining run: train a candidate with the labels, compare, store, maybe promote.

    The labels are those of the sites opted in (:func:`shared_site_ids`), ``include_sites`` and
    ``site_id``; every other site's labels stay out of the base model.
    """
    sharing = shared_site_ids(session) | set(include_sites)
    if site_id is not None:
        sharing.add(site_id)
    labels = [item for item in latest_labels(session) if item.site_id in sharing]
    train_labels, recent = split_labels(labels, holdout_fraction)
    log.info(
        "retraining with %d labels (%d held out as recent) of sites %s, site_id=%s",
        len(train_labels),
        len(recent),
        sorted(sharing),
        site_id,
    )
    previous = active_version(session)
    active_model = registry.load(previous) if previous and registry.has(previous) else None
    # The candidate keeps the active version's language-model stage (or the shipped one's):
    # fine-tuning it again needs PyTorch and an hour; its blend is refitted with the corpora.
    base = active_model or builtin_registry().load(BUILTIN_VERSION)
    candidate = train(
        corpora_dir=corpora_dir,
        training_data_dir=training_data_dir,
        extra=weighted_examples(train_labels, site_id=site_id),
        max_per_corpus=max_per_corpus,
        progress=progress,
        encoder_from=base,
    )
    base_set = base_evaluation_set(corpora_dir, max_per_corpus=max_per_corpus)
    recent_set = [item.example for item in recent]
    comparison: dict[str, Any] = {"base": {}, "recent": {}, "tolerance": tolerance}
    for name, model in (("candidate", candidate), ("active", active_model)):
        comparison["base"][name] = evaluate(model, base_set) if model else evaluate(candidate, [])
        comparison["recent"][name] = (
            evaluate(model, recent_set) if model else evaluate(candidate, [])
        )
    ok, reason = gate(comparison, tolerance=tolerance)
    comparison["decision"] = {"promote": ok, "reason": reason, "against": previous}
    comparison["labels"] = {
        "train": len(train_labels),
        "recent": len(recent),
        "site_id": site_id,
        "sites": sorted(sharing),
    }
    version = registry.save(candidate, metrics={"gate": comparison}, notes=f"retrain by {actor}")
    report = write_report(registry.root / "reports" / version, version, previous, comparison)
    promoted = bool(ok and promote)
    if promoted:
        activate(session, version, actor=actor, note=f"promoted by the gate: {reason}")
    log.info("retrained version=%s promoted=%s (%s)", version, promoted, reason)
    return RetrainOutcome(version, previous, promoted, reason, comparison, report)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.4f}"


def write_report(
    folder: Path, version: str, previous: str | None, comparison: dict[str, Any]
) -> Path:
    """The comparison as Markdown plus a bar chart of per-attribute ROC-AUC; returns the .md."""
    from classifier.report import comparison_figure

    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        f"# Candidate {version} against {previous or '(none)'}",
        "",
        f"Decision: **{'promote' if comparison['decision']['promote'] else 'keep'}** — "
        f"{comparison['decision']['reason']}.",
        "",
        f"Labels: {comparison['labels']['train']} for training, "
        f"{comparison['labels']['recent']} most recent held out.",
        "",
        "| split | model | n | mean ROC-AUC | mean Brier |",
        "|---|---|---|---|---|",
    ]
    for split_name in ("base", "recent"):
        for model_name in ("active", "candidate"):
            result = comparison[split_name][model_name]
            lines.append(
                f"| {split_name} | {model_name} | {result['n']} | "
                f"{_fmt(result['mean_roc_auc'])} | {_fmt(result['mean_brier'])} |"
            )
    lines += ["", "| attribute | base ROC-AUC active | base ROC-AUC candidate |", "|---|---|---|"]
    base = comparison["base"]
    for attribute in ATTRIBUTES:
        lines.append(
            f"| {attribute} | {_fmt(base['active']['roc_auc'].get(attribute))} | "
            f"{_fmt(base['candidate']['roc_auc'].get(attribute))} |"
        )
    lines += ["", "![ROC-AUC per attribute on the base split](base_roc_auc.png)", ""]
    (folder / "comparison.md").write_text("\n".join(lines))

    roc_auc_of = {name: base[name]["roc_auc"] for name in ("active", "candidate")}
    comparison_figure(folder / "base_roc_auc.png", roc_auc_of)
    return folder / "comparison.md"
