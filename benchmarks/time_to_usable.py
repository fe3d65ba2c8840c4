"""A browser's time to a usable session page with the team's data, cold and pooled.

Debian's chromium, driven by Playwright, opens /voila/render/<S's notebook>?team=esimerkki for
the demo team. For each session S of --sessions (default 1), each on a fresh ``ekokit serve``:

(a) cold: ``ekokit serve --session S`` (a kernel started per request), --repeats page loads;
(b) pooled: ``ekokit serve --session S --participants P`` (default P = --repeats), after it
    prints "ekokit ready", --repeats page loads, each from a pre-warmed kernel.

Loads run one after another, each in a fresh browser context. With ``--burst K`` instead, one
pooled server per session (``--participants K``) and K contexts of one chromium that navigate
at the same moment.

Times run from the navigation's start (the page's performance.timeOrigin), measured in the page:

* response_end: the HTML's last byte (navigation timing's responseEnd);
* team_visible: the team heading (``.ek-team h2``) is rendered and its text contains the team's
  name, and the progress box (``.ek-progress-box``) is rendered;
* usable: the open button (``.ek-toggle``) of the first ``.ek-exercise`` in document order has
  been clicked (as soon as team_visible was seen) and an input or textarea inside that exercise
  is rendered holding the demo team's saved answer to the exercise's first text field;
* open_exercise: from that click to the answer shown;
* load (in the results file only): the load event's end, the page's scripts run; the widgets
  are drawn after it, once the page is connected to its kernel.

"Rendered" is what a user can see: the element has a layout box and is not visibility:hidden.
The exercise and its answer come from the content (data/notebooks.yaml: the session's first
exercise; data/examples/demo_team/: the answer's last revision), nothing per session in code.

Usage: .venv/bin/python benchmarks/time_to_usable.py [--sessions 1] [--repeats 5]
       [--participants P] [--burst K] [--timeout 120]
Prints a Markdown table; writes benchmarks/results/time_to_usable.json
(time_to_usable_burst.json with --burst)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import (
    POOLED_LINE,
    ServerFailed,
    cpu_snapshot,
    cpu_spent,
    fmt,
    md_table,
    ready_session_server,
    seed_demo_team,
    session_ids,
    session_notebook,
    summary,
    write_result,
)
from page_render import parse_sessions

NAME = "time_to_usable"
MARKS = ("response_end", "load", "team_visible", "usable", "open_exercise")
TEXT_TYPES = ("text", "longtext", "textlist")

# Installed in every context before any page script: notes, in the page's own clock, the first
# moment each condition holds. Checked every frame and every 50 ms (a value typed into a field by
# a widget is no DOM mutation, so nothing is observed: it is looked at).
PROBE = """(cfg => {
  if (window.top !== window) return;
  const marks = window.__ekTtu = {};
  const shown = el => !!el && el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== "hidden";
  const check = () => {
    if (marks.team_visible === undefined) {
      const heading = document.querySelector(".ek-team h2");
      if (shown(heading) && heading.textContent.includes(cfg.team) &&
          shown(document.querySelector(".ek-progress-box"))) marks.team_visible = performance.now();
    }
    if (marks.click !== undefined && marks.usable === undefined) {
      const first = document.querySelector(".ek-exercise");
      const fields = first ? first.querySelectorAll("input, textarea") : [];
      for (const field of fields) {
        if (field.value === cfg.answer && shown(field)) { marks.usable = performance.now(); break; }
      }
    }
  };
  const frame = () => { check(); if (marks.usable === undefined) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const timer = setInterval(() => {
    check();
    if (marks.usable !== undefined) clearInterval(timer);
  }, 50);
  document.addEventListener("click", event => {
    if (marks.click === undefined && event.target.closest && event.target.closest(".ek-toggle")) {
      marks.click = performance.now();
      setTimeout(check, 0);
    }
  }, true);
})"""

SEEN = "mark => !!window.__ekTtu && window.__ekTtu[mark] !== undefined"
READ_MARKS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const first = document.querySelector(".ek-exercise");
  const id = first && (first.className.match(/\\bek-ex-(\\S+)/) || [])[1];
  const at = key => nav && nav[key] > 0 ? nav[key] : undefined;
  return {...(window.__ekTtu || {}), response_end: at("responseEnd"), load: at("loadEventEnd"),
          first_exercise: id || null};
}"""


# -- what the page should show -----------------------------------------------------------------
def target(session: str) -> dict[str, str]:
    """The demo team's name, and the session's first exercise (in the notebook's order, homework
    aside) with its first text field holding a saved answer: that answer as a field shows it."""
    from ekokit.content.example import example_workbook
    from ekokit.content.exercises import find_exercise
    from ekokit.content.plan import notebook_plan

    book = example_workbook()
    ids = [e for step in notebook_plan()[session] for e in step.exercises]
    first = next(find_exercise(e) for e in ids if not find_exercise(e).is_homework)
    revisions = book["exercises"].get(first.id) or [{"data": {}}]
    data = revisions[-1]["data"]
    for spec in first.spec.fields:
        value = data.get(spec.name)
        if spec.type == "textlist" and isinstance(value, list):
            value = "\n".join(value)  # one line per item in its textarea
        if spec.type in TEXT_TYPES and isinstance(value, str) and value:
            return {"team": book["team"]["name"], "exercise": first.id, "field": spec.name,
                    "answer": value}
    raise SystemExit(f"{NAME}: the demo team has no text answer to {first.id}, the first "
                     f"exercise of session {session} (data/examples/demo_team/)")


# -- one page load -------------------------------------------------------------------------------
async def new_page(browser, probe: dict[str, str], timeout: float):
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    context.set_default_timeout(timeout * 1000)
    await context.add_init_script(script=f"{PROBE}({json.dumps(probe)})")
    return context, await context.new_page()


async def load(page, url: str, timeout: float) -> dict[str, Any]:
    """Open ``url``, wait for the team, click the first exercise open, wait for its answer."""
    from playwright.async_api import Error as PlaywrightError

    out: dict[str, Any] = {"ok": False}
    t0 = time.perf_counter()
    try:
        async with asyncio.timeout(timeout):
            await page.goto(url, wait_until="commit")
            await page.wait_for_function(SEEN, arg="team_visible", polling=50)
            await page.locator(".ek-exercise").first.locator(".ek-toggle").first.click()
            await page.wait_for_function(SEEN, arg="usable", polling=50)
        out["ok"] = True
    except TimeoutError:
        out["error"] = f"not usable within {timeout:.0f} s"
    except PlaywrightError as exc:
        out["error"] = f"{type(exc).__name__}: {exc.message.splitlines()[0]}"
    out["wall_s"] = time.perf_counter() - t0
    try:
        async with asyncio.timeout(10):
            marks = await page.evaluate(READ_MARKS)
    except (TimeoutError, PlaywrightError):
        marks = {}
    for key in ("response_end", "load", "team_visible", "usable", "click"):
        out[key] = marks[key] / 1000 if marks.get(key) is not None else None
    out["open_exercise"] = (out["usable"] - out["click"]
                            if out["usable"] is not None and out["click"] is not None else None)
    out["first_exercise"] = marks.get("first_exercise")
    if not out["ok"]:  # how far it got
        out["reached"] = [k for k in ("response_end", "team_visible", "click") if out[k]]
    return out


async def sequential(port: int, path: str, probe: dict[str, str], repeats: int,
                     timeout: float) -> list[dict[str, Any]]:
    from playwright.async_api import async_playwright
    from tests.servers import CHROMIUM_ARGS, chromium_path

    url = f"http://127.0.0.1:{port}{path}"
    loads = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            for _ in range(repeats):
                context, page = await new_page(browser, probe, timeout)
                try:
                    loads.append(await load(page, url, timeout))
                finally:
                    await context.close()
        finally:
            await browser.close()
    return loads


async def at_once(port: int, path: str, probe: dict[str, str], pages: int,
                  timeout: float) -> tuple[list[dict[str, Any]], float]:
    """``pages`` contexts ready first, then every page navigates at the same moment."""
    from playwright.async_api import async_playwright
    from tests.servers import CHROMIUM_ARGS, chromium_path

    url = f"http://127.0.0.1:{port}{path}"
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            opened = [await new_page(browser, probe, timeout) for _ in range(pages)]
            t0 = time.perf_counter()
            loads = await asyncio.gather(*(load(page, url, timeout) for _, page in opened))
            wall = time.perf_counter() - t0
            for context, _ in opened:
                await context.close()
        finally:
            await browser.close()
    return list(loads), wall


# -- servers -------------------------------------------------------------------------------------
def stats(loads: list[dict[str, Any]]) -> dict[str, Any]:
    good = [x for x in loads if x["ok"]]
    return {"ok": len(good), "loads": len(loads),
            **{mark: summary([x[mark] for x in good]) for mark in MARKS},
            "errors": sorted({x["error"] for x in loads if not x["ok"]})}


def run_server(db: Path, session: str, probe: dict[str, str], participants: int, pages: int,
               burst: bool, timeout: float) -> dict[str, Any]:
    """One fresh server for one session: ready, then ``pages`` page loads."""
    kind = f"{'burst' if burst else 'pool'}{participants}" if participants else "cold"
    server, port, path, ready = ready_session_server(f"{NAME}-s{session}-{kind}", db, session,
                                                     participants)
    try:
        root, browser_cpu = server.proc.pid, own_cpu()
        before = cpu_snapshot(root)
        if burst:
            loads, wall = asyncio.run(at_once(port, path, probe, pages, timeout))
        else:
            loads, wall = asyncio.run(sequential(port, path, probe, pages, timeout)), None
        cpu = {**cpu_spent(before, cpu_snapshot(root), root),
               "browser_cpu_s": round(own_cpu() - browser_cpu, 2)}
        pooled = server.count(POOLED_LINE)
    finally:
        server.stop()
    return {"url": path, "participants": participants, "ready_s": ready, "wall_s": wall,
            "pooled_requests": pooled, **stats(loads), "cpu": cpu, "log": str(server.log_path),
            "page_loads": loads}


def own_cpu() -> float:
    """CPU seconds of this process and its finished children: Playwright's driver and chromium
    (ended and waited for when Playwright stops), not the server (still running)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run_session(db: Path, session: str, args: argparse.Namespace) -> dict[str, Any]:
    probe = target(session)
    part: dict[str, Any] = {"notebook": session_notebook(session), "team": probe["team"],
                            "exercise": probe["exercise"], "field": probe["field"]}
    if args.burst:
        part["burst"] = run_server(db, session, probe, args.burst, args.burst, True, args.timeout)
    else:
        part["cold"] = run_server(db, session, probe, 0, args.repeats, False, args.timeout)
        part["pooled"] = run_server(db, session, probe, args.participants or args.repeats,
                                    args.repeats, False, args.timeout)
    return part


# -- report --------------------------------------------------------------------------------------
def _sequential_table(result: dict[str, Any]) -> str:
    rows = []
    for session, part in result["results"].items():
        for kind in ("cold", "pooled"):
            r = part[kind]
            label = f"{session}: `{part['notebook']}`, {kind}"
            if kind == "pooled":
                label += f" ({r['pooled_requests']}/{r['loads']} from the pool)"
            rows.append([label, f"{r['ok']}/{r['loads']}",
                         fmt(r["response_end"]["median"]), fmt(r["team_visible"]["median"]),
                         fmt(r["team_visible"]["max"]), fmt(r["usable"]["median"]),
                         fmt(r["usable"]["max"]), fmt(r["open_exercise"]["median"])])
    table = md_table(["session page in chromium (s)", "ok", "HTML end", "team visible",
                      "team visible max", "usable", "usable max", "open exercise"], rows)
    p = result["args"]["participants"] or result["args"]["repeats"]
    return (f"{table}\n\nMedians of {result['args']['repeats']} loads one after another, each in "
            f"a fresh browser context. cold: `ekokit serve "
            f"--session S`, a kernel per request; pooled: `--participants {p}`, after \"ekokit "
            f"ready\".")


def _burst_table(result: dict[str, Any]) -> str:
    rows = []
    for session, part in result["results"].items():
        r = part["burst"]
        rows.append([f"{session}: `{part['notebook']}`", f"{r['ok']}/{r['loads']}",
                     fmt(r["response_end"]["median"]), fmt(r["team_visible"]["median"]),
                     fmt(r["team_visible"]["p95"]), fmt(r["usable"]["median"]),
                     fmt(r["usable"]["p95"]), fmt(r["open_exercise"]["median"]),
                     f"{r['pooled_requests']}/{r['loads']}"])
    k = result["args"]["burst"]
    table = md_table([f"{k} pages at once in chromium (s)", "ok", "HTML end p50",
                      "team visible p50", "team visible p95", "usable p50", "usable p95",
                      "open exercise p50", "from pool"], rows)
    return (f"{table}\n\n{k} browser contexts navigate at the same moment against `ekokit serve "
            f"--session S --participants {k}`.")


def _definitions(runs: list[dict[str, Any]]) -> str:
    answers = {s: f"`{part['exercise']}.{part['field']}`"
               for r in runs for s, part in r["results"].items()}
    which = ", ".join(f"Session {s}: {a}" for s, a in sorted(answers.items()))
    return ("Times from the navigation's start, measured in the page. HTML end: the page's last "
            "byte; team visible: the team heading with the team's name and the progress box "
            "rendered; usable: the first exercise opened (clicked as soon as the team was "
            f"visible) and showing the team's saved answer ({which}); open exercise: click → "
            "answer shown.")


def markdown(results: dict[str, Any] | list[dict[str, Any]]) -> str:
    """A table per run: page loads one after another (cold and pooled), or a burst."""
    runs = [results] if isinstance(results, dict) else results
    tables = [_burst_table(r) if r["args"]["burst"] else _sequential_table(r) for r in runs]
    return "\n\n".join([*tables, _definitions(runs)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=parse_sessions, default=["1"],
                        help=f"comma-separated session ids among {','.join(session_ids())} "
                             "(default: 1)")
    parser.add_argument("--repeats", type=int, default=5, help="page loads per server")
    parser.add_argument("--participants", type=int, default=0,
                        help="pool size of the pooled server (default: --repeats)")
    parser.add_argument("--burst", type=int, default=0, metavar="K",
                        help="K pages at once against a pool of K instead (keep K small)")
    parser.add_argument("--timeout", type=float, default=120.0, help="per page load, seconds")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="ekokit-bench-") as tmp:
        db = Path(tmp) / "ekokit.sqlite"
        seed_demo_team(db)
        try:
            for session in args.sessions:
                print(f"{NAME}: session {session}…", file=sys.stderr, flush=True)
                results[session] = run_session(db, session, args)
        except ServerFailed as exc:
            print(f"{NAME}: {exc}", file=sys.stderr)
            return 1
    result = {"args": vars(args), "unit": "s", "results": results}
    path = write_result(f"{NAME}_burst" if args.burst else NAME, result)
    print(markdown(result))
    failed = [(s, x) for s, part in results.items() for kind in ("cold", "pooled", "burst")
              if kind in part for x in part[kind]["page_loads"] if not x["ok"]]
    for session, part in results.items():
        for kind in ("cold", "pooled", "burst"):
            if kind in part:
                c = part[kind]["cpu"]
                print(f"\nSession {session}, {kind}, CPU during the page loads: server process "
                      f"{c['server_cpu_s']} s, kernels already running {c['old_kernels_cpu_s']} "
                      f"s, {c['new_processes']} processes started meanwhile "
                      f"{c['new_processes_cpu_s']} s, chromium and Playwright "
                      f"{c['browser_cpu_s']} s.")
    if failed:
        print(f"\n{len(failed)} page load(s) not usable: {failed[:3]}")
    print(f"\n({path}; server logs in {Path(path).parent / 'logs'})")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
