"""The moderation model: a spam pipeline and a toxicity pipeline over shared features, and
optionally a language-model stage blended into the toxicity scores.

Both pipelines are ``Pipeline([("features", CommentFeaturizer), ("heads",
CalibratedLinearHeads)])`` with identical featurizer parameters, so :class:`ModerationModel`
normalises and featurises each comment once and applies both heads' coefficients in one matrix
product. Each pipeline also works on its own (``pipeline.predict_proba(items)``).

With an :class:`classifier.encoder.EncoderStage` and its ``blend`` weights, each toxicity
attribute's probability is ``sigmoid(w_linear * linear_logit + w_encoder * encoder_logit + b)``
where ``linear_logit`` is the linear stage's calibrated logit: one logistic regression per
attribute fitted on held-out rows (:mod:`classifier.blend`), which both weighs the stages and
calibrates the result. Spam stays the linear stage's (the encoder adds nothing there, and it
never sees the author fields that spam needs). ``encoder_mode`` "all" (the default) runs the
encoder on every comment; "band" only on comments whose strongest blended attribute's linear
probability falls in ``band`` (the rest keep their linear scores); "off" never.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.pipeline import Pipeline

from classifier import ATTRIBUTES, TOXICITY_ATTRIBUTES
from classifier.encoder import EncoderOutput
from classifier.features import CommentFeaturizer
from classifier.heads import CalibratedLinearHeads
from classifier.types import CommentInput, ScoreResult, Span

__all__ = ["ENCODER_MODES", "ModerationModel", "encoder_logits", "make_pipeline"]

#: Values of ``ModerationModel.encoder_mode`` (setting ``MODERATION_ENCODER_MODE``).
ENCODER_MODES = ("all", "band", "off")
#: Default uncertain band of the "band" mode: the linear probabilities escalated. On a seeded
#: sample of 5,000 corpus comments as submitted (bench/score.py's; about half of them abusive,
#: so more than a real site sends) it escalates 10.4%, and the decisions differ from scoring
#: every comment with the blend on 1.6% of comments (5.4% with the linear stage alone).
DEFAULT_BAND = (0.45, 0.85)

_TOX = ATTRIBUTES.index("toxicity")
_WORD = re.compile(r"[^\W_]+")
_KINDS = [ATTRIBUTES.index(a) for a in ("severe_toxicity", "identity_attack", "insult", "threat")]


def _words(text: str) -> list[str]:
    """The words of ``text`` as the encoder's tokenizer sees them: lower case, no accents."""
    decomposed = unicodedata.normalize("NFD", html.unescape(text).lower().replace("ı", "i"))
    return _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)))


def encoder_logits(
    encoder: Any, texts: Sequence[str], normalized: Sequence[str]
) -> NDArray[np.float32]:
    """The language-model stage's logits of ``texts``, robust to disguised words.

    A text whose normalised form (:mod:`classifier.normalize`: spaced-out letters joined,
    look-alike characters and leetspeak folded) reads differently from the text itself is
    scored both ways and each attribute takes the higher logit, so "s t u p i d" counts as
    "stupid". The blend is fitted on these logits too.
    """
    return encoder_pass(encoder, texts, normalized)[0]


def encoder_pass(
    encoder: Any, texts: Sequence[str], normalized: Sequence[str]
) -> tuple[NDArray[np.float32], EncoderOutput]:
    """:func:`encoder_logits`, and the stage's output on the texts as written (for spans)."""
    output: EncoderOutput = encoder.run(list(texts))
    logits = output.logits.copy()
    pairs = enumerate(zip(texts, normalized, strict=True))
    differ = [k for k, (t, n) in pairs if _words(t) != _words(n)]
    if differ:
        again = encoder.run([normalized[k] for k in differ]).logits
        logits[differ] = np.maximum(logits[differ], again)
    return logits, output


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
        encoder: Any = None,
        blend: dict[str, list[float]] | None = None,
        encoder_mode: str = "all",
        band: tuple[float, float] = DEFAULT_BAND,
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
        if (encoder is None) != (blend is None):
            raise ValueError("an encoder stage needs blend weights and the other way round")
        self.encoder = encoder
        self.blend: dict[str, list[float]] = dict(blend or {})
        unknown = sorted(set(self.blend) - set(TOXICITY_ATTRIBUTES))
        if unknown:
            raise ValueError(f"blend weights for {unknown}: only toxicity attributes blend")
        if encoder_mode not in ENCODER_MODES:
            raise ValueError(f"encoder_mode {encoder_mode!r}: expected one of {ENCODER_MODES}")
        self.encoder_mode = encoder_mode
        self.band = band

    # ----------------------------------------------------------------------------------------

    def decision_function(
        self, items: Sequence[CommentInput], normalized: Sequence[str] | None = None
    ) -> NDArray[np.float64]:
        """Raw linear scores, shape (len(items), len(ATTRIBUTES)).

        ``normalized``: the texts of ``items`` through ``featurizer.normalize_batch``, when the
        caller has them already.
        """
        f = self.featurizer
        n = len(items)
        if normalized is None:
            normalized = f.normalize_batch(items)
        parts = f.feature_parts(items, normalized)
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

    def linear_logits(
        self, items: Sequence[CommentInput], normalized: Sequence[str] | None = None
    ) -> NDArray[np.float64]:
        """The linear stage's calibrated logits, shape (len(items), len(ATTRIBUTES))."""
        return self.decision_function(items, normalized) * self._cal_a + self._cal_b

    def escalated(self, linear: NDArray[np.float64]) -> NDArray[np.bool_]:
        """Which rows (of :meth:`linear_logits`) the encoder scores in the current mode."""
        n = len(linear)
        if self.encoder is None or self.encoder_mode == "off":
            return np.zeros(n, dtype=bool)
        if self.encoder_mode == "all":
            return np.ones(n, dtype=bool)
        lo, hi = (np.log(b / (1.0 - b)) for b in self.band)
        strongest = linear[:, [ATTRIBUTES.index(a) for a in self.blend]].max(axis=1)
        return (strongest >= lo) & (strongest <= hi)

    def blended_logits(
        self, linear: NDArray[np.float64], encoder: NDArray[np.float32]
    ) -> NDArray[np.float64]:
        """``linear`` with each blended attribute replaced by its blend with ``encoder``."""
        z = linear.copy()
        for attribute, (w_lin, w_enc, bias) in self.blend.items():
            j = ATTRIBUTES.index(attribute)
            z[:, j] = w_lin * linear[:, j] + w_enc * encoder[:, j] + bias
        return z

    def predict_proba(self, items: Sequence[CommentInput]) -> NDArray[np.float64]:
        """Calibrated probabilities, shape (len(items), len(ATTRIBUTES))."""
        return self._probabilities(items)[0]

    def _probabilities(
        self, items: Sequence[CommentInput]
    ) -> tuple[NDArray[np.float64], dict[int, EncoderOutput]]:
        """:meth:`predict_proba`, and the encoder's output of each comment it read."""
        normalized = self.featurizer.normalize_batch(items)
        z = self.linear_logits(items, normalized)
        rows = self.escalated(z)
        read: dict[int, EncoderOutput] = {}
        if rows.any():
            chosen = [int(i) for i in np.flatnonzero(rows)]
            logits, output = encoder_pass(
                self.encoder, [items[i].text for i in chosen], [normalized[i] for i in chosen]
            )
            z[chosen] = self.blended_logits(z[chosen], logits)
            read = {i: output.row(k) for k, i in enumerate(chosen)}
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
        # Threats, insults, identity attacks and severe toxicity are kinds of toxicity, so a
        # comment is at least as likely toxic as it is any of them. Each head is calibrated
        # on its own; this keeps them coherent. (Profanity is not a kind: "fucking great".)
        p[:, _TOX] = np.maximum(p[:, _TOX], p[:, _KINDS].max(axis=1))
        return p, read

    def score(self, items: Sequence[CommentInput], *, spans: bool = False) -> list[ScoreResult]:
        """Score ``items``; with ``spans=True`` also explain every attribute with spans."""
        if not items:
            return []
        probs, read = self._probabilities(items)
        results = []
        for i, item in enumerate(items):
            scores = {a: float(probs[i, j]) for j, a in enumerate(ATTRIBUTES)}
            found = self.explain(item, scores, encoded=read.get(i)) if spans else []
            results.append(ScoreResult(scores=scores, spans=found, spans_requested=spans))
        return results

    def score_one(self, item: CommentInput, *, spans: bool = False) -> ScoreResult:
        """Score a single comment."""
        return self.score([item], spans=spans)[0]

    def explain(
        self,
        item: CommentInput,
        scores: dict[str, float] | None = None,
        *,
        encoded: EncoderOutput | None = None,
    ) -> list[Span]:
        """Spans of ``item.text`` that pushed each likely attribute up.

        ``scores`` (computed if not given) decide which attributes are explained: those with
        a probability of at least ``span_min_probability``. ``encoded``: the language-model
        stage's output of this comment, when scoring it produced one already.
        """
        from classifier.explain import encoder_spans, explain_spans

        if scores is None:
            scores = self.score_one(item).scores
        likely = frozenset(a for a, p in scores.items() if p >= self.span_min_probability)
        if not likely:
            return []
        use_encoder = self.encoder is not None and self.encoder_mode != "off"
        found = explain_spans(
            item,
            featurizer=self.featurizer,
            coef=self._coef,
            threshold=self.span_threshold,
            relative=self.span_relative,
            only=likely - {"toxicity"} if use_encoder else likely,
        )
        if use_encoder and "toxicity" in likely:
            output = encoded if encoded is not None else self.encoder.run([item.text])
            found.extend(encoder_spans(item.text, output))
            found.sort(key=lambda s: (ATTRIBUTES.index(s.attribute), s.begin))
        return found

    def __repr__(self) -> str:
        return f"ModerationModel(version={self.version!r})"
