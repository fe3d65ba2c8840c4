"""The kernel's process guard: a save waiting for its pause is not lost when the kernel is told
to stop. On SIGTERM, at interpreter exit and when the kernel's parent (the server) dies, every
pending save (:func:`ekokit.state.autosave.flush_all`) runs first.

Installed once per process by :func:`install` (the learner's functions call it); it hooks into
the autosave as a loop guard, so it acts from the loop's (main) thread the first time a save
waits. ipykernel's own watch of the server is taken over through
:mod:`ekokit.kernel.ipykernel_seam`."""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

from ekokit.errors import SeamError
from ekokit.kernel.ipykernel_seam import take_over_parent_watch
from ekokit.state.autosave import add_loop_guard, flush_all

PARENT_POLL = 0.1  # seconds between looks at whether the server (the parent process) lives
_guarded = False


def _on_sigterm(previous: object) -> Callable[[int, object], None]:
    def handler(signum: int, frame: object) -> None:
        flush_all()
        if callable(previous):
            previous(signum, frame)
        elif previous != signal.SIG_IGN:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
    return handler


ORPHAN_FLUSH_WAIT = 5.0  # seconds the kernel's loop gets to save what waits, else saved here


def _orphaned(loop: asyncio.AbstractEventLoop) -> None:
    """The server is gone: save what waits (on the kernel's loop, or from this thread if the
    loop does not come to it in time), then a kernel ends (no one can reach it again, and it
    would hold its memory until the machine restarts)."""
    saved = threading.Event()

    def save() -> None:
        try:
            flush_all()
        finally:
            saved.set()

    try:
        loop.call_soon_threadsafe(save)
    except RuntimeError:  # the loop has closed
        pass
    if not saved.wait(ORPHAN_FLUSH_WAIT):
        flush_all()
    if "ipykernel" in sys.modules:
        os._exit(0)


def _watch_parent(loop: asyncio.AbstractEventLoop) -> None:
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    _orphaned(loop)


def guard(loop: asyncio.AbstractEventLoop) -> None:
    """Once per process, from the loop's (main) thread: flush on SIGTERM, exit, parent death."""
    global _guarded
    if _guarded or threading.current_thread() is not threading.main_thread():
        return
    _guarded = True
    signal.signal(signal.SIGTERM, _on_sigterm(signal.getsignal(signal.SIGTERM)))
    atexit.register(flush_all)
    threading.Thread(target=_watch_parent, args=(loop,), name="ekokit-parent-watch",
                     daemon=True).start()
    try:
        take_over_parent_watch()
    except SeamError as exc:  # `ekokit serve` checked it at start: another ipykernel here
        logging.getLogger("ekokit").error("ekokit: %s", exc.line)  # the save still waits


def install() -> None:
    """Guard this process's pending saves (once; cheap to call again)."""
    add_loop_guard(guard)
