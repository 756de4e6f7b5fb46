"""Leave-one-corpus-out with the language-model stage fine-tuned again without the left-out corpus.

Usage: ``MODERATION_CORPORA_DIR=... python bench/encoder_cross_corpus.py [--rows 12000]
[--corpora jigsaw-toxic-comment-2018-sample,olid-offenseval2019]`` (needs the ``train`` extra).

For each named toxicity corpus: the linear stage is fitted on every other corpus plus
training_data/ (as ``moderation evaluate`` does), the language-model stage is fine-tuned on a
seeded sample of ``--rows`` of those same rows (a reduced run: the shipped stage trains on all
of them, about 40 minutes on 2 cores), the blend is fitted on the other corpora's ``dev``
parts, and the left-out corpus is scored whole, as submitted. Prints toxicity ROC-AUC of the
linear stage, the language-model stage, the blend and TF-IDF + logistic regression fitted on
the same rows as the linear stage (``bench/compare.py``'s baseline).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from classifier import ATTRIBUTES  # noqa: E402
from classifier.metrics import roc_auc  # noqa: E402

DEFAULT = "jigsaw-toxic-comment-2018-sample,olid-offenseval2019,stormfront-hate-speech-degibert2018"


def _baseline() -> object:
    spec = importlib.util.spec_from_file_location("bench_compare", ROOT / "bench" / "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    """Parse arguments, run every left-out corpus, print the table."""
    from classifier.blend import items_of
    from classifier.corpora import CORPORA
    from classifier.identities import as_submitted
    from classifier.quality import left_out_sets
    from classifier.train import attach_encoder, build_training_set, fit_encoder, fit_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=os.environ.get("MODERATION_CORPORA_DIR"))
    parser.add_argument("--left-out", default=DEFAULT, help="Comma-separated corpora.")
    parser.add_argument("--rows", type=int, default=12_000)
    args = parser.parse_args()
    if not args.corpora:
        parser.error("set MODERATION_CORPORA_DIR or pass --corpora")
    corpora = Path(args.corpora)
    wanted = [c.strip() for c in args.left_out.split(",") if c.strip()]
    compare = _baseline()
    j = ATTRIBUTES.index("toxicity")
    rows = []
    for name, attribute, records in left_out_sets(corpora, wanted):
        started = time.perf_counter()
        others = [c for c in CORPORA if c != name]
        training = build_training_set(
            corpora_dir=corpora, training_data_dir=ROOT / "training_data", corpora=others
        )
        linear = fit_model(training)
        stage = fit_encoder(training, corpora_dir=corpora, max_rows=args.rows)
        model = attach_encoder(linear, stage, corpora_dir=corpora, corpora=others)
        submitted = as_submitted(records)
        y = np.array([r.labels[attribute] for r in submitted])
        blend = model.predict_proba(items_of(submitted))[:, j]
        model.encoder_mode = "off"
        alone = model.predict_proba(items_of(submitted))[:, j]
        encoder = stage.run([r.text for r in submitted]).logits[:, j]
        fitted = compare._fit_baseline(  # type: ignore[attr-defined]
            corpora, None, None, names=others, attributes=(attribute,)
        )
        tfidf = fitted["heads"][attribute].predict_proba(
            fitted["vectorizer"].transform([r.text for r in submitted])
        )[:, 1]
        aucs = [roc_auc(y, p) for p in (alone, encoder, blend, tfidf)]
        rows.append((name, len(y), int(y.sum()), aucs))
        print(f"{name} left out: {time.perf_counter() - started:.0f}s {aucs}", flush=True)
    print()
    print(f"Left out, toxicity ROC-AUC as submitted (language-model stage on {args.rows} rows)")
    head = ("linear", "language model", "blend", "tfidf+logreg")
    print(f"{'left-out corpus (n, positives)':<58}" + "".join(f"{h:>16}" for h in head))
    for name, n, pos, aucs in rows:
        print(f"{f'{name} ({n}, {pos})':<58}" + "".join(f"{a:>16.3f}" for a in aucs))


if __name__ == "__main__":
    main()
