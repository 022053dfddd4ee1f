"""Inputs translators use: bilingual files (XLIFF 1.2/2.x, TMX, PO) checked on their own segment
pairs, HTML articles reduced to their text, Markdown and plain text as before."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest
from lxml import etree

from conftest import ROOT, SEEDS

sys.path.insert(0, str(SEEDS))
import make_bilingual  # noqa: E402  (seeds/ is not a package)

from consistency import InputError, inputs  # noqa: E402

SOURCE = SEEDS / "source" / "000.en.txt"
FORMATS = tuple(make_bilingual.SUFFIXES)


def write(folder, name: str, content: str):
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


# -- the seed translations as bilingual files: the same findings as the plain-text pair ---------

@pytest.fixture(scope="module")
def plain_reports(checker):
    cache = {}

    def get(kind: str, lang: str):
        if (kind, lang) not in cache:
            target = SEEDS / kind / f"000.{lang}.txt"
            cache[kind, lang] = checker.check(SOURCE.read_text(encoding="utf-8"), target.read_text(encoding="utf-8"))
        return cache[kind, lang]

    return get


def _bead_of(report) -> dict:
    """(side, sentence index) -> index of the bead holding it: the same on both readings when
    the beads are the same, though a file's segment holds a whole bead's sentences."""
    where = {}
    for number, bead in enumerate(report.alignment):
        where.update({("source", i): number for i in bead.source})
        where.update({("target", j): number for j in bead.target})
    return where


def _comparable(report) -> Counter:
    bead_of = _bead_of(report)
    keys = []
    for finding in report.findings:
        details = dict(finding.details)
        if "between" in details:  # the other side's neighbours of an omission, as bead numbers
            other = "target" if finding.source else "source"
            details["between"] = {k: bead_of.get((other, v)) for k, v in details["between"].items()}
        keys.append((finding.category, finding.severity, finding.check, finding.message,
                     finding.source.text if finding.source else None,
                     finding.target.text if finding.target else None,
                     json.dumps(details, sort_keys=True, ensure_ascii=False)))
    return Counter(keys)


@pytest.mark.model
@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("kind,lang", make_bilingual.PAIRS)
def test_bilingual_file_gives_the_findings_of_the_plain_text_pair(checker, plain_reports, kind, lang, format):
    plain = plain_reports(kind, lang)
    report = checker.check_paths(make_bilingual.bilingual_path(kind, lang, format))
    assert (report.source.lang, report.target.lang) == ("en", lang)
    assert [(len(b.source), len(b.target)) for b in report.alignment] == \
        [(min(len(b.source), 1), min(len(b.target), 1)) for b in plain.alignment]
    assert _comparable(report) == _comparable(plain)
    if kind == "drifted":  # the test has teeth: figures changed, a sentence dropped, one added
        assert {f.category for f in report.findings} >= {"figure", "omission", "addition"}


@pytest.mark.model
@pytest.mark.parametrize("kind,lang", make_bilingual.PAIRS)
def test_committed_bilingual_files_are_what_the_generator_writes(plain_reports, tmp_path, kind, lang):
    pairs = make_bilingual.bead_pairs(plain_reports(kind, lang))
    for format in FORMATS:
        committed = make_bilingual.bilingual_path(kind, lang, format)
        fresh = tmp_path / committed.name
        if format.startswith("xliff"):
            make_bilingual.write_xliff(fresh, pairs, "en", lang, version="2" if format == "xliff-2" else "1.2")
        elif format == "tmx":
            make_bilingual.write_tmx(fresh, pairs, "en", lang)
        else:
            make_bilingual.write_po(fresh, pairs, lang)
        assert fresh.read_bytes() == committed.read_bytes(), committed
        if format != "po":
            etree.parse(str(committed))  # well-formed XML
    root = etree.parse(str(make_bilingual.bilingual_path(kind, lang, "xliff-1.2"))).getroot()
    assert root.tag == "{urn:oasis:names:tc:xliff:document:1.2}xliff" and root.get("version") == "1.2"


# -- one reader per format ----------------------------------------------------------------------

def test_xliff_1_2_keeps_text_inside_inline_tags_and_drops_native_codes(tmp_path):
    path = write(tmp_path, "a.xlf", """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.html" source-language="en-GB" target-language="fr-FR" datatype="html"><body>
  <trans-unit id="t1"><source>The <g id="1">big</g> cat<x id="2"/> sat<ph id="3">&lt;br/&gt;</ph>.</source>
   <target>Le <g id="1">gros</g> chat<x id="2"/> s’assit<ph id="3">&lt;br/&gt;</ph>.</target></trans-unit>
  <trans-unit id="t2"><source>Not translated.</source></trans-unit>
  <trans-unit id="t3"><source>Empty.</source><target/></trans-unit>
  <trans-unit id="t4" translate="no"><source>CODE-42</source></trans-unit>
  <trans-unit id="t5"><source>Draft.</source><target state="needs-review-translation">Brouillon.</target></trans-unit>
 </body></file></xliff>""")
    loaded = inputs.load(path)
    assert (loaded.format, loaded.source_lang, loaded.target_lang) == ("xliff-1.2", "en-GB", "fr-FR")
    assert [(s.id, s.source, s.target) for s in loaded.segments] == [
        ("t1", "The big cat sat.", "Le gros chat s’assit."), ("t2", "Not translated.", ""),
        ("t3", "Empty.", ""), ("t5", "Draft.", "Brouillon.")]
    assert loaded.notes and "1 segment" in loaded.notes[0]


def test_xliff_2_reads_pc_and_ph_and_every_segment_of_a_unit(tmp_path):
    path = write(tmp_path, "b.xliff", """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de">
 <file id="f1"><unit id="u1">
  <segment><source>The <pc id="1">big</pc> cat<ph id="2"/> sat.</source><target>Die <pc id="1">große</pc> Katze<ph id="2"/> saß.</target></segment>
  <segment><source>Second.</source><target>Zweiter.</target></segment></unit>
  <unit id="u2"><segment><source>Untranslated.</source></segment></unit></file></xliff>""")
    loaded = inputs.load(path)
    assert (loaded.format, loaded.source_lang, loaded.target_lang) == ("xliff-2", "en", "de")
    assert [(s.source, s.target) for s in loaded.segments] == [
        ("The big cat sat.", "Die große Katze saß."), ("Second.", "Zweiter."), ("Untranslated.", "")]


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
 <tu tuid="1"><tuv xml:lang="en-US"><seg>One <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> word.</seg></tuv>
  <tuv xml:lang="ru-RU"><seg>Одно <hi>жирное</hi> слово.</seg></tuv>{extra}</tu>
 <tu tuid="2"><tuv xml:lang="en-US"><seg>Two.</seg></tuv></tu></body></tmx>"""


def test_tmx_languages_come_from_srclang_and_the_tuvs(tmp_path):
    loaded = inputs.load(write(tmp_path, "c.tmx", TMX.format(extra="")))
    assert (loaded.format, loaded.source_lang, loaded.target_lang) == ("tmx", "en-US", "ru-RU")
    assert [(s.id, s.source, s.target) for s in loaded.segments] == [
        ("1", "One bold word.", "Одно жирное слово."), ("2", "Two.", "")]


def test_tmx_with_several_targets_needs_the_language_named(tmp_path):
    path = write(tmp_path, "multi.tmx", TMX.format(extra='<tuv xml:lang="de"><seg>Ein Wort.</seg></tuv>'))
    with pytest.raises(InputError, match=r"multi\.tmx: .*de, ru-ru.*--target-lang"):
        inputs.load(path)
    assert [s.target for s in inputs.load(path, target_lang="de").segments] == ["Ein Wort.", ""]


def test_po_skips_header_and_obsolete_reads_first_plural_form_and_checks_fuzzy(tmp_path):
    path = write(tmp_path, "d.po", r'''msgid ""
msgstr ""
"Language: ar\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=6; plural=n;\n"

msgid "Hello."
msgstr "مرحبا."

#, fuzzy
msgid "Roughly."
msgstr "تقريبا."

msgid "One file"
msgid_plural "%d files"
msgstr[0] "ملف واحد"
msgstr[1] "ملفان"

msgid "Nobody translated this."
msgstr ""

#~ msgid "Old."
#~ msgstr "قديم."
''')
    loaded = inputs.load(path)
    assert (loaded.format, loaded.source_lang, loaded.target_lang) == ("po", None, "ar")
    assert [(s.source, s.target) for s in loaded.segments] == [
        ("Hello.", "مرحبا."), ("Roughly.", "تقريبا."), ("One file", "ملف واحد"), ("Nobody translated this.", "")]
    assert loaded.notes == ("1 fuzzy entry was checked as translated",)


@pytest.mark.parametrize("name,content,problem", [
    ("broken.xlf", '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file>',
     "not well-formed XML"),
    ("broken.tmx", '<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>',
     "names no source language"),
    ("broken.po", 'msgid "never closed\nmsgstr "x"\n', "not a valid PO file"),
    ("empty.xlf", '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en">'
                  '<file id="f"/></xliff>', "holds no segments"),
    ("html.xlf", "<html><body><p>Not XLIFF.</p></body></html>", "not XLIFF"),
])
def test_malformed_bilingual_files_are_refused_naming_the_file(tmp_path, name, content, problem):
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as raised:
        inputs.load(path)
    assert str(raised.value).startswith(f"{path}: ") and problem in str(raised.value)


XLIFF_WITH = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff [{entities}]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en"
 target-language="fr" datatype="plaintext"><body><trans-unit id="1"><source>He said &e; today.</source>
 <target>Il a dit &e; aujourd'hui.</target></trans-unit></body></file></xliff>"""
TMX_WITH = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx [{entities}]>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t"
 creationtoolversion="1" o-tmf="t"/><body><tu><tuv xml:lang="en"><seg>He said &e; today.</seg></tuv>
 <tuv xml:lang="fr"><seg>Il a dit &e; aujourd'hui.</seg></tuv></tu></body></tmx>"""


@pytest.mark.parametrize("template", [XLIFF_WITH, TMX_WITH], ids=["xliff", "tmx"])
def test_xml_entities_never_read_files_nor_expand_without_bound(tmp_path, template):
    # A freelancer's file must not make the checker read another file into a report (XXE) ...
    secret = write(tmp_path, "secret.txt", "TOPSECRET")
    path = write(tmp_path, "leak." + ("xlf" if template is XLIFF_WITH else "tmx"),
                 template.format(entities=f'<!ENTITY e SYSTEM "{secret.as_uri()}">'))
    segments = inputs.load(path).segments
    assert segments and not any("TOPSECRET" in s.source + s.target for s in segments)
    # ... nor expand ten entities of ten entities ... into a billion (libxml2's amplification bound).
    laughs = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = write(tmp_path, path.name, template.format(entities=laughs + '<!ENTITY e "&l9;">'))
    with pytest.raises(InputError, match="not well-formed XML.*amplification"):
        inputs.load(bomb)


def test_format_is_sniffed_from_the_xml_root_when_the_extension_says_nothing(tmp_path):
    assert inputs.detect_format(write(tmp_path, "memory.xml", TMX.format(extra=""))) == "tmx"
    assert inputs.detect_format(write(tmp_path, "page", "<!DOCTYPE html><html><body/></html>")) == "html"
    assert inputs.detect_format(write(tmp_path, "notes", "Plain words, 3 < 4.")) == "text"
    assert inputs.detect_format(write(tmp_path, "tags.txt", "<b>still text</b>")) == "text"


def test_a_bilingual_file_stands_alone_and_an_article_needs_its_translation(tmp_path):
    xlf = make_bilingual.bilingual_path("faithful", "fr", "xliff-1.2")
    with pytest.raises(InputError, match="holds both sides"):
        inputs.load(xlf, SOURCE)
    with pytest.raises(InputError, match="needs its translation"):
        inputs.load(SOURCE)


# -- HTML and Markdown articles ------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>{title} | The Daily Site</title>
<script>var tracking = "Do not read this script.";</script><style>p {{ color: red; }}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news and more</a></li></ul></nav>
<header><div class="site-banner">Subscribe today for only one dollar a week. Subscribe now.</div></header>
<main><article><h1>{title}</h1>
{paragraphs}
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Another story entirely about 99 things</a></li></ul></aside>
<footer><p>Copyright 2026 The Daily Site. All rights reserved.</p><p>Contact us at 555 0100.</p></footer>
<script>console.log("nor this one");</script></body></html>"""


def html_page(text: str) -> str:
    title, *paragraphs = text.strip().split("\n")
    return PAGE.format(title=title, paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs))


def test_html_article_keeps_title_and_paragraphs_and_drops_the_page_around_them(tmp_path):
    article = html_page("A headline\nFirst paragraph, long enough to count as the body of a story, with a "
                        "<b>bold</b> word and a line<br>break.\nSecond paragraph, long enough as well to be kept "
                        "as the story's text by the extractor.")
    text = inputs.read_article(write(tmp_path, "a.html", article), "html").text
    assert text == ("A headline\n\n"
                    "First paragraph, long enough to count as the body of a story, with a bold word and a line break."
                    "\n\nSecond paragraph, long enough as well to be kept as the story's text by the extractor.")


def test_html_headline_is_the_h1_the_page_title_repeats_not_the_site_logo(tmp_path):
    article = SOURCE.read_text(encoding="utf-8")
    page = html_page(article).replace("<nav>", '<h1 class="logo">The Daily Site</h1><nav>')
    text = inputs.read_article(write(tmp_path, "logo.html", page), "html").text
    assert text == article.strip().replace("\n", "\n\n")


@pytest.mark.model
def test_html_articles_give_the_findings_of_their_text(checker, plain_reports, tmp_path):
    target = SEEDS / "drifted" / "000.fr.txt"
    pages = [write(tmp_path, f"{path.stem}.html", html_page(path.read_text(encoding="utf-8")))
             for path in (SOURCE, target)]
    report = checker.check_paths(*pages)
    plain = plain_reports("drifted", "fr")
    assert [s.text for s in report.source.sentences] == [s.text for s in plain.source.sentences]
    assert [s.text for s in report.target.sentences] == [s.text for s in plain.target.sentences]
    assert _comparable(report) == _comparable(plain) and report.findings
    assert report.signature["settings"]["input"] == "html"


@pytest.mark.model
def test_markdown_pair_is_checked_as_before(checker, tmp_path):
    source = "# Talks resume\n\n- The ministers met on **Monday**.\n- They agreed on 12 points.\n"
    target = "# Reprise des pourparlers\n\n- Les ministres se sont réunis **lundi**.\n- Ils se sont mis d’accord sur 13 points.\n"
    paths = write(tmp_path, "a.md", source), write(tmp_path, "b.md", target)
    assert inputs.load(*paths) == inputs.ArticlePair(inputs.Article(str(paths[0]), "markdown", source),
                                                     inputs.Article(str(paths[1]), "markdown", target))
    report = checker.check_paths(*paths, source_lang="en", target_lang="fr")
    direct = checker.check(source, target, markdown=True, source_lang="en", target_lang="fr")
    assert [s.text for s in report.source.sentences] == [s.text for s in direct.source.sentences]
    assert report.source.sentences[1].text == "The ministers met on **Monday**."  # the bullet kept out
    assert [f.to_dict("F") for f in report.findings] == [f.to_dict("F") for f in direct.findings]
    assert report.signature["settings"]["markdown"] is True and report.signature["settings"]["input"] == "markdown"


# -- the pre-segmented path through the pipeline ------------------------------------------------

@pytest.mark.model
def test_segments_are_kept_as_paired_and_an_empty_target_is_an_omission(checker):
    pairs = [("The council met on Monday.", "Le conseil s’est réuni lundi."),
             ("It approved a budget of 12 million euros.", ""),
             ("", "Cette décision était attendue."),
             ("The mayor thanked the members.", "Le maire a remercié les membres.")]
    report = checker.check_segments(pairs, source_lang="en", target_lang="fr", input_format="xliff-1.2")
    for document, side in ((report.source, 0), (report.target, 1)):
        texts = [pair[side] for pair in pairs if pair[side]]
        assert [s.text for s in document.sentences] == texts
        assert all(document.text[s.start:s.end] == s.text for s in document.sentences)
    assert [(b.source, b.target) for b in report.alignment] == [((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))]
    assert all(b.score > 0.5 for b in report.alignment if b.source and b.target)
    found = {(f.category, (f.source or f.target).text) for f in report.findings}
    assert ("omission", "It approved a budget of 12 million euros.") in found
    assert ("addition", "Cette décision était attendue.") in found
    assert report.signature["settings"]["segmentation"] == "file"
    assert report.signature["settings"]["input"] == "xliff-1.2"


def test_cli_checks_a_bilingual_file_alone():
    path = make_bilingual.bilingual_path("drifted", "ru", "xliff-1.2").relative_to(ROOT)
    result = subprocess.run([sys.executable, "-m", "consistency", "check", str(path), "--format", "json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 1, result.stderr  # major findings, --fail-on major by default
    report = json.loads(result.stdout)
    settings = report["signature"]["settings"]
    assert (settings["segmentation"], settings["input"]) == ("file", "xliff-1.2")
    assert (settings["source_lang"], settings["target_lang"]) == ("en", "ru")
    assert report["source"]["name"] == f"{path} (source)"
    assert {f["category"] for f in report["findings"]} >= {"figure", "omission", "addition"}


def test_cli_refuses_a_bilingual_file_with_a_second_file_before_loading_the_model():
    path = make_bilingual.bilingual_path("drifted", "ru", "po")
    result = subprocess.run([sys.executable, "-m", "consistency", "check", str(path), str(SOURCE)],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "holds both sides" in result.stderr
