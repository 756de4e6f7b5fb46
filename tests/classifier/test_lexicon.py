"""The multilingual abuse lexicon: what it counts, where the hits are, and its fingerprint."""

from __future__ import annotations

import math

import pytest

from classifier.features import CommentFeaturizer
from classifier.lexicon import LEXICON_NAMES, lexicon_counts, lexicon_matches
from classifier.normalize import normalize
from classifier.signals import META_NAMES, comment_meta, meta_matches
from classifier.types import CommentInput


def counts(text: str) -> dict[str, float]:
    return dict(zip(LEXICON_NAMES, lexicon_counts(normalize(text).text), strict=True))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("You are a complete idiot.", "lex_insult"),
        ("what the fuck is this", "lex_profanity"),
        ("absolute motherfucking nonsense", "lex_profanity"),  # a root inside a longer word
        ("I will kill you", "lex_threat"),  # a phrase
        ("go back to africa", "lex_hate"),
        ("eres un pendejo", "lex_insult"),  # Spanish
        ("sei un pezzo di merda", "lex_profanity"),  # Italian
        ("Seni öldüreceğim", "lex_threat"),  # Turkish, accents folded by normalize()
        ("ta gueule connard", "lex_insult"),  # French
        ("du Vollidiot", "lex_insult"),  # German
        ("f.u.c.k off", "lex_profanity"),  # spaced letters, undone by normalize()
        ("you 1d10t", "lex_insult"),  # leetspeak, undone by normalize()
        ("what a fuuuuucking mooooron", "lex_insult"),  # stretched letters
        ("ѕһіt happens", "lex_profanity"),  # Cyrillic homoglyphs
    ],
)
def test_hits_by_category(text: str, category: str) -> None:
    found = counts(text)
    assert found[category] > 0, found
    assert found["lex_any"] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "The class passed the assessment at the Scunthorpe school.",  # words inside words
        "Three soldiers were killed when the convoy was attacked.",  # violent news, no threat
        "As a gay Muslim woman I found the article thoughtful.",  # identity terms
        "El gobierno negro? No, el gobierno nuevo.",  # ambiguous words are not listed
        "Il governo deve spiegare la nuova legge sul lavoro.",
    ],
)
def test_civil_text_has_no_hits(text: str) -> None:
    assert all(v == 0 for v in counts(text).values()), counts(text)


def test_directed_needs_a_second_person_before_the_insult() -> None:
    assert counts("you are such an idiot")["lex_directed"] > 0
    assert counts("eres un idiota")["lex_directed"] > 0
    assert counts("the plan is idiotic")["lex_directed"] == 0


def test_counts_are_log_counts() -> None:
    assert counts("idiot idiot idiot")["lex_insult"] == pytest.approx(math.log1p(3))


def test_matches_point_at_the_words() -> None:
    norm = normalize("Well, you absolute moron, I will kill you").text
    found = {(cat, norm[b:e]) for cat, b, e in lexicon_matches(norm)}
    assert ("insult", "moron") in found
    assert ("threat", "i will kill") in found
    # The featurizer's match list carries them for explanations.
    kinds = {kind for kind, _, _ in meta_matches(norm)}
    assert {"lex_insult", "lex_threat"} <= kinds


def test_features_carry_the_lexicon_columns() -> None:
    item = CommentInput("You are a stupid idiot")
    meta = dict(zip(META_NAMES, comment_meta(item, normalize(item.text).text), strict=True))
    assert meta["lex_insult"] > 0 and meta["lex_directed"] > 0
    assert meta["lex_threat"] == 0


def test_a_featurizer_fitted_with_another_lexicon_refuses_to_transform() -> None:
    f = CommentFeaturizer(n_bits=12).fit([CommentInput("x")])
    f.lexicon_ = "0000000000000000"
    with pytest.raises(ValueError, match="abuse lexicon"):
        f.transform([CommentInput("hello")])


def test_fingerprint_covers_the_exception_lists_and_the_rules() -> None:
    """Editing any list that changes a hit (not only the word lists) changes the fingerprint."""
    from classifier import lexicon as lx

    exceptions = [lx._NOT_ROOT, lx._SECOND_PERSON, lx._DIRECTED_FROM, lx._NOT_STRETCHED]
    assert lx._fingerprint(lx._WORDS, lx._ROOTS, lx._PHRASES, exceptions) == lx.LEXICON_DIGEST
    for i in range(len(exceptions)):
        edited = [*exceptions]
        edited[i] = edited[i] | {"scunthorpeish"}
        assert lx._fingerprint(lx._WORDS, lx._ROOTS, lx._PHRASES, edited) != lx.LEXICON_DIGEST
    other_rules = lx._fingerprint(lx._WORDS, lx._ROOTS, lx._PHRASES, exceptions, rules=0)
    assert other_rules != lx.LEXICON_DIGEST
