"""Session 4 reads Session 1: the demo team's maturity and phase, before and after."""

from __future__ import annotations

from ekokit.content.exercises import find_exercise
from ekokit.model.harvest import AFTER, BEFORE_MATURITY, BEFORE_PHASE, before_after
from ekokit.store.demo import ensure_demo_team


def test_session4_reuses_session1_field_definitions():
    after = {f.name: f for f in find_exercise(AFTER).spec.fields}
    assert after["ratings"] == next(f for f in find_exercise(BEFORE_MATURITY).spec.fields
                                    if f.name == "ratings")
    assert after["current_phase"] == next(f for f in find_exercise(BEFORE_PHASE).spec.fields
                                          if f.name == "current_phase")


def test_the_demo_team_grew_between_session_1_and_4(store):
    ensure_demo_team(store)
    result = before_after(store.latest_answers("esimerkki"))
    assert (result.phase_before, result.phase_after) == ("activation", "cohesion")
    assert set(result.maturity_before) == set(result.maturity_after)
    mean = sum(result.maturity_after.values()) / len(result.maturity_after)
    before = sum(result.maturity_before.values()) / len(result.maturity_before)
    assert mean > before
    assert all(delta >= 0 for delta in result.change().values())


def test_a_team_with_nothing_saved_has_nothing_to_compare(store, team):
    result = before_after(store.latest_answers(team.slug))
    assert result.maturity_before == {} and result.change() == {}
    assert result.phase_before is None
