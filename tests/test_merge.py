"""Homework comes home: ``import --merge`` between two stores, a conflict kept both ways."""

from __future__ import annotations

import pytest
from ekokit.errors import WorkbookError
from ekokit.model.teams import Team
from ekokit.store.database import Store
from ekokit.store.merge import merge_workbook
from ekokit.store.workbook import dumps, export_workbook, import_workbook


@pytest.fixture()
def store(any_store):
    """Every test of this module on SQLite and on PostgreSQL (tests/conftest.py)."""
    return any_store


SLUG = "nuoret-velat"


def _phen(text: str) -> dict:
    return {"phenomenon": text, "description": f"{text} kuvattuna"}


def _maturity(score: int, note: str) -> dict:
    return {"ratings": [{"member": "Aino", "scores": {"trust": score}}], "reflection": note}


@pytest.fixture()
def room_and_home(tmp_path):
    """The room's store and a member's machine, after the homework was taken home and both
    went on: the home adds to s1_phenomenon and starts s1_iceberg; both change s1_maturity."""
    room = Store(str(tmp_path / "room.sqlite"))
    room.create_team(Team(slug=SLUG, name="Nuoret & velat", members=["Aino", "Bashir"]))
    room.save(SLUG, "s1_phenomenon", _phen("Velat"), base_revision=0, author="Aino")
    room.save(SLUG, "s1_maturity", _maturity(3, "yhteinen alku"), base_revision=0, author="Aino")
    home = Store(str(tmp_path / "home.sqlite"))
    import_workbook(home, dumps(export_workbook(room, SLUG)))
    home.save(SLUG, "s1_phenomenon", _phen("Velat kotona"), base_revision=1, author="Bashir")
    home.save(SLUG, "s1_maturity", _maturity(4, "kotona"), base_revision=1, author="Bashir")
    home.save(SLUG, "s1_iceberg", {"events": ["Ulosotot kasvavat"]}, base_revision=0,
              author="Bashir")
    room.save(SLUG, "s1_maturity", _maturity(2, "tapaamisessa"), base_revision=1,
              author="Aino")
    return room, home


def _data(store: Store, exercise: str) -> list[dict]:
    return [r.data for r in store.history(SLUG, exercise)]


def test_a_merge_round_trip_loses_nothing_and_keeps_both_versions_of_a_conflict(room_and_home):
    room, home = room_and_home
    homework = dumps(export_workbook(home, SLUG))
    report = merge_workbook(room, homework)
    outcomes = {e.exercise_id: (e.outcome, e.added, e.already, e.kept_both)
                for e in report.exercises}
    assert outcomes == {"s1_phenomenon": ("added", 1, 1, 0),
                        "s1_maturity": ("both", 0, 1, 1),
                        "s1_iceberg": ("added", 1, 0, 0)}
    assert not report.created
    assert (report.total("added"), report.total("kept_both"), report.total("already")) == (
        2, 1, 2)
    # the room's own revisions stay as they were; the home's differing one comes after them
    maturity = room.history(SLUG, "s1_maturity")
    assert [(r.revision, r.data["reflection"], r.author) for r in maturity] == [
        (1, "yhteinen alku", "Aino"), (2, "tapaamisessa", "Aino"), (3, "kotona", "Bashir")]
    home_rev = home.history(SLUG, "s1_maturity")[1]
    assert maturity[2].created_at == home_rev.created_at  # when it was written, kept
    assert _data(room, "s1_phenomenon") == _data(home, "s1_phenomenon")
    assert _data(room, "s1_iceberg") == _data(home, "s1_iceberg")

    # merging the same file again adds nothing
    again = merge_workbook(room, homework)
    assert (again.total("added"), again.total("kept_both")) == (0, 0)
    assert len(room.history(SLUG)) == 6

    # and back home: the room's version of the conflict arrives, nothing is lost either way
    back = merge_workbook(home, dumps(export_workbook(room, SLUG)))
    assert [(e.exercise_id, e.outcome) for e in back.exercises if e.outcome != "already"] == [
        ("s1_maturity", "both")]
    for exercise in ("s1_phenomenon", "s1_maturity", "s1_iceberg"):
        room_data, home_data = _data(room, exercise), _data(home, exercise)
        assert sorted(map(repr, room_data)) == sorted(map(repr, home_data)), exercise


def test_a_merge_into_a_store_without_the_team_creates_it(room_and_home, tmp_path):
    _room, home = room_and_home
    empty = Store(str(tmp_path / "empty.sqlite"))
    report = merge_workbook(empty, dumps(export_workbook(home, SLUG)), slug="kotitiimi")
    assert report.created and report.team.slug == "kotitiimi"
    assert _data(empty, "s1_maturity") == []  # the slug is kotitiimi
    assert [r.data for r in empty.history("kotitiimi", "s1_maturity")] == _data(
        home, "s1_maturity")


def test_a_merge_is_all_or_nothing(room_and_home, monkeypatch):
    room, home = room_and_home
    book = export_workbook(home, SLUG)
    before = room.history(SLUG)
    bad = export_workbook(home, SLUG)
    bad["exercises"]["s1_iceberg"][0]["created_at"] = "not-a-date"
    with pytest.raises(WorkbookError) as caught:
        merge_workbook(room, dumps(bad))
    assert caught.value.params["reason"] == "bad_time"
    assert room.history(SLUG) == before
    # a teammate saves while the merge is planned: its numbers are taken, nothing is merged
    real = room.history
    monkeypatch.setattr(room, "history", lambda *a, **k: [
        r for r in real(*a, **k) if not (r.exercise_id == "s1_maturity" and r.revision == 2)])
    with pytest.raises(WorkbookError) as caught:
        merge_workbook(room, dumps(book))
    assert caught.value.params["reason"] == "changed"
    assert real(SLUG) == before


@pytest.mark.parametrize("exercise, revision", [("s1_phenomenon", 1), ("s1_maturity", 1)],
                         ids=["continuation", "parallel-version"])
def test_a_revision_dated_before_the_history_it_follows_is_refused_and_nothing_merged(
        room_and_home, exercise, revision):
    """A revision from 2001 never follows one from 2023: the home's revision that goes on from
    the common history, dated before it (a wrong clock or an edited file), refuses the merge
    whole, naming the exercise; the room's store is as it was."""
    room, home = room_and_home
    book = export_workbook(home, SLUG)
    book["exercises"][exercise][revision]["created_at"] = "2001-01-01T09:00:00+02:00"
    before = room.history(SLUG)
    with pytest.raises(WorkbookError) as caught:
        merge_workbook(room, dumps(book))
    assert caught.value.params == {"reason": "time_order", "exercise": exercise,
                                   "revision": revision + 1}
    assert room.history(SLUG) == before


def test_merging_the_same_file_again_after_a_further_save_adds_nothing(room_and_home):
    """The file's revisions are checked against every revision the store has after the common
    history, not only against its newest: a save made between two merges of the same homework
    does not make the homework's conflict version come in twice."""
    room, home = room_and_home
    homework = dumps(export_workbook(home, SLUG))
    merge_workbook(room, homework)
    room.save(SLUG, "s1_maturity", _maturity(5, "seuraavana päivänä"), base_revision=3,
              author="Aino")
    before = _data(room, "s1_maturity")
    again = merge_workbook(room, homework)
    assert (again.total("added"), again.total("kept_both")) == (0, 0)
    assert _data(room, "s1_maturity") == before
    assert [r["reflection"] for r in before] == [
        "yhteinen alku", "tapaamisessa", "kotona", "seuraavana päivänä"]


def test_a_merge_keeps_the_stores_team_profile(room_and_home):
    """The team in the store keeps its name and members; the file's profile (older, or edited
    elsewhere) is neither written nor reported."""
    room, home = room_and_home
    renamed = room.update_team(Team.model_validate(
        {**room.get_team(SLUG).model_dump(), "name": "Velkatiimi",
         "members": ["Aino", "Bashir", "Célia"]}))
    report = merge_workbook(room, dumps(export_workbook(home, SLUG)))
    assert not report.created
    assert report.team == room.get_team(SLUG) == renamed
    assert home.get_team(SLUG).name == "Nuoret & velat"  # the file's profile differs
