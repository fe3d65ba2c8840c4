"""Answer models generated from the card specs: drafts save, invalid input never does."""

from __future__ import annotations

import pytest
from ekokit.content.exercises import find_exercise
from ekokit.model import answers


def problems(exercise: str, data: dict) -> list[answers.Problem]:
    with pytest.raises(answers.AnswerInvalid) as caught:
        answers.validate(find_exercise(exercise), data)
    return caught.value.problems


def test_an_empty_draft_is_valid_but_not_complete():
    phenomenon = find_exercise("s1_phenomenon")
    data = answers.validate(phenomenon, {})
    assert data["phenomenon"] == "" and data["affected_groups"] == []
    assert not answers.is_complete(phenomenon, data)
    assert ("phenomenon",) in answers.missing_required(phenomenon, data)


def test_a_filled_answer_is_complete():
    phenomenon = find_exercise("s1_phenomenon")
    data = answers.validate(phenomenon, {"phenomenon": "Ylivelkaantuminen", "description": "…"})
    assert answers.is_complete(phenomenon, data)


def test_over_long_text_is_refused_with_its_limit():
    (problem,) = problems("s1_phenomenon", {"phenomenon": "x" * 161})
    assert problem.path == ("phenomenon",)
    assert problem.key == "invalid.too_long"
    assert problem.params["max"] == 160


def test_scores_out_of_range_are_refused():
    found = problems("s1_maturity", {"ratings": [{"member": "Aino", "scores": {"trust": 6}}]})
    assert found[0].key == "invalid.range"
    assert found[0].path[:3] == ("ratings", 0, "scores")


def test_unknown_choice_and_unknown_field_are_refused():
    row = {"name": "Kela", "org_type": "alien", "ring": "core"}
    assert problems("s1_actor_map", {"actors": [row]})[0].key == "invalid.choice"
    assert problems("s1_phenomenon", {"hacker": 1})[0].key == "invalid.unknown_field"


def test_duplicate_actor_names_are_refused_case_insensitively():
    rows = [{"name": "Kela", "org_type": "state", "ring": "core"},
            {"name": " kela", "org_type": "state", "ring": "partner"}]
    (problem,) = problems("s1_actor_map", {"actors": rows})
    assert problem.key == "invalid.duplicate"
    assert problem.path == ("actors", 1, "name")
    assert problem.params["value"] == " kela"


def test_too_many_rows_are_refused():
    rows = [{"name": f"A{i}", "motivation": "m"} for i in range(5)]
    assert problems("s1_motivation", {"actors": rows})[0].key == "invalid.too_many"


def test_required_item_fields_make_a_row_incomplete():
    actor_map = find_exercise("s1_actor_map")
    data = answers.validate(actor_map, {"actors": [{"name": "Kela"}]})
    missing = answers.missing_required(actor_map, data)
    assert ("actors", 0, "org_type") in missing and ("actors", 0, "ring") in missing


def test_html_is_kept_literally_in_answers():
    data = answers.validate(find_exercise("s1_phenomenon"), {"phenomenon": "<b>velat</b> & korot"})
    assert data["phenomenon"] == "<b>velat</b> & korot"
