"""Reports (ekokit report): each format opened with its own library, every answered exercise in
it, what a user typed shown literally, the programme report's shared actors, the CLI."""

from __future__ import annotations

import io
import re
import string
import subprocess
from pathlib import Path

import mistune
import pytest
import yaml
from bs4 import BeautifulSoup
from ekokit.content.aliases import alias_table
from ekokit.content.exercises import all_exercises, find_exercise
from ekokit.content.i18n import Translator, catalogue, languages
from ekokit.model.actors import alias_index, normalise_name, team_actor_names
from ekokit.model.answers import validate
from ekokit.model.teams import DEMO_TEAM, DEMO_TEAMS, Team
from ekokit.reports import ReportError, make_report
from ekokit.reports.build import team_report
from ekokit.reports.text import shorten
from ekokit.reports.to_html import team_html
from ekokit.reports.to_markdown import escape, team_markdown
from ekokit.reports.to_pptx import team_pptx
from ekokit.reports.to_xlsx import put, sheet_name, team_xlsx
from ekokit.store.database import Store
from ekokit.store.demo import ensure_demo_team, seed_synthetic_teams
from openpyxl import Workbook, load_workbook
from pptx import Presentation
from tests.cli_runner import run_cli

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = "<script>alert(1)</script>"
FORMULA = "=SUM(1)"
LONG = " ".join(["Velkaneuvonta tavoittaa nuoren ajoissa"] * 25)  # ~1000 characters
HOSTILE_TEAM, SMALL_TEAM = "vihamielinen", "pieni"
FI, EN = Translator("fi"), Translator("en")

HOSTILE = {
    "s1_phenomenon": {
        "phenomenon": PAYLOAD,
        "description": f"{FORMULA}\n*ei korostus* [linkki](http://example.com)\n# ei otsikko\n"
                       f"{LONG}",
        "why_now": "@SUM(1)",
        "affected_groups": [FORMULA, "@SUM(1)"],
        "administrative_branches": ["Kela & Vero | <b>lihava</b>"],
    },
    "s1_actor_map": {"actors": [
        {"name": PAYLOAD, "org_type": "state", "ring": "core"},
        {"name": FORMULA, "org_type": "ngo", "ring": "partner"},
        {"name": "-1+2", "org_type": "ngo", "ring": "partner"},
        {"name": "+358 40 123 4567", "org_type": "citizen", "ring": "environment"},
        {"name": "Kansaneläkelaitos", "org_type": "state", "ring": "core"},
    ]},
    "s3_portfolio": {
        "shared_goal": FORMULA,
        "experiments": [{"name": PAYLOAD, "owner": FORMULA, "phase": "plan"},
                        {"name": "Toinen kokeilu", "decision": "continue"}],
    },
    "s4_msc_stories": {
        "domains": [PAYLOAD],
        "stories": [{"title": FORMULA, "teller": PAYLOAD, "what_changed": LONG,
                     "why_significant": "=1+1", "votes": 3}],
        "selected_story": FORMULA, "selection_reason": PAYLOAD,
    },
}
SMALL = {  # one short answer per session, no drawn chart: every session fits on one page
    "s1_phenomenon": {"phenomenon": "Nuorten ylivelkaantuminen",
                      "description": "Lyhyt kuvaus."},
    "s2_six_pillars": {"past": "Ennen.", "forecast": "Ennuste.", "preferred": "Toive.",
                       "how": "Näin."},
    "s3_what_is_experiment": {"idea": "Kokeilu", "what_is_new": "Uutta.",
                              "learning_goal": "Oppia."},
    "s4_harvest_plan": {"purpose": "Kertoa.", "harvest_contents": ["Tulokset"]},
}


def seed(store: Store, slug: str, name: str, answers: dict[str, dict]) -> None:
    store.create_team(Team(slug=slug, name=name, phenomenon=answers.get(
        "s1_phenomenon", {}).get("phenomenon", ""), members=["Aino", "Bashir"]))
    for exercise_id, data in answers.items():
        store.save(slug, exercise_id, validate(find_exercise(exercise_id), data),
                   base_revision=None, author="Aino")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    store = Store(str(tmp_path_factory.mktemp("reports") / "ekokit.sqlite"))
    ensure_demo_team(store)
    seed(store, HOSTILE_TEAM, f"Tiimi {PAYLOAD}", HOSTILE)
    seed(store, SMALL_TEAM, "Pieni tiimi", SMALL)
    return store


@pytest.fixture(scope="module")
def demo(store):
    return team_report(store, DEMO_TEAM, "fi")


@pytest.fixture(scope="module")
def hostile(store):
    return team_report(store, HOSTILE_TEAM, "fi")


@pytest.fixture(scope="module")
def demo_answered(store) -> dict[str, str]:
    """{exercise id: Finnish title} of every exercise the demo team answered."""
    answers = store.latest_answers(DEMO_TEAM)
    return {e.id: e.title("fi") for e in all_exercises() if answers.get(e.id)}


def answered_titles(answers: dict, lang: str = "fi") -> set[str]:
    return {e.title(lang) for e in all_exercises() if e.id in answers}


# -- HTML ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_html(demo) -> BeautifulSoup:
    return BeautifulSoup(team_html(demo), "html.parser")


def test_html_has_every_answered_exercise_with_its_chart_alt_and_table(demo_html,
                                                                       demo_answered):
    assert demo_answered, "the demo team answers exercises"
    assert demo_html.html["lang"] == "fi"
    assert len(demo_html.find_all("h1")) == 1 and demo_html.find("main") is not None
    for exercise_id, title in demo_answered.items():
        article = demo_html.find("article", class_=f"ek-ex-{exercise_id}")
        assert article is not None, exercise_id
        assert article.find("h3").get_text() == title
        figure = article.find("figure")
        if find_exercise(exercise_id).spec.chart != "summary":
            assert figure is not None and figure.figcaption.get_text().strip(), exercise_id
    images = demo_html.find_all("img")
    assert images and all(img["alt"].strip() for img in images)
    assert all(img["src"].startswith("data:image/png;base64,") for img in images)


def test_html_is_one_self_contained_file(demo_html):
    assert demo_html.find_all(["script", "link", "iframe", "object", "embed"]) == []
    for tag in demo_html.find_all(href=True):
        assert tag["href"].startswith("#"), tag["href"]
    assert all(tag["src"].startswith("data:") for tag in demo_html.find_all(src=True))
    css = demo_html.style.get_text()
    assert "@page" in css and "size: A4" in css and "url(" not in css
    assert "break-before: page" in css


def test_html_has_the_harvest_comparisons(demo_html):
    harvest = demo_html.find("section", id="harvest")
    headings = {h.get_text() for h in harvest.find_all("h3")}
    assert {FI("report.maturity"), FI("report.impact_chain"), FI("report.experiments"),
            FI("report.outcomes"), FI("report.story"), FI("report.phase")} <= headings
    maturity = harvest.find("table")
    assert len(maturity.tbody.find_all("tr")) == 8  # every maturity dimension
    assert "→" in harvest.get_text()


@pytest.fixture(scope="module")
def hostile_html(hostile) -> str:
    return team_html(hostile)


def test_html_shows_the_users_text_literally(hostile_html):
    html = hostile_html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all("script") == [] and soup.find_all("b") == []
    text = soup.get_text()
    assert PAYLOAD in text and FORMULA in text and "<b>lihava</b>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_omits_unanswered_exercises_and_says_so(hostile_html):
    soup = BeautifulSoup(hostile_html, "html.parser")
    articles = {a["id"].removeprefix("ex-") for a in soup.find_all("article")}
    assert articles == set(HOSTILE)
    state = soup.find("article", id="ex-s1_phenomenon").find(class_="ek-state").get_text()
    assert state == f"{FI('report.state')}: {FI('report.state_done')}"
    session2 = soup.find("section", id="session-2")
    assert session2.find("article") is None
    assert FI("report.none_answered") in session2.get_text()
    assert find_exercise("s2_vision").title("fi") in session2.get_text()  # "ei vastattu: …"
    main = soup.find("main")
    assert [el for el in main.find_all(["dd", "td", "th", "li"]) if not el.get_text().strip()] \
        == [], "no empty boxes"


def test_html_in_english(store):
    report = team_report(store, SMALL_TEAM, "en", charts=False)
    soup = BeautifulSoup(team_html(report), "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.find("h2", id="session-1-heading").get_text() == EN("session.title_1")
    assert EN("report.no_harvest") in soup.get_text()


# -- PPTX ----------------------------------------------------------------------------------------


def slides_of(data: bytes):
    return list(Presentation(io.BytesIO(data)).slides)


def title_of(slide) -> str:
    """The slide's first text box: its title."""
    return next((shape.text_frame.text for shape in slide.shapes if shape.has_text_frame), "")


def notes_of(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


@pytest.fixture(scope="module")
def demo_slides(demo):
    return slides_of(team_pptx(demo))


def test_pptx_full_deck_has_a_slide_per_answered_exercise(store, demo_answered):
    titles = [title_of(s) for s in slides_of(team_pptx(team_report(store, DEMO_TEAM, "fi",
                                                                     charts=False), full=True))]
    assert titles[0] == "Esimerkkitiimi: Nuorten aikuisten ylivelkaantuminen"
    assert set(demo_answered.values()) <= set(titles)


def test_pptx_charts_have_their_alt_text_as_description_and_in_the_notes(demo_slides, demo):
    pictures = 0
    for slide in demo_slides:
        for shape in slide.shapes:
            if shape.shape_type == 13:  # a picture
                alt = shape._element.nvPicPr.cNvPr.get("descr")
                assert alt and alt in notes_of(slide)
                pictures += 1
    assert pictures >= 3  # the harvest at a glance and key charts
    assert demo.summary_chart.alt in {notes_of(s).split(": ", 1)[-1] for s in demo_slides}


@pytest.fixture(scope="module")
def hostile_pptx(hostile) -> bytes:
    return team_pptx(hostile, full=True)


def test_pptx_notes_keep_answers_whole(hostile_pptx):
    slides = slides_of(hostile_pptx)
    slide = next(s for s in slides if title_of(s) == find_exercise("s1_phenomenon").title("fi"))
    assert LONG in notes_of(slide)


@pytest.mark.parametrize(("text", "width", "short"), [
    ("Velkaneuvonta tavoittaa nuoren", 16, "Velkaneuvonta…"),  # at a whole word
    ("aa bb cc", 6, "aa bb…"),
    ("aa bb, cc", 7, "aa bb…"),  # no dangling comma
    ("x" * 20, 10, "x" * 9 + "…"),  # one long word is cut inside it
    ("  lyhyt\n teksti ", 20, "lyhyt teksti"),  # fits: whitespace collapsed only
])
def test_shorten_cuts_at_a_whole_word(text, width, short):
    assert shorten(text, width) == short
    assert len(shorten(text, width)) <= width


def test_pptx_keeps_the_users_text_literal_as_plain_runs(hostile_pptx):
    data = hostile_pptx
    runs = [run.text for slide in slides_of(data) for shape in slide.shapes
            if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs]
    assert PAYLOAD in runs and FORMULA in runs
    assert any(PAYLOAD in title_of(s) for s in slides_of(data)[:1])


# -- XLSX ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_book(demo):
    return load_workbook(io.BytesIO(team_xlsx(demo)))


def test_xlsx_has_a_summary_and_a_sheet_per_answered_exercise(demo_book, demo_answered):
    names = demo_book.sheetnames
    assert names[:3] == [FI("report.harvest_short"), FI("report.ratings_sheet"),
                         FI("report.summary")]
    titles = {demo_book[name]["A1"].value for name in names[3:]}
    assert titles == set(demo_answered.values())
    assert len(names) == len({n.casefold() for n in names})
    assert all(len(n) <= 31 and not set("[]:*?/\\") & set(n) for n in names)
    summary = [row for row in demo_book[names[2]].iter_rows(values_only=True) if row[1]]
    assert {row[1] for row in summary} >= set(demo_answered.values())


def test_xlsx_list_rows_are_table_rows_under_translated_headers(demo_book, store):
    exercise = find_exercise("s1_actor_map")
    sheet = next(demo_book[n] for n in demo_book.sheetnames
                 if demo_book[n]["A1"].value == exercise.title("fi"))
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == exercise.field_text("fi", "actors",
                                                                           "name").label))
    assert rows[header][1] == exercise.field_text("fi", "actors", "org_type").label
    actors = store.latest_answers(DEMO_TEAM)["s1_actor_map"]["actors"]
    assert [r[0] for r in rows[header + 1:header + 1 + len(actors)]] == [a["name"]
                                                                          for a in actors]


def test_xlsx_never_writes_a_formula(hostile):
    book = load_workbook(io.BytesIO(team_xlsx(hostile)))
    cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    for risky in (FORMULA, "@SUM(1)", "-1+2", "+358 40 123 4567", "=1+1"):
        found = [c for c in cells if c.value == risky]
        assert found, risky
        assert all(c.data_type == "s" and c.quotePrefix for c in found), risky
    assert any(c.value == PAYLOAD for c in cells)


@pytest.mark.parametrize("typed", [FORMULA, "+1", "-1", "@A1", "\tx", "\r=1",
                                   '=HYPERLINK("http://example.com")', "=\x01x"])
def test_a_cell_that_looks_like_a_formula_is_read_back_as_text(typed):
    book = Workbook()
    put(book.active, 1, 1, typed)
    out = io.BytesIO()
    book.save(out)
    cell = load_workbook(io.BytesIO(out.getvalue())).active["A1"]
    assert cell.value == typed.replace("\x01", "")  # a character XML cannot hold is dropped
    assert cell.data_type == "s" and cell.quotePrefix


@pytest.mark.parametrize("title", ["Ilmiön kuvaus", "a/b\\c[d]e:f*g?h", "'lainaus'", "History",
                                   "x" * 40, "", "Vaikutusketju – ensimmäinen luonnos"])
def test_sheet_names_are_valid_and_unique(title):
    taken: set[str] = set()
    first, second = sheet_name(title, taken), sheet_name(title, taken)
    for name in (first, second):
        assert 0 < len(name) <= 31 and not set("[]:*?/\\") & set(name)
        assert not name.startswith("'") and not name.endswith("'")
        assert name.casefold() != "history"
    assert first.casefold() != second.casefold()


# -- Markdown ------------------------------------------------------------------------------------


def markdown_html(text: str) -> BeautifulSoup:
    """Rendered as a permissive wiki would: raw HTML allowed, tables on."""
    render = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])
    return BeautifulSoup(render(text), "html.parser")


def test_markdown_has_every_answered_exercise(demo, demo_answered):
    soup = markdown_html(team_markdown(demo))
    assert {h.get_text() for h in soup.find_all("h3")} >= set(demo_answered.values())
    assert soup.find("h1").get_text() == FI("report.team_title", team=demo.team.name)
    assert len(soup.find_all("table")) > 20


def test_markdown_shows_the_users_text_literally(hostile):
    text = team_markdown(hostile)
    soup = markdown_html(text)
    assert soup.find_all(["script", "b", "a"]) == []
    assert [em for em in soup.find_all("em") if "ei korostus" in em.get_text()] == []
    rendered = soup.get_text()
    for literal in (PAYLOAD, FORMULA, "*ei korostus*", "[linkki](http://example.com)",
                    "# ei otsikko", "<b>lihava</b>"):
        assert literal in rendered, literal
    assert "ei otsikko" not in {h.get_text() for h in soup.find_all(["h1", "h2", "h3", "h4"])}


@pytest.mark.parametrize("typed", [PAYLOAD, "*a* _b_ `c` [d](e) ![f](g) <h>", "# otsikko",
                                   "- lista", "1. lista", "> lainaus", "a | b", "===",
                                   "&amp; &lt;", "rivi 1\nrivi 2", "~~yliviivattu~~"])
def test_markdown_escape_renders_literally(typed):
    soup = markdown_html(escape(typed))
    assert soup.get_text().replace("\n", " ").strip() == typed.replace("\n", " ")
    assert [el.name for el in soup.find_all(True) if el.name not in ("p", "br")] == []


# -- programme report: the actors named by more than one team ------------------------------------


def ekokit(*args: str, db, check: bool = True) -> subprocess.CompletedProcess:
    return run_cli("--db", str(db), *args, check=check, cwd=ROOT)  # in this process


def add_actors(store: Store, slug: str, names: list[str], *, power_interest: str = "") -> None:
    latest = store.latest(slug, "s1_actor_map")
    data = dict(latest.data)
    data["actors"] = [*data["actors"], *({"name": n, "org_type": "other", "ring": "partner"}
                                         for n in names)]
    store.save(slug, "s1_actor_map", validate(find_exercise("s1_actor_map"), data),
               base_revision=latest.revision)
    if power_interest:
        latest = store.latest(slug, "s1_power_interest")
        data = dict(latest.data)
        data["stakeholders"] = [*data["stakeholders"],
                                {"name": power_interest, "power": 2, "interest": 3}]
        store.save(slug, "s1_power_interest", validate(find_exercise("s1_power_interest"),
                                                       data), base_revision=latest.revision)


@pytest.fixture(scope="module")
def programme_db(tmp_path_factory):
    """The demo team and 10 synthetic copies, a few of them naming actors of their own."""
    db = tmp_path_factory.mktemp("programme") / "ekokit.sqlite"
    store = Store(str(db))
    ensure_demo_team(store)
    slugs = seed_synthetic_teams(store, 10)
    add_actors(store, slugs[0], ["Yksinäinen Toimija ry"])  # one team only
    add_actors(store, slugs[1], ["Pohjois-Savon Osuuspankki"])
    add_actors(store, slugs[2], ["  pohjois-savon   OSUUSPANKKI "])  # case and spaces
    add_actors(store, slugs[3], ["Länsi-Suomen Säätiö"])
    add_actors(store, slugs[4], ["Lansi – Suomen saatio"])  # accents and the dash
    add_actors(store, slugs[5], ["Verohallinto"])
    add_actors(store, slugs[6], ["Vero"])  # an alias (data/aliases.yaml)
    add_actors(store, slugs[7], ["Kuluttajaliitto"], power_interest="kuluttajaliitto")  # 1 team
    add_actors(store, slugs[8], ["Kansaneläkelaitos"])  # = Kela, which every team named
    aliases = alias_index(alias_table())  # a name on the alias list is shown as the list's
    demo_names = {aliases.get(normalise_name(n), " ".join(n.split()))
                  for n in team_actor_names(store.latest_answers(DEMO_TEAM))}
    expected = demo_names | {"Pohjois-Savon Osuuspankki", "Länsi-Suomen Säätiö", "Verohallinto"}
    return db, expected


DEMO_NAME = re.compile(r"Esimerkkitiimi: Nuorten aikuisten ylivelkaantuminen(?! \d{3})")


def test_the_programme_report_lists_exactly_the_actors_named_by_two_or_more_teams(
        programme_db, tmp_path):
    db, expected = programme_db
    out = tmp_path / "ohjelma.html"
    ekokit("report", "--all", "--format", "html", "-o", str(out), db=db)
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    rows = soup.find("table", class_="ek-shared-actors").tbody.find_all("tr")
    shown = {row.th.get_text(): row.find_all("td") for row in rows}
    assert set(shown) == expected
    assert len(rows) == len(expected)
    assert all(int(cells[0].get_text()) >= 2 for cells in shown.values())
    assert shown["Kela"][0].get_text() == "10"  # the ten teams: the demo team is no team
    assert "Kansaneläkelaitos" in shown["Kela"][2].get_text()  # the spellings joined
    assert shown["Verohallinto"][0].get_text() == "2"
    # and every team's progress and harvest, side by side
    progress = soup.find("section", id="progress").tbody.find_all("tr")
    assert len(progress) == 10
    assert not DEMO_NAME.search(soup.get_text())  # (the synthetic copies are "… 001")
    # the actor × team grid: a column per team, the ring and role where the team mapped it
    grid = soup.find("table", class_="ek-actor-grid")
    assert len(grid.thead.find_all("th")) == 11
    kela = next(r for r in grid.tbody.find_all("tr") if r.th.get_text() == "Kela")
    assert all(FI.label("ring", "partner") in td.get_text() or td.get_text() != "–"
               for td in kela.find_all("td"))
    assert sum(td.get_text() != "–" for td in kela.find_all("td")) == 10
    # experiments and outcomes by name, and the shared network drawn
    experiments = soup.find("section", id="experiments").get_text()
    assert "Talousvalmentaja nuorten palveluihin" in experiments
    assert soup.find("section", id="shared-actors").find("img")["alt"]


def test_the_programme_report_as_xlsx_lists_the_same_actors(programme_db, tmp_path):
    db, expected = programme_db
    out = tmp_path / "ohjelma.xlsx"
    ekokit("report", "--all", "--format", "xlsx", "-o", str(out), db=db)
    book = load_workbook(out)
    sheet = book[book.sheetnames[-1]]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == FI("report.actor")))
    assert {r[0] for r in rows[header + 1:] if r[0]} == expected
    # progress and change are numbers; the demo team is in no sheet
    def data_rows(ws):
        rows = list(ws.iter_rows(values_only=True))
        return rows[rows.index(next(r for r in rows if r[0] == FI("report.team"))) + 1:]

    progress = data_rows(book[book.sheetnames[0]])
    assert len(progress) == 10 and all(type(v) is int for r in progress for v in r[2:])
    change = data_rows(book[book.sheetnames[2]])
    assert all(type(v) is float for r in change for v in r[1:] if v is not None)
    assert not [c for ws in book.worksheets for r in ws.iter_rows(values_only=True)
                for c in r if isinstance(c, str) and DEMO_NAME.search(c)]
    assert [c for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"] == []


# -- the CLI and its errors ----------------------------------------------------------------------


def test_cli_writes_a_team_report_in_english(programme_db, tmp_path):
    db, _ = programme_db
    out = tmp_path / "r.md"
    result = ekokit("report", DEMO_TEAM, "--format", "md", "-o", str(out), "--lang", "en", db=db)
    assert result.stdout.strip() == EN("report.written", path=out)
    text = out.read_text(encoding="utf-8")
    name = Store(str(db)).get_team(DEMO_TEAMS["en"]).name  # the demo team in English
    assert text.splitlines()[0] == f"# {escape(EN('report.team_title', team=name))}"
    assert f"## {escape(EN('report.harvest'))}" in text
    # the demo team's answers in English, none of the Finnish ones
    assert "Over-indebtedness of young adults" in text and "Example team" in name
    assert "Nuorten aikuisten ylivelkaantuminen" not in text and "Kela (toimeentulotuki" not in text
    # and one English name for the programme, as the app says
    assert text.splitlines()[2] == escape(EN("report.programme"))
    assert "Mastering phenomena through ecosystems" in text and "haltuun" not in text


def test_english_texts_name_the_programme_in_english():
    """The Finnish name is in an English text only beside the English one (in parentheses)."""
    english = "Mastering phenomena through ecosystems"
    assert english in EN("app.programme") and english in EN("report.programme")
    named = {k: v for k, v in catalogue("en").items() if "haltuun" in v.lower()}
    assert all(english in v and "(\"Ekosysteemeillä ilmiöt haltuun!\"" in v
               for v in named.values()), named


@pytest.mark.parametrize(("args", "key", "params"), [
    (["--all", "--format", "pptx"], "report.error.all_format", {"choices": "html, xlsx"}),
    (["--format", "md"], "report.error.team_or_all", {}),
    (["--all", "-o", "/dev/null/r.html"], "report.error.write",
     {"path": "/dev/null/r.html", "cause": "Not a directory"}),
])
def test_cli_errors_are_one_localised_line(programme_db, args, key, params):
    db, _ = programme_db
    result = ekokit("report", *args, db=db, check=False)
    assert result.returncode == 2
    assert result.stderr == f"ekokit: {FI(key, **params)}\n"


def test_a_team_that_is_not_there_is_named_in_the_command_lines_terms(programme_db):
    db, _ = programme_db
    result = ekokit("report", "nobody", db=db, check=False)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    said_before_the_list = FI("cli.unknown_team", team="nobody", teams="\x00").split("\x00")[0]
    assert result.stderr.startswith("ekokit: " + said_before_the_list)


def test_make_report_refuses_a_format_it_has_not(store):
    with pytest.raises(ReportError) as refused:
        make_report(store, "pdf", "fi", team=DEMO_TEAM)
    assert refused.value.key == "report.error.format"


# -- the catalogue -------------------------------------------------------------------------------


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_messages_have_the_same_keys_and_placeholders_as_finnish(lang):
    fi = {k: v for k, v in catalogue("fi").items() if k.startswith("report.")}
    own = {k: v for k, v in catalogue(lang).items() if k.startswith("report.")}
    assert fi and set(fi) == set(own)
    assert {k: _placeholders(v) for k, v in fi.items()} == {k: _placeholders(v)
                                                            for k, v in own.items()}


def test_every_report_message_the_code_uses_exists():
    sources = [*(ROOT / "ekokit" / "reports").rglob("*.py"),
               *(ROOT / "ekokit" / "reports" / "templates").glob("*.j2")]
    used = {key for path in sources
            for key in re.findall(r"[\"'](report\.[a-z_.]+[a-z_])[\"']", path.read_text())
            if not key.endswith((".css", ".j2"))}
    assert len(used) > 50, "found the keys"
    known = set(catalogue("fi"))
    # a counted message (ekokit.reports.text.counted) is its .one and .other forms
    assert sorted(k for k in used if k not in known and f"{k}.other" not in known) == []


def test_the_catalogue_files_parse():
    for lang in languages():
        assert yaml.safe_load((ROOT / "data" / lang / "ui" / "report.yaml").read_text())


def report_text(fmt: str, data: bytes) -> str:
    """All the text of a report file, read with the format's own library."""
    if fmt == "html":
        return BeautifulSoup(data.decode("utf-8"), "html.parser").get_text(" ")
    if fmt == "md":
        return markdown_html(data.decode("utf-8")).get_text(" ")
    if fmt == "pptx":
        return " ".join(shape.text_frame.text for slide in slides_of(data)
                        for shape in slide.shapes if shape.has_text_frame)
    book = load_workbook(io.BytesIO(data))
    return " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row
                    if c.value is not None)


@pytest.mark.parametrize("fmt", ["html", "pptx", "xlsx", "md"])
def test_every_format_is_complete_in_english(store, fmt):
    text = report_text(fmt, make_report(store, fmt, "en", team=SMALL_TEAM))
    assert EN("session.title_1") in text
    finnish = {v for k, v in catalogue("fi").items()
               if k.startswith("report.") and len(v) > 12 and v != catalogue("en")[k]}
    assert [v for v in finnish if v in text] == []


@pytest.mark.parametrize("fmt", ["html", "pptx", "xlsx", "md"])
def test_every_format_opens_in_swedish_with_swedish_headings(store, fmt):
    """Each format opens with its own library, in Swedish (Finland) throughout."""
    sv = Translator("sv")
    data = make_report(store, fmt, "sv", team=SMALL_TEAM)
    text = report_text(fmt, data)
    assert sv("session.title_1") in text
    assert sv("report.generated").split("{")[0] in text  # "Sammanställd …"
    title = sv("report.team_title", team="Pieni tiimi")
    finnish = {v for k, v in catalogue("fi").items()
               if k.startswith("report.") and len(v) > 12 and v != catalogue("sv")[k]}
    assert [v for v in finnish if v in text] == []
    if fmt == "html":
        assert BeautifulSoup(data.decode("utf-8"), "html.parser").html["lang"] == "sv"
    if fmt == "pptx":
        from pptx import Presentation

        deck = Presentation(io.BytesIO(data))
        assert deck.core_properties.language == "sv-FI" and deck.core_properties.title == title
    else:
        assert title in text
    if fmt == "xlsx":
        assert load_workbook(io.BytesIO(data)).properties.language == "sv"


# -- language ------------------------------------------------------------------------------------


def test_finnish_numbers_agree_and_dates_are_finnish(store):
    from ekokit.charts._base import msg
    from ekokit.reports.text import counted

    assert counted(FI, "report.answered_of", 1, total=14).startswith("1 harjoitus ")
    assert counted(FI, "report.answered_of", 17, total=18).startswith("17 harjoitusta ")
    assert msg("ring.alt", "fi", count=17) == "Toimijakartalla on 17 toimijaa."
    assert msg("ring.alt", "fi", count=1) == "Toimijakartalla on 1 toimija."
    text = team_markdown(team_report(store, DEMO_TEAM, "fi", charts=False))
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)  # 24.10.2023, never 2023-10-24
    assert re.search(r"\b24\\?\.10\.2023\b", text)  # (markdown may escape the "24.")


def test_before_and_after_is_drawn_as_the_comparison_of_both_sessions(demo):
    """The "Ennen ja jälkeen" exercise shows Session 1 and Session 4 together, not Session 4's
    radar alone."""
    after = next(e for e in demo.exercises if e.id == "s4_before_after")
    assert after.chart is demo.summary_chart
    assert "tapaamisessa 1" in after.chart.alt and "tapaamisessa 4" in after.chart.alt
