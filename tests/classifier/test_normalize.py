"""Normalisation: what it folds, and that its offset map points at the original text."""

from __future__ import annotations

import pytest

from classifier.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hello World", "hello world"),
        ("ＦＵＬＬ width", "full width"),
        ("𝐟𝐚𝐧𝐜𝐲 𝓯𝓸𝓷𝓽", "fancy font"),
        ("ѕһіt", "shit"),  # Cyrillic look-alikes
        ("Ιdiot", "idiot"),  # Greek capital iota
        ("fück naïve", "fuck naive"),
        ("z\u200be\u200cr\u200do\ufeff", "zero"),
        ("bi\u202edi\u202c", "bidi"),
        ("&amp; &lt;b&gt; &#39;q&#39; &#x41;", "& <b> 'q' a"),
        ("a<br/>b", "a b"),
        ('<a href="http://bit.ly/x">here</a>', "http://bit.ly/x here"),
        ("sh1t 1d10t @ss b!tch", "shit idiot ass bitch"),
        ("stuuuupid sooooo", "stuupid soo"),
        ("f.u.c.k you", "fuck you"),
        ("v i a g r a", "viagra"),
        ("f-u-c-k", "fuck"),
        ("example dot com", "example.com"),
        ("example [.] com and www dot shop dot xyz", "example.com and www.shop.xyz"),
        ("example．com", "example.com"),
        ("me [at] mail.com", "me@mail.com"),
        ("too   many\n\nspaces", "too many spaces"),
        ("$500k in 2024 and 1000 people", "$500k in 2024 and 1000 people"),
        ("wow!!! @user", "wow!!! @user"),
        ("visit http://sh0p.example/p4ge", "visit http://sh0p.example/p4ge"),
        ("", ""),
    ],
)
def test_normalize_folds(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize(
    "raw",
    [
        "Plain ASCII text.",
        "ѕһіt and ｆｕｃｋ, 𝐟𝐮𝐜𝐤 this",
        "&amp; <a href='http://x.io'>link</a> &#1072;",
        "f.u.c.k you v i a g r a",
        "sh1t stuuuupid 1d10t",
        "mail me [at] gmail dot com",
        "ﬁne ligature, İstanbul, ß",
        "zero\u200bwidth \u202ebidi\u202c",
    ],
)
def test_offsets_point_into_original(raw: str) -> None:
    norm = normalize(raw, with_offsets=True)
    assert norm.text == normalize(raw).text
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for i in range(len(norm.text)):
        begin, end = norm.original_span(i, i + 1)
        assert 0 <= begin < end <= len(raw)
    # Offsets never go backwards: the map preserves order.
    assert norm.starts == sorted(norm.starts)


@pytest.mark.parametrize(
    ("raw", "word", "original"),
    [
        ("you are an 1d10t!", "idiot", "1d10t"),
        ("what a ѕһіt show", "shit", "ѕһіt"),
        ("total f.u.c.k.i.n.g mess", "fucking", "f.u.c.k.i.n.g"),
        ("so stuuuupid", "stuupid", "stuuuupid"),
        ("go to example dot com now", "example.com", "example dot com"),
        ("&lt;idiot&gt;", "idiot", "idiot"),
        ("ｉｄｉｏｔ", "idiot", "ｉｄｉｏｔ"),
    ],
)
def test_original_span_of_a_word(raw: str, word: str, original: str) -> None:
    norm = normalize(raw, with_offsets=True)
    i = norm.text.index(word)
    begin, end = norm.original_span(i, i + len(word))
    assert raw[begin:end] == original


def test_original_span_needs_offsets() -> None:
    with pytest.raises(ValueError, match="offsets"):
        normalize("abc").original_span(0, 1)
