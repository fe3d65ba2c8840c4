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
from ekokit.reports.build import programme_report, team_report
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


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("report-browser")
    store = Store(str(folder / "ekokit.sqlite"))
    ensure_demo_team(store)
    store.create_team(Team(slug="pieni", name="Pieni tiimi", phenomenon="Ylivelkaantuminen"))
    for exercise_id, data in SMALL.items():
        store.save("pieni", exercise_id, validate(find_exercise(exercise_id), data),
                   base_revision=None)
    paths = {}
    for slug in (DEMO_TEAM, "pieni"):
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
    assert breaks == [["session-1", "page"], ["session-2", "page"], ["session-3", "page"],
                      ["session-4", "page"], ["harvest", "page"]]
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf_pages(pdf) > 5
    assert wider_than_the_page(page, A4_PORTRAIT) == []


def test_a_short_report_prints_one_page_per_session(page, reports):
    """Title page, four sessions and the harvest: six A4 pages, because each starts one."""
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
