"""A team's export always imports again: the import's limits follow what the store keeps, on
SQLite and PostgreSQL. (Before: 5,000 revisions per exercise and 20,000 in all, so a busy
team's merged history could be exported and then refused.)"""

from __future__ import annotations

import pytest
from ekokit.errors import ExerciseFull
from ekokit.model.teams import Team
from ekokit.store import database
from ekokit.store.database import Revision, Store
from ekokit.store.merge import merge_workbook
from ekokit.store.workbook import dumps, export_workbook, import_workbook

EXERCISE = "r1_ecosystem"  # a reading's two questions: a small valid answer


def _answer(n: int, who: str = "") -> dict:
    return {"q1": f"{who}Vastaus {n}", "q2": ""}


def _team_with(store: Store, slug: str, count: int, who: str = "") -> None:
    team = Team(slug=slug, name=f"Tiimi {slug}")
    revisions = [Revision(slug, EXERCISE, n, _answer(n, who), "Aino",
                          f"2026-12-01T10:{n // 60 % 60:02d}:{n % 60:02d}.000+00:00")
                 for n in range(1, count + 1)]
    store.append_revisions(slug, revisions, new_team=(team, "2026-12-01T09:00:00.000+00:00"))


def _fresh(any_store: Store, store_url: str, request, tmp_path, name: str) -> Store:
    if "://" in store_url:
        return Store(request.getfixturevalue("postgres").new_database())
    return Store(str(tmp_path / name))


@pytest.mark.load
def test_a_team_with_10000_revisions_in_one_exercise_round_trips(any_store, store_url, request,
                                                                tmp_path):
    _team_with(any_store, "kiireinen", 10_000)
    text = dumps(export_workbook(any_store, "kiireinen"))
    other = _fresh(any_store, store_url, request, tmp_path, "other.sqlite")
    import_workbook(other, text)
    assert other.history("kiireinen") == any_store.history("kiireinen")
    assert dumps(export_workbook(other, "kiireinen")) == text  # exactly the same file again
    other.engine.dispose()


@pytest.mark.load
def test_two_merged_files_of_4000_revisions_export_and_import_again(any_store, store_url,
                                                                   request, tmp_path):
    first, second = Store(str(tmp_path / "a.sqlite")), Store(str(tmp_path / "b.sqlite"))
    _team_with(first, "tiimi", 4000, "A ")
    _team_with(second, "tiimi", 4000, "B ")
    merge_workbook(any_store, dumps(export_workbook(first, "tiimi")))
    report = merge_workbook(any_store, dumps(export_workbook(second, "tiimi")))
    assert report.total("kept_both") == 4000  # both kept: 8,000 revisions in one exercise
    text = dumps(export_workbook(any_store, "tiimi"))
    other = _fresh(any_store, store_url, request, tmp_path, "other.sqlite")
    import_workbook(other, text)
    assert len(other.history("tiimi")) == 8000
    other.engine.dispose()


def test_the_store_keeps_no_more_than_an_import_takes(any_store, monkeypatch):
    monkeypatch.setattr(database, "MAX_REVISIONS_PER_EXERCISE", 3)
    _team_with(any_store, "tiimi", 3)
    with pytest.raises(ExerciseFull):
        any_store.save("tiimi", EXERCISE, _answer(4), base_revision=3)
    with pytest.raises(ExerciseFull):  # nor by a merge or an import
        any_store.append_revisions("tiimi", [Revision("tiimi", EXERCISE, 4, _answer(4), "", "")])
    assert len(any_store.history("tiimi")) == 3


def test_a_page_says_the_exercise_is_full_and_keeps_what_was_typed(store, team, monkeypatch):
    from ekokit.content.exercises import find_exercise
    from ekokit.content.i18n import t
    from ekokit.state.exercise import ExerciseState

    monkeypatch.setattr(database, "MAX_REVISIONS_PER_EXERCISE", 1)
    state = ExerciseState(find_exercise("s1_phenomenon"), store, team.slug)
    assert state.save({"phenomenon": "Ensimmäinen"}).kind == "saved"
    outcome = state.save({"phenomenon": "Toinen"})
    assert outcome.kind == "unavailable"  # not "saved": the page keeps the text in its form
    assert t(outcome.error.key, "en", **outcome.error.params).startswith(
        "Exercise “s1_phenomenon” already has 1 saved versions")
    assert [r.data["phenomenon"] for r in store.history(team.slug)] == ["Ensimmäinen"]
