"""Live updates: one mechanism for teammates' pages and the facilitator's.

Each page's kernel looks at the store every :data:`POLL_EVERY` seconds for revisions stored
since its last look (:class:`Feed`: one range search on the revisions' primary key, which reads
nothing but the index when nothing is new) and hands what is new to its page, which redraws only
what changed. The store gives revision ids in commit order on SQLite and PostgreSQL alike
(:func:`ekokit.store.engine.take_revision_lock`), so "the ids after the last one seen" misses
no save, however the writers' commits interleave. A session page also keeps its row in the
presence table (:class:`Heartbeat`), so the facilitator sees who is here.

The looking is scheduled on the kernel's own asyncio loop (:class:`Ticker`), never in a thread:
widgets are only touched where the kernel handles messages. Without a running loop (a script, a
test) nothing is scheduled: tests call :meth:`LivePage.tick` themselves, with a fake clock."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable

from ekokit.errors import StoreUnavailable
from ekokit.store.database import Change, Store
from ekokit.store.notify import ChangeListener, listen
from ekokit.store.presence import leave, mark_present

POLL_EVERY = 2.0  # seconds between looks at the store: a save shows within about 2–3 s
# On PostgreSQL a page is woken by the store's NOTIFY and looks at once; its timer then looks
# only every this many ticks (16 s), in case a notification was lost.
FALLBACK_TICKS = 8
PRESENCE_EVERY = 15.0  # seconds between a page's presence rows
HERE_WITHIN = 45.0  # a page seen this recently is "here"

PAGE_CHECK_EVERY = 5.0  # seconds between asks whether the page is still open

log = logging.getLogger("ekokit.live")
Clock = Callable[[], float]
# Is the page still open? True, False (gone: its presence is removed), None (cannot say: the
# row is written as before). A served page's kernel sets it (ekokit.kernel.page_seen).
page_check: Callable[[], bool | None] | None = None


class Feed:
    """The revisions stored since the last look, for one team or (team None) for all."""

    def __init__(self, store: Store, *, team: str | None = None, after: int | None = None) -> None:
        self.store, self.team = store, team
        self.after = store.newest_change() if after is None else after
        self.queries = 0

    def poll(self) -> list[Change]:
        changes = self.store.changes_since(self.after)
        self.queries += 1
        if changes:
            self.after = changes[-1].id
        return [c for c in changes if self.team is None or c.team == self.team]


class Heartbeat:
    """This page's row in the presence table: written when the page starts, when it opens an
    exercise, and every ``every`` seconds (by :meth:`tick`); removed by :meth:`stop`, and as soon
    as ``page_seen`` (every :data:`PAGE_CHECK_EVERY` s) says the page itself is gone (a tab
    closed without its unload event leaves its kernel running until it is culled); written again
    if it comes back."""

    def __init__(self, store: Store, team: str, session: str, *, clock: Clock = time.monotonic,
                 every: float = PRESENCE_EVERY, page_id: str | None = None,
                 page_seen: Callable[[], bool | None] | None = None) -> None:
        self.store, self.team, self.session = store, team, session
        self.clock, self.every = clock, every
        self.page_seen = page_seen if page_seen is not None else page_check
        self.gone = False  # the page has not beaten for a while: no row
        self.checked: float | None = None
        self.page_id = page_id or uuid.uuid4().hex
        self.exercise = ""
        self.last: float | None = None  # clock time of the last row written
        self.writes = 0

    def _beat(self, *, first: bool = False) -> None:
        self.last = self.clock()
        try:
            mark_present(self.store, self.page_id, self.team, self.session, self.exercise,
                         first=first)
            self.writes += 1
        except StoreUnavailable as exc:  # presence is a courtesy: a read-only store still works
            log.info("presence not written: %s", exc)

    def start(self) -> None:
        self._beat(first=True)

    def at(self, exercise_id: str) -> None:
        """The page now has this exercise open ("" for none)."""
        if exercise_id != self.exercise:
            self.exercise = exercise_id
            self.gone = False  # the page is there: it just opened an exercise
            self._beat()

    def tick(self) -> None:
        now = self.clock()
        if self.page_seen is not None and (self.checked is None
                                           or now - self.checked >= PAGE_CHECK_EVERY):
            self.checked = now
            seen = self.page_seen()
            if seen is False and not self.gone:
                self.gone = True
                self.stop()
            elif seen is not False and self.gone:
                self.gone = False
                self.last = None
        if self.gone:
            return
        if self.last is None or now - self.last >= self.every:
            self._beat()

    def stop(self) -> None:
        try:
            leave(self.store, self.page_id)
        except StoreUnavailable as exc:
            log.info("presence not removed: %s", exc)


class Ticker:
    """Call ``tick`` every ``every`` seconds on the running asyncio loop (the kernel's). A tick
    that fails is logged and the next one still comes."""

    def __init__(self, tick: Callable[[], object], every: float = POLL_EVERY) -> None:
        self.tick, self.every = tick, every
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handle: asyncio.TimerHandle | None = None

    @property
    def running(self) -> bool:
        return self._handle is not None

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The loop it was started on (None before a start, or without one)."""
        return self._loop

    def start(self) -> bool:
        """Start on the running loop; False (and nothing scheduled) when there is none."""
        self.stop()
        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        self._handle = self._loop.call_later(self.every, self._fire)
        return True

    def _fire(self) -> None:
        try:
            self.tick()
        except Exception:  # a bug in one redraw must not end the page's live updates
            log.exception("live update failed")
        if self._handle is not None and self._loop is not None:
            self._handle = self._loop.call_later(self.every, self._fire)

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None


class LivePage:
    """One page's live updates: every tick reads its :class:`Feed` and hands what is new to
    ``on_changes``; a session page's :class:`Heartbeat` keeps its presence row. Extra
    ``every_so_often`` work (the facilitator re-reading presence) runs every ``often`` ticks.

    On PostgreSQL a started page also listens (:mod:`ekokit.store.notify`): the loop wakes it
    when revisions are stored, it reads its feed at once, and its ticks read the feed only every
    :data:`FALLBACK_TICKS`-th time. If the listening connection drops, it polls as on SQLite."""

    def __init__(self, store: Store, on_changes: Callable[[list[Change]], object], *,
                 team: str | None = None, heartbeat: Heartbeat | None = None,
                 every_so_often: Callable[[], object] | None = None, often: int = 5,
                 every: float = POLL_EVERY) -> None:
        self.feed = Feed(store, team=team)
        self.on_changes, self.heartbeat = on_changes, heartbeat
        self.every_so_often, self.often = every_so_often, max(1, often)
        self.ticks = 0
        self.ticker = Ticker(self.tick, every)
        self.listener: ChangeListener | None = None
        self._fd = -1  # the listener's socket, watched by the loop

    def look(self) -> list[Change]:
        """Read the feed and hand what is new to the page."""
        changes: list[Change] = []
        try:
            changes = self.feed.poll()
        except StoreUnavailable as exc:  # looked again at the next tick
            log.info("live update skipped: %s", exc)
        if changes:
            self.on_changes(changes)
        return changes

    def tick(self) -> list[Change]:
        self.ticks += 1
        changes: list[Change] = []
        if self.listener is None or self.ticks % FALLBACK_TICKS == 0:
            changes = self.look()
        if self.heartbeat is not None:
            self.heartbeat.tick()
        if self.every_so_often is not None and self.ticks % self.often == 0:
            self.every_so_often()
        return changes

    def start(self) -> bool:
        if self.heartbeat is not None:
            self.heartbeat.start()
        started = self.ticker.start()
        if started and self.ticker.loop is not None:
            self._listen(self.ticker.loop)
        return started

    def _listen(self, loop: asyncio.AbstractEventLoop) -> None:
        self.listener = listen(self.feed.store)
        if self.listener is not None:
            self._fd = self.listener.fileno()
            loop.add_reader(self._fd, self._woken)

    def _woken(self) -> None:
        if self.listener is None:
            return
        try:
            woken = self.listener.drain()
        except OSError as exc:  # the connection dropped: poll from now on
            log.info("listening stopped, polling: %s", exc)
            self._stop_listening()
            return
        if woken:
            try:
                self.look()
            except Exception:  # as a tick: a bug in one redraw must not end the live updates
                log.exception("live update failed")

    def _stop_listening(self) -> None:
        if self.listener is not None:
            if self.ticker.loop is not None:
                self.ticker.loop.remove_reader(self._fd)
            self.listener.close()
            self.listener = None

    def stop(self) -> None:
        self.ticker.stop()
        self._stop_listening()
        if self.heartbeat is not None:
            self.heartbeat.stop()
