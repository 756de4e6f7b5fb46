"""Loaders for the public labelled corpora, their mapping onto ATTRIBUTES, and a fixed split.

Every loader reads one corpus folder under ``corpora_dir`` (the service passes
``MODERATION_CORPORA_DIR``) and returns :class:`~classifier.types.LabelledExample` records whose
``labels`` hold only the attributes that corpus says something about (see
``training_data/README.md`` for the mapping and the reasons behind each weight), whose ``source``
names the corpus (and part), and whose ``weight`` is the per-source weight of
:data:`SOURCE_WEIGHTS`. Nothing is copied out of the corpora folder.

:func:`split` is the one deterministic train/dev/test split used by training, evaluation
reports and benchmarks.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import tarfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from classifier import TOXICITY_ATTRIBUTES
from classifier.normalize import normalize
from classifier.types import LabelledExample

__all__ = [
    "CORPORA",
    "SOURCE_ATTRIBUTE_WEIGHTS",
    "SOURCE_WEIGHTS",
    "SPAM_CORPORA",
    "TOXICITY_CORPORA",
    "SpanExample",
    "load_all",
    "load_corpus",
    "load_toxic_spans",
    "split",
    "split_part",
]

SPAM_CORPORA: tuple[str, ...] = (
    "sms-spam-collection-v1",
    "youtube-spam-collection-v1",
    "instagram-scam-comments",
)
TOXICITY_CORPORA: tuple[str, ...] = (
    "jigsaw-toxic-comment-2018-sample",
    "jigsaw-multilingual-validation",
    "davidson-hate-speech-offensive",
    "olid-offenseval2019",
    "semeval2021-toxic-spans",
    "stormfront-hate-speech-degibert2018",
    "conversationai-bias",
)
CORPORA: tuple[str, ...] = SPAM_CORPORA + TOXICITY_CORPORA

#: Weight of every example from a source (``LabelledExample.source``), before attribute weights.
SOURCE_WEIGHTS: dict[str, float] = {
    "sms-spam-collection-v1": 0.5,  # SMS, not web comments
    "youtube-spam-collection-v1": 1.0,
    "instagram-scam-comments": 1.0,
    "jigsaw-toxic-comment-2018-sample": 1.0,
    "jigsaw-multilingual-validation": 1.0,
    "davidson-hate-speech-offensive": 0.3,  # "offensive" over-labels dialect (Davidson et al. 2019)
    "olid-offenseval2019": 0.6,  # OFF counts any profanity; TIN/UNT are approximate
    "semeval2021-toxic-spans/train": 1.0,
    "semeval2021-toxic-spans/acl2022": 1.0,
    "stormfront-hate-speech-degibert2018": 0.6,  # sentences cut out of extremist-forum posts
    "conversationai-bias/wikipedia": 1.0,
    "conversationai-bias/madlibs": 0.3,  # synthetic: keeps identity terms neutral, not a sample
}


def _kinds_at_full_weight(source_weight: float) -> dict[str, float]:
    """Multipliers that give the kinds of toxicity (not toxicity itself) weight 1 again.

    The source weights damp what a corpus says about *toxicity* (Davidson's "offensive"
    over-labels dialect, OLID's OFF counts any profanity, Stormfront's sentences are cut out
    of posts). Their hate, targeted-insult and profanity labels are few and specific, and
    the sub-attribute heads, which have no other source of them, need them whole: at the
    damped weights identity_attack, insult and profanity lagged a TF-IDF + logistic
    regression baseline on these corpora's test parts.
    """
    return {a: 1.0 / source_weight for a in TOXICITY_ATTRIBUTES if a != "toxicity"}


#: Per-source multipliers for single attributes (missing means 1.0). The toxic-spans posts are
#: all toxic news comments with no non-toxic news comments beside them: at full weight their
#: ``toxicity`` label teaches that news topics (war, terrorism, crime) are toxic, so it is
#: damped to 0.1 (chosen on held-out AUC and civil-news false positives); their sub-type
#: labels (which toxic posts insult, threaten, ...) keep full weight. Spam corpora say nothing
#: reliable about toxicity and toxicity corpora nothing about spam, so those cross labels are
#: assumptions ("ham is civil", "talk-page comments are not spam") and weigh less (the spam
#: weights of the toxicity corpora were cut twice after leave-one-corpus-out checks, to 0.3 of
#: the halved value the second time: so many easy negatives made the spam head lean on "not
#: like a tweet" rather than on spam, and tweets' t.co links taught it that links are normal).
SOURCE_ATTRIBUTE_WEIGHTS: dict[str, dict[str, float]] = {
    "semeval2021-toxic-spans/train": {"toxicity": 0.1, "spam": 0.045},
    "semeval2021-toxic-spans/acl2022": {"toxicity": 0.1, "spam": 0.045},
    "sms-spam-collection-v1": dict.fromkeys(TOXICITY_ATTRIBUTES, 0.3),
    "youtube-spam-collection-v1": dict.fromkeys(TOXICITY_ATTRIBUTES, 0.3),
    "instagram-scam-comments": dict.fromkeys(TOXICITY_ATTRIBUTES, 0.3),
    "jigsaw-toxic-comment-2018-sample": {"spam": 0.075},
    "jigsaw-multilingual-validation": {"spam": 0.045},
    "davidson-hate-speech-offensive": {"spam": 0.075, **_kinds_at_full_weight(0.3)},
    "olid-offenseval2019": {"spam": 0.075, **_kinds_at_full_weight(0.6)},
    "stormfront-hate-speech-degibert2018": {"spam": 0.045, **_kinds_at_full_weight(0.6)},
    "conversationai-bias/wikipedia": {"spam": 0.075},
    "conversationai-bias/madlibs": {"spam": 0.0},
    # The project's own civil news comments are the only non-toxic examples from the domain
    # the toxic-spans posts come from; they weigh more so that topic words stay neutral.
    "training_data/ham_examples": dict.fromkeys(TOXICITY_ATTRIBUTES, 3.0),
}

_ALL_CLEAN = dict.fromkeys(TOXICITY_ATTRIBUTES, 0)


def _clean(**extra: int) -> dict[str, int]:
    """Labels of a non-toxic example: every toxicity attribute 0, plus ``extra``."""
    labels = dict(_ALL_CLEAN)
    labels.update(extra)
    return labels


def _example(
    text: str, labels: dict[str, int], source: str, author_name: str = ""
) -> LabelledExample:
    return LabelledExample(
        text=text,
        labels=labels,
        author_name=author_name,
        weight=SOURCE_WEIGHTS.get(source, 1.0),
        source=source,
    )


def _rows(
    path: Path, *, delimiter: str = ",", limit: int | None = None
) -> Iterator[dict[str, str]]:
    """Rows of a CSV/TSV file with a header, as dicts (at most ``limit``)."""
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh, delimiter=delimiter)):
            if limit is not None and i >= limit:
                return
            yield row


# --------------------------------------------------------------------------------------------
# Spam corpora
# --------------------------------------------------------------------------------------------


def _load_sms(root: Path, limit: int | None) -> list[LabelledExample]:
    out = []
    src = "sms-spam-collection-v1"
    with (root / src / "SMSSpamCollection").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            label, _, text = line.rstrip("\n").partition("\t")
            is_spam = int(label == "spam")
            labels = {"spam": 1} if is_spam else _clean(spam=0)
            out.append(_example(text, labels, src))
    return out


def _load_youtube(root: Path, limit: int | None) -> list[LabelledExample]:
    src = "youtube-spam-collection-v1"
    files = sorted((root / src).glob("Youtube*.csv"))
    per_file = None if limit is None else max(1, limit // max(len(files), 1))
    out = []
    for path in files:
        for row in _rows(path, limit=per_file):
            text = row["CONTENT"].replace("\ufeff", "").strip()
            labels = {"spam": 1} if row["CLASS"] == "1" else _clean(spam=0)
            out.append(_example(text, labels, src, author_name=row["AUTHOR"]))
    return out


def _load_instagram(root: Path, limit: int | None) -> list[LabelledExample]:
    # The "plus reported" file contains the smaller one; use it alone.
    src = "instagram-scam-comments"
    out = []
    for row in _rows(root / src / "comments-rated-plus-reported.csv", limit=limit):
        labels = {"spam": 1} if row["scam"] == "1" else _clean(spam=0)
        out.append(_example(row["msg"], labels, src))
    return out


# --------------------------------------------------------------------------------------------
# Toxicity corpora
# --------------------------------------------------------------------------------------------


def _load_jigsaw(root: Path, limit: int | None) -> list[LabelledExample]:
    src = "jigsaw-toxic-comment-2018-sample"
    mapping = {
        "toxic": "toxicity",
        "severe_toxic": "severe_toxicity",
        "obscene": "profanity",
        "threat": "threat",
        "insult": "insult",
        "identity_hate": "identity_attack",
    }
    out = []
    for row in _rows(root / src / "train_head2886.csv", limit=limit):
        labels = {attr: int(row[col]) for col, attr in mapping.items()}
        labels["spam"] = 0
        out.append(_example(row["comment_text"], labels, src))
    return out


def _load_multilingual(root: Path, limit: int | None) -> list[LabelledExample]:
    src = "jigsaw-multilingual-validation"
    out = []
    for row in _rows(root / src / "validation.csv", limit=limit):
        labels = {"toxicity": 1, "spam": 0} if row["toxic"] == "1" else _clean(spam=0)
        out.append(_example(row["comment_text"], labels, src))
    return out


def _load_davidson(root: Path, limit: int | None) -> list[LabelledExample]:
    src = "davidson-hate-speech-offensive"
    out = []
    for row in _rows(root / src / "labeled_data.csv", limit=limit):
        cls = row["class"]
        if cls == "0":
            labels = {"toxicity": 1, "identity_attack": 1, "spam": 0}
        elif cls == "1":
            labels = {"toxicity": 1, "spam": 0}
        else:
            labels = _clean(spam=0)
        out.append(_example(row["tweet"], labels, src))
    return out


def _load_olid(root: Path, limit: int | None) -> list[LabelledExample]:
    src = "olid-offenseval2019"
    out = []
    for row in _rows(root / src / "olid-training-v1.0.tsv", delimiter="\t", limit=limit):
        if row["subtask_a"] == "OFF":
            labels = {"toxicity": 1, "spam": 0}
            if row["subtask_b"] == "TIN":
                labels["insult"] = 1
            elif row["subtask_b"] == "UNT":
                labels["profanity"] = 1
                labels["insult"] = 0
        else:
            labels = _clean(spam=0)
        out.append(_example(row["tweet"], labels, src))
    return out


def _load_stormfront(root: Path, limit: int | None) -> list[LabelledExample]:
    src = "stormfront-hate-speech-degibert2018"
    folder = root / src
    wanted: dict[str, str] = {}
    for row in _rows(folder / "annotations_metadata.csv", limit=limit):
        if row["label"] in ("hate", "noHate"):  # "relation" and "idk/skip" need context
            wanted[row["file_id"]] = row["label"]
    texts: dict[str, str] = {}
    with tarfile.open(folder / "stormfront_sentence_files.tar.gz", "r:gz") as tar:
        for member in tar:
            name = member.name
            if not name.startswith("all_files/") or not name.endswith(".txt"):
                continue
            file_id = name[len("all_files/") : -len(".txt")]
            if file_id not in wanted:
                continue
            fh = tar.extractfile(member)
            if fh is not None:
                texts[file_id] = fh.read().decode("utf-8").strip()
    out = []
    for file_id, label in wanted.items():
        if file_id not in texts:
            continue
        if label == "hate":
            labels = {"toxicity": 1, "identity_attack": 1, "spam": 0}
        else:
            labels = _clean(spam=0)
        out.append(_example(texts[file_id], labels, src))
    return out


def _load_bias(root: Path, limit: int | None) -> list[LabelledExample]:
    folder = root / "conversationai-bias"
    out = []
    src = "conversationai-bias/wikipedia"
    for row in _rows(folder / "toxicity_debiasing_data.tsv", delimiter="\t", limit=limit):
        out.append(_example(row["comment"], _clean(spam=0), src))
    src = "conversationai-bias/madlibs"
    for row in _rows(folder / "bias_madlibs_77k.csv", limit=limit):
        labels = {"toxicity": 1} if row["Label"] == "BAD" else _clean()
        out.append(_example(row["Text"], labels, src))
    return out


@dataclass(frozen=True)
class SpanExample:
    """A toxic-spans post: its text and the sorted offsets of its toxic characters."""

    text: str
    toxic_chars: tuple[int, ...]


_SPAN_TYPES = {
    "Insult": "insult",
    "Insu": "insult",
    "Profane/Obscene": "profanity",
    "Identity based Attack": "identity_attack",
    "Identity based ": "identity_attack",
    "Threat": "threat",
}


def load_toxic_spans(corpora_dir: Path, part: str = "trial") -> list[SpanExample]:
    """The SemEval-2021 toxic-spans ``part`` ("train" or "trial"), for span evaluation."""
    path = Path(corpora_dir) / "semeval2021-toxic-spans" / f"tsd_{part}.csv"
    out = []
    for row in _rows(path):
        chars = tuple(sorted(int(c) for c in ast.literal_eval(row["spans"])))
        out.append(SpanExample(row["text"], chars))
    return out


def _load_toxic_spans_corpus(root: Path, limit: int | None) -> list[LabelledExample]:
    """All toxic-spans posts except the trial part, labelled by their annotators' span types.

    Every post is toxic. An attribute (insult, profanity, identity_attack, threat) is 1 when at
    least two annotators marked a span of that type, 0 when none did, unknown when one did.
    ``tsd_trial`` texts are left out: they are the held-out set for span F1.
    """
    folder = root / "semeval2021-toxic-spans"
    raw = folder / "acl2022-raw-annotations"
    trial = {row["text"] for row in _rows(folder / "tsd_trial.csv")}
    train = {row["text"] for row in _rows(folder / "tsd_train.csv")}
    annotators: dict[str, set[str]] = defaultdict(set)
    ann_comment: dict[str, str] = {}
    for row in _rows(raw / "annotations.csv"):
        annotators[row["comment_id"]].add(row["worker"])
        ann_comment[row["annotation"]] = row["comment_id"]
    typed: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _rows(raw / "spans.csv"):
        attr = _SPAN_TYPES.get(row["type"])
        cid = ann_comment.get(row["annotation"])
        if attr is not None and cid is not None:
            typed[(cid, attr)].add(row["annotation"])
    out = []
    for row in _rows(raw / "comments.csv", limit=limit):
        text = row["comment_text"]
        if text in trial:
            continue
        cid = row["comment_id"]
        labels = {"toxicity": 1, "spam": 0}
        if annotators.get(cid):
            for attr in ("insult", "profanity", "identity_attack", "threat"):
                votes = len(typed.get((cid, attr), ()))
                if votes >= 2:
                    labels[attr] = 1
                elif votes == 0:
                    labels[attr] = 0
        src = (
            "semeval2021-toxic-spans/train" if text in train else "semeval2021-toxic-spans/acl2022"
        )
        out.append(_example(text, labels, src))
    return out


_LOADERS = {
    "sms-spam-collection-v1": _load_sms,
    "youtube-spam-collection-v1": _load_youtube,
    "instagram-scam-comments": _load_instagram,
    "jigsaw-toxic-comment-2018-sample": _load_jigsaw,
    "jigsaw-multilingual-validation": _load_multilingual,
    "davidson-hate-speech-offensive": _load_davidson,
    "olid-offenseval2019": _load_olid,
    "semeval2021-toxic-spans": _load_toxic_spans_corpus,
    "stormfront-hate-speech-degibert2018": _load_stormfront,
    "conversationai-bias": _load_bias,
}


def load_corpus(
    name: str, corpora_dir: Path, *, max_rows: int | None = None
) -> list[LabelledExample]:
    """Load corpus ``name`` from ``corpora_dir`` with the attribute mapping applied.

    ``max_rows`` limits the rows read from each file of the corpus (for quick tests). Empty
    texts are dropped. Raises ``KeyError`` for an unknown name and ``FileNotFoundError`` when
    the folder is missing.
    """
    loader = _LOADERS[name]
    root = Path(corpora_dir)
    if not (root / name).is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root / name}")
    return [ex for ex in loader(root, max_rows) if ex.text.strip()]


def load_all(
    corpora_dir: Path, *, names: Iterable[str] = CORPORA, max_per_corpus: int | None = None
) -> list[LabelledExample]:
    """All records of the named corpora (every corpus by default)."""
    out: list[LabelledExample] = []
    for name in names:
        out.extend(load_corpus(name, corpora_dir, max_rows=max_per_corpus))
    return out


# --------------------------------------------------------------------------------------------
# The split
# --------------------------------------------------------------------------------------------

SPLIT_PARTS: tuple[str, ...] = ("train", "dev", "test")


def split_part(text: str, *, seed: int = 0, fractions: tuple[float, float] = (0.8, 0.1)) -> str:
    """The part ("train", "dev" or "test") of one text; see :func:`split`."""
    key = normalize(text).text.strip()
    digest = hashlib.sha256(f"{seed}\x00{key}".encode()).digest()
    u = int.from_bytes(digest[:8], "big") / 2**64
    if u < fractions[0]:
        return "train"
    if u < fractions[0] + fractions[1]:
        return "dev"
    return "test"


def split(
    records: Sequence[LabelledExample],
    *,
    seed: int = 0,
    fractions: tuple[float, float] = (0.8, 0.1),
) -> dict[str, list[LabelledExample]]:
    """Deterministic train/dev/test split of ``records`` (80/10/10 by default).

    A record's part depends only on its normalised text and ``seed`` (a SHA-256 of both, read
    as a number in [0, 1) and cut at ``fractions``), never on the order, the other records or
    the corpus it came from. So duplicates and near-duplicates that normalise alike always land
    in the same part, a corpus can be re-read or subsampled without moving anything between
    parts, and the shipped model (trained on ``train`` with ``seed=0``) never saw the ``dev``
    and ``test`` parts that evaluation reports and benchmarks use.
    """
    parts: dict[str, list[LabelledExample]] = {p: [] for p in SPLIT_PARTS}
    for rec in records:
        parts[split_part(rec.text, seed=seed, fractions=fractions)].append(rec)
    return parts


def with_weight(record: LabelledExample, factor: float) -> LabelledExample:
    """A copy of ``record`` with its weight multiplied by ``factor``."""
    return replace(record, weight=record.weight * factor)
