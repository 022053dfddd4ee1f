"""Regenerate docs/seed-report.png, the README's picture of the HTML report (`make screenshot`).

Checks the seed article against its drifted Arabic translation (the opt-in name check included, so
that three categories show), renders the HTML report, and photographs it in headless Chromium.
Needs /usr/bin/chromium, /usr/bin/chromedriver and selenium (the `test` extra).
"""
from __future__ import annotations

import sys
import time
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's package, even where another one is installed
OUTPUT = ROOT / "docs" / "seed-report.png"
WINDOW = (1400, 1000)
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--force-device-scale-factor=1")


def main() -> int:
    from consistency import Checker, Settings
    from consistency.render import render_html

    source, target = ROOT / "seeds/source/000.en.txt", ROOT / "seeds/drifted/000.ar.txt"
    checker = Checker(Settings(checks=("figures", "omission", "names")))
    # Names relative to the repository, so the picture shows no local paths.
    report = checker.check(source.read_text(encoding="utf-8"), target.read_text(encoding="utf-8"),
                           names=(str(source.relative_to(ROOT)), str(target.relative_to(ROOT))))
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(render_html(report), encoding="utf-8")
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in (*CHROMIUM_FLAGS, f"--window-size={WINDOW[0]},{WINDOW[1]}",
                     f"--user-data-dir={Path(folder) / 'profile'}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
        try:
            driver.get(page.as_uri())
            # Show a selected finding, as a reader would after clicking it, with its evidence open.
            driver.execute_script("""
                var li = document.querySelector('li.finding');
                li.querySelector('details').open = true;
                li.querySelector('a.jump').click();
                window.scrollTo(0, 0);""")
            time.sleep(2.5)  # past the pair's flash
            OUTPUT.write_bytes(driver.get_screenshot_as_png())
        finally:
            driver.quit()
    print(f"{OUTPUT.relative_to(ROOT)}: {OUTPUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
