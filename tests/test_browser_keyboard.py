"""A keyboard-only journey through the Session 1 app (#12), in real chromium on a real
``ekokit serve``: from page load, with Tab, Shift+Tab, Enter, Space and the arrow keys only (and
typing into fields), create a team, open an exercise, fill a text field, add a list row and fill
it, choose a dropdown value, and hear the status say it is saved. No click, no ``fill``, no
``focus()`` from the test: where the keyboard cannot go, the test fails."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from ekokit.content.i18n import Translator
from ekokit.model.teams import slugify
from ekokit.store.database import Store
from playwright.sync_api import Page, expect
from tests.servers import running_server
from tests.test_browser import (
    APP_TIMEOUT,
    SAVE_TIMEOUT,
    SAVED_OK,
    app_url,
    exercise,
    status,
)

pytestmark = [pytest.mark.server, pytest.mark.browser]

FI = Translator("fi")
MOST_TABS = 120  # a page's worth of stops; more means the keyboard path is lost


@pytest.fixture(scope="module")
def db_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("keyboard") / "ekokit.sqlite"


@pytest.fixture(scope="module")
def server(db_file) -> Iterator[str]:
    with running_server(db_file) as base_url:
        yield base_url



@pytest.fixture()
def page(browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fi-FI")
    context.set_default_timeout(APP_TIMEOUT)
    yield context.new_page()
    context.close()


KEY_DELAY_MS = 40


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)",
                         selector)


def tab_to(page: Page, selector: str, key: str = "Tab") -> None:
    """Press Tab (or Shift+Tab) until the focus is on ``selector``."""
    for _ in range(MOST_TABS):
        page.keyboard.press(key)
        if focused(page, selector):
            return
    raise AssertionError(f"{key} never reached {selector}")


def type_like_a_person(page: Page, text: str) -> None:
    """Keys 40 ms apart, as a fast typist's: Playwright's default (all at once) raced the
    widgets' echo of each key on a loaded 2-core run and once left 'A' of 'Aino'."""
    page.keyboard.type(text, delay=KEY_DELAY_MS)


def test_a_keyboard_only_journey_creates_a_team_and_saves_answers(server, page, db_file):
    name = f"Näppäimistötiimi {uuid.uuid4().hex[:6]}"
    page.goto(app_url(server))
    expect(page.locator(".ek-team-picker")).to_be_visible(timeout=APP_TIMEOUT)

    # a team, created from the picker
    tab_to(page, ".ek-field-team_name input")
    type_like_a_person(page, name)
    page.keyboard.press("Tab")
    assert focused(page, ".ek-field-team_phenomenon input")
    type_like_a_person(page, "Nuorten ylivelkaantuminen")
    page.keyboard.press("Tab")
    assert focused(page, ".ek-field-team_members textarea")
    type_like_a_person(page, "Aino")
    page.keyboard.press("Enter")
    type_like_a_person(page, "Bashir")
    expect(page.locator(".ek-field-team_members textarea")).to_have_value("Aino\nBashir")
    tab_to(page, ".ek-create-team")
    page.keyboard.press("Enter")
    heading = page.locator(".ek-team h2")
    expect(heading).to_contain_text(name)
    expect(heading).to_be_focused()  # the keyboard goes on from the team, not from the top

    # the author, with the arrow keys (Shift+Tab back from the first control after it)
    tab_to(page, ".ek-change-team")
    tab_to(page, ".ek-field-author select", key="Shift+Tab")
    page.keyboard.press("ArrowDown")  # — en kerro — → Aino
    expect(page.locator(".ek-field-author select")).to_have_value("Aino")

    # an exercise with a text field
    tab_to(page, ".ek-ex-s1_phenomenon .ek-toggle")
    page.keyboard.press("Enter")
    section = exercise(page, "s1_phenomenon")
    expect(section.locator(".ek-body")).to_be_visible()
    tab_to(page, ".ek-ex-s1_phenomenon .ek-field-phenomenon input")
    type_like_a_person(page, "Nuorten velat")
    expect(status(page, "s1_phenomenon")).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)

    # a list: add a row, fill it, choose from a dropdown
    tab_to(page, ".ek-ex-s1_actor_map .ek-toggle")
    page.keyboard.press("Space")
    actors = exercise(page, "s1_actor_map")
    expect(actors.locator(".ek-body")).to_be_visible()
    tab_to(page, ".ek-ex-s1_actor_map .ek-add-row")
    page.keyboard.press("Enter")
    first = actors.locator(".ek-row").first
    expect(first.locator(".ek-field-name input")).to_be_focused()
    type_like_a_person(page, "Kela")
    tab_to(page, ".ek-ex-s1_actor_map .ek-field-org_type select")
    page.keyboard.press("ArrowDown")  # — valitse — → the first organisation type
    expect(first.locator(".ek-field-org_type select")).not_to_have_value("")
    expect(status(page, "s1_actor_map")).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)

    # what the keyboard made is in the store, signed by the author chosen
    store = Store(str(db_file))
    slug = slugify(name)
    assert store.latest(slug, "s1_phenomenon").data["phenomenon"] == "Nuorten velat"
    assert store.latest(slug, "s1_phenomenon").author == "Aino"
    row = store.latest(slug, "s1_actor_map").data["actors"][0]
    assert row["name"] == "Kela" and row["org_type"]
