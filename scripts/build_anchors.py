"""Write classifier/anchors.jsonl: the fixed anchor set of per-site adaptation.

From the project's own labelled examples (training_data/*.jsonl) and the behavioural cases of
tests/classifier/behaviour/test_behaviour.py, never the public corpora. Every example goes to
one part by a hash of its text: ``background`` (the rows an adaptation is pulled towards the
base on) or ``gate`` (the rows the per-site gate bounds regressions on); the behavioural cases
all go to ``gate``. Deterministic: run again, same file.

    .venv/bin/python scripts/build_anchors.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classifier import TOXICITY_ATTRIBUTES  # noqa: E402
from classifier.train import load_training_data  # noqa: E402
from tests.classifier.behaviour import test_behaviour as cases  # noqa: E402

#: Of every 100 buckets of the text hash: this many to background, this many to gate.
BACKGROUND, GATE = 40, 30


def bucket(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 100


def main() -> None:
    rows = []
    for e in load_training_data(ROOT / "training_data"):
        b = bucket(e.text)
        part = "background" if b < BACKGROUND else "gate" if b < BACKGROUND + GATE else None
        if part is None:
            continue
        row = {"part": part, "text": e.text, "labels": e.labels, "source": e.source}
        for name in ("author_name", "author_email", "author_url"):
            if getattr(e, name):
                row[name] = getattr(e, name)
        rows.append(row)
    civil = dict.fromkeys(TOXICITY_ATTRIBUTES, 0) | {"spam": 0}
    behaviour = [(t, {"spam": 1}) for t in cases.OBVIOUS_SPAM]
    behaviour += [(t, {"toxicity": 1, "spam": 0}) for t in cases.ABUSE_AS_SUBMITTED]
    behaviour += [(t, civil) for t in [*cases.CIVIL_AS_SUBMITTED, *cases.HARD_NEWS_CIVIL]]
    behaviour += [
        (template.format(term), civil)
        for template in cases.NEUTRAL_TEMPLATES
        for term in cases.IDENTITIES
    ]
    seen = set()
    for text, labels in behaviour:
        if text not in seen:
            seen.add(text)
            rows.append({"part": "gate", "text": text, "labels": labels, "source": "behaviour"})
    out = ROOT / "classifier" / "anchors.jsonl"
    out.write_text(
        "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows),
        encoding="utf-8",
    )
    parts = {p: sum(1 for r in rows if r["part"] == p) for p in ("background", "gate")}
    print(f"wrote {out}: {parts}")


if __name__ == "__main__":
    main()
