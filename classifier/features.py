"""Features shared by every attribute head: hashed n-grams of the normalised text plus metadata.

:class:`CommentFeaturizer` is a stateless scikit-learn transformer from a sequence of
:class:`~classifier.types.CommentInput` to a sparse matrix with
``2**n_bits + 2**author_bits + len(META_NAMES)`` columns:

* hashed character n-grams (``char_ngram_range``) of the normalised text, padded with a space at
  both ends so word boundaries show;
* hashed word unigrams and bigrams of the normalised text;
* hashed author tokens in their own ``2**author_bits`` columns: words of the author name, the
  author URL's host, the e-mail domain (a block of their own so that heads which should not
  look at the author, the toxicity heads, can leave it out);
* :data:`META_NAMES`: dense signals spammers leave (links, shorteners, e-mail addresses, phone
  numbers, money and crypto words, shouting, repetition, author URL and e-mail shape), and the
  counts per category of the multilingual abuse lexicon (:mod:`classifier.lexicon`) and the
  accounts a comment points to (:data:`HANDLE_NAMES`).

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

from classifier.lexicon import LEXICON_DIGEST, LEXICON_NAMES, lexicon_counts, lexicon_matches
from classifier.normalize import normalize
from classifier.types import CommentInput

__all__ = [
    "AUTHOR_META_NAMES",
    "FEATURE_SCHEME",
    "HANDLE_NAMES",
    "META_NAMES",
    "CommentFeaturizer",
    "NgramPart",
    "comment_meta",
    "meta_matches",
    "text_ngrams",
]

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


def _indptr(counts: NDArray[np.int64]) -> NDArray[np.int64]:
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
        char_indptr = _indptr(lengths)
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
        part = NgramPart(_indptr(counts), cols, np.repeat(_unit(counts, word_weight), counts))
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
            part = NgramPart(_indptr(b_counts), cols, values)
            if positions:
                local = w_start[first] - doc_starts[:-1][b_doc] - 1
                part.starts, part.ends = local, w_end[first + 1] - doc_starts[:-1][b_doc] - 1
            parts.append(part)
    return parts


# --------------------------------------------------------------------------------------------
# Metadata features
# --------------------------------------------------------------------------------------------

_TLD = (
    r"com|net|org|info|biz|co|io|ru|cn|xyz|top|online|site|club|shop|store|me|us|uk|de|in|ly|"
    r"gl|tk|ml|ga|cf|gq|pw|cc|ws|link|click|app|live|vip|win|bid|loan|icu|fun|pro|tv|gd|to|su|"
    r"edu|gov|eu|fr|es|it|nl|au|ca|be|ch|at|se|no|dk|fi|pl|tr|br|jp|kr|nz|za|mx|ar|ie"
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
        "t.me",
        "wa.me",
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

#: Accounts a comment points readers to: @mentions, #tags, and how many of them look like a
#: made-up handle (an underscore or a dot inside: "@anna_fx.trades"). Fake testimonials name
#: the "account manager" this way. Only the spam head uses them (see
#: :attr:`CommentFeaturizer.spam_only_columns`): mentions say nothing about toxicity, and the
#: tweet corpora would teach the toxicity heads their own habits through them.
HANDLE_NAMES: tuple[str, ...] = ("n_mentions", "n_hashtags", "n_handles", "has_mention")

#: The dense signals of the author fields (name, e-mail, URL). Only the spam head sees them.
AUTHOR_META_NAMES: tuple[str, ...] = (
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
)

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
    *AUTHOR_META_NAMES,
    "bias",
    *LEXICON_NAMES,
    *HANDLE_NAMES,
)
#: Scale of the :data:`classifier.lexicon.LEXICON_NAMES` columns (log counts): chosen on the
#: leave-one-corpus-out check, where 3 let the category weights carry across corpora best.
LEXICON_WEIGHT = 3.0


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


_STRIP = "()[]{}<>\"'.,;:!?*"
_URL_TOKEN_RE = re.compile(
    rf"(?:https?://|www\.)\S+|[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:{_TLD})(?:[/:?#]\S*)?"
)
# A cheap pre-check for bare domains ("example.com"): a dot followed by a known TLD.
_DOT_TLD_RE = re.compile(rf"\.(?:{_TLD})\b")
_EMAIL_TOKEN_RE = re.compile(r"[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+")
_PHONE_RE = re.compile(r"(?<![\w.])\+?\d[\d \-().]{7,16}\d(?![\w.])")
_MONEY_RE = re.compile(
    r"[$€£¥₹]\s?\d|\b\d[\d,.]*\s?(?:usd|dollars?|euros?|pounds?|k|grand)\b"
    r"|\b\d+\s?/\s?(?:hr|hour|day|week|month)\b"
)
_WALLET_RE = re.compile(r"\b0x[0-9a-f]{16,}\b|\b(?:bc1|[13])[a-z0-9]{25,39}\b")
_ALNUM_RE = re.compile(r"[a-z0-9]+")
_PUNCT_TO_SPACE = str.maketrans(dict.fromkeys("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", " "))
_CRYPTO_WORDS = frozenset(
    [
        "bitcoin",
        "btc",
        "crypto",
        "cryptocurrency",
        "ethereum",
        "eth",
        "usdt",
        "forex",
        "nft",
        "wallet",
        "trading",
        "investment",
        "investor",
        "invest",
        "profit",
        "profits",
        "roi",
        "mining",
        "binary",
    ]
)
_CONTACT_WORDS = frozenset(["whatsapp", "telegram", "subscribe", "visit", "dm", "inbox"])
_CONTACT_PHRASES = (
    "whats app",
    "dm me",
    "inbox me",
    "text me",
    "call now",
    "call us",
    "contact us",
    "click here",
    "check out",
    "sign up",
)
_DIGITS_B = b"0123456789"
_UPPER_B = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER_B = b"abcdefghijklmnopqrstuvwxyz"
_PUNCT_TO_SPACE_B = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", b" " * 32)
_CRYPTO_WORDS_B = frozenset(w.encode() for w in _CRYPTO_WORDS)
_CONTACT_WORDS_B = frozenset(w.encode() for w in _CONTACT_WORDS)
# First words of the contact phrases (and "wa"/"t" of wa.me / t.me): the phrases are only
# searched for when one of these occurs.
_PHRASE_LEADS_B = frozenset(p.split(" ")[0].split(".")[0].encode() for p in _CONTACT_PHRASES)


def _token_kind(token: str) -> str | None:
    """ "url" or "email" when a whitespace-separated token (punctuation stripped) is one."""
    if "@" in token and _EMAIL_TOKEN_RE.fullmatch(token):
        return "email"
    if ("." in token or "://" in token) and _URL_TOKEN_RE.fullmatch(token):
        return "url"
    return None


def meta_matches(norm: str) -> list[tuple[str, int, int]]:
    """Where the metadata signals are in ``norm``: ``(kind, begin, end)`` (for explanations).

    Kinds: url, email, phone, money, crypto, contact, handle, and ``lex_<category>`` for every
    :mod:`classifier.lexicon` hit. Slower than :func:`comment_meta`, which only counts.
    """
    found: list[tuple[str, int, int]] = []
    for m in _SPACE_SPLIT_RE.finditer(norm):
        token = m.group(0)
        stripped = token.strip(_STRIP)
        if not stripped:
            continue
        begin = m.start() + token.index(stripped)
        end = begin + len(stripped)
        kind = _token_kind(stripped)
        if kind is None:
            words = set(_ALNUM_RE.findall(stripped))
            if words & _CRYPTO_WORDS:
                kind = "crypto"
            elif words & _CONTACT_WORDS:
                kind = "contact"
        if kind is not None:
            found.append((kind, begin, end))
    for pattern, kind in ((_PHONE_RE, "phone"), (_MONEY_RE, "money"), (_WALLET_RE, "crypto")):
        for m in pattern.finditer(norm):
            if kind != "phone" or _digits(m.group(0)) >= 9:
                found.append((kind, m.start(), m.end()))
    for phrase in _CONTACT_PHRASES:
        start = norm.find(phrase)
        while start >= 0:
            found.append(("contact", start, start + len(phrase)))
            start = norm.find(phrase, start + 1)
    for pattern in (_MENTION_RE, _HASHTAG_RE):
        found.extend(("handle", m.start(), m.end()) for m in pattern.finditer(norm))
    found.extend((f"lex_{category}", b, e) for category, b, e in lexicon_matches(norm))
    return found


_SPACE_SPLIT_RE = re.compile(r"\S+")
_MENTION_RE = re.compile(r"(?<![\w.])@[a-z0-9_][a-z0-9_.]{2,}")
_HASHTAG_RE = re.compile(r"(?<!\w)#[a-z0-9_]+")


def _handle_meta(norm: str) -> list[float]:
    """The :data:`HANDLE_NAMES` values of a normalised text."""
    mentions = _MENTION_RE.findall(norm) if "@" in norm else []
    tags = _HASHTAG_RE.findall(norm) if "#" in norm else []
    handles = sum(1 for h in mentions + tags if "_" in h or "." in h[1:])
    return [
        math.log1p(len(mentions)),
        math.log1p(len(tags)),
        math.log1p(handles),
        float(bool(mentions)),
    ]


def _digits(s: str) -> int:
    return len(s) - len(s.translate(_DIGITS))


def comment_meta(item: CommentInput, norm: str) -> list[float]:
    """The :data:`META_NAMES` values of one comment (``norm`` is its normalised text).

    Written for speed: whitespace tokens are only examined when they hold a "." or "@", and
    the phone, money and wallet patterns only run when the text holds enough digits.
    """
    tokens = norm.split()
    n_links = n_emails = n_phone = n_money = n_crypto = 0
    hosts: set[str] = set()
    shortener = suspicious = query = 0.0
    if "@" in norm or "://" in norm or "www." in norm or _DOT_TLD_RE.search(norm):
        for token in tokens:
            if "." not in token and "@" not in token:
                continue
            link = token.strip(_STRIP)
            kind = _token_kind(link)
            if kind == "email":
                n_emails += 1
            elif kind == "url":
                n_links += 1
                host = _host(link)
                hosts.add(host)
                if host in _SHORTENERS:
                    shortener = 1.0
                if host.rsplit(".", 1)[-1] in _SUSPICIOUS_TLDS:
                    suspicious = 1.0
                if "?" in link or "ref=" in link or "aff" in link:
                    query = 1.0
    # Counting with bytes.translate(None, delete) is the cheapest way to count characters.
    nb = norm.encode("utf-8", "ignore")
    digits = len(nb) - len(nb.translate(None, _DIGITS_B))
    if digits >= 9:
        n_phone = sum(_digits(m.group(0)) >= 9 for m in _PHONE_RE.finditer(norm))
    if digits:
        n_money = len(_MONEY_RE.findall(norm))
        if digits >= 16:
            n_crypto += len(_WALLET_RE.findall(norm))
    elif "$" in norm or "€" in norm or "£" in norm:
        n_money = len(_MONEY_RE.findall(norm))
    tokens_b = nb.translate(_PUNCT_TO_SPACE_B).split()
    words = set(tokens_b)
    n_crypto += len(words & _CRYPTO_WORDS_B)
    n_contact = len(words & _CONTACT_WORDS_B)
    if words & _PHRASE_LEADS_B:
        n_contact += sum(p in norm for p in _CONTACT_PHRASES)

    text = item.text
    n_chars = len(text)
    tb = text.encode("utf-8", "ignore")
    n_upper = len(tb) - len(tb.translate(None, _UPPER_B))
    n_lower = len(nb) - len(nb.translate(None, _LOWER_B))
    caps = n_upper / n_lower if n_lower >= 8 else 0.0
    repetition = 1.0 - len(set(tokens)) / len(tokens) if len(tokens) >= 4 else 0.0
    non_ascii = 0.0
    if n_chars and not text.isascii():
        non_ascii = (n_chars - len(text.encode("ascii", "ignore"))) / n_chars

    a_host = _host(item.author_url) if item.author_url else ""
    a_path = item.author_url.strip().lower().split("://", 1)[-1]
    email = item.author_email.strip().lower()
    e_local, _, e_domain = email.partition("@")
    name = item.author_name.strip().lower()
    name_link = any(_token_kind(t.strip(_STRIP)) == "url" for t in name.split() if "." in t)
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
        float(bool(e_local) and _digits(e_local) >= 3),
        float(name_link),
        float(bool(name) and _digits(name) >= 3),
        float(len(name.split()) >= 4),
        1.0,
        *(LEXICON_WEIGHT * v for v in lexicon_counts(norm, tokens_b, words)),
        *(_handle_meta(norm) if "@" in norm or "#" in norm else _NO_HANDLES),
    ]


_NO_HANDLES = [0.0] * len(HANDLE_NAMES)


def _author_tokens(item: CommentInput) -> tuple[str, str, str]:
    """The author name (normalised), URL host and e-mail domain, each as a text to hash."""
    name = normalize(item.author_name).text if item.author_name else ""
    host = _host(item.author_url).replace(".", " ")
    domain = item.author_email.rpartition("@")[2].lower().replace(".", " ")
    return name, host, domain


# --------------------------------------------------------------------------------------------
# The transformer
# --------------------------------------------------------------------------------------------


#: Version of the hashing layout. A model fitted on features of another scheme would read
#: every column wrongly, so transform() refuses it and the registry records the scheme.
FEATURE_SCHEME = 6


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
        parts.append((_indptr(nz.sum(axis=1)), meta_cols, meta[nz]))
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
    indptr = _indptr(counts.sum(axis=1))
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
