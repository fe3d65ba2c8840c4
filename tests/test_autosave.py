"""The Debouncer: at once without an asyncio loop, once after the pause inside one."""

from __future__ import annotations

import asyncio

from ekokit.state.autosave import Debouncer

DELAY = 0.05


class Calls:
    """The action: counts its calls and, inside a loop, says so (``ran``)."""

    def __init__(self) -> None:
        self.count = 0
        self.ran: asyncio.Event | None = None

    def __call__(self) -> None:
        self.count += 1
        if self.ran is not None:
            self.ran.set()

    async def next_call(self) -> None:
        """Until the action has run (again): an event, with a deadline rather than a timing."""
        assert self.ran is not None
        await asyncio.wait_for(self.ran.wait(), DEADLINE)
        self.ran.clear()


DEADLINE = 30.0  # seconds: only a broken debouncer waits this long


async def past_the_delay(delay: float = DELAY) -> None:
    """A round trip through the loop's timers: a sentinel scheduled now, later than anything
    already scheduled with ``delay``, has run; so has everything due before it."""
    done = asyncio.Event()
    asyncio.get_running_loop().call_later(delay * 2, done.set)
    await asyncio.wait_for(done.wait(), DEADLINE)


def test_without_a_loop_the_action_runs_at_once():
    calls = Calls()
    debouncer = Debouncer(calls, delay=DELAY)
    debouncer.trigger()
    assert calls.count == 1
    assert not debouncer.pending
    debouncer.trigger()
    assert calls.count == 2


def test_without_a_loop_flush_and_cancel_have_nothing_to_do():
    calls = Calls()
    debouncer = Debouncer(calls, delay=DELAY)
    debouncer.flush()
    debouncer.cancel()
    assert calls.count == 0 and not debouncer.pending


def test_in_a_loop_quick_triggers_run_the_action_once_after_the_delay():
    calls = Calls()

    async def typing() -> list[tuple[int, bool]]:
        calls.ran = asyncio.Event()
        debouncer = Debouncer(calls, delay=DELAY)
        seen = []
        for _ in range(5):  # five keystrokes, each a turn of the loop after the one before
            debouncer.trigger()
            await asyncio.sleep(0)
            seen.append((calls.count, debouncer.pending))
        await calls.next_call()
        seen.append((calls.count, debouncer.pending))
        await past_the_delay()  # and no second call comes after it
        seen.append((calls.count, debouncer.pending))
        return seen

    seen = asyncio.run(typing())
    assert seen[:5] == [(0, True)] * 5  # nothing saved while typing
    assert seen[5:] == [(1, False), (1, False)]  # one save after the pause, and only one


def test_flush_runs_a_pending_action_now_and_only_once():
    calls = Calls()

    async def close_the_tab() -> tuple[int, int, bool]:
        debouncer = Debouncer(calls, delay=DELAY)
        debouncer.trigger()
        debouncer.flush()
        now = calls.count
        debouncer.flush()  # nothing pending any more
        await past_the_delay()  # the scheduled call was cancelled: it did not come
        return now, calls.count, debouncer.pending

    assert asyncio.run(close_the_tab()) == (1, 1, False)


def test_cancel_drops_the_pending_action():
    calls = Calls()

    async def give_up() -> tuple[bool, bool]:
        debouncer = Debouncer(calls, delay=DELAY)
        debouncer.trigger()
        before = debouncer.pending
        debouncer.cancel()
        after = debouncer.pending
        await past_the_delay()
        return before, after

    assert asyncio.run(give_up()) == (True, False)
    assert calls.count == 0


def test_a_trigger_after_the_action_ran_schedules_a_new_one():
    calls = Calls()

    async def two_pauses() -> None:
        calls.ran = asyncio.Event()
        debouncer = Debouncer(calls, delay=DELAY)
        debouncer.trigger()
        await calls.next_call()
        debouncer.trigger()
        assert debouncer.pending
        await calls.next_call()
        assert not debouncer.pending

    asyncio.run(two_pauses())
    assert calls.count == 2


# -- a pending save is not lost when the kernel is stopped -------------------------------------
WAITING_SAVE = """
import asyncio, sys
from ekokit.kernel import process_guard
from ekokit.state.autosave import Debouncer
process_guard.install()

def save():
    with open(sys.argv[1], "w") as fh:
        fh.write("saved")

async def main():
    Debouncer(save, delay=60).trigger()  # a save waiting for its pause
    print("typed", flush=True)
    await asyncio.sleep(60)

asyncio.run(main())
"""


def _typed(proc) -> None:
    assert proc.stdout.readline().strip() == "typed"


def test_sigterm_runs_a_pending_save_first(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "saved.txt"
    proc = subprocess.Popen([sys.executable, "-c", WAITING_SAVE, str(out)],
                            stdout=subprocess.PIPE, text=True)
    _typed(proc)
    proc.terminate()
    assert proc.wait(timeout=30) != 0  # it still stops on SIGTERM
    assert out.read_text() == "saved"


def test_losing_its_parent_runs_a_pending_save(tmp_path):
    """The kernel's parent (the server) is killed -9: the pending save runs at once."""
    import contextlib
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "saved.txt"
    parent = subprocess.Popen(
        [sys.executable, "-c",
         ("import subprocess, sys; c = subprocess.Popen(sys.argv[1:]);"
          " print(c.pid, flush=True); c.wait()"),
         sys.executable, "-c", WAITING_SAVE, str(out)],
        stdout=subprocess.PIPE, text=True)
    lines = [parent.stdout.readline().strip(), parent.stdout.readline().strip()]
    child = int(next(line for line in lines if line.isdigit()))
    assert "typed" in lines
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 30
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(child, signal.SIGKILL)
    assert out.exists() and out.read_text() == "saved"


def test_ipykernels_parent_poller_is_taken_over_so_it_never_ends_the_kernel_before_the_save(
        monkeypatch):
    """ipykernel's own poller would os._exit the kernel within a second of the server's death,
    racing ekokit's save; after the take-over it sees the same parent whatever the pid is."""
    from ekokit.kernel import ipykernel_seam
    from ipykernel.kernelapp import IPKernelApp
    from ipykernel.parentpoller import ParentPollerUnix

    poller = ParentPollerUnix(parent_pid=4242)
    app = type("App", (), {"poller": poller})()
    monkeypatch.setattr(IPKernelApp, "initialized", classmethod(lambda cls: True))
    monkeypatch.setattr(IPKernelApp, "instance", classmethod(lambda cls, *a, **k: app))
    assert ipykernel_seam.take_over_parent_watch()
    changed = [ppid != poller.parent_pid for ppid in (1, 4242, 99999)]  # ipykernel's test
    assert changed == [False, False, False]
    assert bool(poller.parent_pid)  # and its other test (parent_pid 0: reparented to init)
