"""Metrics: the one module the model card, the quality checks, the gate and bench/ use."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from classifier.metrics import (
    at_threshold,
    both_classes,
    brier_score,
    calibration_bins,
    expected_calibration_error,
    ranking,
    recall_at_fpr,
    roc_auc,
)

ROOT = Path(__file__).resolve().parents[2]
Y = np.array([0, 0, 0, 0, 1, 1, 1, 1])
P = np.array([0.1, 0.2, 0.3, 0.6, 0.4, 0.7, 0.8, 0.9])


def test_ranking_figures() -> None:
    assert roc_auc(Y, P) == pytest.approx(15 / 16)  # only (0.4, 0.6) of 16 pairs is misordered
    assert recall_at_fpr(Y, P, fpr=0.0) == pytest.approx(0.75)
    assert recall_at_fpr(Y, P, fpr=0.25) == pytest.approx(1.0)
    figures = ranking(Y, P)
    assert figures is not None
    assert figures["n"] == 8 and figures["positives"] == 4
    assert ranking([1, 1], [0.2, 0.9]) is None
    assert not both_classes([]) and both_classes([0, 1])


def test_calibration_and_brier() -> None:
    assert brier_score([0, 1], [0.0, 1.0]) == 0.0
    assert brier_score([0, 1], [0.5, 0.5]) == pytest.approx(0.25)
    assert calibration_bins([0, 1, 1], [0.05, 0.95, 1.0], bins=10) == [
        (0.05, 0.0, 1),
        (0.975, 1.0, 2),
    ]
    # Bins: {0.05: label 0} gap 0.05; {0.95, 1.0: labels 1, 1} gap 0.025; weighted by counts.
    assert expected_calibration_error([0, 1, 1], [0.05, 0.95, 1.0]) == pytest.approx(0.1 / 3)


def test_at_threshold() -> None:
    counts = at_threshold(Y, P, 0.5)
    assert (counts["tp"], counts["fp"], counts["fn"], counts["tn"]) == (3, 1, 1, 3)
    assert counts["precision"] == counts["recall"] == pytest.approx(0.75)
    assert counts["fpr"] == pytest.approx(0.25)
    assert math.isnan(at_threshold([0], [0.1], 0.5)["recall"])


def test_only_the_report_module_imports_matplotlib() -> None:
    """Plots belong to classifier.report (the model card, the gate's chart), nowhere else."""
    importing = re.compile(r"^\s*(?:import|from)\s+matplotlib\b", re.MULTILINE)
    sources = [p for d in ("classifier", "moderation", "worker") for p in (ROOT / d).rglob("*.py")]
    found = sorted(str(p.relative_to(ROOT)) for p in sources if importing.search(p.read_text()))
    assert found == ["classifier/report.py"]


def test_the_service_never_loads_matplotlib() -> None:
    """Importing every service and worker module and scoring a comment loads no plotting."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import moderation, worker\n"
        "for package in (moderation, worker):\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import classifier.report\n"
        "from classifier.registry import BUILTIN_VERSION, builtin_registry\n"
        "from classifier.types import CommentInput\n"
        "m = builtin_registry().load(BUILTIN_VERSION)\n"
        "m.score([CommentInput('hello there')], spans=True)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] == 'matplotlib')\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
