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


# -- experiments across sessions: linked by code, the decision flowing from the portfolio ---------

from ekokit.content.exercises import find_exercise as _find  # noqa: E402
from ekokit.model.carry import carry  # noqa: E402
from ekokit.model.harvest import PORTFOLIO, linked_experiments  # noqa: E402
from ekokit.reports.build import harvest  # noqa: E402

PLANNED = {"experiments": [
    {"code": "K1", "name": "Talousvalmentaja Ohjaamossa", "owner": "Säätiö", "phase": "plan",
     "decision": "continue"},
    {"code": "K2", "name": "Chat-ajanvaraus", "owner": "Velkaneuvonta", "phase": "identify"},
    {"name": "Työpaja ammattiopistossa", "owner": "Ammattiopisto", "decision": "stop"},
]}


def test_a_renamed_experiment_stays_one_row_by_its_code():
    answers = {PORTFOLIO: PLANNED, AFTER: {"experiments": [
        {"code": "k1", "name": "Talousvalmentaja nuorten palveluihin", "decision": "scale"},
        {"name": "työpaja  AMMATTIOPISTOSSA"},  # no code: matched by its name
        {"code": "K9", "name": "Chat-ajanvaraus"},  # same name, another code: another one
    ]}}
    linked = linked_experiments(answers)
    assert [(e.code, e.name) for e in linked] == [
        ("K1", "Talousvalmentaja nuorten palveluihin"), ("K2", "Chat-ajanvaraus"),
        ("", "työpaja AMMATTIOPISTOSSA"), ("K9", "Chat-ajanvaraus")]
    assert [e.decision for e in linked] == ["scale", None, "stop", None]
    rows = harvest(answers, "fi").experiments
    assert len(rows) == 4 and rows[0].owner == "Säätiö" and rows[0].latest == "Skaalataan"


def test_the_decision_flows_from_the_portfolio_when_the_harvest_has_none():
    rows = harvest({PORTFOLIO: PLANNED}, "fi").experiments
    assert [r.latest for r in rows] == ["Jatketaan kokeilua", "", "Lopetetaan"]


def test_session_4_starts_from_the_portfolios_experiments_with_their_codes_and_decisions():
    exercise = _find(AFTER)
    source = next(s for s in exercise.spec.copy_from if s.exercise == PORTFOLIO)
    carried = carry(exercise, source, {}, PLANNED)
    assert carried.data["experiments"][0] == {"code": "K1",
                                              "name": "Talousvalmentaja Ohjaamossa",
                                              "decision": "continue"}
