"""How fast the service learns a spam campaign the corpora never saw, from a site's labels.

For each N, a fresh service (SQLite) gets N comments of a new campaign and N ordinary comments
labelled through the API (`POST /api/v1/comments/<id>/feedback`), runs a retraining with the
labels on all the corpora, and measures, before and after, the campaign recall on the comments
not labelled and the false-positive rate on ordinary comments (the corpora's held-out ham), both
at the default spam threshold. It also times a retraining with 10,000 labels.

    MODERATION_CORPORA_DIR=../shared/datasets .venv/bin/python bench/adaptation.py [--n 10 25 50]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classifier.corpora import SPAM_CORPORA, load_all, split  # noqa: E402
from classifier.metrics import at_threshold  # noqa: E402
from classifier.registry import BUILTIN_VERSION, ModelRegistry, ensure_builtin  # noqa: E402
from classifier.types import CommentInput  # noqa: E402
from moderation import create_app  # noqa: E402
from moderation.db import get_db  # noqa: E402
from moderation.migrate import upgrade  # noqa: E402
from moderation.scoring import ensure_default_model  # noqa: E402
from moderation.services.policy import SiteSettings  # noqa: E402
from moderation.services.retraining import retrain  # noqa: E402
from moderation.services.sites import create_site  # noqa: E402

THRESHOLD = SiteSettings().thresholds["spam"]

# A campaign of our own invention: a fictional "Veltrano" recovery service with its own domains.
OPENERS = [
    "Lost money to an online broker?",
    "If a fake investment site took your savings,",
    "Anyone else scammed by a trading app?",
    "Do not give up on your lost funds.",
    "Was your wallet drained last year?",
    "Reading this reminded me how I lost my pension.",
]
MIDDLES = [
    "Veltrano Recovery got back {amount} for me in {days} days",
    "the agents at Veltrano traced and returned {amount} within {days} days",
    "Veltrano's asset team recovered {amount} of my deposits in {days} days",
    "I filed with Veltrano and had {amount} back inside {days} days",
]
CLOSERS = [
    "write to them at claims@{domain}",
    "their case desk is at {domain}/claim",
    "message them through {domain} and mention this article",
    "look them up on {domain}, it is legit",
]
DOMAINS = ["veltrano-recovery.example", "veltrano-claims.example", "vltr-assets.example"]


def campaign(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = set()
    while len(texts) < count:
        amount = f"${rng.randint(3, 95)},{rng.randint(100, 999)}"
        text = (
            f"{rng.choice(OPENERS)} "
            f"{rng.choice(MIDDLES).format(amount=amount, days=rng.randint(3, 30))}, "
            f"{rng.choice(CLOSERS).format(domain=rng.choice(DOMAINS))}."
        )
        texts.add(text)
    return sorted(texts)


def ordinary(corpora: Path) -> list[str]:
    records = split(load_all(corpora, names=SPAM_CORPORA))["test"]
    return [r.text for r in records if r.labels.get("spam") == 0]


def rates(model: Any, spam_texts: list[str], ham_texts: list[str]) -> tuple[float, float]:
    spam = model.score([CommentInput(text=t) for t in spam_texts])
    ham = model.score([CommentInput(text=t) for t in ham_texts])
    y = [1] * len(spam) + [0] * len(ham)
    counts = at_threshold(y, [r.scores["spam"] for r in spam + ham], THRESHOLD)
    return counts["recall"], counts["fpr"]


def run_one(
    n: int, corpora: Path, campaign_texts: list[str], ham_texts: list[str]
) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="adapt-"))
    url = f"sqlite:///{work / 'db.sqlite'}"
    upgrade(url)
    app = create_app(
        {
            "DATA_DIR": str(work),
            "DATABASE_URL": url,
            "BROKER_URL": "memory://",
            "ENQUEUE": False,
            "CORPORA_DIR": str(corpora),
            "API_RATE_LIMIT": "100000 per minute",
        }
    )
    ensure_default_model(app)
    registry = ModelRegistry(Path(app.config["MODEL_DIR"]))
    with get_db(app).session() as session:
        key = create_site(session, name="bench").api_key
    client = app.test_client()
    labelled = campaign_texts[:n] + ham_texts[:n]
    kinds = ["spam"] * n + ["ham"] * n
    order = list(range(len(labelled)))
    random.Random(n).shuffle(order)
    for i in order:
        payload = {
            "article": {"id": "a", "url": "https://news.example/a", "title": "A"},
            "author": {"id": f"r{i}", "name": f"Reader {i}", "ip": f"10.0.{i // 250}.{i % 250}"},
            "content": labelled[i],
        }
        headers = {"Authorization": f"Bearer {key}"}
        comment_id = client.post("/api/v1/comments", json=payload, headers=headers).get_json()["id"]
        response = client.post(
            f"/api/v1/comments/{comment_id}/feedback", json={"label": kinds[i]}, headers=headers
        )
        assert response.status_code == 200, response.get_json()
    started = time.perf_counter()
    with get_db(app).session() as session:
        outcome = retrain(
            session,
            registry=registry,
            corpora_dir=corpora,
            training_data_dir=Path(app.config["TRAINING_DATA_DIR"]),
            holdout_fraction=0.2,
        )
    seconds = time.perf_counter() - started
    candidate = registry.load(outcome.version)
    rest = campaign_texts[n:]
    evaluation_ham = ham_texts[n:]
    after = rates(candidate, rest, evaluation_ham)
    return {
        "n": n,
        "after": after,
        "seconds": seconds,
        "promoted": outcome.promoted,
        "reason": outcome.reason,
        "rest": len(rest),
        "ham": len(evaluation_ham),
    }


def time_large_retrain(corpora: Path, labels: int) -> float:
    """Seconds for one training run on all corpora plus ``labels`` labelled comments."""
    from classifier.train import train
    from classifier.types import LabelledExample

    spam = campaign(labels // 2, seed=99)
    ham = [f"Ordinary reader note number {i} on the story." for i in range(labels - len(spam))]
    texts = spam + ham
    extra = [
        LabelledExample(text=t, labels={"spam": int(i < len(spam))}, weight=5.0, source="bench")
        for i, t in enumerate(texts)
    ]
    started = time.perf_counter()
    train(corpora_dir=corpora, training_data_dir=ROOT / "training_data", extra=extra)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10, 25, 50, 100])
    parser.add_argument("--large-labels", type=int, default=10_000)
    args = parser.parse_args()
    corpora_env = os.environ.get("MODERATION_CORPORA_DIR")
    if not corpora_env:
        sys.exit("set MODERATION_CORPORA_DIR to the public corpora folder")
    corpora = Path(corpora_env)

    campaign_texts = campaign(600, seed=7)
    ham_texts = ordinary(corpora)
    base_registry = ModelRegistry(Path(tempfile.mkdtemp()))
    ensure_builtin(base_registry)
    before = rates(base_registry.load(BUILTIN_VERSION), campaign_texts[100:], ham_texts[100:])
    print(
        f"campaign: {len(campaign_texts)} comments; ordinary comments: {len(ham_texts)}; "
        f"spam threshold {THRESHOLD}"
    )
    print(f"before (shipped {BUILTIN_VERSION}): recall {before[0]:.3f}, FPR {before[1] * 100:.2f}%")
    print()
    print(
        f"{'N':>4} {'recall before':>14} {'recall after':>13} {'FPR before':>11} "
        f"{'FPR after':>10} {'train s':>8}  gate"
    )
    for n in args.n:
        result = run_one(n, corpora, campaign_texts, ham_texts)
        after = result["after"]
        print(
            f"{n:>4} {before[0]:>14.3f} {after[0]:>13.3f} {before[1] * 100:>10.2f}% "
            f"{after[1] * 100:>9.2f}% {result['seconds']:>8.1f}  "
            f"{'promoted' if result['promoted'] else 'kept'}: {result['reason']}",
            flush=True,
        )
    if args.large_labels:
        seconds = time_large_retrain(corpora, args.large_labels)
        print(f"\ntraining on all corpora + {args.large_labels:,} labels: {seconds:.1f} s")


if __name__ == "__main__":
    main()
