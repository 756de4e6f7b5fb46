"""score_jsonl(): output format, spans, and clear errors on bad lines."""

from __future__ import annotations

import io
import json

import pytest

from classifier import ATTRIBUTES
from classifier.model import ModerationModel
from classifier.score import score_jsonl
from classifier.types import CommentInput, ScoreResult, Span


def _run(model: ModerationModel, text: str, *, spans: bool = False) -> list[dict[str, object]]:
    out = io.StringIO()
    n = score_jsonl(model, io.StringIO(text), out, spans=spans)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(rows)
    return rows


def test_one_line_per_input_in_order(small_model: ModerationModel) -> None:
    lines = [
        {"id": "a", "text": "Great article, thanks."},
        {"id": 2, "text": "Buy pills http://bit.ly/x", "author_url": "http://pills.xyz"},
        {"id": "c", "text": "", "author_name": "Ann", "author_email": "ann@example.org"},
    ]
    text = "\n".join(json.dumps(x) for x in lines) + "\n\n"
    rows = _run(small_model, text)
    assert [r["id"] for r in rows] == ["a", 2, "c"]
    for row in rows:
        assert set(row) == {"id", *ATTRIBUTES}
        for attribute in ATTRIBUTES:
            assert 0.0 <= float(row[attribute]) <= 1.0  # type: ignore[arg-type]


def test_spans_are_offsets_into_the_given_text(small_model: ModerationModel) -> None:
    text = "You 1d10t, buy v i a g r a at http://bit.ly/abc now"
    rows = _run(small_model, json.dumps({"id": 1, "text": text}), spans=True)
    spans = rows[0]["spans"]
    assert isinstance(spans, list)
    for span in spans:
        assert set(span) == {"begin", "end", "attribute", "score"}
        assert 0 <= span["begin"] < span["end"] <= len(text)
        assert span["attribute"] in ATTRIBUTES
        assert span["score"] > 0
        assert text[span["begin"]] != " " and text[span["end"] - 1] != " "


def test_no_spans_key_unless_requested(small_model: ModerationModel) -> None:
    rows = _run(small_model, '{"id": 1, "text": "hello"}\n')
    assert "spans" not in rows[0]


def test_empty_input(small_model: ModerationModel) -> None:
    assert _run(small_model, "") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": 1, "text": "ok"}\nnot json\n', "line 2: invalid JSON"),
        ('{"id": 1, "text": "ok"}\n\n[1, 2]\n', "line 3: expected a JSON object"),
        ('{"text": "no id"}\n', "line 1: missing field 'id'"),
        ('{"id": 1}\n', "line 1: field 'text' must be a string"),
        ('{"id": 1, "text": 5}\n', "line 1: field 'text' must be a string"),
        ('{"id": {"a": 1}, "text": "x"}\n', "line 1: field 'id' must be"),
        ('{"id": 1, "text": "x", "author_url": 3}\n', "line 1: field 'author_url'"),
    ],
)
def test_bad_lines_name_the_line(small_model: ModerationModel, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        score_jsonl(small_model, io.StringIO(text), io.StringIO())


def test_score_result_to_dict() -> None:
    scores = dict.fromkeys(ATTRIBUTES, 0.5)
    plain = ScoreResult(scores=scores, spans=[])
    assert plain.to_dict() == scores
    span = Span(begin=0, end=3, attribute="insult", score=1.5)
    with_spans = ScoreResult(scores=scores, spans=[span], spans_requested=True)
    assert with_spans.to_dict()["spans"] == [
        {"begin": 0, "end": 3, "attribute": "insult", "score": 1.5}
    ]


def test_score_one_matches_batch(small_model: ModerationModel) -> None:
    items = [CommentInput("first comment"), CommentInput("second, rather different one")]
    batch = small_model.score(items)
    for item, result in zip(items, batch, strict=True):
        assert small_model.score_one(item).scores == pytest.approx(result.scores, abs=1e-6)
    assert small_model.score([]) == []


@pytest.mark.parametrize(
    "text",
    ["lone \ud800 surrogate", "nul\x00bytes\x00", "", "   ", "\u202e\u200b", "😀😀😀", "x" * 20000],
)
def test_odd_texts_score(small_model: ModerationModel, text: str) -> None:
    result = small_model.score_one(
        CommentInput(text, author_url="http://\ud800.example"), spans=True
    )
    assert set(result.scores) == set(ATTRIBUTES)
    for span in result.spans:
        assert 0 <= span.begin < span.end <= len(text)
