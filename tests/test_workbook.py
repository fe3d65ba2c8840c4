"""Export and import of a whole team workbook: exact round trip, all-or-nothing refusals."""

from __future__ import annotations

import json

import pytest
from ekokit.errors import TeamExists, WorkbookError
from ekokit.store.database import Store
from ekokit.store.workbook import dumps, export_workbook, import_workbook


def _fill(store, team):
    store.save(team.slug, "s1_phenomenon", {"phenomenon": "Velat <script>", "description": "d"},
               base_revision=0, author="Aino")
    store.save(team.slug, "s1_phenomenon", {"phenomenon": "Velat", "description": "d2"},
               base_revision=1, author="Bashir")
    store.save(team.slug, "s1_maturity",
               {"ratings": [{"member": "Aino", "scores": {"trust": 3}}], "reflection": ""},
               base_revision=0)


def test_export_import_round_trips_exactly(store, team, tmp_path):
    _fill(store, team)
    exported = dumps(export_workbook(store, team.slug))
    fresh = Store(str(tmp_path / "other.sqlite"))
    import_workbook(fresh, exported)
    assert dumps(export_workbook(fresh, team.slug)) == exported
    assert [r.revision for r in fresh.history(team.slug, "s1_phenomenon")] == [1, 2]


def test_import_under_another_slug(store, team):
    _fill(store, team)
    imported = import_workbook(store, dumps(export_workbook(store, team.slug)), slug="kopio")
    assert imported.slug == "kopio"
    assert store.latest("kopio", "s1_phenomenon").data["description"] == "d2"


def test_importing_an_existing_team_is_refused(store, team):
    with pytest.raises(TeamExists):
        import_workbook(store, dumps(export_workbook(store, team.slug)))


@pytest.mark.parametrize("text, reason", [
    ("not json at all", "not_json"),
    (json.dumps({"format": "something-else"}), "foreign"),
    (json.dumps([1, 2]), "foreign"),
    (json.dumps({"format": "ekokit-workbook", "version": 99}), "version"),
])
def test_corrupt_or_foreign_files_are_refused(store, text, reason):
    with pytest.raises(WorkbookError) as caught:
        import_workbook(store, text)
    assert caught.value.params["reason"] == reason
    assert store.teams() == []


def test_an_invalid_answer_anywhere_imports_nothing(store, team, tmp_path):
    _fill(store, team)
    book = export_workbook(store, team.slug)
    book["exercises"]["s1_maturity"][0]["data"]["ratings"][0]["scores"]["trust"] = 9
    fresh = Store(str(tmp_path / "other.sqlite"))
    with pytest.raises(WorkbookError) as caught:
        import_workbook(fresh, dumps(book))
    assert caught.value.params["reason"] == "invalid"
    assert fresh.teams() == [] and fresh.history(team.slug) == []


def test_unknown_exercise_and_gaps_in_revisions_are_refused(store, team, tmp_path):
    _fill(store, team)
    book = export_workbook(store, team.slug)
    book["exercises"]["s9_nope"] = book["exercises"].pop("s1_maturity")
    with pytest.raises(WorkbookError):
        import_workbook(Store(str(tmp_path / "a.sqlite")), dumps(book))
    book = export_workbook(store, team.slug)
    book["exercises"]["s1_phenomenon"][1]["revision"] = 5
    with pytest.raises(WorkbookError):
        import_workbook(Store(str(tmp_path / "b.sqlite")), dumps(book))
