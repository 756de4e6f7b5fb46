"""Every language the service scores has its figure: toxicity ROC-AUC as submitted >= 0.85.

On the corpora's test parts (English sampled to 1,000 toxicity-labelled comments to keep this
fast), grouped by the language the service's detector finds, as `moderation evaluate` does.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from classifier.corpora import CORPORA, load_corpus, split
from classifier.language import SUPPORTED_LANGUAGES, detect
from classifier.model import ModerationModel
from classifier.quality import LANGUAGE_MIN_AUC, language_figures
from classifier.types import LabelledExample
from moderation.services.policy import SiteSettings

pytestmark = pytest.mark.model

ENGLISH_SAMPLE = 1000


def test_every_scored_language_reaches_its_figure(model: ModerationModel, corpora: Path) -> None:
    english: list[LabelledExample] = []
    others: list[LabelledExample] = []
    for name in CORPORA:
        for record in split(load_corpus(name, corpora))["test"]:
            if "toxicity" in record.labels and not record.source.endswith("madlibs"):
                (english if detect(record.text).language == "en" else others).append(record)
    english = random.Random(0).sample(english, min(ENGLISH_SAMPLE, len(english)))
    thresholds = SiteSettings.for_site({}).thresholds
    figures = language_figures(model, english + others, thresholds)
    for language in SUPPORTED_LANGUAGES:
        assert language in figures, f"{language} is scored but has no figure"
        auc = figures[language]["submitted"]["toxicity"]
        assert auc >= LANGUAGE_MIN_AUC, f"{language}: toxicity ROC-AUC {auc:.3f}"
