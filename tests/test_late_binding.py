"""A pre-warmed kernel runs the whole page before anyone comes; the visitor's team and language
are bound when the request arrives, on the kernel's loop.

The query socket is replaced by an event the test sets (the real one is exercised by the room
tests); everything else is the real notebook API on a real SQLite file."""

from __future__ import annotations

import asyncio

import ekokit
import pytest
from ekokit import notebook
from ekokit.content.i18n import Translator
from ekokit.kernel import prewarm, request
from ekokit.model.teams import DEMO_TEAM
from ekokit.store.demo import ensure_demo_team
from ekokit.widgets.reading import concept_html

fi, en = Translator("fi"), Translator("en")
BELOW_SERVER = prewarm.below_server  # before conftest's fixture swaps it for a no-op


class Visitor:
    """Stands in for Voilà's query socket: the request comes when the test says so."""

    def __init__(self) -> None:
        self.query = ""
        self.came = asyncio.Event()
        self.loop: asyncio.AbstractEventLoop | None = None

    def wait_for_request(self) -> None:  # runs in the listener thread, as the real one does
        import os
        import time

        while not (self.loop and self.came.is_set()):
            time.sleep(0.01)
        os.environ["QUERY_STRING"] = self.query

    def arrive(self, query: str) -> None:
        self.query = query
        self.came.set()


@pytest.fixture()
def visitor(monkeypatch, db_path):
    monkeypatch.setenv("EKOKIT_DB", str(db_path))
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5")
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    monkeypatch.setattr(request, "_arrival", request._Arrival())
    monkeypatch.setattr(prewarm, "warm_up", lambda: None)  # (it would renice the test process)
    monkeypatch.setattr(notebook, "_current_app", None)
    monkeypatch.setattr(notebook, "_chosen_lang", None)
    visiting = Visitor()
    monkeypatch.setattr(request, "_wait_for_request", visiting.wait_for_request)
    request.current_request.cache_clear()
    yield visiting
    if notebook._current_app is not None:
        notebook._current_app.stop_live()
    request.current_request.cache_clear()


async def settle(condition, seconds: float = 30.0) -> None:
    """Let the loop run until ``condition()`` (a generous limit, not a timing)."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the page was never bound")


def session_one_page() -> dict:
    """Session 1's cells, as the notebook has them."""
    return {
        "app": ekokit.session("1"),
        "concept": ekokit.concept("ecosystem"),
        "group": ekokit.exercises("r1_ecosystem", "s1_phenomenon"),
        "quiz": ekokit.quiz("1"),
        "homework": ekokit.homework(),
    }


def test_the_page_runs_to_its_end_before_the_visitor_and_binds_them_when_they_come(visitor,
                                                                                  store):
    ensure_demo_team(store)

    async def main():
        visitor.loop = asyncio.get_running_loop()
        page = session_one_page()  # returns at once: no cell waits for the request
        app = page["app"]
        assert app.team is None and app.tr.lang == "fi"
        assert page["group"].children == ()  # the team's exercises come with the team
        assert request.waiting_for_request()
        visitor.arrive(f"team={DEMO_TEAM}&lang=fi")
        await settle(lambda: app.team is not None)
        assert app.team.slug == DEMO_TEAM
        assert [c._dom_classes for c in page["group"].children][1] == ("ek-exercise",
                                                                        "ek-ex-s1_phenomenon")
        assert not request.waiting_for_request()
        return page

    page = asyncio.run(main())
    assert page["concept"].children[0].value == concept_html("ecosystem", "fi")


def test_a_visitor_in_another_language_gets_every_part_remade_and_the_old_ones_closed(visitor,
                                                                                     store):
    ensure_demo_team(store)

    async def main():
        visitor.loop = asyncio.get_running_loop()
        page = session_one_page()
        finnish = [page["concept"].children[0], page["quiz"].children[0],
                   *(s.widget for s in page["app"].sections.values()), page["app"].homework]
        assert all(widget.comm is not None for widget in finnish)
        visitor.arrive(f"team={DEMO_TEAM}&lang=en")
        await settle(lambda: page["app"].team is not None)
        return page, finnish

    page, finnish = asyncio.run(main())
    app = page["app"]
    assert app.tr.lang == "en"
    assert all(widget.comm is None for widget in finnish)  # the browser never asks for them
    assert page["concept"].children[0].value == concept_html("ecosystem", "en")
    assert page["quiz"].children[0].children[1].description == en("quiz.start")
    phenomenon = app.sections["s1_phenomenon"]
    assert page["group"].children[1] is phenomenon.widget
    assert phenomenon.toggle.description == en(
        "exercise.open", title=phenomenon.exercise.title("en"))


def test_callbacks_run_in_the_order_given_and_a_late_one_at_once(visitor):
    said: list[str] = []

    async def main():
        visitor.loop = asyncio.get_running_loop()
        request.when_requested(lambda r: said.append(f"first {r.team}"))
        request.when_requested(lambda r: said.append(f"second {r.lang}"))
        assert said == []
        visitor.arrive("team=a&lang=en")
        await settle(lambda: len(said) == 2)
        request.when_requested(lambda r: said.append("late"))
        assert said == ["first a", "second en", "late"]

    asyncio.run(main())


def test_a_failing_part_does_not_keep_the_rest_of_the_page_unbound(visitor, caplog):
    said: list[str] = []

    def broken(_request):
        raise RuntimeError("a part that cannot bind")

    async def main():
        visitor.loop = asyncio.get_running_loop()
        request.when_requested(broken)
        request.when_requested(lambda r: said.append(r.team or ""))
        visitor.arrive("team=b")
        await settle(lambda: said == ["b"])

    asyncio.run(main())
    assert "binding the page failed" in caplog.text


def test_in_jupyterlab_and_in_a_kernel_of_its_own_the_request_is_there_at_once(monkeypatch):
    said: list[object] = []
    monkeypatch.delenv("SERVER_SOFTWARE", raising=False)
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    request.current_request.cache_clear()
    request.when_requested(said.append)
    assert said == [request.PageRequest(served=False)]
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5")
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    monkeypatch.setenv("QUERY_STRING", "team=c&lang=en")
    request.current_request.cache_clear()
    request.when_requested(said.append)
    assert said[1] == request.PageRequest(served=True, params={"team": "c", "lang": "en"})
    request.current_request.cache_clear()


def test_a_served_kernel_steps_below_the_server_once_and_jupyterlabs_never(monkeypatch):
    import os

    calls: list[int] = []
    monkeypatch.setattr(os, "nice", calls.append)
    monkeypatch.setattr(prewarm, "below_server", BELOW_SERVER)  # the real one, os.nice faked
    BELOW_SERVER.cache_clear()
    monkeypatch.delenv("SERVER_SOFTWARE", raising=False)
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    request.current_request.cache_clear()
    request.current_request()  # JupyterLab: the learner's own kernel keeps its priority
    assert calls == []
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5")
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    request.current_request.cache_clear()
    request.current_request()
    assert calls == [prewarm.KERNEL_NICENESS]
    prewarm.below_server()  # the pool's warm-up asks again: once is enough
    assert calls == [prewarm.KERNEL_NICENESS]
    request.current_request.cache_clear()
    BELOW_SERVER.cache_clear()
