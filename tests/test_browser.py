"""The Session 1 app in a real browser: Debian's chromium driven by Playwright.

One ``ekokit serve`` and one chromium for the whole module; each test gets fresh browser
contexts and, where it saves, a fresh team of its own."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from ekokit.content.i18n import Translator
from ekokit.content.readings import reflection_questions
from ekokit.model.teams import Team
from ekokit.store.database import Store
from playwright.sync_api import Browser, BrowserContext, Page, expect
from tests.servers import running_server

pytestmark = [pytest.mark.server, pytest.mark.browser]  # one `ekokit serve`, one chromium

SESSION_NOTEBOOK = "01_ekosysteemit.ipynb"
APP_TIMEOUT = 90_000  # ms: a new kernel per page load runs the whole notebook first
SAVE_TIMEOUT = 15_000  # ms: the status says "saved" well within this
FI = Translator("fi")


def message(key: str, **known: object) -> re.Pattern[str]:
    """The Finnish message ``key`` as a pattern: its text, with ``{placeholders}`` not given in
    ``known`` matching anything (the time of a save, a revision number…). Without params the
    translator gives the template itself."""
    parts = re.split(r"({\w+})", FI(key))
    return re.compile("".join(
        re.escape(str(known[p[1:-1]])) if p[1:-1] in known else ".*?" if p.startswith("{")
        else re.escape(p) for p in parts if p))


def either(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


SAVED_OK = either(message("status.saved"), message("status.saved_incomplete"))
REFUSED = message("status.invalid")
SAVED = either(SAVED_OK, REFUSED)  # a finished save attempt, good or refused


# -- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def db_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser") / "ekokit.sqlite"


@pytest.fixture(scope="module")
def server(db_file) -> Iterator[str]:
    with running_server(db_file) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def server_store(db_file, server) -> Store:
    """The very store the server's kernels write to (its EKOKIT_DB)."""
    return Store(str(db_file))



def _new_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    context.set_default_timeout(APP_TIMEOUT)
    return context


@pytest.fixture()
def context(browser) -> Iterator[BrowserContext]:
    context = _new_context(browser)
    yield context
    context.close()


@pytest.fixture()
def page(context) -> Page:
    return context.new_page()


@pytest.fixture()
def team(server_store) -> Team:
    slug = f"e2e-{uuid.uuid4().hex[:10]}"
    return server_store.create_team(
        Team(slug=slug, name=f"Testitiimi {slug}", phenomenon="Nuorten ylivelkaantuminen",
             members=["Aino", "Bashir"])
    )


# -- helpers -----------------------------------------------------------------------------------


def app_url(server: str, **params: str) -> str:
    query = f"?{urlencode(params)}" if params else ""
    return f"{server}voila/render/{SESSION_NOTEBOOK}{query}"


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(".ek-app")).to_be_visible(timeout=APP_TIMEOUT)


def exercise(page: Page, exercise_id: str):
    return page.locator(f".ek-ex-{exercise_id}")


def open_exercise(page: Page, exercise_id: str) -> None:
    section = exercise(page, exercise_id)
    toggle = section.locator(".ek-toggle")
    toggle.click()
    expect(section.locator(".ek-body")).to_be_visible()
    expect(section.locator(".ek-status")).not_to_be_empty()


def text_input(page: Page, exercise_id: str, field: str):
    return exercise(page, exercise_id).locator(f".ek-field-{field} input")


def status(page: Page, exercise_id: str):
    return exercise(page, exercise_id).locator(".ek-status")


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") not in ("serious", "critical"):
            continue
        targets = [node.get("target") for node in violation.get("nodes", [])[:3]]
        snippets = [node.get("html", "")[:200] for node in violation.get("nodes", [])[:3]]
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} "
                     f"— {len(violation['nodes'])} node(s), e.g. {targets} {snippets}")
    return found


def is_local(url: str) -> bool:
    split = urlsplit(url)
    return split.scheme in ("data", "blob") or split.hostname == "127.0.0.1"


ACTORS = [
    {"name": "Kela", "org_type": "state", "ring": "core", "layer": "insider",
     "roles": ["orchestrator"], "in_team": True},
    {"name": "Takuusäätiö", "org_type": "ngo", "ring": "core", "layer": "activist",
     "roles": ["expert", "enabler"], "in_team": False},
    {"name": "Helsingin kaupunki", "org_type": "municipality", "ring": "partner",
     "layer": "activist", "roles": ["user"], "in_team": False},
    {"name": "Pankit ja pikavippiyhtiöt", "org_type": "company", "ring": "environment",
     "layer": "follower", "roles": [], "in_team": False},
]


# -- a. autosave and reload ----------------------------------------------------------------------


def test_an_answer_is_saved_and_comes_back_after_a_reload(server, page, team, server_store):
    typed = "Nuorten <b>velat</b>"
    open_app(page, app_url(server, team=team.slug))
    open_exercise(page, "s1_phenomenon")
    expect(status(page, "s1_phenomenon")).to_contain_text(FI("status.empty"))
    text_input(page, "s1_phenomenon", "phenomenon").fill(typed)
    expect(status(page, "s1_phenomenon")).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)

    page.reload()
    expect(page.locator(".ek-app")).to_be_visible(timeout=APP_TIMEOUT)
    open_exercise(page, "s1_phenomenon")
    expect(text_input(page, "s1_phenomenon", "phenomenon")).to_have_value(typed)
    expect(status(page, "s1_phenomenon")).to_contain_text(  # saved with no author chosen
        message("status.loaded_anonymous", revision=1))
    # the HTML is kept as text, never rendered
    expect(exercise(page, "s1_phenomenon").locator("b", has_text="velat")).to_have_count(0)

    latest = server_store.latest(team.slug, "s1_phenomenon")
    assert latest is not None and latest.revision == 1
    assert latest.data["phenomenon"] == typed


# -- b. accessibility (axe-core) -----------------------------------------------------------------


def test_axe_landing_page(server, page):
    page.goto(server)
    expect(page.locator("main h1")).to_be_visible()
    assert serious_violations(page) == []


def test_axe_session_app_with_the_team_picker(server, page):
    open_app(page, app_url(server))
    expect(page.locator(".ek-team-picker")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fi")  # Finnish unless ?lang=
    assert serious_violations(page) == []


def test_axe_session_app_with_an_open_exercise(server, page, team):
    open_app(page, app_url(server, team=team.slug))
    open_exercise(page, "s1_actor_map")
    section = exercise(page, "s1_actor_map")
    section.locator(".ek-add-row").click()
    expect(section.locator(".ek-row")).to_have_count(1)
    expect(status(page, "s1_actor_map")).to_contain_text(SAVED, timeout=SAVE_TIMEOUT)
    # and a reading's questions, answered: each text box labelled with its question
    open_exercise(page, "r1_ecosystem")
    reflection = exercise(page, "r1_ecosystem")
    question = reflection.locator(".ek-field-q2 textarea")
    expect(question).to_have_accessible_name(re.compile(re.escape(
        reflection_questions("ecosystem", "fi")[1])))
    question.fill("Yhteinen arvolupaus puuttuu")
    expect(status(page, "r1_ecosystem")).to_contain_text(SAVED, timeout=SAVE_TIMEOUT)
    assert serious_violations(page) == []


# -- c. privacy ----------------------------------------------------------------------------------


def test_the_app_requests_nothing_from_other_hosts(server, page, team):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("websocket", lambda socket: requested.append(socket.url))
    open_app(page, app_url(server, team=team.slug))
    open_exercise(page, "s1_actor_map")
    exercise(page, "s1_actor_map").locator(".ek-add-row").click()
    expect(status(page, "s1_actor_map")).to_contain_text(SAVED, timeout=SAVE_TIMEOUT)
    page.wait_for_load_state("networkidle")
    assert requested, "no requests recorded"
    assert [url for url in requested if not is_local(url)] == []


# -- d. language and unknown team ------------------------------------------------------------------


def test_english_session_title(server, page, team):
    open_app(page, app_url(server, team=team.slug, lang="en"))
    expect(page.locator(".ek-app h1")).to_have_text(Translator("en")("session.title_1"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_an_unknown_team_shows_an_alert_and_the_team_picker(server, page):
    open_app(page, app_url(server, team="ei-ole-olemassa"))
    alert = page.get_by_role("alert").filter(
        has_text=message("error.unknown_team", slug="ei-ole-olemassa"))
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("ei-ole-olemassa")
    expect(page.locator(".ek-team-picker")).to_be_visible()


def test_the_page_scrolls_with_the_mouse_wheel(server, page):
    """Voilà scrolls inside <main id="rendered_cells">: it must not be overflow: hidden."""
    open_app(page, app_url(server))
    page.mouse.move(640, 450)
    page.mouse.wheel(0, 1500)
    page.wait_for_function(
        "() => document.querySelector('#rendered_cells').scrollTop"
        " + document.scrollingElement.scrollTop > 0", timeout=10_000)


# -- e. validation -------------------------------------------------------------------------------


def test_a_too_long_answer_is_refused_next_to_the_field(server, page, team, server_store):
    open_app(page, app_url(server, team=team.slug))
    open_exercise(page, "s1_phenomenon")
    field = text_input(page, "s1_phenomenon", "phenomenon")
    field.fill("Nuorten velat")
    expect(status(page, "s1_phenomenon")).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)

    field.fill("x" * 161)
    expect(status(page, "s1_phenomenon")).to_contain_text(REFUSED, timeout=SAVE_TIMEOUT)
    error = exercise(page, "s1_phenomenon").locator(
        ".ek-field:has(> .ek-field-phenomenon) .ek-error-text")
    expect(error).to_contain_text("160")
    expect(field).to_have_value("x" * 161)  # the text stays on the form

    history = server_store.history(team.slug, "s1_phenomenon")
    assert [r.data["phenomenon"] for r in history] == ["Nuorten velat"]


# -- f. two teammates at once ----------------------------------------------------------------------


def test_a_teammates_save_is_offered_beside_my_unsaved_edit_and_mine_can_be_kept(
        server, browser, team, server_store):
    """Live updates: B has an unsaved edit (refused as too long, so it stays on the form) when
    Aino saves. B's page does not overwrite it: a calm notice offers Aino's version beside B's.
    B's next save is refused as a conflict (nothing overwritten) until B keeps theirs."""
    ctx_a, ctx_b = _new_context(browser), _new_context(browser)
    try:
        a, b = ctx_a.new_page(), ctx_b.new_page()
        for page in (a, b):
            open_app(page, app_url(server, team=team.slug))
        a.locator(".ek-field-author select").select_option(label="Aino")
        for page in (a, b):  # both open the exercise before anybody saves
            open_exercise(page, "s1_phenomenon")
            expect(status(page, "s1_phenomenon")).to_contain_text(FI("status.empty"))

        mine = text_input(b, "s1_phenomenon", "phenomenon")
        mine.fill("B" * 161)  # refused: an unsaved edit that stays on B's form
        b_status = status(b, "s1_phenomenon")
        expect(b_status).to_contain_text(REFUSED, timeout=SAVE_TIMEOUT)

        text_input(a, "s1_phenomenon", "phenomenon").fill("Aino kirjoitti tämän")
        expect(status(a, "s1_phenomenon")).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)

        expect(b_status).to_contain_text(message("status.teammate_offer", author="Aino"),
                                         timeout=10_000)  # within a few seconds, no save
        section = exercise(b, "s1_phenomenon")
        expect(section.locator(".ek-compare")).to_contain_text("Aino kirjoitti tämän")
        expect(mine).to_have_value("B" * 161)  # never overwritten
        expect(section.locator(".ek-take-theirs")).to_be_visible()

        mine.fill("Bashirin versio")  # a save on the old base is refused: nothing overwritten
        expect(b_status).to_contain_text(message("status.conflict", author="Aino"),
                                         timeout=SAVE_TIMEOUT)
        assert server_store.latest(team.slug, "s1_phenomenon").data["phenomenon"] == (
            "Aino kirjoitti tämän")

        keep = section.locator(".ek-keep-mine")
        keep.click()
        expect(b_status).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)
        expect(section.locator(".ek-keep-mine")).to_have_count(0)
        history = server_store.history(team.slug, "s1_phenomenon")
        assert [r.data["phenomenon"] for r in history] == [
            "Aino kirjoitti tämän", "Bashirin versio"]
        assert history[-2].author == "Aino"
    finally:
        ctx_a.close()
        ctx_b.close()


# -- g. every session: a drawn chart, a save that survives a reload, axe, privacy ------------------

# (session, exercise with a drawn chart, a text field in it)
SESSION_EXERCISES = [("1", "s1_maturity", "reflection"), ("2", "s2_futures_wheel", "centre"),
                     ("3", "s3_assumptions", "riskiest"), ("4", "s4_aar", "event")]


@pytest.mark.parametrize("session, exercise_id, field", SESSION_EXERCISES,
                         ids=[s for s, _, _ in SESSION_EXERCISES])
def test_each_session_saves_draws_and_passes_axe(server, page, team, server_store, session,
                                                  exercise_id, field):
    from ekokit.content.calendar import calendar
    from ekokit.content.example import example_workbook

    demo = example_workbook()["exercises"][exercise_id][-1]["data"]
    server_store.save(team.slug, exercise_id, demo, base_revision=0, author="Aino")
    notebook = calendar().session(session).notebook
    url = f"{server}voila/render/{notebook}?{urlencode({'team': team.slug})}"
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("websocket", lambda socket: requested.append(socket.url))
    open_app(page, url)
    open_exercise(page, exercise_id)
    section = exercise(page, exercise_id)
    chart = section.locator(".ek-chart-area figure img")
    expect(chart).to_be_visible()
    assert len(chart.get_attribute("alt") or "") > 20  # the chart says what it shows

    typed = f"Istunto {session}: <i>uusi</i> teksti"
    section.locator(f".ek-field-{field} input, .ek-field-{field} textarea").fill(typed)
    expect(status(page, exercise_id)).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)
    assert serious_violations(page) == []

    page.reload()
    expect(page.locator(".ek-app")).to_be_visible(timeout=APP_TIMEOUT)
    open_exercise(page, exercise_id)
    expect(section.locator(f".ek-field-{field} input, .ek-field-{field} textarea")).to_have_value(
        typed)
    assert server_store.latest(team.slug, exercise_id).data[field] == typed
    assert [url for url in requested if not is_local(url)] == []


# -- h. checked by hand, and now by test: focus, the live region, the title, the skip link ------

def _outline(page: Page, selector: str) -> tuple[float, str]:
    element = page.locator(selector).first
    element.focus()
    return element.evaluate(
        "el => [parseFloat(getComputedStyle(el).outlineWidth), getComputedStyle(el).outlineStyle]")


def test_every_kind_of_input_shows_a_visible_focus(server, page, team):
    open_app(page, app_url(server, team=team.slug))
    open_exercise(page, "s1_phenomenon")  # a text input and text areas
    open_exercise(page, "s1_lifecycle")  # a select
    for selector in (".ek-ex-s1_phenomenon .ek-field-phenomenon input",
                     ".ek-ex-s1_phenomenon .ek-field-description textarea",
                     ".ek-ex-s1_lifecycle select"):
        width, style = _outline(page, selector)
        assert width >= 2 and style != "none", (selector, width, style)


def test_the_status_is_one_live_region_that_stays(server, page, team):
    open_app(page, app_url(server, team=team.slug))
    open_exercise(page, "s1_phenomenon")
    region = status(page, "s1_phenomenon")
    expect(region).to_have_attribute("role", "status")
    expect(region).to_have_attribute("aria-live", "polite")
    node = region.element_handle()
    for text in ("Ensimmäinen", "Toinen"):
        text_input(page, "s1_phenomenon", "phenomenon").fill(text)
        expect(region).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)
        expect(region).to_contain_text(SAVED_OK)
    assert node.evaluate("el => el.isConnected")  # the same element, its text changed
    assert node.evaluate("el => el.querySelectorAll('[role=status]').length") == 0


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_tab_title_is_the_session_and_a_skip_link_leads_to_the_exercises(server, page,
                                                                              team, lang):
    open_app(page, app_url(server, team=team.slug, lang=lang))
    tr = Translator(lang)
    expect(page).to_have_title(f"{tr('session.title_1')} – ekokit")
    skip = page.locator(".ek-skip")
    expect(skip).to_have_text(tr("progress.skip"))
    target = skip.get_attribute("href")
    expect(page.locator(target)).to_have_count(1)


def test_the_opened_exercise_is_in_view_its_chart_natural_and_its_table_inside(server, page,
                                                                               team,
                                                                               server_store):
    server_store.save(team.slug, "s1_actor_map", {"actors": ACTORS}, base_revision=0)
    page.set_viewport_size({"width": 1366, "height": 900})
    open_app(page, app_url(server, team=team.slug, exercise="s1_actor_map"))
    section = exercise(page, "s1_actor_map")
    image = section.locator(".ek-chart-area img")
    expect(image).to_be_visible()
    expect(section.locator("h2")).to_be_in_viewport()  # ?exercise= brings it into view
    natural, shown = image.evaluate(
        "i => [i.naturalWidth, Math.round(i.getBoundingClientRect().width)]")
    assert shown == natural  # drawn at 10 pt, shown at its natural size
    section.locator(".ek-chart summary").click()
    expect(section.locator(".ek-chart-table")).to_be_visible()
    scroll, client = section.evaluate("s => [s.scrollWidth, s.clientWidth]")
    assert scroll <= client  # the table scrolls in its column; the exercise does not widen


def test_a_top_level_dropdown_is_one_line_tall(server, page, team):
    open_app(page, app_url(server, team=team.slug, exercise="s1_lifecycle"))
    select = exercise(page, "s1_lifecycle").locator(".ek-field-current_phase select")
    expect(select).to_be_visible()
    height = select.evaluate("s => s.getBoundingClientRect().height")
    assert height <= 48, height


def test_the_author_is_remembered_by_the_browser_and_signs_the_next_save(server, page, team,
                                                                         server_store):
    open_app(page, app_url(server, team=team.slug))
    page.locator(".ek-field-author select").select_option(label="Bashir")
    page.reload()
    expect(page.locator(".ek-app")).to_be_visible(timeout=APP_TIMEOUT)
    expect(page.locator(".ek-field-author select")).to_have_value("Bashir")
    open_exercise(page, "s1_phenomenon")
    text_input(page, "s1_phenomenon", "phenomenon").fill("Bashirin teksti")
    expect(status(page, "s1_phenomenon")).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)
    assert server_store.latest(team.slug, "s1_phenomenon").author == "Bashir"


def test_after_add_row_the_focus_is_in_the_new_rows_first_field(server, page, team):
    open_app(page, app_url(server, team=team.slug, exercise="s1_actor_map"))
    section = exercise(page, "s1_actor_map")
    section.locator(".ek-add-row").click()
    section.locator(".ek-add-row").click()
    expect(section.locator(".ek-row")).to_have_count(2)
    second = section.locator(".ek-row").nth(1).locator(".ek-field-name input")
    expect(second).to_be_focused()
    page.keyboard.type("Kela")
    expect(second).to_have_value("Kela")


def test_the_session_4_page_makes_the_teams_report_as_a_file_to_save(server, page, team,
                                                                     server_store):
    from ekokit.content.calendar import calendar

    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    server_store.save(team.slug, "s4_msc_stories", {"domains": ["Arki"]}, base_revision=0)
    url = f"{server}voila/render/{calendar().session('4').notebook}?team={team.slug}"
    open_app(page, url)
    harvest = page.locator(".ek-harvest")
    expect(harvest.locator("h2").first).to_be_visible()
    harvest.locator(".ek-download-md").click()
    link = harvest.locator(".ek-download-link a[download]")
    expect(link).to_be_visible(timeout=SAVE_TIMEOUT)
    assert link.get_attribute("href").startswith("data:text/markdown;base64,")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".md")
    assert serious_violations(page) == []
    assert [url for url in requested if not is_local(url)] == []
