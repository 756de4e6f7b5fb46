"""Hashed n-grams of normalised texts, vectorised over a batch.

:func:`text_ngrams` hashes the character n-grams, words and word pairs of a batch of texts into
``2**n_bits`` columns, one :class:`NgramPart` (CSR arrays) per namespace. Each namespace of a
text is scaled to unit norm (as if the n-grams were distinct), so long and short texts weigh
alike. Hashing is vectorised over the whole batch with numpy (polynomial rolling hashes in
wrapping uint64 arithmetic, a multiply-xorshift finaliser, the top ``n_bits`` bits as the
column), which is what makes batch scoring fast; the hash is fixed by the code, not by
``PYTHONHASHSEED``, so a saved model means the same thing in every process. Changing anything
here changes the columns: bump :data:`classifier.features.FEATURE_SCHEME`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["NgramPart", "indptr_from_counts", "text_ngrams"]

_U64 = np.uint64
_BASE = _U64(0x100000001B3)
_BASE_INV = _U64(pow(0x100000001B3, -1, 2**64))
_BIGRAM_MUL = _U64(0x9E3779B97F4A7C15)

# Namespace seeds: the same string hashes to unrelated columns in different namespaces.
_SEED_CHAR = 0x51ED27
_SEED_WORD = 0xA11CE
_SEED_BIGRAM = 0xB16


def _mix(h: NDArray[np.uint64], seed: int) -> NDArray[np.uint64]:
    """Multiply-xorshift mixer: spreads every input bit over the high bits used as the column.

    The polynomial hashes already carry every character into the high bits; one xorshift
    and one odd multiplier (Fibonacci hashing) are enough and keep batch hashing cheap.
    """
    z = h + _U64(seed * 0x9E3779B97F4A7C15 % 2**64)
    z ^= z >> _U64(29)
    z *= _U64(0xBF58476D1CE4E5B9)
    return z


_ASCII_WORD = np.zeros(128, dtype=bool)
for _c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789":
    _ASCII_WORD[ord(_c)] = True


@dataclass
class NgramPart:
    """One namespace of hashed n-grams of a batch, as CSR arrays.

    Document ``i`` owns entries ``indptr[i]:indptr[i + 1]``. ``starts``/``ends`` (only when
    positions were requested) are offsets into each normalised text, which is what
    explanations need to locate a feature.
    """

    indptr: NDArray[np.int64]
    cols: NDArray[np.int64]
    values: NDArray[np.float32]
    starts: NDArray[np.int64] | None = None
    ends: NDArray[np.int64] | None = None


def _concat(texts: Sequence[str], pad: int) -> tuple[NDArray[np.uint32], NDArray[np.int64]]:
    """Code points of all texts, each as " text " followed by ``pad`` NULs; each text's start."""
    sep = "\x00" * pad
    big = "".join(f" {t} {sep}" for t in texts)
    # surrogatepass: a lone surrogate (valid in JSON strings) is still one code point.
    codes = np.frombuffer(big.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = np.fromiter((len(t) + 2 + pad for t in texts), dtype=np.int64, count=len(texts))
    doc_starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=doc_starts[1:])
    return codes, doc_starts


def _word_chars(codes: NDArray[np.uint32]) -> NDArray[np.bool_]:
    """Which code points are word characters: ASCII letters and digits, other alphanumerics."""
    ascii_mask = codes < 128
    if ascii_mask.all():
        result: NDArray[np.bool_] = _ASCII_WORD[codes]
        return result
    is_word = np.zeros(len(codes), dtype=bool)
    is_word[ascii_mask] = _ASCII_WORD[codes[ascii_mask]]
    other = codes[~ascii_mask]
    uniq = np.unique(other)
    alnum = np.fromiter((chr(int(u)).isalnum() for u in uniq), dtype=bool, count=len(uniq))
    is_word[~ascii_mask] = alnum[np.searchsorted(uniq, other)]
    return is_word


def indptr_from_counts(counts: NDArray[np.int64]) -> NDArray[np.int64]:
    """CSR row pointers of rows holding ``counts`` entries each."""
    indptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return indptr


def _unit(counts: NDArray[np.int64], scale: float) -> NDArray[np.float32]:
    """Per-document weight ``scale / sqrt(count)`` (0 where the count is 0)."""
    return np.where(counts > 0, scale / np.sqrt(np.maximum(counts, 1)), 0.0).astype(np.float32)


def text_ngrams(
    texts: Sequence[str],
    *,
    n_bits: int,
    char_ngram_range: tuple[int, int],
    word_bigrams: bool,
    char_weight: float = 1.0,
    word_weight: float = 1.0,
    words: bool = True,
    word_seed: int = 0,
    positions: bool = False,
) -> list[NgramPart]:
    """Hash the char n-grams and word n-grams of already-normalised ``texts``.

    Returns one :class:`NgramPart` per n-gram size and one each for words and word pairs,
    all vectorised over the batch. Each text is laid out as " text " followed by NUL padding
    as long as the longest n-gram: an n-gram starting in a text may run into its padding
    (that marks the end of the text) but never into the next text, so features do not depend
    on the batch, and every size has exactly ``len(text) + 2`` n-grams per text.
    """
    lo, hi = char_ngram_range
    sizes = list(range(max(lo, 1), hi + 1))
    pad = max(hi - 1, 1)
    n_docs = len(texts)
    codes, doc_starts = _concat(texts, pad)
    length = len(codes)
    c = codes.astype(np.uint64) + _U64(1)
    lengths = np.fromiter((len(t) + 2 for t in texts), dtype=np.int64, count=n_docs)
    parts: list[NgramPart] = []

    if sizes:
        starts_idx = np.flatnonzero(codes != 0)  # every text position; no padding
        char_indptr = indptr_from_counts(lengths)
        char_values = np.repeat(_unit(lengths * len(sizes), char_weight), lengths)
        local = None
        if positions:
            doc_of = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
            local = starts_idx - doc_starts[:-1][doc_of] - 1
        # h_n[i] = h_{n-1}[i] * B + c[i + n - 1]; positions past the array end never start
        # an n-gram (they are padding), so the shifted update may leave them stale.
        h = c.copy()
        for n in range(1, hi + 1):
            if n > 1:
                h[: length - n + 1] *= _BASE
                h[: length - n + 1] += c[n - 1 :]
            if n not in sizes:
                continue
            cols = (_mix(h[starts_idx], _SEED_CHAR + n) >> _U64(64 - n_bits)).astype(np.int64)
            part = NgramPart(char_indptr, cols, char_values)
            if local is not None:
                part.starts = np.maximum(local, 0)
                part.ends = local + n
            parts.append(part)

    if words:
        is_word = _word_chars(codes)
        edge = np.diff(is_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
        w_start = np.flatnonzero(edge == 1)
        w_end = np.flatnonzero(edge == -1)
        w_doc = np.searchsorted(doc_starts, w_start, side="right") - 1
        counts = np.bincount(w_doc, minlength=n_docs).astype(np.int64)
        wh = np.zeros(0, dtype=np.uint64)
        if len(w_start):
            # Prefix sums of c_t * B^-t give any substring's polynomial hash in O(1):
            # hash(i, j) = B^(j-1) * (S[j] - S[i]).
            pow_inv = np.empty(length, dtype=np.uint64)
            pow_inv[0] = 1
            pow_inv[1:] = _BASE_INV
            np.cumprod(pow_inv, out=pow_inv)
            s = np.zeros(length + 1, dtype=np.uint64)
            np.cumsum(c * pow_inv, out=s[1:])
            pow_fwd = np.empty(length, dtype=np.uint64)
            pow_fwd[0] = 1
            pow_fwd[1:] = _BASE
            np.cumprod(pow_fwd, out=pow_fwd)
            wh = pow_fwd[w_end - 1] * (s[w_end] - s[w_start]) + _U64(word_seed)
        cols = (_mix(wh, _SEED_WORD) >> _U64(64 - n_bits)).astype(np.int64)
        values = np.repeat(_unit(counts, word_weight), counts)
        part = NgramPart(indptr_from_counts(counts), cols, values)
        if positions:
            local = w_start - doc_starts[:-1][w_doc] - 1
            part.starts, part.ends = local, local + (w_end - w_start)
        parts.append(part)
        if word_bigrams:
            first = np.flatnonzero(w_doc[1:] == w_doc[:-1]) if len(w_doc) > 1 else w_doc[:0]
            b_doc = w_doc[first]
            b_counts = np.bincount(b_doc, minlength=n_docs).astype(np.int64)
            bh = _mix(wh[first], 7) * _BIGRAM_MUL + wh[first + 1]
            cols = (_mix(bh, _SEED_BIGRAM) >> _U64(64 - n_bits)).astype(np.int64)
            values = np.repeat(_unit(b_counts, word_weight), b_counts)
            part = NgramPart(indptr_from_counts(b_counts), cols, values)
            if positions:
                local = w_start[first] - doc_starts[:-1][b_doc] - 1
                part.starts, part.ends = local, w_end[first + 1] - doc_starts[:-1][b_doc] - 1
            parts.append(part)
    return parts
