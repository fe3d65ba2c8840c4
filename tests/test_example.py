"""The worked example team ("esimerkki", data/examples/demo_team/*.yaml): complete, valid,
hand-editable, and usable as the demo team and as the seed of synthetic load-test teams."""

from __future__ import annotations

import datetime as dt
import shutil
import time

import pytest
from ekokit.content.calendar import calendar
from ekokit.content.example import example_exercise_ids, example_folder, example_workbook
from ekokit.content.exercises import find_exercise
from ekokit.content.vocab import vocabularies
from ekokit.errors import WorkbookError
from ekokit.model.teams import DEMO_TEAM
from ekokit.paths import data_dir
from ekokit.store.database import Store
from ekokit.store.demo import ensure_demo_team, seed_synthetic_teams
from ekokit.store.workbook import dumps, export_workbook, import_workbook, parse_workbook

EXAMPLE_FILES = sorted(example_folder().glob("*.yaml"))

EXERCISE_IDS = sorted(p.stem for p in (data_dir() / "exercises").glob("*.yaml"))


@pytest.fixture(scope="module")
def workbook() -> dict:
    return example_workbook()


@pytest.fixture(scope="module")
def book(workbook):
    return parse_workbook(dumps(workbook))


def test_the_example_parses_as_a_workbook_of_the_demo_team(book):
    assert book.team.slug == DEMO_TEAM
    assert book.team.phenomenon == "Nuorten aikuisten ylivelkaantuminen"
    assert len(book.team.members) == 5


def test_some_exercises_show_a_history_by_different_members(book):
    several = {i: r for i, r in book.exercises.items() if len(r) > 1}
    assert len(several) >= 5
    assert any(len({r.author for r in records}) > 1 for records in several.values())
    assert max(len(r) for r in several.values()) == 3


def test_authors_are_members_and_dates_fit_the_calendar(book):
    cal = calendar()
    last_session = max(s.date for s in cal.sessions)
    team_created = dt.datetime.fromisoformat(book.created_at)
    for exercise_id, records in book.exercises.items():
        session = find_exercise(exercise_id).session
        if session.startswith("h"):  # homework: between its session and its due date
            homework = next(h for h in cal.homework if h.id == session)
            earliest, first_by = cal.session(homework.after).date, homework.due
            last_by = homework.due
        else:  # started on the session day, revised at the latest in the last session
            earliest = first_by = cal.session(session).date
            last_by = last_session
        stamps = [dt.datetime.fromisoformat(r.created_at) for r in records]
        assert stamps == sorted(stamps) and stamps[0] > team_created
        assert all(s.utcoffset() == dt.timedelta(0) for s in stamps)
        assert earliest <= stamps[0].date() <= first_by, exercise_id
        assert stamps[-1].date() <= last_by, exercise_id
        assert {r.author for r in records} <= set(book.team.members), exercise_id


def test_the_maturity_story_moves_from_activation_to_cohesion(book):
    def latest(exercise_id):
        return book.exercises[exercise_id][-1].data

    def mean(ratings):
        values = [v for r in ratings for v in r["scores"].values()]
        return sum(values) / len(values)

    before, after = latest("s1_maturity")["ratings"], latest("s4_before_after")["ratings"]
    assert latest("s1_lifecycle")["current_phase"] == "activation"
    assert latest("s4_before_after")["current_phase"] == "cohesion"
    assert {r["member"] for r in before} == {r["member"] for r in after}
    assert mean(before) < 2.5 < mean(after)


def _spec_order_errors(data: dict, fields, where: str) -> list[str]:
    """Where ``data``'s keys (and those of its list rows and scores) leave the spec's order."""
    errors = []
    if list(data) != [f.name for f in fields if f.name in data]:
        errors.append(f"{where}: {list(data)}")
    for f in fields:
        value = data.get(f.name)
        if f.type == "list" and isinstance(value, list):
            for number, row in enumerate(value, start=1):
                errors += _spec_order_errors(row, f.item, f"{where}.{f.name}[{number}]")
        elif f.type == "scores" and isinstance(value, dict):
            order = vocabularies()[f.vocab]
            if list(value) != [k for k in order if k in value]:
                errors.append(f"{where}.{f.name}: {list(value)}")
    return errors


def test_every_exercise_file_loads_with_its_data_in_spec_order(workbook):
    assert [p.stem for p in EXAMPLE_FILES if p.name != "team.yaml"] == EXERCISE_IDS
    errors = []
    for exercise_id, records in workbook["exercises"].items():
        path = example_folder() / f"{exercise_id}.yaml"
        exercise = find_exercise(exercise_id)
        assert path.read_text(encoding="utf-8").startswith(f"# {exercise.title('fi')}\n")
        for record in records:
            assert isinstance(record["created_at"], str)  # quoted: not read as a datetime
            where = f"{path.name} revision {record['revision']}"
            errors += _spec_order_errors(record["data"], exercise.spec.fields, where)
    assert errors == []


def test_import_then_export_gives_back_the_example_workbook(workbook, tmp_path):
    store = Store(str(tmp_path / "roundtrip.sqlite"))
    team = import_workbook(store, dumps(workbook))
    assert team.slug == DEMO_TEAM
    assert export_workbook(store, DEMO_TEAM) == workbook


@pytest.fixture
def folder_copy(tmp_path):
    return shutil.copytree(example_folder(), tmp_path / "demo_team")


def test_a_malformed_file_is_a_workbook_error_naming_it(folder_copy):
    path = folder_copy / "s1_iceberg.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - broken: [\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"s1_iceberg\.yaml"):
        example_workbook(folder_copy)


def test_a_revision_without_its_date_is_a_workbook_error_naming_the_file(folder_copy):
    path = folder_copy / "s2_vision.yaml"
    text = path.read_text(encoding="utf-8")
    first_date = next(line for line in text.splitlines() if "created_at:" in line)
    path.write_text(text.replace(first_date + "\n", "", 1), encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"s2_vision\.yaml: revision 1"):
        example_workbook(folder_copy)


def test_a_missing_exercise_is_reported(folder_copy):
    assert example_exercise_ids(folder_copy) == set(EXERCISE_IDS)
    (folder_copy / "s3_mve.yaml").unlink()
    assert set(EXERCISE_IDS) - example_exercise_ids(folder_copy) == {"s3_mve"}
    assert "s3_mve" not in example_workbook(folder_copy)["exercises"]


def test_the_demo_team_is_created_once_with_every_exercise(tmp_path):
    store = Store(str(tmp_path / "demo.sqlite"))
    assert ensure_demo_team(store) is True
    assert ensure_demo_team(store) is False
    team = store.get_team(DEMO_TEAM)
    assert team.name == "Esimerkkitiimi: Nuorten aikuisten ylivelkaantuminen"
    latest = store.latest_all(DEMO_TEAM)
    assert sorted(exercise for _team, exercise in latest) == EXERCISE_IDS


PHENOMENON = {"fi": "Nuorten aikuisten ylivelkaantuminen",
              "en": "Over-indebtedness of young adults",
              "sv": "Unga vuxnas överskuldsättning"}


def test_each_language_has_its_demo_team_and_a_page_in_it_shows_its_answers(tmp_path):
    """Self-study in English shows English answers, in Swedish Swedish ones: whichever demo
    slug the address names, the state a page in ``lang`` binds is the demo team in ``lang``."""
    from ekokit.model.teams import DEMO_TEAMS, shown_team
    from ekokit.state.exercise import ExerciseState

    store = Store(str(tmp_path / "demo.sqlite"))
    ensure_demo_team(store)
    exercise = find_exercise("s1_phenomenon")
    for lang, slug in DEMO_TEAMS.items():
        team = store.get_team(slug)
        assert team.phenomenon == PHENOMENON[lang]
        assert sorted(e for _t, e in store.latest_all(slug)) == EXERCISE_IDS
        for asked in DEMO_TEAMS.values():  # ?team=esimerkki&lang=sv, ?team=example&lang=sv…
            state = ExerciseState(exercise, store, shown_team(asked, lang))
            assert state.reload() is not None and state.saved["phenomenon"] == PHENOMENON[lang]
    swedish = store.latest(DEMO_TEAMS["sv"], "s1_phenomenon").data
    assert "FPA (utkomststöd, bostadsbidrag, studiestöd)" in swedish["administrative_branches"]
    assert shown_team("esimerkki-2", "en") == "esimerkki-2"  # not a demo team: itself


def test_a_hundred_synthetic_teams_cover_every_exercise(tmp_path):
    store = Store(str(tmp_path / "synthetic.sqlite"))
    started = time.perf_counter()
    created = seed_synthetic_teams(store, 100)
    seeded = time.perf_counter() - started
    latest = store.latest_all()
    total = time.perf_counter() - started
    print(f"\nseed_synthetic_teams(100): {seeded:.2f} s; latest_all(): {total - seeded:.2f} s")
    assert len(created) == 100 and len(set(created)) == 100
    assert len(latest) == 100 * len(EXERCISE_IDS)
    assert {team for team, _exercise in latest} == set(created)
    assert seed_synthetic_teams(store, 100) == []  # already there: nothing new


def test_the_landing_pages_demo_links_open_the_demo_team_in_its_language():
    from ekokit.model.teams import DEMO_TEAMS
    from ekokit.server.landing import landing_html

    for lang in ("fi", "en"):
        page = landing_html(lang)
        assert f"team={DEMO_TEAMS[lang]}" in page
        assert not any(f"team={slug}" in page for slug in DEMO_TEAMS.values()
                       if slug != DEMO_TEAMS[lang])


def test_no_demo_team_gets_a_team_link(tmp_path):
    from ekokit.model.teams import Team
    from ekokit.server.links import team_links

    store = Store(str(tmp_path / "links.sqlite"))
    ensure_demo_team(store)
    store.create_team(Team(slug="example-2", name="Not the demo team"))
    links = team_links(store, "http://huone/", "01_ekosysteemit.ipynb", "T", "en")
    assert [link.slug for link in links] == ["example-2"]
