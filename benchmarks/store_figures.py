"""The store on SQLite and on PostgreSQL: saves, the live feed, 30 idle pages' looks, a
migration, a backup and a restore.

PostgreSQL is a server of its own (tests/pg_server.py) started here with its durable settings
(every commit flushed to disk, as a room's server runs); SQLite is a file in a temporary folder.

(a) ``Store.save`` p50/p99: one writer, then 4 writers at once (on PostgreSQL each insert and
    commit waits for the revision lock that keeps ids in commit order).
(b) the live feed: the time from a save's call to a page's :class:`~ekokit.state.live.Feed`
    having it, with the page looking every 2 s as a page does (so mostly the wait for the next
    look), and the cost of one look that finds nothing.
(c) 30 idle pages: 30 feeds each looking every 2 s for ``--idle-seconds``, in this process; the
    CPU of this process and (PostgreSQL) of the server's processes, in % of one core. This is
    the store's share of the idle cost; benchmarks/live_idle.py measures whole page processes.
(d) a store of ``--teams`` × every exercise × ``--revisions`` made as the kit of 2026-12-08 made
    it (no schema version): ``ekokit db upgrade`` on SQLite; on PostgreSQL the same store moved
    in by ``ekokit restore`` (the kit's own copy), then upgraded.
(e) ``ekokit backup`` and ``ekokit restore`` of that store, on each database.

Usage: .venv/bin/python benchmarks/store_figures.py [--teams 100] [--revisions 20]
Prints Markdown tables; writes benchmarks/results/store_figures.json."""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import sqlite3
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from tests.pg_server import PostgresServer

from _common import REPO, fmt, md_table, summary, write_result

NAME = "store_figures"
FIXTURE = REPO / "tests" / "fixtures" / "store-2026-12-08.sqlite"


def _store(url: str):
    from ekokit.store.database import Store

    return Store(url)


def _team(store, slug: str) -> None:
    from ekokit.model.teams import Team

    store.create_team(Team(slug=slug, name=f"Tiimi {slug}"))


def bench_saves(url: str, saves: int, writers: int) -> list[float]:
    store = _store(url)
    teams = [f"w{writers}-{n}" for n in range(writers)]
    for slug in teams:
        _team(store, slug)
    times: list[list[float]] = [[] for _ in teams]

    def write(number: int) -> None:
        base = 0
        for n in range(saves):
            started = time.perf_counter()
            base = store.save(teams[number], "s1_phenomenon", {"phenomenon": f"Ilmiö {n}"},
                              base_revision=base).revision
            times[number].append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [t for per_writer in times for t in per_writer[10:]]  # the first ten warm up


def bench_feed(url: str, samples: int, every: float,
               listening: bool = False) -> tuple[list[float], list[float]]:
    """Latency from a save to a page's feed; ``listening``: the page is woken by PostgreSQL's
    NOTIFY and its timer looks only every FALLBACK_TICKS-th time, as LivePage does."""
    from ekokit.state.live import FALLBACK_TICKS, Feed
    from ekokit.store.notify import listen

    store = _store(url)
    _team(store, "feed")
    feed = Feed(store)
    listener = listen(store) if listening else None
    saved_at: dict[int, float] = {}
    latencies: list[float] = []
    done = threading.Event()

    def note() -> None:
        for change in feed.poll():
            latencies.append(time.perf_counter() - saved_at[change.revision])

    def look() -> None:
        ticks = 0
        while not done.is_set():
            if listener is None:
                note()
                done.wait(every)
                continue
            woken, _, _ = select.select([listener.fileno()], [], [], every)
            ticks += 0 if woken else 1
            if (woken and listener.drain()) or ticks % FALLBACK_TICKS == 0:
                note()

    reader = threading.Thread(target=look)
    reader.start()
    rng, base = random.Random(19), 0
    for _ in range(samples):
        time.sleep(rng.uniform(0.1, every))
        saved_at[base + 1] = time.perf_counter()  # from the moment the save is asked for
        base = store.save("feed", "s1_phenomenon", {"phenomenon": "x"},
                          base_revision=base).revision
    time.sleep(every + 0.2)
    done.set()
    reader.join()
    if listener is not None:
        listener.close()
    quiet, newest = [], store.newest_change()
    for _ in range(300):
        started = time.perf_counter()
        store.changes_since(newest)
        quiet.append((time.perf_counter() - started) * 1000)
    return latencies, quiet[20:]


def _server_cpu(server: PostgresServer | None) -> float:
    """CPU seconds of the PostgreSQL server's processes (its postmaster and children)."""
    if server is None:
        return 0.0
    root = int((server.data / "postmaster.pid").read_text().split()[0])
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(pid) == root or int(fields[1]) == root:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def bench_idle(url: str, pages: int, seconds: float, server: PostgresServer | None,
               listening: bool = False) -> dict:
    """30 quiet pages' looks; ``listening``: each also holds a LISTENing connection (which
    costs nothing while nobody saves) and looks every FALLBACK_TICKS × 2 s, as LivePage does."""
    from ekokit.state.live import FALLBACK_TICKS, POLL_EVERY, Feed
    from ekokit.store.notify import listen

    store = _store(url)
    feeds = [Feed(store) for _ in range(pages)]
    listeners = [listen(store) for _ in range(pages)] if listening else []
    every = POLL_EVERY * (FALLBACK_TICKS if listening else 1)
    cpu, server_cpu, started = time.process_time(), _server_cpu(server), time.monotonic()
    next_look = [started + every * n / pages for n in range(pages)]  # staggered
    while (now := time.monotonic()) < started + seconds:
        for n, feed in enumerate(feeds):
            if now >= next_look[n]:
                feed.poll()
                next_look[n] += every
        time.sleep(max(0.0, min(next_look) - time.monotonic()))
    wall = time.monotonic() - started
    for listener in listeners:
        if listener is not None:
            listener.close()
    return {"pages": pages, "listening": listening, "seconds": round(wall, 1),
            "looks": sum(f.queries for f in feeds),
            "client_core_pct": 100 * (time.process_time() - cpu) / wall,
            "server_core_pct": 100 * (_server_cpu(server) - server_cpu) / wall}


def legacy_store(path: Path, teams: int, revisions: int) -> int:
    """A store as the kit of 2026-12-08 made it (the fixture's tables, no version), filled with
    ``teams`` × every exercise × ``revisions`` of the worked example's answers."""
    from ekokit.content.example import example_workbook

    answers = {e: records[-1]["data"] for e, records in example_workbook()["exercises"].items()}
    con = sqlite3.connect(path)
    with sqlite3.connect(FIXTURE) as fixture:
        for (sql,) in fixture.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"):
            con.execute(sql)
    stamp = "2026-11-02T10:00:00.000+00:00"
    for t in range(teams):
        slug = f"tiimi-{t:03d}"
        con.execute("INSERT INTO teams VALUES (?, ?, '', '[]', ?)", (slug, f"Tiimi {t}", stamp))
        con.executemany("INSERT INTO revisions (team_slug, exercise_id, revision, data, author,"
                        " created_at) VALUES (?, ?, ?, ?, 'Aino', ?)",
                        [(slug, e, r, json.dumps(data, ensure_ascii=False), stamp)
                         for e, data in answers.items() for r in range(1, revisions + 1)])
    con.commit()
    count = con.execute("SELECT count(*) FROM revisions").fetchone()[0]
    con.close()
    return count


def _timed(fn, *args) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn(*args)
    return result, round(time.perf_counter() - started, 2)


def bench_programme(folder: Path, server: PostgresServer, teams: int, revisions: int) -> dict:
    from ekokit.store.backup import make_backup
    from ekokit.store.migrate import upgrade
    from ekokit.store.restore import restore_backup

    legacy = folder / "legacy.sqlite"
    count = legacy_store(legacy, teams, revisions)
    out: dict[str, Any] = {"teams": teams, "revisions": count,
                           "sqlite_mb": round(legacy.stat().st_size / 1e6, 1)}
    pg = server.new_database()
    _, out["pg_move_in_s"] = _timed(restore_backup, legacy, pg)
    _, out["sqlite_upgrade_s"] = _timed(upgrade, str(legacy))
    _, out["pg_upgrade_s"] = _timed(upgrade, pg)
    backup, out["sqlite_backup_s"] = _timed(make_backup, str(legacy), folder / "b.sqlite")
    _, out["sqlite_restore_s"] = _timed(restore_backup, backup.path, folder / "r.sqlite")
    dump, out["pg_backup_s"] = _timed(make_backup, pg, folder / "b.dump")
    out["pg_dump_mb"] = round(dump.path.stat().st_size / 1e6, 1)
    _, out["pg_restore_s"] = _timed(restore_backup, dump.path, server.new_database())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--feed-samples", type=int, default=15)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    parser.add_argument("--teams", type=int, default=100)
    parser.add_argument("--revisions", type=int, default=20)
    args = parser.parse_args()
    server = PostgresServer(durable=True).start()
    result: dict[str, Any] = {"args": vars(args)}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for name in ("sqlite", "postgresql"):
                urls = iter([str(folder / f"{name}-{n}.sqlite") for n in range(4)]
                            if name == "sqlite" else [server.new_database() for _ in range(4)])
                one = bench_saves(next(urls), args.saves, 1)
                four = bench_saves(next(urls), args.saves // 4 + 10, 4)
                latency, quiet = bench_feed(next(urls), args.feed_samples, 2.0)
                idle = bench_idle(next(urls), args.pages, args.idle_seconds,
                                  server if name == "postgresql" else None)
                result[name] = {"save_ms_1_writer": summary(one),
                                "save_ms_4_writers": summary(four),
                                "feed_latency_s": summary(latency),
                                "quiet_look_ms": summary(quiet), "idle": idle}
            woken, _ = bench_feed(server.new_database(), args.feed_samples, 2.0, True)
            result["postgresql_notify"] = {
                "feed_latency_s": summary(woken),
                "idle": bench_idle(server.new_database(), args.pages, args.idle_seconds,
                                   server, True)}
            if args.teams:  # --teams 0: the saves, the feed and the idle pages only
                result["programme"] = bench_programme(folder, server, args.teams,
                                                      args.revisions)
    finally:
        server.stop()
    rows = []
    for name in ("sqlite", "postgresql"):
        r = result[name]
        rows.append([name, fmt(r["save_ms_1_writer"]["median"]), fmt(r["save_ms_1_writer"]["p99"]),
                     fmt(r["save_ms_4_writers"]["median"]), fmt(r["save_ms_4_writers"]["p99"]),
                     fmt(r["feed_latency_s"]["median"]), fmt(r["feed_latency_s"]["max"]),
                     fmt(r["quiet_look_ms"]["median"], 3),
                     fmt(r["idle"]["client_core_pct"]), fmt(r["idle"]["server_core_pct"])])
    print(md_table(["store", "save p50 ms", "save p99 ms", "4 writers p50", "4 writers p99",
                    "feed latency p50 s", "max s", "quiet look ms", "30 pages: client %",
                    "server %"], rows))
    notify = result["postgresql_notify"]
    print(md_table(["postgresql, woken by NOTIFY", "feed latency p50 s", "max s",
                    "30 pages: client %", "server %"],
                   [["LISTEN/NOTIFY, a look every 16 s", fmt(notify["feed_latency_s"]["median"], 3),
                     fmt(notify["feed_latency_s"]["max"], 3),
                     fmt(notify["idle"]["client_core_pct"]),
                     fmt(notify["idle"]["server_core_pct"])]]))
    if "programme" in result:
        p = result["programme"]
        print(md_table(list(p), [list(p.values())]))
    write_result(NAME, result)


if __name__ == "__main__":
    main()
