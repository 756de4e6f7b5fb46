"""Model registry: immutable, checksummed model versions in a folder.

Layout of a version ``root/<version>/``::

    spam.joblib         the fitted spam pipeline
    toxicity.joblib     the fitted toxicity pipeline
    model.json          ModerationModel settings that are not pipelines (span threshold, info,
                        the language-model stage's blend weights)
    encoder.onnx.gz     optional: the language-model stage (int8 ONNX, classifier.encoder),
                        gzip-compressed (a third smaller, so the shipped version fits in git)
    tokenizer.json.gz   with it: the tokenizer it was trained with, gzip-compressed
    metadata.json       version, created_at, library versions, training-data digest, metrics
    CHECKSUMS.sha256    "<sha256>  <file>" for every other file (``sha256sum -c`` reads it)

:meth:`ModelRegistry.load` reads every file once, checks it against CHECKSUMS.sha256, rejects
missing or unlisted files, checks the recorded library versions against the running ones and
only then unpickles, from the bytes it verified. Version ids are ``YYYYMMDD-HHMMSS-<8 hex>``
(UTC time of saving, then 8 hex digits of a SHA-256 over the file digests and the exact
saving time), so they sort by age and never collide.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import io
import json
import os
import platform
import shutil
import stat
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import scipy
import sklearn

from classifier import ATTRIBUTES
from classifier.encoder import EncoderStage
from classifier.features import FEATURE_SCHEME
from classifier.lexicon import LEXICON_DIGEST
from classifier.model import ModerationModel

__all__ = [
    "BUILTIN_VERSION",
    "ModelIncompatibleError",
    "ModelIntegrityError",
    "ModelRegistry",
    "ModelVersionNotFound",
    "builtin_registry",
    "ensure_builtin",
    "library_versions",
]

#: Version id of the default model shipped in ``classifier/models/``.
BUILTIN_VERSION = "20261201-140636-5def7e5f"

BUILTIN_ROOT = Path(__file__).resolve().parent / "models"

CHECKSUMS = "CHECKSUMS.sha256"
METADATA = "metadata.json"
MODEL_JSON = "model.json"
PIPELINE_FILES = {"spam": "spam.joblib", "toxicity": "toxicity.joblib"}
ENCODER_FILE = "encoder.onnx.gz"
TOKENIZER_FILE = "tokenizer.json.gz"


class ModelIntegrityError(Exception):
    """A model version is incomplete, altered, or was saved under other library versions."""


class ModelVersionNotFound(ModelIntegrityError):
    """No such version in the registry."""


class ModelIncompatibleError(ModelIntegrityError):
    """An intact version saved under other library versions, features or abuse lexicon."""


def library_versions() -> dict[str, str]:
    """Versions of the libraries a saved model depends on, as recorded in metadata.json."""
    return {
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "joblib": joblib.__version__,
        "onnxruntime": _version_of("onnxruntime"),
        "tokenizers": _version_of("tokenizers"),
    }


def _version_of(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _major(v: str) -> str:
    return v.split(".")[0]


def _major_minor(v: str) -> str:
    return ".".join(v.split(".")[:2])


# What must match between the recorded and the running library versions, and why: pickles of
# scikit-learn estimators are only supported by the exact version that wrote them; numpy
# changed its pickled array internals at 2.0; joblib's container format is stable within a
# major version; compiled objects and pickle protocol details follow Python's minor version.
_COMPATIBLE = {
    "python": _major_minor,
    "scikit-learn": lambda v: v,
    "numpy": _major,
    "joblib": _major,
}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_versions(folder: Path) -> list[str]:
    """The version folders under ``folder`` that hold metadata, oldest first (by ``created_at``)."""
    found = []
    for path in folder.iterdir():
        meta = path / METADATA
        if path.is_dir() and meta.is_file():
            try:
                created = json.loads(meta.read_text(encoding="utf-8")).get("created_at", "")
            except (OSError, ValueError):
                created = ""
            found.append((created, path.name))
    return [name for _, name in sorted(found)]


class ModelRegistry:
    """A folder of immutable model versions (see the module docstring)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _dir(self, version: str) -> Path:
        if not version or "/" in version or "\\" in version or version.startswith("."):
            raise ModelVersionNotFound(f"invalid model version id: {version!r}")
        return self.root / version

    def has(self, version: str) -> bool:
        """Whether ``version`` exists (complete or not) in this registry."""
        try:
            return (self._dir(version) / METADATA).is_file()
        except ModelVersionNotFound:
            return False

    def versions(self) -> list[str]:
        """Every version in the registry, oldest first."""
        if not self.root.is_dir():
            return []
        return stored_versions(self.root)

    def metadata(self, version: str) -> dict[str, Any]:
        """The parsed metadata.json of ``version`` (not integrity-checked; see :meth:`load`)."""
        path = self._dir(version) / METADATA
        if not path.is_file():
            raise ModelVersionNotFound(f"no model version {version!r} in {self.root}")
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def save(
        self, model: ModerationModel, *, metrics: dict[str, Any] | None = None, notes: str = ""
    ) -> str:
        """Write ``model`` as a new immutable version; set and return its version id."""
        self.root.mkdir(parents=True, exist_ok=True)
        created = datetime.now(UTC)
        tmp = Path(tempfile.mkdtemp(prefix=".saving-", dir=self.root))
        try:
            for key, filename in PIPELINE_FILES.items():
                pipeline = model.spam_pipeline if key == "spam" else model.toxicity_pipeline
                joblib.dump(pipeline, tmp / filename, compress=("zlib", 6))
            (tmp / MODEL_JSON).write_text(
                json.dumps(
                    {
                        "span_threshold": model.span_threshold,
                        "span_relative": model.span_relative,
                        "span_min_probability": model.span_min_probability,
                        "info": model.info,
                        "blend": model.blend,
                    },
                    indent=2,
                    sort_keys=True,
                )
                + "\n",
                encoding="utf-8",
            )
            files = sorted([*PIPELINE_FILES.values(), MODEL_JSON])
            if model.encoder is not None:
                tokenizer = model.encoder.tokenizer_json.encode("utf-8")
                # mtime=0: the same stage always gives the same bytes (and checksum).
                (tmp / ENCODER_FILE).write_bytes(gzip.compress(model.encoder.onnx_model, mtime=0))
                (tmp / TOKENIZER_FILE).write_bytes(gzip.compress(tokenizer, mtime=0))
                files = sorted([*files, ENCODER_FILE, TOKENIZER_FILE])
            digests = {name: _sha256((tmp / name).read_bytes()) for name in files}
            # The id covers the content and the exact saving time, so saving the same model
            # twice gives two versions rather than a collision.
            stamp = created.isoformat(timespec="microseconds")
            content_id = _sha256(json.dumps([digests, stamp], sort_keys=True).encode())[:8]
            version = f"{created:%Y%m%d-%H%M%S}-{content_id}"
            meta = {
                "version": version,
                "created_at": stamp,
                "attributes": list(ATTRIBUTES),
                "libraries": library_versions(),
                "feature_scheme": FEATURE_SCHEME,
                "lexicon": LEXICON_DIGEST,
                "training_data_digest": model.info.get("training_data_digest", ""),
                "training": model.info.get("training", {}),
                "metrics": metrics or {},
                "notes": notes,
                "files": files,
            }
            (tmp / METADATA).write_text(
                json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
            )
            digests[METADATA] = _sha256((tmp / METADATA).read_bytes())
            (tmp / CHECKSUMS).write_text(
                "".join(f"{digests[name]}  {name}\n" for name in sorted(digests)),
                encoding="utf-8",
            )
            final = self.root / version
            if final.exists():
                raise FileExistsError(f"model version {version} already exists")
            for path in tmp.iterdir():
                path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        model.version = version
        return version

    def _verified_files(self, version: str) -> dict[str, bytes]:
        """Every file of ``version`` checked against CHECKSUMS.sha256, as bytes."""
        folder = self._dir(version)
        if not folder.is_dir():
            raise ModelVersionNotFound(f"no model version {version!r} in {self.root}")
        sums_path = folder / CHECKSUMS
        if not sums_path.is_file():
            raise ModelIntegrityError(f"{version}: {CHECKSUMS} is missing")
        expected: dict[str, str] = {}
        for line in sums_path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            digest, sep, name = line.partition("  ")
            if not sep or len(digest) != 64 or "/" in name:
                raise ModelIntegrityError(f"{version}: malformed line in {CHECKSUMS}: {line!r}")
            expected[name] = digest
        required = {METADATA, MODEL_JSON, *PIPELINE_FILES.values()}
        missing = sorted(required - expected.keys())
        if missing:
            raise ModelIntegrityError(f"{version}: {CHECKSUMS} does not list {missing}")
        present = {p.name for p in folder.iterdir()} - {CHECKSUMS}
        unlisted = sorted(present - expected.keys())
        if unlisted:
            raise ModelIntegrityError(f"{version}: unlisted files {unlisted}")
        data: dict[str, bytes] = {}
        for name, digest in expected.items():
            path = folder / name
            if not path.is_file():
                raise ModelIntegrityError(f"{version}: file {name} is missing")
            blob = path.read_bytes()
            if _sha256(blob) != digest:
                raise ModelIntegrityError(f"{version}: checksum mismatch for {name}")
            data[name] = blob
        return data

    def verify(self, version: str) -> dict[str, Any]:
        """Check files and library versions of ``version``; return its metadata."""
        data = self._verified_files(version)
        return self._check_metadata(version, data)

    def _check_metadata(self, version: str, data: dict[str, bytes]) -> dict[str, Any]:
        try:
            meta: dict[str, Any] = json.loads(data[METADATA])
        except ValueError as exc:
            raise ModelIntegrityError(f"{version}: {METADATA} is not valid JSON") from exc
        if meta.get("version") != version:
            raise ModelIntegrityError(f"{version}: metadata names version {meta.get('version')!r}")
        recorded = meta.get("libraries") or {}
        running = library_versions()
        problems = []
        for lib, key in _COMPATIBLE.items():
            have = recorded.get(lib)
            if have is None or key(have) != key(running[lib]):
                problems.append(f"{lib} {have} (running {running[lib]})")
        if meta.get("feature_scheme") != FEATURE_SCHEME:
            problems.append(
                f"feature scheme {meta.get('feature_scheme')} (running {FEATURE_SCHEME})"
            )
        if meta.get("lexicon", LEXICON_DIGEST) != LEXICON_DIGEST:
            problems.append(f"abuse lexicon {meta.get('lexicon')} (running {LEXICON_DIGEST})")
        if problems:
            raise ModelIncompatibleError(
                f"{version}: saved under other versions: {', '.join(problems)}"
            )
        return meta

    def load(self, version: str) -> ModerationModel:
        """Verify and load ``version``; raise ModelIntegrityError if anything does not match."""
        data = self._verified_files(version)
        self._check_metadata(version, data)
        settings = json.loads(data[MODEL_JSON])
        spam = joblib.load(io.BytesIO(data[PIPELINE_FILES["spam"]]))
        toxicity = joblib.load(io.BytesIO(data[PIPELINE_FILES["toxicity"]]))
        encoder = self._encoder(version, data, settings)
        return ModerationModel(
            spam,
            toxicity,
            info=settings.get("info", {}),
            span_threshold=float(settings.get("span_threshold", 0.25)),
            span_relative=float(settings.get("span_relative", 0.5)),
            span_min_probability=float(settings.get("span_min_probability", 0.2)),
            version=version,
            encoder=encoder,
            blend=settings.get("blend") if encoder is not None else None,
        )

    @staticmethod
    def _encoder(
        version: str, data: dict[str, bytes], settings: dict[str, Any]
    ) -> EncoderStage | None:
        """The language-model stage of ``version``, opened now so a bad file is refused here."""
        has = [name in data for name in (ENCODER_FILE, TOKENIZER_FILE)]
        if not any(has):
            if settings.get("blend"):
                raise ModelIntegrityError(f"{version}: blend weights without {ENCODER_FILE}")
            return None
        if not all(has):
            raise ModelIntegrityError(f"{version}: needs both {ENCODER_FILE} and {TOKENIZER_FILE}")
        if not settings.get("blend"):
            raise ModelIntegrityError(f"{version}: {ENCODER_FILE} without blend weights")
        try:
            stage = EncoderStage(
                gzip.decompress(data[ENCODER_FILE]),
                gzip.decompress(data[TOKENIZER_FILE]).decode("utf-8"),
                facts=settings.get("info", {}).get("encoder", {}),
            )
            stage.check()
        except Exception as exc:  # onnxruntime and tokenizers raise their own types
            raise ModelIntegrityError(f"{version}: cannot open {ENCODER_FILE}: {exc}") from exc
        return stage

    def copy_from(self, other: ModelRegistry, version: str) -> None:
        """Copy ``version`` (verified first) from ``other`` into this registry."""
        other.verify(version)
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".copying-", dir=self.root))
        try:
            for path in (other.root / version).iterdir():
                shutil.copyfile(path, tmp / path.name)
                (tmp / path.name).chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, self.root / version)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise


def builtin_registry() -> ModelRegistry:
    """The read-only registry over the model versions shipped inside the package."""
    return ModelRegistry(BUILTIN_ROOT)


def ensure_builtin(registry: ModelRegistry) -> str:
    """Copy the shipped default version into ``registry`` unless it is there; return its id."""
    if not registry.has(BUILTIN_VERSION):
        registry.copy_from(builtin_registry(), BUILTIN_VERSION)
    return BUILTIN_VERSION
