"""Featurizer: deterministic, independent of the batch, estimator contract."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from classifier.features import CommentFeaturizer
from classifier.normalize import normalize
from classifier.signals import AUTHOR_META_NAMES, HANDLE_NAMES, META_NAMES, comment_meta
from classifier.types import CommentInput

ITEMS = [
    CommentInput("First comment about the election."),
    CommentInput("Buy now http://bit.ly/x and http://shop.xyz/p?ref=1 call +1 800 555 0199"),
    CommentInput("ѕһіt 𝐟𝐮𝐜𝐤 émoji 🙂", author_name="Ann Lee", author_url="http://ann.blog"),
    CommentInput(""),
]


def test_rows_do_not_depend_on_the_batch() -> None:
    f = CommentFeaturizer(n_bits=16).fit(ITEMS)
    together = f.transform(ITEMS).toarray()
    for i, item in enumerate(ITEMS):
        alone = f.transform([item]).toarray()[0]
        np.testing.assert_allclose(alone, together[i], rtol=1e-6)


def test_shape_and_determinism() -> None:
    f = CommentFeaturizer(n_bits=16).fit(ITEMS)
    X = f.transform(ITEMS)
    width = 2**16 + 2**f.author_bits + len(META_NAMES)
    assert X.shape == (len(ITEMS), width) == (len(ITEMS), f.n_features_out_)
    again = clone(f).fit(ITEMS).transform(ITEMS)
    assert (again != X).nnz == 0


def test_obfuscated_text_has_the_same_text_features() -> None:
    f = CommentFeaturizer(n_bits=16).fit(ITEMS)
    plain, disguised = f.transform([CommentInput("you idiot"), CommentInput("yоu 1d10t")])
    n = 2**16
    np.testing.assert_allclose(plain.toarray()[0, :n], disguised.toarray()[0, :n])


def test_meta_signals() -> None:
    item = ITEMS[1]
    meta = dict(zip(META_NAMES, comment_meta(item, normalize(item.text).text), strict=True))
    assert meta["has_link"] == 1.0
    assert meta["shortener"] == 1.0
    assert meta["suspicious_tld"] == 1.0
    assert meta["link_query"] == 1.0
    assert meta["phone"] == 1.0
    civil = CommentInput("I disagree with the minister, see page 3 of the report.")
    quiet = dict(zip(META_NAMES, comment_meta(civil, normalize(civil.text).text), strict=True))
    assert quiet["has_link"] == 0.0 and quiet["phone"] == 0.0


def test_handle_signals() -> None:
    item = CommentInput("Big thanks to @anna_fx.trades and #mrs_helen_invest, I earned $9k!")
    meta = dict(zip(META_NAMES, comment_meta(item, normalize(item.text).text), strict=True))
    assert meta["has_mention"] == 1.0
    assert meta["n_handles"] > 0 and meta["n_hashtags"] > 0
    # An e-mail address is not a mention; a plain reply to a commenter is not a made-up handle.
    reply = CommentInput("@maria you are right, write to desk@example.org about it")
    meta = dict(zip(META_NAMES, comment_meta(reply, normalize(reply.text).text), strict=True))
    assert meta["n_mentions"] == pytest.approx(np.log1p(1)) and meta["n_handles"] == 0.0


def test_spam_only_columns_cover_every_author_column_and_the_handles() -> None:
    f = CommentFeaturizer(n_bits=12).fit(ITEMS)
    (a_lo, a_hi), (m_lo, m_hi), (h_lo, h_hi) = f.spam_only_columns
    assert (a_lo, a_hi) == f.author_columns
    assert META_NAMES[m_lo - f.meta_offset : m_hi - f.meta_offset] == AUTHOR_META_NAMES
    assert h_hi - h_lo == len(HANDLE_NAMES)
    assert META_NAMES[h_lo - f.meta_offset] == HANDLE_NAMES[0]


def test_toxicity_columns_do_not_change_with_the_author() -> None:
    """Every column that an author field moves is one the toxicity heads ignore."""
    f = CommentFeaturizer(n_bits=12).fit(ITEMS)
    text = "Thanks, see https://example.org/report for the figures."
    bare = f.transform([CommentInput(text)]).toarray()[0]
    who = CommentInput(text, "Ana 1987", "ana1987@gmail.com", "https://bit.ly/x")
    moved = np.flatnonzero(f.transform([who]).toarray()[0] != bare)
    ignored = f.spam_only_columns + f.neutral_columns
    assert moved.size and all(any(lo <= j < hi for lo, hi in ignored) for j in moved)
