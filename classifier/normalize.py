"""Text normalisation shared by training and scoring, with a map back to original offsets.

``normalize(text)`` turns what a commenter typed into the canonical form every feature is
computed from. It undoes what spammers and abusers do to slip past word lists:

1. HTML: entities are decoded (``&amp;``, ``&#39;``, ``&#x444;``), tags become a space, and the
   ``href`` of a link tag is kept as text (so a hidden link still counts as a link).
2. Characters, one at a time: zero-width and bidirectional control characters are dropped;
   compatibility forms are folded (NFKD: full-width, mathematical "fancy font" letters, circled
   letters, ligatures, superscripts); accents are stripped; Cyrillic/Greek and other homoglyphs
   become the Latin letters they imitate; look-alike dots and quotes become ``.`` and ``'``;
   every whitespace character becomes a space; the text is lower-cased.
3. Runs of whitespace collapse to one space; leading and trailing spaces go.
4. Disguised links and addresses are rejoined: ``example dot com``, ``example [.] com``,
   ``www dot example``, ``name [at] example.com``.
5. Letters spaced out or punctuated (``v i a g r a``, ``f.u.c.k``, ``f-u-c-k``) are joined.
6. Inside words, leetspeak is decoded (``sh1t``, ``@ss``, ``1d10t``) and runs of three or more
   equal letters are cut to two (``stuuuupid`` -> ``stuupid``). URLs, e-mail addresses and
   crypto wallet addresses are left alone so that their features survive.

Every step is a precompiled regular expression or translation; only non-ASCII text takes a
per-character path (with a cache), because that is where the folding happens.

With ``with_offsets=True`` the result also carries, for every normalised character, the range of
original characters it came from, so explanation spans found on the normalised text can be
reported in the commenter's own text (see :meth:`Normalized.original_span`). The normalised text
is identical with and without offsets: both paths run the same steps.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from classifier.links import REJOINED_TLDS, SCHEME_LINK, tld_pattern

__all__ = ["Normalized", "fold_char", "normalize", "normalize_text"]


@dataclass(frozen=True)
class Normalized:
    """A normalised text and, if requested, where each of its characters came from.

    ``starts[i]``/``ends[i]`` give the original character range ``[start, end)`` that produced
    ``text[i]`` (both empty lists when offsets were not requested).
    """

    text: str
    starts: list[int]
    ends: list[int]

    def original_span(self, begin: int, end: int) -> tuple[int, int]:
        """Map the normalised range ``[begin, end)`` (non-empty) to an original range."""
        if not self.starts:
            raise ValueError("offsets were not computed; call normalize(..., with_offsets=True)")
        if not 0 <= begin < end <= len(self.text):
            raise ValueError(f"bad normalised range [{begin}, {end}) for length {len(self.text)}")
        return self.starts[begin], max(self.ends[begin:end])


# --------------------------------------------------------------------------------------------
# Character folding tables
# --------------------------------------------------------------------------------------------

# Zero-width, joiner, bidirectional and other invisible format characters: dropped.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c"
    "\ufe0d\ufe0e\ufe0f\ufeff\uffa0"
)

# Homoglyphs NFKD leaves alone: letters of other scripts that imitate Latin letters, small
# capitals, and look-alike punctuation. Keys are single characters; values are what they fold to.
_HOMOGLYPHS: dict[str, str] = {
    # Cyrillic
    "а": "a",
    "б": "b",
    "в": "b",
    "г": "r",
    "е": "e",
    "ё": "e",
    "з": "3",
    "и": "u",
    "й": "u",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "п": "n",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ц": "u",
    "ч": "4",
    "ш": "w",
    "щ": "w",
    "ъ": "b",
    "ь": "b",
    "ѕ": "s",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "һ": "h",
    "ӏ": "l",
    "ү": "y",
    "ҡ": "k",
    "А": "a",
    "В": "b",
    "Е": "e",
    "Ё": "e",
    "З": "3",
    "К": "k",
    "М": "m",
    "Н": "h",
    "О": "o",
    "Р": "p",
    "С": "c",
    "Т": "t",
    "У": "y",
    "Х": "x",
    "Ѕ": "s",
    "І": "i",
    "Ј": "j",
    "Ү": "y",
    "Ь": "b",
    "Ԛ": "q",
    "Ԝ": "w",
    "Һ": "h",
    "Ӏ": "l",
    # Greek
    "α": "a",
    "β": "b",
    "γ": "y",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "σ": "o",
    "ς": "c",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    "Α": "a",
    "Β": "b",
    "Ε": "e",
    "Ζ": "z",
    "Η": "h",
    "Ι": "i",
    "Κ": "k",
    "Μ": "m",
    "Ν": "n",
    "Ο": "o",
    "Ρ": "p",
    "Τ": "t",
    "Υ": "y",
    "Χ": "x",
    # Latin letters without a decomposition
    "ı": "i",
    "ł": "l",
    "Ł": "l",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ħ": "h",
    "ŧ": "t",
    "ƀ": "b",
    "ɑ": "a",
    "ɡ": "g",
    "ɩ": "i",
    "ʀ": "r",
    "ß": "ss",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ð": "d",
    "þ": "th",
    # Small capitals
    "ᴀ": "a",
    "ʙ": "b",
    "ᴄ": "c",
    "ᴅ": "d",
    "ᴇ": "e",
    "ꜰ": "f",
    "ɢ": "g",
    "ʜ": "h",
    "ɪ": "i",
    "ᴊ": "j",
    "ᴋ": "k",
    "ʟ": "l",
    "ᴍ": "m",
    "ɴ": "n",
    "ᴏ": "o",
    "ᴘ": "p",
    "ǫ": "q",
    "ꜱ": "s",
    "ᴛ": "t",
    "ᴜ": "u",
    "ᴠ": "v",
    "ᴡ": "w",
    "ʏ": "y",
    "ᴢ": "z",
    # Dots, quotes, dashes
    "。": ".",
    "｡": ".",
    "·": ".",
    "•": ".",
    "∙": ".",
    "‧": ".",
    "⋅": ".",
    "∘": ".",
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "`": "'",
    "´": "'",
    "ʼ": "'",
    "′": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "«": '"',
    "»": '"',
    "″": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
}
# Enclosed alphanumerics without a decomposition: squared / negative circled / negative squared
# capital letters (U+1F130.., U+1F150.., U+1F170..) and regional indicators (U+1F1E6..).
for _base in (0x1F130, 0x1F150, 0x1F170, 0x1F1E6):
    for _i in range(26):
        _HOMOGLYPHS[chr(_base + _i)] = chr(ord("a") + _i)

_FOLD_CACHE: dict[str, str] = {}


def fold_char(ch: str) -> str:
    """Fold one character to its canonical form (possibly empty or several characters)."""
    cached = _FOLD_CACHE.get(ch)
    if cached is not None:
        return cached
    if ch in _INVISIBLE:
        out = ""
    elif ch in _HOMOGLYPHS:
        out = _HOMOGLYPHS[ch]
    elif ch.isspace():
        out = " "
    else:
        parts = []
        for c in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(c):
                continue  # accents: "fück" and "fuck" must look the same
            for d in _HOMOGLYPHS.get(c, c):
                cat = unicodedata.category(d)
                if cat in ("Cf", "Cs"):  # format characters and lone surrogates
                    continue
                parts.append(" " if cat in ("Cc", "Zs", "Zl", "Zp") else d.lower())
        out = "".join(parts)
        # Lower-casing can itself produce a combining mark ("İ" -> "i" + dot): drop it.
        out = "".join(c for c in out if not unicodedata.combining(c))
    if len(_FOLD_CACHE) < 200_000:
        _FOLD_CACHE[ch] = out
    return out


# ASCII fast path: lower-case, ASCII control characters and whitespace to a space, backtick to
# a quote. All 1:1, so offsets are preserved.
_ASCII_TABLE = dict.fromkeys(range(32), " ")
_ASCII_TABLE[127] = " "
_ASCII_TABLE.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
_ASCII_TABLE[ord("`")] = "'"
_ASCII_TRANS = str.maketrans(_ASCII_TABLE)


class _FoldTable(dict[int, str]):
    """A str.translate table that folds each code point with fold_char() the first time."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(self) < 200_000:
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()

# --------------------------------------------------------------------------------------------
# Regex steps
# --------------------------------------------------------------------------------------------

_HTML_RE = re.compile(
    r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)"
    r"|<a\s[^<>]*?href\s*=\s*[\"']?(?P<href>[^\"'\s<>]+)[^<>]*>"
    r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"
)
_SPACES_RE = re.compile(r"\s{2,}")

# "example dot com", "example [.] com", "example (dot) com", "example . com", "www dot example".
_DISGUISED_DOT_RE = re.compile(
    r"(?<=[a-z0-9])(?:\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+|\s+\.\s*)"
    rf"(?=(?:{tld_pattern(REJOINED_TLDS)})\b)"
    r"|(?<=\bwww)(?:\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+|\s+\.\s*)(?=[a-z0-9])"
)
_DISGUISED_AT_RE = re.compile(r"(?<=[a-z0-9])\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*(?=[a-z0-9])")

# Three or more single letters separated by one or two spacing/punctuation characters.
_SPACED_RE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][ .\-_*,'~+|/\\:]{1,2}){2,}[^\W\d_](?![^\W\d_])")
# Necessary for a match of _SPACED_RE (its last two letters: separator, letter, separators,
# a letter that ends a word) and three times cheaper to search for.
_SPACED_PRE_RE = re.compile(r"[ .\-_*,'~+|/\\:][^\W\d_][ .\-_*,'~+|/\\:]{1,2}[^\W\d_](?![^\W\d_])")
_SPACED_SEP_CHARS = " .-_*,'~+|/\\:"
_SPACED_SEPARATORS = str.maketrans("", "", _SPACED_SEP_CHARS)

# Tokens left untouched by the word-level step (their characters are features in themselves).
_PROTECTED = (
    SCHEME_LINK + r"|[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+"
    r"|\b0x[0-9a-f]{16,}\b|\b(?:bc1|[13])[a-z0-9]{25,39}\b"
)
_WORDISH = r"[\w@$!|]"
# A word-level candidate: a token that mixes letters with leet characters, or holds a run of
# three equal characters. Everything else is skipped by the regex engine without a callback.
_WORD_RE = re.compile(
    rf"(?P<protected>{_PROTECTED})"
    rf"|(?<!{_WORDISH})(?={_WORDISH}*?(?:[a-z][0-9@$!|]|[0-9@$!|][a-z]|(?P<rep>[^\W\d_])(?P=rep)(?P=rep)))"
    rf"{_WORDISH}+"
)
_LEET_TRANS = str.maketrans("01345789@$!|", "oieastbgasil")
_LEET_CHARS = frozenset("01345789@$!|")
_LEET_CHECK_RE = re.compile(r"[01345789@$!|]")
_REPEAT_RE = re.compile(r"([^\W\d_])\1{2,}")
# A cheap pre-check (any character three times); the word step only collapses letters.
_TRIPLE_RE = re.compile(r"(.)\1\1")

# A replacement function gets the match and whether positions are wanted; it returns the
# replacement text and, if wanted, for each replacement character the half-open range of
# indices *in the step's input string* it came from.
_Repl = Callable[[re.Match[str], bool], tuple[str, list[tuple[int, int]] | None]]


def _run_step(
    pattern: re.Pattern[str],
    repl: _Repl,
    s: str,
    starts: list[int] | None,
    ends: list[int] | None,
) -> tuple[str, list[int] | None, list[int] | None]:
    """Apply ``pattern``/``repl`` to ``s`` and carry the offset lists through, if given."""
    if starts is None or ends is None:
        return pattern.sub(lambda m: repl(m, False)[0], s), None, None
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    last = 0
    for m in pattern.finditer(s):
        out.append(s[last : m.start()])
        new_starts.extend(starts[last : m.start()])
        new_ends.extend(ends[last : m.start()])
        text, pos = repl(m, True)
        assert pos is not None and len(pos) == len(text)
        out.append(text)
        for lo, hi in pos:
            new_starts.append(starts[lo])
            new_ends.append(max(ends[lo:hi]))
        last = m.end()
    out.append(s[last:])
    new_starts.extend(starts[last:])
    new_ends.extend(ends[last:])
    return "".join(out), new_starts, new_ends


def _whole(m: re.Match[str], n: int) -> list[tuple[int, int]]:
    """Every one of ``n`` replacement characters comes from the whole match."""
    return [(m.start(), m.end())] * n


def _repl_html(m: re.Match[str], want: bool) -> tuple[str, list[tuple[int, int]] | None]:
    token = m.group(0)
    if token[0] == "&":
        text = html.unescape(token)
    elif m.group("href"):
        text = " " + html.unescape(m.group("href")) + " "
    else:
        text = " "
    return text, (_whole(m, len(text)) if want else None)


def _repl_space(m: re.Match[str], want: bool) -> tuple[str, list[tuple[int, int]] | None]:
    return " ", ([(m.start(), m.end())] if want else None)


def _repl_dot(m: re.Match[str], want: bool) -> tuple[str, list[tuple[int, int]] | None]:
    return ".", ([(m.start(), m.end())] if want else None)


def _repl_at(m: re.Match[str], want: bool) -> tuple[str, list[tuple[int, int]] | None]:
    return "@", ([(m.start(), m.end())] if want else None)


def _repl_spaced(m: re.Match[str], want: bool) -> tuple[str, list[tuple[int, int]] | None]:
    token = m.group(0)
    text = token.translate(_SPACED_SEPARATORS)
    if not want:
        return text, None
    base = m.start()
    pos = [(base + i, base + i + 1) for i, c in enumerate(token) if c not in _SPACED_SEP_CHARS]
    return text, pos


def _repl_word(m: re.Match[str], want: bool) -> tuple[str, list[tuple[int, int]] | None]:
    token = m.group(0)
    base = m.start()
    if m.group("protected") is not None:
        return token, ([(base + i, base + i + 1) for i in range(len(token))] if want else None)
    # A leading "@" followed by a longer name is a mention and trailing "!"/"|" are
    # punctuation: both stay as they are. Mostly-digit tokens ("$500k", "2nd") are numbers,
    # not leetspeak.
    lo = 1 if token[0] == "@" and len(token) > 3 else 0
    hi = len(token.rstrip("!|")) or len(token)
    core = token[lo:hi]
    letters = sum(c.isalpha() for c in core)
    if letters * 5 >= len(core) * 2 and any(c in _LEET_CHARS for c in core):
        token = token[:lo] + core.translate(_LEET_TRANS) + token[hi:]
    if not want:
        return _REPEAT_RE.sub(r"\1\1", token), None
    keep: list[int] = []
    i = 0
    n = len(token)
    while i < n:
        j = i
        while j < n and token[j] == token[i]:
            j += 1
        run = j - i
        if run >= 3 and token[i].isalpha():
            keep.extend((i, i + 1))
        else:
            keep.extend(range(i, j))
        i = j
    text = "".join(token[k] for k in keep)
    return text, [(base + k, base + k + 1) for k in keep]


def normalize(text: str, *, with_offsets: bool = False) -> Normalized:
    """Normalise ``text`` (see the module docstring); optionally keep the offset map."""
    starts: list[int] | None = None
    ends: list[int] | None = None
    if with_offsets:
        starts = list(range(len(text)))
        ends = list(range(1, len(text) + 1))
    s = text
    if "&" in s or "<" in s:
        s, starts, ends = _run_step(_HTML_RE, _repl_html, s, starts, ends)
    if s.isascii():
        s = s.translate(_ASCII_TRANS)
    elif starts is None:
        s = s.translate(_FOLD_TABLE)  # the same folding, without the per-character loop
    else:
        pieces: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        for i, ch in enumerate(s):
            folded = _FOLD_CACHE.get(ch)
            if folded is None:
                folded = fold_char(ch)
            pieces.append(folded)
            if starts is not None and ends is not None and folded:
                new_starts.extend([starts[i]] * len(folded))
                new_ends.extend([ends[i]] * len(folded))
        s = "".join(pieces)
        if starts is not None:
            starts, ends = new_starts, new_ends
    if "  " in s:
        s, starts, ends = _run_step(_SPACES_RE, _repl_space, s, starts, ends)
    # Cheap substring checks skip the regex steps that cannot match (most comments).
    bracket = "[" in s or "(" in s or "{" in s or "<" in s
    if bracket or " dot " in s or " ." in s:
        s, starts, ends = _run_step(_DISGUISED_DOT_RE, _repl_dot, s, starts, ends)
    if bracket:
        s, starts, ends = _run_step(_DISGUISED_AT_RE, _repl_at, s, starts, ends)
    if _SPACED_PRE_RE.search(s):
        s, starts, ends = _run_step(_SPACED_RE, _repl_spaced, s, starts, ends)
    if _LEET_CHECK_RE.search(s) or _TRIPLE_RE.search(s):
        s, starts, ends = _run_step(_WORD_RE, _repl_word, s, starts, ends)
    # Surrounding whitespace carries no meaning ("hello " and "hello" must score alike).
    lead = len(s) - len(s.lstrip(" "))
    s = s.strip(" ")
    if starts is not None and ends is not None:
        starts = starts[lead : lead + len(s)]
        ends = ends[lead : lead + len(s)]
    return Normalized(s, starts or [], ends or [])


def normalize_text(text: str) -> str:
    """The normalised text only (the fast path used for features)."""
    return normalize(text).text
