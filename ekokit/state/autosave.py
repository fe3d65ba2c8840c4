"""Debounced saving: a save runs once typing pauses, not on every keystroke."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

DEFAULT_DELAY = 0.6  # seconds after the last change; the status line says "saved" well within 1 s


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
        self._handle = loop.call_later(self.delay, self._fire)

    def _fire(self) -> None:
        self._handle = None
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
