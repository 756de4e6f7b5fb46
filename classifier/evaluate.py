"""Evaluation of a model: every figure of its model card (issue 3, item 5).

:func:`evaluate` scores the fixed ``test`` part (:func:`classifier.corpora.split`) of every
public corpus and computes

* ROC-AUC, recall at 1% false-positive rate and calibration error per attribute,
* counts at the policy thresholds (the confusion matrix the service would act on),
* results per corpus and per slice (short comments, comments with links, non-English),
* the quality checks of :mod:`classifier.quality` (identity templates, obfuscated copies,
  toxic-spans character F1),
* cross-corpus generalisation: for each corpus, a model trained without it is tested on it,

with the formulas of :mod:`classifier.metrics`. :mod:`classifier.report` writes them as
Markdown with figures. The synthetic identity-term sentences (``conversationai-bias/madlibs``)
are kept out of the pooled figures (they would swamp the real comments) and reported on their
own.

The module imports no web, database, queue or plotting code.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from classifier import ATTRIBUTES, TOXICITY_ATTRIBUTES
from classifier.blend import items_of
from classifier.corpora import CORPORA, load_corpus, split
from classifier.identities import as_submitted
from classifier.links import LINK_RE
from classifier.metrics import at_threshold, expected_calibration_error, ranking, roc_auc
from classifier.model import ModerationModel
from classifier.quality import (
    cross_corpus as leave_one_corpus_out,
)
from classifier.quality import (
    identity_auc,
    language_figures,
    obfuscation_drop,
    span_f1,
    submitted_figures,
)
from classifier.types import LabelledExample

__all__ = ["NON_ENGLISH_CORPORA", "SHORT_CHARS", "TARGETS", "Scored", "evaluate"]

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent

#: The targets issue 3 sets, as stated there.
TARGETS: dict[str, str] = {
    "cross_toxicity": "toxicity ROC-AUC >= 0.90 on each left-out toxicity corpus",
    "cross_spam": "spam ROC-AUC >= 0.97 and recall >= 0.80 at 1% FPR on each left-out spam corpus",
    "identity": "toxicity ROC-AUC >= 0.98 on the identity-term templates",
    "obfuscation": "obfuscated copies lose <= 0.02 ROC-AUC",
    "spans": "toxic-spans character F1 >= 0.60 on tsd_trial",
}

#: A comment is "short" below this many characters.
SHORT_CHARS = 50
#: The corpus of non-English comments (Spanish, Italian and Turkish Wikipedia talk pages).
NON_ENGLISH_CORPORA = ("jigsaw-multilingual-validation",)


_items = items_of


def _madlibs(record: LabelledExample) -> bool:
    return record.source == "conversationai-bias/madlibs"


class Scored:
    """Test records with their labels (-1 unknown) and probabilities, in ATTRIBUTES order."""

    def __init__(self, records: list[LabelledExample], probs: NDArray[np.float64]) -> None:
        self.records = records
        self.probs = probs
        self.labels = np.array(
            [[r.labels.get(a, -1) for a in ATTRIBUTES] for r in records], dtype=np.int8
        ).reshape(len(records), len(ATTRIBUTES))
        self.corpus = np.array([r.source.split("/")[0] for r in records])
        self.madlibs = np.array([_madlibs(r) for r in records])

    def pair(self, attribute: str, mask: NDArray[np.bool_] | None = None) -> tuple[Any, Any]:
        """Labels and probabilities of ``attribute`` where it is labelled (and ``mask``)."""
        j = ATTRIBUTES.index(attribute)
        keep = self.labels[:, j] >= 0
        if mask is not None:
            keep &= mask
        return self.labels[keep, j].astype(int), self.probs[keep, j]


def evaluate(
    model: ModerationModel,
    corpora_dir: Path,
    *,
    thresholds: Mapping[str, float],
    cross_corpus: bool = True,
    cross_corpora: Sequence[str] | None = None,
    max_per_corpus: int | None = None,
    training_data_dir: Path | None = None,
    progress: bool = False,
) -> tuple[dict[str, Any], Scored]:
    """Compute every figure of the report; returns ``(results, scored test records)``."""
    corpora_dir = Path(corpora_dir)
    started = time.perf_counter()
    bare: list[LabelledExample] = []
    for name in CORPORA:
        bare.extend(split(load_corpus(name, corpora_dir, max_rows=max_per_corpus))["test"])
    # Every figure below is "as submitted": with the name and e-mail a comment form sends.
    records = as_submitted(bare)
    scored = Scored(records, model.predict_proba(_items(records)))
    _say(progress, f"scored {len(records)} test comments")
    submitted = {
        name: submitted_figures(
            model,
            [r for r in bare if r.source.split("/")[0] == name and not _madlibs(r)],
            thresholds,
        )
        for name in CORPORA
    }
    languages = language_figures(model, [r for r in bare if not _madlibs(r)], thresholds)
    _say(progress, f"toxicity figures for {len(languages)} detected languages")
    real = ~scored.madlibs
    stages = _stages(model, records, scored, real)
    if stages:
        _say(progress, "scored the linear and language-model stages apart")
    text_len = np.array([len(r.text) for r in records])
    # The comment's own links: the personal URL an as-submitted identity may carry is not one.
    links = np.array([bool(LINK_RE.search(r.text) or r.author_url) for r in bare])
    non_english = np.isin(scored.corpus, NON_ENGLISH_CORPORA)
    slices = {
        f"short (< {SHORT_CHARS} chars)": real & (text_len < SHORT_CHARS),
        f"long (>= {SHORT_CHARS} chars)": real & (text_len >= SHORT_CHARS),
        "with links": real & links,
        "without links": real & ~links,
        "non-English": real & non_english,
        "English": real & ~non_english,
    }
    out: dict[str, Any] = {
        "model": model.version or "(unsaved)",
        "test_comments": int(real.sum()),
        "madlibs_test_sentences": int(scored.madlibs.sum()),
        "max_per_corpus": max_per_corpus,
        "thresholds": dict(thresholds),
        "submitted": submitted,
        "languages": languages,
        "stages": stages,
        "overall": {},
        "confusion": {},
        "per_corpus": {},
        "slices": {},
    }
    for attribute in ATTRIBUTES:
        y, p = scored.pair(attribute, real)
        m = ranking(y, p)
        if m is not None:
            m["ece"] = expected_calibration_error(y, p)
            out["overall"][attribute] = m
        if len(y) and attribute in thresholds:
            out["confusion"][attribute] = at_threshold(y, p, float(thresholds[attribute]))
        for name in CORPORA:
            cm = ranking(*scored.pair(attribute, real & (scored.corpus == name)))
            if cm is not None:
                out["per_corpus"].setdefault(name, {})[attribute] = cm
        for label, mask in slices.items():
            sm = ranking(*scored.pair(attribute, mask))
            if sm is not None:
                out["slices"].setdefault(label, {})[attribute] = sm
    out["slice_sizes"] = {label: int(mask.sum()) for label, mask in slices.items()}

    # Quality checks of classifier.quality, on parts the model did not train on.
    if max_per_corpus is None:
        out["identity"] = identity_auc(model, corpora_dir)
    else:
        y, p = scored.pair("toxicity", scored.madlibs)
        out["identity"] = {"n": len(y), "toxicity_auc": (ranking(y, p) or {}).get("auc")}
    real_records = [r for r, keep in zip(records, real, strict=True) if keep]
    out["obfuscation"] = {}
    for attribute in ("spam", "toxicity", "insult", "profanity"):
        drop = obfuscation_drop(model, real_records, attribute)
        if drop is not None:
            out["obfuscation"][attribute] = drop
    try:
        out["spans"] = span_f1(model, corpora_dir)
    except FileNotFoundError:
        out["spans"] = None
    _say(progress, f"quality checks done ({time.perf_counter() - started:.0f}s)")

    out["cross_corpus"] = None
    if cross_corpus:
        out["cross_corpus"] = _cross_corpus(
            corpora_dir,
            corpora=cross_corpora,
            max_per_corpus=max_per_corpus,
            training_data_dir=training_data_dir or ROOT / "training_data",
            thresholds=thresholds,
            progress=progress,
        )
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out, scored


def _cross_corpus(
    corpora_dir: Path,
    *,
    corpora: Sequence[str] | None,
    max_per_corpus: int | None,
    training_data_dir: Path,
    thresholds: Mapping[str, float],
    progress: bool,
) -> dict[str, Any]:
    from classifier.train import build_training_set, fit_model

    def train_fn(names: Sequence[str]) -> ModerationModel:
        started = time.perf_counter()
        records = build_training_set(
            corpora_dir=corpora_dir,
            training_data_dir=training_data_dir,
            max_per_corpus=max_per_corpus,
            corpora=names,
        )
        model = fit_model(records)
        left = sorted(set(CORPORA) - set(names))
        _say(progress, f"trained without {left} in {time.perf_counter() - started:.0f}s")
        return model

    return leave_one_corpus_out(
        corpora_dir, train_fn, corpora=tuple(corpora or CORPORA), thresholds=thresholds
    )


def _stages(
    model: ModerationModel,
    records: Sequence[LabelledExample],
    scored: Scored,
    real: NDArray[np.bool_],
) -> dict[str, dict[str, dict[str, float]]]:
    """ROC-AUC per test part and toxicity attribute: linear stage, encoder stage, blend."""
    if model.encoder is None:
        return {}
    mode = model.encoder_mode
    try:
        model.encoder_mode = "off"
        linear = model.predict_proba(_items(records))
    finally:
        model.encoder_mode = mode
    encoder = 1.0 / (1.0 + np.exp(-model.encoder.run([r.text for r in records]).logits))
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name in CORPORA:
        rows = real & (scored.corpus == name)
        for attribute in TOXICITY_ATTRIBUTES:
            j = ATTRIBUTES.index(attribute)
            y = scored.labels[:, j]
            keep = rows & (y >= 0)
            if not keep.any() or y[keep].min() == y[keep].max():
                continue
            out.setdefault(name, {})[attribute] = {
                stage: roc_auc(y[keep], probs[keep, j])
                for stage, probs in (
                    ("linear", linear),
                    ("encoder", encoder),
                    ("blend", scored.probs),
                )
            }
    return out


def _say(progress: bool, message: str) -> None:
    log.info("%s", message)
    if progress:
        print(message, flush=True)
