"""Links in comment text: the one list of top-level domains, hosts, shorteners, link patterns.

Everything that asks "is this a link?" reads this module: the spam signals
(:mod:`classifier.signals`), the normaliser's rejoining of ``example dot com``
(:mod:`classifier.normalize`), the LINKS rule of the site policy and the "with links" slice of
the evaluation. :data:`TLDS` is the one list of the top-level domains a bare domain
(``example.com``, no scheme) is recognised by.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = [
    "DOT_TLD_RE",
    "LINK_RE",
    "REJOINED_TLDS",
    "SCHEME_LINK",
    "SHORTENERS",
    "SUSPICIOUS_TLDS",
    "TLDS",
    "URL_TOKEN_RE",
    "host",
    "tld",
    "tld_pattern",
]

#: The TLDs that ``example dot com`` / ``example [.] com`` is rejoined before
#: (:mod:`classifier.normalize`): the ones spam and everyday links use most.
REJOINED_TLDS: tuple[str, ...] = (
    "com",
    "net",
    "org",
    "info",
    "biz",
    "co",
    "io",
    "ru",
    "cn",
    "xyz",
    "top",
    "online",
    "site",
    "club",
    "shop",
    "store",
    "me",
    "us",
    "uk",
    "de",
    "in",
    "ly",
    "gl",
    "tk",
    "ml",
    "ga",
    "cf",
    "gq",
    "pw",
    "cc",
    "ws",
    "link",
    "click",
    "app",
    "live",
    "vip",
    "win",
    "bid",
    "loan",
    "icu",
    "fun",
    "pro",
    "tv",
    "gd",
    "to",
    "su",
)
#: Every TLD a bare domain is recognised by: :data:`REJOINED_TLDS` and further national and
#: institutional ones. Those are not rejoined after a spaced dot: many are words as well
#: ("so . it was", "fine . no idea").
TLDS: tuple[str, ...] = (
    *REJOINED_TLDS,
    "edu",
    "gov",
    "eu",
    "fr",
    "es",
    "it",
    "nl",
    "au",
    "ca",
    "be",
    "ch",
    "at",
    "se",
    "no",
    "dk",
    "fi",
    "pl",
    "tr",
    "br",
    "jp",
    "kr",
    "nz",
    "za",
    "mx",
    "ar",
    "ie",
)
#: TLDs mostly bought for spam and phishing (cheap or free registration).
SUSPICIOUS_TLDS = frozenset(
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
#: Link shorteners and redirectors (hosts, without ``www.``): they hide where a link goes.
SHORTENERS = frozenset(
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


def tld_pattern(tlds: tuple[str, ...] = TLDS) -> str:
    """A regex alternation of ``tlds`` (no group; wrap it in ``(?:...)``)."""
    return "|".join(tlds)


#: A link with a scheme or ``www.``, up to the next space, quote or angle bracket.
SCHEME_LINK = r"(?:https?://|www\.)[^\s<>\"']+"

#: Fully matches one whitespace token (punctuation stripped) of lower-case text that is a link:
#: a scheme or ``www.`` link, or a bare domain ending in a known TLD with an optional path.
URL_TOKEN_RE = re.compile(
    rf"(?:https?://|www\.)\S+|[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:{tld_pattern()})"
    r"(?:[/:?#]\S*)?"
)
#: A cheap pre-check for bare domains in lower-case text: a dot followed by a known TLD.
DOT_TLD_RE = re.compile(rf"\.(?:{tld_pattern()})\b")
#: Finds links in raw text, any case, the way WordPress counts them: ``http://``, ``https://``
#: and protocol-relative ``//`` links; bare ``www.`` and domain-looking words count too, since
#: comment spam often omits the scheme.
LINK_RE = re.compile(
    r"(?:https?:)?//[^\s<>\"']+|\bwww\.[^\s<>\"']+"
    rf"|\b[a-z0-9-]{{2,63}}\.(?:{tld_pattern()})\b",
    re.IGNORECASE,
)


def host(url: str) -> str:
    """Lower-case host of a URL or bare domain, without ``www.`` ("" if none)."""
    url = url.strip().lower()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    try:
        name = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return name[4:] if name.startswith("www.") else name


def tld(host_name: str) -> str:
    """The last label of a host name ("" for "")."""
    return host_name.rsplit(".", 1)[-1]
