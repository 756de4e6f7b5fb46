"""Training: build the labelled set, featurise once, fit the spam and toxicity pipelines.

The training set is

* the ``train`` part (:func:`classifier.corpora.split`, seed 0) of every public corpus under
  ``corpora_dir``, with the label mapping and per-source weights of :mod:`classifier.corpora`
  (the synthetic identity-term sentences are subsampled to :data:`MADLIBS_MAX`);
* every example in ``training_data_dir/*.jsonl`` (the project's own, written by the team);
* ``extra`` (e.g. moderator labels), at their own weights;

and most rows without an e-mail get an ordinary commenter identity's missing fields, drawn
from the text alone (:func:`classifier.identities.with_identity`), so that the spam head meets
ordinary identities on spam and ham alike.

Both pipelines share one :class:`~classifier.features.CommentFeaturizer`, so the comments are
featurised once and each head is fitted on the rows that carry its label.

The language-model stage (:mod:`classifier.encoder`) is either fine-tuned on the same rows
(``fine_tune_encoder=True``, needs the ``train`` extra: :func:`fit_encoder`) or
taken over from a base model (``encoder_from``, what retraining and a plain ``moderation
train`` do); either way its blend with the new linear stage is fitted again on the ``dev``
part of the corpora (:mod:`classifier.blend`), or, without corpora, kept from the base.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.pipeline import Pipeline

from classifier import ATTRIBUTES, TOXICITY_ATTRIBUTES
from classifier.corpora import CORPORA, SOURCE_ATTRIBUTE_WEIGHTS, load_corpus, split_part
from classifier.encoder import EncoderStage
from classifier.features import CommentFeaturizer
from classifier.heads import CalibratedLinearHeads
from classifier.identities import with_identity
from classifier.model import ModerationModel, encoder_logits
from classifier.types import CommentInput, LabelledExample

__all__ = [
    "FEATURIZER_PARAMS",
    "HEAD_PARAMS",
    "MADLIBS_MAX",
    "attach_encoder",
    "build_training_set",
    "fit_encoder",
    "fit_model",
    "load_training_data",
    "train",
    "training_digest",
]

log = logging.getLogger(__name__)

#: Featurizer settings of the shipped model.
FEATURIZER_PARAMS: dict[str, Any] = {
    "n_bits": 18,
    "char_ngram_range": (2, 5),
    "word_bigrams": True,
    # The hashed author tokens weigh less than the text (stronger regularisation in effect):
    # ordinary names and mail domains are many and each rare, and at 0.5 their chance
    # weights moved the spam score of a civil comment by up to 0.06 between ordinary readers.
    "author_weight": 0.25,
}
#: Head settings (inverse regularisation per attribute) of the shipped model.
#: 30 SGD passes: at 12, the rare sub-attributes (threat, severe_toxicity, identity_attack)
#: were still far from converged.
HEAD_PARAMS: dict[str, Any] = {"alpha": 5e-6, "epochs": 30, "folds": 3}
#: At most this many synthetic identity-term sentences (out of 76,564) join the training set.
MADLIBS_MAX = 6000
#: Salt of the identities attached to bare training rows (evaluation uses another).
TRAINING_SALT = "training"
#: Weight of the project's own examples in training_data/ unless a line says otherwise.
OWN_EXAMPLE_WEIGHT = 2.0


def load_training_data(training_data_dir: Path) -> list[LabelledExample]:
    """Every example in ``training_data_dir/*.jsonl`` (sorted by file name).

    Each line is ``{"text", "labels": {attribute: 0/1}, optional "author_name",
    "author_email", "author_url", "weight"}``; the source is ``training_data/<file stem>``.
    """
    out: list[LabelledExample] = []
    for path in sorted(Path(training_data_dir).glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    labels = {str(k): int(v) for k, v in row["labels"].items()}
                    unknown = set(labels) - set(ATTRIBUTES)
                    if unknown or not isinstance(row["text"], str):
                        raise ValueError(f"unknown attributes {sorted(unknown)}")
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise ValueError(f"{path}:{lineno}: bad training example: {exc}") from exc
                out.append(
                    LabelledExample(
                        text=row["text"],
                        labels=labels,
                        author_name=row.get("author_name", ""),
                        author_email=row.get("author_email", ""),
                        author_url=row.get("author_url", ""),
                        weight=float(row.get("weight", OWN_EXAMPLE_WEIGHT)),
                        source=f"training_data/{path.stem}",
                    )
                )
    return out


def _madlibs_keep(text: str) -> bool:
    digest = hashlib.sha256(b"madlibs\x00" + text.encode()).digest()
    return int.from_bytes(digest[:8], "big") < 2**64 * MADLIBS_MAX / 76_564


def build_training_set(
    *,
    corpora_dir: Path | None,
    training_data_dir: Path,
    extra: Sequence[LabelledExample] = (),
    max_per_corpus: int | None = None,
    corpora: Iterable[str] = CORPORA,
) -> list[LabelledExample]:
    """The training examples described in the module docstring."""
    records: list[LabelledExample] = []
    if corpora_dir is not None:
        for name in corpora:
            for rec in load_corpus(name, corpora_dir, max_rows=max_per_corpus):
                if split_part(rec.text) != "train":
                    continue
                if rec.source == "conversationai-bias/madlibs" and not _madlibs_keep(rec.text):
                    continue
                records.append(rec)
    records.extend(load_training_data(training_data_dir))
    records.extend(extra)
    return [with_identity(rec, TRAINING_SALT) for rec in records]


def training_digest(records: Sequence[LabelledExample]) -> str:
    """SHA-256 over the examples (text, author fields, labels, weight, source), order-free."""
    lines = sorted(
        json.dumps(
            [
                r.source,
                r.text,
                r.author_name,
                r.author_email,
                r.author_url,
                sorted(r.labels.items()),
                r.weight,
            ],
            ensure_ascii=False,
        )
        for r in records
    )
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode())
        h.update(b"\n")
    return h.hexdigest()


def _label_matrices(records: Sequence[LabelledExample]) -> tuple[np.ndarray, np.ndarray]:
    """Labels (n, 7) with -1 for unknown, and weights (n, 7), columns in ATTRIBUTES order."""
    n = len(records)
    Y = np.full((n, len(ATTRIBUTES)), -1, dtype=np.int8)
    W = np.zeros((n, len(ATTRIBUTES)), dtype=np.float64)
    for i, rec in enumerate(records):
        multipliers = SOURCE_ATTRIBUTE_WEIGHTS.get(rec.source, {})
        for j, attr in enumerate(ATTRIBUTES):
            value = rec.labels.get(attr)
            if value is None:
                continue
            Y[i, j] = 1 if value else 0
            W[i, j] = rec.weight * multipliers.get(attr, 1.0)
    return Y, W


def fit_model(
    records: Sequence[LabelledExample],
    *,
    featurizer_params: dict[str, Any] | None = None,
    head_params: dict[str, Any] | None = None,
    seed: int = 0,
    progress: bool = False,
) -> ModerationModel:
    """Fit both pipelines on ``records`` and wrap them in a ModerationModel."""
    if not records:
        raise ValueError("no training examples")
    fparams = dict(FEATURIZER_PARAMS if featurizer_params is None else featurizer_params)
    hparams = dict(HEAD_PARAMS if head_params is None else head_params)
    started = time.perf_counter()
    items = [CommentInput(r.text, r.author_name, r.author_email, r.author_url) for r in records]
    featurizer = CommentFeaturizer(**fparams).fit(items)
    X = _featurise(featurizer, items, progress=progress)
    X.sum_duplicates()
    log.info("featurised %d examples in %.1fs", len(items), time.perf_counter() - started)
    Y, W = _label_matrices(records)

    spam_heads = CalibratedLinearHeads(
        attributes=("spam",),
        random_state=seed,
        ignore_columns=featurizer.neutral_columns,
        **hparams,
    )
    # Who wrote a comment, or which accounts it mentions, says nothing about whether it is
    # toxic: toxicity heads ignore those columns (they would otherwise learn the naming
    # habits of the spam corpora and the mention habits of the tweet corpora).
    tox_heads = CalibratedLinearHeads(
        attributes=TOXICITY_ATTRIBUTES,
        random_state=seed,
        ignore_columns=featurizer.spam_only_columns + featurizer.neutral_columns,
        **hparams,
    )
    bar = _bar(progress, total=len(ATTRIBUTES), desc="fitting heads")
    spam_heads.fit(X, Y[:, :1], sample_weight=W[:, :1])
    _tick(bar, "spam")
    tox_heads.fit(X, Y[:, 1:], sample_weight=W[:, 1:])
    _tick(bar, "toxicity", len(TOXICITY_ATTRIBUTES))
    if bar is not None:
        bar.close()

    # Each pipeline gets its own featurizer instance with identical parameters.
    spam_pipeline = Pipeline([("features", featurizer), ("heads", spam_heads)])
    tox_pipeline = Pipeline(
        [("features", CommentFeaturizer(**fparams).fit(items[:1])), ("heads", tox_heads)]
    )
    counts = Counter(r.source for r in records)
    positives = {a: int((Y[:, j] == 1).sum()) for j, a in enumerate(ATTRIBUTES)}
    negatives = {a: int((Y[:, j] == 0).sum()) for j, a in enumerate(ATTRIBUTES)}
    info = {
        "training_data_digest": training_digest(records),
        "training": {
            "examples": len(records),
            "by_source": dict(sorted(counts.items())),
            "positives": positives,
            "negatives": negatives,
            "featurizer": {k: list(v) if isinstance(v, tuple) else v for k, v in fparams.items()},
            "heads": hparams,
            "seed": seed,
            "seconds": round(time.perf_counter() - started, 1),
        },
    }
    log.info("trained on %d examples in %.1fs", len(records), time.perf_counter() - started)
    return ModerationModel(spam_pipeline, tox_pipeline, info=info)


def _featurise(
    featurizer: CommentFeaturizer, items: Sequence[CommentInput], *, progress: bool
) -> Any:
    import scipy.sparse as sp

    chunk = 5000
    bar = _bar(progress, total=len(items), desc="featurising")
    parts = []
    for start in range(0, len(items), chunk):
        parts.append(featurizer.transform(items[start : start + chunk]))
        _tick(bar, "featurising", len(parts[-1].indptr) - 1)
    if bar is not None:
        bar.close()
    return sp.vstack(parts, format="csr")


def _bar(progress: bool, *, total: int, desc: str) -> Any:
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="it")


def _tick(bar: Any, what: str, n: int = 1) -> None:
    if bar is not None:
        bar.update(n)
    log.info("progress: %s (+%d)", what, n)


def train(
    *,
    corpora_dir: Path | None,
    training_data_dir: Path,
    extra: Sequence[LabelledExample] = (),
    max_per_corpus: int | None = None,
    progress: bool = False,
    seed: int = 0,
    encoder_from: ModerationModel | None = None,
    fine_tune_encoder: bool = False,
    encoder_rows: int | None = None,
) -> ModerationModel:
    """Train a ModerationModel from the corpora, training_data/ and ``extra``.

    ``corpora_dir`` None trains on ``training_data_dir`` and ``extra`` only. ``max_per_corpus``
    limits the rows read from each corpus file (tests use small values). ``progress`` shows
    tqdm bars and logs progress. ``seed`` seeds the calibration folds; the corpus split is
    always the fixed ``split(seed=0)`` so evaluation parts stay unseen.

    The language-model stage: ``fine_tune_encoder`` fits a new one on the same rows (at most
    ``encoder_rows`` of them; needs the ``train`` extra); otherwise ``encoder_from``'s stage,
    if it has one, is taken over. Either way the blend is fitted anew when there are corpora.
    """
    records = build_training_set(
        corpora_dir=corpora_dir,
        training_data_dir=training_data_dir,
        extra=extra,
        max_per_corpus=max_per_corpus,
    )
    if progress:
        log.info("training on %d examples", len(records))
    model = fit_model(records, seed=seed, progress=progress)
    if fine_tune_encoder:
        encoder = fit_encoder(records, corpora_dir=corpora_dir, max_rows=encoder_rows, seed=seed)
        return attach_encoder(
            model, encoder, corpora_dir=corpora_dir, max_per_corpus=max_per_corpus
        )
    if encoder_from is not None and encoder_from.encoder is not None:
        return attach_encoder(
            model,
            encoder_from.encoder,
            corpora_dir=corpora_dir,
            blend=encoder_from.blend,
            max_per_corpus=max_per_corpus,
        )
    return model


def fit_encoder(
    records: Sequence[LabelledExample],
    *,
    corpora_dir: Path | None,
    max_rows: int | None = None,
    seed: int = 0,
) -> EncoderStage:
    """Fine-tune the language-model stage on ``records`` (needs the ``train`` extra)."""
    import tempfile

    from classifier.encoder_train import fine_tune, quantise

    with tempfile.TemporaryDirectory(prefix="encoder-") as tmp:
        out = Path(tmp)
        facts = fine_tune(records, out, corpora_dir=corpora_dir, max_rows=max_rows, seed=seed)
        quantise(out / "encoder-float.onnx", out / "encoder.onnx")
        stage = EncoderStage(
            (out / "encoder.onnx").read_bytes(),
            (out / "tokenizer.json").read_text(encoding="utf-8"),
            facts=facts,
        )
    stage.check()
    return stage


def attach_encoder(
    model: ModerationModel,
    encoder: EncoderStage,
    *,
    corpora_dir: Path | None,
    corpora: Iterable[str] = CORPORA,
    blend: dict[str, list[float]] | None = None,
    max_per_corpus: int | None = None,
) -> ModerationModel:
    """``model`` with the language-model stage ``encoder`` and its blend weights.

    With ``corpora_dir`` the blend is fitted on the ``dev`` part of ``corpora``; an attribute
    with too few held-out positives there keeps ``blend``'s weights (the base model's), if
    any. Without corpora, ``blend`` is used as it is. No weights at all: ``model`` unchanged.
    """
    from classifier.blend import blend_rows, fit_blend, items_of

    info = dict(model.info)
    weights = dict(blend or {})
    if corpora_dir is not None:
        rows = blend_rows(corpora_dir, tuple(corpora), max_per_corpus=max_per_corpus)
        started = time.perf_counter()
        items = items_of(rows)
        normalized = model.featurizer.normalize_batch(items)
        linear = model.linear_logits(items, normalized)
        logits = encoder_logits(encoder, [r.text for r in rows], normalized)
        fitted = fit_blend(linear, logits, rows)
        weights.update(fitted)
        info["blend"] = {
            "rows": len(rows),
            "seconds": round(time.perf_counter() - started, 1),
            "fitted": sorted(fitted),
            "weights": weights,
        }
        log.info("fitted the blend on %d held-out rows: %s", len(rows), fitted)
    if not weights:
        log.warning("no blend weights for the language-model stage: keeping the linear stage")
        return model
    info["encoder"] = encoder.facts
    return ModerationModel(
        model.spam_pipeline,
        model.toxicity_pipeline,
        info=info,
        span_threshold=model.span_threshold,
        span_relative=model.span_relative,
        span_min_probability=model.span_min_probability,
        encoder=encoder,
        blend=weights,
    )


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m classifier.train --corpora DIR [--registry DIR]``: train and save a version.

    This is how the shipped default is rebuilt: ``--registry classifier/models``, then set
    ``registry.BUILTIN_VERSION`` to the printed id and delete the previous shipped folder.
    """
    import argparse

    from classifier.registry import ModelRegistry

    parser = argparse.ArgumentParser(prog="python -m classifier.train", description=main.__doc__)
    parser.add_argument("--corpora", type=Path, required=True, help="MODERATION_CORPORA_DIR")
    parser.add_argument(
        "--training-data",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "training_data",
    )
    parser.add_argument("--registry", type=Path, required=True)
    parser.add_argument("--notes", default="")
    stage = parser.add_mutually_exclusive_group()
    stage.add_argument(
        "--fine-tune-encoder",
        action="store_true",
        help="fine-tune a new language-model stage (needs pip install -e '.[train]')",
    )
    stage.add_argument(
        "--encoder-dir",
        type=Path,
        default=None,
        help="take the stage from this folder (encoder.onnx, tokenizer.json, facts.json)",
    )
    stage.add_argument("--linear-only", action="store_true", help="no language-model stage at all")
    parser.add_argument("--encoder-rows", type=int, default=None, help="fine-tune on N rows")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    base = None
    if args.encoder_dir is not None:
        folder = args.encoder_dir
        facts = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
        encoder = EncoderStage(
            (folder / "encoder.onnx").read_bytes(),
            (folder / "tokenizer.json").read_text(encoding="utf-8"),
            facts=facts,
        )
        model = train(corpora_dir=args.corpora, training_data_dir=args.training_data, progress=True)
        model = attach_encoder(model, encoder, corpora_dir=args.corpora)
        version = ModelRegistry(args.registry).save(model, notes=args.notes)
        print(version)
        return
    if not args.linear_only and not args.fine_tune_encoder:
        from classifier.registry import BUILTIN_VERSION, builtin_registry

        base = builtin_registry().load(BUILTIN_VERSION)
    model = train(
        corpora_dir=args.corpora,
        training_data_dir=args.training_data,
        progress=True,
        encoder_from=base,
        fine_tune_encoder=args.fine_tune_encoder,
        encoder_rows=args.encoder_rows,
    )
    version = ModelRegistry(args.registry).save(model, notes=args.notes)
    print(version)


if __name__ == "__main__":
    main()
