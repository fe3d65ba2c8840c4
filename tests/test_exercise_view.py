"""Widget tests in plain pytest: set widget values as a user would, then read the store."""

from __future__ import annotations

import datetime as dt

from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import Translator
from ekokit.state.exercise import ExerciseState
from ekokit.store.database import Store
from ekokit.widgets.exercise_view import ExerciseView

fi = Translator("fi")


def view_for(exercise: str, store: Store, team, lang: str = "fi") -> ExerciseView:
    state = ExerciseState(find_exercise(exercise), store, team.slug, author="Aino")
    state.reload()
    view = ExerciseView(state, Translator(lang))
    view.build()
    return view


def first_words(key: str, **params) -> str:
    """The start of a message up to its first placeholder: what the page must show."""
    return fi(key, **params).split("{")[0][:25]


def test_typing_saves_a_revision_and_says_so(store, team):
    view = view_for("s1_phenomenon", store, team)
    view.form.editors["phenomenon"].input.value = "Nuorten <b>velat</b>"
    latest = store.latest(team.slug, "s1_phenomenon")
    assert latest.data["phenomenon"] == "Nuorten <b>velat</b>"
    assert latest.author == "Aino"
    assert first_words("status.saved_incomplete") in view.status.value
    assert "Kuvaus" in view.status.value  # the label of the required field still empty
    assert "&lt;b&gt;" not in view.status.value  # the status shows no user text here


def test_reopening_shows_the_saved_answer(store, team):
    first = view_for("s1_phenomenon", store, team)
    first.form.editors["affected_groups"].input.value = "Nuoret aikuiset\n\nOpiskelijat\n"
    again = view_for("s1_phenomenon", store, team)
    assert again.form.value["affected_groups"] == ["Nuoret aikuiset", "Opiskelijat"]
    assert again.state.base_revision == 1


def test_invalid_input_saves_nothing_and_keeps_what_was_typed(store, team):
    view = view_for("s1_phenomenon", store, team)
    view.form.editors["phenomenon"].input.value = "Hyvä nimi"
    view.form.editors["phenomenon"].input.value = "x" * 200
    assert store.latest(team.slug, "s1_phenomenon").data["phenomenon"] == "Hyvä nimi"
    assert view.form.editors["phenomenon"].input.value == "x" * 200
    assert fi("invalid.too_long", max=160) in view.form.editors["phenomenon"].error.value
    assert first_words("status.invalid") in view.status.value


def test_list_rows_choices_and_duplicates(store, team):
    view = view_for("s1_actor_map", store, team)
    actors = view.form.editors["actors"]
    actors.add_button.click()
    actors.add_button.click()
    first, second = actors.rows
    first.editors["name"].input.value = "Kela"
    first.editors["org_type"].input.value = "state"
    first.editors["ring"].input.value = "core"
    first.editors["roles"].input.value = ("orchestrator",)
    saved = store.latest(team.slug, "s1_actor_map").data["actors"]
    assert saved[0] == {"name": "Kela", "org_type": "state", "ring": "core", "layer": None,
                        "roles": ["orchestrator"], "in_team": False}
    revisions_before = len(store.history(team.slug, "s1_actor_map"))
    second.editors["name"].input.value = "kela"
    assert len(store.history(team.slug, "s1_actor_map")) == revisions_before
    assert fi("invalid.duplicate", value="kela") in second.editors["name"].error.value
    actors.rows[1].widget.children[-1].click()  # remove the duplicate row
    assert len(store.latest(team.slug, "s1_actor_map").data["actors"]) == 1


def test_scores_are_dropdowns_and_saved_per_dimension(store, team):
    view = view_for("s1_maturity", store, team)
    ratings = view.form.editors["ratings"]
    ratings.add_button.click()
    row = ratings.rows[0]
    row.editors["member"].input.value = "Aino"
    row.editors["scores"].inputs["trust"].value = 4
    saved = store.latest(team.slug, "s1_maturity").data
    assert saved["ratings"] == [{"member": "Aino", "scores": {"trust": 4}}]


def test_dates_save_as_iso(store, team):
    view = view_for("h1_team_meeting", store, team)
    meetings = view.form.editors["meetings"]
    meetings.add_button.click()
    meetings.rows[0].editors["date"].input.value = dt.date(2023, 11, 1)
    saved = store.latest(team.slug, "h1_team_meeting").data["meetings"][0]
    assert saved["date"] == "2023-11-01"


def test_a_teammate_saving_first_is_never_overwritten(store, team):
    mine = view_for("s1_phenomenon", store, team)
    theirs = view_for("s1_phenomenon", store, team)
    theirs.form.editors["phenomenon"].input.value = "Heidän versionsa"
    mine.form.editors["phenomenon"].input.value = "Minun versioni"
    assert store.latest(team.slug, "s1_phenomenon").data["phenomenon"] == "Heidän versionsa"
    assert fi("status.conflict", author="Aino", revision=1) in mine.status.value
    _take, keep = mine.conflict.children[-1].children
    assert "Heidän versionsa" in mine.conflict.children[0].value
    assert "Minun versioni" in mine.conflict.children[0].value
    keep.click()
    history = store.history(team.slug, "s1_phenomenon")
    assert [r.data["phenomenon"] for r in history] == ["Heidän versionsa", "Minun versioni"]


def test_taking_the_teammates_version_loads_it(store, team):
    mine = view_for("s1_phenomenon", store, team)
    theirs = view_for("s1_phenomenon", store, team)
    theirs.form.editors["phenomenon"].input.value = "Heidän"
    mine.form.editors["phenomenon"].input.value = "Minun"
    take, _keep = mine.conflict.children[-1].children
    take.click()
    assert mine.form.editors["phenomenon"].input.value == "Heidän"
    assert len(store.history(team.slug, "s1_phenomenon")) == 1


def test_html_typed_by_users_is_escaped_in_the_conflict_view(store, team):
    mine = view_for("s1_phenomenon", store, team)
    theirs = view_for("s1_phenomenon", store, team)
    theirs.form.editors["phenomenon"].input.value = "<img src=x onerror=alert(1)>"
    mine.form.editors["phenomenon"].input.value = "x"
    compare = mine.conflict.children[0].value
    assert "<img src=x" not in compare and "&lt;img src=x" in compare


def test_a_read_only_store_says_so_and_keeps_the_text(db_path, team):
    read_only = Store(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    view = view_for("s1_phenomenon", read_only, team)
    view.form.editors["phenomenon"].input.value = "Ei katoa"
    assert fi("error.store_read_only") in view.status.value
    assert view.form.editors["phenomenon"].input.value == "Ei katoa"


def test_english_labels_and_messages(store, team):
    view = view_for("s1_phenomenon", store, team, lang="en")
    assert view.form.editors["phenomenon"].input.description == "Name of the phenomenon"
    view.form.editors["phenomenon"].input.value = "Debt"
    assert Translator("en")("status.saved").split("{")[0] in view.status.value


def test_automation_contract_classes(store, team):
    view = view_for("s1_phenomenon", store, team)
    assert "ek-field-phenomenon" in view.form.editors["phenomenon"].input._dom_classes
    assert "ek-status" in view.status._dom_classes


def test_rows_loaded_from_a_saved_answer_are_numbered_in_order(store, team):
    actors = [{"name": f"Toimija {i}", "org_type": "state", "ring": "core"} for i in range(3)]
    store.save(team.slug, "s1_actor_map", {"actors": actors}, base_revision=0)
    view = view_for("s1_actor_map", store, team)
    editor = view.form.editors["actors"]
    removes = [row.widget.children[-1].description for row in editor.rows]
    assert removes == [fi("form.remove_row", n=n) for n in (1, 2, 3)]
    editor.add_row()
    assert editor.rows[-1].widget.children[-1].description == fi("form.remove_row", n=4)
    editor.remove_row(editor.rows[0])
    assert [row.widget.children[-1].description for row in editor.rows] == [
        fi("form.remove_row", n=n) for n in (1, 2, 3)]


def test_a_list_says_its_rows_in_advance_and_stops_adding_at_its_maximum(store, team):
    view = view_for("s2_scenarios_2x2", store, team)
    axes = view.form.editors["axes"]  # exactly 2
    heading = axes.widget.children[0].value
    assert fi("form.rows_exactly", n=2) in heading
    axes.add_row()
    assert not axes.add_button.disabled
    axes.add_row()
    assert axes.add_button.disabled  # at the maximum: the button says so before a click
    axes.remove_row(axes.rows[-1])
    assert not axes.add_button.disabled
    quadrants = view.form.editors["quadrants"]
    quadrants.add_row()
    view.save()
    missing = find_exercise("s2_scenarios_2x2").field_text("fi", "quadrants").label
    assert f"{missing} ({fi('form.rows_exactly', n=4)})" in view.status.value


def test_adding_a_row_moves_the_keyboard_to_its_first_field(store, team, widget_messages):
    view = view_for("s1_actor_map", store, team)
    actors = view.form.editors["actors"]
    widget_messages.sent.clear()
    actors.add_row()
    first = actors.rows[-1].editors["name"].input
    focus = [m for m in widget_messages.sent
             if m.get("method") == "custom" and m.get("content") == {"do": "focus"}]
    assert [m["_comm"] for m in focus] == [first.comm]


def test_a_choice_of_several_among_a_few_is_a_group_of_checkboxes(store, team):
    view = view_for("s3_scaling", store, team)
    editor = view.form.editors["scaling_types"]
    boxes = editor.boxes
    from ekokit.content.vocab import vocabularies

    assert list(boxes) == list(vocabularies()["scaling_type"])  # one checkbox per option
    first, second = list(boxes)[:2]
    boxes[first].value = True
    boxes[second].value = True  # a plain second click keeps the first
    assert store.latest(team.slug, "s3_scaling").data["scaling_types"] == [first, second]
    again = view_for("s3_scaling", store, team)
    assert [k for k, b in again.form.editors["scaling_types"].boxes.items() if b.value] == [
        first, second]


def test_a_long_choice_of_several_shows_every_option_and_says_how(store, team):
    view = view_for("s1_actor_map", store, team)
    actors = view.form.editors["actors"]
    actors.add_row()
    roles = actors.rows[0].editors["roles"]
    assert roles.input.rows == len(roles.input.options)  # nothing scrolls out of sight
    assert fi("form.multi_hint") in roles.widget.children[-1].value
