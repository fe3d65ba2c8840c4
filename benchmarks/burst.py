"""A room opening a session at once: N simultaneous GETs, ekokit's kernel pool vs plain Voilà.

For the session S of --session (default 1; its notebook from data/calendar.yaml):

1. ``ekokit serve --session S --participants N`` on a free port with a fresh temporary store;
   after "ekokit ready", N clients GET /voila/render/<S's notebook>?team=esimerkki at once.
2. In the same run, plain ``voila notebooks/<S's notebook>`` (a kernel started per request)
   with EKOKIT_DB pointing at the same store; N clients GET /?team=esimerkki at once.

Each client's time runs from its GET to the last byte of the page. A burst gives up after
--timeout seconds and reports what finished. Traffic goes to 127.0.0.1 only; each server runs in
a session of its own and is ended with all its kernels, whatever happens.

Usage: .venv/bin/python benchmarks/burst.py [--session 1] [--clients 30] [--timeout 300]
Prints a Markdown table; writes benchmarks/results/burst_s<S>.json."""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import (
    PLAIN_PATH,
    POOLED_LINE,
    Server,
    ServerFailed,
    cpu_snapshot,
    cpu_spent,
    displaying_cells,
    fmt,
    free_port,
    http_client,
    md_table,
    plain_voila_server,
    ratio,
    ready_session_server,
    seed_demo_team,
    session_ids,
    session_notebook,
    summary,
    timed_get,
    write_result,
)

NAME = "burst"


def result_name(session: str, clients: int = 30) -> str:
    return f"{NAME}_s{session}" + ("" if clients == 30 else f"_{clients}")


async def burst(url: str, clients: int, timeout: float,
                widgets: int | None = None) -> tuple[list[dict[str, Any]], float]:
    """All clients wait at one gate, then GET at once. Returns each result and the wall time."""
    async with http_client(clients + 8) as client:
        gate = asyncio.Event()

        async def one() -> dict[str, Any]:
            await gate.wait()
            return await timed_get(client, url, timeout, widgets)

        tasks = [asyncio.create_task(one()) for _ in range(clients)]
        await asyncio.sleep(0.1)  # every task is now waiting at the gate
        t0 = time.perf_counter()
        gate.set()
        done, pending = await asyncio.wait(tasks, timeout=timeout + 10)
        for task in pending:
            task.cancel()
        wall = time.perf_counter() - t0
    results = [t.result() if t in done else {"ok": False, "seconds": None, "error": "cancelled"}
               for t in tasks]
    return results, wall


def _measure(server: Server, port: int, path: str, clients: int, timeout: float, widgets: int,
             ready: float) -> dict[str, Any]:
    root = server.proc.pid
    before = cpu_snapshot(root)
    gets, wall = asyncio.run(burst(f"http://127.0.0.1:{port}{path}", clients, timeout, widgets))
    cpu = cpu_spent(before, cpu_snapshot(root), root)
    times = [g["seconds"] for g in gets if g["ok"]]
    ttfb = [g["ttfb"] for g in gets if g["ok"]]
    errors = sorted({g.get("error") or f"status {g.get('status')}, cell errors "
                     f"{g.get('cell_errors')}, widgets {g.get('widgets')}"
                     for g in gets if not g["ok"]})
    return {
        "url": path, "ready_s": ready, "wall_s": wall,
        "ok": len(times), "failed": clients - len(times), "errors": errors,
        "summary": summary(times), "ttfb_median": statistics.median(ttfb) if ttfb else None,
        "pooled_requests": server.count(POOLED_LINE), "cpu_during_burst": cpu,
        "log": str(server.log_path), "gets": gets,
    }


def kernel_memory_mb(log: str) -> float | None:
    """MB per pooled kernel, from the ready line ("pool of N kernels × M MB = T MB")."""
    found = re.search(r"pool of \d+ kernels × (\d+) MB", log)
    return float(found.group(1)) if found else None


def run_ekokit(db: Path, session: str, clients: int, timeout: float) -> dict[str, Any]:
    server, port, path, ready = ready_session_server(f"{NAME}-s{session}-ekokit", db, session,
                                                     clients)
    try:
        result = _measure(server, port, path, clients, timeout,
                          displaying_cells(session_notebook(session)), ready)
        result["kernel_mb"] = kernel_memory_mb(server.log_text())
        return result
    finally:
        server.stop()


def run_plain(db: Path, session: str, clients: int, timeout: float) -> dict[str, Any]:
    port = free_port()
    server = plain_voila_server(f"{NAME}-s{session}-plain-voila", db, port,
                                session_notebook(session)).start()
    try:
        ready = server.wait_ready(120.0)
        return _measure(server, port, PLAIN_PATH, clients, timeout,
                        displaying_cells(session_notebook(session)), ready)
    finally:
        server.stop()


def markdown(results: dict[str, Any] | list[dict[str, Any]]) -> str:
    """One table for one or more runs (a row per session): ekokit's pool and plain Voilà."""
    runs = [results] if isinstance(results, dict) else results
    counts = sorted({r["args"]["clients"] for r in runs})
    n = counts[0] if len(counts) == 1 else "N"
    rows, notes = [], []
    for r in runs:
        ek, plain = r["results"]["ekokit"], r["results"]["plain_voila"]
        es, ps, k = ek["summary"], plain["summary"], r["args"]["clients"]
        who = "" if len(counts) == 1 else f", {k} at once"
        rows.append([f"{r['session']}: `{r['notebook']}`{who}",
                     f"{ek['ok']}/{k}", fmt(es["median"]), fmt(es["p95"]), fmt(es["max"]),
                     f"{plain['ok']}/{k}", fmt(ps["median"]), fmt(ps["p95"]), fmt(ps["max"]),
                     f"×{fmt(r['ratios']['p95'], 1)}"])
        notes.append(f"Session {r['session']}{who}: plain Voilà / ekokit median "
                     f"×{fmt(r['ratios']['median'], 1)}; ekokit served {ek['pooled_requests']}/{k} "
                     f"from the pool, ready {fmt(ek['ready_s'], 1)} s after start, "
                     f"{fmt(ek.get('kernel_mb'), 0)} MB per pooled kernel.")
    table = md_table(
        [f"{n} clients at once, full page (s)", "ekokit ok", "ekokit median", "ekokit p95",
         "ekokit max", "plain Voilà ok", "plain median", "plain p95", "plain max",
         "plain / ekokit p95"],
        rows,
    )
    return (f"{table}\n\nekokit: `ekokit serve --session S --participants {n}`; plain Voilà: "
            f"`voila notebooks/<notebook>`, a kernel started per request. " + " ".join(notes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--session", choices=session_ids(), default="1",
                        help="the session whose notebook the room opens (default: 1)")
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=300.0, help="per burst, seconds")
    args = parser.parse_args(argv)
    notebook = session_notebook(args.session)
    with tempfile.TemporaryDirectory(prefix="ekokit-bench-") as tmp:
        db = Path(tmp) / "ekokit.sqlite"
        seed_demo_team(db)
        try:
            ekokit = run_ekokit(db, args.session, args.clients, args.timeout)
            time.sleep(2)  # let the machine settle after the first server's kernels are gone
            plain = run_plain(db, args.session, args.clients, args.timeout)
        except ServerFailed as exc:
            print(f"burst: {exc}", file=sys.stderr)
            return 1
    ratios = {key: ratio(plain["summary"][key], ekokit["summary"][key])
              for key in ("median", "p95")}
    result = {"args": vars(args), "unit": "s", "session": args.session, "notebook": notebook,
              "results": {"ekokit": ekokit, "plain_voila": plain}, "ratios": ratios}
    path = write_result(result_name(args.session, args.clients), result)
    print(markdown(result))
    for label, part in (("ekokit", ekokit), ("plain Voilà", plain)):
        c = part["cpu_during_burst"]
        print(f"\n{label}, CPU during the burst: server process {c['server_cpu_s']} s, kernels "
              f"already running {c['old_kernels_cpu_s']} s, {c['new_processes']} processes "
              f"started meanwhile {c['new_processes_cpu_s']} s (wall {part['wall_s']:.1f} s).")
        if part["failed"]:
            print(f"\n{label}: {part['failed']} client(s) without a good page: {part['errors']}")
    print(f"\n({path}; server logs in {Path(ekokit['log']).parent})")
    return 0 if not (ekokit["failed"] or plain["failed"]) else 1


if __name__ == "__main__":
    sys.exit(main())
