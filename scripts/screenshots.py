"""Screenshots of public pages on desktop and a 375x812 phone (headless Debian chromium).

Usage: .venv/bin/python scripts/screenshots.py [base_url] [out_dir] [path ...]
"""

from __future__ import annotations

import pathlib
import sys

from playwright.sync_api import sync_playwright

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000"
    out = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/shots")
    paths = sys.argv[3:] or ["/", "/reserver", "/ma-reservation"]
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, viewport in (("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 375, "height": 812})):
            page = browser.new_context(viewport=viewport).new_page()
            for path in paths:
                page.goto(base + path)
                page.wait_for_timeout(2500)
                slug = path.strip("/").replace("/", "_").replace("?", "_") or "home"
                page.screenshot(path=str(out / f"{slug}-{name}.png"), full_page=True)
                print(out / f"{slug}-{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
