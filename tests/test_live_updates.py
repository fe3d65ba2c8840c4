"""Live updates without a browser: the polling state (fed ticks, a fake clock, no sleeps), the
presence table, a teammate's save reaching my page, and the quiet poll that sends nothing."""

from __future__ import annotations

import asyncio
import html

import pytest
from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import Translator
from ekokit.state.exercise import ExerciseState
from ekokit.state.live import Feed, Heartbeat, LivePage, Ticker
from ekokit.store.presence import iso_before, mark_present, present
from ekokit.store.schema import presence_table
from ekokit.widgets.exercise_section import saved_by_text
from ekokit.widgets.session_app import SessionApp


@pytest.fixture()
def store(any_store):
    """Every test of this module on SQLite and on PostgreSQL (tests/conftest.py)."""
    return any_store


fi = Translator("fi")
PHENOMENON = "s1_phenomenon"


def app_for(store, team: str, author: str = "") -> SessionApp:
    app = SessionApp("1", store=store, lang="fi").bind(team=team, lang="fi")
    app._set_author(author)
    return app


def type_into(app: SessionApp, field: str, text: str) -> None:
    """Type as a user does; without a running loop the debounced save runs at once."""
    app.sections[PHENOMENON].view.form.editors[field].input.value = text


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# -- the store's two new reads -------------------------------------------------------------------


def test_changes_since_lists_new_revisions_in_order_without_their_answers(store, team):
    start = store.newest_change()
    assert store.changes_since(start) == []
    store.save(team.slug, PHENOMENON, {"phenomenon": "A"}, base_revision=0, author="Aino")
    store.save(team.slug, "s1_actor_map", {"actors": []}, base_revision=0)
    changes = store.changes_since(start)
    assert [(c.exercise_id, c.revision, c.author) for c in changes] == [
        (PHENOMENON, 1, "Aino"), ("s1_actor_map", 1, "")]
    assert store.newest_change() == changes[-1].id > start
    assert store.changes_since(changes[0].id) == changes[1:]


def test_a_feed_hands_each_change_once_and_only_its_teams(store, team):
    from ekokit.model.teams import Team

    store.create_team(Team(slug="toinen", name="Toinen"))
    mine, everyone = Feed(store, team=team.slug), Feed(store)
    assert mine.poll() == [] and everyone.poll() == []
    store.save("toinen", PHENOMENON, {"phenomenon": "T"}, base_revision=0)
    store.save(team.slug, PHENOMENON, {"phenomenon": "M"}, base_revision=0)
    assert [c.team for c in mine.poll()] == [team.slug]
    assert [c.team for c in everyone.poll()] == ["toinen", team.slug]
    assert mine.poll() == [] and everyone.poll() == []  # nothing handed twice
    assert mine.queries == 3  # one query per look, however quiet


# -- presence -----------------------------------------------------------------------------------


def test_presence_is_one_row_per_page_upserted_and_old_rows_go(store, team):
    mark_present(store, "page-a", team.slug, "1", now="2026-12-02T12:00:00.000+00:00")
    mark_present(store, "page-a", team.slug, "1", PHENOMENON,
                 now="2026-12-02T12:00:15.000+00:00")
    mark_present(store, "page-b", "toinen", "2", now="2026-12-02T11:00:00.000+00:00")
    rows = present(store, "2026-12-02T11:59:30.000+00:00")
    assert [(r.page_id, r.exercise_id) for r in rows] == [("page-a", PHENOMENON)]
    assert len(present(store, "2000-01-01T00:00:00.000+00:00")) == 2
    mark_present(store, "page-c", team.slug, "1", now="2026-12-04T12:00:00.000+00:00",
                 first=True)  # a new page clears rows not seen for a day
    assert [r.page_id for r in present(store, "2000-01-01T00:00:00.000+00:00")] == ["page-c"]


def test_an_old_store_gets_the_presence_table_from_the_upgrade(tmp_path):
    import sqlite3

    from ekokit.errors import StoreOutOfDate
    from ekokit.store.database import Store
    from ekokit.store.migrate import upgrade

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:  # a store made before the table existed
        conn.execute("CREATE TABLE teams (slug VARCHAR(64) PRIMARY KEY, name VARCHAR(120) NOT "
                     "NULL, phenomenon VARCHAR(200) NOT NULL, members TEXT NOT NULL, "
                     "created_at VARCHAR(32) NOT NULL)")
    with pytest.raises(StoreOutOfDate):  # opening it never adds the table silently
        Store(str(path))
    upgrade(str(path))
    store = Store(str(path))
    mark_present(store, "p", "t", "1")
    assert [r.page_id for r in present(store, iso_before(45))] == ["p"]
    assert presence_table.name in {row[0] for row in sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type='table'")}


def test_a_heartbeat_writes_on_start_on_opening_and_every_15_s_of_its_clock(store, team):
    clock = FakeClock()
    beat = Heartbeat(store, team.slug, "1", clock=clock, page_id="p1")
    beat.start()
    beat.tick()
    assert beat.writes == 1  # not again within 15 s
    beat.at(PHENOMENON)
    assert beat.writes == 2 and present(store, iso_before(45))[0].exercise_id == PHENOMENON
    clock.now += 14.9
    beat.tick()
    assert beat.writes == 2
    clock.now += 0.2
    beat.tick()
    assert beat.writes == 3
    beat.stop()
    assert present(store, iso_before(45)) == []


def test_a_page_gone_leaves_presence_at_once_and_comes_back_when_it_beats_again(store, team):
    """The kernel outlives a tab closed without unload: its presence follows the page."""
    clock, seen = FakeClock(), [None]
    beat = Heartbeat(store, team.slug, "1", clock=clock, page_id="p1",
                     page_seen=lambda: seen[0])
    beat.start()
    beat.tick()  # the server cannot say yet: written as before
    assert [r.page_id for r in present(store, iso_before(45))] == ["p1"]
    seen[0] = True
    clock.now += 5
    beat.tick()
    assert [r.page_id for r in present(store, iso_before(45))] == ["p1"]
    seen[0] = False  # the page has not beaten for 30 s
    clock.now += 5
    beat.tick()
    assert present(store, iso_before(45)) == []
    clock.now += 20
    beat.tick()  # no row written while the page is gone
    assert present(store, iso_before(45)) == []
    seen[0] = True
    clock.now += 5
    beat.tick()
    assert [r.page_id for r in present(store, iso_before(45))] == ["p1"]


def test_the_ticker_runs_on_the_loop_and_never_without_one():
    ticks: list[int] = []
    assert Ticker(lambda: ticks.append(1)).start() is False  # no loop here: nothing scheduled

    async def three_ticks() -> None:
        done = asyncio.get_running_loop().create_future()

        def tick() -> None:
            ticks.append(1)
            if len(ticks) == 2:
                raise RuntimeError("a failing redraw")  # logged; the next tick still comes
            if len(ticks) == 3:
                ticker.stop()
                done.set_result(None)

        ticker = Ticker(tick, every=0.0)
        assert ticker.start() and ticker.running
        await done

    asyncio.run(three_ticks())
    assert len(ticks) == 3


# -- a teammate's save on my page ------------------------------------------------------------------


def test_without_local_edits_a_teammates_save_simply_appears(store, team):
    mine, theirs = app_for(store, team.slug), app_for(store, team.slug, author="Maija")
    mine.sections[PHENOMENON].set_open(True)
    theirs.sections[PHENOMENON].set_open(True)
    type_into(theirs, "phenomenon", "Maijan <b>ilmiö</b>")
    assert mine.live.tick()  # my page's next look at the store
    view = mine.sections[PHENOMENON].view
    assert view.form.value["phenomenon"] == "Maijan <b>ilmiö</b>"
    assert view.state.base_revision == 1
    assert html.escape("Maijan <b>ilmiö</b>") in view.chart.value
    assert "Maija" in view.status.value
    heading = mine.sections[PHENOMENON].heading.value
    assert "Tallentanut Maija klo " in heading
    assert fi("progress.started") in heading
    type_into(mine, "description", "Minun kuvaukseni")  # my next save does not conflict
    assert store.latest(team.slug, PHENOMENON).revision == 2
    assert store.latest(team.slug, PHENOMENON).data["phenomenon"] == "Maijan <b>ilmiö</b>"


def test_with_local_edits_their_version_is_offered_beside_mine_and_nothing_is_lost(store, team):
    mine, theirs = app_for(store, team.slug), app_for(store, team.slug, author="Maija")
    for app in (mine, theirs):
        app.sections[PHENOMENON].set_open(True)
    view = mine.sections[PHENOMENON].view
    view.form.editors["phenomenon"].input.value = "x" * 161  # refused: stays on my form
    assert store.latest(team.slug, PHENOMENON) is None
    type_into(theirs, "phenomenon", "Maijan versio")
    mine.live.tick()
    assert view.form.value["phenomenon"] == "x" * 161  # never overwritten
    assert view.state.base_revision == 0 and view.state.offered.revision == 1
    said = fi("status.teammate_offer", author="Maija", revision=1, time="")
    assert html.escape(said.split("(")[0]) in view.status.value
    compare = view.conflict.children[0].value
    assert "Maijan versio" in compare and "x" * 161 in compare
    assert "Maija" in mine.sections[PHENOMENON].heading.value  # who saved last, though offered
    view.form.editors["phenomenon"].input.value = "Minun versioni"
    view.keep_mine()
    history = store.history(team.slug, PHENOMENON)
    assert [r.data["phenomenon"] for r in history] == ["Maijan versio", "Minun versioni"]


def test_a_save_pending_in_the_debouncer_counts_as_a_local_edit(store, team):
    state = ExerciseState(find_exercise(PHENOMENON), store, team.slug)
    store.save(team.slug, PHENOMENON, {"phenomenon": "T"}, base_revision=0)
    assert state.catch_up({"phenomenon": ""}, pending=True) == "offered"
    assert state.base_revision == 0
    assert state.catch_up({"phenomenon": ""}) == "applied"  # the empty form: nothing typed
    assert state.base_revision == 1
    assert state.catch_up({"phenomenon": "T"}) == "none"


def test_my_own_save_coming_back_changes_nothing_and_an_idle_look_sends_nothing(
        store, team, widget_messages):
    app = app_for(store, team.slug)
    app.sections[PHENOMENON].set_open(True)
    type_into(app, "phenomenon", "Oma")
    widget_messages.reset()
    assert [c.exercise_id for c in app.live.tick()] == [PHENOMENON]  # my own save, seen
    for _ in range(10):
        app.live.tick()  # quiet looks
    assert widget_messages.sent == [] and widget_messages.models == []


def test_the_heading_says_who_saved_and_when_in_both_languages(store, team):
    from ekokit.store.database import Revision

    revision = Revision(team.slug, PHENOMENON, 3, {}, "Maija", "2026-12-02T12:05:00.000+00:00")
    import datetime as dt

    day = dt.date(2026, 12, 2)
    assert saved_by_text(revision, fi, today=day) == "Tallentanut Maija klo 14.05"
    assert saved_by_text(revision, Translator("en"), today=day) == "Saved by Maija at 14:05"
    other = saved_by_text(revision, fi, today=dt.date(2026, 12, 3))
    assert other == "Tallentanut Maija 2.12.2026 klo 14.05"
    anonymous = Revision(team.slug, PHENOMENON, 3, {}, "", "2026-12-02T12:05:00.000+00:00")
    assert saved_by_text(anonymous, fi, today=day) == "Tallentanut tiimiläinen klo 14.05"


def test_a_page_keeps_its_presence_row_and_leaves_it_when_the_team_changes(store, team):
    app = app_for(store, team.slug)
    rows = present(store, iso_before(45))
    assert [(r.team, r.session, r.exercise_id) for r in rows] == [(team.slug, "1", "")]
    app.sections[PHENOMENON].set_open(True)
    assert present(store, iso_before(45))[0].exercise_id == PHENOMENON
    app.sections[PHENOMENON].set_open(False)
    assert present(store, iso_before(45))[0].exercise_id == ""
    app._show_picker()
    assert present(store, iso_before(45)) == [] and app.live is None


def test_a_live_page_skips_a_look_when_the_store_is_unavailable(store, team, monkeypatch):
    from ekokit.errors import StoreUnavailable

    seen: list[list] = []
    page = LivePage(store, seen.append, team=team.slug)

    def broken(_after: int, limit: int = 500):
        raise StoreUnavailable("disk gone")

    monkeypatch.setattr(store, "changes_since", broken)
    assert page.tick() == []
    monkeypatch.undo()
    store.save(team.slug, PHENOMENON, {"phenomenon": "A"}, base_revision=0)
    assert len(page.tick()) == 1 and len(seen) == 1


def test_running_the_cell_again_stops_the_old_pages_live_updates(store, team, monkeypatch):
    """In JupyterLab a cell runs again: the old app and view stop looking at the store (and the
    old page leaves the presence table), so a kernel never polls for pages nobody sees."""
    import ekokit

    monkeypatch.setenv("EKOKIT_DB", store.url)
    first = ekokit.session("1", team=team.slug)
    assert first.live is not None
    second = ekokit.session("1", team=team.slug)
    assert first.live is None and second.live is not None
    assert len(present(store, iso_before(45))) == 1
    loop = asyncio.new_event_loop()
    for kind in ("facilitator", "projector"):  # the room's views follow the room too
        view = getattr(ekokit, kind)()
        view.live.ticker._handle = loop.call_later(60, lambda: None)  # as if running on a loop
        other = ekokit.facilitator() if kind == "projector" else None
        assert other is None or view.live.ticker.running  # another kind leaves it be
        getattr(ekokit, kind)()
        assert not view.live.ticker.running
    loop.close()
