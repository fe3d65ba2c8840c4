"""Debounced saving: a save runs once typing pauses, not on every keystroke.

A save that waits for its pause is not lost when the kernel is told to stop: the kernel's
process guard (:mod:`ekokit.kernel.process_guard`, installed by the learner's functions) runs
:func:`flush_all` on SIGTERM, at interpreter exit and when the server dies. It comes to this
module as a loop guard (:func:`add_loop_guard`), called once a save first waits on a loop."""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import Callable

DEFAULT_DELAY = 0.6  # seconds after the last change; the status line says "saved" well within 1 s

_pending: weakref.WeakSet[Debouncer] = weakref.WeakSet()
_loop_guards: list[Callable[[asyncio.AbstractEventLoop], None]] = []


def add_loop_guard(guard: Callable[[asyncio.AbstractEventLoop], None]) -> None:
    """``guard(loop)`` runs each time a save starts to wait on ``loop`` (it must be cheap and
    idempotent); the kernel's process guard registers itself here."""
    if guard not in _loop_guards:
        _loop_guards.append(guard)


def flush_all() -> int:
    """Run every pending save now; returns how many ran. A failing one does not stop the rest
    (its own status says what happened)."""
    ran = 0
    for debouncer in list(_pending):
        with contextlib.suppress(Exception):
            if debouncer.pending:
                debouncer.flush()
                ran += 1
    return ran


class Debouncer:
    """Call ``action`` ``delay`` seconds after the last ``trigger()`` (its result is ignored).

    Inside a kernel (an asyncio loop is running) the call is scheduled on that loop. Without a
    running loop — a plain script or a test — it runs at once, so nothing is ever left unsaved."""

    def __init__(self, action: Callable[[], object], delay: float = DEFAULT_DELAY) -> None:
        self.action = action
        self.delay = delay
        self._handle: asyncio.TimerHandle | None = None

    @property
    def pending(self) -> bool:
        return self._handle is not None

    def trigger(self) -> None:
        self.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.action()
            return
        for guard in _loop_guards:
            guard(loop)
        self._handle = loop.call_later(self.delay, self._fire)
        _pending.add(self)

    def _fire(self) -> None:
        self._handle = None
        _pending.discard(self)
        self.action()

    def flush(self) -> None:
        """Run a pending action now."""
        if self._handle is not None:
            self.cancel()
            self.action()

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        _pending.discard(self)
