"""Scoring benchmark: single-comment latency, batch throughput, worker memory.

Usage: ``python bench/score.py [--comments 10000] [--version VERSION] [--mode all|band|off]``

``--mode`` is the language-model stage's (``MODERATION_ENCODER_MODE``): ``all`` (the default,
every comment through the blend), ``band`` (only comments whose linear toxicity scores are
uncertain; the share escalated is printed) or ``off`` (the linear stage alone).

Loads the shipped default model (or ``--version`` from ``MODERATION_MODEL_DIR``) in a fresh
subprocess, so the resident memory figure is that of a worker that has imported the classifier
and loaded the model and nothing else. Comments come from the corpora under
``MODERATION_CORPORA_DIR`` (a seeded sample across every corpus), or are generated when it is
not set. Everything runs on one core (BLAS threads pinned to 1). Throughput is given per
wall-clock second and per CPU-second of the process: on a shared machine the second is the
fairer "per core" figure. Prints a small table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _comments(n: int, seed: int) -> list[dict[str, str]]:
    """``n`` comments: a seeded sample of every corpus, or generated text without corpora."""
    rng = random.Random(seed)
    corpora = os.environ.get("MODERATION_CORPORA_DIR")
    if corpora and Path(corpora).is_dir():
        from classifier.corpora import CORPORA, load_corpus
        from classifier.identities import as_submitted

        pool = []
        for name in CORPORA:
            records = load_corpus(name, Path(corpora))
            if name == "conversationai-bias":
                records = [r for r in records if r.source.endswith("wikipedia")]
            # As submitted: with the name and e-mail a comment form sends.
            pool.extend(
                {"text": r.text, "author_name": r.author_name, "author_email": r.author_email}
                for r in as_submitted(records)
            )
        rng.shuffle(pool)
        return [pool[i % len(pool)] for i in range(n)]
    sentence = (
        "the ceasefire talks resumed today and both sides sent negotiators to the capital "
        "buy cheap pills online http://bit.ly/x you are an idiot election turnout was high "
        "police arrested a suspect after the attack thanks for the article great read"
    )
    words = sentence.split(" ")
    return [{"text": " ".join(rng.choices(words, k=rng.randint(5, 60)))} for _ in range(n)]


def _measure(args: argparse.Namespace) -> dict[str, float]:
    """Runs inside the fresh subprocess."""
    import psutil

    process = psutil.Process()
    rss_start = process.memory_info().rss
    started = time.perf_counter()
    from classifier.registry import ModelRegistry, builtin_registry
    from classifier.types import CommentInput

    if args.version:
        registry = ModelRegistry(Path(os.environ["MODERATION_MODEL_DIR"]))
        model = registry.load(args.version)
    else:
        registry = builtin_registry()
        model = registry.load(registry.versions()[-1])
    if model.encoder is not None:
        model.encoder.check()  # open the ONNX session now: it is part of loading
    load_seconds = time.perf_counter() - started
    model.encoder_mode = args.mode
    rss_loaded = process.memory_info().rss

    rows = _comments(args.comments, args.seed)
    items = [
        CommentInput(r["text"], r.get("author_name", ""), r.get("author_email", "")) for r in rows
    ]
    mean_chars = statistics.fmean(len(i.text) for i in items)

    model.score(items[:200])  # warm caches
    latencies = []
    cpu = time.process_time()
    for item in items[:1000]:
        t = time.perf_counter()
        model.score_one(item)
        latencies.append(time.perf_counter() - t)
    single_cpu_ms = 1000 * (time.process_time() - cpu) / 1000
    span_latencies = []
    for item in items[:300]:
        t = time.perf_counter()
        model.score_one(item, spans=True)
        span_latencies.append(time.perf_counter() - t)

    batch = args.batch
    t = time.perf_counter()
    cpu = time.process_time()
    for start in range(0, len(items), batch):
        model.score(items[start : start + batch])
    batch_seconds = time.perf_counter() - t
    batch_cpu_seconds = time.process_time() - cpu
    rss_end = process.memory_info().rss
    escalated = float(model.escalated(model.linear_logits(items)).mean())

    latencies.sort()
    span_latencies.sort()
    return {
        "version": model.version,
        "mode": args.mode if model.encoder is not None else "no language-model stage",
        "escalated": escalated,
        "comments": len(items),
        "mean_chars": mean_chars,
        "load_seconds": load_seconds,
        "single_median_ms": 1000 * latencies[len(latencies) // 2],
        "single_p99_ms": 1000 * latencies[int(len(latencies) * 0.99)],
        "single_spans_median_ms": 1000 * span_latencies[len(span_latencies) // 2],
        "batch_size": batch,
        "batch_comments_per_s": len(items) / batch_seconds,
        "batch_comments_per_cpu_s": len(items) / batch_cpu_seconds,
        "single_cpu_mean_ms": single_cpu_ms,
        "rss_before_mb": rss_start / 2**20,
        "rss_loaded_mb": rss_loaded / 2**20,
        "rss_after_mb": rss_end / 2**20,
    }


def main() -> None:
    """Parse arguments; run the measurement in a fresh subprocess and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--version", default="")
    parser.add_argument("--mode", choices=("all", "band", "off"), default="all")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args)))
        return
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        "--comments",
        str(args.comments),
        "--batch",
        str(args.batch),
        "--seed",
        str(args.seed),
        "--version",
        args.version,
        "--mode",
        args.mode,
    ]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    rows = [
        ("model version", r["version"]),
        ("language-model stage", f"{r['mode']} ({100 * r['escalated']:.1f}% of comments)"),
        ("comments (mean chars)", f"{r['comments']:,} ({r['mean_chars']:.0f})"),
        ("model load", f"{r['load_seconds']:.2f} s"),
        (
            "single comment, median / p99",
            f"{r['single_median_ms']:.2f} / {r['single_p99_ms']:.2f} ms",
        ),
        ("single comment with spans, median", f"{r['single_spans_median_ms']:.2f} ms"),
        ("single comment, mean CPU time", f"{r['single_cpu_mean_ms']:.2f} ms"),
        (
            f"batch throughput (batches of {r['batch_size']})",
            f"{r['batch_comments_per_s']:,.0f} comments/s wall, "
            f"{r['batch_comments_per_cpu_s']:,.0f} per CPU-second (1 core)",
        ),
        (
            "RSS: interpreter / model loaded / after scoring",
            f"{r['rss_before_mb']:.0f} / {r['rss_loaded_mb']:.0f} / {r['rss_after_mb']:.0f} MB",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
