"""The evaluation report on a few rows per corpus: files, attributes, cross-corpus section."""

from __future__ import annotations

from pathlib import Path

from classifier import ATTRIBUTES
from classifier.model import ModerationModel
from classifier.report import write_report

THRESHOLDS = dict.fromkeys(ATTRIBUTES, 0.8)
TRAINING_DATA = Path(__file__).resolve().parents[2] / "training_data"


def test_write_report_small(small_model: ModerationModel, corpora: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    path = write_report(
        small_model,
        corpora,
        out,
        thresholds=THRESHOLDS,
        cross_corpus=True,
        cross_corpora=["youtube-spam-collection-v1"],
        max_per_corpus=300,
        training_data_dir=TRAINING_DATA,
    )
    assert path == out / "README.md"
    text = path.read_text(encoding="utf-8")
    for attribute in ATTRIBUTES:
        assert attribute in text
    for figure in ("roc.png", "precision-recall.png", "calibration.png", "confusion.png"):
        assert (out / figure).stat().st_size > 1000
        assert f"({figure})" in text
    assert "## Cross-corpus generalisation" in text
    assert "youtube-spam-collection-v1 left out" in text
    assert "Quick run" in text
    # The card leads with decisions bare and as submitted, test parts and left-out corpora.
    assert text.index("## As submitted, at the policy's thresholds") < text.index("## Targets")
    assert "| youtube-spam-collection-v1 (left out) |" in text
    assert "Targets for decisions as submitted" in text
    assert "issue" not in text.lower()  # the card speaks to the people who run the service


def test_evaluate_command_writes_the_report(corpora: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from classifier.registry import BUILTIN_VERSION
    from moderation.cli import main

    env = {
        "MODERATION_DATA_DIR": str(tmp_path / "data"),
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}",
        "MODERATION_CORPORA_DIR": str(corpora),
    }
    args = ["evaluate", "--version", BUILTIN_VERSION, "--no-cross-corpus"]
    args += ["--max-per-corpus", "200", "--out", str(tmp_path / "card")]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "card" / "README.md").read_text(encoding="utf-8")
    assert BUILTIN_VERSION in text
    assert "Not run (`--no-cross-corpus`)" in text
