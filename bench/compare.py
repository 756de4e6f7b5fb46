"""This project's model side by side with off-the-shelf tools and a textbook baseline.

Usage: ``MODERATION_CORPORA_DIR=... python bench/compare.py [--max-per-corpus N] [--cross-corpus]``

Every tool scores the same held-out comments: the fixed ``test`` part
(:func:`classifier.corpora.split`) of every public corpus, without the synthetic identity-term
sentences. The tools:

* ``this project``: the shipped model (``classifier.registry.BUILTIN_VERSION``), all seven
  attributes, on the bare texts;
* ``this project as submitted``: the same model on the same texts as a comment form sends
  them, each with an ordinary name and e-mail (:func:`classifier.identities.as_submitted`,
  drawn from the text, independent of the label): what the service really sees. The other
  tools read the text alone, so for them bare and as submitted are the same;
* ``linear stage as submitted``: the shipped model with its language-model stage off
  (``encoder_mode="off"``), and ``encoder stage``: that stage alone (the sigmoid of its
  toxicity logits; it reads only the text). The shipped model's scores are their blend;
* ``tfidf+logreg``: the textbook baseline, TF-IDF word 1-2-grams + char 2-5-grams and one
  LogisticRegression per attribute, fitted on the same training examples as the shipped model
  (:func:`classifier.train.build_training_set`: the ``train`` parts plus training_data/);
* ``alt-profanity-check`` (``predict_prob``) and ``better-profanity`` (0/1
  ``contains_profanity``, so its ROC-AUC is that of a single operating point): scored against
  every toxicity attribute;
* ``antispam`` (its bundled pretrained model, ``antispam.score``): scored against spam.

Each tool runs in a fresh subprocess (BLAS threads pinned to 1) that loads it, scores the test
comments in one batch, then times single comments one by one; its peak resident memory is the
subprocess's ``ru_maxrss`` (the baseline is fitted in a subprocess of its own and only loaded
in the measured one). A tool that cannot be imported or run is reported as unavailable.
Prints ROC-AUC and recall at 1% false-positive rate per attribute, what the default policy
decides for this project's model bare and as submitted (spam false alarms, spam caught, civil
comments held, abuse held), then speed and memory.

``--cross-corpus`` measures generalisation instead: each corpus in turn is left out of fitting
(this project's model and the baseline) and scored whole by every tool (see ``_cross_corpus``).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classifier import ATTRIBUTES, TOXICITY_ATTRIBUTES  # noqa: E402

SUBMITTED = "this project as submitted"
LINEAR = "linear stage as submitted"
ENCODER = "encoder stage"
TOOLS = (
    "this project",
    SUBMITTED,
    LINEAR,
    ENCODER,
    "tfidf+logreg",
    "alt-profanity-check",
    "better-profanity",
    "antispam",
)
#: Attributes each tool is scored against.
COVERS: dict[str, tuple[str, ...]] = {
    "this project": ATTRIBUTES,
    SUBMITTED: ATTRIBUTES,
    LINEAR: ATTRIBUTES,
    ENCODER: TOXICITY_ATTRIBUTES,
    "tfidf+logreg": ATTRIBUTES,
    "alt-profanity-check": TOXICITY_ATTRIBUTES,
    "better-profanity": TOXICITY_ATTRIBUTES,
    "antispam": ("spam",),
}
SINGLE = 300  # comments timed one by one
#: Tools too slow to score every test comment in a benchmark run: they score a seeded sample.
SLOW = ("better-profanity",)


# --------------------------------------------------------------------------------------------
# Tools (run inside the child process)
# --------------------------------------------------------------------------------------------


def _tfidf_pipeline() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(
                    ngram_range=(1, 2), min_df=2, max_features=200_000, sublinear_tf=True
                ),
            ),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    min_df=2,
                    max_features=300_000,
                    sublinear_tf=True,
                ),
            ),
        ]
    )


def _fit_baseline(
    corpora: Path,
    max_per_corpus: int | None,
    out: Path | None,
    *,
    names: Any = None,
    attributes: tuple[str, ...] = ATTRIBUTES,
) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    from classifier.corpora import CORPORA
    from classifier.train import build_training_set

    records = build_training_set(
        corpora_dir=corpora,
        training_data_dir=ROOT / "training_data",
        max_per_corpus=max_per_corpus,
        corpora=CORPORA if names is None else names,
    )
    vectorizer = _tfidf_pipeline()
    X = vectorizer.fit_transform([r.text for r in records])
    heads = {}
    for attribute in attributes:
        rows = [i for i, r in enumerate(records) if attribute in r.labels]
        y = np.array([records[i].labels[attribute] for i in rows])
        if len(set(y.tolist())) < 2:
            continue
        clf = LogisticRegression(C=4.0, solver="liblinear", max_iter=1000)
        heads[attribute] = clf.fit(X[rows], y)
    fitted = {"vectorizer": vectorizer, "heads": heads}
    if out is not None:
        with out.open("wb") as fh:
            pickle.dump(fitted, fh)
    return fitted


def _loader(tool: str, baseline: Path | None) -> Any:
    """Load ``tool``; return ``score(texts) -> array (n, len(ATTRIBUTES))`` (NaN: not covered)."""
    n_attr = len(ATTRIBUTES)
    cols = [ATTRIBUTES.index(a) for a in COVERS[tool]]

    def spread(values: Any, n: int) -> np.ndarray:
        out = np.full((n, n_attr), np.nan)
        out[:, cols] = np.asarray(values, dtype=float)[:, None]
        return out

    if tool in ("this project", SUBMITTED):
        from classifier.registry import BUILTIN_VERSION, builtin_registry

        model = builtin_registry().load(BUILTIN_VERSION)
        return lambda texts: model.predict_proba(_items(texts, submitted=tool == SUBMITTED))
    if tool == LINEAR:
        from classifier.registry import BUILTIN_VERSION, builtin_registry

        model = builtin_registry().load(BUILTIN_VERSION)
        model.encoder_mode = "off"
        return lambda texts: model.predict_proba(_items(texts, submitted=True))
    if tool == ENCODER:
        from classifier.registry import BUILTIN_VERSION, builtin_registry

        encoder = builtin_registry().load(BUILTIN_VERSION).encoder
        assert encoder is not None, "the shipped version has no language-model stage"

        def score_encoder(texts: list[str]) -> np.ndarray:
            p = 1.0 / (1.0 + np.exp(-encoder.run(texts).logits.astype(float)))
            p[:, ATTRIBUTES.index("spam")] = np.nan
            return p

        return score_encoder
    if tool == "tfidf+logreg":
        assert baseline is not None
        with baseline.open("rb") as fh:
            fitted = pickle.load(fh)

        def score_baseline(texts: list[str]) -> np.ndarray:
            X = fitted["vectorizer"].transform(texts)
            out = np.full((len(texts), n_attr), np.nan)
            for attribute, clf in fitted["heads"].items():
                out[:, ATTRIBUTES.index(attribute)] = clf.predict_proba(X)[:, 1]
            return out

        return score_baseline
    if tool == "alt-profanity-check":
        from profanity_check import predict_prob

        return lambda texts: spread(predict_prob(texts), len(texts))
    if tool == "better-profanity":
        from better_profanity import profanity

        profanity.load_censor_words()
        return lambda texts: spread([profanity.contains_profanity(t) for t in texts], len(texts))
    if tool == "antispam":
        import antispam

        def score_antispam(text: str) -> float:
            try:
                return float(antispam.score(text))
            except (TypeError, ZeroDivisionError):  # no word it knows: it cannot say
                return 0.5

        return lambda texts: spread([score_antispam(t) for t in texts], len(texts))
    raise ValueError(tool)


def _items(texts: list[str], *, submitted: bool) -> list[Any]:
    """Comments of ``texts``, bare or as submitted (with an ordinary name and e-mail)."""
    from classifier.identities import as_submitted
    from classifier.types import CommentInput, LabelledExample

    rows = [LabelledExample(t, {}) for t in texts]
    if submitted:
        rows = as_submitted(rows)
    return [CommentInput(r.text, r.author_name, r.author_email, r.author_url) for r in rows]


def _child(args: argparse.Namespace) -> None:
    import warnings

    warnings.simplefilter("ignore")  # third-party pickles from older scikit-learn versions
    if args.fit_baseline:
        _fit_baseline(Path(args.corpora), args.max_per_corpus, Path(args.baseline))
        return
    texts = json.loads(Path(args.texts).read_text(encoding="utf-8"))
    if args.tool in SLOW and len(texts) > args.slow_sample:
        texts = texts[: args.slow_sample]
    started = time.perf_counter()
    score = _loader(args.tool, Path(args.baseline) if args.baseline else None)
    load_seconds = time.perf_counter() - started
    score(texts[:50])  # warm up
    t = time.perf_counter()
    probs = score(texts)
    batch_seconds = time.perf_counter() - t
    latencies = []
    for text in texts[:SINGLE]:
        t = time.perf_counter()
        score([text])
        latencies.append(time.perf_counter() - t)
    np.save(args.out, probs)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "load_seconds": load_seconds,
                "comments_per_s": len(texts) / batch_seconds,
                "single_median_ms": 1000 * statistics.median(latencies),
                "peak_rss_mb": peak_kb / 1024,
            }
        )
    )


# --------------------------------------------------------------------------------------------
# Parent
# --------------------------------------------------------------------------------------------


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    return subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)


def _test_set(
    corpora: Path, max_per_corpus: int | None
) -> tuple[list[str], np.ndarray, np.ndarray]:
    from classifier.corpora import CORPORA, load_corpus, split

    records: list[Any] = []
    for name in CORPORA:
        part = split(load_corpus(name, corpora, max_rows=max_per_corpus))["test"]
        records.extend(r for r in part if r.source != "conversationai-bias/madlibs")
    random.Random(0).shuffle(records)  # so that a prefix is a seeded sample
    labels = np.array([[r.labels.get(a, -1) for a in ATTRIBUTES] for r in records])
    names = np.array([r.source.split("/")[0] for r in records])
    return [r.text for r in records], labels, names


def _metrics(y: np.ndarray, p: np.ndarray) -> tuple[float, float] | None:
    from classifier.metrics import both_classes, recall_at_fpr, roc_auc

    keep = (y >= 0) & ~np.isnan(p)
    y, p = y[keep], p[keep]
    if not both_classes(y):
        return None
    return roc_auc(y, p), recall_at_fpr(y, p)


def _cross_corpus(corpora: Path, tools: list[str], max_per_corpus: int | None) -> None:
    """Leave-one-corpus-out: every tool on a corpus it was not fitted on, in this process.

    For each public corpus, this project's model and the TF-IDF baseline are fitted on all the
    other corpora plus training_data/ (as ``moderation evaluate`` does for the model card) and
    score every comment of the left-out one; the pretrained tools score it as they come. Spam
    corpora are scored for spam, toxicity corpora for toxicity (conversationai-bias on its
    identity-term templates; the toxic-spans corpus has no non-toxic posts and is skipped).
    """
    from classifier.corpora import CORPORA
    from classifier.identities import as_submitted
    from classifier.quality import left_out_sets
    from classifier.train import build_training_set, fit_model
    from classifier.types import CommentInput

    rows: list[tuple[str, str, int, int, dict[str, Any]]] = []
    for name, attribute, records in left_out_sets(corpora, max_rows=max_per_corpus):
        y = np.array([r.labels.get(attribute, -1) for r in records])
        texts = [r.text for r in records]
        others = [c for c in CORPORA if c != name]
        j = ATTRIBUTES.index(attribute)
        scores: dict[str, Any] = {}
        started = time.perf_counter()
        for tool in tools:
            if attribute not in COVERS[tool]:
                continue
            if tool in (SUBMITTED, LINEAR, ENCODER):
                # SUBMITTED: scored with "this project", by the same fitted model. The
                # language-model stage is not fine-tuned again per left-out corpus here (an
                # hour each on 2 cores), so "this project" is its linear stage in this table.
                continue
            if tool == "this project":
                training = build_training_set(
                    corpora_dir=corpora,
                    training_data_dir=ROOT / "training_data",
                    max_per_corpus=max_per_corpus,
                    corpora=others,
                )
                model = fit_model(training)
                p = model.predict_proba([CommentInput(r.text, r.author_name) for r in records])
                scores[tool] = _metrics(y, p[:, j])
                rows_submitted = as_submitted(records)
                p = model.predict_proba(
                    [
                        CommentInput(r.text, r.author_name, r.author_email, r.author_url)
                        for r in rows_submitted
                    ]
                )
                scores[SUBMITTED] = _metrics(y, p[:, j])
            elif tool == "tfidf+logreg":
                fitted = _fit_baseline(
                    corpora, max_per_corpus, None, names=others, attributes=(attribute,)
                )
                X = fitted["vectorizer"].transform(texts)
                scores[tool] = _metrics(y, fitted["heads"][attribute].predict_proba(X)[:, 1])
            elif tool in SLOW:
                continue
            else:
                scores[tool] = _metrics(y, _loader(tool, None)(texts)[:, j])
        rows.append((name, attribute, int((y >= 0).sum()), int((y == 1).sum()), scores))
        took = time.perf_counter() - started
        print(f"{name} left out: {took:.0f}s", flush=True)
    print()
    print("Left-out corpus: ROC-AUC / recall at 1% FPR (n = comments labelled, positives)")
    print(f"{'left-out corpus (attribute, n, pos)':<58}" + "".join(f"{t:>22}" for t in tools))
    for name, attribute, n, pos, scores in rows:
        line = f"{f'{name} ({attribute}, {n}, {pos})':<58}"
        for tool in tools:
            m = scores.get(tool)
            line += f"{(f'{m[0]:.3f} / {m[1]:.3f}' if m else '-'):>22}"
        print(line)


def main() -> None:
    """Parse arguments; fit the baseline, run every tool in a fresh subprocess, print tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=os.environ.get("MODERATION_CORPORA_DIR"))
    parser.add_argument("--max-per-corpus", type=int, default=None)
    parser.add_argument("--tools", default=",".join(TOOLS), help="Comma-separated subset.")
    parser.add_argument(
        "--slow-sample",
        type=int,
        default=1500,
        help="Comments scored by the slow tools (a seeded sample of the test comments).",
    )
    parser.add_argument("--json", dest="json_out", default=None, help="Also write results here.")
    parser.add_argument(
        "--cross-corpus",
        action="store_true",
        help="Instead: each corpus left out of fitting and scored whole (about 20 minutes).",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fit-baseline", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tool", help=argparse.SUPPRESS)
    parser.add_argument("--texts", help=argparse.SUPPRESS)
    parser.add_argument("--baseline", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return
    if not args.corpora or not Path(args.corpora).is_dir():
        parser.error("set MODERATION_CORPORA_DIR or pass --corpora")
    corpora = Path(args.corpora)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if args.cross_corpus:
        _cross_corpus(corpora, tools, args.max_per_corpus)
        return
    texts, labels, names = _test_set(corpora, args.max_per_corpus)
    print(f"{len(texts)} held-out test comments (test part of every corpus, no madlibs)")
    me = [sys.executable, str(Path(__file__).resolve()), "--child", "--corpora", str(corpora)]
    if args.max_per_corpus:
        me += ["--max-per-corpus", str(args.max_per_corpus)]
    me += ["--slow-sample", str(args.slow_sample)]

    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        baseline = Path(tmp) / "baseline.pkl"
        if "tfidf+logreg" in tools:
            t = time.perf_counter()
            done = _run([*me, "--fit-baseline", "--baseline", str(baseline)])
            if done.returncode != 0:
                results["tfidf+logreg"] = {"error": done.stderr.strip().splitlines()[-1:]}
            else:
                print(f"fitted tfidf+logreg in {time.perf_counter() - t:.0f}s")
        for tool in tools:
            if tool in results:
                continue
            out = Path(tmp) / "scores.npy"
            cmd = [*me, "--tool", tool, "--texts", str(texts_file), "--out", str(out)]
            done = _run([*cmd, "--baseline", str(baseline)])
            if done.returncode != 0:
                lines = done.stderr.strip().splitlines()
                results[tool] = {"error": lines[-1] if lines else f"exit {done.returncode}"}
                continue
            res: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
            probs = np.load(out)
            res["scored"] = len(probs)
            if len(probs) < len(texts):
                print(f"{tool}: scored a seeded sample of {len(probs)} of the test comments")
                probs = np.vstack(
                    [probs, np.full((len(texts) - len(probs), probs.shape[1]), np.nan)]
                )
            res["metrics"] = {}
            res["per_corpus"] = {}
            for j, attribute in enumerate(ATTRIBUTES):
                if attribute in COVERS[tool]:
                    res["metrics"][attribute] = _metrics(labels[:, j], probs[:, j])
                    for name in sorted(set(names)):
                        keep = names == name
                        m = _metrics(labels[keep, j], probs[keep, j])
                        if m is not None:
                            res["per_corpus"][f"{name} {attribute}"] = m
            if tool in ("this project", SUBMITTED, LINEAR) and len(probs) == len(texts):
                res["decisions"] = _decisions(texts, labels, probs)
            results[tool] = res
    _print(results, tools, labels)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2), encoding="utf-8")


def _decisions(texts: list[str], labels: np.ndarray, probs: np.ndarray) -> dict[str, Any]:
    """What the default policy's score rules decide (classifier.quality.decision_shares)."""
    from classifier.quality import decision_shares
    from classifier.types import LabelledExample
    from moderation.services.policy import SiteSettings

    rows = [
        LabelledExample(t, {a: int(v) for a, v in zip(ATTRIBUTES, y, strict=True) if v >= 0})
        for t, y in zip(texts, labels, strict=True)
    ]
    return decision_shares(rows, probs, SiteSettings().thresholds)


def _print_decisions(results: dict[str, dict[str, Any]]) -> None:
    shown = [t for t in ("this project", SUBMITTED) if "decisions" in results.get(t, {})]
    if not shown:
        return
    print()
    print("At the default policy's thresholds (all test parts pooled):")
    keys = ("spam_false_alarm", "spam_caught", "civil_held", "abuse_held")
    print(f"{'':<28}" + "".join(f"{k:>18}" for k in keys))
    for tool in shown:
        d = results[tool]["decisions"]
        print(f"{tool:<28}" + "".join(f"{100 * d[k]:>17.2f}%" for k in keys))


def _print(results: dict[str, dict[str, Any]], tools: list[str], labels: np.ndarray) -> None:
    width = max(len(t) for t in tools) + 2
    print()
    print("ROC-AUC / recall at 1% FPR (held-out test parts; n = comments labelled, positives)")
    head = f"{'attribute (n, pos)':<26}" + "".join(f"{t:>{max(width, 22)}}" for t in tools)
    print(head)
    for j, attribute in enumerate(ATTRIBUTES):
        y = labels[:, j]
        label = f"{attribute} ({int((y >= 0).sum())}, {int((y == 1).sum())})"
        row = f"{label:<26}"
        for tool in tools:
            res = results.get(tool, {})
            m = res.get("metrics", {}).get(attribute)
            cell = "n/a" if "error" in res or attribute not in COVERS[tool] else "-"
            if m is not None:
                cell = f"{m[0]:.3f} / {m[1]:.3f}"
            row += f"{cell:>{max(width, 22)}}"
        print(row)
    print()
    print("ROC-AUC per test part (toxicity attributes, where each corpus labels them)")
    keys = sorted({k for res in results.values() for k in res.get("per_corpus", {})})
    print(f"{'test part, attribute':<56}" + "".join(f"{t[:20]:>22}" for t in tools))
    for key in keys:
        if key.endswith(" spam"):
            continue
        row = f"{key:<56}"
        for tool in tools:
            m = results.get(tool, {}).get("per_corpus", {}).get(key)
            row += f"{(f'{m[0]:.3f}' if m else '-'):>22}"
        print(row)
    _print_decisions(results)
    print()
    print(f"{'tool':<22}{'comments/s (batch)':>20}{'single (ms, median)':>22}{'peak RSS (MB)':>16}")
    for tool in tools:
        res = results.get(tool, {})
        if "error" in res:
            print(f"{tool:<22}  unavailable: {res['error']}")
            continue
        print(
            f"{tool:<22}{res['comments_per_s']:>20,.0f}{res['single_median_ms']:>22.2f}"
            f"{res['peak_rss_mb']:>16.0f}"
        )


if __name__ == "__main__":
    main()
