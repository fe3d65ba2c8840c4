"""Time to the full page of every session notebook under ``ekokit serve``, cold and pooled.

For each session S of --sessions (default: every session of data/calendar.yaml):

(a) ``ekokit serve --session S`` without ``--participants``: every GET starts a fresh kernel
    ("cold"); --repeats sequential GETs.
(b) ``ekokit serve --session S --participants P``: time from process start to "ekokit ready",
    then P sequential GETs, each served by a pre-warmed kernel of S's pool.

Each time is from sending the GET of /voila/render/<S's notebook>?team=esimerkki until the last
byte of the response (Voilà streams the page while the notebook's cells run). --session is always
given: without it the pool follows today's date.

Usage: .venv/bin/python benchmarks/page_render.py [--sessions 1,2,3,4] [--repeats 5]
       [--participants 5]
Prints a Markdown table, a row per session; writes benchmarks/results/page_render.json."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import (
    POOLED_LINE,
    ServerFailed,
    displaying_cells,
    fmt,
    http_client,
    md_table,
    ready_session_server,
    session_ids,
    session_notebook,
    summary,
    timed_get,
    write_result,
)

NAME = "page_render"
TIMEOUT = 300.0


async def sequential_gets(port: int, path: str, count: int, pause: float,
                          widgets: int | None = None) -> list[dict[str, Any]]:
    url = f"http://127.0.0.1:{port}{path}"
    out = []
    async with http_client(4) as client:
        for i in range(count):
            if i and pause:
                await asyncio.sleep(pause)
            out.append(await timed_get(client, url, TIMEOUT, widgets))
    return out


def _times(gets: list[dict[str, Any]], key: str = "seconds") -> list[float]:
    return [g[key] for g in gets if g["ok"]]


def run_server(db: Path, session: str, participants: int, gets: int,
               pause: float) -> dict[str, Any]:
    """One server for one session: ready, then ``gets`` sequential GETs of its page."""
    kind = f"pool{participants}" if participants else "cold"
    server, port, path, ready = ready_session_server(f"{NAME}-s{session}-{kind}", db, session,
                                                     participants)
    try:
        widgets = displaying_cells(session_notebook(session))
        results = asyncio.run(sequential_gets(port, path, gets, pause, widgets))
        pooled = server.count(POOLED_LINE)
    finally:
        server.stop()
    return {"url": path, "ready_s": ready, "gets": results, "pooled_requests": pooled,
            "summary": summary(_times(results)), "log": str(server.log_path)}


def run_session(db: Path, session: str, repeats: int, participants: int,
                pause: float) -> dict[str, Any]:
    return {"notebook": session_notebook(session),
            "cold": run_server(db, session, 0, repeats, 0.0),
            "pooled": run_server(db, session, participants, participants, pause)}


def markdown(result: dict[str, Any]) -> str:
    """One table, a row per session: cold (a fresh kernel per GET) and pooled."""
    p = result["args"]["participants"]
    rows = []
    for session, part in result["results"].items():
        cold, pool = part["cold"], part["pooled"]
        ttfb = _times(pool["gets"], "ttfb")
        rows.append([
            f"{session}: `{part['notebook']}`",
            f"{cold['summary']['n']}/{len(cold['gets'])}", fmt(cold["summary"]["median"]),
            fmt(cold["summary"]["max"]),
            f"{pool['summary']['n']}/{len(pool['gets'])}", fmt(pool["summary"]["median"]),
            fmt(pool["summary"]["max"]), fmt(statistics.median(ttfb) if ttfb else None),
            f"{pool['pooled_requests']}/{len(pool['gets'])}", fmt(pool["ready_s"], 1),
        ])
    table = md_table(
        ["session page, full response (s)", "cold ok", "cold median", "cold max",
         "pooled ok", "pooled median", "pooled max", "pooled to headers", "from pool",
         "pooled ready (s)"],
        rows,
    )
    return (f"{table}\n\ncold: `ekokit serve --session S`, a fresh kernel per GET "
            f"({result['args']['repeats']} sequential GETs); pooled: `ekokit serve --session S "
            f"--participants {p}`, {p} sequential GETs; ready: process start → \"ekokit ready\".")


def parse_sessions(text: str) -> list[str]:
    known = session_ids()
    sessions = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in sessions if s not in known]
    if unknown or not sessions:
        raise argparse.ArgumentTypeError(f"sessions are among {','.join(known)}: {text!r}")
    return sessions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=parse_sessions, default=session_ids(),
                        help="comma-separated session ids (default: all, e.g. 1,2,3,4)")
    parser.add_argument("--repeats", type=int, default=5, help="cold GETs per session (a)")
    parser.add_argument("--participants", type=int, default=5,
                        help="pool size and pooled GETs per session (b)")
    parser.add_argument("--pause", type=float, default=0.0,
                        help="seconds between the pooled GETs (default: back to back)")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="ekokit-bench-") as tmp:
        db = Path(tmp) / "ekokit.sqlite"
        try:
            for session in args.sessions:
                print(f"page_render: session {session}…", file=sys.stderr, flush=True)
                results[session] = run_session(db, session, args.repeats, args.participants,
                                               args.pause)
        except ServerFailed as exc:
            print(f"page_render: {exc}", file=sys.stderr)
            return 1
    result = {"args": vars(args), "unit": "s", "results": results}
    path = write_result(NAME, result)
    print(markdown(result))
    failed = [g for part in results.values() for kind in ("cold", "pooled")
              for g in part[kind]["gets"] if not g["ok"]]
    if failed:
        print(f"\n{len(failed)} GET(s) failed: {failed[:3]}")
    logs = Path(next(iter(results.values()))["cold"]["log"]).parent
    print(f"\n({path}; server logs in {logs})")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
