"""An exercise's countdown for the projector: started, paused and reset by the facilitator.

Plain state, no widgets and no threads: :class:`Countdown` keeps what was left when it last
started or paused and the clock reading then, so the time left is computed when asked (the page
counts the seconds down itself; see ekokit-projector.js.j2). The clock is injectable for tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

State = Literal["ready", "running", "paused", "done"]


@dataclass
class Countdown:
    """``total`` seconds to count down from."""

    total: int
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    _left: float = field(init=False)
    _since: float | None = field(init=False, default=None)  # clock when started; None: stopped

    def __post_init__(self) -> None:
        self._left = float(self.total)

    @property
    def running(self) -> bool:
        return self._since is not None and self.remaining() > 0

    def remaining(self) -> float:
        """Seconds left, never below zero."""
        if self._since is None:
            return max(0.0, self._left)
        return max(0.0, self._left - (self.clock() - self._since))

    def state(self) -> State:
        left = self.remaining()
        if left <= 0:
            return "done"
        if self._since is not None:
            return "running"
        return "ready" if left >= self.total else "paused"

    def start(self) -> None:
        if self._since is None and self.remaining() > 0:
            self._since = self.clock()

    def pause(self) -> None:
        if self._since is not None:
            self._left = self.remaining()
            self._since = None

    def reset(self, total: int | None = None) -> None:
        """Stopped and full again (with a new ``total``, for another exercise)."""
        if total is not None:
            self.total = total
        self._left = float(self.total)
        self._since = None


def clock_text(seconds: float) -> str:
    """mm:ss, the seconds rounded up (a countdown shows 00:01 until the last second is over)."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60:02d}:{whole % 60:02d}"
