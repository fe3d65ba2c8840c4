"""Earlier work carried forward: copying fills only empty fields, is saved as a normal revision,
and leaves the earlier answer unchanged; the related answers show read-only on request."""

from __future__ import annotations

import pytest
from ekokit.content.example import example_workbook
from ekokit.content.exercises import all_exercises, find_exercise
from ekokit.content.i18n import Translator
from ekokit.model.carry import carry
from ekokit.state.exercise import ExerciseState
from ekokit.widgets.exercise_view import ExerciseView

fi = Translator("fi")
EXAMPLE = {i: records[-1]["data"] for i, records in example_workbook()["exercises"].items()}
CARRIES = [(e.id, s) for e in all_exercises() for s in e.spec.copy_from]


def test_the_issue_s_five_carries_are_declared():
    assert {(target, s.exercise) for target, s in CARRIES} >= {
        ("s2_futures_wheel", "s1_phenomenon"), ("s2_vision", "s1_actor_map"),
        ("s3_experiment_plan", "s2_backcasting"), ("s4_impact_chain", "s1_impact_chain"),
        ("s4_before_after", "s1_maturity"), ("s4_before_after", "s1_lifecycle")}


@pytest.mark.parametrize("target, source", CARRIES, ids=lambda v: getattr(v, "exercise", v))
def test_copying_into_an_empty_answer_fills_every_mapped_field(target, source):
    result = carry(find_exercise(target), source, {}, EXAMPLE[source.exercise])
    assert set(result.filled) == {name for name, _ in source.fields}


@pytest.mark.parametrize("target, source", CARRIES, ids=lambda v: getattr(v, "exercise", v))
def test_copying_never_overwrites_what_the_team_wrote(target, source):
    exercise = find_exercise(target)
    mine = dict(EXAMPLE[target])  # every field already filled
    result = carry(exercise, source, mine, EXAMPLE[source.exercise])
    for name in result.filled:
        assert not mine.get(name), name
    assert {k: v for k, v in result.data.items() if mine.get(k)} == {
        k: v for k, v in mine.items() if v}


def test_a_copy_that_would_not_fit_is_left_out_not_cut():
    exercise = find_exercise("s2_futures_wheel")
    source = exercise.spec.copy_from[0]
    result = carry(exercise, source, {}, {"phenomenon": "x" * 500})  # centre takes 200
    assert result.filled == () and "centre" not in result.data


def test_copy_in_the_app_saves_a_revision_and_keeps_the_earlier_answer(store, team):
    earlier = store.save(team.slug, "s1_phenomenon", {"phenomenon": "Nuorten <b>velat</b>"},
                         base_revision=0, author="Aino")
    store.save(team.slug, "s2_futures_wheel", {"attention_points": ["Oma"]}, base_revision=0)
    state = ExerciseState(find_exercise("s2_futures_wheel"), store, team.slug, author="Bashir")
    state.reload()
    view = ExerciseView(state, fi)
    view.build()
    copy = next(c for c in view.earlier.widget.children
                if "ek-copy-s1_phenomenon" in c._dom_classes)
    copy.click()
    saved = store.latest(team.slug, "s2_futures_wheel")
    assert saved.revision == 2 and saved.author == "Bashir"
    assert saved.data["centre"] == "Nuorten <b>velat</b>"
    assert saved.data["attention_points"] == ["Oma"]  # what was there stays
    assert view.form.editors["centre"].input.value == "Nuorten <b>velat</b>"
    assert store.history(team.slug, "s1_phenomenon") == [earlier]  # the earlier answer as it was
    centre = find_exercise("s2_futures_wheel").field_text("fi", "centre").label
    assert f": {centre}." in view.status.value  # the status names the field it filled
    copy.click()  # nothing left to fill: nothing saved, said so
    assert store.latest(team.slug, "s2_futures_wheel").revision == 2
    assert fi("earlier.nothing", title=find_exercise("s1_phenomenon").title("fi")).split("”")[0] \
        in view.status.value


def test_related_answers_show_read_only_only_when_asked(store, team):
    store.save(team.slug, "s1_impact_chain", {"activities": ["Valmennus <script>"]},
               base_revision=0)
    state = ExerciseState(find_exercise("s4_impact_chain"), store, team.slug)
    view = ExerciseView(state, fi)
    view.build()
    earlier = view.earlier
    assert earlier.panel is None  # nothing drawn until asked
    earlier.toggle.click()
    panel = earlier.panel.value
    assert find_exercise("s1_impact_chain").title("fi") in panel
    assert "Valmennus &lt;script&gt;" in panel and "<script>" not in panel
    assert "<img" in panel  # the earlier chart, with its alt text and table
    earlier.toggle.click()
    assert earlier.panel is None


def test_no_earlier_work_means_no_widgets(store, team):
    state = ExerciseState(find_exercise("s2_futures_wheel"), store, team.slug)
    view = ExerciseView(state, fi)
    view.build()
    assert view.earlier.widget is None


def test_the_same_method_then_and_now_is_drawn_side_by_side(store, team):
    store.save(team.slug, "s1_impact_chain", {"activities": ["Valmennus"]}, base_revision=0)
    store.save(team.slug, "s4_impact_chain", {"activities": ["Valmennus ja neuvonta"]},
               base_revision=0)
    state = ExerciseState(find_exercise("s4_impact_chain"), store, team.slug)
    state.reload()
    view = ExerciseView(state, fi)
    view.build()
    view.earlier.toggle.click()
    panel = view.earlier.panel.value
    pair = panel.split('<div class="ek-side-by-side">', 1)[1]
    assert pair.count("<img") == 2  # Session 1 and Session 4, each with its alt text
    then = fi("earlier.then", title=find_exercise("s1_impact_chain").title("fi"))
    assert then in pair and fi("earlier.now", title=find_exercise("s4_impact_chain").title(
        "fi")) in pair
