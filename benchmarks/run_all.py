"""Run every benchmark and print one Markdown block for the README's "## Benchmarks" section.

The plan: save latency; the page render of every session (cold and pooled); the 30-client burst
for Session 1 and for Session 2; a browser's time to a usable page with the team's data (every
session, cold and pooled, and 10 pages at once on Session 1); the idle cost of 30 pages with live
updates. One table per benchmark, a row per session.

Usage: .venv/bin/python benchmarks/run_all.py [--quick]
--quick is a smoke run: the smallest counts; its figures are not for the README.
Writes benchmarks/results/run_all.json and benchmarks/results/README_block.md."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import burst
import live_idle
import page_render
import save_latency
import time_to_usable
from _common import RESULTS, machine, write_result

HERE = Path(__file__).resolve().parent

# (result file, script, arguments); a script run twice writes a result file per run
FULL = [
    ("save_latency", "save_latency", ["--iterations", "1000"]),
    ("page_render", "page_render",
     ["--sessions", "1,2,3,4", "--repeats", "5", "--participants", "5"]),
    (burst.result_name("1"), "burst", ["--session", "1", "--clients", "30"]),
    (burst.result_name("2"), "burst", ["--session", "2", "--clients", "30"]),
    (burst.result_name("1", 60), "burst", ["--session", "1", "--clients", "60"]),
    ("time_to_usable", "time_to_usable", ["--sessions", "1,2,3,4", "--repeats", "5"]),
    ("time_to_usable_burst", "time_to_usable", ["--sessions", "1", "--burst", "10"]),
    ("live_idle", "live_idle", ["--pages", "30", "--seconds", "60"]),
]
QUICK = [
    ("save_latency", "save_latency",
     ["--iterations", "100", "--chart-iterations", "10", "--warmup", "5"]),
    ("page_render", "page_render",
     ["--sessions", "1,2,3,4", "--repeats", "1", "--participants", "1"]),
    (burst.result_name("1"), "burst", ["--session", "1", "--clients", "2", "--timeout", "120"]),
    (burst.result_name("2"), "burst", ["--session", "2", "--clients", "2", "--timeout", "120"]),
    ("time_to_usable", "time_to_usable", ["--sessions", "1", "--repeats", "1"]),
    ("time_to_usable_burst", "time_to_usable", ["--sessions", "1", "--burst", "2"]),
    ("live_idle", "live_idle", ["--pages", "2", "--teams", "2", "--seconds", "5"]),
]
MODULES = {"save_latency": save_latency, "page_render": page_render, "burst": burst,
           "time_to_usable": time_to_usable, "live_idle": live_idle}
MANY_RUNS = {"burst", "time_to_usable"}  # their markdown() takes every run of the script
INTRO = {
    "save_latency": (
        "**Saving** — 1,000 saves onto a real SQLite file (WAL): the store alone, and the "
        "whole path of a keystroke in an exercise (widget value → validation → save → status "
        "line and chart)."),
    "page_render": (
        "**Opening each session's page** (`/voila/render/<notebook>?team=esimerkki`, until the "
        "last byte): with a fresh kernel per request, and from the pool of pre-warmed kernels "
        "that `--participants` keeps for the day's `--session`."),
    "burst": (
        "**A room at once** — every client GETs the session's page at the same moment: "
        "ekokit's pool against plain Voilà, which starts a kernel per request, in the same run."),
    "time_to_usable": (
        "**Time to a usable page in a browser** — chromium opens the session's page for the "
        "demo team: until the team's name and progress are on screen, and until its first "
        "exercise, clicked open, shows the team's saved answer; with a fresh kernel per "
        "request, from the pool, and with several pages opened at once."),
    "live_idle": (
        "**Live updates** — 30 open Session 1 pages (10 teams) and a facilitator view, each a "
        "process of its own on one SQLite file, as kernels are: every page looks at the store "
        "every 2 s and writes its presence row every 15 s. CPU of those processes over the "
        "window, from /proc."),
}


def run(result: str, script: str, args: list[str]) -> dict:
    path = RESULTS / f"{result}.json"
    path.unlink(missing_ok=True)  # never report a stale result
    print(f"\n### {script} {' '.join(args)}", flush=True)
    t0 = time.perf_counter()
    code = subprocess.call([sys.executable, str(HERE / f"{script}.py"), *args])
    took = time.perf_counter() - t0
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    return {"name": result, "script": script, "args": args, "exit_code": code,
            "seconds": round(took, 1), "result": data}


def block(runs: list[dict], quick: bool) -> str:
    m = machine()
    cpu = f", {m['cpu']}" if m["cpu"] else ""
    mem = f", {m['memory_gb']} GB RAM" if m["memory_gb"] else ""
    smoke = " *(quick smoke run: the smallest counts)*" if quick else ""
    parts = [
        (f"Measured {m['date'][:10]} on {m['nproc']} CPU cores{cpu}{mem}, "
         f"Python {m['python']}, {m['platform']}.{smoke}"),
        ("Reproduce with `make bench` (or `.venv/bin/python benchmarks/run_all.py`); each script "
         "in `benchmarks/` also runs alone and writes its raw figures to `benchmarks/results/`."),
    ]
    for script in dict.fromkeys(r["script"] for r in runs):  # in plan order, once each
        mine = [r for r in runs if r["script"] == script]
        parts.append(INTRO[script])
        done = [r["result"] for r in mine if r["result"] is not None]
        if done:
            # burst's table takes every run (a row per session), time_to_usable's a table per
            # run; the others have one result
            parts.append(MODULES[script].markdown(done if script in MANY_RUNS else done[0]))
        for r in mine:
            if r["result"] is None:
                parts.append(f"*`{script} {' '.join(r['args'])}` failed (exit code "
                             f"{r['exit_code']}); no figures.*")
            elif r["exit_code"]:
                parts.append(f"*`{script} {' '.join(r['args'])}` reported failures (exit code "
                             f"{r['exit_code']}); see `benchmarks/results/{r['name']}.json`.*")
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run with fewer iterations")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    runs = [run(*step) for step in plan]
    text = block(runs, args.quick)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "README_block.md").write_text(text + "\n", encoding="utf-8")
    write_result("run_all", {"quick": args.quick,
                             "runs": [{k: v for k, v in r.items() if k != "result"} for r in runs],
                             "markdown": text})
    print("\n" + "=" * 72 + "\n## Benchmarks\n\n" + text)
    return 0 if all(r["exit_code"] == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
