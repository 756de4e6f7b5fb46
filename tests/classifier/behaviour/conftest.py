"""Fixtures for behavioural tests: the shipped default model, loaded once."""

from __future__ import annotations

import pytest

from classifier.model import ModerationModel
from classifier.registry import BUILTIN_VERSION, builtin_registry


@pytest.fixture(scope="session")
def model() -> ModerationModel:
    """The trained default model that ships inside the package."""
    return builtin_registry().load(BUILTIN_VERSION)
