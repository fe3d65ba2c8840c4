"""A room opening Session 1 at once: N simultaneous GETs, ekokit's kernel pool vs plain Voilà.

1. ``ekokit serve --participants N`` on a free port with a fresh temporary store; after
   "ekokit ready", N clients GET /voila/render/01_ekosysteemit.ipynb?team=esimerkki at once.
2. In the same run, plain ``voila notebooks/01_ekosysteemit.ipynb`` (a kernel started per
   request) with EKOKIT_DB pointing at the same store; N clients GET /?team=esimerkki at once.

Each client's time runs from its GET to the last byte of the page. A burst gives up after
--timeout seconds and reports what finished. Traffic goes to 127.0.0.1 only; each server runs in
a session of its own and is ended with all its kernels, whatever happens.

Usage: .venv/bin/python benchmarks/burst.py [--clients 30] [--timeout 300]
Prints a Markdown table; writes benchmarks/results/burst.json."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import (
    EKOKIT_PATH,
    PLAIN_PATH,
    POOLED_LINE,
    Server,
    ServerFailed,
    cpu_snapshot,
    cpu_spent,
    ekokit_server,
    fmt,
    free_port,
    http_client,
    md_table,
    plain_voila_server,
    ratio,
    seed_demo_team,
    summary,
    timed_get,
    write_result,
)

NAME = "burst"


async def burst(url: str, clients: int, timeout: float) -> tuple[list[dict[str, Any]], float]:
    """All clients wait at one gate, then GET at once. Returns each result and the wall time."""
    async with http_client(clients + 8) as client:
        gate = asyncio.Event()

        async def one() -> dict[str, Any]:
            await gate.wait()
            return await timed_get(client, url, timeout)

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


def _measure(server: Server, port: int, path: str, clients: int, timeout: float,
             ready: float) -> dict[str, Any]:
    root = server.proc.pid
    before = cpu_snapshot(root)
    gets, wall = asyncio.run(burst(f"http://127.0.0.1:{port}{path}", clients, timeout))
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


def run_ekokit(db: Path, clients: int, timeout: float) -> dict[str, Any]:
    port = free_port()
    server = ekokit_server("burst-ekokit", db, port, clients).start()
    try:
        ready = server.wait_line("ekokit ready", max(300.0, 20.0 * clients))
        return _measure(server, port, EKOKIT_PATH, clients, timeout, ready)
    finally:
        server.stop()


def run_plain(db: Path, clients: int, timeout: float) -> dict[str, Any]:
    port = free_port()
    server = plain_voila_server("burst-plain-voila", db, port).start()
    try:
        ready = server.wait_port(port, 120.0)
        return _measure(server, port, PLAIN_PATH, clients, timeout, ready)
    finally:
        server.stop()


def markdown(result: dict[str, Any]) -> str:
    n = result["args"]["clients"]
    ek, plain = result["results"]["ekokit"], result["results"]["plain_voila"]

    def row(label: str, part: dict[str, Any]) -> list[Any]:
        s = part["summary"]
        return [label, f"{part['ok']}/{n}", fmt(s["min"]), fmt(s["median"]), fmt(s["p95"]),
                fmt(s["max"])]

    table = md_table(
        [f"{n} clients at once, full page (s)", "ok", "min", "median", "p95", "max"],
        [row(f"`ekokit serve --participants {n}`", ek),
         row("plain `voila` (a kernel per request)", plain)],
    )
    r = result["ratios"]
    return (f"{table}\n\nplain Voilà / ekokit: median ×{fmt(r['median'], 1)}, "
            f"p95 ×{fmt(r['p95'], 1)}. ekokit served {ek['pooled_requests']}/{n} from the pool; "
            f"ready {fmt(ek['ready_s'], 1)} s after start.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=300.0, help="per burst, seconds")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ekokit-bench-") as tmp:
        db = Path(tmp) / "ekokit.sqlite"
        seed_demo_team(db)
        try:
            ekokit = run_ekokit(db, args.clients, args.timeout)
            time.sleep(2)  # let the machine settle after the first server's kernels are gone
            plain = run_plain(db, args.clients, args.timeout)
        except ServerFailed as exc:
            print(f"burst: {exc}", file=sys.stderr)
            return 1
    ratios = {key: ratio(plain["summary"][key], ekokit["summary"][key])
              for key in ("median", "p95")}
    result = {"args": vars(args), "unit": "s",
              "results": {"ekokit": ekokit, "plain_voila": plain}, "ratios": ratios}
    path = write_result(NAME, result)
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
