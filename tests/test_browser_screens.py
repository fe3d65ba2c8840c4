"""Screens a participant reads (#25, items 3 and 4), in a real chromium:

- the sticky save status never covers the control that has the keyboard focus: Tab through the
  longest form of each session (counted from data/exercises/*.yaml) and every focused control is
  inside the viewport and clear of the status box;
- a 390×844 phone: no sideways scroll on any session page, every chart scaled into its column,
  the header, the share link and the language switch not clipped, the chart's table scrolling in
  its own labelled, focusable box.

One ``ekokit serve`` and one chromium for the module, as in tests/test_browser_page.py."""

from __future__ import annotations

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
