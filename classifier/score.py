"""Batch scoring of JSONL streams (what ``moderation score`` calls)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from classifier.model import ModerationModel
from classifier.types import CommentInput

__all__ = ["parse_line", "score_jsonl"]

_AUTHOR_FIELDS = ("author_name", "author_email", "author_url")
_BATCH = 1000


def parse_line(line: str, lineno: int) -> tuple[Any, CommentInput]:
    """Parse one JSONL input line into ``(id, CommentInput)``; ValueError names ``lineno``."""
    try:
        row = json.loads(line)
    except ValueError as exc:
        raise ValueError(f"line {lineno}: invalid JSON: {exc}") from exc
    if not isinstance(row, dict):
        raise ValueError(f"line {lineno}: expected a JSON object, got {type(row).__name__}")
    if "id" not in row:
        raise ValueError(f"line {lineno}: missing field 'id'")
    if isinstance(row["id"], (dict, list)):
        raise ValueError(f"line {lineno}: field 'id' must be a string or a number")
    text = row.get("text")
    if not isinstance(text, str):
        raise ValueError(f"line {lineno}: field 'text' must be a string")
    fields = {}
    for name in _AUTHOR_FIELDS:
        value = row.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ValueError(f"line {lineno}: field {name!r} must be a string")
        fields[name] = value
    return row["id"], CommentInput(text=text, **fields)


def score_jsonl(
    model: ModerationModel, infile: TextIO, outfile: TextIO, *, spans: bool = False
) -> int:
    """Score every JSONL line of ``infile`` and write one JSONL line per input to ``outfile``.

    Input lines are ``{"id", "text", optional "author_name", "author_email", "author_url"}``;
    blank lines are skipped. Output lines are ``{"id", "spam", "toxicity", ..., "threat"}`` in
    input order, plus ``"spans": [{"begin", "end", "attribute", "score"}]`` when ``spans`` is
    true. Lines are scored in batches, so on a bad line (ValueError naming its line number)
    the lines of earlier batches have already been written. Returns the number of lines scored.
    """
    count = 0
    ids: list[Any] = []
    items: list[CommentInput] = []

    def flush() -> None:
        for comment_id, result in zip(ids, model.score(items, spans=spans), strict=True):
            outfile.write(json.dumps({"id": comment_id, **result.to_dict()}, ensure_ascii=False))
            outfile.write("\n")
        ids.clear()
        items.clear()

    for lineno, line in enumerate(infile, start=1):
        if not line.strip():
            continue
        comment_id, item = parse_line(line, lineno)
        ids.append(comment_id)
        items.append(item)
        count += 1
        if len(items) >= _BATCH:
            flush()
    if items:
        flush()
    return count
