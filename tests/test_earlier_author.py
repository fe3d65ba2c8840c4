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


@pytest.mark.parametrize(("lang", "by"), [("fi", "kirjoittaja"), ("en", "by"), ("sv", "skribent")])
def test_the_status_of_a_reopened_exercise_names_no_author_when_there_is_none(store, team, lang,
                                                                              by):
    """"Tallennettu versio 1 (…, kirjoittaja —)." when no author was chosen."""
    def reopened_status() -> str:
        state = ExerciseState(find_exercise("s1_phenomenon"), store, team.slug)
        state.reload()
        view = ExerciseView(state, Translator(lang))
        view.build()
        assert view.status is not None
        return str(view.status.value)

    store.save(team.slug, "s1_phenomenon", {"phenomenon": "Velat"}, base_revision=0, author="")
    anonymous = reopened_status()
    said = Translator(lang)("status.loaded_anonymous", revision=1, time="\x00").split("\x00")[0]
    assert said in anonymous and "—" not in anonymous and f" {by} " not in anonymous, anonymous
    store.save(team.slug, "s1_phenomenon", {"phenomenon": "Velat 2"}, base_revision=1,
               author="Aino")
    assert f"{by} Aino" in reopened_status()
