"""Corpus loaders and the fixed split."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier import ATTRIBUTES
from classifier.corpora import CORPORA, SOURCE_WEIGHTS, load_corpus, split, split_part
from classifier.types import LabelledExample


def test_split_is_deterministic_and_content_based() -> None:
    records = [LabelledExample(f"comment number {i}", {"spam": 0}) for i in range(2000)]
    parts = split(records)
    assert split(list(reversed(records)))["test"] == list(reversed(parts["test"]))
    sizes = {k: len(v) for k, v in parts.items()}
    assert 1500 < sizes["train"] < 1700
    assert 130 < sizes["dev"] < 270 and 130 < sizes["test"] < 270
    # Texts that normalise alike land in the same part.
    assert split_part("Hello  World") == split_part("hello world")
    assert split(records, seed=1) != parts


@pytest.mark.parametrize("name", CORPORA)
def test_loaders_map_labels(corpora: Path, name: str) -> None:
    records = load_corpus(name, corpora, max_rows=50)
    assert records
    for rec in records:
        assert rec.text.strip()
        assert set(rec.labels) <= set(ATTRIBUTES)
        assert set(rec.labels.values()) <= {0, 1}
        assert rec.source.split("/")[0] == name
        assert rec.weight == SOURCE_WEIGHTS[rec.source]


def test_unknown_corpus(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        load_corpus("nope", tmp_path)
    with pytest.raises(FileNotFoundError):
        load_corpus("olid-offenseval2019", tmp_path)
