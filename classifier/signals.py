"""Dense signals of a comment that spammers leave: links, contacts, money, shouting, authors.

:func:`comment_meta` computes the :data:`META_NAMES` values of one comment from its fields and
its normalised text: links, shorteners and suspicious TLDs (:mod:`classifier.links`), e-mail
addresses, phone numbers, money and crypto words, contact phrases, shouting, repetition, the
shape of the author URL, e-mail and name, the counts per category of the multilingual abuse
lexicon (:mod:`classifier.lexicon`) and the accounts a comment points to
(:data:`HANDLE_NAMES`). :func:`meta_matches` says where in the text the signals are, for
explanations. :class:`classifier.features.CommentFeaturizer` puts them after the hashed
columns; changing what they compute changes the features: bump
:data:`classifier.features.FEATURE_SCHEME`.
"""

from __future__ import annotations

import math
import re

from classifier.lexicon import LEXICON_NAMES, lexicon_counts, lexicon_matches
from classifier.links import DOT_TLD_RE, SHORTENERS, SUSPICIOUS_TLDS, URL_TOKEN_RE, host, tld
from classifier.types import CommentInput

__all__ = [
    "AUTHOR_META_NAMES",
    "HANDLE_NAMES",
    "LEXICON_WEIGHT",
    "META_NAMES",
    "comment_meta",
    "meta_matches",
]

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
_DIGITS = str.maketrans("", "", "0123456789")

#: Accounts a comment points readers to: @mentions, #tags, and how many of them look like a
#: made-up handle (an underscore or a dot inside: "@anna_fx.trades"). Fake testimonials name
#: the "account manager" this way. Only the spam head uses them (see
#: :attr:`~classifier.features.CommentFeaturizer.spam_only_columns`): mentions say nothing
#: about toxicity, and the tweet corpora would teach the toxicity heads their own habits
#: through them.
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


_STRIP = "()[]{}<>\"'.,;:!?*"
_EMAIL_TOKEN_RE = re.compile(r"[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+")
_PHONE_RE = re.compile(r"(?<![\w.])\+?\d[\d \-().]{7,16}\d(?![\w.])")
_MONEY_RE = re.compile(
    r"[$€£¥₹]\s?\d|\b\d[\d,.]*\s?(?:usd|dollars?|euros?|pounds?|k|grand)\b"
    r"|\b\d+\s?/\s?(?:hr|hour|day|week|month)\b"
)
_WALLET_RE = re.compile(r"\b0x[0-9a-f]{16,}\b|\b(?:bc1|[13])[a-z0-9]{25,39}\b")
_ALNUM_RE = re.compile(r"[a-z0-9]+")
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
    if ("." in token or "://" in token) and URL_TOKEN_RE.fullmatch(token):
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
    if "@" in norm or "://" in norm or "www." in norm or DOT_TLD_RE.search(norm):
        for token in tokens:
            if "." not in token and "@" not in token:
                continue
            link = token.strip(_STRIP)
            kind = _token_kind(link)
            if kind == "email":
                n_emails += 1
            elif kind == "url":
                n_links += 1
                link_host = host(link)
                hosts.add(link_host)
                if link_host in SHORTENERS:
                    shortener = 1.0
                if tld(link_host) in SUSPICIOUS_TLDS:
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

    a_host = host(item.author_url) if item.author_url else ""
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
        float(a_host in SHORTENERS),
        float(bool(a_host) and tld(a_host) in SUSPICIOUS_TLDS),
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
