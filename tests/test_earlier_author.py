"""The earlier-work panel says who saved a version only when someone is named (#25): a version
saved with no author chosen read "kirjoittaja —."."""

from __future__ import annotations

import pytest
from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import Translator
from ekokit.state.exercise import ExerciseState
from ekokit.widgets.exercise_view import ExerciseView


def earlier_panel(store, team, lang: str) -> str:
    state = ExerciseState(find_exercise("s4_impact_chain"), store, team.slug)
    view = ExerciseView(state, Translator(lang))
    view.build()
    view.earlier.toggle.click()
    return view.earlier.panel.value


@pytest.mark.parametrize(("lang", "by"), [("fi", "kirjoittaja"), ("en", "by")])
def test_no_author_no_dash(store, team, lang, by):
    store.save(team.slug, "s1_impact_chain", {"activities": ["Valmennus"]}, base_revision=0,
               author="")
    panel = earlier_panel(store, team, lang)
    line = next(p for p in panel.split("<p>")[1:] if "1" in p.split("</p>")[0])
    line = line.split("</p>")[0]
    assert "—" not in line and f" {by} " not in line, line
    assert line.startswith(("Versio 1, tallennettu ", "Version 1, saved ")), line


@pytest.mark.parametrize(("lang", "by"), [("fi", "kirjoittaja Aino."), ("en", "by Aino.")])
def test_a_named_author_is_said(store, team, lang, by):
    store.save(team.slug, "s1_impact_chain", {"activities": ["Valmennus"]}, base_revision=0,
               author="Aino")
    assert by in earlier_panel(store, team, lang)
