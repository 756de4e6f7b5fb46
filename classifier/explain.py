"""Explanation spans: which parts of the text pushed each attribute's score up.

The heads are linear, so an attribute's score is a sum of per-feature terms
``value * coefficient``. Every hashed text feature (character n-gram, word, word pair) covers a
range of the normalised text; its term is spread evenly over the characters it covers. Summing
per word gives each word's contribution. Words whose contribution reaches ``threshold`` are
kept, neighbours are merged into one span, and each span is reported with the sum of its words'
contributions, mapped back to offsets in the text the commenter wrote (through the normaliser's
offset map). For spam, the contributions of link, e-mail, phone and money signals are also
credited to the characters that matched them. This has the shape of Perspective's
``spanScores``: ``[{begin, end, attribute, score}]``, one list over all attributes.
"""

from __future__ import annotations

import bisect
import re

import numpy as np
from numpy.typing import NDArray

from classifier import ATTRIBUTES
from classifier.encoder import EncoderOutput
from classifier.features import CommentFeaturizer
from classifier.lexicon import LEXICON_NAMES
from classifier.normalize import normalize
from classifier.signals import HANDLE_NAMES, META_NAMES, comment_meta, meta_matches
from classifier.types import CommentInput, Span

__all__ = ["ENCODER_SPAN_PROBABILITY", "char_contributions", "encoder_spans", "explain_spans"]

#: A token joins a toxicity span of the language-model stage at this probability (chosen on
#: the toxic-spans posts of the ``dev`` part: 0.3 gave character F1 0.638, 0.5 gave 0.615).
ENCODER_SPAN_PROBABILITY = 0.3
_WORD_CHARS_RE = re.compile(r"\w+")

_WORD_RE = re.compile(r"\S+")
# Which metadata features each kind of meta_matches() match is responsible for.
_META_FOR_KIND = {
    "url": (
        "n_links",
        "has_link",
        "many_links",
        "n_domains",
        "shortener",
        "suspicious_tld",
        "link_query",
        "author_url_in_text",
    ),
    "email": ("n_emails",),
    "phone": ("phone",),
    "money": ("n_money",),
    "crypto": ("n_crypto",),
    "contact": ("n_contact",),
    "handle": HANDLE_NAMES,
    # A lexicon hit is credited with its category and with the two features every hit shares.
    **{name: (name, "lex_directed", "lex_any") for name in LEXICON_NAMES[:-2]},
}


def char_contributions(
    item: CommentInput, norm_text: str, featurizer: CommentFeaturizer, coef: NDArray[np.float32]
) -> NDArray[np.float64]:
    """Per-character contributions, shape (len(norm_text), n_attributes)."""
    n = len(norm_text)
    k = coef.shape[1]
    diff = np.zeros((n + 1, k), dtype=np.float64)
    for hits in featurizer.text_hits([norm_text], positions=True):
        if not len(hits.cols) or hits.starts is None or hits.ends is None:
            continue
        terms = hits.values[:, None].astype(np.float64) * coef[hits.cols]
        begin = np.clip(hits.starts, 0, n)
        end = np.clip(hits.ends, 0, n)
        width = np.maximum(end - begin, 1)[:, None]
        np.add.at(diff, begin, terms / width)
        np.add.at(diff, end, -terms / width)
    per_char = np.cumsum(diff, axis=0)[:n]

    # Metadata terms: credit each pattern kind's features to the characters that matched it.
    meta = comment_meta(item, norm_text)
    base = featurizer.meta_offset
    matches: dict[str, list[tuple[int, int]]] = {}
    for kind, b, e in meta_matches(norm_text):
        matches.setdefault(kind, []).append((b, e))
    for kind, names in _META_FOR_KIND.items():
        spans = matches.get(kind)
        if not spans:
            continue
        term = np.zeros(k)
        for name in names:
            j = META_NAMES.index(name)
            term += meta[j] * featurizer.meta_weight * coef[base + j].astype(np.float64)
        total = sum(e - b for b, e in spans)
        for b, e in spans:
            per_char[b:e] += term / total
    return per_char


def explain_spans(
    item: CommentInput,
    *,
    featurizer: CommentFeaturizer,
    coef: NDArray[np.float32],
    threshold: float,
    relative: float = 0.0,
    attributes: tuple[str, ...] = ATTRIBUTES,
    only: frozenset[str] | None = None,
) -> list[Span]:
    """Spans of ``item.text`` made of words that pushed an attribute up.

    A word is kept when its contribution is at least ``threshold`` and at least ``relative``
    times the largest word contribution to that attribute (so a strong insult does not drag
    weakly positive neighbours in). ``coef`` has one column per name in ``attributes``;
    ``only`` limits the attributes explained. Spans are sorted by attribute order, then
    position.
    """
    norm = normalize(item.text, with_offsets=True)
    if not norm.text.strip():
        return []
    per_char = char_contributions(item, norm.text, featurizer, coef)
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(norm.text)]
    if not words:
        return []
    cum = np.vstack([np.zeros((1, per_char.shape[1])), np.cumsum(per_char, axis=0)])
    bounds = np.asarray(words)
    word_scores = cum[bounds[:, 1]] - cum[bounds[:, 0]]
    out: list[Span] = []
    for j, attribute in enumerate(attributes):
        if only is not None and attribute not in only:
            continue
        cut = max(threshold, relative * float(word_scores[:, j].max()))
        selected = word_scores[:, j] >= cut
        i = 0
        while i < len(words):
            if not selected[i]:
                i += 1
                continue
            first = i
            total = 0.0
            while i < len(words) and selected[i]:
                total += float(word_scores[i, j])
                i += 1
            begin, end = norm.original_span(words[first][0], words[i - 1][1])
            begin, end = _trim(item.text, begin, end)
            if end > begin:
                out.append(Span(begin=begin, end=end, attribute=attribute, score=round(total, 4)))
    return out


_TRIM = " \t\r\n.,;:!?\"'()[]{}<>"


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    """Shrink ``[begin, end)`` so it does not start or end with spaces or punctuation."""
    while begin < end and text[begin] in _TRIM:
        begin += 1
    while end > begin and text[end - 1] in _TRIM:
        end -= 1
    return begin, end


def encoder_spans(
    text: str, output: EncoderOutput, *, probability: float = ENCODER_SPAN_PROBABILITY
) -> list[Span]:
    """Toxicity spans of ``text`` from the language-model stage's token head.

    ``output`` is :meth:`classifier.encoder.EncoderStage.run` of ``[text]``. Tokens whose
    probability of being part of a toxic span reaches ``probability`` are kept; neighbours
    separated by nothing or by white space only merge into one span, whose ``score`` is its
    highest token probability (a probability, not a logit contribution as for linear spans).
    """
    if not output.token_offsets:
        return []
    probs = 1.0 / (1.0 + np.exp(-output.token_logits[0].astype(np.float64)))
    words = [(m.start(), m.end()) for m in _WORD_CHARS_RE.finditer(text)]
    starts = [w[0] for w in words]
    best: dict[tuple[int, int], float] = {}
    for (begin, end), prob in zip(output.token_offsets[0], probs, strict=True):
        if end > begin and prob >= probability:
            k = bisect.bisect_right(starts, begin) - 1
            if k >= 0 and words[k][0] <= begin < words[k][1]:
                begin, end = words[k][0], max(end, words[k][1])
            best[(begin, end)] = max(best.get((begin, end), 0.0), float(prob))
    spans: list[list[float]] = []
    for (begin, end), prob in sorted(best.items()):
        if spans and (begin <= spans[-1][1] or not text[int(spans[-1][1]) : begin].strip()):
            spans[-1][1] = max(spans[-1][1], end)
            spans[-1][2] = max(spans[-1][2], prob)
        else:
            spans.append([begin, end, prob])
    return [Span(int(b), int(e), "toxicity", round(float(p), 4)) for b, e, p in spans]
