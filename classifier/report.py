"""The model card: the figures of :func:`classifier.evaluate.evaluate` as Markdown and PNG plots.

:func:`write_report` evaluates a model and writes ``README.md`` with the figures next to the
project's quality targets, plus ROC, precision-recall, calibration and confusion plots. The
card is read by the people who run the service: it names no internal issue or ticket.
:func:`comparison_figure` draws the retraining gate's bar chart. This is the only module that
plots: matplotlib (Agg backend) is imported when a figure is drawn, never at import, so the
service and the scoring path never load it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from classifier import ATTRIBUTES
from classifier.evaluate import SHORT_CHARS, Scored, evaluate
from classifier.metrics import calibration_bins, precision_recall_points, roc_points
from classifier.model import ModerationModel

__all__ = ["comparison_figure", "write_report"]

log = logging.getLogger(__name__)

DPI = 80

TARGETS_INTRO = (
    "The project's quality targets, measured on comments the model did not train on; "
    "**missed** marks a target not reached yet."
)
SUBMITTED_TARGETS = (
    "Targets for decisions as submitted (an ordinary name and e-mail attached should change "
    "them little, and spam false alarms stay at or under 1%)"
)


def _pyplot() -> Any:
    """matplotlib.pyplot on the Agg backend (files only, no display)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------


def _figures(scored: Scored, results: dict[str, Any], out_dir: Path) -> dict[str, str]:
    plt = _pyplot()
    real = ~scored.madlibs
    shown = [a for a in ATTRIBUTES if a in results["overall"]]
    files: dict[str, str] = {}

    fig, axes = plt.subplots(1, 2, figsize=(10, 4.5))
    for attribute in shown:
        y, p = scored.pair(attribute, real)
        f, t = roc_points(y, p)
        auc = results["overall"][attribute]["auc"]
        axes[0].plot(f, t, label=f"{attribute} ({auc:.3f})", lw=1.2)
        axes[1].plot(f, t, lw=1.2)
    axes[0].plot([0, 1], [0, 1], "k:", lw=0.8)
    axes[0].set(xlabel="false-positive rate", ylabel="true-positive rate", title="ROC")
    axes[0].legend(fontsize=7, loc="lower right")
    axes[1].set(
        xscale="log", xlim=(1e-3, 1), xlabel="false-positive rate (log)", title="ROC, low FPR"
    )
    axes[1].axvline(0.01, color="k", ls=":", lw=0.8)
    files["roc"] = _save(fig, out_dir / "roc.png")

    fig, ax = plt.subplots(figsize=(6, 4.5))
    for attribute in shown:
        y, p = scored.pair(attribute, real)
        rec, prec = precision_recall_points(y, p)
        ap = results["overall"][attribute]["ap"]
        ax.plot(rec, prec, label=f"{attribute} (AP {ap:.3f})", lw=1.2)
    ax.set(xlabel="recall", ylabel="precision", title="Precision-recall", ylim=(0, 1.02))
    ax.legend(fontsize=7, loc="lower left")
    files["pr"] = _save(fig, out_dir / "precision-recall.png")

    fig, ax = plt.subplots(figsize=(6, 4.5))
    ax.plot([0, 1], [0, 1], "k:", lw=0.8)
    for attribute in shown:
        y, p = scored.pair(attribute, real)
        table = [(mean_p, rate) for mean_p, rate, n in calibration_bins(y, p) if n >= 5]
        xs, ys = [m for m, _ in table], [r for _, r in table]
        ax.plot(xs, ys, "o-", ms=3, lw=1.2, label=attribute)
    ax.set(xlabel="mean predicted probability", ylabel="observed positive rate")
    ax.set(title="Calibration (10 bins)", xlim=(0, 1), ylim=(0, 1))
    ax.legend(fontsize=7, loc="upper left")
    files["calibration"] = _save(fig, out_dir / "calibration.png")

    conf = results["confusion"]
    if conf:
        names = list(conf)
        fig, axes = plt.subplots(1, len(names), figsize=(1.9 * len(names), 2.3), squeeze=False)
        for ax, attribute in zip(axes[0], names, strict=True):
            c = conf[attribute]
            grid = np.array([[c["tn"], c["fp"]], [c["fn"], c["tp"]]])
            ax.imshow(grid / max(grid.sum(), 1), cmap="Blues", vmin=0, vmax=1)
            for (i, k), v in np.ndenumerate(grid):
                ax.text(k, i, str(v), ha="center", va="center", fontsize=7)
            ax.set_xticks([0, 1], ["pass", "flag"], fontsize=7)
            ax.set_yticks([0, 1], ["neg", "pos"], fontsize=7)
            ax.set_title(f"{attribute}\n>= {c['threshold']:.2f}", fontsize=8)
        fig.suptitle("At the policy thresholds", fontsize=9)
        files["confusion"] = _save(fig, out_dir / "confusion.png")
    plt.close("all")
    return files


def _save(fig: Any, path: Path, dpi: int = DPI) -> str:
    fig.tight_layout()
    fig.savefig(path, dpi=dpi)
    _pyplot().close(fig)
    return path.name


def comparison_figure(path: Path, roc_auc: Mapping[str, Mapping[str, float]]) -> str:
    """Bars of ROC-AUC per attribute for each model of ``roc_auc`` (model -> attribute -> AUC).

    The retraining gate's report draws the active and the candidate version with it; returns
    the file name.
    """
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(7, 3.5))
    x = np.arange(len(ATTRIBUTES))
    width = 0.8 / max(len(roc_auc), 1)
    for k, (model_name, values) in enumerate(roc_auc.items()):
        offset = (k - (len(roc_auc) - 1) / 2) * width
        heights = [values.get(a, 0.0) for a in ATTRIBUTES]
        axis.bar(x + offset, heights, width=width, label=model_name)
    axis.set_xticks(x, ATTRIBUTES, rotation=30, ha="right")
    axis.set_ylim(0.5, 1.0)
    axis.set_ylabel("ROC-AUC (base test split)")
    axis.legend()
    return _save(figure, path, dpi=100)


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def _f(value: Any, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _ok(passed: bool | None) -> str:
    return "-" if passed is None else ("met" if passed else "**missed**")


def _markdown(results: dict[str, Any], files: dict[str, str]) -> str:
    lines: list[str] = []
    add = lines.append
    add(f"# Model card: `{results['model']}`")
    add("")
    add(
        "Generated by `moderation evaluate` (`classifier/report.py`). Every figure is measured "
        "on comments the model did not train on: the fixed `test` part of "
        "`classifier.corpora.split` (10%, by text hash) of each public corpus, a corpus left out "
        "of training altogether (cross-corpus), or the toxic-spans trial set."
    )
    add("")
    if results["max_per_corpus"]:
        add(f"**Quick run**: at most {results['max_per_corpus']} rows read per corpus file.")
        add("")
    add(
        f"Test comments: {results['test_comments']} (plus {results['madlibs_test_sentences']} "
        "synthetic identity-term sentences, reported under *Identity templates* only)."
    )
    add("")

    _submitted_section(lines, results)
    _languages_section(lines, results)
    _stages_section(lines, results)

    add("## Targets (as submitted)")
    add("")
    add(TARGETS_INTRO)
    add("")
    add("| check | target | measured | |")
    add("|---|---|---|---|")
    cross = results.get("cross_corpus")
    if cross:
        for name, res in cross.items():
            for attribute, m in res.items():
                if m is None or attribute == "submitted":
                    continue
                if attribute == "spam":
                    ok = m["auc"] >= 0.97 and m["recall_at_1pct_fpr"] >= 0.80
                    measured = f"AUC {m['auc']:.3f}, recall@1%FPR {m['recall_at_1pct_fpr']:.3f}"
                    target = "AUC >= 0.97, recall >= 0.80 at 1% FPR"
                else:
                    ok = m["auc"] >= 0.90
                    measured = f"AUC {m['auc']:.3f}"
                    target = "toxicity AUC >= 0.90"
                add(f"| cross-corpus: {name} left out | {target} | {measured} | {_ok(ok)} |")
    else:
        add("| cross-corpus | see below | not run (`--no-cross-corpus`) | - |")
    ident = results["identity"]
    iauc = ident.get("toxicity_auc")
    add(
        f"| identity templates (n={ident.get('n')}) | toxicity AUC >= 0.98 | {_f(iauc)} | "
        f"{_ok(None if iauc is None else iauc >= 0.98)} |"
    )
    for attribute, d in results["obfuscation"].items():
        add(
            f"| obfuscated copies, {attribute} | AUC drop <= 0.02 | {d['auc']:.3f} -> "
            f"{d['auc_obfuscated']:.3f} (drop {d['drop']:.3f}) | {_ok(d['drop'] <= 0.02)} |"
        )
    spans = results.get("spans")
    if spans:
        add(
            f"| toxic spans, tsd_trial (n={spans['n']}) | char F1 >= 0.60 | {spans['f1']:.3f} | "
            f"{_ok(spans['f1'] >= 0.60)} |"
        )
    add("")

    add("## Per attribute (all corpora pooled, test part)")
    add("")
    add("| attribute | n | positives | ROC-AUC | average precision | recall at 1% FPR | ECE |")
    add("|---|---|---|---|---|---|---|")
    for attribute in ATTRIBUTES:
        m = results["overall"].get(attribute)
        if m is None:
            add(f"| {attribute} | - | - | - | - | - | - |")
            continue
        add(
            f"| {attribute} | {m['n']} | {m['positives']} | {m['auc']:.3f} | {m['ap']:.3f} | "
            f"{m['recall_at_1pct_fpr']:.3f} | {m['ece']:.3f} |"
        )
    add("")
    add(
        "ECE: expected calibration error over 10 equal-width bins (mean gap between predicted "
        "probability and observed rate). Pooled figures mix corpora whose notion of a label "
        "differs (e.g. OLID's `OFF` counts any profanity), so per-corpus figures below are the "
        "fairer view of each."
    )
    add("")
    for key, title in (
        ("roc", "ROC curves"),
        ("pr", "Precision-recall curves"),
        ("calibration", "Calibration"),
    ):
        if key in files:
            add(f"![{title}]({files[key]})")
            add("")

    add("## At the policy thresholds")
    add("")
    add(
        "Default `SiteSettings().thresholds` of `moderation/services/policy.py`: a comment is "
        "flagged for an attribute when its probability is at or over the threshold."
    )
    add("")
    add(
        "| attribute | threshold | flagged right | false alarms | missed "
        "| precision | recall | FPR |"
    )
    add("|---|---|---|---|---|---|---|---|")
    for attribute, c in results["confusion"].items():
        add(
            f"| {attribute} | {c['threshold']:.2f} | {c['tp']} | {c['fp']} | {c['fn']} | "
            f"{_f(c['precision'])} | {_f(c['recall'])} | {_f(c['fpr'], 4)} |"
        )
    add("")
    if "confusion" in files:
        add(f"![Confusion at the policy thresholds]({files['confusion']})")
        add("")

    add("## Per corpus (test part): ROC-AUC / recall at 1% FPR")
    add("")
    _table(lines, results["per_corpus"])
    add("## Per slice (test part, all corpora): ROC-AUC / recall at 1% FPR")
    add("")
    sizes = results["slice_sizes"]
    add(
        f"Short: fewer than {SHORT_CHARS} characters. Links: an address in the text or an author "
        "URL. Non-English: the Spanish, Italian and Turkish comments of "
        "jigsaw-multilingual-validation (the only non-English corpus). Sizes: "
        + ", ".join(f"{k} {v}" for k, v in sizes.items())
        + "."
    )
    add("")
    _table(lines, results["slices"])

    add("## Cross-corpus generalisation")
    add("")
    if cross:
        add(
            "For each corpus, a model trained on every other corpus (and training_data/) scores "
            "all of the left-out corpus. Spam corpora are scored for spam, toxicity corpora for "
            "toxicity; conversationai-bias is scored on its identity-term templates; the "
            "toxic-spans corpus has no non-toxic posts and is skipped."
        )
        add("")
        add("| left-out corpus | attribute | n | positives | ROC-AUC | recall at 1% FPR |")
        add("|---|---|---|---|---|---|")
        for name, res in cross.items():
            for attribute, m in res.items():
                if m is None or attribute == "submitted":
                    continue
                add(
                    f"| {name} | {attribute} | {m['n']} | {m['positives']} | {m['auc']:.3f} | "
                    f"{m['recall_at_1pct_fpr']:.3f} |"
                )
    else:
        add("Not run (`--no-cross-corpus`).")
    add("")
    add("## Identity templates and obfuscation")
    add("")
    add(
        f"Identity-term templates (conversationai-bias madlibs, test part, n={ident.get('n')}): "
        f"toxicity ROC-AUC {_f(iauc)}"
        + (
            f"; mean toxicity of non-toxic sentences {ident['mean_toxicity_not_bad']:.3f}, "
            f"of toxic ones {ident['mean_toxicity_bad']:.3f}."
            if "mean_toxicity_not_bad" in ident
            else "."
        )
    )
    add("")
    add(
        "Obfuscation: `classifier.quality.obfuscate` disguises about half the words of each test "
        "comment (homoglyphs, leetspeak, dots or zero-width spaces between letters, full-width "
        "forms, repeated letters); the table above gives the ROC-AUC before and after."
    )
    add("")
    add(f"Report computed in {results['seconds']}s.")
    add("")
    return "\n".join(lines)


def _languages_section(lines: list[str], results: dict[str, Any]) -> None:
    """Toxicity per detected language, and which languages the service scores."""
    from classifier.language import SUPPORTED_LANGUAGES
    from classifier.quality import LANGUAGE_MIN_AUC

    languages = results.get("languages") or {}
    if not languages:
        return
    add = lines.append
    add("## Languages (as submitted)")
    add("")
    add(
        "Toxicity on the test parts, grouped by the language `classifier.language.detect` finds "
        "(as the service would), for every language with enough labelled comments. Figures are "
        "bare → **as submitted**. A language is scored (`classifier.language."
        f"SUPPORTED_LANGUAGES`) only with a figure here of at least {LANGUAGE_MIN_AUC}."
    )
    add("")
    add("| language | comments (toxic) | toxicity ROC-AUC | civil held | abuse held | scored |")
    add("|---|---|---|---|---|---|")
    for language, figures in languages.items():
        bare, sub = figures["bare"], figures["submitted"]
        auc = f"{bare['toxicity']:.3f} → **{sub['toxicity']:.3f}**"
        shares = [
            f"{_pct(bare['decisions'][key])} → **{_pct(sub['decisions'][key])}**"
            for key in ("civil_held", "abuse_held")
        ]
        scored = "yes" if language in SUPPORTED_LANGUAGES else "no"
        add(
            f"| {language} | {figures['n']} ({figures['toxic']}) | {auc} | "
            + " | ".join(shares)
            + f" | {scored} |"
        )
    add("")
    missing = [
        language
        for language in SUPPORTED_LANGUAGES
        if languages.get(language, {}).get("submitted", {}).get("toxicity", 0) < LANGUAGE_MIN_AUC
    ]
    verdict = "met" if not missing else f"**missed** for {', '.join(missing)}"
    add(f"Every scored language at toxicity ROC-AUC >= {LANGUAGE_MIN_AUC} as submitted: {verdict}.")
    add("")


def _stages_section(lines: list[str], results: dict[str, Any]) -> None:
    stages = results.get("stages") or {}
    if not stages:
        return
    add = lines.append
    add("## The two stages and their blend (as submitted)")
    add("")
    add(
        "ROC-AUC of each toxicity attribute on each test part that labels it: the linear stage "
        "alone (`MODERATION_ENCODER_MODE=off`), the language-model stage alone (it reads only "
        "the text), and the blend the service uses. The left-out figures further down are the "
        "linear stage's: the language-model stage is not fine-tuned again per left-out corpus "
        "there (see docs/models.md)."
    )
    add("")
    add("| test part | attribute | linear | language model | blend |")
    add("|---|---|---|---|---|")
    for name, per in stages.items():
        for attribute, m in per.items():
            best = max(m.values())
            cells = [f"**{m[k]:.3f}**" if m[k] == best else f"{m[k]:.3f}" for k in m]
            add(f"| {name} | {attribute} | " + " | ".join(cells) + " |")
    add("")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _submitted_rows(
    lines: list[str], label: str, figures: dict[str, Any], checks: list[tuple[str, bool]]
) -> None:
    """One table row per corpus: decision shares and AUC, bare -> as submitted."""
    bare, sub = figures["bare"], figures["submitted"]
    cells = []
    for key in ("spam_false_alarm", "spam_caught", "civil_held", "abuse_held"):
        b, a = bare["decisions"][key], sub["decisions"][key]
        cells.append("-" if b is None else f"{_pct(b)} → **{_pct(a)}**")
    aucs = [
        f"{attribute} {bare[attribute]:.3f} → **{sub[attribute]:.3f}**"
        for attribute in ATTRIBUTES
        if attribute in bare and attribute in sub and attribute in ("spam", "toxicity")
    ]
    lines.append(f"| {label} | " + " | ".join(cells) + f" | {', '.join(aucs) or '-'} |")
    b, a = bare["decisions"], sub["decisions"]
    if b["spam_false_alarm"] is not None:
        gap = abs(a["spam_false_alarm"] - b["spam_false_alarm"])
        checks.append((f"{label}: spam false alarms, submitted - bare <= 0.5 pt", gap <= 0.005))
        checks.append(
            (f"{label}: spam false alarms as submitted <= 1%", a["spam_false_alarm"] <= 0.01)
        )
    if b["abuse_held"] is not None:
        gap = abs(a["abuse_held"] - b["abuse_held"])
        checks.append((f"{label}: abuse held, submitted - bare <= 2 pt", gap <= 0.02))


def _submitted_section(lines: list[str], results: dict[str, Any]) -> None:
    """The card's lead: what the policy does to comments bare and as a form submits them."""
    add = lines.append
    t = results["thresholds"]
    add("## As submitted, at the policy's thresholds")
    add("")
    add(
        "Every comment form sends a name and an e-mail, so the service sees comments **as "
        "submitted**: here each test text is scored bare and again with an ordinary identity "
        "attached (`classifier.identities.as_submitted`, drawn from the text, independent of "
        "the label). Decisions at the default policy "
        f"(spam >= {t.get('spam')} rejects; any toxicity attribute at or over its threshold "
        "holds): *spam false alarms* = not-spam rejected as spam, *spam caught* = spam "
        "rejected, *civil held* = civil comments held or rejected, *abuse held* = toxic "
        "comments held or rejected. Figures are bare → **as submitted**; the rest of this "
        "card is as submitted."
    )
    add("")
    head = (
        "| {} | spam false alarms | spam caught | civil held | abuse held | ROC-AUC |\n"
        "|---|---|---|---|---|---|"
    )
    checks: list[tuple[str, bool]] = []
    add(head.format("test part of"))
    for name, figures in results["submitted"].items():
        if figures["bare"]["decisions"]["n"]:
            _submitted_rows(lines, name, figures, checks)
    add("")
    cross = results.get("cross_corpus") or {}
    if any("submitted" in res for res in cross.values()):
        add(head.format("left out of training"))
        for name, res in cross.items():
            if "submitted" in res:
                _submitted_rows(lines, f"{name} (left out)", res["submitted"], checks)
        add("")
    if checks:
        passed = sum(ok for _, ok in checks)
        add(f"{SUBMITTED_TARGETS}: {passed} of {len(checks)} met.")
        add("")
        add("| check | |")
        add("|---|---|")
        for label, ok in checks:
            add(f"| {label} | {_ok(ok)} |")
        add("")


def _table(lines: list[str], rows: dict[str, dict[str, dict[str, float]]]) -> None:
    lines.append("| | " + " | ".join(ATTRIBUTES) + " |")
    lines.append("|---" * (len(ATTRIBUTES) + 1) + "|")
    for name, res in rows.items():
        cells = []
        for attribute in ATTRIBUTES:
            m = res.get(attribute)
            cells.append("-" if m is None else f"{m['auc']:.3f} / {m['recall_at_1pct_fpr']:.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")


def write_report(
    model: ModerationModel,
    corpora_dir: Path,
    out_dir: Path,
    *,
    thresholds: Mapping[str, float],
    cross_corpus: bool = True,
    cross_corpora: Sequence[str] | None = None,
    max_per_corpus: int | None = None,
    training_data_dir: Path | None = None,
    progress: bool = False,
) -> Path:
    """Evaluate ``model`` and write ``out_dir/README.md`` plus PNG figures; returns the path.

    ``thresholds`` are the policy thresholds per attribute (the service passes
    ``SiteSettings().thresholds``). ``cross_corpus`` retrains once per left-out corpus
    (``cross_corpora``, every corpus by default; about a minute each on the full corpora).
    ``max_per_corpus`` reads at most that many rows per corpus file, for quick runs.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results, scored = evaluate(
        model,
        corpora_dir,
        thresholds=thresholds,
        cross_corpus=cross_corpus,
        cross_corpora=cross_corpora,
        max_per_corpus=max_per_corpus,
        training_data_dir=training_data_dir,
        progress=progress,
    )
    files = _figures(scored, results, out_dir)
    path = out_dir / "README.md"
    path.write_text(_markdown(results, files), encoding="utf-8")
    log.info("wrote %s", path)
    if progress:
        print(f"wrote {path}", flush=True)
    return path
