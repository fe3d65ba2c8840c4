"""The projector on a real `ekokit serve` in Debian's chromium: every team's chart with its alt
text at 1920×1080 and at 1280×720, nothing to edit, axe clean, keys that step the pages, the
shared ecosystem, and a timer that runs and stops."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from ekokit.content.exercises import all_exercises, find_exercise
from ekokit.content.i18n import Translator
from ekokit.model.teams import Team
from ekokit.store.database import Store
from playwright.sync_api import Browser, Page, expect
from tests.servers import running_server
from tests.test_browser import serious_violations

pytestmark = [pytest.mark.server, pytest.mark.browser]

PAGE_TIMEOUT = 90_000  # ms: a kernel starts for the page and runs the notebook first
FI = Translator("fi")
HOSTILE = "Tiimi <b>lihava</b> & $5 $x$"
SIZES = [(1920, 1080), (1280, 720)]
SHOTS = Path(os.environ.get("EKOKIT_PROJECTOR_SHOTS", "")) if os.environ.get(
    "EKOKIT_PROJECTOR_SHOTS") else None


def _actors(*names: str) -> dict:
    rings = ("core", "partner", "environment")
    return {"actors": [{"name": name, "org_type": "state", "ring": rings[i % 3]}
                       for i, name in enumerate(names)]}


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("projector") / "ekokit.sqlite"
    store = Store(str(db))
    for slug, name, names in (
        ("nuoret", "Nuoret & velat", ("Kela", "Järvimaan hyvinvointialue", "Ohjaamo")),
        ("ikaantyvat", HOSTILE, ("KELA", "THL", "Seurakunnat", "Jarvimaan hyvinvointialue")),
        ("energia", "Energiaköyhyys", ("Kansaneläkelaitos", "Terveyden ja hyvinvoinnin laitos",
                                       "Energiayhtiöt")),
    ):
        store.create_team(Team(slug=slug, name=name))
        store.save(slug, "s1_actor_map", _actors(*names), base_revision=0)
    with running_server(db) as url:
        yield url



def open_projector(browser: Browser, server: str, size: tuple[int, int], *,
                   clock: bool = False, **params) -> Page:
    """The projector in a new context. ``clock``: the page's time is Playwright's (it flows as
    usual until a test moves it on with ``page.clock.run_for``)."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  locale="fi-FI")
    context.set_default_timeout(PAGE_TIMEOUT)
    page = context.new_page()
    if clock:
        page.clock.install()
    query = "&".join(f"{k}={v}" for k, v in params.items())
    page.goto(f"{server}voila/render/00_projektori.ipynb?{query}")
    expect(page.locator(".ek-projector")).to_be_visible(timeout=PAGE_TIMEOUT)
    return page


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_teams_chart_with_alt_text_nothing_to_edit_and_axe_clean(server, browser, size):
    page = open_projector(browser, server, size, exercise="s1_actor_map")
    try:
        title = find_exercise("s1_actor_map").title("fi")
        expect(page.locator(".ek-projector h1")).to_have_text(title)
        teams = page.locator(".ek-projector-team")
        expect(teams).to_have_count(3)  # the room: the worked example is not one of them
        names = teams.locator("h2").all_inner_texts()
        assert sorted(names) == sorted(["Nuoret & velat", HOSTILE, "Energiaköyhyys"])
        for i in range(3):
            image = teams.nth(i).locator("img")
            expect(image).to_be_visible()
            alt = image.get_attribute("alt") or ""
            assert alt.startswith("Toimijakartalla"), alt
            expect(teams.nth(i).locator("figcaption")).to_have_text(alt)
            box = image.bounding_box()
            assert box and box["width"] >= 300 and box["x"] + box["width"] <= size[0]
        assert page.locator("input, textarea, select, [contenteditable]").count() == 0
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= size[0], wide  # no sideways scrolling on the room's screen
        expect(page.locator(".ek-keys")).to_have_text(FI("projector.keys"))
        if SHOTS:
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"projector-{size[0]}x{size[1]}.png"))
        assert serious_violations(page) == []
    finally:
        page.context.close()


def test_keys_step_the_pages_and_home_shows_the_shared_ecosystem(server, browser):
    page = open_projector(browser, server, SIZES[0], exercise="s1_actor_map")
    try:
        ids = [e.id for e in all_exercises()]
        after = find_exercise(ids[ids.index("s1_actor_map") + 1]).title("fi")
        page.keyboard.press("ArrowRight")
        expect(page.locator(".ek-projector h1")).to_have_text(after)
        page.keyboard.press("PageUp")
        expect(page.locator(".ek-projector h1")).to_have_text(
            find_exercise("s1_actor_map").title("fi"))
        page.keyboard.press("Home")
        expect(page.locator(".ek-projector h1")).to_have_text(FI("shared_ecosystem.title"))
        expect(page.locator(".ek-projector-team")).to_have_count(0)
        network = page.locator(".ek-projector-body img")
        expect(network).to_be_visible()
        alt = network.get_attribute("alt") or ""
        assert "Kela: 3" in alt and "Terveyden ja hyvinvoinnin laitos: 2" in alt, alt
        assert "Järvimaan hyvinvointialue: 2" in alt, alt
        expect(page.locator(".ek-shared-actors li")).to_have_count(3)
        expect(page.locator(".ek-shared-actors")).to_contain_text(HOSTILE)
        if SHOTS:
            page.screenshot(path=str(SHOTS / "projector-ecosystem-1920x1080.png"))
        assert serious_violations(page) == []
    finally:
        page.context.close()


def _seconds(text: str) -> int:
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def test_the_timer_runs_and_stops(server, browser):
    """The page counts a running timer down by its own clock: the test moves that clock on
    (every tick of the page's script in between runs), so nothing waits on the wall clock."""
    page = open_projector(browser, server, SIZES[1], clock=True, exercise="s1_actor_map")
    try:
        clock = page.locator(".ek-timer-clock")
        high = max(find_exercise("s1_actor_map").spec.duration_min)
        expect(clock).to_have_text(f"{high:02d}:00")
        page.locator("button.ek-timer-start").click()
        expect(page.locator(".ek-timer-state")).to_have_text(FI("projector.timer_running"))
        page.clock.run_for(3_000)  # three seconds of the page's time: it runs
        assert high * 60 - 4 <= _seconds(clock.inner_text()) <= high * 60 - 2
        running = clock.inner_text()
        page.clock.run_for(2_000)
        assert _seconds(clock.inner_text()) < _seconds(running)  # still running
        page.locator("button.ek-timer-pause").click()
        expect(page.locator(".ek-timer-state")).to_have_text(FI("projector.timer_paused"))
        stopped = clock.inner_text()
        page.clock.run_for(5_000)  # twenty ticks of the page's script later
        assert clock.inner_text() == stopped  # it stopped
        page.locator("button.ek-timer-reset").click()
        expect(clock).to_have_text(f"{high:02d}:00")
        expect(page.locator(".ek-timer-state")).to_have_text(FI("projector.timer_ready"))
    finally:
        page.context.close()


def test_the_landing_page_and_the_facilitator_link_the_projector(server, browser):
    page = open_projector(browser, server, SIZES[1])
    try:
        page.goto(server)
        link = page.get_by_role("link", name=FI("projector.open"))
        expect(link).to_have_attribute("href", "/voila/render/00_projektori.ipynb?lang=fi")
        page.goto(f"{server}voila/render/00_fasilitaattori.ipynb")
        expect(page.locator(".ek-shared-ecosystem img")).to_be_visible(timeout=PAGE_TIMEOUT)
        page.get_by_role("link", name=FI("projector.open")).click()
        expect(page.locator(".ek-projector")).to_be_visible(timeout=PAGE_TIMEOUT)
    finally:
        page.context.close()
