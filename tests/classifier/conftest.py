"""Fixtures for the classifier unit tests: a small model trained on training_data/ only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from classifier.model import ModerationModel
from classifier.train import train

ROOT = Path(__file__).resolve().parents[2]
TRAINING_DATA = ROOT / "training_data"


@pytest.fixture(scope="session")
def corpora() -> Path:
    """MODERATION_CORPORA_DIR, or skip the test when it is not set."""
    value = os.environ.get("MODERATION_CORPORA_DIR")
    if not value or not Path(value).is_dir():
        pytest.skip("MODERATION_CORPORA_DIR is not set to the corpora folder")
    return Path(value)


@pytest.fixture(scope="session")
def small_model() -> ModerationModel:
    """A model trained in seconds on the project's own examples only."""
    return train(corpora_dir=None, training_data_dir=TRAINING_DATA)
