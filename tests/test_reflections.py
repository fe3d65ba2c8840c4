"""A reading's questions ("Pohdittavaksi") are a reflection exercise: one field per question,
labelled from the reading in each language, saved, exported, merged and reported like any
exercise, and shown first after its reading in the session notebooks."""

from __future__ import annotations

import html
import json

import pytest
from ekokit.content.exercises import all_exercises, find_exercise
from ekokit.content.i18n import Translator, languages
from ekokit.content.plan import notebook_plan
from ekokit.content.readings import CONCEPTS, concept, reflection_questions
from ekokit.model.teams import Team
from ekokit.paths import notebooks_dir
from ekokit.reports.build import team_report
from ekokit.state.exercise import ExerciseState
from ekokit.store.database import Store
from ekokit.store.merge import merge_workbook
from ekokit.store.workbook import dumps, export_workbook, import_workbook
from ekokit.widgets.card import card_html
from ekokit.widgets.session_app import SessionApp

REFLECTION = "r1_ecosystem"
fi = Translator("fi")


def reflections() -> dict[str, str]:
    """{reading: reflection id}"""
    return {e.spec.reading or "": e.id for e in all_exercises() if e.is_reflection}


def test_every_reading_with_questions_has_its_reflection_with_a_field_per_question():
    asked = {cid for cid in CONCEPTS for lang in languages() if reflection_questions(cid, lang)}
    assert len(asked) >= 5  # the readings of Sessions 1 and 3 ask the team
    assert set(reflections()) == asked
    for cid, eid in reflections().items():
        exercise = find_exercise(eid)
        assert exercise.session == CONCEPTS[cid] and not exercise.is_homework
        for lang in languages():
            questions = reflection_questions(cid, lang)
            labels = [exercise.field_text(lang, f.name).label for f in exercise.spec.fields]
            assert labels == list(questions), (eid, lang)
            assert all(q in concept(cid, lang) for q in questions)  # the reading's own words
            assert exercise.title(lang).endswith(concept(cid, lang).split("\n")[0].lstrip("# "))
        assert [f.type for f in exercise.spec.fields] == ["longtext"] * len(questions)


def test_a_reflection_stands_first_after_its_reading_in_the_notebook():
    for cid, eid in reflections().items():
        session = CONCEPTS[cid]
        step = next(s for s in notebook_plan()[session] if s.reading == cid)
        assert step.exercises[0] == eid
        notebook = next(notebooks_dir().glob(f"0{session}_*.ipynb"))
        sources = ["".join(c["source"]) for c in json.loads(notebook.read_text())["cells"]]
        reading = sources.index(f'ekokit.concept("{cid}")')
        assert sources[reading + 1].startswith(f'ekokit.exercises("{eid}", ')


def test_a_reflections_card_is_one_line_under_its_reading():
    card = card_html(find_exercise(REFLECTION), fi)
    assert "ek-card-reflection" in card and "<details>" not in card
    assert html.escape(fi("reflection.what")) in card


def test_a_reflection_answer_saves_as_revisions_and_reloads(store, team):
    exercise = find_exercise(REFLECTION)
    state = ExerciseState(exercise, store, team.slug, author="Aino")
    state.reload()
    first = state.save({"q1": "Verkosto <b>", "q2": ""})
    assert first.kind == "saved" and first.revision.revision == 1
    assert state.state == "started" and state.missing() == [("q2",)]
    second = state.save({"q1": "Verkosto <b>", "q2": "Yhteinen arvolupaus"})
    assert second.kind == "saved" and second.revision.revision == 2
    again = ExerciseState(exercise, store, team.slug)
    again.reload()
    assert again.saved == {"q1": "Verkosto <b>", "q2": "Yhteinen arvolupaus"}
    assert again.state == "done" and again.base_revision == 2
    assert [r.author for r in store.history(team.slug, REFLECTION)] == ["Aino", "Aino"]
    assert state.save({"q1": "x" * 3001, "q2": ""}).kind == "invalid"  # nothing stored
    assert len(store.history(team.slug, REFLECTION)) == 2


def test_typing_a_reflection_in_the_session_app_saves_and_says_so(store, team):
    app = SessionApp("1", store=store, lang="fi").bind(team=team.slug, lang="fi")
    section = app.sections[REFLECTION]
    assert section.view is not None and section.view.form is None  # built only when opened
    section.set_open(True)
    section.view.form.editors["q1"].input.value = "Verkosto"
    section.view.debouncer.flush()
    assert store.latest(team.slug, REFLECTION).data["q1"] == "Verkosto"
    status = section.view.status.value
    assert "ek-status-ok" in status and str(store.latest(team.slug, REFLECTION).revision) in status
    assert "ek-state-started" in section.heading.value
    # the reflection counts in its session's progress, like the exercises listed with it
    total = len([e for e in app.exercises if not e.is_homework])
    assert f"0/{total}" in app.progress.value and "Pohdittavaksi" in app.progress.value


def test_export_import_and_merge_carry_reflections(store, team, tmp_path):
    store.save(team.slug, REFLECTION, {"q1": "Huoneessa", "q2": ""}, base_revision=0,
               author="Aino")
    exported = dumps(export_workbook(store, team.slug))
    home = Store(str(tmp_path / "home.sqlite"))
    import_workbook(home, exported)
    assert dumps(export_workbook(home, team.slug)) == exported
    home.save(team.slug, REFLECTION, {"q1": "Huoneessa", "q2": "Kotona"}, base_revision=1,
              author="Bashir")
    report = merge_workbook(store, dumps(export_workbook(home, team.slug)))
    assert [(e.exercise_id, e.outcome, e.added) for e in report.exercises] == [
        (REFLECTION, "added", 1)]
    assert store.latest(team.slug, REFLECTION).data["q2"] == "Kotona"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_team_report_lists_a_reflection_with_its_questions(store, team, lang):
    store.create_team(Team(slug="toinen", name="Toinen"))
    store.save(team.slug, REFLECTION, {"q1": "Verkosto", "q2": "Arvolupaus"}, base_revision=0)
    report = team_report(store, team.slug, lang, charts=False)
    first = report.sessions[0]
    reflected = next(e for e in first.exercises if e.id == REFLECTION)
    questions = reflection_questions("ecosystem", lang)
    assert reflected.answers == ((questions[0], "Verkosto"), (questions[1], "Arvolupaus"))
    assert reflected.title == find_exercise(REFLECTION).title(lang) and reflected.chart is None
    assert find_exercise("r1_impact").title(lang) in first.unanswered


def test_a_demo_team_seeded_before_the_reflections_gets_their_example_answers(store):
    from ekokit.content.example import example_workbook
    from ekokit.model.teams import DEMO_TEAM
    from ekokit.store.demo import ensure_demo_team

    book = example_workbook()
    older = {k: v for k, v in book["exercises"].items() if not find_exercise(k).is_reflection}
    import_workbook(store, dumps({**book, "exercises": older}), slug=DEMO_TEAM)
    store.save(DEMO_TEAM, "s1_phenomenon", {"phenomenon": "Itseopiskelijan oma"},
               base_revision=len(older["s1_phenomenon"]))
    before = len(store.history(DEMO_TEAM))
    assert store.latest(DEMO_TEAM, REFLECTION) is None
    # a store from before the translations: the en and sv demo teams are created, the Finnish
    # one is completed
    assert ensure_demo_team(store) is True
    assert {"example", "exempel"} <= {t.slug for t in store.teams()}
    example = book["exercises"][REFLECTION]
    assert [r.data for r in store.history(DEMO_TEAM, REFLECTION)] == [e["data"] for e in example]
    assert store.latest(DEMO_TEAM, "s1_phenomenon").data["phenomenon"] == "Itseopiskelijan oma"
    added = sum(len(v) for k, v in book["exercises"].items() if k not in older)
    assert len(store.history(DEMO_TEAM)) == before + added
    assert ensure_demo_team(store) is False  # once is enough
    assert len(store.history(DEMO_TEAM)) == before + added
