"""Blend weights of the language-model stage, chosen on held-out rows.

For each toxicity attribute a logistic regression over two inputs, the linear stage's
calibrated logit and the encoder's logit, fitted on rows neither stage trained on (the
``dev`` part of the fixed corpus split, as submitted). Its two coefficients weigh the stages
and its intercept and scale calibrate the blend, so a blended 0.8 means about 80% on such
rows. A rare attribute (fewer than :data:`MIN_POSITIVES` labelled positives there: threats,
severe toxicity) takes the two coefficients of a regression pooled over every toxicity
attribute and fits only its own intercept; with fewer than :data:`MIN_RARE_POSITIVES` it
keeps the linear stage's score.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from classifier import ATTRIBUTES, TOXICITY_ATTRIBUTES
from classifier.corpora import CORPORA, load_corpus, split
from classifier.identities import as_submitted
from classifier.types import CommentInput, LabelledExample

__all__ = ["MIN_POSITIVES", "blend_rows", "fit_blend"]

#: Fewer labelled positives than this on the held-out rows: pooled coefficients.
MIN_POSITIVES = 40
#: Fewer than this: the attribute is not blended.
MIN_RARE_POSITIVES = 5


def blend_rows(
    corpora_dir: Path,
    corpora: Sequence[str] = CORPORA,
    *,
    part: str = "dev",
    max_per_corpus: int | None = None,
) -> list[LabelledExample]:
    """The held-out rows the blend is fitted on: ``part`` of every named corpus, as submitted."""
    rows: list[LabelledExample] = []
    for name in corpora:
        rows.extend(split(load_corpus(name, corpora_dir, max_rows=max_per_corpus))[part])
    return as_submitted(rows)


def fit_blend(
    linear_logits: np.ndarray[Any, Any],
    encoder_logits: np.ndarray[Any, Any],
    records: Sequence[LabelledExample],
    *,
    min_positives: int = MIN_POSITIVES,
) -> dict[str, list[float]]:
    """``{attribute: [w_linear, w_encoder, bias]}`` from the two stages' logits on ``records``."""
    weights = np.array([r.weight for r in records], dtype=np.float64)
    data: dict[str, tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]] = {}
    for attribute in TOXICITY_ATTRIBUTES:
        j = ATTRIBUTES.index(attribute)
        keep = np.array([attribute in r.labels for r in records], dtype=bool)
        y = np.array([r.labels.get(attribute, 0) for r in records])[keep]
        x = np.column_stack([linear_logits[keep, j], encoder_logits[keep, j]])
        data[attribute] = (x, y, weights[keep])
    out: dict[str, list[float]] = {}
    rare = []
    for attribute, (x, y, w) in data.items():
        positives, negatives = int(y.sum()), int((1 - y).sum())
        if min(positives, negatives) >= min_positives:
            out[attribute] = _logistic(x, y, w)
        elif min(positives, negatives) >= MIN_RARE_POSITIVES:
            rare.append(attribute)
    if rare and out:
        pooled = [data[a] for a in data if a in out]
        slopes = _logistic(
            np.vstack([d[0] for d in pooled]),
            np.concatenate([d[1] for d in pooled]),
            np.concatenate([d[2] for d in pooled]),
        )[:2]
        for attribute in rare:
            x, y, w = data[attribute]
            out[attribute] = [*slopes, _intercept(x @ np.asarray(slopes), y, w)]
    return out


def _logistic(
    x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], w: np.ndarray[Any, Any]
) -> list[float]:
    fitted = LogisticRegression(C=1.0, max_iter=1000).fit(x, y, sample_weight=w)
    return [float(fitted.coef_[0, 0]), float(fitted.coef_[0, 1]), float(fitted.intercept_[0])]


def _intercept(
    offset: np.ndarray[Any, Any], y: np.ndarray[Any, Any], w: np.ndarray[Any, Any]
) -> float:
    """The weighted maximum-likelihood intercept of a logistic model with a fixed ``offset``."""
    b = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(offset + b)))
        gradient = float((w * (y - p)).sum())
        curvature = float((w * p * (1.0 - p)).sum()) + 1e-9
        b += gradient / curvature
        if abs(gradient / curvature) < 1e-8:
            break
    return b


def items_of(records: Sequence[LabelledExample]) -> list[CommentInput]:
    """The comments of ``records``, author fields included."""
    return [CommentInput(r.text, r.author_name, r.author_email, r.author_url) for r in records]
