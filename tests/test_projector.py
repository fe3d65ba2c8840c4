"""The projector in the kernel: every team's chart of the page's exercise with its name (escaped)
and alt text, pages that step and wrap, no editing controls, the timer's countdown (a clock of
our own: no waiting), and the messages a step costs."""

from __future__ import annotations

import re

import ipywidgets as w
import pytest
from ekokit.content.exercises import all_exercises, find_exercise
from ekokit.content.i18n import Translator
from ekokit.model.teams import Team
from ekokit.state.timer import Countdown, clock_text
from ekokit.store.demo import ensure_demo_team
from ekokit.widgets.projector import ECOSYSTEM, Projector, start_page

FI = Translator("fi")
IMPACT = {"resources": ["Rahoitus"], "activities": ["Neuvonta"], "outputs": ["Tapaamiset"],
          "outcomes": ["Velat hallintaan"], "impacts": ["Vähemmän ulosottoja"]}


@pytest.fixture()
def room(store):
    ensure_demo_team(store)
    store.create_team(Team(slug="b", name="B <script>alert(1)</script> & $5"))
    store.create_team(Team(slug="c", name="Energiaköyhyys"))
    store.save("b", "s1_actor_map", {"actors": [
        {"name": "Kela", "org_type": "state", "ring": "core"},
        {"name": "THL", "org_type": "research", "ring": "partner"},
        {"name": "Seurakunnat", "org_type": "ngo", "ring": "environment"}]}, base_revision=0)
    store.save("c", "s1_actor_map", {"actors": [
        {"name": "Kansaneläkelaitos", "org_type": "state", "ring": "core"},
        {"name": "Terveyden ja hyvinvoinnin laitos", "org_type": "research", "ring": "core"},
        {"name": "Energiayhtiöt", "org_type": "company", "ring": "partner"}]}, base_revision=0)
    return store


def _widgets(widget: w.Widget) -> list[w.Widget]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += _widgets(child)
    return found


def test_every_team_of_the_room_has_its_chart_name_and_alt_text(room):
    projector = Projector(store=room, lang="fi", exercise="s1_actor_map")
    body = projector.body.value
    sections = re.findall(r'<section class="ek-projector-team".*?</section>', body, re.DOTALL)
    assert len(sections) == 2  # the worked example is not one of the room's teams
    assert "<h2>B &lt;script&gt;alert(1)&lt;/script&gt; &amp; $5</h2>" in body
    assert "<script>" not in body
    for section in sections:
        alt = re.search(r'<img src="data:image/png;base64,[^"]+" alt="([^"]+)"', section)
        assert alt and alt.group(1) in section.replace(f'alt="{alt.group(1)}"', "")
    assert FI("projector.no_answer") not in body
    assert "<h1>" + find_exercise("s1_actor_map").title("fi") + "</h1>" in projector.header.value


def test_a_team_without_an_answer_says_so(room):
    projector = Projector(store=room, lang="fi", exercise="s1_phenomenon")
    assert projector.body.value.count(FI("projector.no_answer")) == 2


def test_the_projector_has_buttons_and_text_only(room):
    projector = Projector(store=room, lang="fi")
    kinds = {type(x) for x in _widgets(projector.widget)}
    assert kinds <= {w.VBox, w.HBox, w.HTML, w.Button}, kinds
    assert "<input" not in projector.body.value and "<textarea" not in projector.body.value


def test_pages_step_and_wrap_round_with_the_ecosystem_first(room):
    projector = Projector(store=room, lang="fi", exercise="s1_actor_map")
    first = all_exercises()[0].id
    projector.go(0)
    assert projector.page == ECOSYSTEM
    assert FI("shared_ecosystem.intro")[:40] in projector.body.value
    assert re.search(r'alt="[^"]*Kela: 2', projector.body.value)  # b's and c's Kela
    projector.previous.click()
    assert projector.page == all_exercises()[-1].id
    projector.next.click()
    projector.next.click()
    assert projector.page == first
    projector.home.click()
    assert projector.page == ECOSYSTEM


def test_it_opens_on_the_exercise_or_the_session_asked_for():
    pages = [ECOSYSTEM, *(e.id for e in all_exercises())]
    assert pages[start_page(pages, exercise="s3_mve", session="2", today_session="1")] == "s3_mve"
    opened = pages[start_page(pages, exercise=None, session="2", today_session="1")]
    assert find_exercise(opened).session == "2"
    opened = pages[start_page(pages, exercise="nope", session=None, today_session="3")]
    assert find_exercise(opened).session == "3"
    assert start_page(pages, exercise=None, session=None, today_session=None) == 0


def test_a_new_revision_is_drawn_on_refresh_and_charts_are_drawn_once(room):
    projector = Projector(store=room, lang="fi", exercise="s1_impact_chain")
    assert projector.body.value.count(FI("projector.no_answer")) == 2
    room.save("c", "s1_impact_chain", IMPACT, base_revision=0)
    projector.refresh()
    assert projector.body.value.count(FI("projector.no_answer")) == 1
    drawn = dict(projector._charts)
    projector.refresh()
    assert projector._charts == drawn  # nothing new: nothing drawn again


def test_the_projector_follows_the_rooms_saves_by_itself(room, widget_messages):
    """A live look (the kernel's loop does one every couple of seconds) draws a new save; a look
    with nothing new sends nothing."""
    projector = Projector(store=room, lang="fi", exercise="s1_impact_chain", live=False)
    widget_messages.updates.clear()
    assert projector.tick() == []
    assert widget_messages.updates == []
    room.save("c", "s1_impact_chain", IMPACT, base_revision=0)
    assert [c.team for c in projector.tick()] == ["c"]
    assert projector.body.value.count(FI("projector.no_answer")) == 1
    assert [list(u) for u in widget_messages.updates] == [["value"]]  # the grid only


def test_a_step_costs_three_updates(room, widget_messages):
    projector = Projector(store=room, lang="fi", exercise="s1_actor_map")
    widget_messages.updates.clear()
    projector.next.click()
    changed = [key for update in widget_messages.updates for key in update]
    assert changed == ["value", "value", "value"]  # the timer (ready: it follows the page),
    # the heading and the grid; no button changes


# -- the timer ---------------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_countdown_runs_pauses_and_resets():
    clock = Clock()
    countdown = Countdown(600, clock=clock)
    assert countdown.state() == "ready" and countdown.remaining() == 600
    countdown.start()
    clock.now += 61.5
    assert countdown.state() == "running" and countdown.remaining() == 538.5
    countdown.pause()
    clock.now += 100
    assert countdown.state() == "paused" and countdown.remaining() == 538.5
    countdown.start()
    clock.now += 1000
    assert countdown.state() == "done" and countdown.remaining() == 0
    countdown.reset(300)
    assert countdown.state() == "ready" and countdown.remaining() == 300


@pytest.mark.parametrize(("seconds", "text"), [(0, "00:00"), (0.2, "00:01"), (59.5, "01:00"),
                                               (61, "01:01"), (3600, "60:00")])
def test_the_clock_rounds_up(seconds, text):
    assert clock_text(seconds) == text


def test_the_timer_is_the_cards_duration_and_follows_the_page_until_started(room):
    projector = Projector(store=room, lang="fi", exercise="s1_actor_map")
    clock = Clock()
    projector.countdown.clock = clock
    high = max(find_exercise("s1_actor_map").spec.duration_min)
    assert f">{high:02d}:00<" in projector.timer.value
    assert 'data-state="ready"' in projector.timer.value
    assert projector.pause.disabled and not projector.start.disabled
    projector.start.click()
    assert 'data-state="running"' in projector.timer.value
    assert projector.start.disabled and not projector.pause.disabled
    projector.next.click()  # a running timer stays with its exercise
    assert projector.timed.id == "s1_actor_map"
    clock.now += 90
    projector.pause.click()
    assert f">{high - 2:02d}:30<" in projector.timer.value
    assert FI("projector.timer_paused") in projector.timer.value
    projector.reset.click()  # reset: the page's exercise, full and stopped
    following = find_exercise(projector.page)
    assert projector.timed is following
    assert f">{max(following.spec.duration_min):02d}:00<" in projector.timer.value
    projector.next.click()
    assert projector.timed.id == projector.page  # ready again: it follows the page
