"""``make screenshot``: one exercise of each session, in Finnish and English, as the README shows
them (docs/screenshots/session<N>-<lang>.png, 8 pictures).

A real ``ekokit serve`` on a fresh store holding the demo team, and Debian's chromium at
1366 × 900 (a common laptop): each page opens its exercise with ``?exercise=``, which brings it
into view, and the viewport is taken as it is. The PNGs are reduced to a 256-colour palette
(no dithering, so text stays crisp) to keep the repository small.

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots]"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from ekokit.content.calendar import calendar  # noqa: E402
from ekokit.content.i18n import languages  # noqa: E402
from ekokit.model.teams import demo_team  # noqa: E402
from ekokit.store.database import Store  # noqa: E402
from ekokit.store.demo import ensure_demo_team  # noqa: E402
from PIL import Image  # noqa: E402 - after the repository root is on sys.path
from playwright.sync_api import expect, sync_playwright  # noqa: E402
from tests.servers import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_path,
    ekokit_server,
    free_port,
)

# (session, exercise): one with a drawn chart and a filled form in each session
SHOTS = [("1", "s1_actor_map"), ("2", "s2_futures_wheel"), ("3", "s3_assumptions"),
         ("4", "s4_aar")]
LANGS = languages()
VIEWPORT = {"width": 1366, "height": 900}
TIMEOUT = 120_000  # ms: a kernel per page runs the whole notebook first


def shrink(path: Path) -> None:
    """A 256-colour palette PNG, optimised: a screenshot of text and flat colours loses nothing
    visible and takes a third of the bytes."""
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def take(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ekokit.sqlite"
        ensure_demo_team(Store(str(db)))
        path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
        server = ekokit_server("ekokit serve", db, free_port(), log_path=Path(tmp) / "serve.log",
                               env={"PYTHONPATH": path})
        server.start()
        try:
            server.wait_ready()
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                for session, exercise_id in SHOTS:
                    notebook = calendar().session(session).notebook
                    for lang in LANGS:
                        query = urlencode({"team": demo_team(lang), "lang": lang,
                                           "exercise": exercise_id})
                        context = browser.new_context(viewport=VIEWPORT, locale=f"{lang}-FI")
                        page = context.new_page()
                        page.set_default_timeout(TIMEOUT)
                        page.goto(f"{server.url}voila/render/{notebook}?{query}")
                        section = page.locator(f".ek-ex-{exercise_id}")
                        expect(section.locator(".ek-chart-area img").first).to_be_visible(
                            timeout=TIMEOUT)
                        expect(section.locator("h2")).to_be_in_viewport()
                        page.evaluate("document.fonts.ready")
                        target = out / f"session{session}-{lang}.png"
                        page.screenshot(path=str(target), animations="disabled")
                        shrink(target)
                        written.append(target)
                        print(f"{target.relative_to(REPO)}: {target.stat().st_size // 1024} KB",
                              flush=True)
                        context.close()
                browser.close()
        finally:
            server.stop()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    take(parser.parse_args().out)


if __name__ == "__main__":
    main()
