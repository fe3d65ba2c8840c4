"""Screens a participant reads (#25, items 3 and 4), in a real chromium:

- the sticky save status never covers the control that has the keyboard focus: Tab through the
  longest form of each session (counted from data/exercises/*.yaml) and every focused control is
  inside the viewport and clear of the status box;
- a 390×844 phone: no sideways scroll on any session page, every chart scaled into its column,
  the header, the share link and the language switch not clipped, the chart's table scrolling in
  its own labelled, focusable box.

One ``ekokit serve`` and one chromium for the module, as in tests/test_browser_page.py."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from ekokit.content.calendar import calendar
from ekokit.content.example import example_workbook
from ekokit.content.exercises import Exercise, FieldSpec, exercises_for_session
from ekokit.model.teams import Team
from ekokit.store.database import Store
from playwright.sync_api import Browser, Page, expect
from tests.servers import running_server
from tests.test_browser import APP_TIMEOUT, exercise, open_app

pytestmark = [pytest.mark.server, pytest.mark.browser]

SESSIONS = ["1", "2", "3", "4"]
DEMO = example_workbook()["exercises"]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
MAX_TABS = 200  # more stops than the longest demo form has


def field_count(fields: tuple[FieldSpec, ...]) -> int:
    """Every field of a form, a list's item fields included."""
    return sum(1 + field_count(f.item) for f in fields)


def longest_form(session: str) -> Exercise:
    return max(exercises_for_session(session), key=lambda e: field_count(e.spec.fields))


@pytest.fixture(scope="module")
def db_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screens") / "ekokit.sqlite"


@pytest.fixture(scope="module")
def server(db_file) -> Iterator[str]:
    with running_server(db_file) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def server_store(db_file, server) -> Store:
    return Store(str(db_file))


@pytest.fixture()
def team(server_store) -> Team:
    """A team with the demo team's answers everywhere: forms as long as real ones, every chart
    drawn."""
    slug = f"screen-{uuid.uuid4().hex[:10]}"
    team = server_store.create_team(Team(slug=slug, name=f"Näyttötiimi {slug}",
                                         phenomenon="Nuorten ylivelkaantuminen",
                                         members=["Aino", "Bashir"]))
    for exercise_id, revisions in DEMO.items():
        server_store.save(team.slug, exercise_id, revisions[-1]["data"], base_revision=0,
                          author="Aino")
    return team


def new_page(browser: Browser, viewport: dict[str, int], lang: str = "fi") -> Page:
    context = browser.new_context(viewport=viewport, locale="fi-FI")
    context.set_default_timeout(APP_TIMEOUT)
    return context.new_page()


def session_url(server: str, session: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{server}voila/render/{calendar().session(session).notebook}?{query}"


# -- item 3: the status never covers the focused control -----------------------------------------

FOCUSED = """id => {
  const el = document.activeElement;
  const section = document.querySelector(".ek-ex-" + id);
  if (!el || !section || !section.contains(el) || !el.closest(".ek-body")) { return null; }
  const r = el.getBoundingClientRect();
  const status = section.querySelector(".ek-body > .ek-status");
  const s = status ? status.getBoundingClientRect() : null;
  const name = (el.getAttribute("aria-label") || (el.labels && el.labels[0] &&
    el.labels[0].textContent) || el.textContent || el.tagName).trim().slice(0, 40);
  return {name: el.tagName + " " + name, top: r.top, bottom: r.bottom, left: r.left,
          right: r.right, width: window.innerWidth, height: window.innerHeight,
          inStatus: !!(status && status.contains(el)),
          status: s && s.height ? [s.top, s.bottom, s.left, s.right] : null};
}"""


def hidden_part(box: dict) -> str | None:
    """Why the focused control is not fully visible, or None when it is."""
    if box["top"] < -0.5 or box["bottom"] > box["height"] + 0.5:
        return f"outside the viewport vertically ({box['top']:.0f}–{box['bottom']:.0f})"
    if box["left"] < -0.5 or box["right"] > box["width"] + 0.5:
        return f"outside the viewport sideways ({box['left']:.0f}–{box['right']:.0f})"
    if box["status"] and not box["inStatus"]:
        top, bottom, left, right = box["status"]
        if (box["bottom"] > top + 0.5 and box["top"] < bottom - 0.5
                and box["right"] > left and box["left"] < right):
            return f"{box['bottom'] - top:.0f} px under the status box"
    return None


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366x900", "390x844"])
@pytest.mark.parametrize("session", SESSIONS)
def test_tabbing_through_the_longest_form_every_focused_control_is_in_full_view(
        server, browser, team, session, viewport):
    longest = longest_form(session)
    page = new_page(browser, viewport)
    try:
        open_app(page, session_url(server, session, team=team.slug, exercise=longest.id))
        section = exercise(page, longest.id)
        expect(section.locator(".ek-body > .ek-status")).not_to_be_empty()
        expect(page.locator(f"#ek-h-{longest.id}")).to_be_focused()  # the page put focus here
        stops, covered = 0, []
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            box = page.evaluate(FOCUSED, longest.id)
            if box is None:
                if stops:
                    break  # past the form
                continue  # the open/close button before the form
            stops += 1
            why = hidden_part(box)
            if why:
                covered.append(f"{box['name']}: {why}")
        assert stops >= field_count(longest.spec.fields), (longest.id, stops)
        assert covered == [], (longest.id, covered)
    finally:
        page.context.close()


# -- item 4: a 390×844 phone ----------------------------------------------------------------------

WIDTHS = """() => {
  const cells = document.getElementById("rendered_cells");
  return [document.scrollingElement.scrollWidth, window.innerWidth,
          cells.scrollWidth, cells.clientWidth];
}"""

CLIPPED = """el => {
  /* every line box of the element's text inside the viewport and inside each ancestor that
     clips (overflow other than visible) */
  const range = document.createRange(); range.selectNodeContents(el);
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  const found = [];
  rects.forEach(r => {
    if (r.left < -0.5 || r.right > window.innerWidth + 0.5) {
      found.push(`outside the viewport: ${r.left.toFixed(0)}–${r.right.toFixed(0)}`);
    }
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.overflowX === "visible" && style.overflowY === "visible") { continue; }
      const b = box.getBoundingClientRect();
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5) {
        found.push(`clipped by ${box.tagName}.${box.className}: ` +
                   `${r.right.toFixed(0)} > ${b.right.toFixed(0)}`);
      }
    }
  });
  return rects.length ? found : ["not shown"];
}"""

CHARTS = """() => [...document.querySelectorAll(".ek-chart img")].filter(i => i.offsetParent)
.map(i => {
  const r = i.getBoundingClientRect();
  const column = (i.closest(".ek-chart-area") || i.closest(".ek-chart").parentElement)
    .getBoundingClientRect();
  return {alt: i.alt.slice(0, 50), natural: i.naturalWidth, left: r.left, right: r.right,
          ratio: r.height / r.width, naturalRatio: i.naturalHeight / i.naturalWidth,
          columnLeft: column.left, columnRight: column.right};
})"""


def open_all(page: Page, session: str) -> list[str]:
    """Open every exercise of the page that has an answer to draw."""
    opened = []
    for found in exercises_for_session(session):
        if found.id not in DEMO:
            continue
        section = exercise(page, found.id)
        if not section.count():
            continue
        section.locator(".ek-toggle").click()
        expect(section.locator(".ek-body")).to_be_visible()
        opened.append(found.id)
    return opened


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("session", SESSIONS)
def test_a_phone_page_has_no_sideways_scroll_and_scales_its_charts(server, browser, team, session,
                                                                   lang):
    page = new_page(browser, PHONE)
    try:
        open_app(page, session_url(server, session, team=team.slug, lang=lang))
        for selector in (".ek-app h1", ".ek-lang-switch a", ".ek-share-link"):
            element = page.locator(selector).first
            expect(element).to_be_visible()
            assert element.evaluate(CLIPPED) == [], (selector, element.inner_text())
        opened = open_all(page, session)
        assert opened, session
        expect(page.locator(".ek-chart img").first).to_be_visible()
        page_width, view, cells_scroll, cells_client = page.evaluate(WIDTHS)
        assert page_width <= PHONE["width"] and view == PHONE["width"], (page_width, view)
        assert cells_scroll <= cells_client, (cells_scroll, cells_client)  # the main box neither
        charts = page.evaluate(CHARTS)
        assert charts, session
        wide = 0
        for chart in charts:
            assert chart["columnLeft"] - 0.5 <= chart["left"], chart
            assert chart["right"] <= min(chart["columnRight"], PHONE["width"]) + 0.5, chart
            assert abs(chart["ratio"] - chart["naturalRatio"]) < 0.02, chart  # scaled, not squashed
            wide += chart["natural"] > PHONE["width"]
        assert wide, session  # the case that overflowed is there: a chart wider than the phone
    finally:
        page.context.close()


def test_on_a_phone_a_charts_wide_table_scrolls_in_its_own_box_by_keyboard(server, browser, team):
    """The table alternative of a wide chart scrolls inside its box (the page does not), and
    the keyboard scrolls it: Tab to its "show table" button, open it, arrow right."""
    page = new_page(browser, PHONE)
    try:
        open_app(page, session_url(server, "1", team=team.slug, exercise="s1_actor_map"))
        section = exercise(page, "s1_actor_map")
        summary = section.locator(".ek-chart details > summary")
        summary.focus()
        page.keyboard.press("Enter")
        box = section.locator(".ek-chart details")
        expect(box.locator(".ek-chart-table")).to_be_visible()
        scroll, client = box.evaluate("d => [d.scrollWidth, d.clientWidth]")
        assert scroll > client, (scroll, client)  # wider than the phone: it scrolls in its box
        page_width = page.evaluate("document.scrollingElement.scrollWidth")
        assert page_width <= PHONE["width"], page_width
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        expect(box).not_to_have_js_property("scrollLeft", 0)
    finally:
        page.context.close()


# -- a list row is named by its first field that says something ----------------------------------

def test_a_row_with_an_empty_first_field_is_named_by_the_next_that_says_something(server, browser,
                                                                                   server_store):
    """It read "Rivi 1: (tyhjä)" though the row had a choice made."""
    def ends(text: str) -> re.Pattern[str]:
        return re.compile(re.escape(text) + "$")

    fresh = server_store.create_team(Team(slug=f"rows-{uuid.uuid4().hex[:10]}", name="Rivitiimi",
                                          phenomenon="Ilmiö", members=["Aino"]))
    page = new_page(browser, DESKTOP)
    try:
        open_app(page, session_url(server, "1", team=fresh.slug, exercise="s1_actor_map"))
        section = exercise(page, "s1_actor_map")
        section.locator(".ek-field-actors .ek-add-row").click()
        row = section.locator(".ek-row").first
        toggle = row.locator(".ek-row-toggle")
        expect(toggle).to_have_text(ends("Rivi 1: (tyhjä)"))  # nothing written yet
        kind = row.locator(".ek-field-org_type select")
        kind.select_option(index=2)
        chosen = kind.evaluate("s => s.options[s.selectedIndex].text")
        expect(toggle).to_have_text(ends(f"Rivi 1: {chosen}"))
        row.locator(".ek-field-name input").fill("Kela")
        expect(toggle).to_have_text(ends("Rivi 1: Kela"))  # the first field first
    finally:
        page.context.close()
