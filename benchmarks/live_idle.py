"""The cost of live updates: 30 open session pages and a facilitator view against one SQLite file.

Each page is a process of its own, as a kernel is: it builds the real Session 1 app for its team
(``SessionApp(...).bind(...)``) or the facilitator view, on a running asyncio loop, so the live
updates run exactly as in a kernel (a look at the store every 2 s on the loop, a presence row
every 15 s, the facilitator re-reading who is here every third look). What is measured is the
CPU time of those processes over a window (from /proc) and the store queries they made in it:

* **live on, quiet room**: nobody saves — the idle cost the issue asks about;
* **live off**: the same processes with no live updates (the floor: an idle Python process);
* **live on, the room saves**: a writer saves once a second into a random team's exercise.

Usage: .venv/bin/python benchmarks/live_idle.py [--pages 30] [--teams 10] [--seconds 60]
Prints a Markdown table; writes benchmarks/results/live_idle.json."""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from _common import cpu_seconds, md_table, write_result

NAME = "live_idle"
HERE = Path(__file__).resolve()
READY_TIMEOUT = 600.0  # s: 31 processes import ekokit on a shared 2-core machine


# -- one page (a worker process) -----------------------------------------------------------------
def worker(role: str, db: str, team: str, live: bool) -> None:
    from ekokit.store.database import Store

    async def run() -> None:
        store = Store(db)
        if role == "facilitator":
            from ekokit.widgets.facilitator import FacilitatorView

            view = FacilitatorView(store=store, lang="fi", served=True, live=live)
            page = view.live
        else:
            from ekokit.widgets.session_app import SessionApp

            app = SessionApp("1", store=store, lang="fi").bind(team=team, lang="fi", served=True)
            if not live:
                app.stop_live()
            page = app.live

        def queries() -> int:
            if page is None:
                return 0
            beats = page.heartbeat.writes if page.heartbeat is not None else 0
            presence_reads = page.ticks // page.often if page.every_so_often else 0
            return page.feed.queries + beats + presence_reads

        loop = asyncio.get_running_loop()
        done = loop.create_future()
        loop.add_signal_handler(signal.SIGUSR1,
                                lambda: print(json.dumps({"queries": queries()}), flush=True))
        loop.add_signal_handler(signal.SIGTERM, lambda: done.done() or done.set_result(None))
        print("ready", flush=True)
        await done

    asyncio.run(run())


# -- the room ------------------------------------------------------------------------------------
class Room:
    def __init__(self, db: Path, teams: list[str], pages: int, live: bool) -> None:
        self.procs: list[subprocess.Popen] = []
        roles = [("page", teams[i % len(teams)]) for i in range(pages)] + [("facilitator", "")]
        for role, team in roles:
            self.procs.append(subprocess.Popen(
                [sys.executable, str(HERE), "--worker", role, "--db", str(db), "--team", team,
                 "--live", "1" if live else "0"],
                stdout=subprocess.PIPE, text=True))
        deadline = time.monotonic() + READY_TIMEOUT
        for proc in self.procs:
            assert proc.stdout is not None
            line = proc.stdout.readline().strip()
            if line != "ready" or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"a page did not get ready: {line!r}")

    def queries(self) -> int:
        for proc in self.procs:
            proc.send_signal(signal.SIGUSR1)
        total = 0
        for proc in self.procs:
            assert proc.stdout is not None
            total += json.loads(proc.stdout.readline())["queries"]
        return total

    def cpu(self) -> float:
        return sum(cpu_seconds(p.pid) for p in self.procs)

    def stop(self) -> None:
        for proc in self.procs:
            proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def saver(db: Path, teams: list[str], stop: threading.Event, every: float) -> list[int]:
    """Save once every ``every`` seconds into a random team's exercise (a busy room)."""
    from ekokit.store.database import Store

    store, rng, saved = Store(str(db)), random.Random(11), [0]
    while not stop.wait(every):
        team = rng.choice(teams)
        latest = store.latest(team, "s1_phenomenon")
        store.save(team, "s1_phenomenon", {"phenomenon": f"Ilmiö {saved[0]}"},
                   base_revision=latest.revision if latest else 0, author="Bench")
        saved[0] += 1
    return saved


def measure(db: Path, teams: list[str], pages: int, seconds: float, *, live: bool,
            saves_every: float | None) -> dict[str, Any]:
    room = Room(db, teams, pages, live)
    try:
        time.sleep(5)  # past the first looks and presence rows
        q0, c0, t0 = room.queries(), room.cpu(), time.monotonic()
        stop, saved = threading.Event(), [0]
        thread = None
        if saves_every:
            def run_saver() -> None:
                saved[0] = saver(db, teams, stop, saves_every)[0]

            thread = threading.Thread(target=run_saver)
            thread.start()
        time.sleep(seconds)
        stop.set()
        if thread is not None:
            thread.join()
        q1, c1, t1 = room.queries(), room.cpu(), time.monotonic()
    finally:
        room.stop()
    window = t1 - t0
    cpu = c1 - c0
    return {"live": live, "saves_per_s": round(saved[0] / window, 2) if saves_every else 0.0,
            "pages": pages, "facilitators": 1, "window_s": round(window, 1),
            "cpu_s": round(cpu, 2), "cpu_percent_of_one_core": round(100 * cpu / window, 2),
            "cpu_percent_per_page": round(100 * cpu / window / (pages + 1), 3),
            "queries": q1 - q0, "queries_per_s": round((q1 - q0) / window, 1)}


def markdown(result: dict[str, Any]) -> str:
    rows = []
    for run in result["runs"]:
        what = ("live on, the room saves once a second" if run["saves_per_s"]
                else "live on, quiet room" if run["live"] else "live off (floor)")
        rows.append([what, f"{run['pages']} + {run['facilitators']}", run["window_s"],
                     f"{run['cpu_percent_of_one_core']:.2f}",
                     f"{run['cpu_percent_per_page']:.3f}", run["queries_per_s"]])
    return md_table(["open pages (processes, real SQLite file)", "pages + facilitator",
                     "window (s)", "CPU % of one core, all", "CPU % per page",
                     "polling queries/s, all (looks, presence)"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--teams", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--worker", choices=("page", "facilitator"))
    parser.add_argument("--db", default="")
    parser.add_argument("--team", default="")
    parser.add_argument("--live", default="1")
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.db, args.team, args.live == "1")
        return 0

    from ekokit.model.teams import Team
    from ekokit.store.database import Store
    from ekokit.store.demo import ensure_demo_team

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ekokit.sqlite"
        store = Store(str(db))
        ensure_demo_team(store)  # a store with revisions in it, as in a room
        teams = [store.create_team(Team(slug=f"tiimi-{i}", name=f"Tiimi {i}")).slug
                 for i in range(args.teams)]
        runs = [measure(db, teams, args.pages, args.seconds, live=live, saves_every=every)
                for live, every in ((True, None), (False, None), (True, 1.0))]
    result = {"pages": args.pages, "teams": args.teams, "seconds": args.seconds, "runs": runs}
    path = write_result(NAME, result)
    print(markdown(result))
    print(f"\n({path})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
