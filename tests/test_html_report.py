"""The HTML report: escaping, determinism and its policy here; its behaviour in headless Chromium.

Browser tests drive the system's Chromium (/usr/bin/chromium with /usr/bin/chromedriver, from
Debian's chromium and chromium-driver; `make browser` installs them). Without them they are
skipped, unless CONSISTENCY_REQUIRE_BROWSER=1 (set by `make test`, so CI cannot skip them).
"""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import os
import re
import struct
import tempfile
import zlib
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SEEDS
from consistency.alignment import Bead
from consistency.document import Document, Sentence
from consistency.findings import CATEGORIES, Finding, Span
from consistency.render.html import is_right_to_left, render_html, segments
from consistency.report import Report

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--force-device-scale-factor=1", "--hide-scrollbars")
WINDOW = (1400, 900)

HOSTILE = ("<script>window.pwned=1</script>", "<img src=x onerror=\"window.pwned=1\">",
           "<a href=\"javascript:window.pwned=1\">x</a>", "</textarea>")


# --- a report built by hand, with hostile text everywhere a string can go -----------------------

def _document(lines: list[str], lang: str, name: str) -> Document:
    sentences, start = [], 0
    for index, line in enumerate(lines):
        sentences.append(Sentence(index, start, start + len(line), line, index))
        start += len(line) + 1
    return Document(text="\n".join(lines), lang=lang, sentences=sentences, name=name)


def _span(document: Document, sentence: int, fragment: str) -> Span:
    found = document.sentences[sentence]
    start = found.start + found.text.index(fragment)
    return Span(sentence, start, start + len(fragment), fragment)


def hostile_report() -> Report:
    source = _document([f"Officials said {HOSTILE[0]} was posted on 3 May.",
                        f"A reader wrote {HOSTILE[1]} and {HOSTILE[2]} in reply.",
                        f"The form ended with {HOSTILE[3]} and 40 fields."], "en", f"{HOSTILE[1]}.en.txt")
    target = _document([f"قال المسؤولون إن {HOSTILE[0]} نُشر في 4 مايو.",
                        f"كتب قارئ {HOSTILE[1]} و{HOSTILE[2]} ردًا."], "ar", HOSTILE[2])
    findings = [
        # Overlapping (not nested) on source sentence 0, and one nested inside the first.
        Finding("quote", "major", 0.7, f"quote {HOSTILE[0]} changed", _span(source, 0, f"{HOSTILE[0]} was posted"),
                _span(target, 0, HOSTILE[0]), {"quote": HOSTILE[0], HOSTILE[3]: [HOSTILE[2]]}, "quotes"),
        Finding("name", "minor", 0.5, f"name {HOSTILE[1]}", _span(source, 0, f"said {HOSTILE[0]}"), None,
                {"name": HOSTILE[1]}, "names"),
        Finding("figure", "critical", 0.9, f"figure changed: “3 May” became “4 مايو” ({HOSTILE[3]})",
                _span(source, 0, "window.pwned=1"),
                _span(target, 0, "4 مايو"), {"source": {"values": ["3"]}, "target": {"values": ["4"]}}, "figures"),
        Finding("name", "major", 0.6, f"name {HOSTILE[2]} garbled", _span(source, 1, HOSTILE[2]),
                _span(target, 1, HOSTILE[2]), {"note": HOSTILE[3]}, "names"),
        Finding("omission", "major", 0.8, "source sentence 3 has no counterpart in the translation",
                _span(source, 2, source.sentences[2].text), None, {"between": {"before": 1, "after": None}},
                "omission"),
    ]
    alignment = [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8), Bead((2,), (), -0.1)]
    signature = {"version": "0.1.0", "model": HOSTILE[3], "model_sha256": "0" * 64,
                 "settings": {"source_lang": "en", "target_lang": "ar", "checks": [HOSTILE[0]]}}
    return Report(source, target, alignment, findings, signature, warnings=[f"warning {HOSTILE[1]}"])


def finding_ids(report: Report) -> dict[str, Finding]:
    return {f"F{k}": finding for k, finding in enumerate(report.findings, start=1)}


class MarkCollector(HTMLParser):
    """Every highlight's (side, ids, text, enclosing sentence index and side), from the raw HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks, self._sentence, self._mark = [], None, None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "span" and attributes.get("class") == "sentence":
            self._sentence = (int(attributes["data-sentence"]), attributes["data-side"])
        elif tag == "mark":
            self._mark = {"side": attributes["data-side"], "ids": attributes["data-findings"].split(" "),
                          "text": "", "sentence": self._sentence}

    def handle_data(self, data):
        if self._mark is not None:
            self._mark["text"] += data

    def handle_endtag(self, tag):
        if tag == "mark":
            self.marks.append(self._mark)
            self._mark = None
        elif tag == "span" and self._mark is None:
            self._sentence = None


def collect_marks(page: str) -> list[dict]:
    collector = MarkCollector()
    collector.feed(page)
    return collector.marks


# --- without a browser ----------------------------------------------------------------------------

def test_segments_cut_at_every_edge_and_list_every_covering_span():
    pieces = segments(10, [(2, 6, "F1"), (4, 8, "F2"), (5, 6, "F3"), (9, 30, "F4"), (7, 7, "F5")])
    assert pieces == [(0, 2, ()), (2, 4, ("F1",)), (4, 5, ("F1", "F2")), (5, 6, ("F1", "F2", "F3")),
                      (6, 8, ("F2",)), (8, 9, ()), (9, 10, ("F4",))]


def test_overlapping_and_nested_spans_render_as_segments_carrying_every_id():
    report = hostile_report()
    findings = finding_ids(report)
    marks = collect_marks(render_html(report))
    for key, finding in findings.items():
        for side in ("source", "target"):
            span = getattr(finding, side)
            mine = [mark for mark in marks if key in mark["ids"] and mark["side"] == side]
            assert "".join(mark["text"] for mark in mine) == (span.text if span else "")
            assert all(mark["sentence"] == (span.sentence, side) for mark in mine)
    quote, name, figure = (next(k for k, f in findings.items() if f.category == category and f.source.sentence == 0)
                           for category in ("quote", "name", "figure"))
    by_ids = {tuple(mark["ids"]): mark["text"] for mark in marks if mark["sentence"] == (0, "source")}
    assert by_ids[(name,)] == "said "
    assert by_ids[tuple(sorted((quote, name, figure)))] == "window.pwned=1"  # all three cover it
    assert by_ids[(quote,)] == " was posted"


def test_same_report_renders_byte_identical_html():
    # Two reports built alike, not one object twice: nothing may depend on identity, time or order of a set.
    assert render_html(hostile_report()) == render_html(hostile_report())


def test_article_text_and_findings_are_escaped_everywhere():
    page = render_html(hostile_report())
    for hostile in HOSTILE:
        assert hostile not in page
        assert hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in page
    assert page.count("<script") == 1 and page.count("</script>") == 1
    assert "<img" not in page and "<textarea" not in page.lower() and "</textarea" not in page.lower()
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", page, re.I)
    # Quoted parts of messages are isolated, so Arabic inside English keeps its quotation marks in place.
    assert "became “<bdi>4 مايو</bdi>” (&lt;/textarea&gt;)" in page


def _inline(page: str, tag: str) -> str:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S)
    return match.group(1)


def _policy(page: str) -> dict[str, list[str]]:
    content = unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1))
    return {name: values for name, *values in (part.split() for part in content.split(";") if part.strip())}


def test_policy_allows_only_the_inline_style_and_script_by_their_hashes():
    page = render_html(hostile_report())
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<style>")
    policy = _policy(page)

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == [digest(_inline(page, "script"))]
    assert policy["style-src"] == [digest(_inline(page, "style"))]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]


class AttributeCollector(HTMLParser):
    """Every attribute of every element, as a browser's parser reads them (not text that looks like one)."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)


def assert_refers_to_nothing_outside(page: str) -> None:
    collector = AttributeCollector()
    collector.feed(page)
    attributes = collector.attributes
    assert [value for _, name, value in attributes if name == "href"], "the page links its findings and pairs"
    assert all(value.startswith("#") for _, name, value in attributes if name == "href")
    loading = {"src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background", "manifest"}
    assert [a for a in attributes if a[1] in loading] == []
    assert [a for a in attributes if a[1].startswith("on")] == [], "no event handler attributes"
    assert collector.tags.isdisjoint({"link", "iframe", "frame", "object", "embed", "img", "base", "video", "audio"})
    style = _inline(page, "style")
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert not re.search(r"https?:|fetch\(|XMLHttpRequest|WebSocket|import\(|\.src\b", _inline(page, "script"))
    assert _policy(page)["default-src"] == ["'none'"]


def test_page_refers_to_nothing_outside_itself():
    assert_refers_to_nothing_outside(render_html(hostile_report()))


def test_right_to_left_languages_come_from_icu_script_data():
    assert [lang for lang in ("ar", "fa", "he", "ur", "dv", "en", "ru", "zh", "ja", "ko") if is_right_to_left(lang)] \
        == ["ar", "fa", "he", "ur", "dv"]


def test_the_command_line_offers_the_html_format():
    from consistency.cli import build_parser

    assert build_parser().parse_args(["check", "a", "b", "--format", "html"]).format == "html"


# --- in headless Chromium ------------------------------------------------------------------------

def _browser_or_skip() -> None:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if importlib.util.find_spec("selenium") is None:
        missing.append("the selenium package (the test extra)")
    if missing:
        reason = f"browser tests need {', '.join(missing)} (`make browser` installs Chromium)"
        if os.environ.get("CONSISTENCY_REQUIRE_BROWSER") == "1":
            pytest.fail(f"CONSISTENCY_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def driver():
    _browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*CHROMIUM_FLAGS, f"--window-size={WINDOW[0]},{WINDOW[1]}", f"--user-data-dir={profile}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        browser = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
        try:
            yield browser
        finally:
            browser.quit()


@pytest.fixture
def page(driver, tmp_path):
    """Opens a rendered report in a fresh page at the standard window size; returns the file's URI."""
    def open_page(html: str, name: str = "report.html") -> str:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        driver.set_window_size(*WINDOW)
        for log in ("performance", "browser"):
            driver.get_log(log)  # read and dropped: what a test reads afterwards is this page's
        driver.get(path.as_uri())
        return path.as_uri()

    return open_page


@pytest.fixture(scope="module")
def seed_report(default_encoder):
    """The seed article against a drifted translation, with the opt-in name check (three categories)."""
    from consistency import Checker, Settings

    checker = Checker(Settings(checks=("figures", "omission", "names")), encoder=default_encoder)
    cache = {}

    def get(lang: str) -> Report:
        if lang not in cache:
            source, target = SEEDS / "source" / "000.en.txt", SEEDS / "drifted" / f"000.{lang}.txt"
            cache[lang] = checker.check(source.read_text(encoding="utf-8"), target.read_text(encoding="utf-8"),
                                        names=(source.name, target.name))
        return cache[lang]

    return get


PLACED_HIGHLIGHTS = """
    var found = {};
    document.querySelectorAll('mark.hl').forEach(function (mark) {
      var sentence = mark.closest('.sentence'), cell = mark.closest('td');
      mark.dataset.findings.split(' ').forEach(function (id) {
        (found[id] = found[id] || []).push({side: mark.dataset.side, text: mark.textContent,
          sentence: Number(sentence.dataset.sentence), sentenceSide: sentence.dataset.side,
          cellSide: cell.dataset.side});
      });
    });
    return found;"""


@pytest.mark.browser
@pytest.mark.model
@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_every_finding_is_highlighted_on_its_sentence_and_side(driver, page, seed_report, lang):
    report = seed_report(lang).to_dict()
    assert len(report["findings"]) >= 4
    page(render_html(seed_report(lang)))
    placed = driver.execute_script(PLACED_HIGHLIGHTS)
    assert set(placed) == {finding["id"] for finding in report["findings"]}
    for finding in report["findings"]:
        for side in ("source", "target"):
            span, pieces = finding[side], [p for p in placed[finding["id"]] if p["side"] == side]
            if span is None:
                assert pieces == [], finding["id"]
                continue
            assert "".join(p["text"] for p in pieces) == span["text"], finding["id"]
            assert {(p["sentence"], p["sentenceSide"], p["cellSide"]) for p in pieces} == {(span["sentence"], side, side)}
    # One row per bead, each sentence once, in its bead's row, with exactly its text.
    rows = driver.execute_script("""
        return Array.from(document.querySelectorAll('tr.pair')).map(function (row) {
          return ['source', 'target'].map(function (side) {
            return Array.from(row.querySelectorAll('.sentence[data-side=' + side + ']')).map(function (s) {
              return [Number(s.dataset.sentence), s.textContent]; }); }); });""")
    assert [[[index for index, _ in cell] for cell in row] for row in rows] == \
        [[bead["source"], bead["target"]] for bead in report["alignment"]]
    for row in rows:
        for side, cell in zip(("source", "target"), row):
            for index, text in cell:
                assert text == report[side]["sentences"][index]["text"]


@pytest.mark.browser
@pytest.mark.model
def test_arabic_column_runs_right_to_left_and_english_left_to_right(driver, page, seed_report):
    page(render_html(seed_report("ar")))
    layout = driver.execute_script("""
        var result = {};
        ['source', 'target'].forEach(function (side) {
          var cell = document.querySelector('tr.pair:not(.gap) td[data-side=' + side + ']');
          var sentence = cell.querySelector('.sentence'), box = cell.getBoundingClientRect();
          var text = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT).nextNode();
          var first = document.createRange();
          first.setStart(text, 0);
          first.setEnd(text, 1);
          var firstLetter = first.getBoundingClientRect();
          result[side] = {direction: getComputedStyle(sentence).direction, lang: cell.lang,
                          head: getComputedStyle(document.querySelector('thead th[data-side=' + side + ']')).direction,
                          fromLeft: firstLetter.left - box.left, fromRight: box.right - firstLetter.right};
        });
        return result;""")
    assert (layout["source"]["direction"], layout["source"]["head"], layout["source"]["lang"]) == ("ltr", "ltr", "en")
    assert (layout["target"]["direction"], layout["target"]["head"], layout["target"]["lang"]) == ("rtl", "rtl", "ar")
    # The first letter sits at the cell's start edge: the left for English, the right for Arabic.
    assert layout["source"]["fromLeft"] < 40 < layout["source"]["fromRight"]
    assert layout["target"]["fromRight"] < 40 < layout["target"]["fromLeft"]


VISIBLE_FINDINGS = """
    return Array.from(document.querySelectorAll('li.finding'))
      .filter(function (li) { return li.getClientRects().length > 0; })
      .map(function (li) { return li.dataset.finding; });"""


@pytest.mark.browser
@pytest.mark.model
def test_filters_hide_exactly_the_unticked_categories_and_severities(driver, page, seed_report):
    from selenium.webdriver.common.by import By

    findings = seed_report("ar").to_dict()["findings"]
    page(render_html(seed_report("ar")))
    category, severity = "figure", "major"
    assert {f["category"] for f in findings} >= {category} and {f["severity"] for f in findings} >= {severity}

    def expected(hidden_categories=(), hidden_severities=()):
        return [f["id"] for f in findings
                if f["category"] not in hidden_categories and f["severity"] not in hidden_severities]

    def box(group, value):
        return driver.find_element(By.CSS_SELECTOR, f"#filters input[name={group}][value={value}]")

    assert driver.execute_script(VISIBLE_FINDINGS) == expected()
    box("category", category).click()
    assert driver.execute_script(VISIBLE_FINDINGS) == expected([category])
    box("severity", severity).click()
    visible = expected([category], [severity])
    assert driver.execute_script(VISIBLE_FINDINGS) == visible
    assert driver.find_element(By.ID, "shown").text == f"{len(visible)} of {len(findings)} findings shown"
    # Highlights of hidden findings lose their colour; the others keep it.
    muted = driver.execute_script("""
        return Array.from(document.querySelectorAll('mark.hl')).map(function (mark) {
          return [mark.dataset.findings.split(' '), mark.classList.contains('muted'),
                  getComputedStyle(mark).backgroundColor]; });""")
    for ids, is_muted, background in muted:
        assert is_muted == (not set(ids) & set(visible))
        assert (background == "rgba(0, 0, 0, 0)") == is_muted
    box("category", category).click()
    box("severity", severity).click()
    assert driver.execute_script(VISIBLE_FINDINGS) == expected()
    # Categories with no finding offer nothing to untick.
    empty = set(CATEGORIES) - {f["category"] for f in findings}
    assert empty and all(not box("category", c).is_enabled() for c in empty)


IN_VIEW = """
    var box = arguments[0].getBoundingClientRect();
    return [box.top, box.bottom, window.innerHeight, window.scrollY];"""


@pytest.mark.browser
@pytest.mark.model
def test_clicking_a_finding_far_down_scrolls_its_pair_into_view(driver, page, seed_report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page(render_html(seed_report("ar")))
    driver.set_window_size(1400, 600)
    last = driver.find_elements(By.CSS_SELECTOR, "li.finding")[-1]
    key = last.get_attribute("data-finding")
    row = driver.find_element(By.ID, last.get_attribute("data-beads").split(" ")[0])
    link = last.find_element(By.CSS_SELECTOR, "a.jump")
    driver.execute_script("arguments[0].scrollIntoView({block: 'nearest'})", link)
    top, bottom, height, scrolled_before = driver.execute_script(IN_VIEW, row)
    assert top > height, "the pair starts below the window"
    link.click()

    def pair_in_view(_) -> bool:
        top, bottom, height, _scrolled = driver.execute_script(IN_VIEW, row)
        return 0 <= top and bottom <= height

    WebDriverWait(driver, 5).until(pair_in_view)
    assert driver.execute_script(IN_VIEW, row)[3] > scrolled_before
    assert "flash" in row.get_attribute("class")
    assert "selected" in last.get_attribute("class")
    active = driver.execute_script("return Array.from(document.querySelectorAll('mark.hl.active'))"
                                   ".map(function (m) { return m.dataset.findings; });")
    expected = driver.execute_script(f"return document.querySelectorAll('mark.hl[data-findings~={key}]').length")
    assert expected and len(active) == expected and all(key in ids.split(" ") for ids in active)


@pytest.mark.browser
@pytest.mark.model
def test_clicking_a_highlight_selects_its_finding(driver, page, seed_report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page(render_html(seed_report("ar")))
    mark = driver.find_elements(By.CSS_SELECTOR, "mark.hl[data-side=target]")[-1]
    key = mark.get_attribute("data-findings").split(" ")[0]
    mark.click()
    item = driver.find_element(By.ID, f"finding-{key}")
    assert "selected" in item.get_attribute("class")
    assert [li.get_attribute("data-finding") for li in driver.find_elements(By.CSS_SELECTOR, "li.finding.selected")] == [key]
    assert item.find_element(By.TAG_NAME, "details").get_attribute("open") is not None
    assert "active" in mark.get_attribute("class")
    # The list scrolls to the selected finding.
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("""
        var item = arguments[0].getBoundingClientRect(), list = document.querySelector('aside').getBoundingClientRect();
        var edge = Math.min(list.bottom, window.innerHeight) + 1;  // sub-pixel layout
        return item.top >= list.top && item.bottom <= edge;""", item))


@pytest.mark.browser
def test_clicking_a_highlight_of_several_findings_cycles_through_them(driver, page):
    from selenium.webdriver.common.by import By

    page(render_html(hostile_report()))
    mark = next(m for m in driver.find_elements(By.CSS_SELECTOR, "mark.hl")
                if len(m.get_attribute("data-findings").split(" ")) == 3)
    ids = mark.get_attribute("data-findings").split(" ")
    chosen = []
    for _ in range(4):
        mark.click()
        chosen.append(driver.find_element(By.CSS_SELECTOR, "li.finding.selected").get_attribute("data-finding"))
    assert chosen == ids + ids[:1]


def decode_png(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * channels
    previous, pixels = bytearray(stride), []
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                nearest = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[x] = (line[x] + nearest[2]) & 255
        pixels.extend(tuple(line[x:x + 3]) for x in range(0, stride, channels))
        previous = line
    return width, height, pixels


@pytest.mark.browser
@pytest.mark.model
def test_screenshot_shows_the_report_with_its_highlight_colours(driver, page, seed_report):
    page(render_html(seed_report("ar")))
    colours = driver.execute_script("""
        return Array.from(document.querySelectorAll('mark.hl')).filter(function (mark) {
          var box = mark.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight; })
        .map(function (mark) { return getComputedStyle(mark).backgroundColor; });""")
    assert colours, "highlights in the first screenful"
    width, height, pixels = decode_png(driver.get_screenshot_as_png())
    assert width == WINDOW[0] and len(pixels) == width * height
    counts = Counter(pixels)
    assert len(counts) > 200, "text, highlights and badges give many colours"
    assert counts.most_common(1)[0][1] < 0.8 * len(pixels), "no single colour fills the page"
    for colour in set(colours):
        rgb = tuple(int(n) for n in re.findall(r"\d+", colour)[:3])
        assert counts[rgb] > 50, f"highlight colour {colour} on screen"


@pytest.mark.browser
def test_hostile_article_text_shows_as_text_and_runs_nothing(driver, page):
    from selenium.webdriver.common.by import By

    page(render_html(hostile_report()))
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert driver.execute_script("return document.scripts.length") == 1
    assert driver.execute_script("return document.images.length + document.querySelectorAll('textarea').length") == 0
    hrefs = driver.execute_script("return Array.from(document.querySelectorAll('[href]'))"
                                  ".map(function (e) { return e.getAttribute('href'); })")
    assert hrefs and all(href.startswith("#") for href in hrefs)
    body = driver.find_element(By.TAG_NAME, "body").text
    for hostile in HOSTILE:
        assert hostile in body
    assert driver.find_element(By.ID, "filters").is_enabled(), "the report's own script ran"


@pytest.mark.browser
def test_policy_stops_script_that_an_escaping_bug_would_let_in(driver, page):
    from selenium.webdriver.common.by import By

    injected = ("<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">"
                "<p onclick=\"window.pwned=3\">click me</p>")
    tampered = render_html(hostile_report()).replace("<body>\n", "<body>\n" + injected, 1)
    page(tampered)
    driver.find_element(By.CSS_SELECTOR, "p[onclick]").click()
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert driver.find_element(By.ID, "filters").is_enabled(), "the report's own script still ran"
    refusals = [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert refusals, "Chromium reports what the policy refused"


@pytest.mark.browser
@pytest.mark.model
def test_report_makes_no_request_but_for_itself(driver, page, seed_report):
    html = render_html(seed_report("ar"))
    assert_refers_to_nothing_outside(html)
    uri = page(html)
    driver.execute_script("document.querySelector('li.finding a.jump').click()")
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    assert uri in requests, "the log records the page's own load"
    assert set(requests) == {uri}
    refused = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert refused == [], "the policy lets the report's own style and script through"
    background = driver.execute_script("return getComputedStyle(document.querySelector('mark.hl')).backgroundColor")
    assert background != "rgba(0, 0, 0, 0)", "the inline style applied"
