"""The facilitator view aggregates every team from the store."""

from __future__ import annotations

from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import Translator
from ekokit.model.teams import Team
from ekokit.widgets.facilitator import FacilitatorView, progress_matrix


def test_progress_matrix_covers_every_team_and_exercise(store, team):
    store.create_team(Team(slug="toinen", name="Toinen <tiimi>"))
    store.save(team.slug, "s1_phenomenon", {"phenomenon": "P", "description": "D"},
               base_revision=0)
    store.save("toinen", "s1_phenomenon", {"phenomenon": "P"}, base_revision=0)
    matrix = progress_matrix(store)
    assert matrix[team.slug]["s1_phenomenon"] == "done"
    assert matrix["toinen"]["s1_phenomenon"] == "started"
    assert matrix["toinen"]["s1_actor_map"] == "open"


def test_view_shows_all_teams_escaped_and_their_answers(store, team):
    store.create_team(Team(slug="toinen", name="Toinen <tiimi>"))
    store.save("toinen", "s1_phenomenon", {"phenomenon": "<b>P</b>"}, base_revision=0)
    view = FacilitatorView(store=store, lang="fi")
    assert "Toinen &lt;tiimi&gt;" in view.table.value and "Nuoret &amp; velat" in view.table.value
    assert Translator("fi")("progress.started") in view.table.value
    view.exercise.value = "s1_phenomenon"
    assert "&lt;b&gt;P&lt;/b&gt;" in view.answers.value
    view.session.value = "h1"
    assert find_exercise("h1_development_plan").title("fi") in view.table.value
