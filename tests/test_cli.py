"""The command line: reports, exit statuses, and one-line errors for bad input."""
from __future__ import annotations

import codecs
import hashlib
import json
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS

SOURCE = SEEDS / "source" / "000.en.txt"
DRIFTED_FR = SEEDS / "drifted" / "000.fr.txt"
FAITHFUL_DE = SEEDS / "faithful" / "000.de.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "consistency", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def drifted_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports") / "fr.json"
    before = (sha(SOURCE), sha(DRIFTED_FR))
    result = run("check", str(SOURCE), str(DRIFTED_FR), "--format", "json", "--output", str(out))
    assert (sha(SOURCE), sha(DRIFTED_FR)) == before, "inputs must never be modified"
    return result, out


def test_json_report_follows_the_contract(drifted_json):
    result, out = drifted_json
    assert result.returncode == 1, result.stderr  # major findings, --fail-on major by default
    assert [p.name for p in out.parent.iterdir()] == ["fr.json"], "no temporary file left behind"
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "consistency.report/1"
    assert list(report) == ["schema", "source", "target", "alignment", "findings", "summary", "warnings",
                            "signature"]
    source_text = SOURCE.read_text(encoding="utf-8")
    assert report["source"]["text_sha256"] == hashlib.sha256(source_text.encode()).hexdigest()
    for sentence in report["source"]["sentences"]:
        assert source_text[sentence["start"]:sentence["end"]] == sentence["text"]
    for finding in report["findings"]:
        assert finding["id"].startswith("F") and finding["severity"] in ("critical", "major", "minor")
        span = finding["source"] or finding["target"]
        assert {"sentence", "start", "end", "text"} <= set(span)
    signature = report["signature"]
    assert signature["model"] == "multilingual-e5-small" and len(signature["model_sha256"]) == 64
    assert signature["settings"]["target_lang"] == "fr" and "alignment" in signature["settings"]
    counts = report["summary"]["findings"]
    assert sum(counts.values()) == len(report["findings"])


def test_same_input_gives_byte_identical_json(drifted_json, tmp_path):
    _, first = drifted_json
    second = tmp_path / "again.json"
    run("check", str(SOURCE), str(DRIFTED_FR), "--format", "json", "--output", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_utf16_and_bom_and_any_newlines_read_as_the_same_article(drifted_json, tmp_path):
    # Windows tools write UTF-16 or a UTF-8 BOM with CRLF; old Mac files end lines with CR. The
    # report is the same but for the input's checksum, over the text as read.
    _, first = drifted_json
    text = DRIFTED_FR.read_text(encoding="utf-8")
    lines = text.split("\n")
    variants = {"utf-16 crlf": "\r\n".join(lines).encode("utf-16"),
                "utf-8 bom, mixed": codecs.BOM_UTF8 + "".join(
                    line + ("\r\n", "\r", "\n")[k % 3] for k, line in enumerate(lines[:-1])).encode() + lines[-1].encode()}
    expected = json.loads(first.read_text(encoding="utf-8"))
    for name, data in variants.items():
        target = tmp_path / "000.fr.txt"
        target.write_bytes(data)
        out = tmp_path / "report.json"
        run("check", str(SOURCE), str(target), "--format", "json", "--output", str(out))
        report = json.loads(out.read_text(encoding="utf-8"))
        assert report["findings"] == expected["findings"], name
        assert report["target"]["sentences"] == expected["target"]["sentences"], name


def test_text_report_and_exit_status_threshold():
    result = run("check", str(SOURCE), str(FAITHFUL_DE), "--fail-on", "minor", "--no-color")
    assert result.returncode == 0, result.stderr
    assert "(en, 14 sentences)" in result.stdout and "de, 13 sentences" in result.stdout
    assert result.stdout.rstrip().endswith("no findings")
    assert "\x1b[" not in result.stdout


def test_same_language_both_sides_is_a_valid_report_with_a_warning():
    result = run("check", str(SOURCE), str(SOURCE), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert any("same language" in w for w in report["warnings"])
    assert all(len(b["source"]) == 1 and b["source"] == b["target"] for b in report["alignment"])


def bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le président a salué l’amitié.".encode("utf-8").replace("é".encode(), b"\xe9"))
    huge = tmp_path / "huge.txt"
    huge.write_text("The president spoke. " * 200_000)
    link = tmp_path / "link.txt"
    link.symlink_to(FAITHFUL_DE)
    markup = tmp_path / "markup.txt"
    markup.write_text("\t>\n")  # found by the fuzz run: no sentence once segmented
    endless = tmp_path / "endless.txt"
    endless.write_text("The president spoke. " + "and then " * 2_500 + "left.")
    return {
        "long sentence": ([str(endless), str(SOURCE)],
                          "sentence 1 (from character 0) is 22,526 characters long, over the limit of 20,000"),
        "symlink": ([str(SOURCE), str(link)], "is a symbolic link; give the file it points to"),
        "empty": ([str(empty), str(SOURCE)], "is empty"),
        "no sentence": ([str(SOURCE), str(markup), "--checks", "quotes"], "holds no sentence to check"),
        "binary": ([str(SOURCE), str(binary)], "binary file"),
        "latin-1": ([str(SOURCE), str(latin)], "not UTF-8"),
        "directory": ([str(SOURCE), str(tmp_path)], "is a directory"),
        "missing": ([str(SOURCE), str(tmp_path / "nope.txt")], "no such file"),
        "huge": ([str(huge), str(SOURCE)], "longer than 1,000,000 characters"),
        "language": ([str(SOURCE), str(FAITHFUL_DE), "--target-lang", "xx"], "unknown language code 'xx'"),
        "check": ([str(SOURCE), str(FAITHFUL_DE), "--checks", "spelling"], "unknown check(s) spelling"),
    }


@pytest.mark.parametrize("case", ["long sentence", "symlink", "empty", "no sentence", "binary", "latin-1", "directory", "missing", "huge", "language", "check"])
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path, case):
    args, message = bad_inputs(tmp_path)[case]
    result = run("check", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("consistency: error:") and message in lines[0], result.stderr


def test_usage_error_exits_2():
    result = run("check")
    assert result.returncode == 2 and "usage:" in result.stderr
    result = run("check", str(SOURCE))  # only a bilingual file (XLIFF, TMX, PO) stands alone
    assert result.returncode == 2 and "needs its translation" in result.stderr


def test_reports_are_written_whole_with_a_shareable_mode(tmp_path):
    from consistency.cli import write_atomically

    report = tmp_path / "out" / "report.html"
    write_atomically(report, "first")
    assert report.read_text() == "first" and report.stat().st_mode & 0o777 == 0o666 & ~_umask()
    report.chmod(0o640)
    write_atomically(report, "second")
    assert report.read_text() == "second" and report.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in report.parent.iterdir()] == ["report.html"]  # no temporary file left


def _umask() -> int:
    import os

    current = os.umask(0o022)
    os.umask(current)
    return current


def test_plus_adds_opt_in_checks_to_the_default_ones():
    from consistency import checks

    result = run("check", str(SOURCE), str(FAITHFUL_DE), "--checks", "+quotes", "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["signature"]["settings"]["checks"] == [*checks.defaults(), "quotes"]
