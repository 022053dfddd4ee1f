"""Collect the benchmarks' outputs into bench/results.json and regenerate the README's table.

    python -m bench.report          (after bench.alignment and bench.speed wrote bench/out/)

The table between the README's ``<!-- bench:begin -->`` and ``<!-- bench:end -->`` markers is
written from results.json only: nobody edits those lines by hand.
"""
from __future__ import annotations

import datetime
import json
import os
import sys
from pathlib import Path

from bench import commit

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results.json"
README = ROOT / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def collect() -> dict:
    results = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    for name in ("alignment", "speed", "drift", "names", "quotes", "batch", "shortened", "omission", "negation", "detector",
                 "shortened-detector"):
        path = OUT / f"{name}.json"
        if path.is_file():
            results[name] = json.loads(path.read_text())
    for finding in [f for name in ("drift", "names", "quotes") for f in results.get(name, {}).get("false_findings", [])]:
        for side in ("source", "target"):  # offsets only: NTREX text is never copied here
            if finding.get(side):
                finding[side].pop("text", None)
    for direction in results.get("negation", {}).get("per_direction", {}).values():
        direction.pop("faithful_gains", None), direction.pop("planted_gains", None)  # bench/out keeps them
    for finding in results.get("quotes", {}).get("false_findings", []):
        finding.pop("message", None)  # it quotes the article's quotations
    results["meta"] = {"date": datetime.date.today().isoformat(), "commit": commit(),
                       "cores": os.cpu_count()}
    return results


def table(results: dict) -> str:
    meta = results["meta"]
    lines = [f"Measured {meta['date']} at commit `{meta['commit']}` on {meta['cores']} CPU cores "
             "(`make bench`; raw numbers in `bench/results.json`).", ""]
    alignment = results.get("alignment")
    if alignment:
        lines += [f"**Sentence alignment**, strict F1 on all {alignment['articles']} NTREX-128 articles, "
                  "English → language, with ~10 % of target sentences merged and ~10 % split "
                  f"(seed {alignment['seed']}{_at(alignment)}):", "",
                  "| language | strict F1 | precision | recall | gold beads (1-1 / 2-1 / 1-2) |",
                  "| --- | --- | --- | --- | --- |"]
        for code, row in alignment["languages"].items():
            shapes = row["gold_shapes"]
            lines.append(f"| {row['lang']} ({code}) | {row['f1']:.4f} | {row['precision']:.4f} | "
                         f"{row['recall']:.4f} | {shapes.get('1-1', 0)} / {shapes.get('2-1', 0)} / "
                         f"{shapes.get('1-2', 0)} |")
        lines.append("")
    in_use = results.get("drift", {}).get("signature", {}).get("settings", {}).get("check_settings", {})
    for key, section in (("drift", drift_tables), ("names", names_table), ("quotes", quotes_table),
                         ("shortened", shortened_table), ("shortened-detector", detector_table), ("omission", omission_table), ("negation", negation_table), ("detector", detector_table),
                         ("speed", speed_table), ("batch", batch_table)):
        if results.get(key):
            lines += section(results[key], in_use["negation"]) if key == "negation" and "negation" in in_use \
                else section(results[key])
    return "\n".join(lines)


def speed_table(speed: dict) -> list[str]:
    lines = []
    warm, cold = speed["warm"], speed["cold"]
    lines += [f"**Speed and memory**, {speed['pair']}, {warm['sentences']['source']} → "
              f"{warm['sentences']['target']} sentences, {speed['cores']} cores{_at(speed)}. The machines "
              "this runs on differ from day to day: compare seconds only between runs whose encoder-alone "
              "rate is alike, shares (the forward pass, the name check) between any:", "",
              "| measure | value |", "| --- | --- |",
              f"| warm end-to-end, median / p90 | {warm['median_seconds']:.2f} s / {warm['p90_seconds']:.2f} s |",
              f"| throughput on distinct pairs of this size (60 s / median) | "
              f"{60 / warm['median_seconds']:.0f} article pairs per minute |",
              f"| share in the encoder's forward pass | {warm['forward_share']:.0%} |",
              f"| pipeline overhead beyond the forward pass (goal ≤ 25 %) | {warm['overhead_share']:.0%} |",
              f"| encoder alone | {warm['encoder_sentences_per_second']:.0f} sentences/s |",
              f"| model load (warm process) | {warm['model_load_seconds']:.1f} s |",
              f"| cold start, `consistency check` process to report | {cold['seconds']:.1f} s |",
              f"| peak RSS, warm process / cold process | {warm['peak_rss_mb']} MB / {cold['peak_rss_mb']} MB |"]
    if "names" in speed:
        names = speed["names"]
        lines.append(f"| the opt-in name check added to warm end-to-end (goal ≤ 30 %) | "
                     f"{names['added_share']:+.0%} ({names['default_median_seconds']:.2f} s → "
                     f"{names['with_names_median_seconds']:.2f} s) |")
    lines.append("")
    return lines


def batch_table(batch: dict) -> list[str]:
    first, resumed = batch["first"], batch["resume"]
    return [f"**Batch**, `make bench-batch`: {batch['pairs']} NTREX-128 article pairs (English → each of 8 "
            f"languages, {batch['source_lines']} + {batch['target_lines']} lines), `consistency batch "
            f"--jobs {batch['jobs']}` on {batch['cores']} cores, then the same command with `--resume`. "
            "Each English original is checked against its 8 translations, so a worker's sentence cache "
            "embeds it about once: the rate for 200 unrelated pairs of this size is lower (see the speed "
            "table for one distinct 40-sentence pair).", "",
            "| measure | value |", "| --- | --- |",
            f"| wall time, model loads included | {first['seconds']:.0f} s |",
            f"| throughput | {first['pairs_per_minute']:.1f} article pairs per minute "
            f"({first['lines_per_second']:.0f} lines/s) |",
            f"| peak RSS, all processes together | {first['peak_rss_mb']} MB |",
            f"| pairs that could not be checked | {batch['errors']} |",
            f"| rerun with `--resume`: wall time / peak RSS / processes | {resumed['seconds']:.1f} s / "
            f"{resumed['peak_rss_mb']} MB / {resumed['processes']} (no worker, no model) |",
            f"| results file after the rerun | {'byte-identical' if resumed['results_unchanged'] else 'changed'} |",
            ""]


def omission_table(omission: dict) -> list[str]:
    return [f"**Omissions and additions: calibration**, `make bench-omission`: faithful NTREX-128 pairs of "
            f"{omission['docs']} articles outside every benchmark sample, English and 8 languages both ways "
            f"({omission['sentences']} source sentences), with the {_listed(omission.get('checks', ['omission', 'shortened']))} "
            f"checks{_at(omission)}, and one copy of each "
            "with a line dropped and one with a line of another article inserted (seeded apart from the benchmark).", "",
            "| findings per 100 sentences, faithful | worst direction | dropped lines found | inserted lines found |",
            "| --- | --- | --- | --- |",
            f"| {omission['faithful_findings_per_100_sentences']:.2f} | {omission['worst_direction']:.2f} | "
            f"{omission['omission/sentence']['found']} / {omission['omission/sentence']['planted']} "
            f"({omission['omission/sentence']['recall']:.3f}) | {omission['addition/sentence']['found']} / "
            f"{omission['addition/sentence']['planted']} ({omission['addition/sentence']['recall']:.3f}) |", ""]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def negation_table(negation: dict, in_use: dict | None = None) -> list[str]:
    margins = list(negation["per_margin"])
    if in_use and "detector" in in_use:
        ran = (" The drift benchmark above ran the check with the model's drift detector (below); the margins are "
               "what it falls back on for a model without one.")
    elif in_use and "margin_by_pair" in in_use:
        ran = " The drift benchmark above ran the check at each language pair's calibrated margin (second table)."
    elif in_use:
        ran = f" The drift benchmark above ran the check at a margin of {in_use['margin']}."
    else:
        ran = ""
    return [f"**Negation: calibration**, `make bench-negation`: faithful NTREX-128 pairs of {negation['docs']} articles "
            "outside every benchmark sample, English and 8 languages both ways "
            f"({negation['sentences']} source sentences), and {negation['planted']} copies with a negation removed or "
            "added (seeded apart from the benchmark). The cue lexicons hold "
            f"{negation['lexicon_candidates_per_100_sentences']:.2f} pairs per 100 sentences unequal and catch "
            f"{negation['lexicon_recall']:.2f} of the flips; the encoder's gain decides."
            + ran, "",
            "| margin | " + " | ".join(margins) + " |", "| --- |" + " --- |" * len(margins),
            "| findings per 100 sentences, faithful | "
            + " | ".join(f"{negation['per_margin'][m]['findings_per_100_sentences']:.2f}" for m in margins) + " |",
            "| the same, worst direction | "
            + " | ".join(f"{negation['worst_direction_per_margin'][m]:.2f}" for m in margins) + " |",
            "| flips found | " + " | ".join(f"{negation['per_margin'][m]['recall']:.2f}" for m in margins) + " |", ""] \
        + calibrated_margins(negation)


def calibrated_margins(negation: dict) -> list[str]:
    """Each language pair's margin by the same rule (`make calibrate`), and what it gives there."""
    from bench.negation import margins_by_pair

    directions = negation.get("per_direction")
    if not directions:
        return []
    lines = ["Per language pair (`make calibrate`, written to `consistency/calibrations/`): the smallest margin at "
             "which neither direction passes 0.5 findings per 100 sentences of the faithful pairs.", "",
             "| pair | margin | findings per 100 sentences (→ en, en →) | flips found (→ en, en →) |",
             "| --- | --- | --- | --- |"]
    for pair, margin in margins_by_pair(negation)["negation"]["margin"].items():
        lang = next(part for part in pair.split("-") if part != "en")
        both = [directions[f"{lang}-en"]["per_margin"][str(margin)], directions[f"en-{lang}"]["per_margin"][str(margin)]]
        lines.append(f"| en-{lang} | {margin} | " + ", ".join(f"{d['findings_per_100_sentences']:.2f}" for d in both)
                     + " | " + ", ".join(f"{d['recall']:.2f}" for d in both) + " |")
    return lines + [""]


DETECTED = {"negation": ("Negation", "bench-detector", "pairs the cue lexicons hold unequal", "flips"),
            "shortened": ("Shortened and lengthened pairs", "bench-shortened-detector",
                          "pairs under a cover of 0.90 (either way round)", "drops and additions")}


def detector_table(detector: dict) -> list[str]:
    """A check's drift detector measured where it was not trained (bench.detector)."""
    title, target, candidates, drift = DETECTED[detector.get("check", "negation")]
    folds = detector["out_of_fold"]
    at_pairs = detector["out_of_fold_at_pair_thresholds"]
    lines = [f"**{title}: the drift detector**, `make {target}`: the same faithful and drifted pairs, "
             f"{detector['rows']} {candidates} ({detector['planted_rows']} of them from the "
             f"{detector['planted']} planted {drift}), each scored by a model trained without its article "
             "(five folds by article).", "",
             "| probability threshold | " + " | ".join(folds)
             + (" | each pair's threshold |" if detector.get("threshold_per_pair", True)
                else f" | {next(iter(detector['thresholds_by_pair'].values()))}, the calibrated one for all pairs |"),
             "| --- |" + " --- |" * (len(folds) + 1),
             "| findings per 100 sentences, faithful | " + " | ".join(f"{v['findings_per_100_sentences']:.2f}" for v in folds.values())
             + f" | {at_pairs['findings_per_100_sentences']:.2f} |",
             "| the same, worst direction | " + " | ".join(f"{v['worst_direction']:.2f}" for v in folds.values())
             + f" | {at_pairs['worst_direction']:.2f} |",
             *_found_rows(drift, folds, at_pairs), "",
             "On a language pair it was not trained on (trained on the seven others, its threshold chosen on theirs by "
             "the 0.5-per-100 rule):", "",
             f"| held-out pair | threshold | findings per 100 sentences (worst direction) | {drift} found |",
             "| --- | --- | --- | --- |"]
    for pair, row in detector["held_out_pairs"].items():
        found = ", ".join(f"{k} {v:.2f}" for k, v in row["recall_by_kind"].items()) if "recall_by_kind" in row \
            else f"{row['recall']:.2f}"
        lines.append(f"| {pair} | {row['threshold']} | {row['findings_per_100_sentences']:.2f} ({row['worst_direction']:.2f}) "
                     f"| {found} |")
    lines += ["", "On a kind of drift it was not trained on:", "",
              f"| | threshold | {drift} of that kind with a candidate | found |", "| --- | --- | --- | --- |"]
    for name, row in detector["held_out_kinds"].items():
        count = row.get("with_a_candidate", row.get("flips_with_a_candidate"))
        lines.append(f"| {name} | {row['threshold']} | {count} | {row['recall_of_those']:.2f} |")
    return lines + [""] + _transfer_rows(detector.get("threshold_transfer"))


def _transfer_rows(transfer: dict | None) -> list[str]:
    """Thresholds chosen on half the articles, measured on the other half: per pair or one for all."""
    if not transfer:
        return []
    lines = ["Thresholds chosen on half the articles by the rule, measured on the other half (each half in turn):", "",
             "| thresholds | findings per 100 sentences | worst direction |", "| --- | --- | --- |"]
    for policy, halves in transfer.items():
        lines.append(f"| {policy} | " + " / ".join(f"{h['findings_per_100_sentences']:.2f}" for h in halves) + " | "
                     + " / ".join(f"{h['worst_direction']:.2f}" for h in halves) + " |")
    return lines + [""]


def _found_rows(drift: str, folds: dict, at_pairs: dict) -> list[str]:
    """The share of planted drift found at each threshold: of each kind where several were planted apiece."""
    if "recall_by_kind" not in at_pairs:
        return [f"| {drift} found | " + " | ".join(f"{v['recall']:.2f}" for v in folds.values()) + f" | {at_pairs['recall']:.2f} |"]
    return [f"| {kind} found | " + " | ".join(f"{v['recall_by_kind'][kind]:.2f}" for v in folds.values())
            + f" | {at_pairs['recall_by_kind'][kind]:.2f} |" for kind in at_pairs["recall_by_kind"]]


def shortened_table(shortened: dict) -> list[str]:
    quantiles, rule = shortened["quantiles"], shortened["length_rule"]
    planted = shortened["planted"]
    kinds = [kind for kind in planted if kind.startswith("omission/")]
    lines = [f"**Shortened and lengthened pairs: calibration**, `make bench-shortened`: faithful NTREX-128 pairs of "
             f"{shortened['docs']} articles outside every benchmark sample, English and 8 languages both ways; cover is "
             "a pair's target length over its source length times the article's usual ratio, on the "
             f"{shortened['pairs']} pairs of running text ({shortened['judged']} of 40 characters or more in either "
             "language, the ones judged). Copies of them with a clause dropped from a translated line "
             f"({planted.get('omission/clause', 0)}) or a line dropped ({planted.get('omission/sentence', 0)}) show "
             f"what length alone finds; the {shortened['candidates_per_100_sentences']:.1f} faithful pairs per 100 "
             "sentences under a cover of 0.90 are what the detector weighs (below).", "",
             "| cover quantile | " + " | ".join(f"{float(q):.1%}" for q in quantiles) + " |",
             "| --- |" + " --- |" * len(quantiles),
             "| cover | " + " | ".join(f"{v:.3f}" for v in quantiles.values()) + " |", "",
             "| cover under | " + " | ".join(rule) + " |", "| --- |" + " --- |" * len(rule),
             "| findings per 100 pairs, faithful | " + " | ".join(f"{v['findings_per_100_pairs']:.2f}" for v in rule.values()) + " |"]
    lines += [f"| {kind.split('/')[1]} drops found | " + " | ".join(f"{v['recall'].get(kind, 0):.2f}" for v in rule.values()) + " |"
              for kind in kinds]
    lengthened = shortened.get("lengthened")
    if lengthened:  # the same pairs read the other way round: the source's length against what the translation calls for
        lines += [f"| lengthened reading: findings per 100 pairs, faithful | "
                  + " | ".join(f"{v['findings_per_100_pairs']:.2f}" for v in lengthened["length_rule"].values()) + " |"]
        lines += [f"| {kind.split('/')[1]}s added, found | "
                  + " | ".join(f"{v['recall'].get(kind, 0):.2f}" for v in lengthened["length_rule"].values()) + " |"
                  for kind in planted if kind.startswith("addition/")]
        lines += ["", f"The lengthened check reads the same pairs the other way round; copies with a clause of another "
                  f"article appended to a translated line ({planted.get('addition/clause', 0)}) or a line of another "
                  f"article inserted ({planted.get('addition/sentence', 0)}) show what it finds."]
    return lines + [""]


CATEGORIES = ("figure", "name", "quote", "omission", "addition", "meaning")  # the kinds bench.perturb plants


def drift_tables(drift: dict) -> list[str]:
    recall = drift["recall"]
    lines = [f"**Drift caught and false findings**, {drift['articles_per_direction']} NTREX-128 articles per "
             f"direction (seeded sample, seed {drift['seed']}), both directions, {drift['cases']} article pairs "
             "through `consistency batch`; each cell is ours / pofilter (translate-toolkit, `numbers`, "
             "`doublequoting`, `singlequoting`, given the line pairs ready-aligned). Recall counts a drift "
             "as caught when a finding of its category points at it; false findings are on the untouched "
             "professional translations." + _rerun_note(drift), "",
             "| direction | false findings per 100 sentences | " + " | ".join(f"{c} recall" for c in CATEGORIES) + " |",
             "| --- | --- | " + " | ".join("---" for _ in CATEGORIES) + " |"]
    for direction, row in drift["false_per_100_sentences"].items():
        cells = []
        for category in CATEGORIES:
            hit = planted = base = 0
            for key, value in recall.items():
                if key.startswith(f"{direction}:{category}/"):
                    hit, planted, base = hit + value["caught"], planted + value["planted"], base + value["pofilter_caught"]
            cells.append(f"{hit}/{planted} / {base}/{planted}" if planted else "–")
        lines.append(f"| {direction} | {row['ours']:.2f} / {row['pofilter']:.2f} | " + " | ".join(cells) + " |")
    lines += ["", "Findings per 100 sentences on the untouched pairs by what they are about: figures (the figure "
              "check against `pofilter -t numbers`); sentences or parts of them left out or added (the "
              "omission, shortened and lengthened checks) and negations one side lacks (the negation check), whose "
              "bar together is 2:", "",
              "| direction | figure findings, ours | numbers failures, pofilter | omission + addition findings, ours "
              "| meaning findings, ours | omission + addition + meaning |",
              "| --- | --- | --- | --- | --- | --- |"]
    for direction, row in drift["false_per_100_sentences"].items():
        sentences = max(row["sentences"], 1)
        by_category = row["ours_by_category"]
        ours = 100 * by_category.get("figure", 0) / sentences
        theirs = 100 * row.get("pofilter_by_category", {}).get("figure", 0) / sentences
        left_out = 100 * (by_category.get("omission", 0) + by_category.get("addition", 0)) / sentences
        meaning = 100 * by_category.get("meaning", 0) / sentences
        lines.append(f"| {direction} | {ours:.2f} | {theirs:.2f} | {left_out:.2f} | {meaning:.2f} | {left_out + meaning:.2f} |")
    # Three decimals and the counts: 281 of 353 is 0.796, which two decimals would show as the bar of 0.80.
    lines += ["", "| perturbation kind | planted | recall, ours | recall, pofilter |", "| --- | --- | --- | --- |"]
    for key, value in recall.items():
        if ":" not in key:
            lines.append(f"| {key} | {value['planted']} | {value['recall']:.3f} ({value['caught']}) | "
                         f"{value['pofilter_recall']:.3f} ({value['pofilter_caught']}) |")
    lines += ["", f"`consistency batch` checked those pairs at {drift['throughput_pairs_per_minute']:.0f} pairs per "
              f"minute ({drift['batch_seconds']:.0f} s, model load included{_at(drift)}); the drifted copies share "
              "most sentences with their original, which the sentence and token-vector caches embed once, so this "
              "is not the rate for distinct articles (see the speed table).", ""]
    return lines


def _at(run: dict) -> str:
    """Where a run recorded its commit: the commit, since the table's runs need not share one."""
    return f", at `{run['commit']}`" if run.get("commit") and not run.get("rerun") else ""


def _rerun_note(drift: dict) -> str:
    rerun = drift.get("rerun")
    if not rerun:
        return ""
    categories = ",".join(rerun["categories"])
    return (f" The {' and '.join(rerun['categories'])} kinds and the untouched pairs were re-run at `{rerun['commit']}` "
            f"({rerun['cases']} pairs, `python -m bench.drift --category {categories}`, merged with `--merge`); "
            f"the other kinds' recall is the full run's at `{rerun['full_run_commit']}`.")


def names_table(names: dict) -> list[str]:
    recall = names["recall"]
    kinds = sorted({key.split(":")[1] for key in recall if ":" in key})
    lines = [f"**Names** (the opt-in `names` check alone; `make bench-names`), {names['articles_per_direction']} "
             f"articles per direction, English → language, {names['cases']} article pairs; a name and its "
             "rendering are found from the corpus (`bench/renderings.py`), then the rendering is replaced by "
             "another name's, garbled or dropped:", "",
             "| direction | name findings per 100 sentences, untouched | " + " | ".join(f"{k} recall" for k in kinds) + " |",
             "| --- | --- | " + " | ".join("---" for _ in kinds) + " |"]
    for direction, row in names["false_per_100_sentences"].items():
        lines.append(f"| {direction} | {row['ours']:.2f} | " + " | ".join(_recall_cells(recall, direction, kinds)) + " |")
    overall = [f"{k} {recall[k]['recall']:.2f}" for k in kinds if k in recall]
    lines += ["", "Overall recall: " + ", ".join(overall) + "." + _provenance(names), ""]
    return lines


def _provenance(section: dict) -> str:
    """Which commit the figures come from, and which directions a later run replaced."""
    rerun = section.get("rerun_directions")
    if not rerun:
        return f" Run at `{section['commit']}`." if section.get("commit") else ""
    return f" Run at `{rerun['full_run_commit']}`; {_listed(rerun['directions'])} re-run at `{rerun['commit']}`."


def _recall_cells(recall: dict, direction: str, kinds: list[str]) -> list[str]:
    """caught/planted per kind in one direction, – where the kind was never planted there."""
    return [f"{recall[f'{direction}:{k}']['caught']}/{recall[f'{direction}:{k}']['planted']}"
            if f"{direction}:{k}" in recall else "–" for k in kinds]


def quotes_table(quotes: dict) -> list[str]:
    recall = quotes["recall"]
    kinds = sorted({key.split(":")[1] for key in recall if ":" in key})
    lines = ["", f"**Quotes** (the opt-in `quotes` check alone; `make bench-quotes`), {quotes['articles_per_direction']} "
             f"articles per direction, both directions, {quotes['cases']} article pairs; the benchmark finds "
             "quotations by its own pattern and removes their marks (unquoted), cuts them by half (truncated), "
             "puts another quotation's words in (replaced) or swaps, in the translation, the name a reporting "
             "verb of the source attributes the quotation to (speaker: \"Putin said\", \"said Lavrov\")"
             "; quoted sentences are source sentences the same pattern finds a quotation in:", "",
             "| direction | quoted sentences | quote findings per 100 quoted sentences, untouched | "
             + " | ".join(f"{k} recall" for k in kinds) + " |",
             "| --- | --- | --- | " + " | ".join("---" for _ in kinds) + " |"]
    for direction, row in quotes["false_per_100_sentences"].items():
        found = row["ours_by_category"].get("quote", 0)
        per_100 = 100 * found / max(row["quoted_sentences"], 1)
        lines.append(f"| {direction} | {row['quoted_sentences']} | {per_100:.1f} ({found}) | "
                     + " | ".join(_recall_cells(recall, direction, kinds)) + " |")
    overall = [f"{k} {recall[k]['recall']:.2f} ({recall[k]['caught']}/{recall[k]['planted']})" for k in kinds if k in recall]
    lines += ["", "Overall recall: " + ", ".join(overall) + "." + _provenance(quotes), ""]
    return lines


def main() -> int:
    results = collect()
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    if BEGIN not in readme or END not in readme:
        print("README.md has no benchmark markers; results.json written only", file=sys.stderr)
        return 0
    head, rest = readme.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{BEGIN}\n{table(results)}\n{END}{tail}", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)} and the README's table", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
