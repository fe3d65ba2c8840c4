"""Every session page in Swedish, in real chromium on a real ``ekokit serve`` (#26): open an
exercise with a drawn chart, save, reload and see "Sparat"; axe finds nothing serious; the
language switch offers suomi · svenska · English; the footer links the statement in Swedish; and
no Finnish text of the user interface is on the page.

``test_no_finnish_exercise_title_on_a_swedish_page`` needs the Swedish cards and readings
(data/sv/cards, data/sv/concepts): until they exist the page shows the Finnish ones, and it fails
as it should."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from ekokit.content.calendar import calendar
from ekokit.content.exercises import exercises_for_session
from ekokit.content.i18n import Translator, catalogue, languages
from ekokit.model.teams import Team
from ekokit.store.database import Store
from playwright.sync_api import Page, expect
from tests.servers import running_server
from tests.test_browser import (
    APP_TIMEOUT,
    SAVE_TIMEOUT,
    SESSION_EXERCISES,
    exercise,
    is_local,
    open_exercise,
    serious_violations,
    status,
)

pytestmark = [pytest.mark.server, pytest.mark.browser]

SV, FI = Translator("sv"), Translator("fi")
SHORTEST = 12  # characters: a Finnish UI phrase this long is not a name or a number


SAME_IN_BOTH = {"downloads.format_md", "charts.months"}  # "Markdown (wiki)", "1,2,…,12"


def finnish_ui_phrases() -> set[str]:
    """The literal pieces (between placeholders) of every Finnish message: none of them may be
    on a Swedish page (a message copied untranslated into data/sv is caught too)."""
    phrases = set()
    for key, text in catalogue("fi").items():
        if key in SAME_IN_BOTH:
            continue
        for piece in re.split(r"{\w+}", text):
            piece = piece.strip(" .:,()–")
            if len(piece) >= SHORTEST:
                phrases.add(piece)
    return phrases


def finnish_on(page: Page, phrases: set[str]) -> list[str]:
    shown = page.locator("body").inner_text()
    return sorted(p for p in phrases if p in shown)


@pytest.fixture(scope="module")
def db_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser_sv") / "ekokit.sqlite"


@pytest.fixture(scope="module")
def server(db_file) -> Iterator[str]:
    with running_server(db_file) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def server_store(db_file, server) -> Store:
    return Store(str(db_file))


@pytest.fixture()
def page(browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-FI")
    context.set_default_timeout(APP_TIMEOUT)
    yield context.new_page()
    context.close()


@pytest.fixture()
def team(server_store) -> Team:
    slug = f"sv-{uuid.uuid4().hex[:10]}"
    return server_store.create_team(Team(slug=slug, name=f"Testteam {slug}",
                                         phenomenon="Ungas överskuldsättning",
                                         members=["Anna", "Bashir"]))


def session_url(server: str, session: str, **params: str) -> str:
    notebook = calendar().session(session).notebook
    return f"{server}voila/render/{notebook}?{urlencode({**params, 'lang': 'sv'})}"


def test_the_phrase_list_is_not_empty_and_catches_finnish():
    """The check can fail: the Finnish status text is one of the phrases, and no Swedish
    message contains one."""
    phrases = finnish_ui_phrases()
    assert len(phrases) > 300
    assert any(p in FI("status.empty") for p in phrases)
    swedish = "\n".join(text for key, text in catalogue("sv").items() if key not in SAME_IN_BOTH)
    assert sorted(p for p in phrases if p in swedish) == []


@pytest.mark.parametrize("session, exercise_id, field", SESSION_EXERCISES,
                         ids=[s for s, _, _ in SESSION_EXERCISES])
def test_each_session_in_swedish_saves_draws_and_passes_axe(server, page, team, server_store,
                                                             session, exercise_id, field):
    from ekokit.content.example import example_workbook

    demo = example_workbook()["exercises"][exercise_id][-1]["data"]
    server_store.save(team.slug, exercise_id, demo, base_revision=0, author="Anna")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("websocket", lambda socket: requested.append(socket.url))
    page.goto(session_url(server, session, team=team.slug))
    expect(page.locator(".ek-app")).to_be_visible(timeout=APP_TIMEOUT)
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator(".ek-app h1")).to_have_text(SV(f"session.title_{session}"))
    expect(page).to_have_title(f"{SV(f'session.title_{session}')} – ekokit")

    switch = page.locator("nav.ek-lang-switch")
    expect(switch).to_have_attribute("aria-label", SV("lang.switch_label"))
    expect(switch).to_have_text("suomi · svenska · English")
    expect(switch.locator("[aria-current=true]")).to_have_text("svenska")
    english = switch.locator("a[hreflang=en]")
    assert f"team={team.slug}" in english.get_attribute("href")  # the page's team is kept
    footer = page.locator("footer.ek-site-footer a")
    expect(footer).to_have_text(SV("statement.link"))
    assert footer.get_attribute("href").endswith("/ekokit/accessibility?lang=sv")

    open_exercise(page, exercise_id)
    section = exercise(page, exercise_id)
    chart = section.locator(".ek-chart-area figure img")
    expect(chart).to_be_visible()
    assert len(chart.get_attribute("alt") or "") > 20
    typed = f"Träff {session}: <i>ny</i> text"
    section.locator(f".ek-field-{field} input, .ek-field-{field} textarea").fill(typed)
    expect(status(page, exercise_id)).to_contain_text("Sparat", timeout=SAVE_TIMEOUT)
    expect(status(page, exercise_id)).to_contain_text(re.compile(r"Sparat .+ \(version 2\)"))
    assert serious_violations(page) == []
    assert finnish_on(page, finnish_ui_phrases()) == []

    page.reload()
    expect(page.locator(".ek-app")).to_be_visible(timeout=APP_TIMEOUT)
    open_exercise(page, exercise_id)
    expect(section.locator(f".ek-field-{field} input, .ek-field-{field} textarea")).to_have_value(
        typed)
    expect(status(page, exercise_id)).to_contain_text("Sparat")
    assert server_store.latest(team.slug, exercise_id).data[field] == typed
    assert finnish_on(page, finnish_ui_phrases()) == []
    assert [url for url in requested if not is_local(url)] == []


def test_no_finnish_exercise_title_on_a_swedish_page(server, page, team):
    """Passes once data/sv/cards and data/sv/concepts are there (the translators' branches)."""
    page.goto(session_url(server, "1", team=team.slug))
    expect(page.locator(".ek-app")).to_be_visible(timeout=APP_TIMEOUT)
    titles = {e.title("fi") for e in exercises_for_session("1")} - {
        e.title("sv") for e in exercises_for_session("1") if "sv" in e.texts}
    shown = page.locator(".ek-app").inner_text()
    assert "sv" in languages() and titles
    assert sorted(t for t in titles if t in shown) == []
