"""The HTML report in Debian's chromium (Playwright), opened as a file: axe finds no serious or
critical violation, nothing is requested from any host, and it prints on A4 with each session
starting a page. No server: the report is one self-contained file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from ekokit.content.exercises import find_exercise
from ekokit.model.answers import validate
from ekokit.model.teams import DEMO_TEAM, Team
from ekokit.reports.build import team_report
from ekokit.reports.programme import programme_report
from ekokit.reports.to_html import programme_html, team_html
from ekokit.store.database import Store
from ekokit.store.demo import ensure_demo_team, seed_synthetic_teams
from playwright.sync_api import Page
from tests.test_browser import serious_violations

pytestmark = pytest.mark.browser

# One short answer per session, none drawn: each session of this report fits on one page.
SMALL = {
    "s1_phenomenon": {"phenomenon": "<script>alert(1)</script>", "description": "=SUM(1)"},
    "s2_six_pillars": {"past": "Ennen.", "forecast": "Ennuste.", "preferred": "Toive.",
                       "how": "Näin."},
    "s3_what_is_experiment": {"idea": "Kokeilu", "what_is_new": "Uutta.",
                              "learning_goal": "Oppia."},
    "s4_harvest_plan": {"purpose": "Kertoa.", "harvest_contents": ["Tulokset"]},
}


LONG_WORDS = "Sosiaali- ja terveydenhuollon palvelukokonaisuus hyvinvointialueyhteistyössä"
HOSTILE = {  # long Finnish compounds in wide tables
    "s1_power_interest": {"stakeholders": [
        {"name": f"Hyvinvointialueyhteistyöryhmä {i}", "power": 5, "interest": 4,
         "disposition": "supportive", "target_power": 5, "target_interest": 5}
        for i in range(6)]},
    "s3_portfolio": {"shared_goal": LONG_WORDS, "experiments": [
        {"code": f"K{i}", "name": f"Talousvalmennuskokeilu {i}", "owner": LONG_WORDS,
         "phase": "plan", "decision": "continue"} for i in range(4)]},
    "s4_before_after": {"experiments": [
        {"code": "K1", "name": "Uudelleennimetty talousvalmennuskokeilu", "decision": "scale"}]},
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("report-browser")
    store = Store(str(folder / "ekokit.sqlite"))
    ensure_demo_team(store)
    store.create_team(Team(slug="pieni", name="Pieni tiimi", phenomenon="Ylivelkaantuminen"))
    for exercise_id, data in SMALL.items():
        store.save("pieni", exercise_id, validate(find_exercise(exercise_id), data),
                   base_revision=None)
    store.create_team(Team(slug="hostile", name="Valtiokonttorin hyvinvointialueyhteistyö",
                           phenomenon="Ylivelkaantuminen"))
    for exercise_id, data in HOSTILE.items():
        store.save("hostile", exercise_id, validate(find_exercise(exercise_id), data),
                   base_revision=None)
    paths = {}
    for slug in (DEMO_TEAM, "pieni", "hostile"):
        paths[slug] = folder / f"{slug}.html"
        paths[slug].write_text(team_html(team_report(store, slug, "fi")), encoding="utf-8")
    seed_synthetic_teams(store, 3)
    paths["--all"] = folder / "programme.html"
    paths["--all"].write_text(programme_html(programme_report(store, "en")), encoding="utf-8")
    return paths



@pytest.fixture()
def page(browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    page = context.new_page()
    yield page
    context.close()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


# The width inside the page margins (report.css: A4, 14 mm each side), in CSS pixels.
A4_PORTRAIT, A4_LANDSCAPE = round((210 - 28) / 25.4 * 96), round((297 - 28) / 25.4 * 96)


def wider_than_the_page(page: Page, width: int) -> list[str]:
    """Tables, figures and images that would be cut at the right edge when printed."""
    page.emulate_media(media="print")
    page.set_viewport_size({"width": width, "height": 900})
    return page.evaluate("""[...document.querySelectorAll('table, figure, img')]
        .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(el => el.tagName + ' in #' + el.closest('article, section').id)""")


def test_the_demo_report_passes_axe_and_requests_nothing(page, reports):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(reports[DEMO_TEAM].as_uri())
    page.wait_for_load_state("load")
    assert page.locator("img").count() > 20
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    assert serious_violations(page) == []
    assert [url for url in requested if not url.startswith(("file:", "data:"))] == []


def test_printed_each_session_and_the_harvest_start_a_page(page, reports):
    page.goto(reports[DEMO_TEAM].as_uri())
    page.emulate_media(media="print")
    breaks = page.evaluate("""[...document.querySelectorAll('section')].map(
        s => [s.id, getComputedStyle(s).breakBefore])""")
    # the harvest is on the first page, right after the title; each session starts a page
    assert breaks == [["harvest", "auto"], ["session-1", "page"], ["session-2", "page"],
                      ["session-3", "page"], ["session-4", "page"]]
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf_pages(pdf) > 5
    assert wider_than_the_page(page, A4_PORTRAIT) == []


def test_a_short_report_prints_one_page_per_session(page, reports):
    """The title and the harvest on one page, then the four sessions: a page each, and Session 2
    one more, since its six pillars are drawn (the figure and its answers): six A4 pages."""
    page.goto(reports["pieni"].as_uri())
    assert page.locator("script").count() == 0
    assert "<script>alert(1)</script>" in page.inner_text("main")
    assert pdf_pages(page.pdf(format="A4")) == 6


def test_the_programme_report_passes_axe_and_requests_nothing(page, reports):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(reports["--all"].as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("table.ek-shared-actors tbody tr").count() > 10
    assert serious_violations(page) == []
    assert [url for url in requested if not url.startswith(("file:", "data:"))] == []
    assert wider_than_the_page(page, A4_LANDSCAPE) == []  # printed landscape


SPLIT_WORDS = """() => {
  const split = [];
  const walker = document.createTreeWalker(document.querySelector('main'),
                                           NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/[^\\s\\-\u2013\u2014\\/]+/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                             .map(r => Math.round(r.top)));
      if (tops.size > 1) split.push(match[0]);
    }
  }
  return split;
}"""


def test_printed_no_word_is_split_and_nothing_is_wider_than_the_page(page, reports):
    """Laid out for A4 as Chromium prints it: every word on one line (a line may still break
    after a hyphen, a dash or a slash, as in "joulu–/tammikuussa"), every table inside."""
    page.goto(reports["hostile"].as_uri())
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_PORTRAIT, "height": 1100})
    assert page.evaluate(SPLIT_WORDS) == []
    assert wider_than_the_page(page, A4_PORTRAIT) == []
    assert page.pdf(format="A4").startswith(b"%PDF")
    page.goto(reports[DEMO_TEAM].as_uri())
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_PORTRAIT, "height": 1100})
    assert page.evaluate(SPLIT_WORDS) == []


def test_on_screen_nothing_scrolls_sideways_at_1280_px(page, reports):
    for name in (DEMO_TEAM, "hostile"):
        page.goto(reports[name].as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280, name


def test_alt_text_is_not_the_caption_and_no_chart_table_repeats_the_answers(page, reports):
    page.goto(reports[DEMO_TEAM].as_uri())
    figures = page.evaluate("""[...document.querySelectorAll('figure.ek-chart')].map(f => [
        f.querySelector('img')?.alt, f.querySelector('figcaption')?.textContent,
        !!f.closest('article')?.querySelector(':scope > table, :scope > .ek-cards'),
        !!f.querySelector('table, .ek-cards')])""")
    assert len(figures) > 20
    assert [f for f in figures if f[0] == f[1]] == []
    assert [f[1] for f in figures if f[2] and f[3]] == []  # answers already a table: no copy
