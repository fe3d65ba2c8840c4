"""Widget messages are what a full room pays for: every model and every state update goes
through the kernel and the one Voilà server process. These budgets keep opening a page and
opening an exercise cheap (measured with a recording comm; figures in the README)."""

from __future__ import annotations

import pytest
from ekokit.model.teams import DEMO_TEAM
from ekokit.store.demo import ensure_demo_team
from ekokit.widgets.session_app import SessionApp

# Before the state/widget split (2026-12): page 78 models / 19 updates; actor map 929 / 593.
# Session 1's two reflections (its readings' questions) added 2 sections: 6 models, 2 updates
# (a section is a heading, a button and a box; its form is built when opened).
PREPARED_BUDGET = (65, 0)  # models, updates: the Session 1 page before the request (pre-warmed)
BOUND_BUDGET = (8, 22)  # after the request: the demo team's data (a state line per exercise)
ACTOR_MAP_BUDGET = (400, 60)  # opening s1_actor_map (the demo team's 12-actor map)


@pytest.fixture()
def demo_store(store):
    ensure_demo_team(store)
    return store


def test_opening_the_session_page_for_the_demo_team(demo_store, widget_messages):
    app = SessionApp("1", store=demo_store, lang="fi")
    prepared = widget_messages.counts()
    widget_messages.reset()
    app.bind(team=DEMO_TEAM, lang="fi", served=True)  # a room's page in Voilà
    bound = widget_messages.counts()
    print(f"\nSession 1 page: prepared {prepared}, bound {bound} (models, updates)")
    assert prepared[0] <= PREPARED_BUDGET[0] and prepared[1] <= PREPARED_BUDGET[1]
    assert bound[0] <= BOUND_BUDGET[0] and bound[1] <= BOUND_BUDGET[1]


def test_outside_voila_the_kits_styles_cost_one_model(demo_store, widget_messages):
    """JupyterLab has no Voilà template: one HTML widget brings ekokit.css, first in the app
    (and a served page has instead the team's share link, which JupyterLab has no address for)."""
    SessionApp("1", store=demo_store, lang="fi").bind(team=DEMO_TEAM, lang="fi")  # shared models
    counts = {}
    for served in (True, False):
        app = SessionApp("1", store=demo_store, lang="fi")
        widget_messages.reset()
        app.bind(team=DEMO_TEAM, lang="fi", served=served)
        counts[served] = widget_messages.counts()
        styles = [c for c in app.widget.children if "ek-styles" in c._dom_classes]
        assert styles == ([] if served else [app.widget.children[0]])
    # one model each way: the style widget outside Voilà, the share-with-your-team line in it
    assert counts[False][0] == counts[True][0]
    assert counts[False][1] <= counts[True][1] + 1  # at most one update: the app's children


def test_opening_the_demo_teams_actor_map(demo_store, widget_messages):
    app = SessionApp("1", store=demo_store, lang="fi").bind(team=DEMO_TEAM, lang="fi")
    widget_messages.reset()
    app.sections["s1_actor_map"].set_open(True)
    models, updates = widget_messages.counts()
    print(f"\nactor map open: {models} models, {updates} updates")
    actors = len(app.sections["s1_actor_map"].view.state.saved["actors"])
    assert actors >= 9  # a real team's map, not an empty one
    assert models <= ACTOR_MAP_BUDGET[0] and updates <= ACTOR_MAP_BUDGET[1]


def test_no_class_is_added_after_construction(demo_store, widget_messages):
    """Classes, values and children are given at construction: no ``_dom_classes`` update."""
    app = SessionApp("1", store=demo_store, lang="fi").bind(team=DEMO_TEAM, lang="fi")
    for section in app.sections.values():
        section.set_open(True)
    assert [u for u in widget_messages.updates if "_dom_classes" in u] == []


def test_typing_one_key_sends_few_updates(demo_store, widget_messages):
    app = SessionApp("1", store=demo_store, lang="fi").bind(team=DEMO_TEAM, lang="fi")
    section = app.sections["s1_phenomenon"]
    section.set_open(True)
    widget_messages.reset()
    section.view.form.editors["phenomenon"].input.value = "Nuorten velat"
    # the status (pending, then saved), the chart, the heading and the progress box at most
    assert len(widget_messages.updates) <= 5, widget_messages.updates


def test_a_quiet_look_at_the_store_sends_no_message(demo_store, widget_messages):
    """Live updates look at the store every 2 s on every open page: when nothing is new, the
    page and the facilitator view send nothing (presence rows are written, no widget moves)."""
    from ekokit.widgets.facilitator import FacilitatorView

    app = SessionApp("1", store=demo_store, lang="fi").bind(team=DEMO_TEAM, lang="fi",
                                                           served=True)
    app.sections["s1_actor_map"].set_open(True)
    view = FacilitatorView(store=demo_store, lang="fi", served=True, live=False)
    widget_messages.reset()
    for _ in range(20):
        app.live.tick()
        view.tick()
    assert widget_messages.counts() == (0, 0) and widget_messages.sent == []
