"""Plain data types shared by the classifier and its callers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CommentInput:
    """One comment to score: its text and the author fields the site sent with it."""

    text: str
    author_name: str = ""
    author_email: str = ""
    author_url: str = ""


@dataclass(frozen=True)
class Span:
    """A character range of ``CommentInput.text`` (as given) that pushed ``attribute`` up.

    ``begin``/``end`` are offsets into the original text (end exclusive). For spans of the
    linear stage, ``score`` is the span's contribution to the attribute's logit (sum of the
    linear terms of the features that fall inside the span), so larger means more responsible
    for the score. ``toxicity`` spans of a model with a language-model stage come from its
    token head instead, and their ``score`` is the highest probability, 0-1, that a token of
    the span is part of a toxic span.
    """

    begin: int
    end: int
    attribute: str
    score: float


@dataclass
class ScoreResult:
    """Calibrated probabilities for every attribute, plus explanation spans if requested."""

    scores: dict[str, float]
    spans: list[Span] = field(default_factory=list)
    spans_requested: bool = False

    def to_dict(self) -> dict[str, Any]:
        """``{"spam": p, ..., "threat": p}`` plus ``"spans"`` when spans were requested."""
        out: dict[str, Any] = dict(self.scores)
        if self.spans_requested:
            out["spans"] = [
                {"begin": s.begin, "end": s.end, "attribute": s.attribute, "score": s.score}
                for s in self.spans
            ]
        return out


@dataclass(frozen=True)
class LabelledExample:
    """A labelled comment for training: ``labels`` maps a subset of ATTRIBUTES to 0 or 1.

    Attributes missing from ``labels`` are unknown and do not train that attribute's head.
    """

    text: str
    labels: dict[str, int]
    author_name: str = ""
    author_email: str = ""
    author_url: str = ""
    weight: float = 1.0
    source: str = "label"
