"""Per-site adaptation (classifier/adaptation.py): fitting, scoring, the anchor bound, storage."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest

from classifier import ATTRIBUTES
from classifier.adaptation import (
    ANCHORS_FILE,
    AdaptationIntegrityError,
    AdaptationStore,
    AdaptedModel,
    Anchors,
    anchor_comparison,
    base_logits,
    fit_adaptation,
    load_anchors,
    probabilities,
)
from classifier.model import ModerationModel
from classifier.registry import BUILTIN_VERSION, builtin_registry
from classifier.types import CommentInput, LabelledExample

CAMPAIGN = (
    "Lost money to a broker? Quorvex Assets got back ${n},400 for me in {d} days, "
    "write to claims@quorvex-assets.example"
)
ORDINARY = "The bus route change on line {n} makes my commute {d} minutes longer, sadly."
THRESHOLDS = dict.fromkeys(ATTRIBUTES, 0.8)


def rows(template: str, count: int, spam: int, start: int = 0) -> list[LabelledExample]:
    return [
        LabelledExample(template.format(n=n, d=n % 27 + 3), {"spam": spam})
        for n in range(start, start + count)
    ]


@pytest.fixture(scope="module")
def model(small_model: ModerationModel) -> ModerationModel:
    """The session's small model under a version name (a copy: the session's stays unnamed)."""
    named = copy.copy(small_model)
    named.version = small_model.version or "small"
    return named


@pytest.fixture(scope="module")
def background(model: ModerationModel) -> Anchors:
    return Anchors.score(model, load_anchors()["background"])


def test_the_anchor_set_ships_and_holds_no_corpus_rows() -> None:
    parts = load_anchors()
    assert len(parts["background"]) > 1000 and len(parts["gate"]) > 1000
    sources = {e.source for part in parts.values() for e in part}
    assert all(s.startswith("training_data/") or s == "behaviour" for s in sources), sources
    gate_texts = {e.text for e in parts["gate"]}
    assert not gate_texts & {e.text for e in parts["background"]}
    assert ANCHORS_FILE.is_file()


def test_base_logits_give_the_base_models_probabilities() -> None:
    shipped = builtin_registry().load(BUILTIN_VERSION)
    items = [
        CommentInput("You are a stupid worthless idiot."),
        CommentInput("Buy cheap pills at http://pharma-deals.xyz", author_name="best deals"),
        CommentInput("Thanks for the reporting on the council vote."),
    ]
    z, x, _ = base_logits(shipped, items)
    assert x.shape[0] == 3
    np.testing.assert_allclose(probabilities(z), shipped.predict_proba(items), atol=1e-9)


def test_a_campaign_is_learned_from_a_few_labels(
    model: ModerationModel, background: Anchors
) -> None:
    labels = rows(CAMPAIGN, 20, 1) + rows(ORDINARY, 20, 0)
    adaptation = fit_adaptation(model, labels, site_id=7, background=background)
    assert adaptation.attributes == ["spam"]  # nothing said about toxicity: left as it is
    adapted = AdaptedModel(model, adaptation)
    unseen_spam = [CommentInput(CAMPAIGN.format(n=n, d=5)) for n in range(100, 120)]
    unseen_ham = [CommentInput(ORDINARY.format(n=n, d=9)) for n in range(100, 120)]
    before = model.predict_proba(unseen_spam)[:, 0]
    after = adapted.predict_proba(unseen_spam)[:, 0]
    assert after.mean() > max(0.9, before.mean())
    assert adapted.predict_proba(unseen_ham)[:, 0].max() < 0.5
    # Toxicity is untouched, and the result has the model's interface (spans, version).
    np.testing.assert_allclose(
        adapted.predict_proba(unseen_ham)[:, 1:], model.predict_proba(unseen_ham)[:, 1:]
    )
    result = adapted.score_one(unseen_spam[0], spans=True)
    assert result.spans_requested and set(result.scores) == set(ATTRIBUTES)

    # On the project's own examples it stays near the base.
    gate = Anchors.score(model, load_anchors()["gate"])
    report = anchor_comparison(gate, adaptation, THRESHOLDS)
    assert report["per_attribute"]["spam"]["worse"] <= 3
    assert report["adapted"]["mean_roc_auc"] >= report["base"]["mean_roc_auc"] - 0.01


def test_without_labels_of_an_attribute_nothing_moves(
    model: ModerationModel, background: Anchors
) -> None:
    labels = [LabelledExample("You absolute clown.", {"toxicity": 1})] * 3
    adaptation = fit_adaptation(model, labels, site_id=1, background=background)
    assert "spam" not in adaptation.attributes
    items = [CommentInput("Buy pills http://cheap.xyz"), CommentInput("Nice piece.")]
    adapted = AdaptedModel(model, adaptation).predict_proba(items)
    np.testing.assert_allclose(adapted[:, 0], model.predict_proba(items)[:, 0])


def test_store_round_trip_checksums_and_base(
    model: ModerationModel, background: Anchors, tmp_path: Path
) -> None:
    store = AdaptationStore(tmp_path)
    adaptation = fit_adaptation(
        model, rows(CAMPAIGN, 10, 1) + rows(ORDINARY, 10, 0), site_id=3, background=background
    )
    adaptation.info["labels"] = {"counts": {"spam:yes": 10, "spam:no": 10}}
    version = store.save(adaptation)
    assert version.startswith(f"{model.version}+site3-")
    assert store.versions(3) == [version] and store.sites() == [3]
    meta = store.metadata(3, version)
    assert meta["base_version"] == model.version and meta["site_id"] == 3
    loaded = store.load(3, version)
    items = [CommentInput(CAMPAIGN.format(n=500, d=4))]
    np.testing.assert_allclose(
        AdaptedModel(model, loaded).predict_proba(items),
        AdaptedModel(model, adaptation).predict_proba(items),
        rtol=1e-6,
    )
    # Small files: a few hundred kB at most.
    assert sum(p.stat().st_size for p in (tmp_path / "site-3" / version).iterdir()) < 500_000

    # Another site's id, an altered file, another base: refused.
    with pytest.raises(AdaptationIntegrityError):
        store.load(4, version)
    other = builtin_registry().load(BUILTIN_VERSION)
    with pytest.raises(AdaptationIntegrityError):
        AdaptedModel(other, loaded)
    weights = tmp_path / "site-3" / version / "adaptation.npz"
    weights.chmod(0o644)
    weights.write_bytes(weights.read_bytes() + b"x")
    with pytest.raises(AdaptationIntegrityError, match="checksum"):
        store.load(3, version)
    with pytest.raises(AdaptationIntegrityError):
        store.load(3, "../escape")


def test_anchor_cache_is_per_base_and_mode(model: ModerationModel, tmp_path: Path) -> None:
    examples = load_anchors()["gate"][:50]
    path = tmp_path / "cache.npz"
    first = Anchors.load_cached(path, model, examples)
    again = Anchors.load_cached(path, model, examples)
    np.testing.assert_array_equal(first.z, again.z)
    assert path.is_file()
    fewer = Anchors.load_cached(path, model, examples[:10])  # other rows: scored again
    assert fewer.z.shape == (10, len(ATTRIBUTES))
    assert json.dumps(first.base_version) == json.dumps(model.version)
