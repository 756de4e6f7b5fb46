"""What the generators share: batches with their own seeded generators, vocabularies, writing.

A *batch* is a group of templates that produce lines together ("spam/seo-links",
"ham/war-news"). Its name says the file it writes to (the part before the first ``/``) and
seeds its two generators: one for the text, one for the author fields. Nothing else draws from
them, so adding, removing or editing a template changes that batch's lines only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
VOCAB_DIR = HERE / "vocab"

Labels = Mapping[str, int]
Template = Callable[[random.Random], str]
Row = dict[str, Any]


def seeded(name: str) -> random.Random:
    """A generator of its own for ``name``, the same in every run and on every machine."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))  # noqa: S311 (sampling, not secrets)


def load_vocab(file_name: str) -> dict[str, Any]:
    """The word lists in ``vocab/<file_name>`` (TOML: one array per list)."""
    with (VOCAB_DIR / file_name).open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class Batch:
    """Templates that produce lines together, with the labels (and weight) of every line.

    A template is a function of the batch's generator, or a string whose ``{slots}`` ``style``
    fills (``style`` is then required), or either of these paired with labels of its own, which
    are added to the batch's. Each template is drawn ``rounds`` times, in turn; repeated texts
    are dropped when the file is written.
    """

    name: str
    labels: Labels
    templates: Sequence[Template | str | tuple[Template | str, Labels]]
    rounds: int
    weight: float | None = None
    style: Callable[[random.Random, str], str] | None = None

    @property
    def file(self) -> str:
        return self.name.split("/", 1)[0]

    def author_rng(self) -> random.Random:
        """The generator of this batch's author fields (apart from the text's)."""
        return seeded(f"{self.name}#authors")

    def draws(self) -> Iterator[tuple[str, dict[str, int]]]:
        """(text, labels) of every draw, in order, repeats included."""
        rng = seeded(self.name)
        for _ in range(self.rounds):
            for entry in self.templates:
                template, own = entry if isinstance(entry, tuple) else (entry, {})
                if isinstance(template, str):
                    if self.style is None:
                        raise TypeError(f"{self.name}: string templates need a style")
                    text = self.style(rng, template)
                else:
                    text = template(rng)
                yield text, {**self.labels, **own}


def dedupe(rows: Iterable[Row]) -> list[Row]:
    """``rows`` without repeated texts (the first is kept); a text with two labellings fails."""
    kept: dict[str, Row] = {}
    for row in rows:
        first = kept.setdefault(row["text"], row)
        if first["labels"] != row["labels"]:
            raise ValueError(
                f"{row['text']!r} drawn with two labellings: {first['labels']} {row['labels']}"
            )
    return list(kept.values())


def write_jsonl(path: Path, rows: Sequence[Row]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def summary(name: str, rows: Sequence[Row]) -> str:
    """``name: N lines; spam=1: N, ...`` (label counts by attribute and value)."""
    counts = Counter(f"{k}={v}" for row in rows for k, v in row["labels"].items())
    labels = ", ".join(f"{k}: {n}" for k, n in sorted(counts.items()))
    return f"{name}: {len(rows)} lines; {labels}"


def main(description: str, build: Callable[[], Mapping[str, Sequence[Row]]]) -> None:
    """Command line of a generator: write ``build()``'s files to ``--out`` (default: here)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE,
        help="folder to write the .jsonl files to (default: %(default)s)",
    )
    parser.add_argument("--quiet", action="store_true", help="do not print the line counts")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for file, rows in build().items():
        write_jsonl(args.out / f"{file}.jsonl", rows)
        if not args.quiet:
            print(summary(f"{file}.jsonl", rows))
