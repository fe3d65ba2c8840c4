"""Time to the full Session 1 page under ``ekokit serve``, cold and from the kernel pool.

(a) ``ekokit serve`` without ``--participants``: every GET starts a fresh kernel ("cold").
(b) ``ekokit serve --participants P``: time from process start to "ekokit ready", then P
    sequential GETs, each served by a pre-warmed kernel from the pool.

Each time is from sending the GET of /voila/render/01_ekosysteemit.ipynb?team=esimerkki until
the last byte of the response (Voilà streams the page while the notebook's cells run).

Usage: .venv/bin/python benchmarks/page_render.py [--repeats 5] [--participants 5]
Prints a Markdown table; writes benchmarks/results/page_render.json."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import (
    EKOKIT_PATH,
    POOLED_LINE,
    ServerFailed,
    ekokit_server,
    fmt,
    free_port,
    http_client,
    md_table,
    summary,
    timed_get,
    write_result,
)

NAME = "page_render"
TIMEOUT = 300.0


async def sequential_gets(port: int, count: int, pause: float) -> list[dict[str, Any]]:
    url = f"http://127.0.0.1:{port}{EKOKIT_PATH}"
    out = []
    async with http_client(4) as client:
        for i in range(count):
            if i and pause:
                await asyncio.sleep(pause)
            out.append(await timed_get(client, url, TIMEOUT))
    return out


def _times(gets: list[dict[str, Any]]) -> list[float]:
    return [g["seconds"] for g in gets if g["ok"]]


def run_cold(db: Path, repeats: int) -> dict[str, Any]:
    port = free_port()
    server = ekokit_server("page_render-cold", db, port).start()
    try:
        ready = server.wait_line("ekokit ready", TIMEOUT)
        gets = asyncio.run(sequential_gets(port, repeats, 0))
        pooled = server.count(POOLED_LINE)
    finally:
        server.stop()
    return {"ready_s": ready, "gets": gets, "pooled_requests": pooled,
            "summary": summary(_times(gets)), "log": str(server.log_path)}


def run_pooled(db: Path, participants: int, pause: float) -> dict[str, Any]:
    port = free_port()
    server = ekokit_server("page_render-pool", db, port, participants).start()
    try:
        ready = server.wait_line("ekokit ready", max(TIMEOUT, 20.0 * participants))
        gets = asyncio.run(sequential_gets(port, participants, pause))
        pooled = server.count(POOLED_LINE)
    finally:
        server.stop()
    return {"ready_s": ready, "gets": gets, "pooled_requests": pooled,
            "summary": summary(_times(gets)), "log": str(server.log_path)}


def markdown(result: dict[str, Any]) -> str:
    cold, pool = result["results"]["cold"], result["results"]["pooled"]
    p = result["args"]["participants"]

    def row(label: str, part: dict[str, Any]) -> list[Any]:
        s = part["summary"]
        ttfb = [g["ttfb"] for g in part["gets"] if g["ok"]]
        return [label, f"{s['n']}/{len(part['gets'])}", fmt(s["median"]), fmt(s["min"]),
                fmt(s["max"]), fmt(statistics.median(ttfb) if ttfb else None),
                f"{part['pooled_requests']}/{len(part['gets'])}"]

    table = md_table(
        ["Session 1 page, full response (s)", "ok", "median", "min", "max",
         "median to headers", "from pool"],
        [row("cold: `ekokit serve`, a fresh kernel per GET", cold),
         row(f"pooled: `ekokit serve --participants {p}`, sequential GETs", pool)],
    )
    return (f"{table}\n\n`ekokit serve --participants {p}`: process start → \"ekokit ready\" "
            f"{fmt(pool['ready_s'], 1)} s.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="cold GETs (a)")
    parser.add_argument("--participants", type=int, default=5, help="pool size and GETs (b)")
    parser.add_argument("--pause", type=float, default=0.0,
                        help="seconds between the pooled GETs (default: back to back)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ekokit-bench-") as tmp:
        db = Path(tmp) / "ekokit.sqlite"
        try:
            cold = run_cold(db, args.repeats)
            pooled = run_pooled(db, args.participants, args.pause)
        except ServerFailed as exc:
            print(f"page_render: {exc}", file=sys.stderr)
            return 1
    result = {"args": vars(args), "unit": "s", "url": EKOKIT_PATH,
              "results": {"cold": cold, "pooled": pooled}}
    path = write_result(NAME, result)
    print(markdown(result))
    failed = [g for part in (cold, pooled) for g in part["gets"] if not g["ok"]]
    if failed:
        print(f"\n{len(failed)} GET(s) failed: {failed[:3]}")
    print(f"\n({path}; server logs in {Path(cold['log']).parent})")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
