"""Figures of scored, labelled comments: ROC-AUC, recall at a false-positive rate, calibration.

The one place they are computed: the model card (:mod:`classifier.evaluate`), the quality
checks (:mod:`classifier.quality`), the retraining gate (``moderation.services.retraining``)
and ``bench/`` all call these. Every function takes the labels ``y`` (0 or 1) and the
probabilities or scores ``p`` of the same comments, as array-likes; none knows about models.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.metrics import (
    average_precision_score,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

__all__ = [
    "at_threshold",
    "average_precision",
    "both_classes",
    "brier_score",
    "calibration_bins",
    "expected_calibration_error",
    "precision_recall_points",
    "ranking",
    "recall_at_fpr",
    "roc_auc",
    "roc_points",
]


def both_classes(y: ArrayLike) -> bool:
    """Whether ``y`` holds positives and negatives (what ROC-AUC needs)."""
    labels = np.asarray(y)
    return len(labels) > 0 and labels.min() != labels.max()


def roc_auc(y: ArrayLike, p: ArrayLike) -> float:
    """Area under the ROC curve (``y`` must hold both classes)."""
    return float(roc_auc_score(np.asarray(y), np.asarray(p)))


def average_precision(y: ArrayLike, p: ArrayLike) -> float:
    """Area under the precision-recall curve, as average precision."""
    return float(average_precision_score(np.asarray(y), np.asarray(p)))


def recall_at_fpr(y: ArrayLike, p: ArrayLike, fpr: float = 0.01) -> float:
    """Highest recall (true-positive rate) reachable with a false-positive rate <= ``fpr``."""
    f, t = roc_points(y, p)
    ok = f <= fpr
    return float(t[ok].max()) if ok.any() else 0.0


def roc_points(y: ArrayLike, p: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The ROC curve as ``(false-positive rates, true-positive rates)``."""
    f, t, _ = roc_curve(np.asarray(y), np.asarray(p))
    return f, t


def precision_recall_points(
    y: ArrayLike, p: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The precision-recall curve as ``(recalls, precisions)``."""
    precision, recall, _ = precision_recall_curve(np.asarray(y), np.asarray(p))
    return recall, precision


def brier_score(y: ArrayLike, p: ArrayLike) -> float:
    """Mean squared gap between probability and label (lower is better)."""
    return float(np.mean((np.asarray(p, dtype=float) - np.asarray(y, dtype=float)) ** 2))


def calibration_bins(y: ArrayLike, p: ArrayLike, bins: int = 10) -> list[tuple[float, float, int]]:
    """``(mean probability, observed positive rate, count)`` of each non-empty equal-width bin."""
    labels = np.asarray(y, dtype=float)
    probs = np.asarray(p, dtype=float)
    which = np.minimum((probs * bins).astype(int), bins - 1)
    table = []
    for b in range(bins):
        mask = which == b
        if mask.any():
            table.append((float(probs[mask].mean()), float(labels[mask].mean()), int(mask.sum())))
    return table


def expected_calibration_error(y: ArrayLike, p: ArrayLike, bins: int = 10) -> float:
    """Count-weighted mean gap between mean probability and observed rate over the bins."""
    table = calibration_bins(y, p, bins)
    total = sum(count for _, _, count in table)
    return sum(count * abs(mean_p - rate) for mean_p, rate, count in table) / max(total, 1)


def ranking(y: ArrayLike, p: ArrayLike) -> dict[str, Any] | None:
    """ROC-AUC, average precision, recall at 1% FPR, n and positives (None without both classes)."""
    labels = np.asarray(y)
    if not both_classes(labels):
        return None
    return {
        "auc": roc_auc(labels, p),
        "ap": average_precision(labels, p),
        "recall_at_1pct_fpr": recall_at_fpr(labels, p),
        "n": len(labels),
        "positives": int(labels.sum()),
    }


def at_threshold(y: ArrayLike, p: ArrayLike, threshold: float) -> dict[str, float]:
    """Counts and rates when ``p >= threshold`` flags a comment (NaN where a rate is 0 / 0)."""
    labels = np.asarray(y)
    flag = np.asarray(p) >= threshold
    tp = int((flag & (labels == 1)).sum())
    fp = int((flag & (labels == 0)).sum())
    fn = int((~flag & (labels == 1)).sum())
    tn = int((~flag & (labels == 0)).sum())
    return {
        "threshold": float(threshold),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "recall": tp / (tp + fn) if tp + fn else float("nan"),
        "fpr": fp / (fp + tn) if fp + tn else float("nan"),
    }
