"""Quality measurements of a model: held-out AUC, cross-corpus, identity, obfuscation, spans.

These are the figures issue 3 sets targets for. Every function takes a fitted
:class:`~classifier.model.ModerationModel` (or trains the leave-one-out models itself) and the
corpora folder, uses only parts the model did not train on (:func:`classifier.corpora.split`
``test`` part, a left-out corpus, or ``tsd_trial``), and returns plain dicts for reports.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from classifier import ATTRIBUTES, TOXICITY_ATTRIBUTES
from classifier.blend import items_of
from classifier.corpora import (
    SPAM_CORPORA,
    TOXICITY_CORPORA,
    load_corpus,
    load_toxic_spans,
    split,
)
from classifier.identities import as_submitted
from classifier.metrics import (
    both_classes,
    calibration_bins,
    expected_calibration_error,
    ranking,
    roc_auc,
)
from classifier.model import ModerationModel
from classifier.types import CommentInput, LabelledExample

__all__ = [
    "attribute_auc",
    "calibration",
    "cross_corpus",
    "decision_shares",
    "identity_auc",
    "left_out_sets",
    "obfuscate",
    "obfuscation_drop",
    "span_f1",
    "submitted_figures",
]


_items = items_of


def attribute_auc(
    model: ModerationModel, records: Sequence[LabelledExample], attribute: str
) -> dict[str, float] | None:
    """:func:`classifier.metrics.ranking` of ``attribute`` on the records that label it."""
    rows = [r for r in records if attribute in r.labels]
    y = np.array([r.labels[attribute] for r in rows])
    if not both_classes(y):
        return None
    return ranking(y, model.predict_proba(_items(rows))[:, ATTRIBUTES.index(attribute)])


def decision_shares(
    records: Sequence[LabelledExample], probs: ArrayLike, thresholds: Mapping[str, float]
) -> dict[str, Any]:
    """What the policy's score rules do to ``records`` at ``thresholds``, as shares.

    A comment is rejected as spam at or over the spam threshold and held when any toxicity
    attribute is at or over its own. ``spam_caught`` / ``spam_false_alarm``: share of spam /
    not-spam rows rejected as spam; ``abuse_held`` / ``civil_held``: share of toxic / civil
    rows held or rejected. A figure is None where the records hold no such row.
    """
    p = np.asarray(probs)
    spam = p[:, ATTRIBUTES.index("spam")] >= thresholds["spam"]
    toxic = np.zeros(len(p), dtype=bool)
    for attribute in TOXICITY_ATTRIBUTES:
        toxic |= p[:, ATTRIBUTES.index(attribute)] >= thresholds[attribute]
    stopped = spam | toxic
    y_spam = np.array([r.labels.get("spam", -1) for r in records])
    y_tox = np.array([r.labels.get("toxicity", -1) for r in records])

    def share(flag: np.ndarray, mask: np.ndarray) -> float | None:
        return float(flag[mask].mean()) if mask.any() else None

    return {
        "spam_caught": share(spam, y_spam == 1),
        "spam_false_alarm": share(spam, y_spam == 0),
        "abuse_held": share(stopped, y_tox == 1),
        "civil_held": share(stopped, y_tox == 0),
        "n": len(records),
    }


def submitted_figures(
    model: ModerationModel,
    records: Sequence[LabelledExample],
    thresholds: Mapping[str, float],
    attributes: Sequence[str] = ATTRIBUTES,
) -> dict[str, Any]:
    """ROC-AUC per attribute and :func:`decision_shares`, bare and as submitted.

    "As submitted" gives every row without an e-mail an ordinary identity's missing fields
    (:func:`classifier.identities.as_submitted`), drawn independently of the label: what the
    service sees, since every comment form sends a name and an e-mail.
    """
    out: dict[str, Any] = {}
    for how, rows in (("bare", list(records)), ("submitted", as_submitted(records))):
        probs = model.predict_proba(_items(rows))
        figures: dict[str, Any] = {"decisions": decision_shares(rows, probs, thresholds)}
        for attribute in attributes:
            j = ATTRIBUTES.index(attribute)
            keep = np.array([attribute in r.labels for r in rows], dtype=bool)
            y = np.array([r.labels.get(attribute, 0) for r in rows])[keep]
            if both_classes(y):
                figures[attribute] = roc_auc(y, probs[keep, j])
        out[how] = figures
    return out


#: A language gets a figure with at least this many toxicity-labelled test comments.
MIN_LANGUAGE_COMMENTS = 100
#: ROC-AUC for toxicity, as submitted, that a language must reach to be scored (issue 15).
LANGUAGE_MIN_AUC = 0.85


def language_figures(
    model: ModerationModel,
    records: Sequence[LabelledExample],
    thresholds: Mapping[str, float],
    *,
    min_comments: int = MIN_LANGUAGE_COMMENTS,
) -> dict[str, dict[str, Any]]:
    """Toxicity figures per detected language: :func:`submitted_figures` of its comments.

    The language is the one :func:`classifier.language.detect` finds, as the service would, of
    the comments that carry a toxicity label; languages with fewer than ``min_comments`` of
    them, or with one class only, get no figure.
    """
    from classifier.language import detect

    by_language: dict[str, list[LabelledExample]] = {}
    for record in records:
        if "toxicity" in record.labels:
            language = detect(record.text).language or "-"
            by_language.setdefault(language, []).append(record)
    out: dict[str, dict[str, Any]] = {}
    for language, rows in sorted(by_language.items()):
        labels = [r.labels["toxicity"] for r in rows]
        if len(rows) < min_comments or not both_classes(labels):
            continue
        figures = submitted_figures(model, rows, thresholds, attributes=("toxicity",))
        out[language] = {"n": len(rows), "toxic": int(sum(labels)), **figures}
    return out


def calibration(
    model: ModerationModel,
    records: Sequence[LabelledExample],
    attribute: str,
    *,
    bins: int = 10,
) -> dict[str, Any] | None:
    """Reliability of ``attribute``'s probabilities on ``records`` that label it.

    Returns the expected calibration error (the count-weighted mean gap between the mean
    predicted probability and the observed positive rate over equal-width bins) and the
    per-bin table ``[(mean predicted, observed rate, count)]``.
    """
    rows = [r for r in records if attribute in r.labels]
    if not rows:
        return None
    y = np.array([r.labels[attribute] for r in rows], dtype=float)
    p = model.predict_proba(_items(rows))[:, ATTRIBUTES.index(attribute)]
    table = [(round(m, 3), round(rate, 3), n) for m, rate, n in calibration_bins(y, p, bins)]
    return {"ece": expected_calibration_error(y, p, bins), "bins": table, "n": len(rows)}


def held_out(model: ModerationModel, corpora_dir: Path, *, part: str = "test") -> dict[str, Any]:
    """Per corpus and attribute AUC on the ``part`` of :func:`split` (unseen in training)."""
    out: dict[str, Any] = {}
    for name in SPAM_CORPORA + TOXICITY_CORPORA:
        records = split(load_corpus(name, corpora_dir))[part]
        res = {}
        for attribute in ATTRIBUTES:
            r = attribute_auc(model, records, attribute)
            if r is not None:
                res[attribute] = r
        out[name] = res
    return out


def left_out_sets(
    corpora_dir: Path,
    corpora: Sequence[str] = SPAM_CORPORA + TOXICITY_CORPORA,
    *,
    max_rows: int | None = None,
) -> Iterator[tuple[str, str, list[LabelledExample]]]:
    """``(corpus, attribute, records)`` of every corpus a leave-one-out run scores whole.

    Spam corpora are scored for spam, toxicity corpora for toxicity; conversationai-bias only
    on its identity-term templates; a corpus without both classes (toxic spans) is skipped.
    """
    for name in corpora:
        attribute = "spam" if name in SPAM_CORPORA else "toxicity"
        records = load_corpus(name, corpora_dir, max_rows=max_rows)
        if name == "conversationai-bias":
            records = [r for r in records if r.source.endswith("madlibs")]
        ys = {r.labels.get(attribute) for r in records} - {None}
        if ys == {0, 1}:
            yield name, attribute, records


def cross_corpus(
    corpora_dir: Path,
    train_fn: Callable[[Sequence[str]], ModerationModel],
    *,
    corpora: Sequence[str] = SPAM_CORPORA + TOXICITY_CORPORA,
    thresholds: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """Leave-one-corpus-out: for each corpus, train on the others, score all of it.

    ``train_fn(corpus_names)`` trains a model on the named corpora (plus whatever else it
    adds, e.g. training_data/). Which corpora and attributes: :func:`left_out_sets`. Each
    entry is ``{attribute: metrics as submitted}``; with ``thresholds``, also ``"submitted"``:
    :func:`submitted_figures` of that attribute, bare and as submitted.
    """
    out: dict[str, Any] = {}
    every = list(SPAM_CORPORA + TOXICITY_CORPORA)
    for name, attribute, records in left_out_sets(corpora_dir, corpora):
        model = train_fn([c for c in every if c != name])
        out[name] = {attribute: attribute_auc(model, as_submitted(records), attribute)}
        if thresholds is not None:
            out[name]["submitted"] = submitted_figures(model, records, thresholds, [attribute])
    return out


def identity_auc(
    model: ModerationModel, corpora_dir: Path, *, part: str = "test"
) -> dict[str, Any]:
    """Toxicity and identity_attack ROC-AUC on the identity-term template sentences.

    Uses the ``part`` of the madlibs split (the training set only ever sees a subsample of the
    ``train`` part). Also reports the largest mean toxicity of NOT_BAD sentences for any one
    identity term (how far one identity drifts up).
    """
    records = [
        r
        for r in split(load_corpus("conversationai-bias", corpora_dir))[part]
        if r.source.endswith("madlibs")
    ]
    y = np.array([r.labels["toxicity"] for r in records])
    p = model.predict_proba(_items(records))
    tox = p[:, ATTRIBUTES.index("toxicity")]
    return {
        "n": len(records),
        "toxicity_auc": roc_auc(y, tox),
        "mean_toxicity_not_bad": float(tox[y == 0].mean()),
        "mean_toxicity_bad": float(tox[y == 1].mean()),
    }


# --------------------------------------------------------------------------------------------
# Obfuscation
# --------------------------------------------------------------------------------------------

_HOMO = str.maketrans("aeopcxyiAEOPCXYI", "аеорсхуіАЕОРСХУІ")
_LEET = str.maketrans("aeiost", "4310$7")


def obfuscate(text: str, rng: random.Random, rate: float = 0.5) -> str:
    """Disguise about ``rate`` of the words of ``text`` the way abusers and spammers do."""
    out = []
    for word in text.split(" "):
        if len(word) < 3 or rng.random() > rate:
            out.append(word)
            continue
        style = rng.randrange(6)
        if style == 0:
            word = word.translate(_HOMO)
        elif style == 1:
            word = word.translate(_LEET)
        elif style == 2:
            word = ".".join(word)
        elif style == 3:
            word = "\u200b".join(word)
        elif style == 4:
            word = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)
        else:
            i = rng.randrange(len(word))
            word = word[:i] + word[i] * 4 + word[i + 1 :]
        out.append(word)
    return " ".join(out)


def obfuscation_drop(
    model: ModerationModel, records: Sequence[LabelledExample], attribute: str, *, seed: int = 0
) -> dict[str, float] | None:
    """ROC-AUC of ``attribute`` on ``records`` and on obfuscated copies of them."""
    rows = [r for r in records if attribute in r.labels]
    y = np.array([r.labels[attribute] for r in rows])
    if not both_classes(y):
        return None
    rng = random.Random(seed)  # noqa: S311 - a reproducible disguise, not a secret
    j = ATTRIBUTES.index(attribute)
    clean = model.predict_proba(_items(rows))[:, j]
    disguised = [
        CommentInput(obfuscate(r.text, rng), r.author_name, r.author_email, r.author_url)
        for r in rows
    ]
    dirty = model.predict_proba(disguised)[:, j]
    a, b = roc_auc(y, clean), roc_auc(y, dirty)
    return {"auc": a, "auc_obfuscated": b, "drop": a - b, "n": len(rows)}


# --------------------------------------------------------------------------------------------
# Spans
# --------------------------------------------------------------------------------------------


def span_f1(
    model: ModerationModel, corpora_dir: Path, *, part: str = "trial", attribute: str = "toxicity"
) -> dict[str, float]:
    """SemEval-2021 toxic-spans character F1 of ``attribute`` spans on ``tsd_<part>``.

    Per post F1 between predicted and gold toxic character offsets, averaged over posts (a
    post with no gold and no predicted characters scores 1, the task's convention).
    """
    examples = load_toxic_spans(corpora_dir, part)
    scores = []
    for ex in examples:
        found = [s for s in model.explain(CommentInput(ex.text)) if s.attribute == attribute]
        pred = {i for s in found for i in range(s.begin, s.end) if not ex.text[i].isspace()}
        gold = {i for i in ex.toxic_chars if not ex.text[i].isspace()}
        if not gold and not pred:
            scores.append(1.0)
            continue
        if not gold or not pred:
            scores.append(0.0)
            continue
        tp = len(pred & gold)
        prec = tp / len(pred)
        rec = tp / len(gold)
        scores.append(0.0 if tp == 0 else 2 * prec * rec / (prec + rec))
    return {"f1": float(np.mean(scores)), "n": len(examples)}
