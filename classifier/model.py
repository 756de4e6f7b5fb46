"""The moderation model: a spam pipeline and a toxicity pipeline over shared features.

Both pipelines are ``Pipeline([("features", CommentFeaturizer), ("heads",
CalibratedLinearHeads)])`` with identical featurizer parameters, so :class:`ModerationModel`
normalises and featurises each comment once and applies both heads' coefficients in one matrix
product. Each pipeline also works on its own (``pipeline.predict_proba(items)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.pipeline import Pipeline

from classifier import ATTRIBUTES
from classifier.features import CommentFeaturizer
from classifier.heads import CalibratedLinearHeads
from classifier.types import CommentInput, ScoreResult, Span

__all__ = ["ModerationModel", "make_pipeline"]

_TOX = ATTRIBUTES.index("toxicity")
_KINDS = [ATTRIBUTES.index(a) for a in ("severe_toxicity", "identity_attack", "insult", "threat")]


def make_pipeline(attributes: Sequence[str], **featurizer_params: Any) -> Pipeline:
    """An unfitted featurizer + calibrated-heads pipeline for ``attributes``."""
    return Pipeline(
        [
            ("features", CommentFeaturizer(**featurizer_params)),
            ("heads", CalibratedLinearHeads(attributes=tuple(attributes))),
        ]
    )


class ModerationModel:
    """Scores comments for every attribute in :data:`classifier.ATTRIBUTES`.

    ``version`` is "" until the model is saved to or loaded from a registry. ``info`` holds
    training facts (digest, example counts) that the registry writes into metadata.json.
    Explanations (:mod:`classifier.explain`) cover the attributes whose probability is at
    least ``span_min_probability``; a word joins a span when its contribution (logit units)
    is at least ``span_threshold`` and at least ``span_relative`` times the attribute's
    strongest word.
    """

    def __init__(
        self,
        spam_pipeline: Pipeline,
        toxicity_pipeline: Pipeline,
        *,
        info: dict[str, Any] | None = None,
        span_threshold: float = 0.25,
        span_relative: float = 0.5,
        span_min_probability: float = 0.2,
        version: str = "",
    ) -> None:
        self.spam_pipeline = spam_pipeline
        self.toxicity_pipeline = toxicity_pipeline
        self.info: dict[str, Any] = dict(info or {})
        self.span_threshold = span_threshold
        self.span_relative = span_relative
        self.span_min_probability = span_min_probability
        self.version = version
        featurizer = spam_pipeline.named_steps["features"]
        other = toxicity_pipeline.named_steps["features"]
        if featurizer.get_params() != other.get_params():
            raise ValueError("spam and toxicity pipelines must share featurizer parameters")
        self.featurizer: CommentFeaturizer = featurizer
        heads = [spam_pipeline.named_steps["heads"], toxicity_pipeline.named_steps["heads"]]
        order: list[str] = [a for h in heads for a in h.attributes]
        if sorted(order) != sorted(ATTRIBUTES):
            raise ValueError(f"heads cover {order}, expected {list(ATTRIBUTES)}")
        coef = np.concatenate([h.coef_ for h in heads], axis=1)
        intercept = np.concatenate([h.intercept_ for h in heads])
        calibration = np.concatenate([h.calibration_ for h in heads], axis=0)
        idx = [order.index(a) for a in ATTRIBUTES]
        # Columns in ATTRIBUTES order, contiguous for a fast sparse x dense product.
        self._coef: NDArray[np.float32] = np.ascontiguousarray(coef[:, idx], dtype=np.float32)
        self._intercept = intercept[idx]
        self._cal_a = calibration[idx, 0]
        self._cal_b = calibration[idx, 1]

    # ----------------------------------------------------------------------------------------

    def decision_function(self, items: Sequence[CommentInput]) -> NDArray[np.float64]:
        """Raw linear scores, shape (len(items), len(ATTRIBUTES))."""
        f = self.featurizer
        n = len(items)
        parts = f.feature_parts(items, f.normalize_batch(items))
        if n == 1:
            # One comment: a gather and a dot product; building sparse matrices would cost
            # more than the arithmetic.
            cols = np.concatenate([p[1] for p in parts])
            values = np.concatenate([p[2] for p in parts])
            return (values @ self._coef[cols]).astype(np.float64)[None, :] + self._intercept
        z = np.tile(self._intercept, (n, 1))
        width = self._coef.shape[0]
        for indptr, cols, values in parts:
            z += sp.csr_matrix((values, cols, indptr), shape=(n, width)) @ self._coef
        return z

    def predict_proba(self, items: Sequence[CommentInput]) -> NDArray[np.float64]:
        """Calibrated probabilities, shape (len(items), len(ATTRIBUTES))."""
        z = self.decision_function(items)
        p = 1.0 / (1.0 + np.exp(-np.clip(z * self._cal_a + self._cal_b, -40.0, 40.0)))
        # Threats, insults, identity attacks and severe toxicity are kinds of toxicity, so a
        # comment is at least as likely toxic as it is any of them. Each head is calibrated
        # on its own; this keeps them coherent. (Profanity is not a kind: "fucking great".)
        p[:, _TOX] = np.maximum(p[:, _TOX], p[:, _KINDS].max(axis=1))
        return p

    def score(self, items: Sequence[CommentInput], *, spans: bool = False) -> list[ScoreResult]:
        """Score ``items``; with ``spans=True`` also explain every attribute with spans."""
        if not items:
            return []
        probs = self.predict_proba(items)
        results = []
        for i, item in enumerate(items):
            scores = {a: float(probs[i, j]) for j, a in enumerate(ATTRIBUTES)}
            found = self.explain(item, scores) if spans else []
            results.append(ScoreResult(scores=scores, spans=found, spans_requested=spans))
        return results

    def score_one(self, item: CommentInput, *, spans: bool = False) -> ScoreResult:
        """Score a single comment."""
        return self.score([item], spans=spans)[0]

    def explain(self, item: CommentInput, scores: dict[str, float] | None = None) -> list[Span]:
        """Spans of ``item.text`` that pushed each likely attribute up.

        ``scores`` (computed if not given) decide which attributes are explained: those with
        a probability of at least ``span_min_probability``.
        """
        from classifier.explain import explain_spans

        if scores is None:
            scores = self.score_one(item).scores
        likely = frozenset(a for a, p in scores.items() if p >= self.span_min_probability)
        if not likely:
            return []
        return explain_spans(
            item,
            featurizer=self.featurizer,
            coef=self._coef,
            threshold=self.span_threshold,
            relative=self.span_relative,
            only=likely,
        )

    def __repr__(self) -> str:
        return f"ModerationModel(version={self.version!r})"
