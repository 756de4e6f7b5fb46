"""Learning from a site's moderators: per-site adaptation runs, their gate, and label intake.

A run (:func:`adapt_site`) takes one site's labels alone (the latest word per comment, one per
text), holds out the newest ``holdout_fraction`` of them, fits an adaptation of the active base
model on the rest (:mod:`classifier.adaptation`) and compares, on the held-out labels, the base
model, the site's current adaptation and the candidate; on the fixed anchor set it bounds what
the candidate changes against the base. The candidate passes when

* its mean Brier score on the held-out labels is lower than the current model's (the site's
  active adaptation, else the base model), and
* on the anchor set at the site's thresholds it moves at most :data:`ANCHOR_MAX_WORSE` anchors
  (or :data:`ANCHOR_MAX_WORSE_FRACTION` of them) to the wrong side of a threshold, and its mean
  ROC-AUC there falls by no more than ``tolerance``.

A passing candidate is fitted again on all the site's labels (checked against the anchors once
more) and promoted for that site alone; either way the version is stored with its report. No
public corpus is read anywhere here. Another site's scores never change: each adaptation
applies to its own site's comments only (``moderation.scoring.ModelProvider.get``).

Label intake (:func:`admit_label`): a label that repeats the comment's current word is not
stored again, and a site may send at most ``LABELS_PER_SITE_PER_HOUR`` labels an hour through
the APIs (429 beyond).
"""

from __future__ import annotations

import copy
import logging
import math
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from classifier.adaptation import (
    AdaptationIntegrityError,
    AdaptationStore,
    Anchors,
    SiteAdaptation,
    anchor_comparison,
    base_logits,
    evaluate_rows,
    fit_adaptation,
    load_anchors,
    probabilities,
)
from classifier.encoder import EncoderStage
from classifier.model import ModerationModel
from classifier.normalize import normalize
from classifier.types import CommentInput
from moderation.errors import TooManyRequests
from moderation.services.labels import LabelledComment, latest_labels
from moderation.services.policy import SiteSettings
from moderation.tables import Label, Site, SiteModelActivation, SiteTrainingSettings
from moderation.tables.base import utcnow

log = logging.getLogger(__name__)

#: The anchor bound: at most this many anchors, or this fraction of them, moved to the wrong
#: side of a threshold by the adaptation, per attribute.
ANCHOR_MAX_WORSE = 3
ANCHOR_MAX_WORSE_FRACTION = 0.005
#: Where adaptations live under the model folder.
SITES_FOLDER = "sites"
#: Sources of labels that arrive through the APIs (counted by the intake limit).
MODERATOR_SOURCE = "moderator"
_FAMILIES = {"spam": "spam", "ham": "spam", "toxic": "toxicity", "acceptable": "toxicity"}


def adaptation_store(config: Mapping[str, Any]) -> AdaptationStore:
    """The per-site adaptations of the install (ADAPTATION_DIR, default ``<MODEL_DIR>/sites``)."""
    folder = config.get("ADAPTATION_DIR") or Path(config["MODEL_DIR"]) / SITES_FOLDER
    return AdaptationStore(Path(folder))


def anchor_cache(config: Mapping[str, Any]) -> Path:
    """Where the base model's scores of the anchor set are kept (one file per part)."""
    return Path(config["MODEL_DIR"]) / "cache"


# ------------------------------------------------------------------------------------------
# Which adaptation is active for a site
# ------------------------------------------------------------------------------------------


def active_adaptations(session: Session) -> dict[int, str | None]:
    """Every site's active adaptation (None: the base model alone), from one query."""
    latest = (
        select(func.max(SiteModelActivation.id)).group_by(SiteModelActivation.site_id)
    ).scalar_subquery()
    rows = session.execute(
        select(SiteModelActivation.site_id, SiteModelActivation.version).where(
            SiteModelActivation.id.in_(latest)
        )
    )
    return {int(site_id): version for site_id, version in rows}


def active_adaptation(session: Session, site_id: int) -> str | None:
    """The site's active adaptation, or None when the base model scores it alone."""
    return session.scalar(
        select(SiteModelActivation.version)
        .where(SiteModelActivation.site_id == site_id)
        .order_by(SiteModelActivation.id.desc())
        .limit(1)
    )


def activate_adaptation(
    session: Session, site_id: int, version: str | None, *, actor: str | None, note: str = ""
) -> None:
    """Make ``version`` the site's active adaptation (None: base model only); commit."""
    session.add(
        SiteModelActivation(site_id=site_id, version=version, actor=actor, note=note[:500] or None)
    )
    session.commit()
    log.info("site_id=%s adaptation now %s (by %s)", site_id, version or "none", actor)


def rollback_adaptation(session: Session, site_id: int, *, actor: str) -> tuple[str | None, str]:
    """Make the site's previously active adaptation active again; return (it, the one left).

    Before the first activation the previous one is "none" (the base model alone).
    """
    history = list(
        session.scalars(
            select(SiteModelActivation.version)
            .where(SiteModelActivation.site_id == site_id)
            .order_by(SiteModelActivation.id.desc())
        )
    )
    if not history or history[0] is None:
        raise LookupError("the site has no active adaptation to roll back")
    current = history[0]
    earlier = next((v for v in history[1:] if v != current), None)
    activate_adaptation(session, site_id, earlier, actor=actor, note=f"rollback from {current}")
    return earlier, current


def adaptation_history(
    session: Session, site_id: int, limit: int = 10
) -> list[SiteModelActivation]:
    return list(
        session.scalars(
            select(SiteModelActivation)
            .where(SiteModelActivation.site_id == site_id)
            .order_by(SiteModelActivation.id.desc())
            .limit(limit)
        )
    )


# ------------------------------------------------------------------------------------------
# What the operator decided about a site's labels
# ------------------------------------------------------------------------------------------


def training_settings(session: Session, site_id: int) -> SiteTrainingSettings:
    """The site's settings row (a default one, not added, when it has none)."""
    row = session.get(SiteTrainingSettings, site_id)
    return row or SiteTrainingSettings(site_id=site_id, share_with_base=False, adapt=True)


def set_training_settings(
    session: Session,
    site_id: int,
    *,
    share_with_base: bool | None = None,
    adapt: bool | None = None,
    actor: str | None,
) -> SiteTrainingSettings:
    """Change what the site's labels may train; commit."""
    row = session.get(SiteTrainingSettings, site_id)
    if row is None:
        row = SiteTrainingSettings(site_id=site_id, share_with_base=False, adapt=True)
        session.add(row)
    if share_with_base is not None:
        row.share_with_base = share_with_base
    if adapt is not None:
        row.adapt = adapt
    row.actor, row.updated_at = actor, utcnow()
    session.commit()
    return row


def shared_site_ids(session: Session) -> set[int]:
    """Sites whose labels the base retrain may learn from (the operator opted them in)."""
    return set(
        session.scalars(
            select(SiteTrainingSettings.site_id).where(SiteTrainingSettings.share_with_base)
        )
    )


# ------------------------------------------------------------------------------------------
# Label intake
# ------------------------------------------------------------------------------------------


class LabelsRateLimited(TooManyRequests):
    """A site sent more labels in the last hour than LABELS_PER_SITE_PER_HOUR allows."""


def admit_label(
    session: Session,
    *,
    site_id: int,
    comment_id: str,
    label: str,
    attribute: str | None = None,
    limit_per_hour: int,
) -> bool:
    """Whether to store a label arriving through an API; raise LabelsRateLimited over the limit.

    False when it repeats the comment's current word on the same question (spam or toxicity):
    one comment has one current label, and sending it again changes nothing. Otherwise the
    site's labels of the last hour (moderators' excepted) must be under ``limit_per_hour``.
    """
    family = _FAMILIES.get(label)
    if family is not None:
        same_family = [k for k, v in _FAMILIES.items() if v == family]
        current = session.execute(
            select(Label)
            .where(Label.comment_id == comment_id, Label.label.in_(same_family))
            .order_by(Label.created_at.desc(), Label.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if current is not None and current.label == label:
            stored = getattr(current, "attribute", None)
            if attribute is None or stored == attribute:
                return False
    since = utcnow() - timedelta(hours=1)
    recent = session.scalar(
        select(func.count())
        .select_from(Label)
        .where(
            Label.site_id == site_id,
            Label.created_at > since,
            Label.source != MODERATOR_SOURCE,
        )
    )
    if (recent or 0) >= limit_per_hour:
        oldest = session.scalar(
            select(func.min(Label.created_at)).where(
                Label.site_id == site_id, Label.created_at > since, Label.source != MODERATOR_SOURCE
            )
        )
        wait = 60.0
        if oldest is not None:
            wait = max(1.0, (oldest + timedelta(hours=1) - utcnow()).total_seconds())
        log.warning("label intake limit reached site_id=%s (%d in the last hour)", site_id, recent)
        raise LabelsRateLimited(
            f"This site sent {recent} labels in the last hour; the limit is {limit_per_hour}.",
            retry_after=math.ceil(wait),
        )
    return True


# ------------------------------------------------------------------------------------------
# A site's labels as training rows
# ------------------------------------------------------------------------------------------


def _text_key(text: str) -> str:
    return " ".join(normalize(text).text.lower().split())


def site_examples(session: Session, site_id: int) -> list[LabelledComment]:
    """The site's labelled comments, oldest first: the latest word per comment, one per text.

    The same text labelled on many comments (a flood, or a campaign pasted again) counts once,
    with its latest label.
    """
    by_text: dict[str, LabelledComment] = {}
    for item in latest_labels(session, site_id=site_id):
        key = _text_key(item.example.text)
        by_text.pop(key, None)
        by_text[key] = item
    out = list(by_text.values())
    out.sort(key=lambda item: item.labelled_at)
    return out


# ------------------------------------------------------------------------------------------
# A run
# ------------------------------------------------------------------------------------------


@dataclass
class AdaptOutcome:
    site_id: int
    version: str | None
    previous: str | None
    promoted: bool
    reason: str
    report: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def split_holdout(
    labels: list[LabelledComment], holdout_fraction: float
) -> tuple[list[LabelledComment], list[LabelledComment]]:
    """Time-ordered: the newest ``holdout_fraction`` of the labels (at least one) is held out."""
    if len(labels) < 5:
        return list(labels), []
    held = max(1, math.ceil(len(labels) * holdout_fraction))
    return list(labels[:-held]), list(labels[-held:])


def site_gate(report: dict[str, Any], *, tolerance: float) -> tuple[bool, str]:
    """Whether a site's candidate may be promoted, and why (see the module docstring)."""
    holdout = report["holdout"]
    candidate = holdout["candidate"]["mean_brier"]
    reference_name = "current" if holdout.get("current") else "base"
    reference = holdout[reference_name]["mean_brier"]
    if candidate is None:
        return False, "no held-out labels to show an improvement"
    if reference is not None and candidate >= reference:
        return False, (
            f"no improvement on the site's newest labels (Brier {candidate:.5f} vs "
            f"{reference:.5f} for the {reference_name} model)"
        )
    problem = anchor_problem(report["anchors"], tolerance=tolerance)
    if problem:
        return False, problem
    return True, (
        f"better on the site's newest labels (Brier {candidate:.5f} vs {reference:.5f}) and "
        "within the anchor bound"
    )


def anchor_problem(anchors: dict[str, Any], *, tolerance: float) -> str | None:
    """Why the anchor comparison bars a candidate, or None."""
    for attribute, row in anchors["per_attribute"].items():
        allowed = max(ANCHOR_MAX_WORSE, math.ceil(ANCHOR_MAX_WORSE_FRACTION * row["n"]))
        if row["worse"] > allowed:
            return (
                f"{row['worse']} anchors of {row['n']} moved to the wrong side of the {attribute} "
                f"threshold (at most {allowed})"
            )
    base, adapted = anchors["base"]["mean_roc_auc"], anchors["adapted"]["mean_roc_auc"]
    if base is not None and adapted is not None and adapted < base - tolerance:
        return f"anchor ROC-AUC falls from {base:.4f} to {adapted:.4f} (tolerance {tolerance})"
    return None


def _training_copy(model: ModerationModel) -> ModerationModel:
    """``model`` with a language-model stage of its own on two threads (runs are batch work)."""
    if model.encoder is None or (os.cpu_count() or 1) < 2:
        return model
    faster = copy.copy(model)
    stage: EncoderStage = model.encoder
    faster.encoder = EncoderStage(
        stage.onnx_model, stage.tokenizer_json, threads=2, facts=stage.facts
    )
    return faster


def _anchors(base: ModerationModel, cache: Path) -> tuple[Anchors, Anchors]:
    parts = load_anchors()
    background = Anchors.load_cached(cache / "anchors-background.npz", base, parts["background"])
    gate = Anchors.load_cached(cache / "anchors-gate.npz", base, parts["gate"])
    return background, gate


def adapt_site(
    session: Session,
    *,
    site_id: int,
    base: ModerationModel,
    store: AdaptationStore,
    min_labels: int = 20,
    holdout_fraction: float = 0.2,
    tolerance: float = 0.01,
    promote: bool = True,
    actor: str = "adapt",
    cache_dir: Path | None = None,
) -> AdaptOutcome:
    """One adaptation run for one site (see the module docstring); no corpus is read."""
    started = time.perf_counter()
    site = session.get(Site, site_id)
    if site is None:
        raise LookupError(f"no site {site_id}")
    thresholds = SiteSettings.for_site(site.settings).thresholds
    previous = active_adaptation(session, site_id)
    labels = site_examples(session, site_id)
    if len(labels) < min_labels:
        reason = f"{len(labels)} labelled comments, fewer than {min_labels}"
        log.info("adaptation skipped site_id=%s: %s", site_id, reason)
        return AdaptOutcome(site_id, None, previous, False, reason)
    # Nothing of the caller's session is needed while fitting: no transaction held open.
    session.commit()
    model = _training_copy(base)
    background, gate_set = _anchors(model, cache_dir or store.root)
    examples = [replace(item.example, weight=1.0) for item in labels]
    items = [CommentInput(e.text, e.author_name, e.author_email, e.author_url) for e in examples]
    z, x, _ = base_logits(model, items)
    train_part, _ = split_holdout(labels, holdout_fraction)
    n_train = len(train_part)
    candidate = fit_adaptation(
        model,
        examples[:n_train],
        site_id=site_id,
        background=background,
        labelled=(z[:n_train], x[:n_train]),
    )
    current = _current(store, site_id, previous, base.version)
    held = examples[n_train:]
    z_held, x_held = z[n_train:], x[n_train:]
    report: dict[str, Any] = {
        "holdout": {
            "base": evaluate_rows(probabilities(z_held), held),
            "current": (
                evaluate_rows(probabilities(current.adjust(z_held, x_held)), held)
                if current is not None
                else None
            ),
            "current_version": current.version if current is not None else None,
            "candidate": evaluate_rows(probabilities(candidate.adjust(z_held, x_held)), held),
        },
        "anchors": anchor_comparison(gate_set, candidate, thresholds),
        "tolerance": tolerance,
    }
    ok, reason = site_gate(report, tolerance=tolerance)
    final = candidate
    if ok:
        final = fit_adaptation(
            model, examples, site_id=site_id, background=background, labelled=(z, x)
        )
        report["anchors_final"] = anchor_comparison(gate_set, final, thresholds)
        problem = anchor_problem(report["anchors_final"], tolerance=tolerance)
        if problem:
            ok, reason, final = False, f"refitted on every label: {problem}", candidate
    counts = _counts(examples)
    final.info.update(
        {
            "labels": {
                "total": len(examples),
                "train": n_train if final is candidate else len(examples),
                "holdout": len(held),
                "counts": counts,
                "newest": labels[-1].labelled_at.isoformat(),
            },
            "gate": {**report, "decision": {"promote": ok, "reason": reason}},
            "actor": actor,
            "refitted_on_all_labels": final is not candidate,
        }
    )
    version = store.save(final)
    promoted = bool(ok and promote)
    if promoted:
        activate_adaptation(
            session, site_id, version, actor=actor, note=f"promoted by the site gate: {reason}"
        )
    seconds = time.perf_counter() - started
    log.info(
        "adapted site_id=%s version=%s promoted=%s labels=%d seconds=%.1f (%s)",
        site_id,
        version,
        promoted,
        len(examples),
        seconds,
        reason,
    )
    return AdaptOutcome(site_id, version, previous, promoted, reason, final.info, seconds)


def _current(
    store: AdaptationStore, site_id: int, version: str | None, base_version: str
) -> SiteAdaptation | None:
    if not version:
        return None
    try:
        adaptation = store.load(site_id, version)
    except AdaptationIntegrityError:
        log.exception("site_id=%s: active adaptation %s cannot be read", site_id, version)
        return None
    return adaptation if adaptation.base_version == base_version else None


def _counts(examples: list[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in examples:
        for attribute, value in e.labels.items():
            key = f"{attribute}:{'yes' if value else 'no'}"
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


# ------------------------------------------------------------------------------------------
# The scheduled run's choice of sites
# ------------------------------------------------------------------------------------------


def sites_to_adapt(
    session: Session,
    *,
    store: AdaptationStore,
    base_version: str,
    min_labels: int,
    min_new_labels: int,
) -> list[tuple[int, str]]:
    """The sites a scheduled run adapts, with why: enough labels, and new ones or a new base."""
    counts = dict(
        session.execute(
            select(Label.site_id, func.count(func.distinct(Label.comment_id)))
            .where(Label.source != "test")
            .group_by(Label.site_id)
        ).all()
    )
    opted_out = set(
        session.scalars(
            select(SiteTrainingSettings.site_id).where(SiteTrainingSettings.adapt.is_(False))
        )
    )
    active = active_adaptations(session)
    chosen = []
    for site_id, labelled in sorted(counts.items()):
        if site_id in opted_out or labelled < min_labels:
            continue
        versions = store.versions(site_id)
        if not versions:
            chosen.append((site_id, f"{labelled} labelled comments, no adaptation yet"))
            continue
        newest = store.metadata(site_id, versions[-1])
        active_version = active.get(site_id)
        active_base = (
            store.metadata(site_id, active_version).get("base_version")
            if active_version and store.has(site_id, active_version)
            else newest.get("base_version")
        )
        if active_base != base_version:
            chosen.append((site_id, f"the base model is now {base_version}"))
            continue
        since_text = newest.get("info", {}).get("labels", {}).get("newest") or newest["created_at"]
        since = datetime.fromisoformat(since_text)
        new = session.scalar(
            select(func.count())
            .select_from(Label)
            .where(Label.site_id == site_id, Label.source != "test", Label.created_at > since)
        )
        if (new or 0) >= min_new_labels:
            chosen.append((site_id, f"{new} new labels"))
    return chosen
