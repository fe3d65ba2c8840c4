"""The worked example team ("esimerkki", data/examples/demo_team.json): complete, valid, stable,
and usable as the demo team and as the seed of synthetic load-test teams."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from ekokit.content.calendar import calendar
from ekokit.content.exercises import find_exercise
from ekokit.model import answers
from ekokit.paths import data_dir
from ekokit.server.landing import DEMO_TEAM
from ekokit.store.database import Store
from ekokit.store.demo import EXAMPLE_WORKBOOK, ensure_demo_team, seed_synthetic_teams
from ekokit.store.workbook import dumps, export_workbook, import_workbook, parse_workbook

EXERCISE_IDS = sorted(p.stem for p in (data_dir() / "exercises").glob("*.yaml"))


@pytest.fixture(scope="module")
def text() -> str:
    return (data_dir() / EXAMPLE_WORKBOOK).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def book(text):
    return parse_workbook(text)


def test_the_example_parses_as_a_workbook_of_the_demo_team(book):
    assert book.team.slug == DEMO_TEAM
    assert book.team.phenomenon == "Nuorten aikuisten ylivelkaantuminen"
    assert len(book.team.members) == 5


def test_the_example_covers_every_exercise(book):
    assert sorted(book.exercises) == EXERCISE_IDS


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_latest_revision_is_complete(book, exercise_id):
    records = book.exercises[exercise_id]
    assert [r.revision for r in records] == list(range(1, len(records) + 1))
    assert answers.missing_required(find_exercise(exercise_id), records[-1].data) == []


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


def test_the_file_is_canonical(text):
    assert dumps(json.loads(text)) == text


def test_import_then_export_gives_back_the_identical_text(text, tmp_path):
    store = Store(str(tmp_path / "roundtrip.sqlite"))
    team = import_workbook(store, text)
    assert team.slug == DEMO_TEAM
    assert dumps(export_workbook(store, DEMO_TEAM)) == text


def test_the_demo_team_is_created_once_with_every_exercise(tmp_path):
    store = Store(str(tmp_path / "demo.sqlite"))
    assert ensure_demo_team(store) is True
    assert ensure_demo_team(store) is False
    team = store.get_team(DEMO_TEAM)
    assert team.name == "Esimerkkitiimi: Nuorten aikuisten ylivelkaantuminen"
    latest = store.latest_all(DEMO_TEAM)
    assert sorted(exercise for _team, exercise in latest) == EXERCISE_IDS


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
