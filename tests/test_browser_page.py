"""The page around the forms, checked in a real browser as a participant would meet it (#12):
the loading screen and the tab in the page's language, a favicon served by the kit itself, no
notebook Markdown in the app, a focus indicator of at least 3:1, labels that never reach into
their fields, the save status in view while a long form is edited, and list rows that fold to
one line by keyboard.

One ``ekokit serve`` and one chromium for the module, as in tests/test_browser.py."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urljoin

import pytest
from ekokit.content.calendar import calendar
from ekokit.content.example import example_workbook
from ekokit.content.i18n import Translator, languages
from ekokit.model.teams import Team
from ekokit.store.database import Store
from playwright.sync_api import BrowserContext, Page, expect
from tests.servers import running_server
from tests.test_browser import (
    APP_TIMEOUT,
    SAVE_TIMEOUT,
    SAVED_OK,
    app_url,
    exercise,
    is_local,
    open_app,
    open_exercise,
    status,
)

pytestmark = [pytest.mark.server, pytest.mark.browser]

LANGS = list(languages())  # fi, sv, en
DEMO = example_workbook()["exercises"]


@pytest.fixture(scope="module")
def db_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("page") / "ekokit.sqlite"


@pytest.fixture(scope="module")
def server(db_file) -> Iterator[str]:
    with running_server(db_file) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def server_store(db_file, server) -> Store:
    return Store(str(db_file))


@pytest.fixture()
def context(browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fi-FI")
    context.set_default_timeout(APP_TIMEOUT)
    yield context
    context.close()


@pytest.fixture()
def page(context) -> Page:
    return context.new_page()


@pytest.fixture()
def team(server_store) -> Team:
    slug = f"page-{uuid.uuid4().hex[:10]}"
    return server_store.create_team(Team(slug=slug, name=f"Sivutiimi {slug}",
                                         phenomenon="Nuorten ylivelkaantuminen",
                                         members=["Aino", "Bashir"]))


def session_url(server: str, session: str, **params: str) -> str:
    return f"{server}voila/render/{calendar().session(session).notebook}?{urlencode(params)}"


def with_demo_answers(store: Store, team: Team, *exercise_ids: str) -> None:
    for exercise_id in exercise_ids:
        store.save(team.slug, exercise_id, DEMO[exercise_id][-1]["data"], base_revision=0,
                   author="Aino")


# -- the page in its own words -------------------------------------------------------------------

RECORD_LOADING = """
window.__loading = [];
new MutationObserver(function () {
  var el = document.getElementById("loading_text");
  if (el && el.textContent && window.__loading.indexOf(el.textContent) < 0) {
    window.__loading.push(el.textContent);
  }
}).observe(document, {childList: true, subtree: true, characterData: true});
"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_loading_screen_and_the_tab_speak_the_pages_language(server, page, team, lang):
    """Every text the loading screen ever showed is the catalogue's, never "Executing 2 of 7";
    the tab is titled by the session from the first byte, not by the notebook's file name."""
    tr = Translator(lang)
    page.add_init_script(RECORD_LOADING)
    page.goto(app_url(server, team=team.slug, lang=lang), wait_until="commit")
    expect(page.locator("#loading_text")).to_have_text(tr("page.loading"))
    expect(page).to_have_title(f"{tr('session.title_1')} – ekokit")
    expect(page.locator(".ek-app")).to_be_visible(timeout=APP_TIMEOUT)
    expect(page.locator("#loading")).to_have_count(0)
    assert page.evaluate("window.__loading") == [tr("page.loading")]
    expect(page).to_have_title(f"{tr('session.title_1')} – ekokit")


@pytest.mark.parametrize("lang", LANGS)
def test_the_facilitator_tab_is_titled_in_the_pages_language(server, page, lang):
    tr = Translator(lang)
    page.goto(f"{server}voila/render/00_fasilitaattori.ipynb?lang={lang}", wait_until="commit")
    expect(page).to_have_title(f"{tr('facilitator.title')} – ekokit")


@pytest.mark.parametrize("where", ["app", "landing"])
def test_the_favicon_is_the_kits_own_and_is_served(server, page, team, where):
    if where == "app":
        open_app(page, app_url(server, team=team.slug))
    else:
        page.goto(server)
    icon = page.locator("link[rel=icon]")
    expect(icon).to_have_count(1)
    url = urljoin(page.url, icon.get_attribute("href") or "")
    assert is_local(url) and not url.startswith("data:"), url
    response = page.request.get(url)
    assert response.status == 200, (url, response.status)
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in response.body()


@pytest.mark.parametrize("lang", LANGS)
def test_no_notebook_markdown_inside_the_app(server, page, team, lang):
    """The notebook's title and its JupyterLab how-to are not part of the app: one h1, the
    app's, and no Markdown cell at all."""
    open_app(page, app_url(server, team=team.slug, lang=lang))
    expect(page.locator(".jp-MarkdownCell, .jp-RenderedMarkdown")).to_have_count(0)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(Translator(lang)("session.title_1"))
    text = page.locator("#rendered_cells").inner_text()
    assert "ekokit.language" not in text and "Run All Cells" not in text


# -- focus: at least 3:1 against the page ---------------------------------------------------

CONTRAST = """el => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let bg = null;
  for (let node = el.parentElement; node && !bg; node = node.parentElement) {
    const c = getComputedStyle(node).backgroundColor;
    if (c && !/rgba\\(.*,\\s*0\\)$/.test(c) && c !== "transparent") { bg = c; }
  }
  const style = getComputedStyle(el);
  const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(bg || "rgb(255,255,255)"))];
  return [parseFloat(style.outlineWidth), style.outlineStyle,
          (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
}"""


def test_the_focus_outline_of_an_input_a_select_and_a_textarea_is_3_to_1(server, page, team):
    open_app(page, app_url(server, team=team.slug))
    open_exercise(page, "s1_phenomenon")
    open_exercise(page, "s1_lifecycle")
    for selector in (".ek-ex-s1_phenomenon .ek-field-phenomenon input",
                     ".ek-ex-s1_phenomenon .ek-field-description textarea",
                     ".ek-ex-s1_lifecycle select"):
        control = page.locator(selector).first
        control.focus()
        width, style, contrast = control.evaluate(CONTRAST)
        assert width >= 2 and style != "none" and contrast >= 3, (selector, width, contrast)


LINK_STYLE = """a => {
  const s = getComputedStyle(a);
  return [s.textDecorationLine, s.color];
}"""


def test_links_look_like_links_the_share_link_and_the_language_switch_too(server, page, team):
    """The share link was in body-text colour with no underline: every link of the app is
    underlined and in the link colour, which differs from the text's."""
    open_app(page, app_url(server, team=team.slug))
    text_colour = page.locator(".ek-app p").first.evaluate("p => getComputedStyle(p).color")
    links = [page.locator(".ek-share-link").first, page.locator(".ek-lang-switch a").first]
    for link in links:
        expect(link).to_be_visible()
        line, colour = link.evaluate(LINK_STYLE)
        assert "underline" in line and colour != text_colour, (line, colour, text_colour)


# -- calm: labels above their fields, never in them -----------------------------------------------

OVERLAPS = """section => {
  const found = [];
  section.querySelectorAll(".widget-inline-hbox > .widget-label").forEach(label => {
    const field = label.nextElementSibling;
    if (!field || !label.offsetParent) { return; }
    const l = label.getBoundingClientRect(), f = field.getBoundingClientRect();
    const range = document.createRange(); range.selectNodeContents(label);
    const text = range.getBoundingClientRect();
    const bottom = Math.max(l.bottom, text.bottom);
    if (bottom > f.top + 0.5) { found.push(`${label.textContent}: ${bottom} > ${f.top}`); }
  });
  return found;
}"""
TWO_COLUMN = ["s2_megatrends", "s2_weak_signals", "s2_scenarios_2x2"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_label_reaches_into_its_field(server, page, team, server_store, lang):
    """In two-column list rows long labels wrap to two lines: the label's text must end above
    its field's top edge (it was 4 px inside it), in Finnish and English."""
    with_demo_answers(server_store, team, *TWO_COLUMN)
    open_app(page, session_url(server, "2", team=team.slug, lang=lang))
    two_lines = 0
    for exercise_id in TWO_COLUMN:
        open_exercise(page, exercise_id)
        section = exercise(page, exercise_id)
        expect(section.locator(".ek-row").first).to_be_visible()
        assert section.evaluate(OVERLAPS) == [], exercise_id
        two_lines += section.evaluate(
            "s => [...s.querySelectorAll('.ek-row .widget-label')].filter("
            "l => l.offsetParent && l.getBoundingClientRect().height > 30).length")
    assert two_lines > 0  # the case that overlapped is there: labels of two lines in rows


# -- the status where the participant is ---------------------------------------------------------

def test_the_status_stays_in_view_while_a_long_list_is_edited(server, page, team, server_store):
    with_demo_answers(server_store, team, "s1_actor_map")
    open_app(page, app_url(server, team=team.slug, exercise="s1_actor_map"))
    section = exercise(page, "s1_actor_map")
    region = status(page, "s1_actor_map")
    node = region.element_handle()
    assert section.evaluate("s => s.getBoundingClientRect().height") > 2 * 900  # a long form
    first = section.locator(".ek-row").first.locator(".ek-field-name input")
    first.scroll_into_view_if_needed()
    first.fill("Oikeusministeriö (OM)")
    expect(region).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)
    expect(first).to_be_in_viewport()
    expect(region).to_be_in_viewport()  # not 3,500 px below the field
    assert node.evaluate("el => el.isConnected && el.getAttribute('role') === 'status'")


# -- list rows fold to one line --------------------------------------------------------------------

def test_a_list_row_folds_to_one_line_by_keyboard_and_names_itself_literally(server, page, team,
                                                                             server_store):
    with_demo_answers(server_store, team, "s1_actor_map")
    open_app(page, app_url(server, team=team.slug, exercise="s1_actor_map"))
    section = exercise(page, "s1_actor_map")
    rows = section.locator(".ek-row")
    row = rows.first
    name = row.locator(".ek-field-name input")
    typed = "Kela <b>ja</b> muut"
    name.fill(typed)
    expect(status(page, "s1_actor_map")).to_contain_text(SAVED_OK, timeout=SAVE_TIMEOUT)
    toggle = row.locator(".ek-row-toggle")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_text(re.compile(re.escape(f"Rivi 1: {typed}")))
    expect(toggle.locator("b")).to_have_count(0)  # the typed HTML is text
    before = row.evaluate("r => r.getBoundingClientRect().height")

    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(name).to_be_hidden()
    after = row.evaluate("r => r.getBoundingClientRect().height")
    assert after < 60 < before, (after, before)  # one line instead of a whole form
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(name).to_be_visible()
    expect(name).to_have_value(typed)

    fold_all = section.locator(".ek-field-actors .ek-rows-toggle")
    count = rows.count()
    height = section.evaluate("s => s.getBoundingClientRect().height")
    fold_all.click()
    expect(section.locator(".ek-row-toggle[aria-expanded=false]")).to_have_count(count)
    folded = section.evaluate("s => s.getBoundingClientRect().height")
    assert folded < height / 2, (folded, height)
    fold_all.click()
    expect(section.locator(".ek-row-toggle[aria-expanded=true]")).to_have_count(count)


# -- readable: the chart at its natural size, inside the page ----------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_is_natural_and_inside_the_exercise_with_its_table_open(server, page, team,
                                                                         server_store, lang):
    """The English actor map is 773 px wide: its column grows to it (it was cut at 720 px),
    and opening its table widens nothing, at 1366 px."""
    with_demo_answers(server_store, team, "s1_actor_map")
    open_app(page, app_url(server, team=team.slug, lang=lang, exercise="s1_actor_map"))
    section = exercise(page, "s1_actor_map")
    image = section.locator(".ek-chart-area img")
    expect(image).to_be_visible()
    section.locator(".ek-chart summary").press("Enter")
    expect(section.locator(".ek-chart-table")).to_be_visible()
    natural, shown, right, inside = image.evaluate(
        "i => [i.naturalWidth, i.getBoundingClientRect().width, i.getBoundingClientRect().right,"
        " i.closest('.ek-work').getBoundingClientRect().right]")
    assert shown == natural and right <= inside + 0.5, (natural, shown, right, inside)
    scroll, client = section.evaluate("s => [s.scrollWidth, s.clientWidth]")
    assert scroll <= client
