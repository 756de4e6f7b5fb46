"""Links: one TLD list for the signals, the normaliser, the LINKS rule and the evaluation."""

from __future__ import annotations

import pytest

from classifier.links import LINK_RE, REJOINED_TLDS, TLDS, URL_TOKEN_RE, host, tld
from classifier.normalize import normalize
from classifier.signals import META_NAMES, comment_meta
from classifier.types import CommentInput
from moderation.services.policy import count_links


def test_the_rejoined_tlds_are_part_of_the_one_list() -> None:
    assert set(REJOINED_TLDS) < set(TLDS)
    assert len(set(TLDS)) == len(TLDS)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("visit example dot com", "visit example.com"),
        ("visit example [.] shop", "visit example.shop"),
        # National TLDs that are words too are not rejoined after a spaced dot.
        ("i said so . it was fine", "i said so . it was fine"),
        ("fine . no idea", "fine . no idea"),
    ],
)
def test_the_normaliser_rejoins_only_the_rejoined_tlds(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize(
    ("token", "is_link"),
    [
        ("example.com", True),
        ("comune.roma.it/path?x=1", True),
        ("http://anything", True),
        ("www.example", True),
        ("file.txt", False),
        ("e.g", False),
    ],
)
def test_url_tokens(token: str, is_link: bool) -> None:
    assert bool(URL_TOKEN_RE.fullmatch(token)) is is_link


def test_the_rule_the_signals_and_the_evaluation_see_the_same_tlds() -> None:
    text = "see comune.roma.it and //cdn.example.org/x"
    assert count_links(text) == 2
    assert LINK_RE.search("Read Comune.Roma.IT today")
    values = comment_meta(CommentInput(text), normalize(text).text)
    assert dict(zip(META_NAMES, values, strict=True))["has_link"] == 1.0


def test_host_and_tld() -> None:
    assert host("HTTPS://www.Shop.Example.XYZ/p?q=1") == "shop.example.xyz"
    assert host("bit.ly/abc") == "bit.ly"
    assert host("http://[::1") == ""
    assert host("") == ""
    assert tld("shop.example.xyz") == "xyz"
