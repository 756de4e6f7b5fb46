"""The features every attribute head shares: :class:`CommentFeaturizer`.

:class:`CommentFeaturizer` is a stateless scikit-learn transformer from a sequence of
:class:`~classifier.types.CommentInput` to a sparse matrix with
``2**n_bits + 2**author_bits + len(META_NAMES)`` columns:

* hashed character n-grams (``char_ngram_range``) of the normalised text, padded with a space at
  both ends so word boundaries show, and hashed word unigrams and bigrams
  (:func:`classifier.hashing.text_ngrams`);
* hashed author tokens in their own ``2**author_bits`` columns: words of the author name, the
  author URL's host, the e-mail domain (a block of their own so that heads which should not
  look at the author, the toxicity heads, can leave it out);
* :data:`~classifier.signals.META_NAMES`: the dense signals of :mod:`classifier.signals`.

Duplicate (row, column) entries are left in the matrix: a matrix product sums them, which is all
scoring needs. Training calls ``sum_duplicates()`` once. Saved models pickle this class under
``classifier.features.CommentFeaturizer``, so it stays in this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, TransformerMixin

from classifier.hashing import NgramPart, indptr_from_counts, text_ngrams
from classifier.lexicon import LEXICON_DIGEST
from classifier.links import host
from classifier.normalize import normalize
from classifier.signals import AUTHOR_META_NAMES, HANDLE_NAMES, META_NAMES, comment_meta
from classifier.types import CommentInput

__all__ = ["FEATURE_SCHEME", "CommentFeaturizer"]

#: Version of the feature layout (hashing, signals, lexicon columns). A model fitted on features
#: of another scheme would read every column wrongly, so transform() refuses it and the
#: registry records the scheme.
FEATURE_SCHEME = 6

# Hash namespace seeds of the author block: the same string hashes to unrelated columns in
# the name, host and e-mail domain namespaces.
_SEED_AUTHOR_NAME = 0xA7
_SEED_AUTHOR_HOST = 0xA8
_SEED_EMAIL_DOMAIN = 0xA9


def _author_tokens(item: CommentInput) -> tuple[str, str, str]:
    """The author name (normalised), URL host and e-mail domain, each as a text to hash."""
    name = normalize(item.author_name).text if item.author_name else ""
    url_host = host(item.author_url).replace(".", " ")
    domain = item.author_email.rpartition("@")[2].lower().replace(".", " ")
    return name, url_host, domain


class CommentFeaturizer(TransformerMixin, BaseEstimator):
    """Stateless featurizer: CommentInput sequence -> sparse matrix (see the module docstring).

    Parameters are plain values; ``fit`` only records the output width (``n_features_out_``).
    """

    def __init__(
        self,
        n_bits: int = 20,
        char_ngram_range: tuple[int, int] = (2, 5),
        word_bigrams: bool = True,
        char_weight: float = 1.0,
        word_weight: float = 1.0,
        author_weight: float = 0.5,
        author_bits: int = 14,
        meta_weight: float = 1.0,
    ) -> None:
        self.n_bits = n_bits
        self.char_ngram_range = char_ngram_range
        self.word_bigrams = word_bigrams
        self.char_weight = char_weight
        self.word_weight = word_weight
        self.author_weight = author_weight
        self.author_bits = author_bits
        self.meta_weight = meta_weight

    def fit(self, X: Sequence[CommentInput], y: Any = None) -> CommentFeaturizer:
        """Record the output width; there is nothing to learn."""
        self.n_features_out_ = self.meta_offset + len(META_NAMES)
        self.scheme_ = FEATURE_SCHEME
        self.lexicon_ = LEXICON_DIGEST
        return self

    def normalize_batch(self, X: Sequence[CommentInput]) -> list[str]:
        """The normalised text of every comment."""
        return [normalize(item.text).text for item in X]

    def transform(self, X: Sequence[CommentInput]) -> sp.csr_matrix:
        """Features of ``X`` (rows may hold duplicate columns; products sum them)."""
        return self.transform_normalized(X, self.normalize_batch(X))

    @property
    def author_columns(self) -> tuple[int, int]:
        """The half-open column range of the hashed author tokens."""
        start = 2**self.n_bits
        return start, start + 2**self.author_bits

    @property
    def spam_only_columns(self) -> list[tuple[int, int]]:
        """Half-open column ranges only the spam head may use.

        The hashed author block, the dense author signals (:data:`AUTHOR_META_NAMES`) and the
        handles: who wrote a comment, and how their e-mail looks, says nothing about whether
        its text is abusive, and the toxicity corpora carry no author fields to teach that.
        """
        author = self.meta_offset + META_NAMES.index(AUTHOR_META_NAMES[0])
        handles = self.meta_offset + META_NAMES.index(HANDLE_NAMES[0])
        return [
            self.author_columns,
            (author, author + len(AUTHOR_META_NAMES)),
            (handles, handles + len(HANDLE_NAMES)),
        ]

    @property
    def neutral_columns(self) -> list[tuple[int, int]]:
        """Columns no head may use: that an author URL is there, and that it has a path.

        Ordinary readers link their blog or profile; what marks spam is the URL's kind (a
        shortener, a suspicious TLD, a commercial host), which other columns carry.
        """
        columns = []
        for name in ("author_url", "author_url_path"):
            j = self.meta_offset + META_NAMES.index(name)
            columns.append((j, j + 1))
        return columns

    @property
    def meta_offset(self) -> int:
        """The first column of the :data:`META_NAMES` block."""
        return self.author_columns[1]

    def check_scheme(self) -> None:
        """Raise ValueError if this featurizer was fitted under another hashing scheme."""
        scheme = getattr(self, "scheme_", 1)
        if scheme != FEATURE_SCHEME:
            raise ValueError(
                f"featurizer was fitted with feature scheme {scheme}, this code computes "
                f"scheme {FEATURE_SCHEME}: retrain the model"
            )
        lexicon = getattr(self, "lexicon_", None)
        if lexicon != LEXICON_DIGEST:
            raise ValueError(
                f"featurizer was fitted with abuse lexicon {lexicon}, this code has "
                f"{LEXICON_DIGEST}: retrain the model"
            )

    def text_hits(self, norms: Sequence[str], *, positions: bool = False) -> list[NgramPart]:
        """Hashed text n-grams of normalised texts (with their ranges if ``positions``)."""
        return text_ngrams(
            norms,
            n_bits=self.n_bits,
            char_ngram_range=self.char_ngram_range,
            word_bigrams=self.word_bigrams,
            char_weight=self.char_weight,
            word_weight=self.word_weight,
            positions=positions,
        )

    def feature_parts(
        self, X: Sequence[CommentInput], norms: Sequence[str]
    ) -> list[tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float32]]]:
        """Features of ``X`` as CSR parts ``(indptr, cols, values)`` that sum to transform().

        Scoring multiplies each part by the coefficients and adds the products, which skips
        merging the parts into one matrix.
        """
        self.check_scheme()
        n_docs = len(X)
        parts = [(p.indptr, p.cols, p.values) for p in self.text_hits(norms)]

        if self.author_weight and any(
            item.author_name or item.author_url or item.author_email for item in X
        ):
            author_start = self.author_columns[0]
            authored = [_author_tokens(item) for item in X]
            for k, seed in enumerate((_SEED_AUTHOR_NAME, _SEED_AUTHOR_HOST, _SEED_EMAIL_DOMAIN)):
                texts = [a[k] for a in authored]
                if not any(texts):
                    continue
                for ah in text_ngrams(
                    texts,
                    n_bits=self.author_bits,
                    char_ngram_range=(1, 0),
                    word_bigrams=False,
                    word_weight=self.author_weight,
                    word_seed=seed,
                ):
                    parts.append((ah.indptr, ah.cols + author_start, ah.values))

        meta = np.asarray(
            [comment_meta(item, nt) for item, nt in zip(X, norms, strict=True)],
            dtype=np.float32,
        ).reshape(n_docs, len(META_NAMES))
        meta *= np.float32(self.meta_weight)
        nz = meta != 0
        meta_cols = np.broadcast_to(
            np.arange(self.meta_offset, self.meta_offset + len(META_NAMES), dtype=np.int64),
            meta.shape,
        )[nz]
        parts.append((indptr_from_counts(nz.sum(axis=1)), meta_cols, meta[nz]))
        return parts

    def transform_normalized(
        self, X: Sequence[CommentInput], norms: Sequence[str]
    ) -> sp.csr_matrix:
        """Features of ``X`` given their already-normalised texts ``norms``."""
        indptr, indices, data = _merge_rows(self.feature_parts(X, norms), len(X))
        return sp.csr_matrix(
            (data, indices, indptr), shape=(len(X), self.meta_offset + len(META_NAMES))
        )


def _merge_rows(
    parts: Sequence[tuple[NDArray[Any], NDArray[Any], NDArray[Any]]],
    n_docs: int,
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float32]]:
    """Concatenate CSR parts row by row (row i holds part 0's row i, then part 1's, ...)."""
    counts = np.stack([np.diff(indptr) for indptr, _, _ in parts], axis=1)
    indptr = indptr_from_counts(counts.sum(axis=1))
    total = int(indptr[-1])
    indices = np.empty(total, dtype=np.int64)
    data = np.empty(total, dtype=np.float32)
    before = np.cumsum(counts, axis=1) - counts  # entries of earlier parts in the same row
    for k, (p_indptr, p_cols, p_vals) in enumerate(parts):
        if not len(p_cols):
            continue
        # Entry e of row r goes to indptr[r] + before[r, k] + (e - p_indptr[r]).
        shift = indptr[:-1] + before[:, k] - p_indptr[:-1]
        dest = np.arange(len(p_cols), dtype=np.int64) + np.repeat(shift, counts[:, k])
        indices[dest] = p_cols
        data[dest] = p_vals
    return indptr, indices, data
