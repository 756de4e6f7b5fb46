"""Linear attribute heads with calibrated probabilities, one per attribute, on shared features.

:class:`CalibratedLinearHeads` fits, for each attribute, ``folds`` L2-regularised logistic
regressions (SGD) on the rows whose label for that attribute is known, each on all folds but
one; their average is the head, and a Platt calibration (a one-feature logistic regression)
is fitted on the out-of-fold scores, so probabilities are honest rather than optimistic. The
fitted state is one dense ``coef_`` matrix (features x attributes) and per-attribute intercept
and calibration parameters, which makes scoring one sparse-dense matrix product and a sigmoid.
Folds and attributes are fitted in threads (the SGD inner loop releases the GIL).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from joblib import Parallel, delayed
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.model_selection import StratifiedKFold

__all__ = ["CalibratedLinearHeads"]


def _sigmoid(z: NDArray[np.floating[Any]]) -> NDArray[np.float64]:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


class CalibratedLinearHeads(ClassifierMixin, BaseEstimator):
    """One calibrated linear logistic head per attribute over a shared feature matrix.

    ``fit(X, Y, sample_weight)`` takes ``Y`` of shape (n_samples, n_attributes) with 1, 0 or -1
    (unknown), and weights of shape (n_samples,) or (n_samples, n_attributes); rows with an
    unknown label or a zero weight do not train that attribute. ``predict_proba(X)`` returns
    an (n_samples, n_attributes) matrix of calibrated probabilities; ``decision_function(X)``
    the raw linear scores.

    ``alpha`` is the L2 strength (a float for all heads, or a dict by attribute), ``epochs``
    the SGD passes, ``folds`` the number of fold models averaged and used for calibration.
    ``ignore_columns`` lists half-open column ranges these heads must not use (their
    coefficients stay zero).
    """

    def __init__(
        self,
        attributes: Sequence[str] = (),
        alpha: float | dict[str, float] = 1e-5,
        epochs: int = 12,
        folds: int = 3,
        n_jobs: int = 2,
        ignore_columns: Sequence[tuple[int, int]] = (),
        random_state: int = 0,
    ) -> None:
        self.attributes = attributes
        self.alpha = alpha
        self.epochs = epochs
        self.folds = folds
        self.n_jobs = n_jobs
        self.ignore_columns = ignore_columns
        self.random_state = random_state

    def _alpha_for(self, attribute: str) -> float:
        if isinstance(self.alpha, dict):
            return float(self.alpha.get(attribute, 1e-5))
        return float(self.alpha)

    def _fit_one(
        self, attribute: str, X: sp.csr_matrix, y: NDArray[np.int64], w: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], float]:
        model = SGDClassifier(
            loss="log_loss",
            alpha=self._alpha_for(attribute),
            max_iter=self.epochs,
            tol=None,
            random_state=self.random_state,
        )
        model.fit(X, y, sample_weight=w)
        return model.coef_[0], float(model.intercept_[0])

    def fit(
        self,
        X: sp.csr_matrix,
        Y: NDArray[np.integer[Any]],
        sample_weight: NDArray[np.floating[Any]] | None = None,
    ) -> CalibratedLinearHeads:
        """Fit every head's fold models, average them, calibrate on out-of-fold scores."""
        X = sp.csr_matrix(X)
        if self.ignore_columns:
            X = X.copy()
            for lo, hi in self.ignore_columns:
                X.data[(X.indices >= lo) & (X.indices < hi)] = 0.0
            X.eliminate_zeros()
        Y = np.asarray(Y)
        if Y.ndim == 1:
            Y = Y[:, None]
        n, k = Y.shape
        if k != len(self.attributes):
            raise ValueError(f"Y has {k} columns for {len(self.attributes)} attributes")
        if sample_weight is None:
            w_all = np.ones((n, k))
        else:
            w_all = np.asarray(sample_weight, dtype=float)
            if w_all.ndim == 1:
                w_all = np.repeat(w_all[:, None], k, axis=1)
        if w_all.shape != (n, k):
            raise ValueError(
                f"sample_weight has shape {w_all.shape}, expected ({n},) or ({n}, {k})"
            )
        coef = np.zeros((X.shape[1], k), dtype=np.float32)
        intercept = np.zeros(k, dtype=np.float64)
        cal = np.zeros((k, 2), dtype=np.float64)
        n_pos = np.zeros(k, dtype=np.int64)
        n_neg = np.zeros(k, dtype=np.int64)

        # Plan every (attribute, fold) fit, then run them all in a thread pool.
        tasks = []
        plans: dict[
            int,
            tuple[
                NDArray[np.int64], NDArray[np.int64], NDArray[np.float64], list[NDArray[np.int64]]
            ],
        ] = {}
        for j, attribute in enumerate(self.attributes):
            rows = np.flatnonzero((Y[:, j] >= 0) & (w_all[:, j] > 0))
            y = Y[rows, j].astype(np.int64)
            w = w_all[rows, j]
            n_pos[j] = int(y.sum())
            n_neg[j] = len(y) - n_pos[j]
            if n_pos[j] == 0 or n_neg[j] == 0:
                # Nothing to learn: a constant at the (weighted) base rate.
                rate = float(np.average(y, weights=w)) if len(y) else 0.0
                rate = min(max(rate, 1e-4), 1 - 1e-4)
                cal[j] = (0.0, float(np.log(rate / (1 - rate))))
                continue
            folds = max(2, min(self.folds, int(n_pos[j]), int(n_neg[j])))
            skf = StratifiedKFold(folds, shuffle=True, random_state=self.random_state)
            test_parts = [te for _, te in skf.split(np.zeros(len(y)), y)]
            plans[j] = (rows, y, w, test_parts)
            for f, te in enumerate(test_parts):
                train_mask = np.ones(len(y), dtype=bool)
                train_mask[te] = False
                tasks.append((j, f, attribute, rows[train_mask], y[train_mask], w[train_mask]))

        fitted = Parallel(n_jobs=self.n_jobs, prefer="threads")(
            delayed(self._fit_one)(attribute, X[r], yy, ww) for _, _, attribute, r, yy, ww in tasks
        )
        by_attr: dict[int, list[tuple[int, NDArray[np.float64], float]]] = {}
        for (j, f, *_), (c, b) in zip(tasks, fitted, strict=True):
            by_attr.setdefault(j, []).append((f, c, b))

        for j, (rows, y, w, test_parts) in plans.items():
            oof = np.zeros(len(y))
            Xj = X[rows]
            for f, c, b in by_attr[j]:
                te = test_parts[f]
                oof[te] = Xj[te] @ c + b
            coef[:, j] = np.mean([c for _, c, _ in by_attr[j]], axis=0).astype(np.float32)
            intercept[j] = float(np.mean([b for _, _, b in by_attr[j]]))
            platt = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
            platt.fit(oof[:, None], y, sample_weight=w / w.mean())
            cal[j] = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
        self.coef_ = coef
        self.intercept_ = intercept
        self.calibration_ = cal
        self.n_positive_ = n_pos
        self.n_negative_ = n_neg
        self.n_features_in_ = X.shape[1]
        self.classes_ = np.array([0, 1])
        return self

    def decision_function(self, X: sp.spmatrix) -> NDArray[np.float64]:
        """Raw linear scores, shape (n_samples, n_attributes)."""
        z = np.asarray(X @ self.coef_, dtype=np.float64)
        return z + self.intercept_

    def calibrate(self, z: NDArray[np.floating[Any]]) -> NDArray[np.float64]:
        """Map raw scores to calibrated probabilities."""
        return _sigmoid(z * self.calibration_[:, 0] + self.calibration_[:, 1])

    def predict_proba(self, X: sp.spmatrix) -> NDArray[np.float64]:
        """Calibrated probabilities, shape (n_samples, n_attributes)."""
        return self.calibrate(self.decision_function(X))

    def predict(self, X: sp.spmatrix) -> NDArray[np.int64]:
        """1 where the calibrated probability is at least 0.5."""
        return (self.predict_proba(X) >= 0.5).astype(np.int64)
