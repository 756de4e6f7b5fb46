"""Per-site adaptation: a small model over the base model, fitted on one site's labels alone.

A site's moderators label comments (spam, ham, toxic, acceptable). :func:`fit_adaptation` fits,
for every attribute those labels speak about, a regularised logistic layer on top of the base
model (the active :class:`~classifier.model.ModerationModel`):

    z_site = (1 + s) * z_base + w · x + b

where ``z_base`` is the base model's final logit for the attribute (the blend of both stages,
before the toxicity coherence rule), ``x`` the base model's own hashed linear features of the
comment and ``(s, w, b)`` the adaptation. Everything is pulled towards the base in two ways:

* an L2 penalty on ``(s, w, b)``, so with few labels the adaptation stays small;
* **background rows**: the project's own examples (:data:`ANCHORS_FILE`, part ``background``)
  with the base model's own probabilities as soft targets. Moving any comment of the
  background away from the base costs as much as a wrong label, so the weights go to what sets
  the site's labelled comments apart (a campaign's name and domains), not to the words every
  comment has.

The anchor file's ``gate`` part (other rows of ``training_data/`` and the behavioural cases of
``tests/classifier/behaviour``, never the public corpora) is what :func:`anchor_comparison`
scores to bound regressions on everything but the site's labels. A :class:`SiteAdaptation` is
a few sparse weights (a few hundred kB), saved with its metadata and checksums by
:class:`AdaptationStore`; :class:`AdaptedModel` scores with a base model and an adaptation,
and a site without one is scored by the base model itself. The module imports no web,
database or queue code.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.optimize import minimize

from classifier import ATTRIBUTES
from classifier.encoder import EncoderOutput
from classifier.metrics import both_classes, brier_score, roc_auc
from classifier.model import ModerationModel, encoder_pass
from classifier.registry import METADATA, stored_versions
from classifier.signals import META_NAMES
from classifier.types import CommentInput, LabelledExample

__all__ = [
    "ADAPTATION_SCHEME",
    "ANCHORS_FILE",
    "AdaptationIntegrityError",
    "AdaptationStore",
    "AdaptedModel",
    "Anchors",
    "SiteAdaptation",
    "anchor_comparison",
    "base_logits",
    "evaluate_rows",
    "fit_adaptation",
    "load_anchors",
    "probabilities",
]

#: Version of the adaptation's layout; an adaptation of another scheme is refused at load.
ADAPTATION_SCHEME = 1
#: The fixed anchor set shipped with the package (``scripts/build_anchors.py`` writes it).
ANCHORS_FILE = Path(__file__).resolve().parent / "anchors.jsonl"

_TOX = ATTRIBUTES.index("toxicity")
_KINDS = [ATTRIBUTES.index(a) for a in ("severe_toxicity", "identity_attack", "insult", "threat")]
WEIGHTS_FILE = "adaptation.npz"
CHECKSUMS = "CHECKSUMS.sha256"


class AdaptationIntegrityError(Exception):
    """An adaptation is missing, altered, of another scheme or for another base version."""


# ------------------------------------------------------------------------------------------
# The base model's logits and features
# ------------------------------------------------------------------------------------------


def base_logits(
    model: ModerationModel, items: Sequence[CommentInput]
) -> tuple[NDArray[np.float64], sp.csr_matrix, dict[int, EncoderOutput]]:
    """The base model's final logits (before the coherence rule), its features, its encoder reads.

    The same computation as ``ModerationModel.predict_proba`` up to the sigmoid, so
    ``probabilities(base_logits(m, items)[0])`` equals ``m.predict_proba(items)``.
    """
    f = model.featurizer
    normalized = f.normalize_batch(items)
    z = model.linear_logits(items, normalized)
    rows = model.escalated(z)
    read: dict[int, EncoderOutput] = {}
    if rows.any():
        chosen = [int(i) for i in np.flatnonzero(rows)]
        logits, output = encoder_pass(
            model.encoder, [items[i].text for i in chosen], [normalized[i] for i in chosen]
        )
        z[chosen] = model.blended_logits(z[chosen], logits)
        read = {i: output.row(k) for k, i in enumerate(chosen)}
    x = f.transform_normalized(items, normalized)
    x.sum_duplicates()
    return z, x, read


def probabilities(z: NDArray[np.floating[Any]]) -> NDArray[np.float64]:
    """Logits to the model's probabilities, with its coherence rule (toxicity >= its kinds)."""
    p = 1.0 / (1.0 + np.exp(-np.clip(np.asarray(z, dtype=np.float64), -40.0, 40.0)))
    p[:, _TOX] = np.maximum(p[:, _TOX], p[:, _KINDS].max(axis=1))
    return p


# ------------------------------------------------------------------------------------------
# The adaptation
# ------------------------------------------------------------------------------------------


@dataclass
class SiteAdaptation:
    """A site's adaptation of ``base_version``: per attribute ``(1 + scale) * z + x @ W + bias``.

    ``weights`` is a sparse (features x attributes) matrix, ``scale`` and ``bias`` have one
    entry per attribute (zero where the attribute is not adapted). ``info``: label counts, how
    it was fitted, the gate's report; written to metadata.json.
    """

    base_version: str
    site_id: int
    weights: sp.csr_matrix
    scale: NDArray[np.float64]
    bias: NDArray[np.float64]
    attributes: list[str]
    info: dict[str, Any] = field(default_factory=dict)
    version: str = ""
    created_at: str = ""

    def adjust(self, z: NDArray[np.float64], x: sp.spmatrix) -> NDArray[np.float64]:
        """The site's logits from the base logits ``z`` and features ``x`` of the same rows."""
        shift = np.asarray((x @ self.weights).toarray(), dtype=np.float64)
        return z * (1.0 + self.scale) + shift + self.bias

    @property
    def label_counts(self) -> dict[str, int]:
        counts: dict[str, int] = self.info.get("labels", {}).get("counts", {})
        return counts


def _columns_for(model: ModerationModel, attribute: str) -> NDArray[np.bool_]:
    """Which feature columns the adaptation of ``attribute`` may weigh (as the base heads do)."""
    f = model.featurizer
    width = f.meta_offset + len(META_NAMES)
    allowed = np.ones(width, dtype=bool)
    ranges = list(f.neutral_columns)
    if attribute != "spam":
        ranges += f.spam_only_columns
    for lo, hi in ranges:
        allowed[lo:hi] = False
    return allowed


@dataclass
class Anchors:
    """Comments of the fixed anchor set with the base model's logits and features (cached)."""

    examples: list[LabelledExample]
    z: NDArray[np.float64]
    x: sp.csr_matrix
    base_version: str
    encoder_mode: str = "all"

    @classmethod
    def score(cls, model: ModerationModel, examples: Sequence[LabelledExample]) -> Anchors:
        items = [
            CommentInput(e.text, e.author_name, e.author_email, e.author_url) for e in examples
        ]
        z, x, _ = base_logits(model, items) if items else (np.zeros((0, len(ATTRIBUTES))), None, {})
        if x is None:
            x = sp.csr_matrix((0, 1))
        return cls(list(examples), z, x, model.version, model.encoder_mode)

    def save(self, path: Path) -> None:
        """Cache the base model's logits and features of these rows (one file, atomic)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        x = self.x.tocsr()
        np.savez_compressed(
            buffer,
            z=self.z,
            data=x.data,
            indices=x.indices,
            indptr=x.indptr,
            shape=np.array(x.shape),
            digest=np.array(anchors_digest(self.examples)),
            base=np.array(self.base_version),
            mode=np.array(self.encoder_mode),
        )
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(buffer.getvalue())
        os.replace(tmp, path)

    @classmethod
    def load_cached(
        cls, path: Path, model: ModerationModel, examples: Sequence[LabelledExample]
    ) -> Anchors:
        """The cached scores at ``path`` if they are this model's of these rows, else score now."""
        try:
            with np.load(path, allow_pickle=False) as data:
                same = (str(data["base"]), str(data["mode"]), str(data["digest"])) == (
                    model.version,
                    model.encoder_mode,
                    anchors_digest(examples),
                )
                if same:
                    x = sp.csr_matrix(
                        (data["data"], data["indices"], data["indptr"]), shape=tuple(data["shape"])
                    )
                    return cls(list(examples), data["z"], x, model.version, model.encoder_mode)
        except (OSError, KeyError, ValueError):
            pass
        anchors = cls.score(model, examples)
        with contextlib.suppress(OSError):  # a cache: scoring again next time is fine
            anchors.save(path)
        return anchors


def anchors_digest(examples: Sequence[LabelledExample]) -> str:
    blob = json.dumps(
        [[e.text, e.author_name, e.author_email, e.author_url, e.labels] for e in examples],
        sort_keys=True,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def load_anchors(path: Path = ANCHORS_FILE) -> dict[str, list[LabelledExample]]:
    """The anchor set by part (``background``, ``gate``), as shipped."""
    parts: dict[str, list[LabelledExample]] = {"background": [], "gate": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        parts.setdefault(row["part"], []).append(
            LabelledExample(
                text=row["text"],
                labels={k: int(v) for k, v in row["labels"].items()},
                author_name=row.get("author_name", ""),
                author_email=row.get("author_email", ""),
                author_url=row.get("author_url", ""),
                source=row.get("source", "anchors"),
            )
        )
    return parts


def _label_matrix(examples: Sequence[LabelledExample]) -> NDArray[np.int64]:
    y = np.full((len(examples), len(ATTRIBUTES)), -1, dtype=np.int64)
    for i, e in enumerate(examples):
        for attribute, value in e.labels.items():
            if attribute in ATTRIBUTES:
                y[i, ATTRIBUTES.index(attribute)] = int(value)
    return y


def _sigmoid(z: NDArray[np.float64]) -> NDArray[np.float64]:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


def _fit_one(
    z0: NDArray[np.float64],
    x: sp.csr_matrix,
    target: NDArray[np.float64],
    weight: NDArray[np.float64],
    *,
    l2: float,
    l2_scale: float,
    max_iter: int,
) -> tuple[NDArray[np.float64], float, float, int]:
    """Minimise the weighted log loss (soft targets) + L2 of ``(w, s, b)`` (L-BFGS)."""
    total = float(weight.sum())
    w_norm = weight / total
    d = x.shape[1]
    xt = x.T.tocsr()

    def loss(theta: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        w, s, b = theta[:d], theta[d], theta[d + 1]
        z = z0 * (1.0 + s) + x @ w + b
        # Log loss of soft targets, stable: log(1 + e^z) - t z.
        value = float(w_norm @ (np.logaddexp(0.0, z) - target * z))
        r = w_norm * (_sigmoid(z) - target)
        grad = np.empty_like(theta)
        grad[:d] = xt @ r + l2 * w
        grad[d] = float(r @ z0) + l2_scale * s
        grad[d + 1] = float(r.sum()) + l2_scale * b
        value += 0.5 * l2 * float(w @ w) + 0.5 * l2_scale * (s * s + b * b)
        return value, grad

    result = minimize(
        loss,
        np.zeros(d + 2),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iter, "gtol": 1e-7},
    )
    theta = result.x
    return theta[:d], float(theta[d]), float(theta[d + 1]), int(result.nit)


#: Defaults of :func:`fit_adaptation`, chosen on bench/adaptation.py's campaigns (see
#: docs/models.md, "Learning from your moderators").
L2 = 2e-5
L2_SCALE = 1e-1
BACKGROUND_SHARE = 1.0
MIN_PER_CLASS = 1


def fit_adaptation(
    model: ModerationModel,
    examples: Sequence[LabelledExample],
    *,
    site_id: int,
    background: Anchors,
    labelled: tuple[NDArray[np.float64], sp.csr_matrix] | None = None,
    l2: float = L2,
    l2_scale: float = L2_SCALE,
    background_share: float = BACKGROUND_SHARE,
    max_iter: int = 300,
) -> SiteAdaptation:
    """Fit a site's adaptation of ``model`` on ``examples`` (the site's labels), see the module.

    ``background``: the anchor set's background part scored by ``model``; its total weight is
    ``background_share`` times the labels' (at least as many rows' worth). ``labelled``: the
    base logits and features of ``examples`` when the caller has them (:func:`base_logits`).
    An attribute is adapted when the labels hold a positive or a negative for it: with
    positives only, the background's base scores are the negatives.
    """
    started = time.perf_counter()
    if background.base_version != model.version:
        raise ValueError(f"background scored by {background.base_version}, not by {model.version}")
    if labelled is None:
        items = [
            CommentInput(e.text, e.author_name, e.author_email, e.author_url) for e in examples
        ]
        z_lab, x_lab, _ = base_logits(model, items)
    else:
        z_lab, x_lab = labelled
    y = _label_matrix(examples)
    w_lab = np.array([e.weight for e in examples], dtype=np.float64)
    p_bg = _sigmoid(background.z)
    width = x_lab.shape[1]
    weights = sp.lil_matrix((width, len(ATTRIBUTES)), dtype=np.float32)
    scale = np.zeros(len(ATTRIBUTES))
    bias = np.zeros(len(ATTRIBUTES))
    adapted: list[str] = []
    facts: dict[str, Any] = {}
    x_all = sp.vstack([x_lab, background.x]).tocsc()
    for j, attribute in enumerate(ATTRIBUTES):
        rows = np.flatnonzero(y[:, j] >= 0)
        if len(rows) < MIN_PER_CLASS:
            continue
        lab_weight = w_lab[rows]
        bg_weight = np.full(
            len(p_bg), background_share * max(float(lab_weight.sum()), 1.0 * len(p_bg)) / len(p_bg)
        )
        # The columns the labelled rows of this attribute have (others would stay zero).
        allowed = _columns_for(model, attribute)
        present = np.zeros(width, dtype=bool)
        present[np.unique(x_lab[rows].indices)] = True
        cols = np.flatnonzero(present & allowed)
        keep = np.concatenate([rows, len(y) + np.arange(len(p_bg))])
        x_fit = x_all[:, cols].tocsr()[keep]
        z_fit = np.concatenate([z_lab[rows, j], background.z[:, j]])
        t_fit = np.concatenate([y[rows, j].astype(np.float64), p_bg[:, j]])
        w_fit = np.concatenate([lab_weight, bg_weight])
        w, s, b, iterations = _fit_one(
            z_fit, x_fit, t_fit, w_fit, l2=l2, l2_scale=l2_scale, max_iter=max_iter
        )
        nonzero = np.abs(w) > 1e-6
        for c, value in zip(cols[nonzero], w[nonzero], strict=True):
            weights[int(c), j] = float(value)
        scale[j], bias[j] = s, b
        adapted.append(attribute)
        facts[attribute] = {
            "positives": int((y[rows, j] == 1).sum()),
            "negatives": int((y[rows, j] == 0).sum()),
            "columns": int(nonzero.sum()),
            "iterations": iterations,
            "scale": round(s, 4),
            "bias": round(b, 4),
        }
    info = {
        "fit": {
            "l2": l2,
            "l2_scale": l2_scale,
            "background_share": background_share,
            "background_rows": len(p_bg),
            "attributes": facts,
            "seconds": round(time.perf_counter() - started, 2),
        }
    }
    return SiteAdaptation(
        base_version=model.version,
        site_id=site_id,
        weights=weights.tocsr(),
        scale=scale,
        bias=bias,
        attributes=adapted,
        info=info,
    )


# ------------------------------------------------------------------------------------------
# Scoring with a base model and an adaptation
# ------------------------------------------------------------------------------------------


class AdaptedModel(ModerationModel):
    """A base :class:`ModerationModel` with a site's adaptation; scores like the base does.

    It shares the base model's state (featurizer, heads, language-model stage, encoder mode
    at the time it is made) and changes only the last step: the probabilities are the
    adaptation's. ``version`` is the adaptation's (``<base>+site<id>-<time>``), recorded with
    every decision. Spans are the base model's explanations of the attributes the adapted
    scores make likely.
    """

    def __init__(self, base: ModerationModel, adaptation: SiteAdaptation) -> None:
        if adaptation.base_version != base.version:
            raise AdaptationIntegrityError(
                f"{adaptation.version} adapts {adaptation.base_version}, not {base.version}"
            )
        self.__dict__.update(base.__dict__)
        self.base = base
        self.adaptation = adaptation
        self.version = adaptation.version
        self.site_id = adaptation.site_id

    def _probabilities(
        self, items: Sequence[CommentInput]
    ) -> tuple[NDArray[np.float64], dict[int, EncoderOutput]]:
        z, x, read = base_logits(self, items)
        return probabilities(self.adaptation.adjust(z, x)), read

    def __repr__(self) -> str:
        return f"AdaptedModel(version={self.version!r})"


# ------------------------------------------------------------------------------------------
# Evaluation and the anchor bound
# ------------------------------------------------------------------------------------------


def evaluate_rows(p: NDArray[np.float64], examples: Sequence[LabelledExample]) -> dict[str, Any]:
    """Per-attribute Brier score and ROC-AUC (where both classes occur) of probabilities ``p``."""
    y = _label_matrix(examples)
    brier: dict[str, float] = {}
    roc: dict[str, float] = {}
    for j, attribute in enumerate(ATTRIBUTES):
        rows = y[:, j] >= 0
        if not rows.any():
            continue
        brier[attribute] = round(brier_score(y[rows, j], p[rows, j]), 5)
        if both_classes(y[rows, j]):
            roc[attribute] = round(roc_auc(y[rows, j], p[rows, j]), 5)
    return {
        "n": len(examples),
        "brier": brier,
        "roc_auc": roc,
        "mean_brier": round(float(np.mean(list(brier.values()))), 5) if brier else None,
        "mean_roc_auc": round(float(np.mean(list(roc.values()))), 5) if roc else None,
    }


def anchor_comparison(
    anchors: Anchors,
    adaptation: SiteAdaptation,
    thresholds: dict[str, float],
) -> dict[str, Any]:
    """How the adaptation changes the anchor set's scores and decisions against the base.

    Per attribute at ``thresholds``: ``worse`` counts anchors the adaptation puts on the wrong
    side of the threshold that the base had on the right side, ``better`` the other way;
    ``max_shift`` the largest change of probability. With the ROC-AUC and Brier of both.
    """
    p_base = probabilities(anchors.z)
    p_site = probabilities(adaptation.adjust(anchors.z, anchors.x))
    y = _label_matrix(anchors.examples)
    per: dict[str, Any] = {}
    for j, attribute in enumerate(ATTRIBUTES):
        rows = y[:, j] >= 0
        if not rows.any() or attribute not in thresholds:
            continue
        t = thresholds[attribute]
        truth = y[rows, j] == 1
        right_base = (p_base[rows, j] >= t) == truth
        right_site = (p_site[rows, j] >= t) == truth
        per[attribute] = {
            "n": int(rows.sum()),
            "threshold": t,
            "worse": int((right_base & ~right_site).sum()),
            "better": int((~right_base & right_site).sum()),
            "max_shift": round(float(np.abs(p_site[:, j] - p_base[:, j]).max()), 4),
        }
    return {
        "n": len(anchors.examples),
        "per_attribute": per,
        "base": evaluate_rows(p_base, anchors.examples),
        "adapted": evaluate_rows(p_site, anchors.examples),
    }


# ------------------------------------------------------------------------------------------
# Storage
# ------------------------------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class AdaptationStore:
    """Per-site adaptations on disk: ``root/site-<id>/<version>/`` with three small files.

    ``adaptation.npz`` (the weights), ``metadata.json`` (version, base version, site, label
    counts, creation time, how it was fitted, the gate's report) and ``CHECKSUMS.sha256``.
    Versions are immutable; :meth:`load` checks every checksum and the scheme.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _site_dir(self, site_id: int) -> Path:
        return self.root / f"site-{int(site_id)}"

    def _dir(self, site_id: int, version: str) -> Path:
        if not version or "/" in version or "\\" in version or version.startswith("."):
            raise AdaptationIntegrityError(f"invalid adaptation version: {version!r}")
        return self._site_dir(site_id) / version

    def has(self, site_id: int, version: str) -> bool:
        try:
            return (self._dir(site_id, version) / METADATA).is_file()
        except AdaptationIntegrityError:
            return False

    def versions(self, site_id: int) -> list[str]:
        """The site's adaptations, oldest first."""
        folder = self._site_dir(site_id)
        if not folder.is_dir():
            return []
        return stored_versions(folder)

    def sites(self) -> list[int]:
        if not self.root.is_dir():
            return []
        out = []
        for path in self.root.iterdir():
            if path.is_dir() and path.name.startswith("site-") and path.name[5:].isdigit():
                out.append(int(path.name[5:]))
        return sorted(out)

    def metadata(self, site_id: int, version: str) -> dict[str, Any]:
        path = self._dir(site_id, version) / METADATA
        if not path.is_file():
            raise AdaptationIntegrityError(f"no adaptation {version!r} for site {site_id}")
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def save(self, adaptation: SiteAdaptation) -> str:
        """Write ``adaptation`` as a new version ``<base>+site<id>-<UTC time>``; return it."""
        site_dir = self._site_dir(adaptation.site_id)
        site_dir.mkdir(parents=True, exist_ok=True)
        created = datetime.now(UTC)
        version = f"{adaptation.base_version}+site{adaptation.site_id}-{created:%Y%m%d-%H%M%S}"
        while (site_dir / version).exists():
            created = datetime.fromtimestamp(created.timestamp() + 1, UTC)
            version = f"{adaptation.base_version}+site{adaptation.site_id}-{created:%Y%m%d-%H%M%S}"
        tmp = Path(tempfile.mkdtemp(prefix=".saving-", dir=site_dir))
        try:
            w = adaptation.weights.tocsr()
            buffer = io.BytesIO()
            np.savez_compressed(
                buffer,
                data=w.data.astype(np.float32),
                indices=w.indices.astype(np.int64),
                indptr=w.indptr.astype(np.int64),
                shape=np.array(w.shape, dtype=np.int64),
                scale=adaptation.scale,
                bias=adaptation.bias,
            )
            (tmp / WEIGHTS_FILE).write_bytes(buffer.getvalue())
            meta = {
                "version": version,
                "scheme": ADAPTATION_SCHEME,
                "base_version": adaptation.base_version,
                "site_id": adaptation.site_id,
                "created_at": created.isoformat(timespec="microseconds"),
                "attributes": adaptation.attributes,
                "info": adaptation.info,
            }
            (tmp / METADATA).write_text(
                json.dumps(meta, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8"
            )
            digests = {
                name: _sha256((tmp / name).read_bytes()) for name in (WEIGHTS_FILE, METADATA)
            }
            (tmp / CHECKSUMS).write_text(
                "".join(f"{digests[n]}  {n}\n" for n in sorted(digests)), encoding="utf-8"
            )
            for path in tmp.iterdir():
                path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, site_dir / version)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        adaptation.version = version
        adaptation.created_at = created.isoformat(timespec="microseconds")
        return version

    def load(self, site_id: int, version: str) -> SiteAdaptation:
        """Verify and load a site's adaptation; raise AdaptationIntegrityError on any mismatch."""
        folder = self._dir(site_id, version)
        if not folder.is_dir():
            raise AdaptationIntegrityError(f"no adaptation {version!r} for site {site_id}")
        try:
            sums = (folder / CHECKSUMS).read_text(encoding="utf-8")
        except OSError as exc:
            raise AdaptationIntegrityError(f"{version}: {CHECKSUMS} is missing") from exc
        expected = {}
        for line in sums.splitlines():
            digest, sep, name = line.partition("  ")
            if sep:
                expected[name] = digest
        if set(expected) != {WEIGHTS_FILE, METADATA}:
            raise AdaptationIntegrityError(f"{version}: {CHECKSUMS} lists {sorted(expected)}")
        present = {p.name for p in folder.iterdir()} - {CHECKSUMS}
        if present != set(expected):
            raise AdaptationIntegrityError(f"{version}: files {sorted(present)}")
        blobs = {}
        for name, digest in expected.items():
            blob = (folder / name).read_bytes()
            if _sha256(blob) != digest:
                raise AdaptationIntegrityError(f"{version}: checksum mismatch for {name}")
            blobs[name] = blob
        meta = json.loads(blobs[METADATA])
        if meta.get("version") != version or meta.get("site_id") != site_id:
            raise AdaptationIntegrityError(f"{version}: metadata names another version or site")
        if meta.get("scheme") != ADAPTATION_SCHEME:
            raise AdaptationIntegrityError(
                f"{version}: adaptation scheme {meta.get('scheme')} (running {ADAPTATION_SCHEME})"
            )
        with np.load(io.BytesIO(blobs[WEIGHTS_FILE]), allow_pickle=False) as data:
            weights = sp.csr_matrix(
                (data["data"], data["indices"], data["indptr"]), shape=tuple(data["shape"])
            )
            scale, bias = data["scale"].astype(np.float64), data["bias"].astype(np.float64)
        return SiteAdaptation(
            base_version=meta["base_version"],
            site_id=site_id,
            weights=weights,
            scale=scale,
            bias=bias,
            attributes=list(meta.get("attributes", [])),
            info=meta.get("info", {}),
            version=version,
            created_at=meta.get("created_at", ""),
        )
