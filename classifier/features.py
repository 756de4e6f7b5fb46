"""Features shared by every attribute head: hashed n-grams of the normalised text plus metadata.

:class:`CommentFeaturizer` is a stateless scikit-learn transformer from a sequence of
:class:`~classifier.types.CommentInput` to a sparse matrix with ``2**n_bits + len(META_NAMES)``
columns:

* hashed character n-grams (``char_ngram_range``) of the normalised text, padded with a space at
  both ends so word boundaries show;
* hashed word unigrams and bigrams of the normalised text;
* hashed author tokens: words of the author name, the author URL's host, the e-mail domain;
* :data:`META_NAMES`: dense signals spammers leave (links, shorteners, e-mail addresses, phone
  numbers, money and crypto words, shouting, repetition, author URL and e-mail shape).

Each hashed namespace of a comment is scaled to unit norm (as if the n-grams were distinct), so
long and short comments weigh alike. Hashing is vectorised over the whole batch with numpy
(polynomial rolling hashes in wrapping uint64 arithmetic, a splitmix64 finaliser, the top
``n_bits`` bits as the column), which is what makes batch scoring fast; the hash is fixed by the
code, not by ``PYTHONHASHSEED``, so a saved model means the same thing in every process.

Duplicate (row, column) entries are left in the matrix: a matrix product sums them, which is all
scoring needs. Training calls ``sum_duplicates()`` once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, TransformerMixin

from classifier.normalize import normalize
from classifier.types import CommentInput

__all__ = ["META_NAMES", "CommentFeaturizer", "NgramHits", "comment_meta", "text_ngrams"]

_U64 = np.uint64
_BASE = _U64(0x100000001B3)
_BASE_INV = _U64(pow(0x100000001B3, -1, 2**64))
_BIGRAM_MUL = _U64(0x9E3779B97F4A7C15)

# Namespace seeds: the same string hashes to unrelated columns in different namespaces.
_SEED_CHAR = 0x51ED27
_SEED_WORD = 0xA11CE
_SEED_BIGRAM = 0xB16
_SEED_AUTHOR_NAME = 0xA7
_SEED_AUTHOR_HOST = 0xA8
_SEED_EMAIL_DOMAIN = 0xA9


def _mix(h: NDArray[np.uint64], seed: int) -> NDArray[np.uint64]:
    """splitmix64 finaliser: spreads every input bit over the high bits used as the column."""
    z = h + _U64(seed * 0x9E3779B97F4A7C15 % 2**64)
    z = (z ^ (z >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> _U64(27))) * _U64(0x94D049BB133111EB)
    return z ^ (z >> _U64(31))


_ASCII_WORD = np.zeros(128, dtype=bool)
for _c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789":
    _ASCII_WORD[ord(_c)] = True


@dataclass
class NgramHits:
    """Every hashed n-gram of a batch: document row, column, weight and normalised char range."""

    rows: NDArray[np.int64]
    cols: NDArray[np.int64]
    values: NDArray[np.float32]
    starts: NDArray[np.int64]
    ends: NDArray[np.int64]


def _concat(texts: Sequence[str]) -> tuple[NDArray[np.uint32], NDArray[np.int64]]:
    """Code points of all texts, each padded by a space, joined by NUL; and each text's start."""
    big = "\x00".join(f" {t} " for t in texts)
    codes = np.frombuffer(big.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter((len(t) + 3 for t in texts), dtype=np.int64, count=len(texts))
    doc_starts = np.zeros(len(texts), dtype=np.int64)
    if len(texts) > 1:
        np.cumsum(lengths[:-1], out=doc_starts[1:])
    return codes, doc_starts


def _unit_weights(rows: NDArray[np.int64], n_docs: int, scale: float) -> NDArray[np.float32]:
    """Per-entry weight ``scale / sqrt(entries of that row)``."""
    counts = np.bincount(rows, minlength=n_docs).astype(np.float32)
    inv = np.zeros_like(counts)
    nz = counts > 0
    inv[nz] = scale / np.sqrt(counts[nz])
    return inv[rows]


def text_ngrams(
    texts: Sequence[str],
    *,
    n_bits: int,
    char_ngram_range: tuple[int, int],
    word_bigrams: bool,
    char_weight: float = 1.0,
    word_weight: float = 1.0,
) -> NgramHits:
    """Hash the char n-grams and word n-grams of already-normalised ``texts``.

    ``starts``/``ends`` are offsets into each normalised text (the one-space padding removed),
    which is what explanations need to locate a feature.
    """
    n_docs = len(texts)
    codes, doc_starts = _concat(texts)
    length = len(codes)
    c = codes.astype(np.uint64) + _U64(1)
    is_sep = codes == 0
    sepcum = np.zeros(length + 1, dtype=np.int64)
    np.cumsum(is_sep, out=sepcum[1:])
    shift = _U64(64 - n_bits)

    parts_rows: list[NDArray[np.int64]] = []
    parts_cols: list[NDArray[np.int64]] = []
    parts_vals: list[NDArray[np.float32]] = []
    parts_starts: list[NDArray[np.int64]] = []
    parts_ends: list[NDArray[np.int64]] = []

    def add(
        pos: NDArray[np.int64],
        end: NDArray[np.int64],
        h: NDArray[np.uint64],
        seed: int,
        weight: float,
    ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        rows = sepcum[pos]
        cols = (_mix(h, seed) >> shift).astype(np.int64)
        parts_rows.append(rows)
        parts_cols.append(cols)
        # The padding space before each text shifts every offset by one.
        local = doc_starts[rows] + 1
        parts_starts.append(np.maximum(pos - local, 0))
        parts_ends.append(end - local)
        return rows, cols

    # Character n-grams: h_n[i] = h_{n-1}[i] * B + c[i + n - 1], valid when no NUL is inside.
    lo, hi = char_ngram_range
    char_rows: list[NDArray[np.int64]] = []
    h = c.copy()
    for n in range(2, hi + 1):
        h = h[:-1] * _BASE + c[n - 1 :]
        if n < lo:
            continue
        pos = np.arange(len(h), dtype=np.int64)
        ok = sepcum[pos + n] == sepcum[pos]
        pos = pos[ok]
        # Pure padding n-grams (" " only) cannot occur: texts are never empty of characters
        # between two pads except for empty texts, whose n-grams are just the two spaces.
        rows, _ = add(pos, pos + n, h[ok], _SEED_CHAR + n, char_weight)
        char_rows.append(rows)
    if char_rows:
        all_rows = np.concatenate(char_rows)
        w = _unit_weights(all_rows, n_docs, char_weight)
        offset = 0
        for rows in char_rows:
            parts_vals.append(w[offset : offset + len(rows)])
            offset += len(rows)

    # Words: maximal runs of letters and digits (any script).
    is_word = np.zeros(length, dtype=bool)
    ascii_mask = codes < 128
    is_word[ascii_mask] = _ASCII_WORD[codes[ascii_mask]]
    if not ascii_mask.all():
        other = codes[~ascii_mask]
        uniq = np.unique(other)
        alnum = np.fromiter((chr(int(u)).isalnum() for u in uniq), dtype=bool, count=len(uniq))
        is_word[~ascii_mask] = alnum[np.searchsorted(uniq, other)]
    prev = np.concatenate(([False], is_word[:-1]))
    nxt = np.concatenate((is_word[1:], [False]))
    w_start = np.flatnonzero(is_word & ~prev)
    w_end = np.flatnonzero(is_word & ~nxt) + 1
    if len(w_start):
        # Prefix sums of c_t * B^-t give any substring's polynomial hash in O(1):
        # hash(i, j) = B^(j-1) * (S[j] - S[i]).
        pow_inv = np.cumprod(np.full(length, _BASE_INV, dtype=np.uint64))
        pow_inv = np.concatenate(([_U64(1)], pow_inv[:-1]))
        s = np.zeros(length + 1, dtype=np.uint64)
        np.cumsum(c * pow_inv, out=s[1:])
        pow_fwd = np.cumprod(np.full(length, _BASE, dtype=np.uint64))
        pow_fwd = np.concatenate(([_U64(1)], pow_fwd[:-1]))
        wh = pow_fwd[w_end - 1] * (s[w_end] - s[w_start])
        rows, _ = add(w_start, w_end, wh, _SEED_WORD, word_weight)
        parts_vals.append(_unit_weights(rows, n_docs, word_weight))
        if word_bigrams and len(w_start) > 1:
            same = sepcum[w_start[1:]] == sepcum[w_start[:-1]]
            first = np.flatnonzero(same)
            bh = _mix(wh[first], 7) * _BIGRAM_MUL + wh[first + 1]
            rows, _ = add(w_start[first], w_end[first + 1], bh, _SEED_BIGRAM, word_weight)
            parts_vals.append(_unit_weights(rows, n_docs, word_weight))

    if not parts_rows:
        empty_i = np.zeros(0, dtype=np.int64)
        return NgramHits(empty_i, empty_i, np.zeros(0, dtype=np.float32), empty_i, empty_i)
    return NgramHits(
        np.concatenate(parts_rows),
        np.concatenate(parts_cols),
        np.concatenate(parts_vals),
        np.concatenate(parts_starts),
        np.concatenate(parts_ends),
    )


# --------------------------------------------------------------------------------------------
# Metadata features
# --------------------------------------------------------------------------------------------

_TLD = (
    r"com|net|org|info|biz|co|io|ru|cn|xyz|top|online|site|club|shop|store|me|us|uk|de|in|ly|"
    r"gl|tk|ml|ga|cf|gq|pw|cc|ws|link|click|app|live|vip|win|bid|loan|icu|fun|pro|tv|gd|to|su|"
    r"edu|gov|eu|fr|es|it|nl|au|ca|be|ch|at|se|no|dk|fi|pl|tr|br|jp|kr|nz|za|mx|ar|ie"
)
_META_RE = re.compile(
    rf"(?P<url>(?:https?://|www\.)[^\s<>\"']+|\b[a-z0-9][a-z0-9\-]{{0,62}}(?:\.[a-z0-9\-]+)*\.(?:{_TLD})\b(?:/[^\s<>\"']*)?)"
    r"|(?P<email>\b[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+)"
    r"|(?P<phone>(?<![\w.])\+?\d[\d \-().]{7,16}\d(?![\w.]))"
    r"|(?P<money>[$€£¥₹]\s?\d|\b\d[\d,.]*\s?(?:usd|dollars?|euros?|pounds?|k|grand|/hr|/hour|/day|/week|/month)\b)"
    r"|(?P<crypto>\b(?:bitcoin|btc|crypto\w*|ethereum|eth|usdt|forex|binary options?|nft|wallet|"
    r"trading|investment|investor|profit|roi)\b|\b0x[0-9a-f]{16,}\b|\b(?:bc1|[13])[a-z0-9]{25,39}\b)"
    r"|(?P<contact>\b(?:whats\s?app|telegram|wa\.me|t\.me|dm me|inbox me|text me|call now|call us|"
    r"contact us|click here|check out|subscribe|sign up|visit)\b)"
)
_SHORTENERS = frozenset(
    [
        "bit.ly",
        "tinyurl.com",
        "goo.gl",
        "t.co",
        "ow.ly",
        "is.gd",
        "buff.ly",
        "cutt.ly",
        "rb.gy",
        "shorturl.at",
        "tiny.cc",
        "rebrand.ly",
        "bl.ink",
        "t.ly",
        "s.id",
        "v.gd",
        "lnkd.in",
        "soo.gd",
        "clck.ru",
        "qr.ae",
        "adf.ly",
        "bit.do",
        "shorte.st",
        "ouo.io",
        "linktr.ee",
        "tiny.one",
        "u.to",
        "x.co",
        "po.st",
        "mcaf.ee",
        "su.pr",
    ]
)
_SUSPICIOUS_TLDS = frozenset(
    [
        "xyz",
        "top",
        "tk",
        "ml",
        "ga",
        "cf",
        "gq",
        "pw",
        "click",
        "loan",
        "win",
        "bid",
        "icu",
        "vip",
        "online",
        "site",
        "club",
        "shop",
        "store",
        "live",
        "fun",
        "ru",
        "su",
        "cn",
        "info",
        "biz",
        "ws",
    ]
)
_FREE_MAIL = frozenset(
    [
        "gmail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "aol.com",
        "mail.ru",
        "yandex.ru",
        "protonmail.com",
        "icloud.com",
        "gmx.com",
        "live.com",
        "msn.com",
        "mail.com",
        "qq.com",
        "163.com",
    ]
)
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DELETE_UPPER = str.maketrans("", "", _UPPER)
_DELETE_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")
_DIGITS = str.maketrans("", "", "0123456789")

META_NAMES: tuple[str, ...] = (
    "n_links",
    "has_link",
    "many_links",
    "n_domains",
    "shortener",
    "suspicious_tld",
    "link_query",
    "n_emails",
    "phone",
    "n_money",
    "n_crypto",
    "n_contact",
    "caps_ratio",
    "shouting",
    "exclamations",
    "repetition",
    "log_length",
    "short",
    "non_ascii_ratio",
    "author_url",
    "author_url_shortener",
    "author_url_suspicious",
    "author_url_in_text",
    "author_url_path",
    "author_email",
    "author_email_free",
    "author_email_digits",
    "author_name_link",
    "author_name_digits",
    "author_name_long",
    "bias",
)


def _host(url: str) -> str:
    """Lower-case host of a URL or bare domain ("" if none)."""
    url = url.strip().lower()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def comment_meta(item: CommentInput, norm: str) -> list[float]:
    """The :data:`META_NAMES` values of one comment (``norm`` is its normalised text)."""
    n_links = n_emails = n_phone = n_money = n_crypto = n_contact = 0
    hosts: set[str] = set()
    shortener = suspicious = query = 0.0
    for m in _META_RE.finditer(norm):
        kind = m.lastgroup
        if kind == "url":
            n_links += 1
            link = m.group(0)
            host = _host(link)
            hosts.add(host)
            if host in _SHORTENERS:
                shortener = 1.0
            if host.rsplit(".", 1)[-1] in _SUSPICIOUS_TLDS:
                suspicious = 1.0
            if "?" in link or "ref=" in link or "aff" in link:
                query = 1.0
        elif kind == "email":
            n_emails += 1
        elif kind == "phone":
            if sum(ch.isdigit() for ch in m.group(0)) >= 9:
                n_phone += 1
        elif kind == "money":
            n_money += 1
        elif kind == "crypto":
            n_crypto += 1
        else:
            n_contact += 1
    text = item.text
    n_chars = len(text)
    n_upper = n_chars - len(text.translate(_DELETE_UPPER))
    n_lower = len(norm) - len(norm.translate(_DELETE_LOWER))
    caps = n_upper / n_lower if n_lower >= 8 else 0.0
    tokens = norm.split()
    repetition = 1.0 - len(set(tokens)) / len(tokens) if len(tokens) >= 4 else 0.0
    non_ascii = 0.0 if text.isascii() else sum(ord(ch) > 127 for ch in text) / max(n_chars, 1)

    a_host = _host(item.author_url)
    a_path = item.author_url.strip().lower().split("://", 1)[-1]
    email = item.author_email.strip().lower()
    e_local, _, e_domain = email.partition("@")
    name = item.author_name.strip().lower()
    return [
        math.log1p(n_links),
        float(n_links > 0),
        float(n_links >= 3),
        math.log1p(len(hosts)),
        shortener,
        suspicious,
        query,
        math.log1p(n_emails),
        float(n_phone > 0),
        math.log1p(n_money),
        math.log1p(n_crypto),
        math.log1p(n_contact),
        min(caps, 1.0),
        float(caps > 0.6),
        math.log1p(text.count("!")) / 2.0,
        repetition,
        math.log1p(n_chars) / 7.0,
        float(len(tokens) <= 3),
        non_ascii,
        float(bool(a_host)),
        float(a_host in _SHORTENERS),
        float(bool(a_host) and a_host.rsplit(".", 1)[-1] in _SUSPICIOUS_TLDS),
        float(bool(a_host) and a_host in hosts),
        float("/" in a_path.strip("/")),
        float(bool(email)),
        float(e_domain in _FREE_MAIL),
        float(len(e_local) - len(e_local.translate(_DIGITS)) >= 3),
        float(bool(_META_RE.search(name)) and "." in name),
        float(len(name) - len(name.translate(_DIGITS)) >= 3),
        float(len(name.split()) >= 4),
        1.0,
    ]


def _author_tokens(item: CommentInput) -> tuple[str, str, str]:
    """The author name (normalised), URL host and e-mail domain, each as a text to hash."""
    name = normalize(item.author_name).text if item.author_name else ""
    host = _host(item.author_url).replace(".", " ")
    domain = item.author_email.rpartition("@")[2].lower().replace(".", " ")
    return name, host, domain


# --------------------------------------------------------------------------------------------
# The transformer
# --------------------------------------------------------------------------------------------


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
        meta_weight: float = 1.0,
    ) -> None:
        self.n_bits = n_bits
        self.char_ngram_range = char_ngram_range
        self.word_bigrams = word_bigrams
        self.char_weight = char_weight
        self.word_weight = word_weight
        self.author_weight = author_weight
        self.meta_weight = meta_weight

    def fit(self, X: Sequence[CommentInput], y: Any = None) -> CommentFeaturizer:
        """Record the output width; there is nothing to learn."""
        self.n_features_out_ = 2**self.n_bits + len(META_NAMES)
        return self

    def normalize_batch(self, X: Sequence[CommentInput]) -> list[str]:
        """The normalised text of every comment."""
        return [normalize(item.text).text for item in X]

    def transform(self, X: Sequence[CommentInput]) -> sp.csr_matrix:
        """Features of ``X`` (rows may hold duplicate columns; products sum them)."""
        return self.transform_normalized(X, self.normalize_batch(X))

    def text_hits(self, norms: Sequence[str]) -> NgramHits:
        """Hashed text n-grams of normalised texts, with their positions (for explanations)."""
        return text_ngrams(
            norms,
            n_bits=self.n_bits,
            char_ngram_range=self.char_ngram_range,
            word_bigrams=self.word_bigrams,
            char_weight=self.char_weight,
            word_weight=self.word_weight,
        )

    def transform_normalized(
        self, X: Sequence[CommentInput], norms: Sequence[str]
    ) -> sp.csr_matrix:
        """Features of ``X`` given their already-normalised texts ``norms``."""
        n_docs = len(X)
        n_hashed = 2**self.n_bits
        hits = self.text_hits(norms)
        rows = [hits.rows]
        cols = [hits.cols]
        vals = [hits.values]

        if self.author_weight and any(
            item.author_name or item.author_url or item.author_email for item in X
        ):
            authored = [_author_tokens(item) for item in X]
            for k, seed in enumerate((_SEED_AUTHOR_NAME, _SEED_AUTHOR_HOST, _SEED_EMAIL_DOMAIN)):
                texts = [a[k] for a in authored]
                if not any(texts):
                    continue
                ah = _word_hits(texts, self.n_bits, seed)
                rows.append(ah[0])
                cols.append(ah[1])
                vals.append(_unit_weights(ah[0], n_docs, self.author_weight))

        meta = np.asarray(
            [comment_meta(item, nt) for item, nt in zip(X, norms, strict=True)], dtype=np.float32
        ).reshape(n_docs, len(META_NAMES))
        mr, mc = np.nonzero(meta)
        rows.append(mr.astype(np.int64))
        cols.append(mc.astype(np.int64) + n_hashed)
        vals.append(meta[mr, mc] * np.float32(self.meta_weight))

        all_rows = np.concatenate(rows)
        order = np.argsort(all_rows, kind="stable")
        indptr = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(np.bincount(all_rows, minlength=n_docs), out=indptr[1:])
        data = np.concatenate(vals)[order].astype(np.float32, copy=False)
        indices = np.concatenate(cols)[order]
        return sp.csr_matrix((data, indices, indptr), shape=(n_docs, n_hashed + len(META_NAMES)))


def _word_hits(
    texts: Sequence[str], n_bits: int, seed: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Rows and columns of the hashed words of ``texts`` in namespace ``seed``."""
    hits = text_ngrams(texts, n_bits=n_bits, char_ngram_range=(99, 1), word_bigrams=False)
    # text_ngrams hashes words with the word seed; re-seed them into this namespace.
    cols = (
        ((hits.cols.astype(np.uint64) * _U64(0x9E3779B97F4A7C15) + _U64(seed)) >> _U64(64 - n_bits))
        if len(hits.cols)
        else hits.cols.astype(np.uint64)
    )
    return hits.rows, cols.astype(np.int64)
