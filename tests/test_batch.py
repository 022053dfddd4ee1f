"""Batch runs: manifests, a failing pair never stops the rest, workers, and resuming."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from consistency import InputError, Settings, batch, cli
from conftest import ROOT, SEEDS


def seed_folder(folder, langs=("fr", "ru", "zh")):
    folder.mkdir(exist_ok=True)
    shutil.copy(SEEDS / "source/000.en.txt", folder / "000.en.txt")
    for lang in langs:
        shutil.copy(SEEDS / "drifted" / f"000.{lang}.txt", folder / f"000.{lang}.txt")
    return folder


def test_a_folder_pairs_each_original_with_every_translation(tmp_path):
    folder = seed_folder(tmp_path / "desk")
    (folder / "notes.txt").write_text("not a NAME.LANG file", encoding="utf-8")
    pairs = batch.read_manifest(folder, "en")
    assert [(p.id, p.source.name, p.target.name, p.target_lang) for p in pairs] == [
        ("000.fr", "000.en.txt", "000.fr.txt", "fr"), ("000.ru", "000.en.txt", "000.ru.txt", "ru"),
        ("000.zh", "000.en.txt", "000.zh.txt", "zh")]
    with pytest.raises(InputError, match="needs --source-lang"):
        batch.read_manifest(folder)


@pytest.mark.parametrize("lines, message", [
    ('{"id": "a", "target": "t.txt"}', "m.jsonl:1: not a manifest entry"),
    ('{"id": "a", "source": "s", "target": "t"}\nnot json', "m.jsonl:2: not a manifest entry"),
    ('{"id": "a", "source": "s", "target": "t"}\n{"id": "a", "source": "s", "target": "u"}', "ids must be unique"),
])
def test_a_broken_manifest_says_which_line(tmp_path, lines, message):
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(lines, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        batch.read_manifest(manifest)


def test_the_key_changes_with_the_inputs_and_the_settings(tmp_path):
    folder = seed_folder(tmp_path / "desk", ("fr",))
    pair = batch.read_manifest(folder, "en")[0]
    key = batch.pair_key(pair, batch.settings_fingerprint(Settings()))
    assert key == batch.pair_key(pair, batch.settings_fingerprint(Settings()))
    assert key != batch.pair_key(pair, batch.settings_fingerprint(Settings(checks=("figures",))))
    assert key != batch.pair_key(pair, batch.settings_fingerprint(Settings(severity={"figure": "minor"})))
    (folder / "000.fr.txt").write_text("Autre chose.", encoding="utf-8")
    assert key != batch.pair_key(pair, batch.settings_fingerprint(Settings()))


def run_cli(monkeypatch, capsys, args, checker):
    """The CLI's batch with the tests' loaded model; ``checker`` None: loading one is an error."""
    def loaded(settings):
        if checker is None:
            raise AssertionError("the model was loaded")
        loads.append(settings)
        return checker

    loads: list = []
    monkeypatch.setattr(batch, "Checker", loaded)
    code = cli.main(["batch", *args])
    return code, capsys.readouterr().err, loads


@pytest.mark.model
def test_resume_keeps_finished_pairs_and_checks_only_the_rest(tmp_path, monkeypatch, capsys, checker):
    folder = seed_folder(tmp_path / "desk")
    (folder / "001.en.txt").write_text("Alone.", encoding="utf-8")
    (folder / "001.de.txt").write_bytes(b"PK\x03\x04\x00\x00binary")  # unreadable: reported, the rest goes on
    out = tmp_path / "results.jsonl"
    args = [str(folder), "--source-lang", "en", "-o", str(out), "--fail-on", "critical"]
    code, err, loads = run_cli(monkeypatch, capsys, args, checker)
    lines = out.read_text(encoding="utf-8").splitlines()
    results = {json.loads(line)["id"]: json.loads(line) for line in lines}
    assert code == 1 and len(loads) == 1 and sorted(results) == ["000.fr", "000.ru", "000.zh", "001.de"]
    assert "binary" in results["001.de"]["error"] and "001.de: error:" in err
    assert all(results[p]["report"]["summary"]["findings"]["critical"] >= 1 for p in ("000.fr", "000.ru", "000.zh"))
    assert "4 pairs: 3 checked now, 1 could not be checked, 3 with findings at or above critical" in err

    # A run killed while writing its last line, and one translation corrected since.
    kept = [line for line in lines if json.loads(line)["id"] in ("000.fr", "000.zh")]
    cut = next(line for line in lines if json.loads(line)["id"] == "000.ru")[:200]
    out.write_text("\n".join(kept) + "\n" + cut, encoding="utf-8")
    shutil.copy(SEEDS / "faithful/000.zh.txt", folder / "000.zh.txt")
    code, err, loads = run_cli(monkeypatch, capsys, args + ["--resume"], checker)
    again = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in again) == ["000.fr", "000.ru", "000.zh", "001.de"]
    assert out.read_text(encoding="utf-8").splitlines()[0] == kept[0]  # the finished pair untouched
    zh = next(r for r in again if r["id"] == "000.zh")
    assert zh["report"]["summary"]["findings"]["critical"] == 0  # checked again: it changed
    assert "2 checked now, 1 unchanged since the last run, 1 could not be checked" in err

    # Nothing left to do but the unreadable pair: no model is loaded at all.
    code, err, _ = run_cli(monkeypatch, capsys, args + ["--resume"], None)
    assert "0 checked now, 3 unchanged since the last run, 1 could not be checked" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


@pytest.mark.model
def test_bilingual_files_are_pairs_of_their_own_in_manifests_and_folders(tmp_path, checker):
    xliff = SEEDS / "bilingual/drifted/000.en-ru.xlf"
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"id": "ru", "source": str(xliff)}) + "\n", encoding="utf-8")
    folder = seed_folder(tmp_path / "desk", ("fr",))
    shutil.copy(SEEDS / "bilingual/drifted/000.en-zh.po", folder / "000.en-zh.po")
    pairs = batch.read_manifest(manifest) + batch.read_manifest(folder, "en")
    assert [(p.id, p.target) for p in pairs] == [("ru", None), ("000.en-zh.po", None),
                                                  ("000.fr", folder / "000.fr.txt")]
    results = {r["id"]: r for r in batch.run([(p, "k") for p in pairs], Settings(), checker=checker)}
    for pair_id, lang in (("ru", "ru"), ("000.en-zh.po", "zh")):
        report = results[pair_id]["report"]
        assert report["signature"]["settings"]["segmentation"] == "file"
        assert (report["source"]["lang"], report["target"]["lang"]) == ("en", lang)
        assert report["summary"]["findings"]["critical"] >= 1


def test_resume_needs_an_output_file(tmp_path, capsys):
    folder = seed_folder(tmp_path / "desk", ("fr",))
    assert cli.main(["batch", str(folder), "--source-lang", "en", "--resume"]) == 2
    assert "--resume needs --output" in capsys.readouterr().err


@pytest.mark.model
def test_two_workers_give_the_reports_one_process_gives(tmp_path, checker):
    folder = seed_folder(tmp_path / "desk")
    out = tmp_path / "jobs2.jsonl"
    done = subprocess.run([sys.executable, "-m", "consistency", "batch", str(folder), "--source-lang", "en",
                           "--jobs", "2", "-o", str(out), "--fail-on", "never"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    in_workers = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    pairs = batch.read_manifest(folder, "en")
    fingerprint = batch.settings_fingerprint(Settings())
    for result in batch.run([(p, batch.pair_key(p, fingerprint)) for p in pairs], Settings(), checker=checker):
        assert in_workers[result["id"]]["key"] == result["key"]
        assert in_workers[result["id"]]["report"]["findings"] == result["report"]["findings"]


class Misbehaving:
    """Stands in for a Checker inside worker processes: a target holding CRASH kills its process,
    one holding HANG never returns, anything else gives an empty report."""

    def __init__(self, settings):
        self.settings = settings

    def check_paths(self, source, target, **languages):
        text = Path(target).read_text(encoding="utf-8")
        if "CRASH" in text:
            os._exit(3)
        if "HANG" in text:
            time.sleep(3600)
        return SimpleNamespace(to_dict=lambda: {"findings": [], "checked": text.strip()})


def test_a_pair_that_crashes_or_hangs_its_worker_is_reported_and_the_batch_completes(tmp_path):
    pairs = []
    for n, text in enumerate(["fine one", "CRASH", "fine two", "HANG", "fine three", "fine four"]):
        (tmp_path / f"{n}.en.txt").write_text("source", encoding="utf-8")
        (tmp_path / f"{n}.fr.txt").write_text(text, encoding="utf-8")
        pairs.append((batch.Pair(str(n), tmp_path / f"{n}.en.txt", tmp_path / f"{n}.fr.txt"), f"key{n}"))
    started = time.monotonic()
    results = {r["id"]: r for r in batch.run(pairs, Settings(), jobs=2, timeout=5, make_checker=Misbehaving)}
    assert time.monotonic() - started < 120
    assert sorted(results) == ["0", "1", "2", "3", "4", "5"]
    assert "died (exit code 3)" in results["1"]["error"]
    assert "not checked within 5 s" in results["3"]["error"]
    assert [results[n]["report"]["checked"] for n in "0245"] == ["fine one", "fine two", "fine three", "fine four"]
    assert all(results[n]["key"] == f"key{n}" for n in results)


def test_a_checker_that_cannot_start_stops_the_batch_with_its_reason(tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    pair = batch.Pair("a", tmp_path / "a.txt", tmp_path / "a.txt")
    with pytest.raises(batch.workers.WorkerFailed, match="no such model"):
        list(batch.run([(pair, "k")], Settings(model=str(tmp_path / "no such model")), jobs=2))


@pytest.mark.model
def test_a_batch_killed_midway_resumes_without_redoing_or_losing_anything(tmp_path):
    folder = seed_folder(tmp_path / "desk", ("fr", "ru", "zh", "ar"))
    out = tmp_path / "results.jsonl"
    command = [sys.executable, "-m", "consistency", "batch", str(folder), "--source-lang", "en", "-o", str(out),
               "--fail-on", "never"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if out.is_file() and len(out.read_text(encoding="utf-8").splitlines()) >= 1:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    finished = out.read_text(encoding="utf-8").splitlines()
    assert 1 <= len(finished) < 4
    done = subprocess.run(command + ["--resume"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{4 - len(finished)} checked now, {len(finished)} unchanged since the last run" in done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == ["000.ar", "000.fr", "000.ru", "000.zh"]
    assert set(finished) <= set(lines)  # what the killed run finished is kept as it was written
