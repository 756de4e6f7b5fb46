"""How fast one site learns a spam campaign from its own labels, and that no other site changes.

A fresh install WITHOUT corpora for the service (its CORPORA_DIR is unset; nothing here trains on
a corpus) with three sites. For each N, site A labels N comments of a new campaign as spam and N
ordinary comments as ham through the API (`POST /api/v1/comments/<id>/feedback`), then site A is
adapted as the scheduled run does (`moderation.services.adaptation.adapt_site`: its labels
alone, its gate). Measured at the default spam threshold, on comments none of the labels were:

* site A: recall on the rest of the campaign, false-positive rate on ordinary comments;
* site B (no labels): the largest change of any score on the same comments (must be 0);
* fabricated labels: site C labels the campaign as ham and ordinary comments as spam; site A's
  and B's scores on the same comments must not move at all.

Then the time of one adaptation with 10,000 labels (end to end: reading the labels, the base
model's scores of them, two fits, the gate) and how long a process takes to pick a promoted
adaptation up (MODEL_REFRESH_SECONDS, the default 5 s).

MODERATION_CORPORA_DIR is read only to draw ordinary comments (the held-out ham of the spam
corpora) for the false-positive rate, never to train:

    MODERATION_CORPORA_DIR=../shared/datasets .venv/bin/python bench/adaptation.py [--n 10 25 50]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from flask import Flask  # noqa: E402

from classifier.corpora import SPAM_CORPORA, load_all, split  # noqa: E402
from classifier.metrics import at_threshold  # noqa: E402
from classifier.types import CommentInput  # noqa: E402
from moderation import create_app  # noqa: E402
from moderation.db import get_db  # noqa: E402
from moderation.migrate import upgrade  # noqa: E402
from moderation.scoring import ensure_default_model, model_provider  # noqa: E402
from moderation.services.adaptation import adapt_site, anchor_cache  # noqa: E402
from moderation.services.policy import SiteSettings  # noqa: E402
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
    """Ordinary comments: the held-out ham of the spam corpora (never trained on here)."""
    records = split(load_all(corpora, names=SPAM_CORPORA))["test"]
    texts = [r.text for r in records if r.labels.get("spam") == 0]
    random.Random(3).shuffle(texts)
    return texts


def items(texts: list[str]) -> list[CommentInput]:
    return [CommentInput(text=t, author_name=f"Reader {i}") for i, t in enumerate(texts)]


def spam_rates(
    model: Any, spam: list[CommentInput], ham: list[CommentInput]
) -> tuple[float, float]:
    p = model.predict_proba(spam + ham)[:, 0]
    counts = at_threshold([1] * len(spam) + [0] * len(ham), list(p), THRESHOLD)
    return counts["recall"], counts["fpr"]


class Install:
    """A fresh install: its own database and data folder, the shipped model, no corpora."""

    def __init__(self, model_dir: Path, encoder_mode: str) -> None:
        work = Path(tempfile.mkdtemp(prefix="adapt-"))
        url = f"sqlite:///{work / 'db.sqlite'}"
        upgrade(url)
        self.app: Flask = create_app(
            {
                "DATA_DIR": str(work),
                "DATABASE_URL": url,
                "BROKER_URL": "memory://",
                "ENQUEUE": False,
                "CORPORA_DIR": None,
                "MODEL_DIR": str(model_dir),
                "ADAPTATION_DIR": str(work / "sites"),
                "ENCODER_MODE": encoder_mode,
                "API_RATE_LIMIT": "1000000 per minute",
                "LABELS_PER_SITE_PER_HOUR": 1_000_000,
            }
        )
        ensure_default_model(self.app)
        self.keys: dict[str, str] = {}
        self.ids: dict[str, int] = {}
        with self.app.app_context(), get_db(self.app).session() as session:
            for name in ("a", "b", "c"):
                issued = create_site(session, name=name)
                self.keys[name], self.ids[name] = issued.api_key, issued.site.id
        self.client = self.app.test_client()
        self.n = 0

    def label(self, site: str, pairs: list[tuple[str, str]]) -> None:
        """Submit each text on ``site`` and label it through the API, in a shuffled order."""
        headers = {"Authorization": f"Bearer {self.keys[site]}"}
        order = list(range(len(pairs)))
        random.Random(len(pairs)).shuffle(order)
        for i in order:
            self.n += 1
            payload = {
                "article": {"id": "a", "url": "https://news.example/a", "title": "A"},
                "author": {"id": f"r{self.n}", "name": f"Reader {self.n}", "ip": "10.0.0.1"},
                "content": pairs[i][0],
            }
            body = self.client.post("/api/v1/comments", json=payload, headers=headers).get_json()
            response = self.client.post(
                f"/api/v1/comments/{body['id']}/feedback",
                json={"label": pairs[i][1]},
                headers=headers,
            )
            assert response.status_code == 200, response.get_json()

    def adapt(self, site: str) -> Any:
        with self.app.app_context(), get_db(self.app).session() as session:
            provider = model_provider()
            assert provider.adaptations is not None
            return adapt_site(
                session,
                site_id=self.ids[site],
                base=provider.get(),
                store=provider.adaptations,
                cache_dir=anchor_cache(self.app.config),
                actor="bench",
            )

    def model(self, site: str) -> Any:
        with self.app.app_context():
            provider = model_provider()
            provider._site_checked_at = float("-inf")  # read the activations now
            return provider.get(site_id=self.ids[site])


def run_one(
    n: int,
    model_dir: Path,
    encoder_mode: str,
    campaign_texts: list[str],
    ham_texts: list[str],
    *,
    with_ham: bool = True,
) -> dict[str, Any]:
    install = Install(model_dir, encoder_mode)
    pairs = [(t, "spam") for t in campaign_texts[:n]]
    if with_ham:
        pairs += [(t, "ham") for t in ham_texts[:n]]
    rest, plain = items(campaign_texts[200:]), items(ham_texts[200:])
    b_before = install.model("b").predict_proba(rest + plain)
    a_before = spam_rates(install.model("a"), rest, plain)
    install.label("a", pairs)
    outcome = install.adapt("a")
    a_after = spam_rates(install.model("a"), rest, plain)
    b_after = install.model("b").predict_proba(rest + plain)

    # Fabricated labels on site C: the campaign called ham, ordinary comments called spam.
    a_scores = install.model("a").predict_proba(rest + plain)
    install.label(
        "c",
        [(t, "ham") for t in campaign_texts[:100]] + [(t, "spam") for t in ham_texts[:100]],
    )
    fabricated = install.adapt("c")
    return {
        "n": n,
        "before": a_before,
        "after": a_after,
        "promoted": outcome.promoted,
        "reason": outcome.reason,
        "seconds": outcome.seconds,
        "b_change": float(np.abs(b_after - b_before).max()),
        "c_promoted": fabricated.promoted,
        "c_moves_a": float(np.abs(install.model("a").predict_proba(rest + plain) - a_scores).max()),
        "c_moves_b": float(np.abs(install.model("b").predict_proba(rest + plain) - b_after).max()),
        "c_recall": spam_rates(install.model("c"), rest, plain)[0],
    }


def time_large(model_dir: Path, encoder_mode: str, labels: int) -> tuple[float, float, int]:
    """Seconds of one adaptation of site A with ``labels`` labelled comments; pick-up seconds."""
    from moderation.compat.store import Submission, _article_and_author, _comment_row
    from moderation.tables import Label
    from moderation.tables.base import utcnow

    install = Install(model_dir, encoder_mode)
    spam = campaign(labels // 4, seed=99)
    rng = random.Random(5)
    ham = [
        f"Reader note {i}: {rng.choice(['the council', 'the new bus line', 'the school'])} "
        f"{rng.choice(['needs', 'deserves', 'lacks'])} {rng.choice(['money', 'a plan', 'time'])}"
        f", and point {rng.randint(1, 99)} of the article {rng.choice(['is fair', 'misses it'])}."
        for i in range(labels - len(spam))
    ]
    app = install.app
    with app.app_context(), get_db(app).session() as session:
        from moderation.tables import Site

        site = session.get(Site, install.ids["a"])
        assert site is not None
        start = utcnow() - timedelta(hours=3)
        for i, (text, value) in enumerate([(t, "spam") for t in spam] + [(t, "ham") for t in ham]):
            submission = Submission(content=text, author_name=f"Reader {i}")
            article, author = _article_and_author(session, site, submission)
            comment = _comment_row(site, submission, article, author, status="approved")
            comment.created_at = start + timedelta(seconds=i)
            session.add(comment)
            session.add(
                Label(
                    site_id=site.id,
                    comment_id=comment.id,
                    label=value,
                    attribute="spam",
                    source="site",
                    actor="bench",
                    created_at=start + timedelta(seconds=i, milliseconds=500),
                )
            )
        session.commit()
    with app.app_context():
        model_provider().get()  # the base model loaded, as in a running worker
    started = time.perf_counter()
    outcome = install.adapt("a")
    seconds = time.perf_counter() - started
    # A process that scores site A re-reads the activations every MODEL_REFRESH_SECONDS: switch
    # the site off, let the process see that, promote the adaptation again, and time the switch.
    picked = float("nan")
    if outcome.promoted:
        from moderation.services.adaptation import activate_adaptation

        with app.app_context(), get_db(app).session() as session:
            provider = model_provider()
            activate_adaptation(session, install.ids["a"], None, actor="bench")
            provider._site_checked_at = float("-inf")
            assert provider.get(site_id=install.ids["a"]) is provider.get()
            activate_adaptation(session, install.ids["a"], outcome.version, actor="bench")
            promoted_at = time.perf_counter()
            while provider.get(site_id=install.ids["a"]).version != outcome.version:
                time.sleep(0.05)
            picked = time.perf_counter() - promoted_at
    return seconds, picked, int(outcome.report["labels"]["total"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10, 25, 50, 100])
    parser.add_argument("--large-labels", type=int, default=10_000)
    parser.add_argument("--encoder-mode", default="all", choices=["all", "band", "off"])
    args = parser.parse_args()
    corpora_env = os.environ.get("MODERATION_CORPORA_DIR")
    if not corpora_env:
        sys.exit("set MODERATION_CORPORA_DIR: ordinary comments for the false-positive rate")
    campaign_texts = campaign(600, seed=7)
    ham_texts = ordinary(Path(corpora_env))
    model_dir = Path(tempfile.mkdtemp(prefix="adapt-models-"))
    print(
        f"campaign: {len(campaign_texts)} comments (the last 400 measured); ordinary comments: "
        f"{len(ham_texts) - 200} measured; spam threshold {THRESHOLD}; encoder mode "
        f"{args.encoder_mode}; os.cpu_count() {os.cpu_count()}"
    )
    print()
    print(
        f"{'N':>4} {'labels':>7} {'recall A':>15} {'FPR A':>15} {'adapt s':>8} "
        f"{'B moves':>8} {'C moves A/B':>12}  gate of A"
    )
    for with_ham in (True, False):
        for n in args.n:
            r = run_one(
                n, model_dir, args.encoder_mode, campaign_texts, ham_texts, with_ham=with_ham
            )
            kinds = "spam+ham" if with_ham else "spam"
            print(
                f"{n:>4} {kinds:>8} {r['before'][0]:>6.3f} → {r['after'][0]:.3f} "
                f"{r['before'][1] * 100:>5.2f}% → {r['after'][1] * 100:.2f}% "
                f"{r['seconds']:>8.1f} {r['b_change']:>8.4f} "
                f"{r['c_moves_a']:>5.4f}/{r['c_moves_b']:.4f}  "
                f"{'promoted' if r['promoted'] else 'kept'}: {r['reason']}",
                flush=True,
            )
    if args.large_labels:
        seconds, picked, total = time_large(model_dir, args.encoder_mode, args.large_labels)
        print(
            f"\none adaptation with {total:,} labelled comments: {seconds:.1f} s end to end; "
            f"a process picked the promoted adaptation up in {picked:.1f} s"
        )


if __name__ == "__main__":
    main()
