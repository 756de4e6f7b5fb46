"""training_data/: the committed files are exactly what the generators write, with sound labels.

Regenerates every file into a temporary folder (seconds, no corpora needed) and compares it
byte for byte with the committed one. After editing a template or a vocabulary, run the
generators from the repository root and commit their output with the change::

    python training_data/generate_examples.py
    python training_data/generate_multilingual.py
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from classifier import ATTRIBUTES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "training_data"
GENERATORS = ("generate_examples.py", "generate_multilingual.py")
FIELDS = {"text", "labels", "author_name", "author_email", "author_url", "weight"}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("training_data")
    for generator in GENERATORS:
        subprocess.run(
            [sys.executable, str(DATA / generator), "--out", str(out), "--quiet"],
            cwd=ROOT,
            check=True,
            timeout=120,
        )
    return out


def committed_rows() -> Iterator[tuple[str, dict[str, Any]]]:
    """(``file:line``, row) of every committed line."""
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                yield f"{path.name}:{lineno}", json.loads(line)


def test_generators_write_exactly_the_committed_files(regenerated: Path) -> None:
    written = sorted(p.name for p in regenerated.glob("*.jsonl"))
    assert written == sorted(p.name for p in DATA.glob("*.jsonl"))
    stale = [
        name for name in written if (regenerated / name).read_bytes() != (DATA / name).read_bytes()
    ]
    assert not stale, f"{stale} differ from what the generators write: run them and commit"


def test_lines_have_known_fields_and_labels() -> None:
    for where, row in committed_rows():
        assert set(row) <= FIELDS, where
        assert isinstance(row["text"], str) and row["text"].strip(), where
        labels = row["labels"]
        assert labels and set(labels) <= set(ATTRIBUTES), where
        assert all(value in (0, 1) and type(value) is int for value in labels.values()), where
        for key in ("author_name", "author_email", "author_url"):
            assert key not in row or (isinstance(row[key], str) and row[key]), where
        if "weight" in row:
            assert isinstance(row["weight"], float) and row["weight"] > 0, where


def test_labels_are_consistent() -> None:
    for where, row in committed_rows():
        labels = row["labels"]
        if any(labels.get(a) == 1 for a in ATTRIBUTES[2:]):
            assert labels["toxicity"] == 1, f"{where}: a kind of toxicity without toxicity"
        if labels.get("spam") == 1:
            assert where.startswith("spam_examples"), where


def test_no_text_appears_twice_or_with_two_labellings() -> None:
    seen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for where, row in committed_rows():
        seen[row["text"]].append((where, json.dumps(row["labels"], sort_keys=True)))
    conflicts = {t: w for t, w in seen.items() if len({labels for _, labels in w}) > 1}
    assert not conflicts, f"texts with two labellings: {conflicts}"
    repeated = {t: [where for where, _ in w] for t, w in seen.items() if len(w) > 1}
    assert not repeated, f"texts written twice: {repeated}"


def test_a_batch_draws_the_same_lines_whatever_the_others_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No generator is shared between batches: drawing the others first changes nothing."""
    monkeypatch.syspath_prepend(str(DATA))
    try:
        examples = importlib.import_module("generate_examples")
    finally:  # the generators' modules are not the service's: leave no trace of them
        for name in ("generate_examples", "batches"):
            sys.modules.pop(name, None)
    first = [examples.lines(batch) for batch in examples.BATCHES]
    for batch in reversed(examples.BATCHES):
        examples.lines(batch)
    again = [examples.lines(batch) for batch in reversed(examples.BATCHES)][::-1]
    assert again == first
    names = [batch.name for batch in examples.BATCHES]
    assert len(names) == len(set(names)), "two batches share a name, hence a seed"
    assert {batch.file for batch in examples.BATCHES} == {"spam", "ham", "toxicity"}
