"""train(): quick models from training_data/ alone and from a few rows of every corpus."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from classifier import ATTRIBUTES
from classifier.model import ModerationModel
from classifier.train import load_training_data, train, training_digest
from classifier.types import CommentInput, LabelledExample

from .conftest import TRAINING_DATA


def test_training_data_is_valid() -> None:
    examples = load_training_data(TRAINING_DATA)
    sources = {e.source for e in examples}
    assert sources == {
        "training_data/spam_examples",
        "training_data/ham_examples",
        "training_data/toxicity_examples",
        "training_data/multilingual_examples",
    }
    assert sum(e.labels.get("spam") == 1 for e in examples) >= 200
    assert sum(e.labels.get("spam") == 0 for e in examples) >= 200
    for e in examples:
        assert set(e.labels) <= set(ATTRIBUTES)
        assert e.text.strip()
    # The generators drop duplicates: the same text never carries two labellings.
    texts = [e.text for e in examples if e.source == "training_data/multilingual_examples"]
    assert len(texts) == len(set(texts)) >= 1000


def test_bad_training_line_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text('{"text": "ok", "labels": {"spam": 1}}\n{"text": 1}\n')
    with pytest.raises(ValueError, match=r"x.jsonl:2"):
        load_training_data(tmp_path)


def test_small_model_scores_every_attribute(small_model: ModerationModel) -> None:
    assert small_model.version == ""
    result = small_model.score_one(CommentInput("Hello there"))
    assert set(result.scores) == set(ATTRIBUTES)
    assert all(0.0 <= p <= 1.0 for p in result.scores.values())
    spam = small_model.score_one(
        CommentInput("Buy cheap viagra online http://bit.ly/x1 http://pills.xyz/buy now!!!")
    )
    ham = small_model.score_one(
        CommentInput("The ceasefire talks resumed today and both sides sent negotiators.")
    )
    assert spam.scores["spam"] > ham.scores["spam"]


def test_extra_labels_are_learned(small_model: ModerationModel) -> None:
    phrase = "zorblax quintuple marmalade"
    extra = [
        LabelledExample(text=f"{phrase} number {i}", labels={"spam": 1}, weight=5.0)
        for i in range(40)
    ]
    model = train(corpora_dir=None, training_data_dir=TRAINING_DATA, extra=extra)
    item = CommentInput(f"{phrase} again")
    assert model.score_one(item).scores["spam"] > small_model.score_one(item).scores["spam"]
    assert model.info["training_data_digest"] != small_model.info["training_data_digest"]


def test_training_digest_ignores_order() -> None:
    a = LabelledExample("one", {"spam": 1})
    b = LabelledExample("two", {"spam": 0})
    assert training_digest([a, b]) == training_digest([b, a])
    assert training_digest([a]) != training_digest([a, b])


def test_train_with_a_few_rows_of_every_corpus(corpora: Path) -> None:
    model = train(corpora_dir=corpora, training_data_dir=TRAINING_DATA, max_per_corpus=150)
    by_source = model.info["training"]["by_source"]
    assert any(s.startswith("youtube") for s in by_source)
    assert any(s.startswith("semeval2021") for s in by_source)
    probs = model.predict_proba([CommentInput("you stupid idiot"), CommentInput("nice day")])
    assert probs.shape == (2, len(ATTRIBUTES))
    assert np.all((probs >= 0) & (probs <= 1))


def test_toxicity_heads_do_not_use_author_or_handle_columns(small_model: ModerationModel) -> None:
    featurizer = small_model.toxicity_pipeline.named_steps["features"]
    coef = small_model.toxicity_pipeline.named_steps["heads"].coef_
    for lo, hi in featurizer.spam_only_columns:
        assert not coef[lo:hi].any()
    spam_coef = small_model.spam_pipeline.named_steps["heads"].coef_
    lo, hi = featurizer.spam_only_columns[1]
    assert spam_coef[lo:hi].any()
