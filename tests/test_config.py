"""The configuration file: every key checked, and each setting changing what the report says."""
from __future__ import annotations

import json

import pytest

from consistency import Checker, InputError, Settings, cli, config
from conftest import SEEDS


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ('fail-on = "high"', "fail-on must be one of critical, major, minor, never, not 'high'"),
    ('severty = {}', "unknown key severty"),
    ('[severity]\nfigures = "minor"', "unknown key severity.figures"),
    ('[severity]\nfigure = "low"', "severity.figure must be one of critical, major, minor, off"),
    ('[alignment]\nskipp = 0.1', "unknown key alignment.skipp"),
    ('[alignment]\nmax-block = 0.5', "alignment.max-block must be a whole number"),
    ('min-confidence = 2', "min-confidence must be a number from 0.0 to 1.0"),
    ('[figures]\nignore = "page"', "figures.ignore must be a list of strings"),
    ('[figures]\nignore = ["page (\\\\d+"]', "is not a regular expression"),
    ('[names.glossary]\nSeoul = { xx1 = "서울" }', "'xx1' is not a language code"),
    ('[names.glossary]\nSeoul = "서울"', "names.glossary.Seoul must be a table"),
    ('checks = "figures"', "checks must be a list of strings"),
    ('fail-on = ', "not valid TOML"),
])
def test_every_bad_key_or_value_is_an_error_naming_it(tmp_path, text, message):
    path = write(tmp_path, "consistency.toml", text)
    with pytest.raises(InputError) as error:
        config.load(path)
    assert message in str(error.value) and str(path) in str(error.value)


def test_a_full_file_is_read_into_settings(tmp_path):
    path = write(tmp_path, "consistency.toml", """
fail-on = "critical"
checks = ["figures", "names"]
min-confidence = 0.5
max-chars = 5000
max-sentence-chars = 900
[severity]
omission = "minor"
name = "off"
[alignment]
skip = -0.2
max-block = 3
[figures]
ignore = ["(?i)page \\\\d+"]
[names.glossary]
"Yoon Suk-yeol" = { ko = "윤석열", zh = ["尹锡悦", "尹錫悅"] }
""")
    loaded = config.load(path)
    settings = Settings.from_config(loaded, checks=None, model=None)
    assert loaded.fail_on == "critical"
    assert settings.checks == ("figures", "names") and settings.max_chars == 5000
    assert settings.max_sentence_chars == 900
    assert settings.severity == {"omission": "minor", "name": "off"} and settings.min_confidence == 0.5
    assert settings.alignment.skip == -0.2 and settings.alignment.max_block == 3
    assert settings.check_options == {"figures": {"ignore": ("(?i)page \\d+",)},
                                      "names": {"glossary": {"Yoon Suk-yeol": {"ko": ("윤석열",),
                                                                               "zh": ("尹锡悦", "尹錫悅")}}}}
    # The command line wins over the file.
    assert Settings.from_config(loaded, checks=("omission",)).checks == ("omission",)


def test_plus_in_the_file_adds_opt_in_checks_to_the_default_ones(tmp_path):
    from consistency import checks

    loaded = config.load(write(tmp_path, "consistency.toml", 'checks = ["+names", "+quotes"]\n'))
    settings = Settings.from_config(loaded, checks=None, model=None)
    assert [c.name for c in checks.create(settings.checks)] == [*checks.defaults(), "names", "quotes"]


def test_found_here_or_above_consistency_toml_before_pyproject(tmp_path, monkeypatch):
    inner = tmp_path / "desk" / "today"
    inner.mkdir(parents=True)
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.consistency]: not a config
    assert config.find(inner) is None
    write(tmp_path / "desk", "pyproject.toml", '[tool.consistency]\nfail-on = "minor"\n')
    assert config.find(inner) == tmp_path / "desk" / "pyproject.toml"
    monkeypatch.chdir(inner)
    assert config.load().fail_on == "minor"
    write(tmp_path / "desk", "consistency.toml", 'fail-on = "critical"\n')
    assert config.load().fail_on == "critical"
    assert config.load(search=False).fail_on is None


def test_the_cli_refuses_a_bad_configuration_in_one_line(tmp_path, capsys):
    bad = write(tmp_path, "c.toml", "[severity]\nomissions = 'minor'\n")
    code = cli.main(["check", str(SEEDS / "source/000.en.txt"), str(SEEDS / "faithful/000.fr.txt"),
                     "--config", str(bad)])
    error = capsys.readouterr().err
    assert code == 2 and error.count("\n") == 1 and "unknown key severity.omissions" in error


@pytest.mark.model
def test_severity_policy_confidence_and_ignored_figures_change_the_report(default_encoder):
    source = ("The ministry printed 40 copies of the report. See page 12 for the details. "
              "Officials said the plan would cost 300 million dollars.")
    target = ("Le ministère a imprimé 45 exemplaires du rapport. Voir la page 13 pour les détails. "
              "Les responsables ont déclaré que le plan coûterait 300 millions de dollars. "
              "Le pays compte aussi trois nouveaux ponts.")
    plain = Checker(Settings(source_lang="en", target_lang="fr"), encoder=default_encoder).check(source, target)
    changed = {f.source.text for f in plain.findings if f.category == "figure" and f.source}
    assert {"40", "12"} <= changed
    assert any(f.category == "addition" for f in plain.findings)

    settings = Settings(source_lang="en", target_lang="fr", severity={"figure": "minor", "addition": "off"},
                        check_options={"figures": {"ignore": (r"(?i)page \d+",)}})
    report = Checker(settings, encoder=default_encoder).check(source, target)
    figures = [f for f in report.findings if f.category == "figure"]
    assert [f.source.text for f in figures] == ["40"]  # page 12 -> 13 is ignored: the English side matched
    assert figures[0].severity == "minor" and figures[0].details["severity_by_check"] == "critical"
    assert not any(f.category == "addition" for f in report.findings)
    recorded = report.signature["settings"]
    assert recorded["severity"] == {"addition": "off", "figure": "minor"}
    assert recorded["check_settings"]["figures"] == {"ignore": [r"(?i)page \d+"]}

    unsure = Settings(source_lang="en", target_lang="fr", min_confidence=0.99)
    assert Checker(unsure, encoder=default_encoder).check(source, target).findings == []


@pytest.mark.model
def test_a_glossary_rendering_is_accepted_and_nothing_else_is(default_encoder):
    source = (SEEDS / "source/000.en.txt").read_text(encoding="utf-8")
    target = (SEEDS / "drifted/000.fr.txt").read_text(encoding="utf-8")

    def names(glossary):
        settings = Settings(source_lang="en", target_lang="fr", checks=("names",),
                            check_options={"names": {"glossary": glossary}} if glossary else {})
        report = Checker(settings, encoder=default_encoder).check(source, target)
        return {(f.source.text if f.source else None, f.target.text if f.target else None) for f in report.findings}

    before = names(None)
    assert ("Pyongyang", "Pyangyong") in before and ("Seoul", "Tokyo") in before
    after = names({"Pyongyang": {"fr": ("Pyangyong",)}})
    assert after == before - {("Pyongyang", "Pyangyong")}


@pytest.mark.model
def test_json_report_of_the_cli_records_the_configuration(tmp_path):
    conf = write(tmp_path, "consistency.toml", '[severity]\nomission = "minor"\n')
    out = tmp_path / "r.json"
    code = cli.main(["check", str(SEEDS / "source/000.en.txt"), str(SEEDS / "drifted/000.de.txt"),
                     "--config", str(conf), "--format", "json", "-o", str(out), "--source-lang", "en",
                     "--target-lang", "de", "--fail-on", "never"])
    report = json.loads(out.read_text(encoding="utf-8"))
    omissions = [f for f in report["findings"] if f["category"] == "omission"]
    assert code == 0 and report["signature"]["settings"]["severity"] == {"omission": "minor"}
    assert omissions and all(f["severity"] == "minor" and f["details"]["severity_by_check"] == "major"
                             for f in omissions)
