"""Merging a drift benchmark re-run of some categories into the last full run (no NTREX needed:
the merge reads only the two results)."""
from __future__ import annotations


def test_a_category_rerun_replaces_its_kinds_and_the_untouched_pairs_and_keeps_the_rest():
    from bench.drift import merged

    def row(caught):
        return {"caught": caught, "planted": 10, "recall": caught / 10, "pofilter_caught": 0, "pofilter_recall": 0.0}

    full = {"recall": {"figure/value": row(9), "en-fr:figure/value": row(9), "omission/sentence": row(5),
                       "en-fr:omission/sentence": row(5)},
            "false_per_100_sentences": {"en-fr": {"ours": 1.0}}, "false_findings": [{"case": "old"}],
            "cases": 100, "batch_seconds": 50.0, "signature": {"version": "old"}, "commit": "aaa"}
    rerun = {"recall": {"omission/sentence": row(8), "en-fr:omission/sentence": row(8)},
             "false_per_100_sentences": {"en-fr": {"ours": 0.5}}, "false_findings": [],
             "cases": 40, "batch_seconds": 20.0, "signature": {"version": "new"}}
    result = merged(full, rerun, "bbb")
    assert result["recall"]["omission/sentence"]["caught"] == 8 and result["recall"]["en-fr:omission/sentence"]["caught"] == 8
    assert result["recall"]["figure/value"]["caught"] == 9 and result["recall"]["en-fr:figure/value"]["caught"] == 9
    assert result["false_per_100_sentences"] == {"en-fr": {"ours": 0.5}} and result["false_findings"] == []
    assert result["cases"] == 100 and result["signature"] == {"version": "new"}
    assert result["rerun"] == {"categories": ["omission"], "commit": "bbb", "cases": 40, "batch_seconds": 20.0,
                               "full_run_commit": "aaa"}
    # A second re-run keeps naming the full run the other kinds come from.
    assert merged(result, rerun, "ccc")["rerun"]["full_run_commit"] == "aaa"
