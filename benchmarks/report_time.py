"""Time to make the reports, through the library, from a real SQLite file in a temporary folder.

(a) One team's report (the demo team, every exercise answered) in each format: from the store to
    the file's bytes. Twice: with no chart drawn yet in the process (the first download), and
    after an earlier report of the same answers drew them (another format, a second download).
(b) The programme report (``ekokit report --all``) over the demo team plus N synthetic copies,
    as HTML and as XLSX.

Usage: .venv/bin/python benchmarks/report_time.py [--teams 100] [--repeats 3] [--lang fi]
Prints a Markdown table; writes benchmarks/results/report_time.json."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import REPO, fmt, md_table, summary, write_result

sys.path.insert(0, str(REPO))  # time this checkout's ekokit, whichever one is installed

NAME = "report_time"
TEAM_FORMATS = ("html", "pptx", "xlsx", "md")
PROGRAMME_FORMATS = ("html", "xlsx")


def timed(fn: Callable[[], bytes], repeats: int) -> tuple[list[float], int]:
    """Seconds of each of ``repeats`` calls, and the size of the last file in bytes."""
    times, size = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        size = len(fn())
        times.append(time.perf_counter() - t0)
    return times, size


def run(teams: int, repeats: int, lang: str) -> dict[str, Any]:
    from ekokit.model.teams import DEMO_TEAM
    from ekokit.reports import make_report
    from ekokit.store.database import Store
    from ekokit.store.demo import ensure_demo_team, seed_synthetic_teams

    with tempfile.TemporaryDirectory(prefix="ekokit-bench-") as folder:
        store = Store(str(Path(folder) / "ekokit.sqlite"))
        ensure_demo_team(store)
        make_report(store, "md", lang, team=DEMO_TEAM)  # untimed: imports, fonts, caches
        rows: list[dict[str, Any]] = []
        from ekokit.reports.build import forget_drawn_charts

        def cold(f: str) -> bytes:  # the first report of these answers in this process
            forget_drawn_charts()
            return make_report(store, f, lang, team=DEMO_TEAM)

        for fmt_name in TEAM_FORMATS:
            for label, make in (("charts not drawn yet", cold),
                                ("charts drawn by an earlier format",
                                 lambda f: make_report(store, f, lang, team=DEMO_TEAM))):
                times, size = timed(lambda f=fmt_name, m=make: m(f), repeats)
                rows.append({"what": f"one team ({DEMO_TEAM}), {fmt_name}, {label}",
                             "teams": 1, "bytes": size, "seconds": summary(times)})
                print(f"  {rows[-1]['what']}: {fmt(summary(times)['median'])} s", flush=True)
        t0 = time.perf_counter()
        seed_synthetic_teams(store, teams)
        seeded = time.perf_counter() - t0
        for fmt_name in PROGRAMME_FORMATS:
            times, size = timed(lambda f=fmt_name: make_report(store, f, lang, all_teams=True),
                                repeats)
            rows.append({"what": f"--all, {fmt_name}", "teams": teams + 1, "bytes": size,
                         "seconds": summary(times)})
            print(f"  {rows[-1]['what']}: {fmt(summary(times)['median'])} s", flush=True)
    return {"teams": teams, "repeats": repeats, "lang": lang, "seed_seconds": round(seeded, 2),
            "rows": rows}


def markdown(result: dict[str, Any]) -> str:
    rows = [[r["what"], r["teams"], f"{r['bytes'] / 1024:,.0f}", fmt(r["seconds"]["median"]),
             fmt(r["seconds"]["min"]), fmt(r["seconds"]["max"])] for r in result["rows"]]
    return md_table(["report (s)", "teams", "KiB", "median", "min", "max"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=100,
                        help="synthetic teams besides the demo team for --all (default 100)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each report")
    parser.add_argument("--lang", default="fi")
    args = parser.parse_args(argv)
    result = run(args.teams, args.repeats, args.lang)
    path = write_result(NAME, result)
    print(markdown(result))
    print(f"\n({args.repeats} timed runs each after one untimed; {args.teams} synthetic teams "
          f"seeded in {result['seed_seconds']} s; {path})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
