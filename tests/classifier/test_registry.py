"""Registry: versions are immutable, checksummed, and refused when anything does not match."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from classifier import ATTRIBUTES
from classifier.model import ModerationModel
from classifier.registry import (
    BUILTIN_VERSION,
    CHECKSUMS,
    METADATA,
    ModelIncompatibleError,
    ModelIntegrityError,
    ModelRegistry,
    ModelVersionNotFound,
    builtin_registry,
    ensure_builtin,
    library_versions,
)
from classifier.types import CommentInput

SAMPLE = [CommentInput("Buy cheap pills http://bit.ly/x"), CommentInput("You are an idiot.")]


@pytest.fixture
def saved(tmp_path: Path, small_model: ModerationModel) -> tuple[ModelRegistry, str]:
    registry = ModelRegistry(tmp_path / "models")
    # save() sets .version; a shallow copy keeps the session model unversioned.
    version = registry.save(copy.copy(small_model), metrics={"auc": 0.5}, notes="unit test")
    return registry, version


def _writable(path: Path) -> None:
    path.chmod(path.stat().st_mode | stat.S_IWUSR)


def _rewrite(path: Path, data: bytes) -> None:
    _writable(path)
    path.write_bytes(data)


def _reseal(folder: Path) -> None:
    """Recompute CHECKSUMS.sha256 so that only the metadata check can fail."""
    lines = []
    for path in sorted(folder.iterdir()):
        if path.name != CHECKSUMS:
            lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n")
    _rewrite(folder / CHECKSUMS, "".join(lines).encode())


def test_save_and_load_round_trip(tmp_path: Path, small_model: ModerationModel) -> None:
    registry = ModelRegistry(tmp_path)
    model = copy.copy(small_model)
    version = registry.save(model)
    assert model.version == version
    assert registry.versions() == [version]
    assert registry.has(version)
    loaded = registry.load(version)
    assert loaded.version == version
    before = [r.scores for r in small_model.score(SAMPLE)]
    after = [r.scores for r in loaded.score(SAMPLE)]
    assert before == after


def test_metadata_contents(saved: tuple[ModelRegistry, str]) -> None:
    registry, version = saved
    meta = registry.metadata(version)
    assert meta["version"] == version
    assert meta["attributes"] == list(ATTRIBUTES)
    assert meta["libraries"] == library_versions()
    assert meta["metrics"] == {"auc": 0.5}
    assert meta["notes"] == "unit test"
    assert len(meta["training_data_digest"]) == 64
    assert meta["created_at"]
    listed = (registry.root / version / CHECKSUMS).read_text().splitlines()
    assert sorted(line.split("  ")[1] for line in listed) == sorted(
        p.name for p in (registry.root / version).iterdir() if p.name != CHECKSUMS
    )


def test_versions_sorted_oldest_first(tmp_path: Path, small_model: ModerationModel) -> None:
    registry = ModelRegistry(tmp_path)
    first = registry.save(copy.copy(small_model))
    meta_path = registry.root / first / METADATA
    meta = json.loads(meta_path.read_text())
    # A later save in the same second would collide; pretend the first is older.
    meta["created_at"] = "2000-01-01T00:00:00+00:00"
    _rewrite(meta_path, json.dumps(meta).encode())
    second = registry.save(copy.copy(small_model), notes="second")
    assert registry.versions() == [first, second]


def test_tampered_file_is_refused(saved: tuple[ModelRegistry, str]) -> None:
    registry, version = saved
    path = registry.root / version / "toxicity.joblib"
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    _rewrite(path, bytes(data))
    with pytest.raises(ModelIntegrityError, match=r"checksum mismatch for toxicity\.joblib"):
        registry.load(version)


def test_missing_file_is_refused(saved: tuple[ModelRegistry, str]) -> None:
    registry, version = saved
    (registry.root / version / "spam.joblib").unlink()
    with pytest.raises(ModelIntegrityError, match=r"spam\.joblib is missing"):
        registry.load(version)


def test_missing_checksums_is_refused(saved: tuple[ModelRegistry, str]) -> None:
    registry, version = saved
    (registry.root / version / CHECKSUMS).unlink()
    with pytest.raises(ModelIntegrityError, match=r"CHECKSUMS\.sha256 is missing"):
        registry.load(version)


def test_unlisted_file_is_refused(saved: tuple[ModelRegistry, str]) -> None:
    registry, version = saved
    (registry.root / version / "extra.pkl").write_bytes(b"not ours")
    with pytest.raises(ModelIntegrityError, match="unlisted files"):
        registry.load(version)


@pytest.mark.parametrize(
    ("library", "value"),
    [
        ("scikit-learn", "1.5.0"),
        ("numpy", "1.26.4"),
        ("python", "3.99.0"),
        ("joblib", "0.9.0"),
    ],
)
def test_other_library_versions_are_refused(
    saved: tuple[ModelRegistry, str], library: str, value: str
) -> None:
    registry, version = saved
    folder = registry.root / version
    meta = json.loads((folder / METADATA).read_text())
    meta["libraries"][library] = value
    _rewrite(folder / METADATA, json.dumps(meta).encode())
    _reseal(folder)
    with pytest.raises(ModelIntegrityError, match=re.escape(f"{library} {value}")):
        registry.load(version)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [("feature_scheme", 1, "feature scheme 1"), ("lexicon", "0" * 16, "abuse lexicon")],
)
def test_other_features_or_lexicon_are_refused(
    saved: tuple[ModelRegistry, str], key: str, value: object, message: str
) -> None:
    registry, version = saved
    folder = registry.root / version
    meta = json.loads((folder / METADATA).read_text())
    meta[key] = value
    _rewrite(folder / METADATA, json.dumps(meta).encode())
    _reseal(folder)
    with pytest.raises(ModelIncompatibleError, match=message):
        registry.load(version)


def test_an_incompatible_active_version_falls_back_to_the_shipped_default(
    saved: tuple[ModelRegistry, str], caplog: pytest.LogCaptureFixture
) -> None:
    from moderation.scoring import ModelProvider

    registry, version = saved
    folder = registry.root / version
    meta = json.loads((folder / METADATA).read_text())
    meta["feature_scheme"] = 1  # as if an earlier release had trained it
    _rewrite(folder / METADATA, json.dumps(meta).encode())
    _reseal(folder)
    provider = ModelProvider(registry, lambda: version, refresh_seconds=0)
    with caplog.at_level("ERROR"):
        model = provider.get()
        assert provider.get() is model  # decided once, not retried on every call
    assert model.version == BUILTIN_VERSION
    assert f"active model version={version} cannot be used" in caplog.text
    # Tampering is not an upgrade: it still fails loudly.
    tampered = ModelProvider(registry, lambda: "20200101-000000-deadbeef", refresh_seconds=0)
    with pytest.raises(ModelIntegrityError):
        tampered.get()


def test_compatible_patch_versions_load(saved: tuple[ModelRegistry, str]) -> None:
    registry, version = saved
    folder = registry.root / version
    meta = json.loads((folder / METADATA).read_text())
    major = meta["libraries"]["numpy"].split(".")[0]
    meta["libraries"]["numpy"] = f"{major}.0.0"
    _rewrite(folder / METADATA, json.dumps(meta).encode())
    _reseal(folder)
    assert registry.load(version).version == version


def test_unknown_version(tmp_path: Path) -> None:
    registry = ModelRegistry(tmp_path)
    assert not registry.has("nope")
    assert registry.versions() == []
    with pytest.raises(ModelVersionNotFound):
        registry.load("nope")
    with pytest.raises(ModelVersionNotFound):
        registry.load("../escape")
    with pytest.raises(ModelVersionNotFound):
        registry.metadata("nope")


def test_builtin_ships_and_copies(tmp_path: Path) -> None:
    builtin = builtin_registry()
    assert builtin.versions() == [BUILTIN_VERSION]
    registry = ModelRegistry(tmp_path / "site")
    assert ensure_builtin(registry) == BUILTIN_VERSION
    assert registry.versions() == [BUILTIN_VERSION]
    assert ensure_builtin(registry) == BUILTIN_VERSION  # idempotent
    model = registry.load(BUILTIN_VERSION)
    assert model.version == BUILTIN_VERSION
    assert set(model.score_one(SAMPLE[0]).scores) == set(ATTRIBUTES)
    shutil.rmtree(registry.root / BUILTIN_VERSION)
    assert not registry.has(BUILTIN_VERSION)


def test_shipped_pickles_name_the_classes_where_they_are() -> None:
    """Saved versions pickle classes by module path: moving one would break every saved model."""
    model = builtin_registry().load(BUILTIN_VERSION)
    for pipeline in (model.spam_pipeline, model.toxicity_pipeline):
        assert type(pipeline.named_steps["features"]).__module__ == "classifier.features"
        assert type(pipeline.named_steps["heads"]).__module__ == "classifier.heads"
