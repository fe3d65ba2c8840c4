"""The facilitator view aggregates every team from the store, and follows the room: progress
per session with homework apart, who is here now, the exercise most teams are in."""

from __future__ import annotations

import html

from ekokit.content.exercises import exercises_for_session, find_exercise
from ekokit.content.i18n import Translator
from ekokit.model.teams import Team
from ekokit.state.overview import busiest_exercise, here_now, progress_by_team
from ekokit.store.presence import iso_before, mark_present
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
    view.session.value = "2"  # a session's matrix lists its homework too
    assert find_exercise("h2_preferred_future").title("fi") in view.table.value


# -- the room, live ------------------------------------------------------------------------------

DONE = {"phenomenon": "P", "description": "D"}
NOW = "2026-12-02T12:00:00.000+00:00"


def test_room_progress_counts_a_sessions_exercises_and_its_homework_apart(store, team):
    store.save(team.slug, "s1_phenomenon", DONE, base_revision=0)
    homework = next(e for e in exercises_for_session("1") if e.is_homework)
    store.save(team.slug, homework.id, {"x": 1}, base_revision=0)  # not its fields: damaged
    [row] = progress_by_team(store, exercises_for_session("1"))
    own = [e for e in exercises_for_session("1") if not e.is_homework]
    assert (row.session.done, row.session.total) == (1, len(own))
    assert row.homework.total == len(exercises_for_session("1")) - len(own)
    assert row.homework.done == 0 and row.cells[homework.id] == "damaged"
    assert row.last_saved == store.latest(team.slug, homework.id).created_at


def test_here_now_is_pages_seen_within_45_s_and_the_busiest_exercise(store, team):
    mark_present(store, "a1", "a", "1", "s1_actor_map", now=iso_before(10, NOW))
    mark_present(store, "a2", "a", "1", "s1_actor_map", now=iso_before(20, NOW))  # same team
    mark_present(store, "b1", "b", "1", "s1_phenomenon", now=iso_before(30, NOW))
    mark_present(store, "c1", "c", "1", "s1_phenomenon", now=iso_before(44, NOW))
    mark_present(store, "d1", "d", "1", "s1_actor_map", now=iso_before(46, NOW))  # gone
    mark_present(store, "e1", "e", "1", "", now=iso_before(1, NOW))  # here, nothing open
    here = here_now(store, now=NOW)
    assert here == {"a": ("s1_actor_map",), "b": ("s1_phenomenon",),
                    "c": ("s1_phenomenon",), "e": ()}
    order = ["s1_actor_map", "s1_phenomenon"]
    assert busiest_exercise(here, order) == "s1_phenomenon"  # two teams against one
    assert busiest_exercise({"a": ("s1_actor_map",), "b": ("s1_phenomenon",)},
                            order) == "s1_actor_map"  # a tie: the first in the session
    assert busiest_exercise({"e": ()}, order) is None


def test_the_view_follows_the_room_and_a_quiet_look_sends_nothing(store, team, widget_messages):
    mark_present(store, "p1", team.slug, "1", "s1_actor_map")
    view = FacilitatorView(store=store, lang="fi", live=False)
    assert view.exercise.value == "s1_actor_map"  # where the teams are
    assert "Nuoret &amp; velat" in view.presence.value
    assert html_of("s1_actor_map") in view.presence.value
    widget_messages.reset()
    for _ in range(6):
        view.tick()  # nobody saves: presence is read again, but nothing is sent
    assert widget_messages.sent == []
    store.save(team.slug, "s1_actor_map", {"actors": [
        {"name": "<Kela>", "org_type": "state", "ring": "core", "layer": "insider",
         "roles": [], "in_team": True}]}, base_revision=0)
    view.tick()
    assert Translator("fi")("progress.started") in view.table.value
    assert "&lt;Kela&gt;" in view.answers.value
    updated = {key for update in widget_messages.updates for key in update}
    assert updated == {"value"} and len(widget_messages.updates) == 2  # table and answers


def test_the_picker_follows_the_room_until_the_facilitator_chooses(store, team):
    view = FacilitatorView(store=store, lang="fi", live=False)
    mark_present(store, "p1", team.slug, "1", "s1_actor_map")
    view._presence_tick()
    assert view.exercise.value == "s1_actor_map"
    view.exercise.value = "s1_phenomenon"  # the facilitator's own choice
    mark_present(store, "p1", team.slug, "1", "s1_maturity")
    view._presence_tick()
    assert view.exercise.value == "s1_phenomenon"


def html_of(exercise_id: str) -> str:
    return html.escape(find_exercise(exercise_id).title("fi"))


def test_the_view_opens_on_the_session_of_the_exercise_most_teams_are_in(store, team):
    mark_present(store, "p1", team.slug, "2", "s2_futures_wheel")
    view = FacilitatorView(store=store, lang="fi", live=False)
    assert (view.session.value, view.exercise.value) == ("2", "s2_futures_wheel")
    assert html_of("s2_futures_wheel") in view.table.value


def test_self_study_on_the_demo_teams_is_not_the_room(store, team):
    """Learners on the demo teams (any language) neither show as here nor steer the picker."""
    from ekokit.model.teams import DEMO_TEAMS
    from ekokit.store.demo import ensure_demo_team

    ensure_demo_team(store)
    mark_present(store, "p1", team.slug, "1", "s1_actor_map")
    for number, slug in enumerate(DEMO_TEAMS.values()):
        for page in range(2):
            mark_present(store, f"d{number}{page}", slug, "1", "s1_phenomenon")
    view = FacilitatorView(store=store, lang="fi", live=False)
    assert view.exercise.value == "s1_actor_map"  # the room's one team, not six demo pages
    assert html.escape(Translator("fi")("facilitator.here_count", here=1, teams=1)) in (
        view.presence.value)
    assert not any(html.escape(store.get_team(s).name) in view.presence.value
                   for s in DEMO_TEAMS.values())
