"""The live feed misses nothing, on SQLite and on PostgreSQL: writers commit in any order, and
every reader still sees every revision exactly once, each team's in their order.

A commit is held open (or delayed) from inside the store's own save, by a listener on the
engine's "commit" event, which SQLAlchemy calls after the save's insert and before the database
commits: the save has drawn its revision id and not yet made it visible."""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections import defaultdict

import pytest
from ekokit.model.teams import Team
from ekokit.state.live import FALLBACK_TICKS, Feed, LivePage
from sqlalchemy import event

EXERCISES = ("s1_phenomenon", "s1_maturity", "s2_actors", "s3_goals", "s4_reflection")


def _teams(store, count: int) -> list[str]:
    slugs = [f"tiimi-{n}" for n in range(count)]
    for slug in slugs:
        store.create_team(Team(slug=slug, name=f"Tiimi {slug}"))
    return slugs


def test_a_held_open_writer_with_the_lower_id_is_not_missed(any_store):
    store = any_store
    first, second = _teams(store, 2)
    reader = Feed(store)
    holding = threading.Event()  # writer A has inserted and waits to commit
    release = threading.Event()
    held: list[threading.Thread] = []

    def hold_commit(_conn) -> None:
        if held and threading.current_thread() is held[0] and not release.is_set():
            holding.set()
            release.wait(30)

    event.listen(store.engine, "commit", hold_commit)
    saved = {}
    a = threading.Thread(target=lambda: saved.setdefault("a", store.save(
        first, EXERCISES[0], {"text": "A"}, base_revision=None, author="A")))
    b = threading.Thread(target=lambda: saved.setdefault("b", store.save(
        second, EXERCISES[0], {"text": "B"}, base_revision=None, author="B")))
    held.append(a)
    a.start()
    assert holding.wait(30)  # A has drawn its id and holds its commit open
    b.start()
    b.join(timeout=1.0)  # B commits now if the store lets it pass A
    seen = reader.poll()  # a page looks while A is still open
    release.set()
    a.join(30)
    b.join(30)
    event.remove(store.engine, "commit", hold_commit)
    seen += reader.poll()
    assert sorted(c.author for c in seen) == ["A", "B"]  # both, each once
    assert len({c.id for c in seen}) == 2
    assert store.changes_since(0)[0].author == "A"  # the held one drew the lower id


@pytest.mark.load
def test_eight_writers_with_random_commit_delays_and_four_readers(any_store):
    store = any_store
    writers, saves = 8, 500
    teams = _teams(store, writers)

    def delay_commit(_conn) -> None:  # 0-2 ms between a save's insert and its commit
        time.sleep(random.uniform(0, 0.002))

    event.listen(store.engine, "commit", delay_commit)
    acknowledged: list[list[tuple[str, str, int]]] = [[] for _ in range(writers)]

    def write(number: int) -> None:
        team, numbers = teams[number], defaultdict(int)
        for n in range(saves):
            exercise = EXERCISES[n % len(EXERCISES)]
            rev = store.save(team, exercise, {"n": n}, base_revision=numbers[exercise],
                             author=f"w{number}")
            numbers[exercise] = rev.revision
            acknowledged[number].append((team, exercise, rev.revision))

    done = threading.Event()
    seen: list[list[tuple[str, str, int]]] = [[] for _ in range(4)]

    def read(number: int) -> None:
        feed = Feed(store, after=0)
        while True:
            finished = done.is_set()  # one more look after the last writer has finished
            seen[number] += [(c.team, c.exercise_id, c.revision) for c in feed.poll()]
            if finished:
                return
            time.sleep(0.005)

    readers = [threading.Thread(target=read, args=(n,)) for n in range(4)]
    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in readers + threads:
        thread.start()
    for thread in threads:
        thread.join(600)
    done.set()
    for thread in readers:
        thread.join(60)
    event.remove(store.engine, "commit", delay_commit)

    every = sorted(ack for acks in acknowledged for ack in acks)
    assert len(every) == writers * saves
    for looked in seen:
        assert len(looked) == len(set(looked))  # none twice
        assert sorted(looked) == every  # none missed
        order: dict[tuple[str, str], list[int]] = defaultdict(list)
        for team, exercise, revision in looked:
            order[team, exercise].append(revision)
        for numbers in order.values():  # each team's revisions in their own order
            assert numbers == list(range(1, len(numbers) + 1))


# -- PostgreSQL wakes the pages: LISTEN/NOTIFY, with the timer's look as the fallback ----------
def _postgres_store(postgres):
    from ekokit.store.database import Store

    store = Store(postgres.new_database())
    _teams(store, 1)
    return store


@pytest.mark.postgres
def test_a_page_on_postgresql_is_woken_by_a_save_not_by_its_timer(postgres):
    store = _postgres_store(postgres)

    async def follow() -> list:
        seen: list = []
        arrived = asyncio.Event()
        page = LivePage(store, lambda changes: (seen.extend(changes), arrived.set()),
                        every=3600)  # the timer would not look for an hour
        assert page.start() and page.listener is not None
        await asyncio.get_running_loop().run_in_executor(None, lambda: store.save(
            "tiimi-0", EXERCISES[0], {"text": "herätys"}, base_revision=None, author="Aino"))
        await asyncio.wait_for(arrived.wait(), 30)
        page.stop()
        assert page.listener is None
        return seen

    assert [c.author for c in asyncio.run(follow())] == ["Aino"]


@pytest.mark.postgres
def test_a_listening_page_still_looks_every_eighth_tick_and_polls_when_listening_stops(
        postgres):
    from ekokit.store.schema import revisions_table
    from sqlalchemy import text

    store = _postgres_store(postgres)
    seen: list = []

    async def run() -> None:
        page = LivePage(store, seen.extend, every=3600)
        page.start()
        with store.engine.begin() as conn:  # stored without the store's NOTIFY
            conn.execute(revisions_table.insert().values(
                team_slug="tiimi-0", exercise_id=EXERCISES[0], revision=1, data="{}",
                author="hiljaa", created_at="2026-12-08T10:00:00.000+00:00"))
        for _ in range(FALLBACK_TICKS - 1):
            page.tick()
        assert seen == [] and page.feed.queries == 0  # woken by nothing, the ticks wait
        page.tick()
        assert [c.author for c in seen] == ["hiljaa"]  # the fallback look found it
        with store.engine.begin() as conn:  # the listening connection is cut
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE query LIKE 'LISTEN%'"))
        for _ in range(100):
            if page.listener is None:
                break
            await asyncio.sleep(0.1)  # the loop notices the closed socket
        assert page.listener is None
        before = page.feed.queries
        page.tick()
        assert page.feed.queries == before + 1  # every tick looks again, as on SQLite
        page.stop()

    asyncio.run(run())
